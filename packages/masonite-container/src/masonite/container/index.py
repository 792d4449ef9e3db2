"""The per-container index of lookups by class, kept up to date by ``bind``."""

from __future__ import annotations

from typing import Any

from masonite.container.recipe import MISSING, Recipe, lookup_type

__all__ = ["index_binding"]


def index_binding(
    answers: dict[type, Any],
    ready: dict[type, Any],
    bindings: dict[Any, Any],
    key: Any,
    stored: Any,
) -> None:
    """Record a new binding in a container's index of lookups by class.

    The binding answers its own class unless an earlier binding has exactly that
    class, and each of its bases that no earlier binding answers.
    """
    instance = type(stored) is not Recipe
    cls: type | None = type(stored) if instance else stored.lookup_type
    if cls is None:  # a singleton factory: found by key only
        return
    current = answers.get(cls, MISSING)
    if current is MISSING or lookup_type(bindings[current]) is not cls:
        answers[cls] = key
        if instance:
            ready[cls] = stored
        else:
            ready.pop(cls, None)
    mro = cls.__mro__
    if len(mro) > 2:  # every class but object: its bases, without object itself
        for base in mro[1:-1]:
            if base not in answers:
                answers[base] = key
                if instance:
                    ready[base] = stored
