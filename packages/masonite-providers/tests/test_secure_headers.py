from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from masonite.providers import SecureHeadersMiddleware
from masonite.request import Request
from masonite.request.testing import Client, create_environ


def test_defaults_through_the_app(client: Client) -> None:
    headers = client.get("/").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_subclass_changes_and_drops_defaults_and_keeps_the_apps_own() -> None:
    class Custom(SecureHeadersMiddleware):
        headers: ClassVar[Mapping[str, str | None]] = {
            "x-frame-options": "DENY",
            "X-XSS-Protection": None,
            "Strict-Transport-Security": "max-age=60",
        }

    request = Request(create_environ())
    request.response.header("Referrer-Policy", "no-referrer")
    Custom(request).after()
    out = request.response.headers
    assert out["X-Frame-Options"] == "DENY"
    assert "X-XSS-Protection" not in out
    assert out["Strict-Transport-Security"] == "max-age=60"
    assert out["Referrer-Policy"] == "no-referrer"
