from __future__ import annotations

from http import HTTPStatus

import pytest

from masonite.request import (
    BadRequest,
    Forbidden,
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    TooManyRequests,
    Unauthorized,
    UnsafeRedirect,
    UnsupportedMediaType,
)


@pytest.mark.parametrize(
    ("cls", "status", "phrase"),
    [
        (BadRequest, 400, "Bad Request"),
        (Unauthorized, 401, "Unauthorized"),
        (Forbidden, 403, "Forbidden"),
        (NotFound, 404, "Not Found"),
        (PayloadTooLarge, 413, HTTPStatus(413).phrase),  # renamed in Python 3.13
        (UnsupportedMediaType, 415, "Unsupported Media Type"),
        (TooManyRequests, 429, "Too Many Requests"),
        (InternalServerError, 500, "Internal Server Error"),
        (UnsafeRedirect, 400, "Bad Request"),
    ],
)
def test_each_error_has_its_status_and_a_default_message(
    cls: type[HTTPException], status: int, phrase: str
) -> None:
    exc = cls()
    assert cls.status == status
    assert exc.status == status
    assert exc.message == phrase
    assert exc.headers == []
    assert str(exc) == phrase


def test_message_and_headers_are_kept() -> None:
    exc = NotFound("no such post", headers={"X-Reason": "gone"})
    assert exc.message == "no such post"
    assert exc.headers == [("X-Reason", "gone")]
    assert NotFound(headers=[("A", "1"), ("A", "2")]).headers == [("A", "1"), ("A", "2")]
    assert repr(exc) == "NotFound('no such post')"


def test_unsafe_redirect_is_a_bad_request() -> None:
    assert issubclass(UnsafeRedirect, BadRequest)
    with pytest.raises(BadRequest):
        raise UnsafeRedirect()


def test_method_not_allowed_sets_allow_header() -> None:
    exc = MethodNotAllowed(["get", "HEAD", "GET", "post"])
    assert exc.status == 405
    assert exc.allowed == ["GET", "HEAD", "POST"]
    assert exc.headers == [("Allow", "GET, HEAD, POST")]
    assert exc.message == "Method Not Allowed"
    assert MethodNotAllowed(["PUT"], "use PUT").message == "use PUT"
