"""The ``memory`` session driver: sessions kept in this process, keyed by a random id."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection
from typing import Any, NamedTuple

from masonite.providers.keys import derive_key
from masonite.providers.sessions.driver import (
    EMPTY,
    Loaded,
    decode_payload,
    delete_session_cookie,
    encode_payload,
    set_session_cookie,
)
from masonite.providers.sessions.settings import SessionSettings
from masonite.request import Response

__all__ = ["MemoryDriver"]

# token_urlsafe(32) is 43 characters, the signature 43 more, plus the dot.
_MAX_RAW = 100


class _Entry(NamedTuple):
    expires: float
    payload: bytes  # JSON, so every load hands out fresh objects (no sharing across requests)
    has_flash: bool


class MemoryDriver:
    """Keeps sessions in a bounded in-process store; the cookie holds only a signed id.

    The id is 32 random bytes from :mod:`secrets`, signed with HMAC-SHA256 under a key
    derived from the application key, so a forged or altered cookie is recognised without
    a store look-up. The store holds at most ``settings.max_sessions`` sessions (the ones
    saved longest ago are dropped first) and forgets a session ``settings.lifetime`` seconds
    after it was last saved. A presented id the store does not know is never adopted: a new
    one is issued (no session fixation). Safe to share between threads. Sessions live as
    long as the process: with several gunicorn workers, use the ``cookie`` driver.

    Args:
        app_key: The application key.
        settings: Cookie attributes, lifetime and ``max_sessions``.
        clock: Returns the current time in seconds (tests pass a fake one).
    """

    def __init__(
        self,
        app_key: str | bytes,
        settings: SessionSettings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._key = derive_key(app_key, "session.memory")
        self._clock = clock
        self._store: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._store)

    def _sign(self, session_id: str) -> str:
        digest = hmac.new(self._key, session_id.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def _session_id(self, raw: str | None) -> str | None:
        """Return the id in ``raw`` when its signature holds, else None."""
        if not raw or len(raw) > _MAX_RAW or not raw.isascii():
            return None
        session_id, _, signature = raw.rpartition(".")
        if not session_id or not hmac.compare_digest(signature, self._sign(session_id)):
            return None
        return session_id

    def _entry(self, session_id: str) -> _Entry | None:
        with self._lock:
            entry = self._store.get(session_id)
            if entry is not None and entry.expires <= self._clock():
                del self._store[session_id]
                return None
            return entry

    def load(self, raw: str) -> Loaded:
        """Return the stored session for the id in ``raw``; unknown or forged ids are empty."""
        session_id = self._session_id(raw)
        entry = self._entry(session_id) if session_id else None
        return decode_payload(entry.payload) if entry is not None else EMPTY

    def has_flash(self, raw: str) -> bool:
        """Return True when the stored session holds flash values."""
        session_id = self._session_id(raw)
        entry = self._entry(session_id) if session_id else None
        return entry is not None and entry.has_flash

    def save(
        self,
        response: Response,
        raw: str | None,
        data: dict[str, Any],
        flashed: Collection[str],
        regenerate: bool,
    ) -> None:
        """Store the session (a new id when there was none or on ``regenerate``).

        Raises:
            SessionError: When a value is not a JSON value.
        """
        settings = self.settings
        payload = encode_payload(data, flashed) if data else b""
        session_id = self._session_id(raw)
        issued = False
        with self._lock:
            known = session_id is not None and session_id in self._store
            if session_id is not None and (regenerate or not data):
                self._store.pop(session_id, None)
            if data:
                if not known or regenerate:
                    session_id = secrets.token_urlsafe(32)
                    issued = True
                assert session_id is not None
                expires = self._clock() + settings.lifetime
                self._store[session_id] = _Entry(expires, payload, bool(flashed))
                self._store.move_to_end(session_id)
                while len(self._store) > settings.max_sessions:
                    self._store.popitem(last=False)
        if issued:
            assert session_id is not None
            set_session_cookie(response, settings, f"{session_id}.{self._sign(session_id)}")
        elif not data and raw is not None:
            delete_session_cookie(response, settings)
