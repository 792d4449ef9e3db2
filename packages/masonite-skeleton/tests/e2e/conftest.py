"""A project made by ``craft new``, served by real gunicorn, and a raw HTTP client to attack it.

One application serves the whole session, the way production runs it: ``APP_DEBUG=false``,
the ``KEY`` that ``craft new`` wrote to ``.env``, gunicorn with several workers and threads
(so threaded-worker isolation is exercised too). A few test-only routes are added to it
(``E2E_CONTROLLER`` below): they answer with what the framework parsed, so a test can check
every byte it sent against what the application saw.

The client speaks HTTP over plain sockets so that tests can send what a browser never
would. Every exchange has a deadline: a server that hangs fails the test, it never stalls
the suite. After the session the server is stopped by its process group, and its log is
checked: no exception may have reached gunicorn and no worker may have died.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from masonite.craft.serving import NO_CONTROL_SOCKET, gunicorn_accepts, gunicorn_argv

HOST = "127.0.0.1"
WORKERS = 2
THREADS = 4
#: Seconds a session lives (``SESSION_LIFETIME``): short, so a replay can outlive it.
LIFETIME = 4
#: ``Limits.body_timeout`` of the app: how long a read of a stalled body may wait.
BODY_TIMEOUT = 2
#: How long gunicorn may take to serve its first request.
READY_WITHIN = 30.0
#: Text only the failing controller knows: it must never reach a client.
SECRET = "E2E-SECRET-7f3a"

E2E_CONTROLLER = f'''"""Test-only endpoints: they answer with what the app parsed."""

import os
import threading
import time
from pathlib import Path
from typing import Any

from masonite.providers import csrf_token
from masonite.request import Request, UploadedFile

#: The only pauses a client may ask for, in seconds (to interleave concurrent requests).
PAUSES = {{"0.001": 0.001, "0.005": 0.005}}


def plain(value: Any) -> Any:
    """``value`` with uploaded files described, so that it can be sent as JSON."""
    if isinstance(value, UploadedFile):
        return {{"file": value.filename, "size": value.size, "type": value.content_type}}
    if isinstance(value, dict):
        return {{key: plain(item) for key, item in value.items()}}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def pause(request: Request) -> None:
    seconds = PAUSES.get(request.query("pause"))
    if seconds:
        time.sleep(seconds)


def worker() -> str:
    return f"{{os.getpid()}}:{{threading.get_ident()}}"


class E2eController:
    def echo(self, request: Request) -> dict[str, Any]:
        pause(request)
        return {{
            "method": request.method,
            "path": request.path,
            "input": plain(request.all()),
            "json": request.json,
            "worker": worker(),
        }}

    def upload(self, request: Request) -> dict[str, Any]:
        folder = Path(os.environ["E2E_UPLOADS"])
        saved = []
        for name, value in request.all().items():
            if isinstance(value, UploadedFile):
                try:
                    saved.append({{"field": name, "saved": str(value.save(folder))}})
                except ValueError:
                    saved.append({{"field": name, "refused": value.filename}})
        return {{"saved": saved}}

    def headers(self, request: Request) -> dict[str, Any]:
        return {{
            "host": request.host,
            "url": request.full_url(),
            "headers": dict(request.headers),
        }}

    def back(self, request: Request) -> Any:
        return request.back("/fallback")

    def go(self, request: Request) -> Any:
        return request.redirect(request.input("to", "/"))

    def header(self, request: Request) -> str:
        request.header("X-Echo", request.input("v", ""))
        return "header set"

    def cookie(self, request: Request) -> str:
        request.cookie("echo", request.input("v", ""))
        return "cookie set"

    def boom(self) -> str:
        raise RuntimeError("{SECRET} in the failing controller")

    def remember(self, request: Request) -> dict[str, Any]:
        request.session.set("value", request.input("v"))
        return {{"session": request.session.all()}}

    def recall(self, request: Request) -> dict[str, Any]:
        pause(request)
        return {{"session": request.session.all(), "worker": worker()}}

    def user(self, request: Request, id: int) -> dict[str, Any]:
        return {{"id": id, "type": type(id).__name__, "param": request.param("id")}}

    def token(self, request: Request) -> dict[str, str]:
        return {{"token": csrf_token(request)}}
'''

E2E_ROUTES = """

# -- test-only routes of the e2e suite (/e2e/open/* skip the CSRF check) ------------
from masonite.routing import Match, Redirect  # noqa: E402

