"""Sessions: ``request.session`` and its ``cookie`` and ``memory`` drivers."""

from __future__ import annotations

from masonite.providers.sessions.cookie import CookieDriver
from masonite.providers.sessions.driver import SessionDriver
from masonite.providers.sessions.factory import create_driver, session_settings
from masonite.providers.sessions.memory import MemoryDriver
from masonite.providers.sessions.session import Session
from masonite.providers.sessions.settings import MAX_COOKIE_BYTES, SessionSettings

__all__ = [
    "MAX_COOKIE_BYTES",
    "CookieDriver",
    "MemoryDriver",
    "Session",
    "SessionDriver",
    "SessionSettings",
    "create_driver",
    "session_settings",
]
