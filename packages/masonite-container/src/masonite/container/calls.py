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

    run = prepare_all([a.boot, b.boot])  # the same for a sequence, in one function
    show = prepare_method(controller.show)  # any instance's method: show(scope, controller)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import MethodType
from typing import Any, TypeVar

from masonite.container.container import Container
from masonite.container.errors import ContainerError
from masonite.container.plan import INJECT, KEYWORD, SELF, InjectionPlan, plan_for

__all__ = ["injection_plan", "prepare", "prepare_all", "prepare_method"]

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
    if not _inlined(plan):

        def resolve(container: Container) -> R:
            return container.resolve(target)

        return resolve
    prepared: Callable[[Container], R] = _generate([target], returns=True)
    prepared.__qualname__ = prepared.__name__ = f"prepared_{getattr(target, '__name__', 'call')}"
    prepared.__doc__ = f"container.resolve({plan.describe()}), specialised."
    return prepared


def prepare_method(method: Callable[..., R]) -> Callable[[Container, Any], R]:
    """Return ``call(container, instance)``: :func:`prepare` for a method of any instance.

    ``method`` is a bound method of one instance; the result calls the same method
    bound to the ``instance`` it is given, as
    ``container.resolve(types.MethodType(method.__func__, instance))`` would. Prepare
    a controller's method once and call it with each request's new controller.

    Raises:
        ContainerError: ``method`` is not a bound method, or an annotation cannot be
            evaluated.
    """
    if not isinstance(method, MethodType):
        raise ContainerError(
            f"prepare_method() needs a bound method, got {method!r}; use prepare() for "
            f"other callables",
            key=method,
        )
    function = method.__func__
    plan = plan_for(method, Container)
    if not _inlined(plan):

        def resolve(container: Container, instance: Any) -> R:
            return container.resolve(MethodType(function, instance))  # type: ignore[no-any-return]

        return resolve
    prepared: Callable[[Container, Any], R] = _generate([function], returns=True, bound=plan)
    prepared.__qualname__ = prepared.__name__ = f"prepared_{function.__name__}"
    prepared.__doc__ = f"container.resolve({plan.describe()}) for an instance, specialised."
    return prepared


def prepare_all(targets: Sequence[Callable[..., Any]]) -> Callable[[Container], None]:
    """Return ``run(container)``: ``container.resolve(target)`` for each target, in order.

    What :func:`prepare` does for one callable, for a fixed sequence of them (the
    per-request ``boot`` of every provider), in one function: each target's arguments
    are read from the container just before it is called, so a target sees what the
    ones before it bound. Results are discarded; an exception stops the sequence.

    Raises:
        ContainerError: A target is not callable or an annotation cannot be evaluated.
    """
    for target in targets:
        plan_for(target, Container)  # fail here, at start-up, for a bad target
    run: Callable[[Container], None] = _generate(list(targets), returns=False)
    run.__qualname__ = run.__name__ = "prepared_all"
    run.__doc__ = f"container.resolve() of {len(targets)} callables in turn, specialised."
    return run


def _inlined(plan: InjectionPlan) -> bool:
    """Whether every parameter is injected by class or is the container (by position)."""
    return len(plan.steps) <= _MAX_INLINE and all(
        mode in (INJECT, SELF) and passing != KEYWORD for _, mode, _, _, passing in plan.steps
    )


def _generate(
    targets: list[Callable[..., Any]], *, returns: bool, bound: InjectionPlan | None = None
) -> Any:
    """Generate one straight-line function calling ``targets`` in turn on a container.

    PERF: each value is one dict subscript in the container's index (a miss raises
    ``KeyError`` into the fallback; ``ready.get`` and a ``None`` check per value ran ~1k
    more machine instructions for bench_lifecycle's three boots, callgrind) and each
    target is called with plain positional arguments: no plan walk, no bound method made
    per call, and for a sequence no call per target through a helper (bench_container: a
    prepared ``boot(request, response)`` costs 127 ns against 59 ns for calling it by
    hand, where ``scope.resolve(provider.boot)`` costs 264 ns; the five provider boots
    of bench_lifecycle's requests in one function run ~2.4k fewer machine instructions
    per request than five prepared calls (cachegrind), about 0.2 µs; Python 3.11 on the
    2-core dev machine).
    """
    namespace: dict[str, Any] = {}
    header = "def prepared(container, instance):" if bound else "def prepared(container):"
    plans = [bound or plan_for(target, Container) for target in targets]
    lines = [header, *calls_source(targets, plans, namespace, returns=returns, bound=bound)]
    source = "\n".join(lines)
    names = ", ".join(plan.describe() for plan in plans)
    code = compile(source, f"<prepared {names}>", "exec")
    exec(code, namespace)  # the source is built here from constants and indexes only
    return namespace["prepared"]


def calls_source(
    targets: Sequence[Callable[..., Any]],
    plans: Sequence[InjectionPlan],
    namespace: dict[str, Any],
    *,
    returns: bool = False,
    bound: InjectionPlan | None = None,
) -> list[str]:
    """The body lines calling ``targets`` in turn on the local ``container``.

    The targets, their annotations and ``MethodType`` go into ``namespace`` as ``T<i>``,
    ``C<i>_<j>`` and ``MethodType``; the lines are indented for a function body.
    """
    namespace["MethodType"] = MethodType
    lines = ["    family = container._family"]
    for index, (target, plan) in enumerate(zip(targets, plans, strict=True)):
        namespace[f"T{index}"] = target
        lines.extend(_block(index, plan, namespace, returns, bound=bound is not None))
    return lines


def _block(
    index: int, plan: InjectionPlan, namespace: dict[str, Any], returns: bool, *, bound: bool
) -> list[str]:
    """The source lines that call target ``T<index>`` as ``container.resolve`` would.

    With ``bound``, the target is a method's function, called with ``instance`` first.
    """
    target = f"T{index}"
    resolved = f"MethodType({target}, instance)" if bound else target
    give = "return " if returns else ""
    if not _inlined(plan):
        return [f"    {give}container.resolve({resolved})"]
    lines = ["    if family.plain:", "        ready = container._ready"]
    names: list[str] = []
    lookups: list[str] = []
    for position, (_, mode, annotation, _, _) in enumerate(plan.steps):
        name, constant = f"v{index}_{position}", f"C{index}_{position}"
        namespace[constant] = annotation
        names.append(name)
        if mode == INJECT:
            lookups.append(f"{name} = ready[{constant}]")
        elif annotation is Container:
            lines.append(f"        {name} = container")
        else:  # a subclass of Container: only a container of that class is passed as is
            lookups.append(f"if not isinstance(container, {constant}): raise KeyError")
            lookups.append(f"{name} = container")
    call = f"{target}({', '.join((['instance'] if bound else []) + names)})"
    fallback = f"container.resolve({resolved})"
    if returns:
        if not lookups:
            return [*lines, f"        return {call}", f"    return {fallback}"]
        return [
            *lines,
            "        try:",
            *(f"            {lookup}" for lookup in lookups),
            "        except KeyError:",
            "            pass",
            "        else:",
            f"            return {call}",
            f"    return {fallback}",
        ]
    if not lookups:
        return [*lines, f"        {call}", "    else:", f"        {fallback}"]
    return [
        *lines,
        "        try:",
        *(f"            {lookup}" for lookup in lookups),
        "        except KeyError:",
        f"            {fallback}",
        "        else:",
        f"            {call}",
        "    else:",
        f"        {fallback}",
    ]
