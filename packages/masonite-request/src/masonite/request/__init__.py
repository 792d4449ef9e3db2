"""masonite.request.

The Request and Response objects, body parsing with limits and a WSGI test client.
"""

from __future__ import annotations

from masonite.request.__about__ import __version__
from masonite.request.exceptions import (
    BadRequest,
    Forbidden,
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    TooManyRequests,
    Unauthorized,
    UnsafeHeader,
    UnsafeRedirect,
    UnsupportedMediaType,
)
from masonite.request.headers import EnvironHeaders, Headers
from masonite.request.limits import Limits
from masonite.request.request import Request
from masonite.request.response import Response
from masonite.request.session import SessionProtocol
from masonite.request.uploads import UploadedFile

__all__ = [
    "BadRequest",
    "EnvironHeaders",
    "Forbidden",
    "HTTPException",
    "Headers",
    "InternalServerError",
    "Limits",
    "MethodNotAllowed",
    "NotFound",
    "PayloadTooLarge",
    "Request",
    "Response",
    "SessionProtocol",
    "TooManyRequests",
    "Unauthorized",
    "UnsafeHeader",
    "UnsafeRedirect",
    "UnsupportedMediaType",
    "UploadedFile",
    "__version__",
]
