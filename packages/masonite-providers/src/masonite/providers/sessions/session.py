"""``request.session``: a per-request view of the client's session, loaded on first use."""

from __future__ import annotations

from typing import Any

from masonite.providers.sessions.driver import SessionDriver
from masonite.request import Request, Response
from masonite.request.cookies import parse_cookie

__all__ = ["Session"]


class Session:
    """The session of one request.

    Nothing is read or decrypted until a method is called (PERF: a request that never
    touches its session costs one small object). Flash values are ordinary values that
    live until the end of the next request: ``flash()`` now, read on the next request, gone
    after it. Values must be JSON values (str, int, float, bool, None, list, dict).

    Args:
        driver: The configured driver (shared by every request; thread-safe).
        request: The request whose cookie carries the session.
    """

    __slots__ = (
        "_data",
        "_driver",
        "_environ",
        "_fresh",
        "_modified",
        "_raw",
        "_regenerate",
        "_stale",
    )

    def __init__(self, driver: SessionDriver, request: Request) -> None:
        self._driver = driver
        # PERF: the environ, not the request: the request holds the session
        # (request.session), so a session holding the request would make a reference
        # cycle, and every request would leave its objects to the cyclic garbage
        # collector (10 objects per request; bench_lifecycle's kernel ran ~1 µs
        # slower for GET / and ~2 µs slower for the form POST with them).
        self._environ = request.environ
        self._data: dict[str, Any] | None = None

    def _cookie(self) -> str | None:
        """This request's session cookie, as ``request.cookie(name)`` reads it."""
        header = self._environ.get("HTTP_COOKIE")
        if not header:
            return None
        return parse_cookie(header).get(self._driver.settings.cookie_name)

    def _load(self) -> dict[str, Any]:
        raw = self._cookie()
        data, flashed = self._driver.load(raw) if raw else ({}, [])
        self._raw = raw
        self._data = data
        self._stale = set(flashed)  # flashed by the previous request: dropped after this one
        self._fresh: set[str] = set()
        self._modified = False
        self._regenerate = False
        return data

    @property
    def loaded(self) -> bool:
        """True once the session was read (some method was called)."""
        return self._data is not None

    def get(self, key: str, default: Any = None) -> Any:
        """Return the value stored under ``key`` (flash values included), or ``default``."""
        data = self._data if self._data is not None else self._load()
        return data.get(key, default)

    def has(self, key: str) -> bool:
        """Return True when ``key`` holds a value (flash values included)."""
        data = self._data if self._data is not None else self._load()
        return key in data

    __contains__ = has

    def all(self) -> dict[str, Any]:
        """Return a copy of every value, flash values included."""
        data = self._data if self._data is not None else self._load()
        return dict(data)

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` until it is deleted or the session ends."""
        _check_key(key)
        data = self._data if self._data is not None else self._load()
        data[key] = value
        self._fresh.discard(key)
        self._stale.discard(key)
        self._modified = True

    def flash(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` for this request and the next one only."""
        _check_key(key)
        data = self._data if self._data is not None else self._load()
        data[key] = value
        self._fresh.add(key)
        self._stale.discard(key)
        self._modified = True

    def delete(self, key: str) -> bool:
        """Remove ``key``; return True when it held a value."""
        data = self._data if self._data is not None else self._load()
        self._fresh.discard(key)
        self._stale.discard(key)
        if key in data:
            del data[key]
            self._modified = True
            return True
        return False

    def pull(self, key: str, default: Any = None) -> Any:
        """Return the value under ``key`` (or ``default``) and remove it."""
        value = self.get(key, default)
        self.delete(key)
        return value

    def reset(self, flash_only: bool = False) -> None:
        """Remove every value, or with ``flash_only`` only the flash values."""
        data = self._data if self._data is not None else self._load()
        if flash_only:
            for key in self._fresh | self._stale:
                data.pop(key, None)
        else:
            data.clear()
        self._fresh.clear()
        self._stale.clear()
        self._modified = True

    def regenerate(self) -> None:
        """Keep the values but issue a new session (new id / new token) on save.

        Call it after a login or any change of privilege, so that a session id or cookie
        seen before cannot be used afterwards (session fixation).
        """
        if self._data is None:
            self._load()
        self._regenerate = True
        self._modified = True

    def save(self, response: Response) -> None:
        """Write the session to ``response`` when it changed or flash values must age.

        Called by the framework once per request, before the response is sent. No
        ``Set-Cookie`` is produced when the session was not changed and held no flash
        values; an untouched session is not even decrypted unless its cookie says it
        carries flash values that must now expire.
        """
        if self._data is None:
            if "HTTP_COOKIE" not in self._environ:
                return  # PERF: no cookie, nothing to age: the common case, no call
            raw = self._cookie()
            if not raw or not self._driver.has_flash(raw):
                return
            self._load()
        if not (self._modified or self._stale):
            return
        data = self._data
        assert data is not None
        for key in self._stale:
            data.pop(key, None)
        self._driver.save(response, self._raw, data, self._fresh, self._regenerate)


def _check_key(key: str) -> None:
    if not isinstance(key, str):
        raise TypeError(f"session keys are strings, got {type(key).__name__}")
