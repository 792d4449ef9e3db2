from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from masonite.request.testing import Client


def _token(client: Client) -> str:
    match = re.search(r'name="__token" value="([^"]+)"', client.get("/form").text)
    assert match is not None
    return match.group(1)


@pytest.fixture(params=["cookie", "memory"])
def session_client(request: pytest.FixtureRequest, make_client: Callable[..., Client]) -> Client:
    return make_client(SESSION_DRIVER=request.param)


def test_values_persist_across_requests(session_client: Client) -> None:
    token = _token(session_client)
    assert (
        session_client.post("/session", data={"__token": token, "name": "Ada"}).status_code == 200
    )
    assert session_client.get("/session").json() == {
        "all": {"_token": token, "name": "Ada"},
        "has_name": True,
    }


def test_flash_is_visible_on_the_next_request_only(session_client: Client) -> None:
    token = _token(session_client)
    session_client.post("/session/flash", data={"__token": token, "notice": "saved"})
    assert session_client.get("/session").json()["all"]["notice"] == "saved"
    assert "notice" not in session_client.get("/session").json()["all"]


def test_reset_and_regenerate(session_client: Client) -> None:
    token = _token(session_client)
    session_client.post("/session", data={"__token": token, "name": "Ada"})
    before = session_client.cookies.as_dict()["session"]
    session_client.post("/session/regenerate", data={"__token": token})
    after = session_client.cookies.as_dict()["session"]
    assert after != before
    assert session_client.get("/session").json()["all"]["name"] == "Ada"
    session_client.post("/session/reset", data={"__token": token})
    assert session_client.get("/session").json()["all"] == {}


@pytest.mark.parametrize(
    "value",
    ["garbage", "f.garbage", "", "gAAAAAB" + "A" * 200, "x" * 5000, "a.b.c", "\u00e9t\u00e9"],
)
def test_tampered_cookies_give_an_empty_session(session_client: Client, value: str) -> None:
    session_client.cookies.set("session", value)
    response = session_client.get("/session")
    assert response.status_code == 200
    assert response.json()["all"] == {}


def test_altered_real_cookie_gives_an_empty_session(session_client: Client) -> None:
    token = _token(session_client)
    session_client.post("/session", data={"__token": token, "name": "Ada"})
    real = session_client.cookies.as_dict()["session"]
    altered = real[:-3] + ("A" if real[-3] != "A" else "B") + real[-2:]
    session_client.cookies.set("session", altered)
    assert session_client.get("/session").json()["all"] == {}


def test_untouched_session_sets_no_cookie(session_client: Client) -> None:
    token = _token(session_client)
    session_client.post("/session", data={"__token": token, "name": "Ada"})
    for path in ("/", "/session", "/users/1"):
        assert session_client.get(path).headers.get_all("Set-Cookie") == []


def test_cookie_too_large_is_a_500_with_a_clear_log(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    token = _token(client)
    response = client.post("/session/big", data={"__token": token})
    assert response.status_code == 500
    assert "SessionTooLarge" in caplog.text
    assert "memory" in caplog.text


def test_unknown_driver_is_a_start_up_error(make_client: Callable[..., Client]) -> None:
    from masonite.providers import ConfigError

    with pytest.raises(ConfigError, match=r"DRIVER = 'redis' is not a session driver"):
        make_client(SESSION_DRIVER="redis")


def test_the_session_cookie_is_secure_on_https_by_default(
    session_client: Client,
) -> None:
    # /form creates the CSRF token, so it saves the session.
    https = session_client.get("/form", environ={"wsgi.url_scheme": "https"})
    (cookie,) = https.headers.get_all("Set-Cookie")
    assert "; Secure" in cookie
    session_client.cookies.clear()
    (cookie,) = session_client.get("/form").headers.get_all("Set-Cookie")
    assert "; Secure" not in cookie
