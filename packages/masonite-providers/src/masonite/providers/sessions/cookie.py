"""The ``cookie`` session driver: the whole session, encrypted and signed, in the cookie."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from masonite.providers.exceptions import SessionTooLarge
from masonite.providers.keys import fernet_key
from masonite.providers.sessions.driver import (
    EMPTY,
    Loaded,
    decode_payload,
    delete_session_cookie,
    encode_payload,
    set_session_cookie,
)
from masonite.providers.sessions.settings import MAX_COOKIE_BYTES, SessionSettings
from masonite.request import Response

__all__ = ["CookieDriver"]

# A session holding flash values is written as "f." + token, so a later request that never
# touches its session can tell, without decrypting, that the values must be aged out. The
# prefix is only a hint: the flashed keys themselves are inside the encrypted payload.
_FLASH_PREFIX = "f."


class CookieDriver:
    """Keeps the session in the cookie itself, as a Fernet token.

    Fernet encrypts (AES-128-CBC) and signs (HMAC-SHA256) the JSON payload and stamps it
    with the time; the token is accepted only for ``settings.lifetime`` seconds after it
    was written, whatever the browser does with the cookie's own expiry. A token that was
    tampered with, truncated, made with another key, or is too old reads as an empty
    session. The Fernet key is derived from the application key (HKDF), so any key works.

    Args:
        app_key: The application key (``config/application.py`` ``KEY``).
        settings: Cookie attributes and lifetime.
    """

    def __init__(self, app_key: str | bytes, settings: SessionSettings) -> None:
        self.settings = settings
        self._fernet = Fernet(fernet_key(app_key, "session.cookie"))

    def load(self, raw: str) -> Loaded:
        """Decrypt ``raw``; an invalid, foreign or expired token gives an empty session."""
        if len(raw) > MAX_COOKIE_BYTES:
            return EMPTY
        token = raw[len(_FLASH_PREFIX) :] if raw.startswith(_FLASH_PREFIX) else raw
        try:
            payload = self._fernet.decrypt(token, ttl=self.settings.lifetime)
        except (InvalidToken, TypeError, ValueError):
            return EMPTY
        return decode_payload(payload)

    def has_flash(self, raw: str) -> bool:
        """Return True when the cookie says it carries flash values (no decryption)."""
        return raw.startswith(_FLASH_PREFIX)

    def save(
        self,
        response: Response,
        raw: str | None,
        data: dict[str, Any],
        flashed: Collection[str],
        regenerate: bool,
    ) -> None:
        """Encrypt the session into the cookie, or delete the cookie when it is empty.

        Raises:
            SessionTooLarge: When ``name=value`` would exceed 4093 bytes.
            SessionError: When a value is not a JSON value.
        """
        settings = self.settings
        if not data:
            if raw is not None:
                delete_session_cookie(response, settings)
            return
        token = self._fernet.encrypt(encode_payload(data, flashed)).decode("ascii")
        value = _FLASH_PREFIX + token if flashed else token
        size = len(settings.cookie_name) + 1 + len(value)
        if size > MAX_COOKIE_BYTES:
            raise SessionTooLarge(
                f"the session cookie would be {size} bytes, over the {MAX_COOKIE_BYTES} a "
                "browser keeps: store less in the session, or use the 'memory' driver "
                "(config/session.py DRIVER)"
            )
        set_session_cookie(response, settings, value)
