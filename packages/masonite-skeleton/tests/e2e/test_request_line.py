"""Hostile request lines: broken paths, traversal, huge targets, and int parameters."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize(
    "target",
    [
        "/%zz",  # not a percent-escape
        "/%",
        "/%ff%fe",  # not UTF-8
        "/%c0%af",  # overlong UTF-8 for "/"
        "/%e0%80%af",  # a longer overlong "/"
        "/%ed%a0%80",  # a UTF-8 encoded surrogate
        "/a%00b",  # NUL
        "/e2e/open/echo%00",
        "/e2e/open/echo?%zz=1",
        "/e2e/open/echo?a=%ff",
        "/e2e/open/echo?a=%c0%af",
        "/e2e/open/echo?a[b][c][d][e][f][g][h][i][j]=1",  # nesting over the limit
    ],
)
def test_malformed_paths_and_queries_are_a_4xx(live: LiveServer, target: str) -> None:
    reply = live.get(target).assert_safe()
    assert 400 <= reply.status < 500


@pytest.mark.parametrize(
    "target",
    [
        b"/\xff\xfe",  # raw bytes that are not UTF-8
        b"/caf\xe9",  # raw latin-1
        b"/e2e/open/echo?a=\xff",
        b"/e2e/open/echo?\xc0\xaf=1",
    ],
)
def test_raw_non_ascii_bytes_in_the_target_are_a_4xx_or_are_read_as_sent(
    live: LiveServer, target: bytes
) -> None:
    reply = live.get(target).assert_safe()
    assert reply.status in (400, 404), reply.text


def test_raw_utf8_in_the_target_is_decoded(live: LiveServer) -> None:
    reply = live.get("/e2e/open/echo?name=é".encode()).assert_safe()
    assert reply.status in (200, 400)  # servers may refuse raw non-ASCII; never more
    if reply.status == 200:
        assert reply.json()["input"] == {"name": "é"}


@pytest.mark.parametrize(
    "target",
    [
        "/../../etc/passwd",
        "/static/../../.env",
        "/static/..%2f..%2f.env",
        "/static/%2e%2e/%2e%2e/.env",
        "/static/%2e%2e%2f%2e%2e%2f.env",
        "/static/....//....//.env",
        "/static/..\\..\\.env",
        "/..%5c..%5c.env",
        "/robots.txt/../../.env",
        "/favicon.ico%00.env",
        "/.env",
        "/wsgi.py",
        "/config/application.py",
        "//etc/passwd",
    ],
)
def test_traversal_never_serves_a_file_outside_the_static_folders(
    live: LiveServer, target: str
) -> None:
    reply = live.get(target).assert_safe()
    assert 400 <= reply.status < 500
    assert live.key.encode() not in reply.body
    assert b"root:" not in reply.body
    assert b"KEY=" not in reply.body


def test_a_path_over_gunicorns_limit_is_refused(live: LiveServer) -> None:
    reply = live.get("/" + "a" * 9000).assert_safe()
    assert 400 <= reply.status < 500


def test_a_long_path_under_the_limit_is_a_quick_404(live: LiveServer) -> None:
    reply = live.get("/e2e/" + "a/" * 1900).assert_safe()
    assert reply.status == 404


def test_the_404_page_escapes_the_path(live: LiveServer) -> None:
    reply = live.get("/%3Cscript%3Ealert(1)%3C/script%3E").assert_safe()
    assert reply.status == 404
    assert b"<script>" not in reply.body


def test_int_parameters_arrive_as_int(live: LiveServer) -> None:
    reply = live.get("/e2e/users/42").assert_safe()
    assert reply.status == 200
    assert reply.json() == {"id": 42, "type": "int", "param": 42}
    biggest = "9" * 18
    assert live.get(f"/e2e/users/{biggest}").json()["id"] == int(biggest)


@pytest.mark.parametrize(
    "value",
    [
        "\u0664\u0662",  # Arabic-Indic 42: str.isdigit() is True for them
        "\uff14\uff12",  # fullwidth 42
        "\U0001d7da",  # mathematical double-struck 2
        "\u00b2",  # superscript 2
        "9" * 19,  # over 18 digits
        "9" * 400,
        "-1",
        "+1",
        "0x10",
        "1e3",
        "1.5",
        "1_000",
        " 1",
        "1 ",
    ],
)
def test_int_parameters_match_ascii_digits_only(live: LiveServer, value: str) -> None:
    target = "/e2e/users/" + "".join(
        ch if ch.isascii() and ch.isalnum() else "".join(f"%{b:02X}" for b in ch.encode())
        for ch in value
    )
    reply = live.get(target).assert_safe()
    assert reply.status == 404, (value, reply.text)


@pytest.mark.parametrize(
    "request_line",
    [
        b"GET /e2e/open/echo HTTP/1.1\x00",
        b"GET /e2e/open/\x00echo HTTP/1.1",
        b"GET  HTTP/1.1",
        b"GET /e2e/open/echo HTTP/9.9",
        b"GET /e2e/open/echo FTP/1.1",
        b"G\xc3\x89T /e2e/open/echo HTTP/1.1",
        b"GET /e2e/open/echo?a=1 b=2 HTTP/1.1",
        b"GET /e2e/open/echo\rX: 1 HTTP/1.1",
    ],
)
def test_broken_request_lines_are_refused(live: LiveServer, request_line: bytes) -> None:
    data = request_line + f"\r\nHost: 127.0.0.1:{live.port}\r\nConnection: close\r\n\r\n".encode()
    raw = live.exchange_bytes(data)
    found = re.match(rb"HTTP/\d\.\d (\d{3}) ", raw)
    assert found is not None, raw[:200]
    assert b"Traceback" not in raw
    status = int(found.group(1))
    if request_line.endswith((b"\x00", b"HTTP/9.9")):
        assert status in (200, 400)  # gunicorn before 22 read these leniently
    else:
        assert 400 <= status < 500, raw[:300]


@pytest.mark.parametrize(
    "host", ["evil.example:99999", "a b", "evil.example/path", "[::1", "a@b", "é.example"]
)
def test_a_malformed_host_is_a_400(live: LiveServer, host: str) -> None:
    reply = live.get("/e2e/open/headers", headers=[("Host", host)]).assert_safe()
    assert reply.status == 400


@pytest.mark.parametrize(
    ("name", "value"),
    [("X-Bad", "a\x00b"), ("X-Bad", "a\x7fb"), ("X-Bad", "a\x01b"), ("X-Latin", "caf\xe9")],
)
def test_control_characters_in_header_values_are_refused_or_read_as_sent(
    live: LiveServer, name: str, value: str
) -> None:
    reply = live.get("/e2e/open/headers", headers=[(name, value)]).assert_safe()
    assert reply.status in (200, 400)  # gunicorn refuses some itself; the app never fails
    if reply.status == 200:
        assert reply.json()["headers"][name] == value


@pytest.mark.parametrize(
    "headers",
    [
        [("Bad Name", "1")],
        [("X-Long", "x" * 9000)],
        [(f"X-Many-{n}", "1") for n in range(120)],
    ],
)
def test_headers_over_gunicorns_limits_are_refused(
    live: LiveServer, headers: list[tuple[str, str]]
) -> None:
    reply = live.get("/e2e/open/headers", headers=headers).assert_safe()
    assert 400 <= reply.status < 500


def test_an_absolute_form_target_does_not_change_the_host(live: LiveServer) -> None:
    reply = live.get("http://evil.example/e2e/open/back?__back=http://evil.example/").assert_safe()
    assert reply.status in (302, 400)
    assert "evil.example" not in (reply.header("Location") or "")


@pytest.mark.parametrize("method", ["FOO", "TRACE", "CONNECT", "PROPFIND"])
def test_unknown_and_unrouted_methods_get_a_4xx(live: LiveServer, method: str) -> None:
    reply = live.request(method, "/e2e/open/echo").assert_safe()
    assert reply.status in (400, 403, 405), reply.status


def test_http_1_0_is_answered(live: LiveServer) -> None:
    data = b"GET /e2e/open/echo?a=1 HTTP/1.0\r\n\r\n"
    reply = live.exchange(data).assert_safe()
    assert reply.status == 200
    assert reply.json()["input"] == {"a": "1"}
