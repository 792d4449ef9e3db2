"""Public access to injection plans: inspect one, or prepare a call once and reuse it.

Packages built on the container (the framework's providers, a router's resolver) read
how :meth:`Container.resolve` would fill a callable's parameters through
:func:`injection_plan`, never through the container's private modules, and call the
same callable on every request through :func:`prepare`::

    from masonite.container import injection_plan, prepare

    plan = injection_plan(provider.boot)
    [(p.name, p.source) for p in plan.parameters]  # [('request', 'inject'), ...]

    boot = prepare(provider.boot)   # once, at start-up
    boot(request_scope)             # per request: the same as request_scope.resolve(provider.boot)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from masonite.container.container import Container
from masonite.container.plan import INJECT, KEYWORD, SELF, InjectionPlan, plan_for

__all__ = ["injection_plan", "prepare"]

R = TypeVar("R")

#: The most parameters a prepared call reads inline; longer signatures resolve.
_MAX_INLINE = 8


def injection_plan(target: Callable[..., Any]) -> InjectionPlan:
    """Return how :meth:`Container.resolve` calls ``target`` (computed once, cached).

    The plan's ``parameters`` are :class:`~masonite.container.plan.Parameter` tuples
    ``(name, source, annotation, default, kind)``; ``var_positional``,
    ``var_keyword`` and ``keyword_names`` describe what else ``target`` accepts. A
    bound method's plan leaves out ``self`` and is shared by every instance.

    Raises:
        ContainerError: ``target`` is not callable or an annotation cannot be evaluated.
    """
    return plan_for(target, Container)


def prepare(target: Callable[..., R]) -> Callable[[Container], R]:
    """Return ``call(container)``, which does what ``container.resolve(target)`` does.

    The plan is read once, here. When every parameter of ``target`` is injected by
    class or receives the container, the returned function reads the values straight
    from the container's index of instances; whenever that cannot answer (a value
    bound in a parent only, a class to build, swaps or hooks registered, a parameter
    of another kind) it calls ``container.resolve(target)``, so the outcome, errors
    included, is always that of ``resolve``. Prepare what is called again and again
    with the same callable (a provider's bound ``boot``), at start-up.

    Raises:
        ContainerError: ``target`` is not callable or an annotation cannot be evaluated.
    """
    plan = plan_for(target, Container)
    steps = plan.steps
    if len(steps) > _MAX_INLINE or not all(
        mode in (INJECT, SELF) and passing != KEYWORD for _, mode, _, _, passing in steps
    ):

        def resolve(container: Container) -> R:
            return container.resolve(target)

        return resolve
    return _specialised(target, plan)


def _specialised(target: Callable[..., R], plan: InjectionPlan) -> Callable[[Container], R]:
    """Generate the straight-line call for a plan of injected and container parameters.

    PERF: a generated function reads each value with one dict lookup and calls
    ``target`` with them as plain positional arguments: no plan walk, no bound method
    made per call (bench_container: 131 ns against 57 ns for calling a provider's
    ``boot(request, response)`` by hand, where ``scope.resolve(provider.boot)`` costs
    about 230 ns; Python 3.11 on the 2-core dev machine).
    """
    namespace: dict[str, Any] = {"target": target}
    lines: list[str] = []
    names: list[str] = []
    for index, (_, mode, annotation, _, _) in enumerate(plan.steps):
        name = f"v{index}"
        namespace[f"C{index}"] = annotation
        names.append(name)
        if mode == INJECT:
            lines.append(f"        {name} = ready.get(C{index})")
        elif annotation is Container:
            lines.append(f"        {name} = container")
        else:  # a subclass of Container: only a container of that class is passed as is
            lines.append(f"        {name} = container if isinstance(container, C{index}) else None")
    checks = " and ".join(f"{name} is not None" for name in names) or "True"
    source = "\n".join(
        [
            "def prepared(container):",
            "    if container._family.plain:",
            "        ready = container._ready",
            *lines,
            f"        if {checks}:",
            f"            return target({', '.join(names)})",
            "    return container.resolve(target)",
        ]
    )
    code = compile(source, f"<prepared {plan.describe()}>", "exec")
    exec(code, namespace)  # the source is built above from constants and indexes only
    prepared: Callable[[Container], R] = namespace["prepared"]
    prepared.__qualname__ = prepared.__name__ = f"prepared_{getattr(target, '__name__', 'call')}"
    prepared.__doc__ = f"container.resolve({plan.describe()}), specialised."
    return prepared
