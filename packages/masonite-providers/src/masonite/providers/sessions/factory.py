"""Building the configured session driver from ``config/session.py``."""

from __future__ import annotations

from masonite.providers.configuration import Config
from masonite.providers.exceptions import ConfigError
from masonite.providers.sessions.cookie import CookieDriver
from masonite.providers.sessions.driver import SessionDriver
from masonite.providers.sessions.memory import MemoryDriver
from masonite.providers.sessions.settings import SessionSettings

__all__ = ["DRIVERS", "create_driver", "session_settings"]

DRIVERS: dict[str, type[CookieDriver] | type[MemoryDriver]] = {
    "cookie": CookieDriver,
    "memory": MemoryDriver,
}


def session_settings(config: Config) -> SessionSettings:
    """Read ``config/session.py`` (every name optional) into :class:`SessionSettings`.

    Names: ``COOKIE`` (cookie name), ``LIFETIME`` (seconds), ``SECURE``, ``SAME_SITE``,
    ``PATH``, ``DOMAIN``, ``MAX_SESSIONS`` (memory driver).

    Raises:
        ConfigError: A value of the wrong type or out of range, named.
    """
    defaults = SessionSettings()
    secure = config.get("session.secure", defaults.secure)
    try:
        return SessionSettings(
            cookie_name=str(config.get("session.cookie", defaults.cookie_name)),
            lifetime=int(config.get("session.lifetime", defaults.lifetime)),
            # None: Secure when the request came over HTTPS (Response.cookie decides).
            secure=None if secure is None else bool(secure),
            same_site=str(config.get("session.same_site", defaults.same_site)),
            path=str(config.get("session.path", defaults.path)),
            domain=config.get("session.domain", defaults.domain),
            max_sessions=int(config.get("session.max_sessions", defaults.max_sessions)),
        )
    except (TypeError, ValueError) as error:
        raise ConfigError(f"config/session.py: {error}") from None


def create_driver(config: Config, app_key: str) -> SessionDriver:
    """Return the driver named by ``config/session.py`` ``DRIVER`` (default ``'cookie'``).

    Raises:
        ConfigError: An unknown driver name (the message lists the known ones).
    """
    name = config.get("session.driver", "cookie")
    driver = DRIVERS.get(name) if isinstance(name, str) else None
    if driver is None:
        known = ", ".join(repr(n) for n in DRIVERS)
        raise ConfigError(
            f"config/session.py DRIVER = {name!r} is not a session driver (use {known})"
        )
    return driver(app_key, session_settings(config))
