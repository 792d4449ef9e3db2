"""What a class binding stores: a class built on every ``make``, or a singleton."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

__all__ = ["MISSING", "Recipe", "lookup_type"]

#: Marks "nothing there" where ``None`` is a legitimate bound value.
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "<missing>", "__slots__": ()})()


class Recipe:
    """A binding that produces its object instead of being it.

    Attributes:
        factory: The class (or, for singletons, any callable) to resolve.
        shared: ``True`` for a singleton: built once on first use, then reused.
        instance: The singleton once built, else ``MISSING``.
        lookup_type: The class that lookups by type see for this binding
            (``None`` for a singleton factory that is not a class).
    """

    __slots__ = ("factory", "instance", "lock", "lookup_type", "shared")

    def __init__(self, factory: Callable[..., Any], *, shared: bool) -> None:
        self.factory = factory
        self.shared = shared
        self.instance: Any = MISSING
        self.lookup_type: type | None = factory if isinstance(factory, type) else None
        # Re-entrant: a singleton whose constructor needs itself must reach the
        # circular-dependency error, not deadlock.
        self.lock = threading.RLock() if shared else None

    def shared_instance(self, build: Callable[[], Any]) -> Any:
        """Return the singleton, calling ``build`` once (thread-safe) the first time."""
        instance = self.instance
        if instance is MISSING:
            assert self.lock is not None
            with self.lock:
                instance = self.instance
                if instance is MISSING:
                    instance = self.instance = build()
        return instance

    def __repr__(self) -> str:
        kind = "singleton" if self.shared else "class"
        return f"<Recipe {kind} {getattr(self.factory, '__qualname__', self.factory)!r}>"


def lookup_type(stored: Any) -> type | None:
    """The class that lookups by type see for a stored binding."""
    return stored.lookup_type if type(stored) is Recipe else type(stored)
