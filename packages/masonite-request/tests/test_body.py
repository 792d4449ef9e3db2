from __future__ import annotations

import io
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from masonite.request import BadRequest, PayloadTooLarge
from masonite.request.body import content_length, iter_body, read_body


class Stream:
    """A wsgi.input that records read sizes and can misbehave."""

    def __init__(self, data: bytes, *, chunk: int | None = None, fail: bool = False) -> None:
        self.data = io.BytesIO(data)
        self.sizes: list[int] = []
        self.chunk = chunk
        self.fail = fail

    def read(self, size: int) -> bytes:
        self.sizes.append(size)
        if self.fail:
            raise ConnectionResetError("client went away")
        return self.data.read(min(size, self.chunk) if self.chunk else size)


def env(stream: Any, length: str | None, **extra: Any) -> dict[str, Any]:
    environ: dict[str, Any] = {"wsgi.input": stream, **extra}
    if length is not None:
        environ["CONTENT_LENGTH"] = length
    return environ


@pytest.mark.parametrize(
    ("raw", "value"), [(None, None), ("", None), ("0", 0), (" 12 ", 12), ("007", 7)]
)
def test_content_length_values(raw: str | None, value: int | None) -> None:
    assert content_length(env(None, raw)) == value


@pytest.mark.parametrize("raw", ["-1", "+5", "1.5", "1e3", "abc", "١٢", "5_000", "0x10"])
def test_invalid_content_length_is_a_400(raw: str) -> None:
    with pytest.raises(BadRequest, match="Content-Length"):
        content_length(env(None, raw))


