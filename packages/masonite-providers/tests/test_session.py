from __future__ import annotations

import inspect
from typing import Any

import pytest

from masonite.providers import CookieDriver, Session, SessionSettings
from masonite.providers.exceptions import SessionError
from masonite.request import Request, Response, SessionProtocol
from masonite.request.testing import create_environ


class CountingDriver(CookieDriver):
    """A cookie driver that counts decryptions."""

    loads = 0

    def load(self, raw: str) -> Any:
        CountingDriver.loads += 1
        return super().load(raw)


@pytest.fixture
def driver() -> CountingDriver:
    CountingDriver.loads = 0
    return CountingDriver("test-key", SessionSettings())


def _cookie_of(response: Response) -> str | None:
    for header in response.cookies:
        name, _, rest = header.partition("=")
        if name == "session":
            return rest.split(";", 1)[0]
    return None


def _next(driver: CookieDriver, cookie: str | None) -> tuple[Session, Response]:
    environ = create_environ(cookies={"session": cookie} if cookie else None)
    request = Request(environ)
    return Session(driver, request), request.response


def test_untouched_session_is_never_decrypted_or_written(driver: CountingDriver) -> None:
    session, response = _next(driver, None)
    session.set("name", "Ada")
    session.save(response)
    cookie = _cookie_of(response)
    assert cookie
    session, response = _next(driver, cookie)
    session.save(response)
    assert driver.loads == 0
    assert response.cookies == []


def test_values_round_trip_and_unmodified_sessions_set_no_cookie(driver: CountingDriver) -> None:
    session, response = _next(driver, None)
    session.set("name", "Ada")
    session.set("ids", [1, 2])
    session.save(response)
    session, response = _next(driver, _cookie_of(response))
    assert session.get("name") == "Ada"
    assert session.has("ids")
    assert "name" in session
    assert session.all() == {"name": "Ada", "ids": [1, 2]}
    assert session.get("missing", "d") == "d"
    session.save(response)
    assert response.cookies == []


def test_flash_lives_for_the_next_request_only(driver: CountingDriver) -> None:
    session, response = _next(driver, None)
    session.set("keep", 1)
    session.flash("notice", "saved")
    assert session.get("notice") == "saved"
    session.save(response)
    cookie = _cookie_of(response)
    assert cookie is not None
    assert cookie.startswith("f.")
    # The next request does not even look at the session: the flash still ages out.
    session, response = _next(driver, cookie)
    session.save(response)
    cookie = _cookie_of(response)
    assert cookie is not None
    assert not cookie.startswith("f.")
    session, response = _next(driver, cookie)
    assert session.all() == {"keep": 1}


def test_flash_is_read_on_the_next_request_then_gone(driver: CountingDriver) -> None:
    session, response = _next(driver, None)
    session.flash("notice", "saved")
    session.save(response)
    session, response = _next(driver, _cookie_of(response))
    assert session.get("notice") == "saved"
    session.save(response)
    # Only flash data: the session is now empty and its cookie is deleted.
    assert any("session=;" in c or "Max-Age=0" in c for c in response.cookies)


def test_set_over_a_flash_makes_it_permanent(driver: CountingDriver) -> None:
    session, response = _next(driver, None)
    session.flash("k", 1)
    session.save(response)
    session, response = _next(driver, _cookie_of(response))
    session.set("k", 2)
    session.save(response)
    permanent = _cookie_of(response)
    assert permanent is not None
    assert not permanent.startswith("f.")
    for _ in range(2):
        session, response = _next(driver, permanent)
        assert session.get("k") == 2
        session.save(response)
        assert response.cookies == []  # nothing changed and nothing to age: no cookie


def test_delete_pull_and_reset(driver: CountingDriver) -> None:
    session, _ = _next(driver, None)
    session.set("a", 1)
    session.set("b", 2)
    session.flash("f", 3)
    assert session.delete("a") is True
    assert session.delete("a") is False
    assert session.pull("b") == 2
    assert session.all() == {"f": 3}
    session.set("c", 4)
    session.reset(flash_only=True)
    assert session.all() == {"c": 4}
    session.reset()
    assert session.all() == {}


def test_regenerate_issues_a_new_cookie_with_the_same_values(driver: CountingDriver) -> None:
    session, response = _next(driver, None)
    session.set("a", 1)
    session.save(response)
    first = _cookie_of(response)
    session, response = _next(driver, first)
    session.regenerate()
    session.save(response)
    second = _cookie_of(response)
    assert second is not None
    assert second != first
    session, _ = _next(driver, second)
    assert session.get("a") == 1


def test_values_must_be_json(driver: CountingDriver) -> None:
    session, response = _next(driver, None)
    session.set("when", object())
    with pytest.raises(SessionError, match=r"session value 'when' is a object"):
        session.save(response)


def test_keys_must_be_strings(driver: CountingDriver) -> None:
    session, _ = _next(driver, None)
    with pytest.raises(TypeError, match="strings"):
        session.set(1, "x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name", [name for name in vars(SessionProtocol) if not name.startswith("_")]
)
def test_session_has_every_method_of_the_request_session_protocol(name: str) -> None:
    # request.session is typed as masonite.request.SessionProtocol: Session must fit it.
    expected = inspect.signature(getattr(SessionProtocol, name))
    assert inspect.signature(getattr(Session, name)) == expected


def test_session_provider_attaches_what_request_session_reads(driver: CountingDriver) -> None:
    request = Request(create_environ())
    request.session = Session(driver, request)
    request.session.set("a", 1)
    assert request.session.get("a") == 1