_ANY = ["GET", "POST", "PUT", "PATCH", "DELETE"]
ROUTES.append(
    RouteGroup(
        [
            Match(_ANY, "/open/echo", "E2eController@echo"),
            Match(_ANY, "/csrf/echo", "E2eController@echo"),
            Post("/open/upload", "E2eController@upload"),
            Get("/open/headers", "E2eController@headers"),
            Match(["GET", "POST"], "/open/back", "E2eController@back"),
            Get("/go", "E2eController@go"),
            Get("/header", "E2eController@header"),
            Get("/cookie", "E2eController@cookie"),
            Get("/boom", "E2eController@boom"),
            Post("/open/remember", "E2eController@remember"),
            Get("/recall", "E2eController@recall"),
            Get("/users/@id:int", "E2eController@user"),
            Get("/token", "E2eController@token"),
        ],
        prefix="/e2e",
    )
)
# A redirect whose destination starts with a parameter taken from the path.
ROUTES.append(Redirect("/e2e/old/@slug", "/@slug"))
"""

E2E_REQUEST_CONFIG = f'''"""Request limits: the defaults, with a short body timeout."""

from masonite.request import Limits

LIMITS = Limits(body_timeout={BODY_TIMEOUT})
'''

CSRF_EXEMPT = 'exempt: ClassVar[list[str]] = ["/e2e/open/*"]'

# One header line of a response: a token, a colon and a value without control characters.
_HEADER_LINE = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\t\x20-\x7e\x80-\xff]*")
_LEAKS = (b"Traceback", b'File "', SECRET.encode(), b"RuntimeError")


class _Recorded:
    """What ``http.client.HTTPResponse`` reads a response from: bytes already received."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def makefile(self, mode: str) -> io.BytesIO:
        return io.BytesIO(self._data)


