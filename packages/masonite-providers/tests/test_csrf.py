from __future__ import annotations

import re

import pytest

from masonite.providers.exceptions import ProviderError
from masonite.providers.middleware.csrf import CsrfMiddleware
from masonite.request import Request
from masonite.request.testing import Client, create_environ


def _token(client: Client) -> str:
    page = client.get("/form")
    match = re.search(r'name="__token" value="([^"]+)"', page.text)
    assert match is not None
    assert f'content="{match.group(1)}"' in page.text  # {{ csrf_token }} is the same token
    return match.group(1)


def test_unsafe_methods_need_the_token(client: Client) -> None:
    response = client.post("/echo", data={"a": "1"})
    assert response.status_code == 403
    assert "CSRF token missing or invalid" in response.text
    assert client.post("/echo", data={"a": "1", "__token": "forged"}).status_code == 403


def test_token_from_form_field_or_header(client: Client) -> None:
    token = _token(client)
    assert client.post("/echo", data={"__token": token, "a": "1"}).json()["input"]["a"] == "1"
    assert client.post("/echo", data={"_token": token}).status_code == 200
    assert client.post("/echo", headers={"X-CSRF-TOKEN": token}).status_code == 200
    assert client.post("/echo", headers={"X-XSRF-TOKEN": token}).status_code == 200
    assert client.post("/users/1", data={"__token": token, "name": "x"}).json() == {
        "id": 1,
        "name": "x",
    }


def test_a_token_from_another_session_fails(client: Client, make_client: object) -> None:
    token = _token(client)
    client.cookies.clear()
    assert client.post("/echo", data={"__token": token}).status_code == 403


def test_exempt_paths(client: Client) -> None:
    assert client.post("/webhooks/ping", data={"a": "1"}).status_code == 200


def test_safe_methods_do_not_touch_the_session(client: Client) -> None:
    response = client.get("/echo?marker=x")
    assert response.headers.get_all("Set-Cookie") == []


def test_json_clients_get_a_json_403(client: Client) -> None:
    response = client.post("/echo", json={"a": 1}, headers={"Accept": "application/json"})
    assert response.status_code == 403
    assert response.json()["error"]["status"] == 403


def test_exempt_as_a_bare_string_is_refused_when_declared() -> None:
    with pytest.raises(ProviderError, match=r"not a single string: write \['/webhooks/\*'\]"):

        class Verify(CsrfMiddleware):
            exempt = "/webhooks/*"  # type: ignore[assignment]  # the mistake under test


def test_exempt_of_non_strings_is_refused() -> None:
    with pytest.raises(ProviderError, match="list or tuple of path strings"):

        class Verify(CsrfMiddleware):
            exempt = ("/ok", 3)  # type: ignore[assignment]


def test_exempt_reassigned_to_a_string_later_exempts_nothing() -> None:
    class Verify(CsrfMiddleware):
        exempt = ("/webhooks/*",)

    Verify.exempt = "*"  # type: ignore[assignment]
    request = Request(create_environ("POST", "/admin/delete", data={"a": "1"}))
    with pytest.raises(ProviderError, match="not a single string"):
        Verify(request).before()


def test_exempt_patterns_match_the_path_or_what_is_below() -> None:
    class Verify(CsrfMiddleware):
        exempt = ("/webhooks/*", "/api/ping/")

    middleware = Verify(Request(create_environ("GET", "/")))
    assert middleware._is_exempt("/webhooks/github")
    assert middleware._is_exempt("/api/ping")
    assert middleware._is_exempt("/api/ping/")
    assert not middleware._is_exempt("/webhooks")
    assert not middleware._is_exempt("/api/pingx")
    assert not middleware._is_exempt("/admin")
