"""The outgoing HTTP response and its one conversion to WSGI."""

from __future__ import annotations

import html
import json as _json
import mimetypes
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import timedelta
from http import HTTPStatus
from typing import IO, Any
from urllib.parse import quote

from masonite.request.cookies import Expires, delete_cookie_header, set_cookie_header
from masonite.request.exceptions import HTTPException, UnsafeRedirect
from masonite.request.headers import Headers, check_header
from masonite.request.urls import iri_to_uri, is_same_origin

__all__ = ["Response", "WSGIResult"]

WSGIResult = tuple[str, list[tuple[str, str]], Iterable[bytes]]

_STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}
_REDIRECT_CODES = frozenset((301, 302, 303, 307, 308))
_HTML = "text/html; charset=utf-8"
_HTML_HEADER = ("Content-Type", _HTML)
_JSON = "application/json"
_OCTETS = "application/octet-stream"
_FILE_CHUNK = 64 * 1024
_NO_BODY = frozenset((204, 304))


_ENCODER = _json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
# The C accelerator of the json module (None on Pythons built without it).
_C_MAKE_ENCODER: Any = getattr(_json.encoder, "c_make_encoder", None)


def _encode(data: Any) -> str:
    return _ENCODER.encode(data)


def _c_encode(data: Any) -> str:
    # The C encoder json.JSONEncoder.encode builds on each call, built directly: the
    # same arguments (a fresh dict for circular-reference checks per call, UTF-8 text,
    # NaN refused, compact separators), without the encoder's Python-level dispatch.
    iterencode = _C_MAKE_ENCODER(
        {}, _ENCODER.default, _json.encoder.encode_basestring, None, ":", ",", False, False, False
    )
    return "".join(iterencode(data, 0))


def _pick_encoder() -> Callable[[Any], str]:
    """``_c_encode`` when this Python's C encoder takes the arguments it passes and gives
    the same text as the public encoder; ``_encode`` otherwise (or without the C part)."""
    if _C_MAKE_ENCODER is None:
        return _encode
    probe = {"a": [1, 2.5, "é\n", None, True], "b": {"c": ""}}
    try:
        if _c_encode(probe) == _encode(probe):
            return _c_encode
    except Exception:
        pass
    return _encode


# PERF: json.dumps with non-default arguments builds a JSONEncoder on every call:
# 1.83 µs for {"id": 42}, against 1.07 µs for a prebuilt encoder and 0.74 µs for its C
# encoder made directly (Python 3.11, timeit on the dev machine; bench_lifecycle's JSON
# cases).
_to_json = _pick_encoder()


def _dumps(data: Any) -> bytes:
    return _to_json(data).encode()


def _file_size(file: IO[bytes]) -> int | None:
    try:
        return os.fstat(file.fileno()).st_size - file.tell()
    except (AttributeError, OSError, ValueError):
        return None


def _iter_file(file: IO[bytes], chunk_size: int) -> Iterator[bytes]:
    try:
        while chunk := file.read(chunk_size):
            yield chunk
    finally:
        file.close()


class _Closing:
    """A WSGI body iterable that runs close callbacks when the server closes it."""

    __slots__ = ("_closers", "_iterable")

    def __init__(self, iterable: Iterable[bytes], closers: list[Callable[[], object]]) -> None:
        self._iterable = iterable
        self._closers = closers

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._iterable)

    def close(self) -> None:
        errors: list[BaseException] = []
        for close in self._closers:
            try:
                close()
            except Exception as exc:  # run every closer, then report the first failure
                errors.append(exc)
        if errors:
            raise errors[0]


def _closers_of(source: object) -> list[Callable[[], object]]:
    close = getattr(source, "close", None)
    return [close] if callable(close) else []


