"""CSRF tokens and ``_method`` spoofing, attacked from outside."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)

ECHO = "/e2e/open/echo"
GUARDED = "/e2e/csrf/echo"


def session_with_token(live: LiveServer) -> tuple[str, str]:
    """A fresh session and its CSRF token: (Cookie header, token)."""
    reply = live.get("/e2e/token").assert_safe()
    assert reply.status == 200
    cookie = reply.cookie("session")
    assert cookie
    return f"session={cookie}", reply.json()["token"]


# -- method spoofing ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["_method", "__method"])
@pytest.mark.parametrize("value", ["DELETE", "PUT", "PATCH", "delete"])
def test_a_posted_form_may_spoof_put_patch_and_delete(
    live: LiveServer, name: str, value: str
) -> None:
    reply = live.form(ECHO, {name: value}).assert_safe()
    assert reply.json()["method"] == value.upper()


@pytest.mark.parametrize("value", ["DELETE", "PUT", "PATCH"])
def test_the_query_string_never_spoofs_the_method(live: LiveServer, value: str) -> None:
    assert live.get(f"{ECHO}?_method={value}").json()["method"] == "GET"
    assert live.form(f"{ECHO}?_method={value}", {"a": "1"}).json()["method"] == "POST"


@pytest.mark.parametrize("value", ["GET", "HEAD", "TRACE", "CONNECT", "OPTIONS", "POST", "X", ""])
def test_a_form_never_spoofs_other_methods(live: LiveServer, value: str) -> None:
    reply = live.form(ECHO, {"_method": value}).assert_safe()
    assert reply.json()["method"] == "POST"


def test_only_forms_spoof_and_only_from_post(live: LiveServer) -> None:
    assert live.json(ECHO, {"_method": "DELETE"}).json()["method"] == "POST"
    for method in ("PUT", "PATCH", "DELETE"):
        reply = live.form(ECHO, {"_method": "GET"}, method=method).assert_safe()
        assert reply.json()["method"] == method
    # A GET with a form body is still a GET.
    assert live.form(ECHO, {"_method": "DELETE"}, method="GET").json()["method"] == "GET"


def test_a_list_or_nested_method_field_is_ignored(live: LiveServer) -> None:
    for body in ("_method[]=DELETE", "_method[x]=DELETE", "_method=DELETE%00"):
        assert live.form(ECHO, body).assert_safe().json()["method"] == "POST"


def test_spoofing_to_an_unrouted_method_is_a_405(live: LiveServer) -> None:
    reply = live.form("/e2e/open/back", {"_method": "DELETE"}).assert_safe()
    assert reply.status == 405
    assert reply.header("Allow") is not None


def test_a_broken_body_leaves_the_method_post(live: LiveServer) -> None:
    reply = live.form(ECHO, "_method=DELETE&x=%ff").assert_safe()
    assert reply.status == 400


# -- CSRF -----------------------------------------------------------------------------------


def test_a_post_without_a_session_or_a_token_is_a_403(live: LiveServer) -> None:
    reply = live.form(GUARDED, {"a": "1"}).assert_safe()
    assert reply.status == 403
    assert "CSRF" in reply.text


def test_a_post_with_its_sessions_token_passes(live: LiveServer) -> None:
    cookie, token = session_with_token(live)
    reply = live.form(GUARDED, {"__token": token, "a": "1"}, cookie=cookie).assert_safe()
    assert reply.status == 200
    assert reply.json()["input"]["a"] == "1"
    by_header = live.form(
        GUARDED, {"a": "2"}, cookie=cookie, headers=[("X-CSRF-TOKEN", token)]
    ).assert_safe()
    assert by_header.status == 200


def test_a_json_post_with_the_token_in_a_header_passes(live: LiveServer) -> None:
    cookie, token = session_with_token(live)
    reply = live.json(GUARDED, {"a": 1}, cookie=cookie, headers=[("X-XSRF-TOKEN", token)])
    assert reply.assert_safe().status == 200


def test_wrong_tokens_are_a_403(live: LiveServer) -> None:
    cookie, token = session_with_token(live)
    for fields in (
        {},
        {"__token": ""},
        {"__token": token[:-1]},
        {"__token": token + "x"},
        {"__token": token.upper()},
        {"__token": "é" + token},
        {"__token[]": token},
        {"__token[a]": token},
    ):
        reply = live.form(GUARDED, fields, cookie=cookie).assert_safe()
        assert reply.status == 403, fields


def test_a_token_without_its_session_is_a_403(live: LiveServer) -> None:
    _, token = session_with_token(live)
    assert live.form(GUARDED, {"__token": token}).assert_safe().status == 403


def test_a_token_from_another_session_is_a_403(live: LiveServer) -> None:
    _, stolen = session_with_token(live)
    cookie, _ = session_with_token(live)
    reply = live.form(GUARDED, {"__token": stolen}, cookie=cookie).assert_safe()
    assert reply.status == 403


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_unsafe_methods_need_the_token_too(live: LiveServer, method: str) -> None:
    assert live.form(GUARDED, {"a": "1"}, method=method).assert_safe().status == 403
    spoofed = live.form(GUARDED, {"_method": method}).assert_safe()
    assert spoofed.status == 403


def test_spoofing_a_safe_method_does_not_skip_the_check(live: LiveServer) -> None:
    for value in ("GET", "HEAD", "OPTIONS"):
        assert live.form(GUARDED, {"_method": value}).assert_safe().status == 403


def test_a_hostile_body_on_a_guarded_route_is_its_own_4xx(live: LiveServer) -> None:
    # The CSRF check reads the body first: its errors must still be 400/413, not 403 or 500.
    assert live.json(GUARDED, b"[" * 100_000).assert_safe().status == 400
    assert live.form(GUARDED, "a=%ff").assert_safe().status == 400
    assert live.form(GUARDED, "a" + "[a]" * 20 + "=1").assert_safe().status == 400
    too_many = "&".join(f"f{n}=1" for n in range(1001))
    assert live.form(GUARDED, too_many).assert_safe().status == 413


def test_the_contact_form_keeps_its_csrf_protection(live: LiveServer) -> None:
    reply = live.form("/contact", {"name": "Ada", "message": "Hi"}).assert_safe()
    assert reply.status == 403


def test_a_token_that_is_not_text_is_a_400_not_a_500(live: LiveServer) -> None:
    # A lone surrogate could not be encoded to compare it: it must never get that far.
    cookie, _ = session_with_token(live)
    reply = live.json(GUARDED, b'{"__token": "\\ud800"}', cookie=cookie).assert_safe()
    assert reply.status == 400


def contact_form(live: LiveServer) -> tuple[str, str]:
    """The contact page's session cookie and the CSRF token of its form."""
    page = live.get("/contact").assert_safe()
    found = re.search(r'name="__token" value="([^"]+)"', page.text)
    assert found is not None
    cookie = page.cookie("session")
    assert cookie
    return f"session={cookie}", found.group(1)


def test_the_contact_form_survives_hostile_text(live: LiveServer) -> None:
    cookie, token = contact_form(live)
    parts = [
        live.field_part("__token", token.encode()),
        live.field_part("name", b"+2AA-", extra=b"\r\nContent-Type: text/plain; charset=utf-7"),
        live.field_part("message", b"hi"),
    ]
    reply = live.multipart("/contact", parts, cookie=cookie).assert_safe()
    assert reply.status == 400  # not a 500 from a flash message that cannot be stored
    reply = live.form(
        "/contact", {"__token": token, "name": "<b>Ada</b>", "message": "x"}, cookie=cookie
    ).assert_safe()
    assert reply.status == 302
    assert reply.header("Location") == "/contact"
