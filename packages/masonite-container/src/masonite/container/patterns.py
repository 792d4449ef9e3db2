"""The glob patterns of ``Container.collect``: one ``*`` over string keys."""

from __future__ import annotations

from collections.abc import Callable

from masonite.container.errors import ContainerError

__all__ = ["compile_pattern"]


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
