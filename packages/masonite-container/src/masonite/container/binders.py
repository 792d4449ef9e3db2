"""Prepared bindings: the same ``bind`` calls on every request, planned once.

A request scope receives the same kinds of objects on every request (``'Request'`` is a
``Request``, ``'Response'`` a ``Response``). :func:`prepare_bindings` works out once
what ``bind`` would write into a scope's index for objects of exactly those classes, and
returns a function that writes it, falling back to plain ``bind`` calls whenever its
assumptions do not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from masonite.container.errors import ContainerError
from masonite.container.index import index_binding
from masonite.container.recipe import Recipe

__all__ = ["prepare_bindings"]


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
    keys = list(classes)
    for key, cls in classes.items():
        if type(key) is not str or not isinstance(cls, type):
            raise ContainerError(
                f"prepare_bindings needs string keys and classes, got {key!r}: {cls!r}",
                key=key,
            )
    # What bind() would index, worked out on an empty index: a class recipe stands in
    # for each object (lookups by type see the same class; every answer is then an
    # instance, so the ready index gets an entry per answered class).
    answers: dict[type, Any] = {}
    bindings: dict[Any, Any] = {}
    for key, cls in classes.items():
        bindings[key] = Recipe(cls, shared=False)
        index_binding(answers, {}, bindings, key, bindings[key])
    namespace: dict[str, Any] = {}
    values = [f"v{index}" for index in range(len(keys))]
    names = {cls: f"C{index}" for index, cls in enumerate(answers)}
    for cls, name in names.items():
        namespace[name] = cls
    for index, cls in enumerate(classes.values()):
        namespace[f"T{index}"] = cls
    conditions = [
        "container._parent is not None",
        "container._family.plain",
        *(f"type({value}) is T{index}" for index, value in enumerate(values)),
        *(f"{key!r} not in bindings" for key in keys),
        *(f"{name} not in answers" for name in names.values()),
    ]
    position = {key: index for index, key in enumerate(keys)}
    lines = [
        f"def bind(container, {', '.join(values)}):",
        "    bindings = container._bindings",
        "    answers = container._answers",
        f"    if {' and '.join(conditions)}:",
        *(f"        bindings[{key!r}] = {values[position[key]]}" for key in keys),
        *(f"        answers[{names[cls]}] = {key!r}" for cls, key in answers.items()),
        "        ready = container._ready",
        *(f"        ready[{names[cls]}] = {values[position[answers[cls]]]}" for cls in answers),
        "    else:",
        *(f"        container.bind({key!r}, {values[position[key]]})" for key in keys),
    ]
    code = compile("\n".join(lines), f"<prepared bindings {', '.join(keys)}>", "exec")
    exec(code, namespace)  # the source is built here from the keys and indexes only
    bind: Callable[..., None] = namespace["bind"]
    bind.__qualname__ = bind.__name__ = "prepared_bindings"
    bind.__doc__ = f"container.bind() of {', '.join(keys)} in turn, specialised."
    return bind
