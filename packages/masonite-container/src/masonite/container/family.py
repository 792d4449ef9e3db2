"""What containers keep beside their bindings: shared settings and rarely used parts."""

from __future__ import annotations

import threading
from typing import Any

from masonite.container.hooks import Hooks

__all__ = ["Family", "Local"]


class Family:
    """What a root container shares with every scope opened from it."""

    __slots__ = ("lock", "override", "plain", "strict")

    def __init__(self, strict: bool, override: bool) -> None:
        self.strict = strict
        self.override = override
        # Serializes writes into a root container and every registration of a
        # swap or hook. Binds into a scope skip it: a scope belongs to one request.
        self.lock = threading.Lock()
        # PERF: True while no container of the family has a swap or a hook, which
        # lets make() and resolve() skip both checks entirely. Set once, never reset.
        self.plain = True


class Local:
    """The rarely used parts of one container: swaps, hooks, ABC lookups."""

    __slots__ = ("hooks", "scanned", "swaps")

    def __init__(self) -> None:
        self.swaps: dict[type, Any] = {}
        self.hooks = Hooks()
        # class with a custom metaclass -> key of the first binding it accepts
        self.scanned: dict[type, Any] = {}