def test_transfer_encoding_on_a_terminated_stream_overrides_content_length() -> None:
    decoded = {"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True}
    assert content_length(env(None, "3", **decoded)) is None
    assert content_length(env(None, "3", HTTP_TRANSFER_ENCODING="chunked")) == 3


def test_non_string_content_length_is_a_400() -> None:
    with pytest.raises(BadRequest):
        content_length({"CONTENT_LENGTH": 5})


def test_absurd_content_length_is_a_413() -> None:
    with pytest.raises(PayloadTooLarge):
        content_length(env(None, "9" * 19))


def test_reads_exactly_content_length_and_never_more() -> None:
    stream = Stream(b"hello world, and more")
    assert read_body(env(stream, "5"), 100) == b"hello"
    assert stream.sizes == [5]
    assert stream.data.read() == b" world, and more"


def test_short_reads_are_continued() -> None:
    stream = Stream(b"abcdefghij", chunk=3)
    assert read_body(env(stream, "10"), 100) == b"abcdefghij"
    assert all(size > 0 for size in stream.sizes)


def test_truncated_body_is_a_400() -> None:
    with pytest.raises(BadRequest, match="truncated"):
        read_body(env(Stream(b"abc"), "10"), 100)
    with pytest.raises(BadRequest, match="truncated"):
        read_body(env(Stream(b""), "10"), 100)
    with pytest.raises(BadRequest, match="truncated"):
        read_body(env(Stream(b"abc", chunk=2), "10"), 100)
    with pytest.raises(BadRequest, match="truncated"):
        read_body({"CONTENT_LENGTH": "3"}, 100)


def test_oversized_body_is_refused_before_reading() -> None:
    stream = Stream(b"x" * 20)
    with pytest.raises(PayloadTooLarge):
        read_body(env(stream, "20"), 10)
    assert stream.sizes == []


def test_no_content_length_means_no_body() -> None:
    stream = Stream(b"ignored")
    assert read_body(env(stream, None), 100) == b""
    assert stream.sizes == []


def test_terminated_input_is_read_in_chunks_up_to_the_limit() -> None:
    stream = Stream(b"x" * 25)
    environ = env(stream, None, **{"wsgi.input_terminated": True})
    assert b"".join(iter_body(environ, 100, chunk_size=10)) == b"x" * 25
    assert stream.sizes == [10, 10, 10, 10]
    environ = env(Stream(b"x" * 25), None, **{"wsgi.input_terminated": True})
    with pytest.raises(PayloadTooLarge):
        read_body(environ, 20)


def test_any_exception_from_the_stream_is_a_400() -> None:
    with pytest.raises(BadRequest, match="read"):
        read_body(env(Stream(b"abc", fail=True), "3"), 100)
    environ = env(Stream(b"abc", fail=True), None, **{"wsgi.input_terminated": True})
    with pytest.raises(BadRequest):
        read_body(environ, 100)


def test_a_stream_returning_garbage_is_a_400() -> None:
    class Weird:
        def read(self, size: int) -> object:
            return "text"

    with pytest.raises(BadRequest):
        read_body(env(Weird(), "3"), 100)

    class TooMuch:
        def read(self, size: int) -> bytes:
            return b"x" * (size + 5)

    assert read_body(env(TooMuch(), "3"), 100) == b"xxx"
    assert b"".join(iter_body(env(TooMuch(), "3"), 100)) == b"xxx"

    class ByteArray:
        def read(self, size: int) -> bytearray:
            return bytearray(b"x" * size)

    assert read_body(env(ByteArray(), "3"), 100) == b"xxx"


def test_empty_body() -> None:
    assert read_body(env(Stream(b""), "0"), 100) == b""
    assert list(iter_body(env(None, "0"), 100)) == []


class SocketInput:
    """A wsgi.input over a real socket, reading like gunicorn's body reader."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def read(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                break
            data += chunk
        return data


@pytest.fixture
def connection() -> Iterator[tuple[socket.socket, socket.socket]]:
    client, server = socket.socketpair()
    yield client, server
    client.close()
    server.close()


def served(server: socket.socket, length: int) -> dict[str, Any]:
    return env(SocketInput(server), str(length), **{"gunicorn.socket": server})


def read_whole(environ: dict[str, Any]) -> bytes:
    return read_body(environ, 100, timeout=0.2)


def read_chunks(environ: dict[str, Any]) -> bytes:
    return b"".join(iter_body(environ, 100, chunk_size=4, timeout=0.2))


@pytest.mark.parametrize("reader", [read_whole, read_chunks])
def test_a_body_that_stops_arriving_is_a_400_after_the_timeout(
    connection: tuple[socket.socket, socket.socket], reader: Callable[[dict[str, Any]], bytes]
) -> None:
    client, server = connection
    client.sendall(b"a=1")  # of the 10 bytes declared; the client keeps the socket open
    started = time.monotonic()
    with pytest.raises(BadRequest, match="timed out"):
        reader(served(server, 10))
    assert time.monotonic() - started < 5
    assert server.gettimeout() is None  # the server's blocking socket, as it was


def test_a_body_that_arrives_is_read_and_the_socket_left_as_it_was(
    connection: tuple[socket.socket, socket.socket],
) -> None:
    client, server = connection
    server.settimeout(30.0)
    client.sendall(b"a=1&b=22")
    assert read_body(served(server, 8), 100, timeout=0.5) == b"a=1&b=22"
    client.sendall(b"x" * 10)
    chunks = list(iter_body(served(server, 10), 100, chunk_size=4, timeout=0.5))
    assert chunks == [b"xxxx", b"xxxx", b"xx"]
    assert server.gettimeout() == 30.0


def test_without_a_timeout_or_a_server_socket_reads_are_left_alone() -> None:
    class Recorder:
        def __init__(self) -> None:
            self.calls: list[float | None] = []

        def gettimeout(self) -> float | None:
            return None

        def settimeout(self, value: float | None) -> None:
            self.calls.append(value)

    sock = Recorder()
    environ = env(Stream(b"abc"), "3", **{"gunicorn.socket": sock})
    assert read_body(environ, 100, timeout=None) == b"abc"
    assert read_body(env(Stream(b"abc"), "3"), 100, timeout=1.0) == b"abc"
    assert sock.calls == []
    assert read_body(env(Stream(b"abc"), "3", **{"gunicorn.socket": sock}), 100, timeout=1.0)
    assert sock.calls == [1.0, None]
