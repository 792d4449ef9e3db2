from __future__ import annotations

import re

from masonite.request.testing import Client


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
