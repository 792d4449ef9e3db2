"""Test helpers: build WSGI environs and drive any WSGI application like a browser.

``create_environ`` builds a PEP 3333 environ from friendly arguments; ``Client`` calls a
WSGI application with it under ``wsgiref.validate.validator`` (so every test also checks
WSGI compliance) and keeps the cookies it is sent, as a browser would.

    client = Client(app)
    response = client.post("/login", data={"user": "ana"})
    assert response.status_code == 302
    assert client.get("/dashboard").text == "Hello ana"
"""

from __future__ import annotations

import io
import json as _json
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import unquote_to_bytes, urlencode, urlsplit
from wsgiref.util import FileWrapper
from wsgiref.validate import validator

from masonite.request.headers import Headers
from masonite.request.media import parse_media_type

__all__ = ["Client", "CookieJar", "TestResponse", "create_environ"]

WSGIApp = Callable[[dict[str, Any], Any], Iterable[bytes]]
FileSpec = Any  # bytes | IO[bytes] | (filename, content) | (filename, content, content_type)
Pairs = Mapping[str, Any] | Iterable[tuple[str, Any]]


def _pairs(values: Pairs) -> list[tuple[str, Any]]:
    items = values.items() if isinstance(values, Mapping) else values
    out: list[tuple[str, Any]] = []
    for name, value in items:
        if isinstance(value, (list, tuple)):
            out.extend((name, item) for item in value)
        else:
            out.append((name, value))
    return out


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _file_part(spec: FileSpec) -> tuple[str, bytes, str]:
    if isinstance(spec, (bytes, bytearray)):
        return "file", bytes(spec), "application/octet-stream"
    if isinstance(spec, tuple):
        filename, content = spec[0], spec[1]
        content_type = spec[2] if len(spec) > 2 else "application/octet-stream"
        if hasattr(content, "read"):
            content = content.read()
        if isinstance(content, str):
            content = content.encode()
        return str(filename), bytes(content), str(content_type)
    if hasattr(spec, "read"):
        content = spec.read()
        name = str(getattr(spec, "name", "file")).replace("\\", "/").rsplit("/", 1)[-1]
        return (
            name,
            content if isinstance(content, bytes) else str(content).encode(),
            "application/octet-stream",
        )
    raise TypeError(
        f"cannot upload {type(spec).__name__}; pass bytes, a file or (name, content[, type])"
    )


