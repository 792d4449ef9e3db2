"""Content-Length lies and chunked bodies: always an answer, never a hang."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer, Reply

pytestmark = pytest.mark.timeout(60)

FORM = "application/x-www-form-urlencoded"
HUGE = 100 * 1000 * 1000  # over every body limit


@pytest.mark.parametrize(
    "length", ["-1", "abc", "1e3", "0x3", "+3", "3 3", "3,3", "3.0", "", "9" * 25]
)
def test_an_invalid_content_length_is_a_4xx(live: LiveServer, length: str) -> None:
    reply = live.request(
        "POST", "/e2e/open/echo", body=b"a=1", content_type=FORM, length=length
    ).assert_safe()
    assert reply.status in (400, 413), reply.status


def test_conflicting_content_lengths_are_a_400(live: LiveServer) -> None:
    reply = live.request(
        "POST",
        "/e2e/open/echo",
        body=b"a=1",
        content_type=FORM,
        headers=[("Content-Length", "3"), ("Content-Length", "5")],
        length=None,
    ).assert_safe()
    assert reply.status == 400


@pytest.mark.parametrize(
    ("target", "content_type"),
    [
        ("/e2e/open/echo", FORM),
        ("/e2e/open/echo", "application/json"),
        ("/e2e/open/echo", "multipart/form-data; boundary=x"),
        ("/e2e/csrf/echo", FORM),  # the CSRF check reads the body first: still a 413
    ],
)
def test_an_oversized_declared_body_is_a_413_before_it_is_read(
    live: LiveServer, target: str, content_type: str
) -> None:
    # Only the head is sent: a server waiting for the body would time out with a 400.
    reply = live.request("POST", target, content_type=content_type, length=HUGE).assert_safe()
    assert reply.status == 413


def test_expect_100_continue_with_an_oversized_body_is_a_413(live: LiveServer) -> None:
    reply = live.request(
        "POST",
        "/e2e/open/echo",
        content_type=FORM,
        headers=[("Expect", "100-continue")],
        length=HUGE,
        timeout=3,
    ).assert_safe()
    assert reply.status == 413


STALLS: dict[str, dict[str, Any]] = {
    "form": {"method": "POST", "content_type": FORM, "body": b"a=1", "length": 100},
    "json": {"method": "POST", "content_type": "application/json", "body": b'{"a":', "length": 50},
    "multipart": {
        "method": "POST",
        "content_type": "multipart/form-data; boundary=x",
        "body": b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
        "length": 500,
    },
    "get-with-body": {"method": "GET", "content_type": FORM, "body": b"a", "length": 10},
    "csrf-route": {
        "method": "POST",
        "content_type": FORM,
        "body": b"__token=",
        "length": 80,
        "target": "/e2e/csrf/echo",
    },
    "chunked": {
        "method": "POST",
        "content_type": FORM,
        "body": b"9\r\na=1",  # a chunk of 9 bytes, 3 of them sent
        "length": None,
        "headers": [("Transfer-Encoding", "chunked")],
    },
}


def test_a_body_that_stops_arriving_is_a_400_after_the_body_timeout(live: LiveServer) -> None:
    # Each client declares more than it sends and keeps its connection open; they run at
    # once (each holds a server thread until the timeout), then the server must still serve.
    # A worker may take more of them than it has threads: the last wait for a free one.
    deadline = 2 * live.body_timeout + 4

    def stall(case: dict[str, Any]) -> Reply:
        options = dict(case)
        method = options.pop("method")
        target = options.pop("target", "/e2e/open/echo")
        return live.request(method, target, timeout=deadline, **options)

    with ThreadPoolExecutor(len(STALLS)) as pool:
        replies = dict(zip(STALLS, pool.map(stall, STALLS.values()), strict=True))
    for name, reply in replies.items():
        reply.assert_safe()
        assert reply.status == 400, (name, reply.status, reply.text[:200])
        # The body timeout ended it (a truncation would say so), within the deadline above.
        assert b"timed out" in reply.body, (name, reply.text[:300])
    assert live.get("/api/health").status == 200


def test_a_short_body_from_a_client_that_half_closes_is_a_quick_400(live: LiveServer) -> None:
    data = (
        f"POST /e2e/open/echo HTTP/1.1\r\nHost: 127.0.0.1:{live.port}\r\n"
        f"Content-Type: {FORM}\r\nContent-Length: 100\r\n\r\na=1"
    ).encode()
    reply = live.exchange(data, half_close=True).assert_safe()
    assert reply.status == 400
    assert b"truncated" in reply.body  # seen at once, not after the body timeout


def chunked(*pieces: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def post_chunked(
    live: LiveServer,
    body: bytes,
    *,
    coding: str = "chunked",
    content_type: str = FORM,
    headers: Sequence[tuple[str, str]] = (),
    timeout: float = 5.0,
) -> Reply:
    """POST ``body`` as sent, with ``Transfer-Encoding: coding`` and no Content-Length."""
    return live.request(
        "POST",
        "/e2e/open/echo",
        content_type=content_type,
        headers=[("Transfer-Encoding", coding), *headers],
        body=body,
        length=None,
        timeout=timeout,
    )


def test_a_chunked_form_is_read(live: LiveServer) -> None:
    reply = post_chunked(live, chunked(b"a=1", b"&b=", b"two")).assert_safe()
    assert reply.status == 200
    assert reply.json()["input"] == {"a": "1", "b": "two"}


def test_a_chunked_json_body_keeps_its_types(live: LiveServer) -> None:
    reply = post_chunked(
        live,
        chunked(b'{"n": 1, "f": 1.5,', b' "b": true, "z": null}'),
        content_type="application/json",
    ).assert_safe()
    assert reply.status == 200
    assert reply.json()["json"] == {"n": 1, "f": 1.5, "b": True, "z": None}


@pytest.mark.parametrize(
    "body",
    [
        b"zz\r\na=1\r\n0\r\n\r\n",  # not a hex size
        b"3\r\na=1XX0\r\n\r\n",  # no CRLF after the chunk
    ],
)
def test_a_malformed_chunked_body_is_a_400(live: LiveServer, body: bytes) -> None:
    reply = post_chunked(live, body).assert_safe()
    assert reply.status == 400


def test_chunked_with_a_content_length_is_refused_or_read_as_chunked(live: LiveServer) -> None:
    # RFC 9112 6.3: Transfer-Encoding wins, and a server may refuse the message outright.
    reply = post_chunked(live, chunked(b"a=1&b=2"), headers=[("Content-Length", "3")]).assert_safe()
    assert reply.status in (200, 400)
    if reply.status == 200:
        assert reply.json()["input"] == {"a": "1", "b": "2"}


@pytest.mark.parametrize(
    "coding", ["gzip, chunked", "deflate, chunked", "chunked, chunked", "identity", "xchunked"]
)
def test_unusual_transfer_codings_are_refused(live: LiveServer, coding: str) -> None:
    # 501 is what RFC 9112 asks of a server for a coding it does not know; a body still
    # coded (gzip) that gunicorn passes on is refused by the app (415), never misread.
    reply = post_chunked(live, chunked(b"a=1"), coding=coding).assert_safe(allow_500=True)
    assert reply.status in (400, 415, 501)


def test_an_oversized_chunked_body_is_a_413(live: LiveServer) -> None:
    piece = b"a=" + b"x" * (256 * 1024 - 2)
    body = chunked(*[piece] * 12)  # 3 MiB, over the 2.5 MiB form limit
    reply = post_chunked(live, body, timeout=10).assert_safe()
    assert reply.status == 413
