"""Prepared bindings: the same ``bind`` calls (and scopes) on every request, planned once.

A request scope receives the same kinds of objects on every request (``'Environ'`` is a
``dict``, ``'Request'`` a ``Request``). :func:`prepare_bindings` works out once what
``bind`` would write into a scope's index for objects of exactly those classes, and
returns a function that writes it; :func:`prepare_scope` returns one that opens a scope
with those bindings already in it. Both fall back to plain ``scope()`` and ``bind``
calls whenever their assumptions do not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from masonite.container.calls import calls_source
from masonite.container.container import Container
from masonite.container.errors import ContainerError
from masonite.container.index import index_binding
from masonite.container.plan import plan_for
from masonite.container.recipe import Recipe

__all__ = ["prepare_bindings", "prepare_scope"]


def prepare_bindings(classes: Mapping[str, type]) -> Callable[..., None]:
    """Return ``bind(container, *objects)``, binding ``objects`` under ``classes``' keys.

    ``bind(scope, request, response)`` for ``prepare_bindings({"Request": Request,
    "Response": Response})`` does what ``scope.bind("Request", request)`` then
    ``scope.bind("Response", response)`` do, in every case: when ``scope`` is a scope
    without hooks or swaps that holds none of the keys and none of the classes the
    objects answer, and each object is exactly of its declared class, the bindings and
    the index entries are written directly; otherwise each object goes through
    :meth:`Container.bind`.

    PERF: two binds into a request scope ran ~5k more machine instructions than writing
    the same dict entries (callgrind, Python 3.11, bench_lifecycle's ``GET /``).

    Args:
        classes: Key to the exact class of the object bound under it, in binding order
            (string keys; the objects are instances, never classes).

    Raises:
        ContainerError: A key is not a string or a value is not a class.
    """
    plan = _Plan(classes, "prepare_bindings")
    conditions = [
        "container._parent is not None",
        "container._family.plain",
        *plan.type_checks,
        *(f"{key!r} not in bindings" for key in plan.keys),
        *(f"{name} not in answers" for name in plan.names.values()),
    ]
    lines = [
        f"def bind(container, {plan.parameters}):",
        "    bindings = container._bindings",
        "    answers = container._answers",
        f"    if {' and '.join(conditions)}:",
        *(f"        bindings[{key!r}] = {value}" for key, value in plan.bindings),
        *(f"        answers[{name}] = {key!r}" for name, key in plan.answers),
        "        ready = container._ready",
        *(f"        ready[{name}] = {value}" for name, value in plan.ready),
        "    else:",
        *plan.binds("container", "        "),
    ]
    bind: Callable[..., None] = plan.compile(lines, "bind", "prepared bindings")
    bind.__doc__ = f"container.bind() of {', '.join(plan.keys)} in turn, specialised."
    return bind


def prepare_scope(
    classes: Mapping[str, type], then: Sequence[Callable[..., Any]] = ()
) -> Callable[..., Container]:
    """Return ``open(container, *objects)``: a new scope with ``objects`` bound in it.

    ``open(app, environ)`` for ``prepare_scope({"Environ": dict})`` returns what
    ``scope = app.scope()`` then ``scope.bind("Environ", environ)`` leave, in every case:
    when no hooks or swaps are registered and each object is exactly of its declared
    class, the scope is built with its bindings and its index already in place;
    otherwise it is opened with :meth:`Container.scope` and each object goes through
    :meth:`Container.bind`. Each callable of ``then`` is then called on the new scope,
    in order, as ``prepare_all(then)(scope)`` would (``scope.resolve()`` of each), before
    the scope is returned. The framework opens each request's scope, and boots its
    per-request providers, this way.

    PERF: a scope built with its three request bindings (``Environ``, ``Request``,
    ``Response``) written as dict displays ran ~6.5k fewer machine instructions than
    ``scope()`` plus three ``bind`` calls (callgrind, Python 3.11, bench_lifecycle's
    ``GET /``): a new dict built whole costs a fraction of the same entries added one by
    one through ``bind``'s checks. Running ``then`` in the same function saves another
    call per request.

    ``classes`` and the errors raised are those of :func:`prepare_bindings`; a callable
    of ``then`` that cannot be planned raises as in :func:`prepare_all`.
    """
    plan = _Plan(classes, "prepare_scope")
    plan.namespace["ANSWERS"] = {plan.namespace[name]: key for name, key in plan.answers}
    conditions = ["parent._family.plain", *plan.type_checks]
    plans = [plan_for(target, Container) for target in then]  # fails here for a bad one

    def display(pairs: list[tuple[str, str]]) -> str:
        return "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"

    lines = [
        f"def open_scope(parent, {plan.parameters}):",
        f"    if {' and '.join(conditions)}:",
        # What Container.scope() does, with the dicts built full instead of empty.
        "        container = new(type(parent))",
        "        container._family = parent._family",
        "        container._parent = parent",
        f"        container._bindings = {display([(repr(k), v) for k, v in plan.bindings])}",
        # PERF: the class -> key index is the same for every scope: copied, not rebuilt.
        "        container._answers = ANSWERS.copy()",
        f"        container._ready = {display(plan.ready)}",
        "        container._local = None",
        "    else:",
        "        container = parent.scope()",
        *plan.binds("container", "        "),
        *(calls_source(then, plans, plan.namespace) if then else []),
        "    return container",
    ]
    opener: Callable[..., Container] = plan.compile(lines, "open_scope", "prepared scope")
    runs = f", then {len(then)} callables resolved from it" if then else ""
    opener.__doc__ = f"container.scope() with {', '.join(plan.keys)} bound{runs}, specialised."
    return opener


class _Plan:
    """What ``bind`` would write for objects of exactly ``classes``, as source fragments.

    Worked out on an empty index: a class recipe stands in for each object (lookups by
    type see the same class; every answer is then an instance, so the ready index gets
    an entry per answered class).
    """

    def __init__(self, classes: Mapping[str, type], caller: str) -> None:
        for key, cls in classes.items():
            if type(key) is not str or not isinstance(cls, type) or issubclass(cls, type):
                raise ContainerError(
                    f"{caller} needs string keys and classes, got {key!r}: {cls!r}", key=key
                )
        self.keys = list(classes)
        values = {key: f"v{index}" for index, key in enumerate(self.keys)}
        answers: dict[type, Any] = {}
        bindings: dict[Any, Any] = {}
        for key, cls in classes.items():
            bindings[key] = Recipe(cls, shared=False)
            index_binding(answers, {}, bindings, key, bindings[key])
        self.namespace: dict[str, Any] = {"new": object.__new__}
        self.names = {cls: f"A{index}" for index, cls in enumerate(answers)}
        for cls, name in self.names.items():
            self.namespace[name] = cls
        for index, cls in enumerate(classes.values()):
            self.namespace[f"K{index}"] = cls
        self.parameters = ", ".join(values.values())
        self.type_checks = [f"type({values[key]}) is K{i}" for i, key in enumerate(self.keys)]
        self.bindings = [(key, values[key]) for key in self.keys]
        self.answers = [(self.names[cls], key) for cls, key in answers.items()]
        self.ready = [(self.names[cls], values[key]) for cls, key in answers.items()]

    def binds(self, target: str, indent: str) -> list[str]:
        """The general path: ``target.bind(key, value)`` for each, in order."""
        return [f"{indent}{target}.bind({key!r}, {value})" for key, value in self.bindings]

    def compile(self, lines: list[str], name: str, label: str) -> Any:
        """Compile ``lines`` and return the function ``name`` they define, renamed."""
        code = compile("\n".join(lines), f"<{label} {', '.join(self.keys)}>", "exec")
        exec(code, self.namespace)  # the source is built here from the keys and indexes only
        function = self.namespace[name]
        function.__qualname__ = function.__name__ = label.replace(" ", "_")
        return function
