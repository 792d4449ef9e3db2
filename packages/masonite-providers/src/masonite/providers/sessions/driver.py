"""What a session driver does: load a session from its cookie and save it to the response."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any, Protocol

from masonite.providers.exceptions import SessionError
from masonite.providers.sessions.settings import SessionSettings
from masonite.request import Response

__all__ = [
    "EMPTY",
    "SessionDriver",
    "decode_payload",
    "delete_session_cookie",
    "encode_payload",
    "set_session_cookie",
]

Loaded = tuple[dict[str, Any], list[str]]
EMPTY: Loaded = ({}, [])


class SessionDriver(Protocol):
    """Stores sessions. ``raw`` is the text of the session cookie the client sent."""

    settings: SessionSettings

    def load(self, raw: str) -> Loaded:
        """Return (data, keys flashed by the previous request); ``EMPTY`` when invalid."""
        ...

    def has_flash(self, raw: str) -> bool:
        """Return True when the session in ``raw`` holds flash data (cheaply, if it can)."""
        ...

    def save(
        self,
        response: Response,
        raw: str | None,
        data: dict[str, Any],
        flashed: Collection[str],
        regenerate: bool,
    ) -> None:
        """Persist ``data`` (``flashed`` keys live one more request) and set the cookie."""
        ...


def encode_payload(data: dict[str, Any], flashed: Collection[str]) -> bytes:
    """Return the JSON text of a session.

    Raises:
        SessionError: Naming the key whose value JSON cannot carry.
    """
    try:
        return json.dumps(
            {"d": data, "f": sorted(flashed)}, separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")
    except (TypeError, ValueError):
        for key, value in data.items():
            try:
                json.dumps(value)
            except (TypeError, ValueError):
                raise SessionError(
                    f"session value {key!r} is a {type(value).__name__}, which a session "
                    "cannot store: use JSON values (str, int, float, bool, None, list, dict)"
                ) from None
        raise


def decode_payload(payload: bytes | str) -> Loaded:
    """Return (data, flashed keys) from session JSON, or ``EMPTY`` when it is malformed."""
    try:
        decoded = json.loads(payload)
    except ValueError:
        return EMPTY
    if not isinstance(decoded, dict):
        return EMPTY
    data, flashed = decoded.get("d"), decoded.get("f")
    if not isinstance(data, dict) or not isinstance(flashed, list):
        return EMPTY
    return data, [key for key in flashed if isinstance(key, str) and key in data]


def set_session_cookie(response: Response, settings: SessionSettings, value: str) -> None:
    """Set the session cookie to ``value`` with the configured attributes (always HttpOnly)."""
    response.cookie(
        settings.cookie_name,
        value,
        max_age=settings.lifetime,
        path=settings.path,
        domain=settings.domain,
        secure=settings.secure,
        http_only=True,
        same_site=settings.same_site,
    )


def delete_session_cookie(response: Response, settings: SessionSettings) -> None:
    """Tell the browser to drop the session cookie."""
    response.delete_cookie(settings.cookie_name, path=settings.path, domain=settings.domain)
