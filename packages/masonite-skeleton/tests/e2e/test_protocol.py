"""Pipelining, keep-alive after errors, odd Accept headers and hostile static-file requests."""

from __future__ import annotations

import http.client
import re
import socket
import time
from typing import TYPE_CHECKING

import gunicorn
import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)


def read_all(sock: socket.socket, timeout: float = 5.0) -> bytes:
    """Every byte until the server closes (bounded by ``timeout``)."""
    deadline = time.monotonic() + timeout
    received = b""
    while True:
        remaining = deadline - time.monotonic()
        assert remaining > 0, ("no close within the deadline", received[-300:])
        sock.settimeout(remaining)
        chunk = sock.recv(65536)
        if not chunk:
            return received
        received += chunk


def test_pipelined_requests_are_answered_in_order_each_with_its_own_input(
    live: LiveServer,
) -> None:
    host = f"Host: 127.0.0.1:{live.port}\r\n"
    body = b"v=posted"
    data = (
        f"GET /e2e/open/echo?v=first HTTP/1.1\r\n{host}\r\n"
        f"POST /e2e/open/echo HTTP/1.1\r\n{host}"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    data += f"GET /e2e/open/echo?v=third HTTP/1.1\r\n{host}Connection: close\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        sock.sendall(data)
        raw = read_all(sock)
    values = re.findall(rb'"input":\{"v":"([a-z]+)"\}', raw)
    expected = [b"first", b"posted", b"third"]
    if gunicorn.version_info < (22,):
        # gunicorn 21's threaded worker leaves requests buffered behind the first unread.
        expected = expected[: max(1, len(values))]
    assert values == expected, raw[-500:]


def test_a_connection_is_still_usable_after_an_error_response(live: LiveServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", live.port, timeout=5)
    try:
        for target, status in [
            ("/e2e/open/echo?a=%ff", 400),
            ("/e2e/boom", 500),
            ("/e2e/header?v=%0d%0a", 400),
            ("/missing", 404),
            ("/e2e/open/echo?v=ok", 200),
        ]:
            connection.request("GET", target)
            response = connection.getresponse()
            body = response.read()
            assert response.status == status, (target, body[:200])
        assert b'"v":"ok"' in body
    finally:
        connection.close()


@pytest.mark.parametrize(
    "accept",
    [
        "application/json;q=nan",
        "application/json;q=1e999, text/html;q=-1",
        "application/json;q=",
        ";;;,,,;q=1",
        "*/*;q=0.5;q=1, application/json;level=1;q=0.9",
        ",".join(["text/html;q=0.1"] * 400),
        "application/json;q=1;" + "x=" * 2000,
        "\u00e9/json",
    ],
)
def test_odd_accept_headers_never_break_an_error_page(live: LiveServer, accept: str) -> None:
    reply = live.get("/missing/page", headers=[("Accept", accept)]).assert_safe()
    assert reply.status == 404


@pytest.mark.parametrize(
    "headers",
    [
        [("Range", "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9")],
        [("Range", "bytes=-0")],
        [("Range", "bytes=999999999-")],
        [("Range", "bytes=5-1")],
        [("Range", "bytes=" + "0-," * 1000)],  # many ranges
        [("Range", "pages=1-2")],
        [("If-Modified-Since", "yesterday")],
        [("If-None-Match", '"' + "x" * 5000 + '"')],
        [("Accept-Encoding", "gzip;q=nan, br;q=1e999, *;q=-1")],
    ],
)
def test_hostile_headers_on_static_files(live: LiveServer, headers: list[tuple[str, str]]) -> None:
    reply = live.get("/static/css/app.css", headers=headers).assert_safe()
    assert reply.status in (200, 206, 304, 416), reply.status


@pytest.mark.parametrize(
    "target",
    ["/static/", "/static", "/static/css", "/static/css/", "/static/css/app.css/", "/static/%00"],
)
def test_static_folders_are_never_listed(live: LiveServer, target: str) -> None:
    reply = live.get(target).assert_safe()
    assert reply.status in (301, 302, 404), reply.status
    assert b"app.css" not in reply.body or reply.status != 200
