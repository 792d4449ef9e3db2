"""What ``Container.collect`` matches: a glob with one ``*`` over string keys, or a class."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from masonite.container.errors import ContainerError
from masonite.container.recipe import MISSING, Recipe

__all__ = ["binding_filter", "compile_pattern"]


def compile_pattern(pattern: str) -> Callable[[str], bool]:
    """Return a predicate for ``pattern``: ``'*Hook'``, ``'Sentry*'``, ``'Sentry*Hook'``, ``'*'``.

    The ``*`` matches any run of characters, the empty one included; everything
    else matches literally.

    Raises:
        ContainerError: the pattern holds no ``*`` or more than one.
    """
    count = pattern.count("*")
    if count != 1:
        problem = "has no '*'" if count == 0 else f"has {count} '*'"
        raise ContainerError(
            f"collect({pattern!r}): the pattern {problem}; use exactly one '*' as in "
            f"'*Command', 'Sentry*' or 'Sentry*Hook' (use make() for one exact key)",
            key=pattern,
        )
    prefix, suffix = pattern.split("*")
    least = len(prefix) + len(suffix)

    def matches(key: str) -> bool:
        return len(key) >= least and key.startswith(prefix) and key.endswith(suffix)

    return matches


def binding_filter(search: Any) -> Callable[[Any, Any], bool]:
    """Return ``wanted(key, stored)``: whether a binding belongs in ``collect(search)``.

    ``stored`` is what a container keeps for the key (an instance, or a ``Recipe``).
    A string ``search`` is a pattern over string keys (see :func:`compile_pattern`);
    a class matches the bindings whose value is that class, a subclass, or an
    instance of either.

    Raises:
        ContainerError: ``search`` is neither a string nor a class, or a bad pattern.
    """
    wanted: Callable[[Any, Any], bool]
    if isinstance(search, str):
        matches = compile_pattern(search)

        def wanted(key: Any, stored: Any) -> bool:
            return isinstance(key, str) and matches(key)

    elif isinstance(search, type):
        cls = search

        def wanted(key: Any, stored: Any) -> bool:
            try:
                if type(stored) is not Recipe:
                    return isinstance(stored, cls)
                if stored.lookup_type is not None:
                    return issubclass(stored.lookup_type, cls)
                return stored.instance is not MISSING and isinstance(stored.instance, cls)
            except TypeError:  # a Protocol that is not runtime-checkable
                return False

    else:
        raise ContainerError(
            f"collect() takes a pattern such as '*Command' or a class, got {search!r}",
            key=search,
        )
    return wanted
