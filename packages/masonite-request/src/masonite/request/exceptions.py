"""HTTP errors that any part of a request may raise and the lifecycle turns into a response.

Each class carries its status code. The message is short and safe to show to a client: it
never contains a traceback or the offending input. ``Response.abort(exc)`` renders one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from http import HTTPStatus

__all__ = [
    "BadRequest",
    "Forbidden",
    "HTTPException",
    "InternalServerError",
    "MethodNotAllowed",
    "NotFound",
    "PayloadTooLarge",
    "TooManyRequests",
    "Unauthorized",
    "UnsafeHeader",
    "UnsafeRedirect",
    "UnsupportedMediaType",
]

HeaderPairs = Mapping[str, str] | Iterable[tuple[str, str]]


class HTTPException(Exception):
    """Base class of every HTTP error.

    Args:
        message: A short text safe to show a client; defaults to the reason phrase.
        headers: Extra response headers, as a mapping or (name, value) pairs.

    Attributes:
        status: The HTTP status code (a class attribute, copied to the instance).
        message: The text shown to the client.
        headers: Extra response headers as a list of (name, value) pairs.
    """

    status: int = 500

    def __init__(self, message: str | None = None, *, headers: HeaderPairs | None = None) -> None:
        self.status = type(self).status
        self.message = message if message is not None else HTTPStatus(self.status).phrase
        if headers is None:
            self.headers: list[tuple[str, str]] = []
        elif isinstance(headers, Mapping):
            self.headers = [(str(k), str(v)) for k, v in headers.items()]
        else:
            self.headers = [(str(k), str(v)) for k, v in headers]
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class BadRequest(HTTPException):
    """400: the request is malformed (bad encoding, broken body, invalid JSON...)."""

    status = 400


class Unauthorized(HTTPException):
    """401: authentication is required."""

    status = 401


class Forbidden(HTTPException):
    """403: the client may not do this."""

    status = 403


class NotFound(HTTPException):
    """404: nothing answers at this path."""

    status = 404


class MethodNotAllowed(HTTPException):
    """405: the path exists but not for this method; sets the ``Allow`` header.

    Args:
        allowed: The methods the path answers to (kept in order, duplicates dropped).
        message: A short text; defaults to the reason phrase.
    """

    status = 405

    def __init__(self, allowed: Iterable[str], message: str | None = None) -> None:
        self.allowed: list[str] = list(dict.fromkeys(m.upper() for m in allowed))
        super().__init__(message, headers=[("Allow", ", ".join(self.allowed))])


class PayloadTooLarge(HTTPException):
    """413: the body, a field, a file or the number of fields is over a limit."""

    status = 413


class UnsupportedMediaType(HTTPException):
    """415: the body's charset or content coding cannot be decoded."""

    status = 415


class UnsafeRedirect(BadRequest):
    """400: a redirect target on another origin without ``external=True``."""


class UnsafeHeader(BadRequest, ValueError):
    """400: a response header or cookie value that could split the header or add attributes.

    Also a ``ValueError``. Such values usually come from the request (a header or cookie
    echoing input), so the client gets a 400 with a short message that never repeats the
    value; ``str()`` of the exception says what was refused, for logs and tests.

    Args:
        detail: What was refused (never shown to the client).
    """

    def __init__(self, detail: str) -> None:
        super().__init__("the response cannot carry a header built from this request")
        self.args = (detail,)


class TooManyRequests(HTTPException):
    """429: the client is being rate limited."""

    status = 429


class InternalServerError(HTTPException):
    """500: the server failed; the message never carries the cause."""

    status = 500
