"""Errors raised by the framework at start-up or while serving, each with a clear message."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ProviderError",
    "SessionError",
    "SessionTooLarge",
    "ViewNotFound",
]


class ConfigError(Exception):
    """The application's configuration is missing or wrong (raised at start-up)."""


class ProviderError(Exception):
    """A service provider was used outside the phase it belongs to."""


class SessionError(Exception):
    """The session cannot be saved (a value that JSON cannot carry, a bad driver)."""


class SessionTooLarge(SessionError):
    """The encrypted cookie session is larger than browsers keep for one cookie."""


class ViewNotFound(LookupError):
    """No template of that name exists under the templates folder."""
