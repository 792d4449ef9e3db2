from __future__ import annotations

import re

from masonite.request.testing import Client


def test_status_headers_and_body(client: Client) -> None:
    response = client.get("/users/7")
    assert response.status == "200 OK"
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["Content-Length"] == str(len(response.content))


def test_head_has_headers_and_no_body(client: Client) -> None:
    response = client.head("/")
    assert response.status_code == 200
    assert response.content == b""


def test_session_changes_become_one_set_cookie(client: Client) -> None:
    page = client.get("/form")
    (cookie,) = page.headers.get_all("Set-Cookie")  # the CSRF token was stored
    assert cookie.startswith("session=")
    assert "HttpOnly" in cookie
    token = re.search(r'value="([^"]+)"', page.text)
    assert token is not None
    stored = client.post("/session", data={"__token": token.group(1), "a": "1"})
    assert len(stored.headers.get_all("Set-Cookie")) == 1


def test_redirect_location(client: Client) -> None:
    response = client.get("/dashboard")
    assert response.headers["Location"] == "/"
