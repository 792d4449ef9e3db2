"""The incoming request, read lazily from the WSGI environ."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, overload
from urllib.parse import quote

from masonite.request.body import content_length, iter_body, read_body
from masonite.request.cookies import Expires, parse_cookie
from masonite.request.exceptions import BadRequest, HTTPException, UnsupportedMediaType
from masonite.request.form_data import parse_form_data
from masonite.request.headers import EnvironHeaders
from masonite.request.json_body import parse_json
from masonite.request.limits import DEFAULT_LIMITS, Limits
from masonite.request.media import parse_media_type, prefers_json
from masonite.request.nesting import nest
from masonite.request.paths import MISSING, lookup
from masonite.request.response import Response
from masonite.request.session import SessionProtocol
from masonite.request.uploads import UploadedFile
from masonite.request.urlencoded import decode_latin1_text, form_dict
from masonite.request.urls import host_and_port, is_same_origin, netloc, quote_path

__all__ = ["Request"]

_URLENCODED = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"
_FORM_TYPES = frozenset((_URLENCODED, _MULTIPART))
_SPOOFABLE = frozenset(("PUT", "PATCH", "DELETE"))
_TEXT_CHARSETS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "us-ascii": "utf-8",  # ASCII is a subset of UTF-8
    "ascii": "utf-8",
    "iso-8859-1": "latin-1",
    "latin-1": "latin-1",
    "latin1": "latin-1",
}
_JSON_CHARSETS = frozenset(("utf-8", "utf8", "utf-16", "utf-32"))


class Request:
    """An HTTP request, read from a WSGI environ.

    Building one parses nothing: the path, query string, cookies, headers and body are
    each parsed on first use and cached. Every problem with client input surfaces as an
    ``HTTPException`` (400, 413 or 415), never as another exception.

    Args:
        environ: The WSGI environ.
        limits: Body, field, file and nesting limits (defaults: ``Limits()``).

    Attributes:
        environ: The WSGI environ.
        limits: The limits in force.
        params: URL parameters of the matched route (filled by the router).
        route: The matched route object, or None (set by the router).
        response: The :class:`Response` paired with this request, built with it
            (assignable).
        session: The session (``get``/``set``/``flash``/...), attached by
            ``masonite.providers``; reading it without that framework raises
            ``AttributeError``.
    """

    # PERF: slots keep attribute access and construction cheap (Falcon's layout);
    # __dict__ stays so middleware can attach request.user or request.session.
    __slots__ = (
        "__dict__",
        "_body",
        "_body_error",
        "_consumed",
        "_cookies",
        "_form",
        "_headers",
        "_host",
        "_input",
        "_json",
        "_method",
        "_path",
        "_query",
        "_query_fields",
        "_uploads",
        "environ",
        "limits",
        "params",
        "response",
        "route",
    )

    # Set per request by masonite.providers' SessionProvider, into the instance __dict__
    # (not a slot: a Request without sessions carries nothing); declared so that type
    # checkers know ``request.session`` and its methods.
    session: SessionProtocol

    def __init__(self, environ: dict[str, Any], *, limits: Limits | None = None) -> None:
        self.environ = environ
        self.limits = limits or DEFAULT_LIMITS
        self.params: dict[str, Any] = {}
        self.route: Any = None
        # PERF: built with the request, a plain attribute: every request the framework
        # serves has a response, and the pipeline reads it several times (a property
        # costs a Python call on each read).
        #: The response paired with this request (assignable).
        self.response = Response(environ)
        self._method: str | None = None
        self._path: str | None = None
        self._host: tuple[str, int] | None = None
        self._query: dict[str, Any] | None = None
        self._query_fields = 0
        self._body: bytes | None = None
        self._consumed = False
        self._form: dict[str, Any] | None = None
        self._json: Any = None
        self._body_error: HTTPException | None = None
        self._input: dict[str, Any] | None = None
        self._cookies: dict[str, str] | None = None
        self._headers: EnvironHeaders | None = None
        self._uploads: list[UploadedFile] | None = None

    # -- the request line -----------------------------------------------------------------

    @property
    def method(self) -> str:
        """The HTTP method; a POSTed form's ``__method``/``_method`` of PUT, PATCH or
        DELETE replaces POST (a broken body leaves it POST; reading input then raises)."""
        method = self._method
        if method is None:
            method = self.environ.get("REQUEST_METHOD") or "GET"
            if method == "POST":
                method = self._spoofed_method()
            self._method = method
        return method

    def _spoofed_method(self) -> str:
        content_type = self.environ.get("CONTENT_TYPE") or ""
        # PERF: the exact browser form type skips the media-type parser (164 ns, timeit
        # on the dev machine, Python 3.11), as _parse_body does.
        if content_type != _URLENCODED and parse_media_type(content_type)[0] not in _FORM_TYPES:
            return "POST"
        try:
            form = self._load_form()
        except HTTPException:
            return "POST"
        for key in ("__method", "_method"):
            value = form.get(key)
            if isinstance(value, str) and value.upper() in _SPOOFABLE:
                return value.upper()
        return "POST"

    @property
    def path(self) -> str:
        """The path below ``SCRIPT_NAME``, decoded as UTF-8 (``/`` when empty).

        Raises:
            BadRequest: the path's bytes are not UTF-8.
        """
        path = self._path
        if path is None:
            raw = self.environ.get("PATH_INFO") or "/"
            # PERF: an ASCII path is its own decoding: no helper call for it (a Python
            # call is ~70 ns on the dev machine, Python 3.11).
            path = self._path = raw if raw.isascii() else decode_latin1_text(raw, "path")
        return path

    @property
    def script_name(self) -> str:
        """The mount point of the application (``SCRIPT_NAME``), decoded as UTF-8."""
        return decode_latin1_text(self.environ.get("SCRIPT_NAME") or "", "script name")

    @property
    def scheme(self) -> str:
        """``http`` or ``https`` (``wsgi.url_scheme``)."""
        return str(self.environ.get("wsgi.url_scheme", "http"))

    def _host_port(self) -> tuple[str, int]:
        pair = self._host
        if pair is None:
            pair = self._host = host_and_port(self.environ)
        return pair

    @property
    def host(self) -> str:
        """The host name without port, lower-cased (400 on a malformed Host header)."""
        return self._host_port()[0]

    @property
    def port(self) -> int:
        """The port the client connected to (the scheme's default when not in Host)."""
        return self._host_port()[1]

    @property
    def query_string(self) -> str:
        """The raw query string, as sent (still percent-encoded)."""
        return str(self.environ.get("QUERY_STRING", ""))

    @property
    def referrer(self) -> str | None:
        """The Referer header, or None."""
        value = self.environ.get("HTTP_REFERER")
        return value if isinstance(value, str) else None

    @property
    def remote_addr(self) -> str | None:
        """The client address as the server saw it (``REMOTE_ADDR``), or None."""
        value = self.environ.get("REMOTE_ADDR")
        return value if isinstance(value, str) else None

    def url(self) -> str:
        """Scheme, host (port only when not the default), script name and path."""
        scheme = self.scheme
        host, port = self._host_port()
        return f"{scheme}://{netloc(scheme, host, port)}{quote_path(self.script_name + self.path)}"

    def full_url(self) -> str:
        """``url()`` plus the query string."""
        query = self.query_string
        if not query:
            return self.url()
        if not query.isascii():
            # Raw bytes the client did not percent-encode: encode them as sent.
            query = quote(query, safe="!#$%&'()*+,/:;=?@[]~", encoding="latin-1", errors="replace")
        return f"{self.url()}?{query}"

    def is_method(self, name: str) -> bool:
        """True when ``method`` is ``name`` (case-insensitive)."""
        return self.method == name.upper()

    def is_post(self) -> bool:
        """True for POST (after method spoofing)."""
        return self.method == "POST"

    def is_ajax(self) -> bool:
        """True when ``X-Requested-With`` is ``XMLHttpRequest``."""
        return self.environ.get("HTTP_X_REQUESTED_WITH") == "XMLHttpRequest"

    def wants_json(self) -> bool:
        """True when the Accept header prefers ``application/json`` to ``text/html``."""
        return prefers_json(self.environ.get("HTTP_ACCEPT"))

    # -- route parameters -------------------------------------------------------------------

    def load_params(self, params: Mapping[str, Any]) -> None:
        """Add the matched route's URL parameters (the router calls this)."""
        self.params.update(params)

    def param(self, name: str, default: Any = None) -> Any:
        """A URL parameter of the matched route, or ``default``."""
        return self.params.get(name, default)

    # -- headers and cookies ----------------------------------------------------------------

    @property
    def headers(self) -> EnvironHeaders:
        """The incoming headers, a case-insensitive read-only mapping."""
        headers = self._headers
        if headers is None:
            headers = self._headers = EnvironHeaders(self.environ)
        return headers

    @overload
    def header(self, name: str) -> str | None: ...

    @overload
    def header(self, name: str, value: str) -> Response: ...

    def header(self, name: str, value: str | None = None) -> str | Response | None:
        """Read incoming header ``name`` (None when absent), or with ``value``, set a
        response header and return the response (Masonite 2 style)."""
        if value is not None:
            return self.response.header(name, value)
        return self.headers.get(name)

    @property
    def cookies(self) -> dict[str, str]:
        """The incoming cookies (a tolerant parse of the Cookie header)."""
        cookies = self._cookies
        if cookies is None:
            cookies = self._cookies = parse_cookie(self.environ.get("HTTP_COOKIE") or "")
        return cookies

    @overload
    def cookie(self, name: str) -> str | None: ...

    @overload
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
    ) -> Response: ...

    def cookie(
        self, name: str, value: str | None = None, **attributes: Any
    ) -> str | Response | None:
        """Read incoming cookie ``name`` as text (None when absent), or with ``value``,
        set it on the response (``Response.cookie`` attributes) and return the response."""
        if value is not None:
            return self.response.cookie(name, value, **attributes)
        return self.cookies.get(name)

    def delete_cookie(
        self, name: str, *, path: str | None = "/", domain: str | None = None
    ) -> Response:
        """Delete a cookie on the response and return the response."""
        return self.response.delete_cookie(name, path=path, domain=domain)

    # -- the paired response -----------------------------------------------------------------

    def status(self, code: int) -> Response:
        """Set the response status and return the response."""
        return self.response.status(code)

    def redirect(self, url: str, status: int = 302, *, external: bool = False) -> Response:
        """Redirect the response (same-origin unless ``external``) and return it."""
        return self.response.redirect(url, status, external=external)

    def back(self, default: str = "/") -> Response:
        """Redirect to the ``__back`` input or the Referer when same-origin, else ``default``."""
        target: Any = None
        try:
            target = self.input("__back")
        except HTTPException:
            target = None
        if not isinstance(target, str) or not is_same_origin(target, self.environ):
            target = self.referrer
            if target is None or not is_same_origin(target, self.environ):
                target = default
        return self.response.redirect(target)

    # -- input --------------------------------------------------------------------------------

    def _query_data(self) -> dict[str, Any]:
        query = self._query
        if query is None:
            raw = self.environ.get("QUERY_STRING")
            if not raw:
                query = {}
            else:
                limits = self.limits
                text = raw if raw.isascii() else decode_latin1_text(raw, "query string")
                query = form_dict(text, limits.max_fields, limits.max_field_size, limits.max_depth)
                # Fields are counted against the shared limit; "&" + 1 bounds them cheaply.
                self._query_fields = text.count("&") + 1
            self._query = query
        return query

    def query(self, name: str, default: Any = None, multi: bool = False) -> Any:
        """A query-string parameter (dot paths allowed), or ``default``.

        Repeated parameters and ``a[]=`` give lists, as in ``input``; ``multi=True``
        always gives a list (a single value wrapped, ``[]`` when absent and no default).
        """
        # PERF: the cached dict without a call once parsed (~70 ns on the dev machine).
        data = self._query
        if data is None:
            data = self._query_data()
        value = data.get(name, MISSING)
        if value is MISSING:
            value = lookup(data, name, MISSING) if "." in name else MISSING
        if value is MISSING:
            return [] if multi and default is None else default
        if multi and type(value) is not list:
            return [value]
        return value

    @property
    def body(self) -> bytes:
        """The raw body, read within the limits (400/413 on a bad or oversized body).

        Empty after a multipart body was parsed: its bytes went into fields and files.
        """
        body = self._body
        if body is None:
            if self._consumed:
                return b""
            limits = self.limits
            multipart = parse_media_type(self.environ.get("CONTENT_TYPE") or "")[0] == _MULTIPART
            body = self._read(limits.max_multipart_size if multipart else limits.max_body_size)
        return body

    def _read(self, limit: int) -> bytes:
        body = self._body
        if body is None:
            body = self._body = read_body(self.environ, limit, timeout=self.limits.body_timeout)
        return body

    @property
    def json(self) -> Any:
        """The decoded JSON body (any root) of a JSON request, else None."""
        self._load_form()
        return self._json

    def _load_form(self) -> dict[str, Any]:
        form = self._form
        if form is None:
            if self._body_error is not None:
                raise self._body_error
            try:
                form = self._parse_body()
            except HTTPException as exc:
                # The stream is spent: remember the failure for every later read.
                self._body_error = exc
                raise
            self._form = form
        return form

    def _parse_body(self) -> dict[str, Any]:
        environ = self.environ
        content_type = environ.get("CONTENT_TYPE")
        if not content_type:
            return {}
        encoding = environ.get("HTTP_CONTENT_ENCODING")
        if encoding and encoding.strip().lower() != "identity":
            raise UnsupportedMediaType("compressed request bodies are not supported")
        coding = environ.get("HTTP_TRANSFER_ENCODING")
        if coding:
            _check_transfer_coding(coding)
        # PERF: the exact browser form type skips the media-type parser, and a form is
        # read here rather than in a helper method (one Python call less, ~80 ns on the
        # dev machine, Python 3.11).
        if content_type == _URLENCODED:
            charset = "utf-8"
        else:
            mime, params = parse_media_type(content_type)
            if mime != _URLENCODED:
                return self._parse_media(mime, params)
            found = _TEXT_CHARSETS.get(params.get("charset", "utf-8").lower())
            if found is None:
                raise UnsupportedMediaType("unsupported form charset")
            charset = found
        limits = self.limits
        # The query string's fields count against the shared limit: parse it first.
        if self._query is None:
            self._query_data()
        raw = self._body
        if raw is None:
            raw = self._body = read_body(environ, limits.max_body_size, timeout=limits.body_timeout)
        try:
            # Latin-1 decodes ASCII fastest; percent-escapes are decoded with ``charset``.
            text = raw.decode("latin-1" if raw.isascii() else charset)
        except UnicodeError:
            raise BadRequest("form body is not valid UTF-8") from None
        return form_dict(
            text,
            limits.max_fields - self._query_fields,
            limits.max_field_size,
            limits.max_depth,
            charset,
        )

    def _parse_media(self, mime: str, params: dict[str, str]) -> dict[str, Any]:
        """A multipart or JSON body (any other media type gives no input)."""
        environ = self.environ
        limits = self.limits
        if mime == _MULTIPART:
            if self._body is not None:
                chunks: Any = (self._body,)
            else:
                self._consumed = True
                chunks = iter_body(environ, limits.max_multipart_size, timeout=limits.body_timeout)
            form_pairs = parse_form_data(
                chunks,
                params.get("boundary"),
                content_length(environ),
                limits,
                limits.max_fields - self._count_query(),
            )
            uploads = [value for _, value in form_pairs if type(value) is UploadedFile]
            if uploads:
                self._uploads = uploads
                self.response.call_on_close(self.close)
            return nest(form_pairs, limits.max_depth)
        if mime != "application/json" and not (
            mime.startswith("application/") and mime.endswith("+json")
        ):
            return {}
        charset = params.get("charset")
        if charset is not None and charset.lower() not in _JSON_CHARSETS:
            raise UnsupportedMediaType("JSON must be UTF-8")
        raw = self._read(limits.max_body_size)
        if not raw.strip():
            return {}
        data = parse_json(raw, limits.max_json_depth)
        self._json = data
        return data if type(data) is dict else {}

    def _count_query(self) -> int:
        if self._query is None:
            self._query_data()
        return self._query_fields

    def _inputs(self) -> dict[str, Any]:
        merged = self._input
        if merged is None:
            form = self._load_form()
            query = self._query_data()
            # Body fields win over query parameters of the same name.
            merged = self._input = {**query, **form} if query else form
        return merged

    def input(self, name: str, default: Any = None) -> Any:
        """A value from the body or the query string (the body wins), or ``default``.

        ``name`` may be a dot path: ``user.name``, ``items.0.id``, or ``items.*.id``
        (a list of every match). Uploaded files come back as ``UploadedFile`` objects.
        When a JSON body's root is not an object, paths are looked up in that root.
        """
        # PERF: a plain name is looked up in the body, then the query string, without
        # building the merged dict (0.5 µs of bench/bench_request.py), and a parsed part
        # is read from its cache without a method call.
        form = self._form
        if form is None:
            form = self._load_form()
        value = form.get(name, MISSING)
        if value is not MISSING:
            return value
        query = self._query
        if query is None:
            query = self._query_data()
        value = query.get(name, MISSING)
        if value is not MISSING:
            return value
        data = self._inputs()
        json_root = self._json
        if json_root is not None and type(json_root) is not dict:
            return lookup(json_root, name, default)
        if "." not in name:
            return default
        return lookup(data, name, default)

    def all(self) -> dict[str, Any]:
        """Every input value: query parameters, then body fields over them."""
        return dict(self._inputs())

    def has(self, *names: str) -> bool:
        """True when every one of ``names`` (dot paths allowed) is present."""
        return all(self.input(name, MISSING) is not MISSING for name in names)

    def only(self, *names: str) -> dict[str, Any]:
        """The named inputs that are present, keyed by the names as given."""
        result: dict[str, Any] = {}
        for name in names:
            value = self.input(name, MISSING)
            if value is not MISSING:
                result[name] = value
        return result

    def without(self, *names: str) -> dict[str, Any]:
        """Every input except ``names`` (dot paths remove nested keys; input is not changed)."""
        result = dict(self._inputs())
        for name in names:
            if name in result:
                del result[name]
                continue
            _remove_path(result, name.split("."))
        return result

    def close(self) -> None:
        """Release uploaded files (runs by itself when the response body is closed)."""
        uploads, self._uploads = self._uploads, None
        for upload in uploads or ():
            upload.close()

    def __repr__(self) -> str:
        environ = self.environ
        return f"<Request {environ.get('REQUEST_METHOD', 'GET')} {environ.get('PATH_INFO', '/')!r}>"


_COMPRESSIONS = frozenset(("gzip", "x-gzip", "deflate", "compress", "x-compress", "br", "zstd"))


def _check_transfer_coding(coding: str) -> None:
    """Refuse a body whose Transfer-Encoding the server did not fully decode.

    Servers decode ``chunked`` (the one coding HTTP/1.1 requires). Anything else left on
    the header means the body is not the plain content: gunicorn passes ``gzip, chunked``
    on still compressed (a 415), and gunicorn before 22 reads ``chunked, chunked`` or
    ``identity`` as no body at all while the bytes stay on the connection (a 400).
    """
    codings = [part.strip().lower() for part in coding.split(",")]
    if codings == ["chunked"]:
        return
    if _COMPRESSIONS.intersection(codings):
        raise UnsupportedMediaType("compressed request bodies are not supported")
    raise BadRequest("unsupported Transfer-Encoding")


def _remove_path(data: dict[str, Any], segments: list[str]) -> None:
    """Delete ``segments`` from ``data``, copying each dict on the way (copy-on-write)."""
    node = data
    for segment in segments[:-1]:
        child = node.get(segment)
        if type(child) is not dict:
            return
        child = dict(child)
        node[segment] = child
        node = child
    node.pop(segments[-1], None)
