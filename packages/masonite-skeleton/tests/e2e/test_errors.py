"""A controller that raises, in production: a plain 500, a logged error, a server that lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)


def test_a_failing_controller_is_a_plain_500_page(live: LiveServer) -> None:
    reply = live.get("/e2e/boom").assert_safe(allow_500=True)
    assert reply.status == 500
    assert reply.header("Content-Type") == "text/html; charset=utf-8"
    assert "Something went wrong" in reply.text  # the app's errors/500.html
    assert live.secret not in reply.text
    assert "e2e" not in reply.text.lower()  # not even the path or the controller


def test_a_json_client_gets_a_json_500_without_details(live: LiveServer) -> None:
    reply = live.get("/e2e/boom", headers=[("Accept", "application/json")])
    reply.assert_safe(allow_500=True)
    assert reply.status == 500
    assert reply.json() == {"error": {"status": 500, "message": "Internal Server Error"}}


def test_head_of_a_failing_controller_is_a_500_without_a_body(live: LiveServer) -> None:
    reply = live.request("HEAD", "/e2e/boom").assert_safe(allow_500=True)
    assert reply.status == 500
    assert reply.body == b""


def test_the_failure_is_logged_for_the_operator(live: LiveServer) -> None:
    live.get("/e2e/boom")
    assert ("/e2e/boom", "RuntimeError") in live.failed_requests()
    log = live.log.read_text(errors="replace")
    assert live.secret in log  # the operator sees the details the client never does
    assert "Traceback" in log


def test_the_server_keeps_serving_after_failures(live: LiveServer) -> None:
    for _ in range(20):
        assert live.get("/e2e/boom").status == 500
    reply = live.get("/e2e/open/echo?after=boom").assert_safe()
    assert reply.status == 200
    assert reply.json()["input"] == {"after": "boom"}
    assert live.get("/").status == 200


def test_a_404_and_a_405_are_short_pages(live: LiveServer) -> None:
    missing = live.get("/no/such/page").assert_safe()
    assert missing.status == 404
    assert "Page not found" in missing.text
    wrong = live.request("DELETE", "/e2e/users/1").assert_safe()
    assert wrong.status in (403, 405)  # the CSRF check runs before routing
    api = live.request("PUT", "/api/health", headers=[("X-CSRF-TOKEN", "x")]).assert_safe()
    assert api.status in (403, 405)
