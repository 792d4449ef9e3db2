"""Concurrent clients on gunicorn's threaded workers: nothing of one request reaches another."""

from __future__ import annotations

import http.client
import json
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)

CLIENTS = 8
ROUNDS = 16


class Client:
    """One client thread: its own session, a keep-alive connection, its own values."""

    def __init__(self, live: LiveServer, number: int) -> None:
        self.live = live
        self.tag = f"client{number}-{secrets.token_hex(6)}"
        self.cookie = ""
        self.connection = self._connect()
        self.workers: set[str] = set()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.live.port, timeout=10)

    def call(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        content_type: str | None = None,
        *,
        fresh: bool = False,
    ) -> tuple[int, Any, http.client.HTTPResponse]:
        """Send one request, on the kept-alive connection unless ``fresh``."""
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if content_type:
            headers["Content-Type"] = content_type
        connection = self._connect() if fresh else self.connection
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            if fresh:
                raise
            # gunicorn may close an idle keep-alive connection between two requests.
            self.connection.close()
            self.connection = connection = self._connect()
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
        data = json.loads(response.read())
        if fresh:
            connection.close()
        return response.status, data, response

    def start_session(self) -> None:
        body = urlencode({"v": self.tag}).encode()
        status, data, response = self.call(
            "POST", "/e2e/open/remember", body, "application/x-www-form-urlencoded"
        )
        assert status == 200
        assert data["session"] == {"value": self.tag}
        set_cookie = response.getheader("Set-Cookie") or ""
        self.cookie = set_cookie.split(";", 1)[0]
        assert self.cookie.startswith("session=")

    def run_round(self, number: int) -> None:
        value = f"{self.tag}-{number}-é"
        kind = number % 4
        if kind == 0:
            target = "/e2e/open/echo?" + urlencode({"v": value, "pause": "0.001"})
            status, data, _ = self.call("GET", target)
            assert (status, data["input"]) == (200, {"v": value, "pause": "0.001"})
        elif kind == 1:
            body = urlencode({"v": value, "list[]": [value, self.tag]}, doseq=True).encode()
            form = "application/x-www-form-urlencoded"
            status, data, _ = self.call("POST", "/e2e/open/echo", body, form, fresh=True)
            assert (status, data["input"]) == (200, {"v": value, "list": [value, self.tag]})
        elif kind == 2:
            payload = {"v": value, "n": number, "nested": {"tag": self.tag}}
            body = json.dumps(payload).encode()
            status, data, _ = self.call("PUT", "/e2e/open/echo", body, "application/json")
            assert (status, data["method"], data["json"]) == (200, "PUT", payload)
        else:
            status, data, _ = self.call("GET", "/e2e/recall?pause=0.005")
            assert (status, data["session"]) == (200, {"value": self.tag})
        self.workers.add(data["worker"])

    def close(self) -> None:
        self.connection.close()


def test_concurrent_requests_see_only_their_own_input_and_session(live: LiveServer) -> None:
    barrier = threading.Barrier(CLIENTS, timeout=20)
    clients = [Client(live, number) for number in range(CLIENTS)]

    def run(client: Client) -> Client:
        try:
            client.start_session()
            barrier.wait()  # then every client sends at once
            for number in range(ROUNDS):
                client.run_round(number)
        finally:
            client.close()
        return client

    with ThreadPoolExecutor(CLIENTS) as pool:
        done = list(pool.map(run, clients))
    served_by = set().union(*(client.workers for client in done))
    # Threads of more than one worker served them at once: isolation was exercised.
    assert len(served_by) >= 2, served_by


def test_hostile_and_ordinary_requests_interleave_safely(live: LiveServer) -> None:
    # Malformed bodies failing on some threads must not disturb the others.
    def hostile(number: int) -> int:
        attacks: list[Callable[[], Any]] = [
            lambda: live.json("/e2e/open/echo", b"[" * 50_000),
            lambda: live.form("/e2e/open/echo", "a" + "[a]" * 30 + "=1"),
            lambda: live.get("/e2e/boom"),
            lambda: live.get("/e2e/header?v=%0d%0aX:1"),
        ]
        return int(attacks[number % len(attacks)]().status)

    def ordinary(number: int) -> bool:
        value = f"ordinary-{number}-{secrets.token_hex(4)}"
        reply = live.form("/e2e/open/echo", {"v": value})
        return bool(reply.status == 200 and reply.json()["input"] == {"v": value})

    with ThreadPoolExecutor(8) as pool:
        bad = [pool.submit(hostile, n) for n in range(24)]
        good = [pool.submit(ordinary, n) for n in range(24)]
        statuses = [future.result() for future in bad]
        assert all(future.result() for future in good)
    assert sorted(set(statuses)) == [400, 500]
