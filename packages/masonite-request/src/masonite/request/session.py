"""The type of ``request.session``: what a session offers, whoever provides it.

masonite-request does not implement sessions (``masonite.providers`` attaches one to each
request); this protocol lets type checkers see ``request.session`` and its methods without
masonite-request importing the framework.
"""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["SessionProtocol"]


class SessionProtocol(Protocol):
    """The methods ``request.session`` offers (``masonite.providers.Session`` has them)."""

    def get(self, key: str, default: Any = None) -> Any:
        """Return the value stored under ``key`` (flash values included), or ``default``."""
        ...

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key``."""
        ...

    def has(self, key: str) -> bool:
        """Return True when ``key`` holds a value."""
        ...

    def delete(self, key: str) -> bool:
        """Remove ``key``; return True when it held a value."""
        ...

    def pull(self, key: str, default: Any = None) -> Any:
        """Return the value under ``key`` (or ``default``) and remove it."""
        ...

    def all(self) -> dict[str, Any]:
        """Return a copy of every value."""
        ...

    def flash(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` for this request and the next one only."""
        ...

    def reset(self, flash_only: bool = False) -> None:
        """Remove every value, or with ``flash_only`` only the flash values."""
        ...

    def regenerate(self) -> None:
        """Keep the values but issue a new session (after a login: no fixation)."""
        ...