@dataclass
class Reply:
    """One response, as the bytes on the wire and parsed."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    head: bytes
    elapsed: float

    def header(self, name: str) -> str | None:
        """The value of header ``name`` (the first one), or None."""
        values = self.all(name)
        return values[0] if values else None

    def all(self, name: str) -> list[str]:
        """Every value of header ``name``."""
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def cookie(self, name: str) -> str | None:
        """The value a ``Set-Cookie`` of this response gives cookie ``name``, or None."""
        for value in self.all("Set-Cookie"):
            pair = value.split(";", 1)[0]
            key, _, text = pair.partition("=")
            if key.strip() == name:
                return text.strip()
        return None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)

    def assert_safe(self, *, allow_500: bool = False) -> Reply:
        """Check what every answer to hostile input must hold; return self.

        No 5xx (unless ``allow_500``), nothing of a traceback or of the exception in the
        body, and a head made of well-formed header lines only (a split header would
        show as a line that is not ``Name: value``).
        """
        assert allow_500 or self.status < 500, (self.status, self.body[:300])
        for leak in _LEAKS:
            assert leak not in self.body, (leak, self.body[:300])
        status_line, *lines = self.head.split(b"\r\n")
        assert re.fullmatch(rb"HTTP/1\.[01] \d{3} [\x20-\x7e]*", status_line), status_line
        for line in lines:
            assert _HEADER_LINE.fullmatch(line), ("malformed header line", line)
        return self


def parse_reply(raw: bytes, method: str, elapsed: float) -> Reply:
    """Parse one complete response from ``raw`` (fails the test on garbage)."""
    head, separator, _ = raw.partition(b"\r\n\r\n")
    assert separator, ("no complete response head", raw[:300])
    response = http.client.HTTPResponse(_Recorded(raw), method=method)  # type: ignore[arg-type]
    response.begin()
    body = response.read()
    return Reply(response.status, response.getheaders(), body, head, elapsed)


def _pairs(fields: Iterable[tuple[str, str]] | Mapping[str, str]) -> Iterable[tuple[str, str]]:
    return fields.items() if isinstance(fields, Mapping) else fields


def multipart_body(
    parts: Sequence[tuple[bytes, bytes]], boundary: str, *, closed: bool = True
) -> bytes:
    """A multipart body; ``closed=False`` leaves out the closing delimiter."""
    delimiter = b"--" + boundary.encode()
    body = b"".join(
        delimiter + b"\r\n" + head + b"\r\n\r\n" + data + b"\r\n" for head, data in parts
    )
    return body + (delimiter + b"--\r\n" if closed else b"")


@dataclass
class LiveServer:
    """The running application and a client for it."""

    root: Path
    port: int
    uploads: Path
    key: str
    log: Path
    early_cookie: str = ""
    early_at: float = 0.0
    lifetime: int = LIFETIME
    body_timeout: int = BODY_TIMEOUT
    secret: str = SECRET

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.port}"

    def exchange(
        self,
        data: bytes,
        *,
        method: str = "GET",
        timeout: float = 5.0,
        half_close: bool = False,
    ) -> Reply:
        """Send ``data`` on a new connection and read the response until the server closes.

        Fails the test when no complete response arrives within ``timeout`` seconds.
        """
        started = time.monotonic()
        raw = self.exchange_bytes(data, timeout=timeout, half_close=half_close)
        return parse_reply(raw, method, time.monotonic() - started)

    def exchange_bytes(
        self, data: bytes, *, timeout: float = 5.0, half_close: bool = False
    ) -> bytes:
        """Send ``data`` on a new connection; return every byte received until it closes."""
        started = time.monotonic()
        deadline = started + timeout
        received: list[bytes] = []
        with socket.create_connection((HOST, self.port), timeout=timeout) as sock:
            try:
                sock.sendall(data)
                if half_close:
                    sock.shutdown(socket.SHUT_WR)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server answered before reading everything: read that answer
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no response within {timeout}s: {b''.join(received)!r}")
                sock.settimeout(remaining)
                try:
                    chunk = sock.recv(65536)
                except TimeoutError:
                    raise AssertionError(
                        f"no response within {timeout}s: {b''.join(received)[:300]!r}"
                    ) from None
                except ConnectionResetError:
                    break  # closed with our unread bytes in its buffer: keep what came
                if not chunk:
                    break
                received.append(chunk)
        raw = b"".join(received)
        assert raw, "the server closed the connection without answering"
        return raw

    def request(
        self,
        method: str,
        target: str | bytes,
        *,
        body: bytes = b"",
        content_type: str | None = None,
        headers: Sequence[tuple[str, str]] | Mapping[str, str] = (),
        cookie: str | None = None,
        length: int | str | None = -1,
        timeout: float = 5.0,
    ) -> Reply:
        """Send one request with ``Connection: close``.

        ``length`` -1 (the default) sends the body's true Content-Length, None sends none,
        anything else is sent as given (to lie about the body).
        """
        if isinstance(target, str):
            target = target.encode("latin-1")
        lines = [method.encode("latin-1") + b" " + target + b" HTTP/1.1"]
        pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
        pairs[:0] = [("Host", f"{HOST}:{self.port}"), ("Connection", "close")]
        if content_type is not None:
            pairs.append(("Content-Type", content_type))
        if cookie is not None:
            pairs.append(("Cookie", cookie))
        if length == -1:
            if body or method not in ("GET", "HEAD"):
                pairs.append(("Content-Length", str(len(body))))
        elif length is not None:
            pairs.append(("Content-Length", str(length)))
        lines += [f"{name}: {value}".encode("latin-1") for name, value in pairs]
        data = b"\r\n".join(lines) + b"\r\n\r\n" + body
        return self.exchange(data, method=method, timeout=timeout)

    def get(self, target: str | bytes, **options: Any) -> Reply:
        return self.request("GET", target, **options)

    def form(
        self,
        target: str,
        fields: Iterable[tuple[str, str]] | Mapping[str, str] | str,
        method: str = "POST",
        **options: Any,
    ) -> Reply:
        """Send an urlencoded form (``fields`` as pairs, a dict or ready-made text)."""
        body = fields if isinstance(fields, str) else urlencode(list(_pairs(fields)))
        return self.request(
            method,
            target,
            body=body.encode("latin-1"),
            content_type="application/x-www-form-urlencoded",
            **options,
        )

    def json(self, target: str, data: Any, method: str = "POST", **options: Any) -> Reply:
        """Send a JSON body (``bytes`` are sent as they are)."""
        body = data if isinstance(data, bytes) else json.dumps(data).encode()
        return self.request(method, target, body=body, content_type="application/json", **options)

    def multipart(
        self,
        target: str,
        parts: Sequence[tuple[bytes, bytes]],
        *,
        boundary: str = "e2eBoundary7MA4YWxk",
        closed: bool = True,
        **options: Any,
    ) -> Reply:
        """Send a multipart body of ``(part headers, part body)`` pairs, as given."""
        return self.request(
            "POST",
            target,
            body=multipart_body(parts, boundary, closed=closed),
            content_type=f"multipart/form-data; boundary={boundary}",
            **options,
        )

    @staticmethod
    def field_part(name: str, value: bytes, extra: bytes = b"") -> tuple[bytes, bytes]:
        """A form-field part for :meth:`multipart` (``extra``: more header lines)."""
        return (f'Content-Disposition: form-data; name="{name}"'.encode() + extra, value)

    @staticmethod
    def file_part(
        name: str, filename: bytes, data: bytes, content_type: bytes = b"text/plain"
    ) -> tuple[bytes, bytes]:
        """A file part for :meth:`multipart`; ``filename`` is sent byte for byte."""
        head = (
            f'Content-Disposition: form-data; name="{name}"; filename="'.encode()
            + filename
            + b'"\r\nContent-Type: '
            + content_type
        )
        return (head, data)

    def failed_requests(self) -> list[tuple[str, str]]:
        """(path, exception) of every request the app logged as failed (a 500) so far."""
        return failed_requests(self.log.read_text(errors="replace"))


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Shorten the ids of huge parameters (100 000 brackets make a poor test name)."""
    text = val.decode("latin-1") if isinstance(val, bytes) else val
    if not isinstance(text, str) or len(text) <= 60:
        return None
    return f"{text[:40].encode('unicode_escape').decode()}...{len(text)}"


