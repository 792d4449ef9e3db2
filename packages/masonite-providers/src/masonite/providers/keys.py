"""Keys derived from the application key, one per purpose.

Any ``KEY`` string works (``craft key`` makes a random 44-character one). Each use of the key
(the cookie session's Fernet key, the memory session's id signature, ...) gets its own 32
bytes from HKDF-SHA256 with the purpose as context, so no two features ever share key
material and a value signed for one purpose is never accepted by another.
"""

from __future__ import annotations

import base64
import logging
import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from masonite.providers.configuration import Config
from masonite.providers.exceptions import ConfigError

__all__ = ["application_key", "derive_key", "fernet_key"]

logger = logging.getLogger("masonite")

_SALT = b"masonite.providers"


def derive_key(app_key: str | bytes, purpose: str) -> bytes:
    """Return 32 bytes derived from ``app_key`` for ``purpose`` (HKDF-SHA256).

    Args:
        app_key: The application key, as text or bytes; must not be empty.
        purpose: A label naming the use, such as ``"session.cookie"``.

    Raises:
        ValueError: When ``app_key`` is empty.
    """
    material = app_key.encode("utf-8") if isinstance(app_key, str) else app_key
    if not material:
        raise ValueError("the application key is empty")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=purpose.encode())
    return hkdf.derive(material)


def fernet_key(app_key: str | bytes, purpose: str) -> bytes:
    """Return a Fernet key (URL-safe base64 of 32 bytes) derived for ``purpose``."""
    return base64.urlsafe_b64encode(derive_key(app_key, purpose))


def application_key(config: Config) -> str:
    """Return the application key (``config/application.py`` ``KEY``).

    With ``DEBUG`` on and no key, a random key is made for this process (sessions then
    do not survive a restart) and a warning is logged.

    Raises:
        ConfigError: When ``KEY`` is empty and ``DEBUG`` is off: production must not run
            with a key anyone could guess.
    """
    key = config.get("application.key")
    if key:
        return str(key)
    if not config.get("application.debug", False):
        raise ConfigError(
            "the application key is missing: config/application.py KEY is empty and DEBUG "
            "is off. Run `craft key --store` to write a new KEY to .env (or set the KEY "
            "environment variable)"
        )
    if config.generated_key is None:
        config.generated_key = secrets.token_urlsafe(32)
        logger.warning(
            "config/application.py KEY is empty: using a random key for this process "
            "(run `craft key --store` so sessions survive a restart)"
        )
    return config.generated_key
