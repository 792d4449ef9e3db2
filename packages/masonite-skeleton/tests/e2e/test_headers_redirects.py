"""Request data reflected into headers, cookies and redirects: no split, no open redirect."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)

INJECTIONS = [
    "a\r\nSet-Cookie: injected=1",
    "a\nSet-Cookie: injected=1",
    "a\rSet-Cookie: injected=1",
    "a\r\n\r\n<html>injected",
    "a\r\n Set-Cookie: injected=1",  # obs-fold
    "a\x00b",
    "a\tb",  # valid HTTP, but gunicorn before 22 fails a response holding one
    "a\x0bb",
    "a\x7fb",
    "a\u2028b",
    "a\u010d\u010ab",  # "č" and "Ċ": their low bytes are CR and LF
]


def injected(reply_headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [
        (name, value)
        for name, value in reply_headers
        if "injected" in name.lower() or "injected" in value or name.lower() == "x-echo"
    ]


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_header_value_with_control_characters_is_a_400(live: LiveServer, value: str) -> None:
    reply = live.get("/e2e/header?v=" + quote(value, safe="")).assert_safe()
    assert reply.status == 400, reply.status
    assert injected(reply.headers) == []
    assert b"injected" not in reply.body


@pytest.mark.parametrize("value", ["hello world; é", "a\u0085b", "x\xa0\xff"])
def test_a_header_value_of_visible_latin1_text_is_sent(live: LiveServer, value: str) -> None:
    # Latin-1 is what a header can carry (obs-text); NEL (0x85) ends no line in HTTP.
    reply = live.get("/e2e/header?v=" + quote(value, safe="")).assert_safe()
    assert reply.status == 200
    assert reply.header("X-Echo") == value


@pytest.mark.parametrize(
    "value",
    [
        *INJECTIONS,
        "a\u0085b",
        "a; Domain=evil.example",
        "a; Path=/; HttpOnly=false",
        "a, injected=1",
        'a"b',
        "a b",
        "a\\b",
        "é",
    ],
)
def test_a_cookie_value_that_is_not_cookie_octets_is_a_400(live: LiveServer, value: str) -> None:
    reply = live.get("/e2e/cookie?v=" + quote(value, safe="")).assert_safe()
    assert reply.status == 400, reply.status
    assert reply.all("Set-Cookie") == []
    assert injected(reply.headers) == []


def test_a_plain_cookie_value_is_set(live: LiveServer) -> None:
    reply = live.get("/e2e/cookie?v=abc-123").assert_safe()
    assert reply.status == 200
    assert reply.all("Set-Cookie") == ["echo=abc-123; Path=/; HttpOnly; SameSite=Lax"]


OFFSITE = [
    "http://evil.example/",
    "https://evil.example",
    "//evil.example/",
    "///evil.example/",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "\thttp://evil.example",
    " //evil.example",
    "/\t/evil.example",
    "/\r\n/evil.example",
    "http://127.0.0.1@evil.example/",
    "http://evil.example#@127.0.0.1/",
    "http://evil.example\\@127.0.0.1/",
    "http://127.0.0.1:1/",  # this host, another port: another origin
    "ftp://127.0.0.1/",
    "/ok\r\nSet-Cookie: injected=1",
]


@pytest.mark.parametrize("target", OFFSITE)
def test_a_redirect_to_input_never_leaves_the_site(live: LiveServer, target: str) -> None:
    reply = live.get("/e2e/go?to=" + quote(target, safe="")).assert_safe()
    assert reply.status == 400, (target, reply.status, reply.header("Location"))
    assert reply.header("Location") is None
    assert injected(reply.headers) == []


@pytest.mark.parametrize(
    ("target", "location"),
    [
        ("/contact", "/contact"),
        ("/a?b=c&d=e#frag", "/a?b=c&d=e#frag"),
        ("relative/path", "relative/path"),
        ("?q=1", "?q=1"),
        ("/caf\u00e9 x", "/caf%C3%A9%20x"),
        ("/%2F%2Fevil.example", "/%2F%2Fevil.example"),  # a path on this site
    ],
)
def test_a_redirect_within_the_site_is_followed(
    live: LiveServer, target: str, location: str
) -> None:
    reply = live.get("/e2e/go?to=" + quote(target, safe="")).assert_safe()
    assert reply.status == 302
    assert reply.header("Location") == location


def test_an_absolute_redirect_to_this_origin_is_followed(live: LiveServer) -> None:
    target = f"{live.origin}/contact"
    reply = live.get("/e2e/go?to=" + quote(target, safe="")).assert_safe()
    assert reply.status == 302
    assert reply.header("Location") == target


@pytest.mark.parametrize("target", OFFSITE)
def test_back_to_another_origin_goes_to_the_default(live: LiveServer, target: str) -> None:
    by_input = live.get("/e2e/open/back?__back=" + quote(target, safe="")).assert_safe()
    assert by_input.status == 302
    assert by_input.header("Location") == "/fallback"
    posted = live.form("/e2e/open/back", {"__back": target}).assert_safe()
    assert posted.header("Location") == "/fallback"
    if target.isprintable():  # a header can carry it
        by_referer = live.get("/e2e/open/back", headers=[("Referer", target)]).assert_safe()
        assert by_referer.header("Location") == "/fallback"


def test_back_within_the_site_is_followed(live: LiveServer) -> None:
    reply = live.get("/e2e/open/back?__back=/contact").assert_safe()
    assert reply.header("Location") == "/contact"
    referer = f"{live.origin}/contact?x=1"
    reply = live.get("/e2e/open/back", headers=[("Referer", referer)]).assert_safe()
    assert reply.header("Location") == referer


def test_forwarded_headers_do_not_make_another_origin_same_origin(live: LiveServer) -> None:
    reply = live.get(
        "/e2e/open/back?__back=http://evil.example/",
        headers=[("X-Forwarded-Host", "evil.example"), ("Forwarded", "host=evil.example")],
    ).assert_safe()
    assert reply.header("Location") == "/fallback"


def test_every_response_carries_the_security_headers(live: LiveServer) -> None:
    for reply in (
        live.get("/e2e/open/echo"),
        live.get("/missing"),
        live.get("/e2e/header?v=%0d%0a"),
    ):
        assert reply.header("X-Content-Type-Options") == "nosniff"
        assert reply.header("X-Frame-Options") == "SAMEORIGIN"


@pytest.mark.parametrize(
    "slug",
    ["%5Cevil.example", "%5C%5Cevil.example", "..", "%2E%2E", "caf%C3%A9", "a%0D%0Ab", "%09x"],
)
def test_a_redirect_route_keeps_path_parameters_on_this_site(live: LiveServer, slug: str) -> None:
    reply = live.get(f"/e2e/old/{slug}?q=1").assert_safe()
    assert reply.status in (301, 302, 400, 404), reply.status
    location = reply.header("Location")
    if location is not None:
        assert location.startswith("/"), location
        assert location[1:2] not in ("/", "\\"), location  # not //host nor /\\host
        assert location.isprintable(), location


@pytest.mark.parametrize("query", ["to[]=/contact", "to[a]=/contact", "to[]=a&to[]=b"])
def test_a_redirect_target_that_is_not_text_is_a_400(live: LiveServer, query: str) -> None:
    reply = live.get(f"/e2e/go?{query}").assert_safe()
    assert reply.status == 400
    assert reply.header("Location") is None


@pytest.mark.parametrize("query", ["v[]=a", "v[a]=b"])
def test_a_cookie_value_that_is_not_text_is_a_400(live: LiveServer, query: str) -> None:
    reply = live.get(f"/e2e/cookie?{query}").assert_safe()
    assert reply.status == 400
    assert reply.all("Set-Cookie") == []
