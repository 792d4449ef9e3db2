from __future__ import annotations

import pytest

from masonite.request.cookies import delete_cookie_header, parse_cookie, set_cookie_header


@pytest.mark.parametrize(
    ("header", "cookies"),
    [
        ("", {}),
        ("a=1", {"a": "1"}),
        ("a=1; b=2", {"a": "1", "b": "2"}),
        ("a=1;b=2;;", {"a": "1", "b": "2"}),
        ("=nameless; a=1", {"a": "1"}),
        ("garbage; a=1", {"a": "1"}),
        ('a="quoted value"; b="', {"a": "quoted value", "b": '"'}),
        ("a=1; a=2", {"a": "1"}),
        ("a=x=y", {"a": "x=y"}),
        ("  a  =  1  ", {"a": "1"}),
        ("a=\x00\x01; b=2", {"a": "\x00\x01", "b": "2"}),
        ("a=%20", {"a": "%20"}),
        ("a=caf\xc3\xa9", {"a": "café"}),
        ("a=\xff", {"a": "\xff"}),
        ("a=1, b=2", {"a": "1, b=2"}),
    ],
)
def test_parse_cookie_is_tolerant(header: str, cookies: dict[str, str]) -> None:
    assert parse_cookie(header) == cookies


def test_set_cookie_header_minimal_and_defaults() -> None:
    assert set_cookie_header("a", "1") == "a=1; Path=/; HttpOnly; SameSite=Lax"
    assert set_cookie_header("a", "", path=None, http_only=False, same_site=None) == "a="


def test_delete_cookie_header() -> None:
    assert (
        delete_cookie_header("a") == "a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"
    )
    assert delete_cookie_header("a", path=None, domain=".example.com") == (
        "a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Domain=.example.com"
    )