def encode_multipart(
    fields: list[tuple[str, Any]], files: list[tuple[str, FileSpec]]
) -> tuple[bytes, str]:
    """Encode fields and files as ``multipart/form-data``; return (body, content type)."""
    boundary = "masonite-" + secrets.token_hex(12)
    out = io.BytesIO()
    for name, value in fields:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(_text(value).encode() + b"\r\n")
    for name, spec in files:
        filename, content, content_type = _file_part(spec)
        quoted = filename.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
        out.write(
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{name}"; filename="{quoted}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
        )
        out.write(content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def _wsgi_path(path: str) -> str:
    """A URL path as PEP 3333 wants PATH_INFO: percent-decoded bytes shown as latin-1."""
    return unquote_to_bytes(path.encode("utf-8")).decode("latin-1")


def create_environ(
    method: str = "GET",
    path: str = "/",
    *,
    query: Pairs | str | None = None,
    data: Pairs | str | bytes | None = None,
    json: Any = None,
    files: Mapping[str, FileSpec | list[FileSpec]] | None = None,
    headers: Pairs | None = None,
    cookies: Mapping[str, str] | None = None,
    body: bytes | str | None = None,
    environ: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Build a WSGI environ for a request.

    Args:
        method: The HTTP method.
        path: The path, optionally with ``?query`` (and may be a full ``http(s)://`` URL,
            which sets scheme and host). Non-ASCII and percent-escapes are handled as a
            server would.
        query: More query parameters (a mapping or pairs; list values repeat), or a raw
            query string.
        data: Form fields (urlencoded, or multipart when ``files`` is given), or a raw
            body as str/bytes.
        json: A value sent as a JSON body.
        files: Field name to upload: bytes, a binary file, ``(filename, content)`` or
            ``(filename, content, content_type)``, or a list of those.
        headers: Request headers (``Content-Type`` and ``Content-Length`` included).
        cookies: Cookies sent in a Cookie header.
        body: A raw body (wins over ``data``/``json``/``files``).
        environ: Entries copied over the result last.
    """
    scheme, host = "http", "localhost"
    if path.startswith(("http://", "https://")):
        parts = urlsplit(path)
        scheme, host = parts.scheme, parts.netloc
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
    path, _, query_string = path.partition("?")
    if query is not None:
        extra = (
            query
            if isinstance(query, str)
            else urlencode([(k, _text(v)) for k, v in _pairs(query)])
        )
        query_string = (
            f"{query_string}&{extra}" if query_string and extra else query_string or extra
        )
    env: dict[str, Any] = {
        "REQUEST_METHOD": method.upper(),
        "SCRIPT_NAME": "",
        "PATH_INFO": _wsgi_path(path or "/"),
        "QUERY_STRING": query_string.encode("utf-8").decode("latin-1"),
        "SERVER_NAME": host.rsplit(":", 1)[0] if not host.endswith("]") else host,
        "SERVER_PORT": host.rsplit(":", 1)[1]
        if ":" in host and not host.endswith("]")
        else ("443" if scheme == "https" else "80"),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scheme,
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.file_wrapper": FileWrapper,
    }
    payload: bytes | None = None
    content_type: str | None = None
    if body is not None:
        payload = body.encode() if isinstance(body, str) else bytes(body)
    elif json is not None:
        payload = _json.dumps(json).encode()
        content_type = "application/json"
    elif files is not None:
        fields = _pairs(data) if data is not None and not isinstance(data, (str, bytes)) else []
        file_pairs = [
            (name, spec)
            for name, value in files.items()
            for spec in (value if isinstance(value, list) else [value])
        ]
        payload, content_type = encode_multipart(fields, file_pairs)
    elif isinstance(data, (str, bytes)):
        payload = data.encode() if isinstance(data, str) else data
    elif data is not None:
        payload = urlencode([(k, _text(v)) for k, v in _pairs(data)]).encode()
        content_type = "application/x-www-form-urlencoded"
    if content_type is not None:
        env["CONTENT_TYPE"] = content_type
    if payload is not None:
        env["CONTENT_LENGTH"] = str(len(payload))
    env["wsgi.input"] = io.BytesIO(payload or b"")
    for name, value in _pairs(headers or {}):
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        text = _text(value).encode("utf-8").decode("latin-1")
        env[key] = (
            f"{env[key]}, {text}"
            if key in env and key.startswith("HTTP_") and key != "HTTP_HOST"
            else text
        )
    if cookies:
        pairs = "; ".join(f"{name}={value}" for name, value in cookies.items())
        env["HTTP_COOKIE"] = f"{env['HTTP_COOKIE']}; {pairs}" if "HTTP_COOKIE" in env else pairs
    if environ:
        env.update(environ)
    return env


class CookieJar:
    """Cookies received in Set-Cookie headers, sent back like a browser would.

    Honours Max-Age, Expires, Path, Domain and Secure (Secure cookies go only over https,
    or to ``localhost``/``127.0.0.1`` as browsers allow).
    """

    def __init__(self) -> None:
        # (domain, path, name) -> (value, expires_at or None, secure, host_only)
        self._cookies: dict[tuple[str, str, str], tuple[str, float | None, bool, bool]] = {}

    def set(self, name: str, value: str, *, domain: str = "localhost", path: str = "/") -> None:
        """Store a cookie directly."""
        self._cookies[(domain.lower(), path, name)] = (value, None, False, True)

    def clear(self) -> None:
        """Forget every cookie."""
        self._cookies.clear()

    def receive(self, set_cookie: str, host: str, path: str) -> None:
        """Store (or delete) the cookie described by one Set-Cookie value."""
        first, *attributes = set_cookie.split(";")
        name, sep, value = first.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name:
            return
        domain, host_only = host.lower(), True
        cookie_path = path.rsplit("/", 1)[0] or "/" if path.startswith("/") else "/"
        expires: float | None = None
        max_age: float | None = None
        secure = False
        for attribute in attributes:
            key, _, raw = attribute.partition("=")
            key, raw = key.strip().lower(), raw.strip()
            if key == "max-age":
                try:
                    max_age = time.time() + int(raw)
                except ValueError:
                    continue
            elif key == "expires":
                try:
                    expires = parsedate_to_datetime(raw).timestamp()
                except (TypeError, ValueError):
                    continue
            elif key == "domain" and raw:
                candidate = raw.lstrip(".").lower()
                if host.lower() != candidate and not host.lower().endswith("." + candidate):
                    return  # a browser refuses a cookie for a domain it is not on
                domain, host_only = candidate, False
            elif key == "path" and raw.startswith("/"):
                cookie_path = raw
            elif key == "secure":
                secure = True
        expires_at = max_age if max_age is not None else expires
        key3 = (domain, cookie_path, name)
        if expires_at is not None and expires_at <= time.time():
            self._cookies.pop(key3, None)
            return
        self._cookies[key3] = (value, expires_at, secure, host_only)

    def header(self, host: str, path: str, secure: bool) -> str | None:
        """The Cookie header to send to ``host`` at ``path``, or None."""
        host = host.lower()
        local = host in ("localhost", "127.0.0.1", "[::1]")
        now = time.time()
        found: list[tuple[int, str, str]] = []
        for (domain, cookie_path, name), (value, expires_at, only_secure, host_only) in list(
            self._cookies.items()
        ):
            if expires_at is not None and expires_at <= now:
                del self._cookies[(domain, cookie_path, name)]
                continue
            if host_only and host != domain:
                continue
            if not host_only and host != domain and not host.endswith("." + domain):
                continue
            if not (path == cookie_path or path.startswith(cookie_path.rstrip("/") + "/")):
                continue
            if only_secure and not (secure or local):
                continue
            found.append((len(cookie_path), name, value))
        if not found:
            return None
        found.sort(key=lambda item: -item[0])  # longer paths first, as browsers send them
        return "; ".join(f"{name}={value}" for _, name, value in found)

    def as_dict(self) -> dict[str, str]:
        """Name -> value of every stored cookie."""
        return {name: value for (_, _, name), (value, *_rest) in self._cookies.items()}


class TestResponse:
    """What a ``Client`` call returned.

    Attributes:
        status: The status line (``'200 OK'``).
        status_code: The status code.
        headers: The response headers (case-insensitive; ``get_all('Set-Cookie')``).
        content: The body bytes.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, status: str, headers: list[tuple[str, str]], content: bytes) -> None:
        self.status = status
        self.status_code = int(status.split(" ", 1)[0])
        self.headers = Headers(headers)
        self.content = content

    @property
    def text(self) -> str:
        """The body decoded with the Content-Type's charset (UTF-8 by default)."""
        charset = parse_media_type(self.headers.get("Content-Type", ""))[1].get("charset", "utf-8")
        return self.content.decode(charset, errors="replace")

    def json(self) -> Any:
        """The body decoded as JSON."""
        return _json.loads(self.content)

    @property
    def location(self) -> str | None:
        """The Location header, or None."""
        return self.headers.get("Location")

    def __repr__(self) -> str:
        return f"<TestResponse {self.status}>"


class Client:
    """Call a WSGI application like a browser, under ``wsgiref.validate``.

    Every method takes the path and the keyword arguments of ``create_environ``; the
    cookies in ``cookies`` (a ``CookieJar``) are sent and updated on every call.

    Args:
        app: Any WSGI application.
        host: The Host the requests go to (``localhost``).
        scheme: ``http`` or ``https``.
    """

    __test__ = False

    def __init__(self, app: WSGIApp, *, host: str = "localhost", scheme: str = "http") -> None:
        self.app = app
        self.host = host
        self.scheme = scheme
        self.cookies = CookieJar()

    def request(self, method: str, path: str, **options: Any) -> TestResponse:
        """Send one request and return its response."""
        if not path.startswith(("http://", "https://")):
            path = f"{self.scheme}://{self.host}{path}"
        environ = create_environ(method, path, **options)
        host = (
            environ["HTTP_HOST"].rsplit(":", 1)[0]
            if not environ["HTTP_HOST"].endswith("]")
            else environ["HTTP_HOST"]
        )
        request_path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "replace")
        jar_header = self.cookies.header(host, request_path, environ["wsgi.url_scheme"] == "https")
        if jar_header:
            explicit = environ.get("HTTP_COOKIE")
            environ["HTTP_COOKIE"] = f"{jar_header}; {explicit}" if explicit else jar_header
        captured: dict[str, Any] = {}
        written: list[bytes] = []

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], None]:
            captured["status"] = status
            captured["headers"] = headers
            return written.append

        result = validator(self.app)(environ, start_response)
        try:
            chunks = list(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        response = TestResponse(
            captured["status"], list(captured["headers"]), b"".join(written + chunks)
        )
        for value in response.headers.get_all("Set-Cookie"):
            self.cookies.receive(value, host, request_path)
        return response

    def get(self, path: str, **options: Any) -> TestResponse:
        """Send a GET request."""
        return self.request("GET", path, **options)

    def post(self, path: str, **options: Any) -> TestResponse:
        """Send a POST request."""
        return self.request("POST", path, **options)

    def put(self, path: str, **options: Any) -> TestResponse:
        """Send a PUT request."""
        return self.request("PUT", path, **options)

    def patch(self, path: str, **options: Any) -> TestResponse:
        """Send a PATCH request."""
        return self.request("PATCH", path, **options)

    def delete(self, path: str, **options: Any) -> TestResponse:
        """Send a DELETE request."""
        return self.request("DELETE", path, **options)

    def head(self, path: str, **options: Any) -> TestResponse:
        """Send a HEAD request."""
        return self.request("HEAD", path, **options)

    def options(self, path: str, **options: Any) -> TestResponse:
        """Send an OPTIONS request."""
        return self.request("OPTIONS", path, **options)
