from __future__ import annotations

import threading

from masonite.container import Container
from masonite.providers import CookieDriver, Session, SessionSettings
from masonite.providers.sessions.lazy import LazySession, session_request_class
from masonite.request import Request, Response
from masonite.request.testing import create_environ


def _request_class() -> type[Request]:
    return session_request_class(CookieDriver("test-key", SessionSettings()))


def test_the_class_is_a_request_with_a_lazy_session() -> None:
    cls = _request_class()
    assert issubclass(cls, Request)
    assert cls.__name__ == "Request"
    assert isinstance(vars(cls)["session"], LazySession)


def test_no_session_is_built_until_it_is_read() -> None:
    request = _request_class()(create_environ())
    assert "session" not in request.__dict__
    session = request.session
    assert isinstance(session, Session)
    assert request.__dict__["session"] is session
    assert request.session is session  # one session per request


def test_each_request_gets_its_own_session() -> None:
    cls = _request_class()
    first, second = cls(create_environ()), cls(create_environ())
    first.session.set("name", "Ada")
    assert first.session is not second.session
    assert second.session.get("name") is None


def test_the_session_can_be_replaced() -> None:
    request = _request_class()(create_environ())
    replacement = Session(CookieDriver("other-key", SessionSettings()), request)
    request.session = replacement
    assert request.session is replacement


def test_a_written_session_is_saved_through_the_lazy_attribute() -> None:
    request = _request_class()(create_environ())
    request.session.set("name", "Ada")
    response = Response()
    request.session.save(response)
    assert any(header.startswith("session=") for header in response.cookies)


def test_threads_never_share_a_session() -> None:
    cls = _request_class()
    seen: dict[int, object] = {}

    def serve(index: int) -> None:
        request = cls(create_environ())
        request.session.set("index", index)
        seen[index] = request.session.get("index")

    threads = [threading.Thread(target=serve, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {index: index for index in range(8)}


def test_the_container_finds_it_as_a_request() -> None:
    request = _request_class()(create_environ())
    scope = Container().scope()
    scope.bind("Request", request)
    assert scope.make(Request) is request

    def takes(req: Request) -> Request:
        return req

    assert scope.resolve(takes) is request