def _encode_chunks(chunks: Iterable[bytes | str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode() if isinstance(chunk, str) else bytes(chunk)


class Response:
    """An HTTP response under construction.

    Built empty (``200``, no body); ``view``, ``json``, ``redirect``, ``file``, ``stream``
    or ``abort`` fill it and ``to_wsgi`` turns it into what a WSGI server wants. Every
    setter returns the response, so calls chain and a controller may ``return`` them.

    Args:
        environ: The request's WSGI environ; needed to judge redirect targets against
            the request's host and to answer HEAD requests without a body.
    """

    __slots__ = (
        "__dict__",
        "_body",
        "_closers",
        "_cookies",
        "_file",
        "_headers",
        "_is_set",
        "_status",
        "_stream",
        "environ",
        "error",
    )

    def __init__(self, environ: Mapping[str, Any] | None = None) -> None:
        self.environ = environ
        self._status = 200
        self._headers: Headers | None = None
        self._cookies: dict[tuple[str, str | None, str | None], str] | None = None
        self._body = b""
        self._stream: Iterable[bytes] | None = None
        self._file: IO[bytes] | None = None
        self._is_set = False
        self._closers: list[Callable[[], object]] | None = None
        self.error: HTTPException | None = None

    # -- status and headers -------------------------------------------------------------

    def status(self, code: int) -> Response:
        """Set the status code.

        Raises:
            ValueError: ``code`` is not a status the standard library knows.
        """
        if code not in _STATUS_LINES or isinstance(code, bool):
            raise ValueError(f"unknown HTTP status code {code!r}")
        self._status = int(code)
        self._is_set = True
        return self

    @property
    def status_code(self) -> int:
        """The status code (200 until set)."""
        return self._status

    @property
    def status_line(self) -> str:
        """The WSGI status line, such as ``'404 Not Found'``."""
        return _STATUS_LINES[self._status]

    @property
    def headers(self) -> Headers:
        """The outgoing headers (case-insensitive; CR/LF and control characters refused)."""
        headers = self._headers
        if headers is None:
            headers = self._headers = Headers()
        return headers

    def header(self, name: str, value: str) -> Response:
        """Set header ``name`` to ``value``, replacing earlier values.

        Raises:
            ValueError: the name is not an HTTP token or the value holds CR, LF or
                another control character.
        """
        # PERF: the headers object directly, not through the ``headers`` property
        # (one Python call less, ~60 ns on the dev machine).
        headers = self._headers
        if headers is None:
            # PERF: the first header needs no search for its name: a validated one-pair
            # Headers (Response + header(): 871 -> 560 ns with check_header's fast path).
            check_header(name, value)
            self._headers = Headers._trusted(name, value)
        else:
            headers[name] = value
        return self

    def _content_type(self, value: str, *, replace: bool = False) -> None:
        headers = self._headers
        if headers is None:
            self._headers = Headers._trusted("Content-Type", value)
        elif replace or "Content-Type" not in headers:
            headers["Content-Type"] = value

    # -- cookies --------------------------------------------------------------------------

    def cookie(
        self,
        name: str,
        value: str,
        *,
        expires: Expires | None = None,
        max_age: int | timedelta | None = None,
        path: str | None = "/",
        domain: str | None = None,
        secure: bool | None = None,
        http_only: bool = True,
        same_site: str | None = "Lax",
    ) -> Response:
        """Set a cookie (replacing one of the same name, path and domain).

        See ``masonite.request.cookies.set_cookie_header`` for the accepted values.
        ``secure`` None (the default) marks the cookie ``Secure`` when the request came
        over HTTPS (``wsgi.url_scheme``), so a cookie set on an HTTPS site never travels
        over plain HTTP, while ``http://localhost`` keeps working.

        Raises:
            ValueError: an invalid name, value, path, domain or SameSite.
        """
        if secure is None:
            environ = self.environ
            secure = environ is not None and environ.get("wsgi.url_scheme") == "https"
        header = set_cookie_header(
            name,
            value,
            expires=expires,
            max_age=max_age,
            path=path,
            domain=domain,
            secure=secure,
            http_only=http_only,
            same_site=same_site,
        )
        if self._cookies is None:
            self._cookies = {}
        self._cookies[(name, path, domain)] = header
        return self

    def delete_cookie(
        self, name: str, *, path: str | None = "/", domain: str | None = None
    ) -> Response:
        """Tell the browser to drop cookie ``name`` (same ``path``/``domain`` as when set)."""
        if self._cookies is None:
            self._cookies = {}
        self._cookies[(name, path, domain)] = delete_cookie_header(name, path=path, domain=domain)
        return self

    @property
    def cookies(self) -> list[str]:
        """The ``Set-Cookie`` header values this response will send."""
        return list(self._cookies.values()) if self._cookies else []

    # -- bodies ---------------------------------------------------------------------------

    def _reset_body(self) -> None:
        if self._file is not None:
            self._file.close()
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()
        self._body = b""
        self._stream = None
        self._file = None

    def _set_bytes(self, body: bytes, content_type: str, status: int | None) -> Response:
        if status is not None:
            self.status(status)
        if self._stream is not None or self._file is not None:
            self._reset_body()
        self._body = body
        self._content_type(content_type)
        self._is_set = True
        return self

    def view(self, body: Any, status: int | None = None) -> Response:
        """Make ``body`` the response.

        - ``str``: encoded as UTF-8, ``text/html; charset=utf-8``.
        - ``bytes``: sent as is, ``application/octet-stream`` (never sniffed as HTML).
        - ``dict`` or ``list``: JSON, as ``json()``.
        - ``(body, status)``: that body with that status.
        - a binary file object: streamed, as ``file()``.
        - any other iterable of bytes or str: streamed, as ``stream()``.
        - a ``Response``: its status, headers, cookies and body are taken over.
        - ``None``: an empty body.

        A Content-Type already set is kept. ``status`` None keeps the current status
        (200 unless ``status()`` was called).

        Raises:
            TypeError: anything else (numbers, arbitrary objects).
        """
        if type(body) is str and status is None and self._stream is None and self._file is None:
            # PERF: the usual controller result, without the general _set_bytes path.
            self._body = body.encode()
            if self._headers is None:
                # PERF: Headers._trusted inline (one classmethod call less, ~70 ns on the
                # dev machine, Python 3.11).
                headers = self._headers = Headers.__new__(Headers)
                headers._items = [_HTML_HEADER]
            elif "Content-Type" not in self._headers:
                self._headers["Content-Type"] = _HTML
            self._is_set = True
            return self
        if isinstance(body, tuple):
            if len(body) != 2 or not isinstance(body[1], int):
                raise TypeError("a tuple body must be (body, status)")
            return self.view(body[0], body[1])
        if isinstance(body, str):
            return self._set_bytes(body.encode(), _HTML, status)
        if isinstance(body, (bytes, bytearray, memoryview)):
            return self._set_bytes(bytes(body), _OCTETS, status)
        if isinstance(body, (dict, list)):
            return self.json(body, status)
        if body is None:
            return self._set_bytes(b"", _HTML, status)
        if isinstance(body, Response):
            if body is not self:
                self._take_over(body)
            if status is not None:
                self.status(status)
            self._is_set = True
            return self
        if hasattr(body, "read"):
            return self.file(body, status=status)
        if isinstance(body, Iterable):
            return self.stream(body, status=status)
        raise TypeError(f"cannot make a response body from {type(body).__name__}")

    def _take_over(self, other: Response) -> None:
        self._reset_body()
        self._status = other._status
        self._headers = Headers(other._headers.pairs()) if other._headers is not None else None
        self._cookies = dict(other._cookies) if other._cookies else None
        self._body, self._stream, self._file = other._body, other._stream, other._file
        self.error = other.error

    def json(self, data: Any, status: int | None = None) -> Response:
        """Make ``data`` a JSON body (``application/json``, UTF-8, compact).

        Raises:
            ValueError: ``data`` holds NaN or Infinity, which JSON cannot express.
            TypeError: ``data`` holds a value JSON cannot express.
        """
        return self._set_bytes(_dumps(data), _JSON, status)

    def stream(
        self,
        chunks: Iterable[bytes | str],
        *,
        content_type: str | None = None,
        status: int | None = None,
    ) -> Response:
        """Send ``chunks`` as they come (str chunks are UTF-8 encoded); no Content-Length."""
        if status is not None:
            self.status(status)
        self._reset_body()
        self._stream = _Closing(_encode_chunks(chunks), _closers_of(chunks))
        self._content_type(content_type or _HTML, replace=content_type is not None)
        self._is_set = True
        return self

    def file(
        self,
        file: str | os.PathLike[str] | IO[bytes],
        *,
        content_type: str | None = None,
        filename: str | None = None,
        as_attachment: bool = False,
        status: int | None = None,
    ) -> Response:
        """Send a file from a path or a binary file object, streamed.

        The WSGI server's ``wsgi.file_wrapper`` is used when it offers one. The
        Content-Type is guessed from the name when not given; ``filename`` or
        ``as_attachment`` add a Content-Disposition.
        """
        if status is not None:
            self.status(status)
        self._reset_body()
        if isinstance(file, (str, os.PathLike)):
            path = os.fspath(file)
            handle: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the WSGI body
            guess_from = path
        else:
            handle = file
            guess_from = filename or str(getattr(file, "name", ""))
        self._file = handle
        if content_type is None:
            content_type = mimetypes.guess_type(guess_from)[0] or _OCTETS
            if content_type.startswith("text/"):
                content_type += "; charset=utf-8"
        self.headers["Content-Type"] = content_type
        if filename is not None or as_attachment:
            name = filename or os.path.basename(guess_from) or "download"
            self.headers["Content-Disposition"] = _disposition(
                "attachment" if as_attachment else "inline", name
            )
        self._is_set = True
        return self

    @property
    def body(self) -> bytes:
        """The body when it is in memory (``b''`` for streamed files and iterables)."""
        return self._body

    # -- redirects and errors ---------------------------------------------------------------

    def redirect(self, url: str, status: int = 302, *, external: bool = False) -> Response:
        """Redirect to ``url``.

        A target on another host (or any URL a browser could turn into one) needs
        ``external=True``; without it the redirect is refused, so a target taken from
        request data cannot send users elsewhere.

        Raises:
            UnsafeRedirect: (a 400) the target is not same-origin and ``external`` is False.
            ValueError: ``status`` is not 301, 302, 303, 307 or 308.
        """
        if status not in _REDIRECT_CODES:
            raise ValueError(
                f"redirect status must be one of 301, 302, 303, 307, 308, not {status!r}"
            )
        if not external and not is_same_origin(url, self.environ):
            raise UnsafeRedirect("redirect target is not on this site")
        location = iri_to_uri(url)
        self.headers["Location"] = location
        link = html.escape(location)
        page = (
            "<!doctype html>\n<title>Redirecting</title>\n"
            f'<p>Redirecting to <a href="{link}">{link}</a>.</p>\n'
        )
        return self._set_bytes(page.encode(), _HTML, status)

    def is_redirect(self) -> bool:
        """True for a 3xx status with a Location header."""
        return (
            300 <= self._status < 400 and self._headers is not None and "Location" in self._headers
        )

    def is_set(self) -> bool:
        """True once a body, a redirect, an error or a status was set."""
        return self._is_set

    def abort(self, exc: HTTPException, *, json: bool = False) -> Response:
        """Turn ``exc`` into this response: its status, headers and a short body.

        The body is ``{"error": {"status": ..., "message": ...}}`` when ``json`` is True,
        else a minimal HTML page (the message escaped). Cookies already set are kept; a
        body, Location and Content-Type set before are replaced. ``exc`` is kept in
        ``error``.
        """
        self._reset_body()
        self.error = exc
        headers = self.headers
        for name in ("Location", "Content-Type", "Content-Length", "Content-Disposition"):
            if name in headers:
                del headers[name]
        for name, value in exc.headers:
            headers[name] = value
        status = exc.status if exc.status in _STATUS_LINES else 500
        if json:
            payload = {"error": {"status": status, "message": exc.message}}
            return self._set_bytes(_dumps(payload), _JSON, status)
        line = html.escape(_STATUS_LINES[status])
        message = html.escape(exc.message)
        page = (
            f'<!doctype html>\n<html><head><meta charset="utf-8"><title>{line}</title></head>\n'
            f"<body><h1>{line}</h1><p>{message}</p></body></html>\n"
        )
        return self._set_bytes(page.encode(), _HTML, status)

    def call_on_close(self, callback: Callable[[], object]) -> Response:
        """Run ``callback`` when the WSGI server closes the body (after sending it).

        ``Request`` uses this to release uploaded files; middleware may too.
        """
        if self._closers is None:
            self._closers = []
        self._closers.append(callback)
        return self

    # -- WSGI ------------------------------------------------------------------------------

    def to_wsgi(self, environ: Mapping[str, Any] | None = None) -> WSGIResult:
        """The WSGI status line, header list and body iterable of this response.

        Content-Length is set for in-memory bodies and files of known size; 1xx, 204
        and 304 responses carry neither body nor Content-Type; HEAD keeps the headers
        and drops the body; files go through ``wsgi.file_wrapper`` when offered.
        """
        if environ is None:
            environ = self.environ or {}
        status = self._status
        items = self._headers._items if self._headers is not None else ()
        cookies = self._cookies
        if status < 200 or status in _NO_BODY:
            return self._without_body(status, items, cookies)
        file, stream = self._file, self._stream
        if (
            len(items) == 1
            and items[0][0] == "Content-Type"
            and file is None
            and stream is None
            and not cookies
            and not self._closers
        ):
            # PERF: what view(str) leaves (one Content-Type, a body in memory) skips the
            # header scan below: Response.view(text).to_wsgi() 875 -> 700 ns (Python
            # 3.11, timeit on the dev machine; bench/bench_request.py).
            data = self._body
            return (
                _STATUS_LINES[status],
                [items[0], ("Content-Length", str(len(data)))],
                [] if environ.get("REQUEST_METHOD") == "HEAD" else [data],
            )
        # PERF: the headers copied from the list (no pairs() call) and the body checks
        # made once: ~0.4k fewer machine instructions for a view with one more header
        # (callgrind, Python 3.11, bench_lifecycle's GET /).
        headers = list(items)
        if cookies:
            headers.extend(("Set-Cookie", value) for value in cookies.values())
        # PERF: one pass over the (usually one or two) headers instead of a set of names;
        # only names of the right length are lowered (a lower() makes a new string).
        has_type = has_length = False
        for name, _ in headers:
            width = len(name)
            if width == 12 and name.lower() == "content-type":
                has_type = True
            elif width == 14 and name.lower() == "content-length":
                has_length = True
        if not has_type:
            headers.append(_HTML_HEADER)
        head = environ.get("REQUEST_METHOD") == "HEAD"
        body: Iterable[bytes]
        if file is not None:
            self._file = None
            size = _file_size(file)
            if size is not None and not has_length:
                headers.append(("Content-Length", str(size)))
            if head:
                file.close()
                body = []
            else:
                wrapper = environ.get("wsgi.file_wrapper")
                if wrapper is not None:
                    body = wrapper(file, _FILE_CHUNK)
                else:
                    body = _Closing(_iter_file(file, _FILE_CHUNK), [file.close])
        elif stream is not None:
            body, self._stream = stream, None
            if head:
                close = getattr(body, "close", None)
                if close is not None:
                    close()
                body = []
        else:
            if not has_length:
                headers.append(("Content-Length", str(len(self._body))))
            body = [] if head else [self._body]
        if self._closers:
            body = self._finish(body)
        return _STATUS_LINES[status], headers, body

    def _without_body(
        self,
        status: int,
        items: Iterable[tuple[str, str]],
        cookies: dict[tuple[str, str | None, str | None], str] | None,
    ) -> WSGIResult:
        """``to_wsgi`` for a 1xx, 204 or 304: no body, no Content-Type or -Length."""
        self._reset_body()
        headers = [
            pair
            for pair in items
            if pair[0].lower() not in ("content-type", "content-length", "transfer-encoding")
        ]
        if cookies:
            headers.extend(("Set-Cookie", value) for value in cookies.values())
        return _STATUS_LINES[status], headers, self._finish([])

    def _finish(self, body: Iterable[bytes]) -> Iterable[bytes]:
        closers = self._closers
        if not closers:
            return body
        self._closers = None
        return _Closing(body, [*_closers_of(body), *closers])

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        """Serve this response as a WSGI application."""
        status, headers, body = self.to_wsgi(environ)
        start_response(status, headers)
        return body

    def __repr__(self) -> str:
        return f"<Response {self.status_line}>"


def _disposition(kind: str, filename: str) -> str:
    cleaned = "".join(ch for ch in filename if ch.isprintable() and ch not in '"\\/')
    ascii_name = cleaned.encode("ascii", "replace").decode().replace("?", "_") or "download"
    value = f'{kind}; filename="{ascii_name}"'
    if cleaned != ascii_name:
        value += "; filename*=UTF-8''" + quote(cleaned, safe="")
    return value
