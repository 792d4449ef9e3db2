"""Reading the request body from ``wsgi.input`` within limits.

Never reads past ``Content-Length`` and never calls ``read()`` without a size. Without a
``Content-Length`` the body is empty unless the server says the stream is terminated
(``wsgi.input_terminated``), in which case it is read in chunks up to the limit. Every
failure is an HTTP error: an invalid length or a truncated body is a 400, a body over
the limit a 413, and any exception raised by ``wsgi.input`` a 400.

A client that declares more than it sends and keeps the connection open would block a
read forever (gunicorn's workers wait on the socket without a deadline). When the server
exposes the client's socket (``gunicorn.socket``), each read may wait at most
``timeout`` seconds for more bytes; a body that stalls longer is a 400.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from masonite.request.exceptions import BadRequest, PayloadTooLarge

__all__ = ["CHUNK_SIZE", "content_length", "iter_body", "read_body"]

CHUNK_SIZE = 64 * 1024


def _client_socket(environ: Mapping[str, Any], timeout: float | None) -> Any:
    """The client's socket when reads must be bounded and the server exposes it."""
    if timeout is None:
        return None
    sock = environ.get("gunicorn.socket")
    return sock if callable(getattr(sock, "settimeout", None)) else None


def _read_within(stream: Any, size: int, sock: Any, timeout: float) -> Any:
    """``stream.read(size)`` with ``timeout`` on the socket, restored afterwards."""
    previous = sock.gettimeout()
    sock.settimeout(timeout)
    try:
        return stream.read(size)
    finally:
        # The server writes the response on this socket: give it back as it was.
        sock.settimeout(previous)


def content_length(environ: Mapping[str, Any]) -> int | None:
    """The declared body length, or None when absent.

    None too when the server decoded a transfer coding and ends the stream itself
    (``Transfer-Encoding`` with ``wsgi.input_terminated``): Transfer-Encoding overrides
    Content-Length (RFC 9112, 6.3), which then counts bytes of the coded message.

    Raises:
        BadRequest: the value is not a non-negative decimal integer.
        PayloadTooLarge: the value is absurdly large (over 18 digits).
    """
    raw = environ.get("CONTENT_LENGTH")
    if not raw:
        return None
    if "HTTP_TRANSFER_ENCODING" in environ and environ.get("wsgi.input_terminated"):
        return None  # gunicorn before 22 passes both on; read the decoded stream to its end
    if type(raw) is str and raw.isdigit() and raw.isascii() and len(raw) <= 18:
        return int(raw)  # PERF: the well-formed case in one test
    if not isinstance(raw, str):
        raise BadRequest("invalid Content-Length")
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()):
        raise BadRequest("invalid Content-Length")
    if len(raw) > 18:
        raise PayloadTooLarge("request body too large")
    return int(raw)


def _read(stream: Any, size: int, sock: Any = None, timeout: float | None = None) -> bytes:
    try:
        if sock is None or timeout is None:
            chunk = stream.read(size)
        else:
            chunk = _read_within(stream, size, sock, timeout)
    except TimeoutError:  # socket.timeout: the client stopped sending
        raise BadRequest("request body timed out") from None
    except Exception:  # any failure of the server's stream is the client's broken body
        raise BadRequest("could not read the request body") from None
    return chunk if type(chunk) is bytes else _coerce(chunk)


def _coerce(chunk: object) -> bytes:
    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return bytes(chunk)
    raise BadRequest("could not read the request body")


def iter_body(
    environ: Mapping[str, Any],
    limit: int,
    chunk_size: int = CHUNK_SIZE,
    *,
    timeout: float | None = None,
) -> Iterator[bytes]:
    """Yield the body in chunks of at most ``chunk_size`` bytes.

    Args:
        environ: The WSGI environ.
        limit: The most bytes accepted.
        chunk_size: The most bytes read and yielded at a time.
        timeout: Seconds one read may wait for the client, where the server exposes its
            socket (gunicorn); None waits as long as the server does.

    Raises:
        BadRequest: invalid length, truncated or stalled body, or a failing ``wsgi.input``.
        PayloadTooLarge: the body is over ``limit`` bytes (checked before reading when
            the length is known).
    """
    length = content_length(environ)
    stream = environ.get("wsgi.input")
    sock = _client_socket(environ, timeout)
    if length is None:
        if stream is None or not environ.get("wsgi.input_terminated"):
            return
        total = 0
        while True:
            chunk = _read(stream, chunk_size, sock, timeout)
            if not chunk:
                return
            total += len(chunk)
            if total > limit:
                raise PayloadTooLarge("request body too large")
            yield chunk
    if length > limit:
        raise PayloadTooLarge("request body too large")
    if length and stream is None:
        raise BadRequest("request body truncated")
    remaining = length
    while remaining > 0:
        chunk = _read(stream, min(remaining, chunk_size), sock, timeout)
        if not chunk:
            raise BadRequest("request body truncated")
        if len(chunk) > remaining:  # a broken stream returned more than asked for
            chunk = chunk[:remaining]
        remaining -= len(chunk)
        yield chunk


def read_body(environ: Mapping[str, Any], limit: int, *, timeout: float | None = None) -> bytes:
    """Read the whole body (see ``iter_body`` for the rules, ``timeout`` and errors)."""
    raw = environ.get("CONTENT_LENGTH")
    # PERF: content_length()'s well-formed case inline (one Python call less, ~80 ns on
    # the dev machine, Python 3.11); anything else, Transfer-Encoding included, goes
    # through it.
    if (
        type(raw) is str
        and raw.isdigit()
        and raw.isascii()
        and len(raw) <= 18
        and "HTTP_TRANSFER_ENCODING" not in environ
    ):
        length: int | None = int(raw)
    else:
        length = content_length(environ)
    if length is not None and 0 < length <= limit:
        # PERF: one read() for the usual small body instead of the chunk generator.
        stream = environ.get("wsgi.input")
        if stream is not None:
            # PERF: in-process (no server socket) this stays one read(); under gunicorn the
            # bound costs two settimeout() calls, about 1 µs per body.
            sock = _client_socket(environ, timeout) if "gunicorn.socket" in environ else None
            if sock is None:
                try:
                    first = stream.read(length)
                except Exception:  # any failure of the server's stream is a broken body
                    raise BadRequest("could not read the request body") from None
                if type(first) is not bytes:
                    first = _coerce(first)
            else:
                first = _read(stream, length, sock, timeout)
            if len(first) == length:
                return first
            if not first:
                raise BadRequest("request body truncated")
            if len(first) > length:
                return first[:length]
            rest = [first]
            remaining = length - len(first)
            while remaining > 0:
                chunk = _read(stream, min(remaining, CHUNK_SIZE), sock, timeout)
                if not chunk:
                    raise BadRequest("request body truncated")
                rest.append(chunk[:remaining])
                remaining -= len(chunk)
            return b"".join(rest)
    return b"".join(iter_body(environ, limit, timeout=timeout))
