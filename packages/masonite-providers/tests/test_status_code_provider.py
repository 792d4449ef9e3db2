from __future__ import annotations

from collections.abc import Callable

import pytest

from masonite.request.testing import Client


def test_custom_error_template(client: Client) -> None:
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "<h1>Custom 404</h1>" in response.text


def test_builtin_page_without_a_template(client: Client) -> None:
    response = client.get("/session/flash")
    assert response.status_code == 405
    assert "<title>405 Method Not Allowed</title>" in response.text
    teapot = client.get("/teapot")
    assert teapot.status_code == 418
    assert "<title>418 I&#x27;m a Teapot</title>" in teapot.text


def test_json_for_api_routes_and_json_clients(client: Client) -> None:
    api = client.get("/api/items/0")
    assert api.status_code == 404
    assert api.json() == {"error": {"status": 404, "message": "no item 0"}}
    web = client.get("/nowhere", headers={"Accept": "application/json"})
    assert web.json() == {"error": {"status": 404, "message": "Not Found"}}
    teapot = client.get("/teapot", headers={"Accept": "application/json"})
    assert teapot.json() == {"error": {"status": 418, "message": "I'm a Teapot"}}


def test_production_500_shows_no_exception_text(client: Client) -> None:
    page = client.get("/boom")
    assert page.status_code == 500
    assert "secret" not in page.text
    assert "Traceback" not in page.text
    api = client.get("/api/boom")
    assert api.json() == {"error": {"status": 500, "message": "Internal Server Error"}}


def test_debug_500_shows_the_escaped_traceback(make_client: Callable[..., Client]) -> None:
    client = make_client(APP_DEBUG="true")
    page = client.get("/boom")
    assert page.status_code == 500
    assert "RuntimeError" in page.text
    assert "secret &lt;detail&gt; from the database" in page.text
    assert "<detail>" not in page.text
    assert "welcome_controller.py" in page.text
    api = client.get("/api/boom").json()["error"]
    assert api["status"] == 500
    assert "api secret detail" in api["exception"]
    assert any("api_controller.py" in line for line in api["traceback"])


@pytest.mark.parametrize("path", ["/boom", "/api/boom"])
def test_server_errors_are_logged_with_traceback(
    client: Client, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    client.get(path)
    assert "Traceback" in caplog.text
    assert f"GET '{path}' failed" in caplog.text
