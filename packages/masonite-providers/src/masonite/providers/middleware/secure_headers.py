"""Security headers every response should carry, with defaults a subclass can change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from masonite.request import Request

__all__ = ["SecureHeadersMiddleware"]


class SecureHeadersMiddleware:
    """Adds security headers to every response (those the app set itself are kept).

    Defaults: ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: SAMEORIGIN``,
    ``Referrer-Policy: strict-origin-when-cross-origin``,
    ``Cross-Origin-Opener-Policy: same-origin`` and ``X-XSS-Protection: 0`` (the old
    browser filter caused more harm than it prevented). Subclass to change them; a value
    of None drops a default:

    Example:
        >>> class SecureHeaders(SecureHeadersMiddleware):
        ...     headers = {
        ...         "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        ...         "X-Frame-Options": "DENY",
        ...         "Cross-Origin-Opener-Policy": None,
        ...     }
    """

    defaults: ClassVar[Mapping[str, str]] = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "SAMEORIGIN",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-XSS-Protection": "0",
    }
    headers: ClassVar[Mapping[str, str | None]] = {}
    # PERF: defaults and changes are merged once per class, not per response.
    _merged: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls._merged = _merge(cls.defaults, cls.headers)

    def __init__(self, request: Request) -> None:
        self.request = request

    def after(self) -> None:
        """Set each configured header the response does not already have."""
        headers = self.request.response.headers
        for name, value in self._merged:
            if name not in headers:
                headers[name] = value


def _merge(
    defaults: Mapping[str, str], changes: Mapping[str, str | None]
) -> tuple[tuple[str, str], ...]:
    merged: dict[str, str | None] = {}  # keyed case-insensitively, last change wins
    named: dict[str, str] = {}
    for name, value in {**defaults, **changes}.items():
        merged[name.lower()] = value
        named[name.lower()] = name
    return tuple((named[key], value) for key, value in merged.items() if value is not None)


SecureHeadersMiddleware._merged = _merge(
    SecureHeadersMiddleware.defaults, SecureHeadersMiddleware.headers
)
