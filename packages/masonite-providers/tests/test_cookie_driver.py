from __future__ import annotations

import base64
import time

import pytest
from cryptography.fernet import Fernet

from masonite.providers import CookieDriver, SessionSettings, SessionTooLarge
from masonite.providers.keys import fernet_key
from masonite.providers.sessions.driver import encode_payload
from masonite.request import Response


def _saved(driver: CookieDriver, data: dict[str, object], flashed: tuple[str, ...] = ()) -> str:
    response = Response()
    driver.save(response, None, data, flashed, False)
    (header,) = response.cookies
    return header.split(";", 1)[0].split("=", 1)[1]


def test_round_trip() -> None:
    driver = CookieDriver("key", SessionSettings())
    assert driver.load(_saved(driver, {"a": 1, "b": "é"})) == ({"a": 1, "b": "é"}, [])
    assert driver.load(_saved(driver, {"a": 1}, ("a",))) == ({"a": 1}, ["a"])


def test_cookie_attributes() -> None:
    driver = CookieDriver("key", SessionSettings(lifetime=60, secure=True, same_site="Strict"))
    response = Response()
    driver.save(response, None, {"a": 1}, (), False)
    (header,) = response.cookies
    assert "HttpOnly" in header
    assert "Secure" in header
    assert "SameSite=Strict" in header
    assert "Max-Age=60" in header


def _flip(token: str, index: int) -> str:
    raw = bytearray(base64.urlsafe_b64decode(token))
    raw[index] ^= 1
    return base64.urlsafe_b64encode(bytes(raw)).decode()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: _flip(t, 40),  # a ciphertext byte
        lambda t: _flip(t, -1),  # the signature
        lambda t: t[:-10],  # truncated
        lambda t: "AAAA" + t,  # a wrong version byte
        lambda t: "not base64 at all!",
        lambda t: "",
        lambda t: "f." + t[5:],
        lambda t: "é" * 20,
        lambda t: "A" * 10_000,
    ],
)
def test_tampered_cookies_are_an_empty_session(mangle: object) -> None:
    driver = CookieDriver("key", SessionSettings())
    token = _saved(driver, {"user": 1})
    assert driver.load(mangle(token)) == ({}, [])  # type: ignore[operator]


def test_a_cookie_made_with_another_key_is_empty() -> None:
    mine = CookieDriver("key", SessionSettings())
    theirs = CookieDriver("other key", SessionSettings())
    assert mine.load(_saved(theirs, {"user": 1})) == ({}, [])


def test_a_validly_signed_payload_of_the_wrong_shape_is_empty() -> None:
    fernet = Fernet(fernet_key("key", "session.cookie"))
    driver = CookieDriver("key", SessionSettings())
    for payload in (b"[]", b"not json", b'{"d": [], "f": []}', b'{"d": {}, "f": 3}'):
        assert driver.load(fernet.encrypt(payload).decode()) == ({}, [])


def test_lifetime_is_enforced_from_the_signed_timestamp() -> None:
    driver = CookieDriver("key", SessionSettings(lifetime=60))
    fernet = Fernet(fernet_key("key", "session.cookie"))
    old = fernet.encrypt_at_time(encode_payload({"a": 1}, ()), int(time.time()) - 61).decode()
    fresh = fernet.encrypt_at_time(encode_payload({"a": 1}, ()), int(time.time()) - 30).decode()
    assert driver.load(old) == ({}, [])
    assert driver.load(fresh) == ({"a": 1}, [])


def test_too_large_a_session_is_a_clear_error() -> None:
    driver = CookieDriver("key", SessionSettings())
    with pytest.raises(SessionTooLarge, match=r"over the 4093 a browser keeps.*memory"):
        _saved(driver, {"big": "x" * 4000})


def test_empty_session_deletes_the_cookie_it_came_with() -> None:
    driver = CookieDriver("key", SessionSettings())
    response = Response()
    driver.save(response, "old", {}, (), False)
    (header,) = response.cookies
    assert header.startswith("session=")
    assert "Max-Age=0" in header or "expires=Thu, 01 Jan 1970" in header.lower() or "1970" in header
    response = Response()
    driver.save(response, None, {}, (), False)
    assert response.cookies == []
