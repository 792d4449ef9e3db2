"""Hooks: functions a container calls when a key is bound, made or resolved.

A hook is registered for one key, a string or a class, and fires only for it:

* a string hook fires when that exact key is bound or made, or when a parameter
  is injected from a binding with that key;
* a class hook fires for that class used as a key or annotation, and for any
  object concerned that is the class, a subclass of it or an instance of either
  (so ``on_make(Request, fn)`` sees ``make('Request')`` too).

Hooks are called as ``fn(obj, container)``, with the object that was bound, made
or injected and the container that did the work (the request scope inside a
request). Their return value is ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["EVENTS", "Hook", "Hooks", "concerns"]

Hook = Callable[[Any, Any], object]
EVENTS = ("bind", "make", "resolve")


class Hooks:
    """The hooks registered on one container, by event and key."""

    __slots__ = ("_by_event",)

    def __init__(self) -> None:
        self._by_event: dict[str, dict[Any, list[Hook]]] = {event: {} for event in EVENTS}

    def add(self, event: str, key: Any, fn: Hook) -> None:
        """Register ``fn`` for ``event`` on ``key`` (hooks of one key run in order)."""
        self._by_event[event].setdefault(key, []).append(fn)

    def matching(self, event: str, keys: Iterable[Any], obj: Any) -> list[Hook]:
        """Return the hooks of ``event`` whose key is one of ``keys`` or a class of ``obj``."""
        found: list[Hook] = []
        keys = tuple(keys)
        for hook_key, fns in self._by_event[event].items():
            if concerns(hook_key, keys, obj):
                found.extend(fns)
        return found


def concerns(hook_key: Any, keys: tuple[Any, ...], obj: Any) -> bool:
    """Whether a hook registered on ``hook_key`` concerns an event on ``keys`` and ``obj``."""
    for key in keys:
        if key == hook_key:
            return True
    if not isinstance(hook_key, type):
        return False
    try:
        return isinstance(obj, hook_key) or (isinstance(obj, type) and issubclass(obj, hook_key))
    except TypeError:  # a Protocol that is not runtime-checkable, and the like
        return False
