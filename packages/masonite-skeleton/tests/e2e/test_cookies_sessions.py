"""Malformed cookies, and session cookies that are forged, tampered with or replayed."""

from __future__ import annotations

import base64
import json
import time
from typing import TYPE_CHECKING

import pytest
from cryptography.fernet import Fernet

from masonite.providers.keys import fernet_key

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)


def remember(live: LiveServer, value: str) -> str:
    """Store ``value`` in a new session; return the session cookie."""
    reply = live.form("/e2e/open/remember", {"v": value}).assert_safe()
    assert reply.status == 200
    cookie = reply.cookie("session")
    assert cookie
    return cookie


def recall(live: LiveServer, cookie_header: str) -> dict[str, object]:
    reply = live.get("/e2e/recall", cookie=cookie_header).assert_safe()
    assert reply.status == 200, reply.text[:300]
    session: dict[str, object] = reply.json()["session"]
    return session


def test_a_session_round_trips(live: LiveServer) -> None:
    cookie = remember(live, "kept")
    assert recall(live, f"session={cookie}") == {"value": "kept"}
    assert recall(live, f'a=1; session="{cookie}"; b=2') == {"value": "kept"}


@pytest.mark.parametrize(
    "header",
    [
        "=;;;",
        "session",
        'a="\\x; session=',
        "session=; session=x",
        "a=b=c=d",
        "a=\x80\xff; b=\xe9",
        "; ; ;=; a",
        "\t",
        "a=" + "b" * 7000,
        "; ".join(f"c{n}=v" for n in range(300)),
    ],
)
def test_malformed_cookie_headers_give_an_empty_session(live: LiveServer, header: str) -> None:
    assert recall(live, header) == {}


def test_a_cookie_header_over_gunicorns_limit_is_refused(live: LiveServer) -> None:
    reply = live.get("/e2e/recall", cookie="a=" + "b" * 9000).assert_safe()
    assert 400 <= reply.status < 500


def tampered(token: str) -> list[str]:
    """Variants of a genuine session cookie that must all read as an empty session."""
    middle = len(token) // 2
    flipped = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    last_bit = base64.urlsafe_b64encode(raw[:-1] + bytes([raw[-1] ^ 1])).decode()
    return [
        flipped,
        last_bit,
        token[:-1],
        token[: len(token) // 2],
        token + "A",
        token + token,
        "f." + flipped,  # the flash hint in front changes nothing
        token.upper(),
        "gAAAAA" + "A" * 200,
        "not base64 at all!",
        "x" * 5000,
    ]


def test_a_tampered_or_truncated_session_cookie_gives_an_empty_session(
    live: LiveServer,
) -> None:
    token = remember(live, "secret-value")
    for variant in tampered(token):
        assert recall(live, f"session={variant}") == {}, variant[:60]


def _payload(value: str) -> bytes:
    return json.dumps({"d": {"value": value}, "f": []}).encode()


def test_a_session_cookie_made_with_another_key_is_refused(live: LiveServer) -> None:
    foreign = Fernet(fernet_key("some other application key", "session.cookie"))
    assert recall(live, "session=" + foreign.encrypt(_payload("forged")).decode()) == {}
    # The right key for another purpose (the memory driver's signature) is no better.
    other_purpose = Fernet(fernet_key(live.key, "session.memory"))
    assert recall(live, "session=" + other_purpose.encrypt(_payload("forged")).decode()) == {}


def test_a_session_cookie_from_before_its_lifetime_reads_as_empty(live: LiveServer) -> None:
    # What the app itself would have written LIFETIME + 10 seconds ago.
    own = Fernet(fernet_key(live.key, "session.cookie"))
    old = own.encrypt_at_time(_payload("stale"), int(time.time()) - live.lifetime - 10)
    assert recall(live, "session=" + old.decode()) == {}
    fresh = own.encrypt(_payload("fresh"))
    assert recall(live, "session=" + fresh.decode()) == {"value": "fresh"}


def test_a_replayed_session_cookie_expires_after_its_lifetime(live: LiveServer) -> None:
    # live.early_cookie was issued when the server started; it worked then (conftest).
    wait = live.early_at + live.lifetime + 1.2 - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    assert recall(live, f"session={live.early_cookie}") == {}


def test_a_session_cookie_value_cannot_be_injected_into_set_cookie(live: LiveServer) -> None:
    reply = live.form("/e2e/open/remember", {"v": "x; Domain=evil.example\r\nX: 1"}).assert_safe()
    assert reply.status == 200
    (set_cookie,) = reply.all("Set-Cookie")
    assert "evil.example" not in set_cookie
    assert set_cookie.startswith("session=")
    assert "HttpOnly" in set_cookie
    cookie = reply.cookie("session")
    assert recall(live, f"session={cookie}") == {"value": "x; Domain=evil.example\r\nX: 1"}