# -- the server ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _make_app(root: Path) -> None:
    """Write the project with ``craft new``, then add the e2e endpoints to it."""
    result = subprocess.run(
        [sys.executable, "-m", "masonite.craft", "new", "e2eapp", "--path", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (root / "app" / "http" / "controllers" / "E2eController.py").write_text(E2E_CONTROLLER)
    with (root / "routes" / "web.py").open("a", encoding="utf-8") as routes:
        routes.write(E2E_ROUTES)
    (root / "config" / "request.py").write_text(E2E_REQUEST_CONFIG)
    csrf = root / "app" / "http" / "middleware" / "CsrfMiddleware.py"
    text = csrf.read_text()
    assert "exempt: ClassVar[list[str]] = []" in text  # the template's empty list
    csrf.write_text(text.replace("exempt: ClassVar[list[str]] = []", CSRF_EXEMPT))


def _read_key(root: Path) -> str:
    found = re.search(r"^KEY=(.+)$", (root / ".env").read_text(), re.MULTILINE)
    assert found is not None, "craft new wrote no KEY to .env"
    return found.group(1).strip()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to gunicorn's process group, then SIGKILL if it is still there."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def _wait_ready(process: subprocess.Popen[bytes], port: int, log: Path) -> bool:
    """True once gunicorn answers; False when it exited (its port was taken)."""
    deadline = time.monotonic() + READY_WITHIN
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        connection = http.client.HTTPConnection(HOST, port, timeout=2)
        try:
            connection.request("GET", "/api/health")
            status = connection.getresponse().status
        except OSError:
            time.sleep(0.1)
            continue
        finally:
            connection.close()
        assert status == 200, log.read_text()[-3000:]
        return True
    _stop(process)
    raise AssertionError(f"gunicorn did not answer within {READY_WITHIN}s:\n{log.read_text()}")


def _check_log(log: Path) -> None:
    """No exception reached gunicorn, no worker died, and the only 500s were /e2e/boom's."""
    text = log.read_text(errors="replace")
    for sign in ("Error handling request", "Exception in worker", "WORKER TIMEOUT"):
        assert sign not in text, f"gunicorn logged {sign!r}:\n{text[-4000:]}"
    assert text.count("Booting worker") == WORKERS, f"a worker was restarted:\n{text[-4000:]}"
    assert set(failed_requests(text)) <= {("/e2e/boom", "RuntimeError")}, text[-4000:]


def failed_requests(log: str) -> list[tuple[str, str]]:
    """(path, exception) of every request the framework logged as a failure (a 500)."""
    return re.findall(r"^[A-Z]+ '([^']*)' failed with (\w+)", log, re.MULTILINE)


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The e2e application, served by gunicorn on a free port for the whole session."""
    base = tmp_path_factory.mktemp("e2e")
    root = base / "e2eapp"
    _make_app(root)
    uploads = base / "uploads"
    uploads.mkdir()
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "APP_"))}
    environ.update(
        APP_DEBUG="false",
        SESSION_LIFETIME=str(LIFETIME),
        E2E_UPLOADS=str(uploads),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONUNBUFFERED="1",
    )
    environ.pop("KEY", None)  # the app's own .env KEY, as craft new wrote it
    log = base / "gunicorn.log"
    for _attempt in range(3):  # another process may take the free port before gunicorn
        port = _free_port()
        argv = gunicorn_argv(
            sys.executable,
            root,
            host=HOST,
            port=port,
            workers=WORKERS,
            reload=False,
            no_control_socket=gunicorn_accepts(NO_CONTROL_SOCKET),
        )
        argv[-1:-1] = ["--threads", str(THREADS), "--graceful-timeout", "5"]
        with log.open("wb") as output:
            process = subprocess.Popen(
                argv,
                cwd=root,
                env=environ,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as one
            )
        if _wait_ready(process, port, log):
            break
    else:
        raise AssertionError(f"gunicorn could not start:\n{log.read_text()}")
    server = LiveServer(root, port, uploads, _read_key(root), log)
    try:
        # A session cookie issued now, for the test that replays it after its lifetime.
        reply = server.form("/e2e/open/remember", {"v": "early"})
        assert reply.status == 200, reply.text
        server.early_cookie = reply.cookie("session") or ""
        server.early_at = time.monotonic()
        recalled = server.get("/e2e/recall", cookie=f"session={server.early_cookie}")
        assert recalled.json()["session"] == {"value": "early"}
        yield server
    finally:
        _stop(process)
    _check_log(log)
