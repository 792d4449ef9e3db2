"""End to end: from the built wheels to a served application, checked over real HTTP.

Usage: ``python scripts/new_app_e2e.py [--wheelhouse DIR] [--keep]``
(``tox run -e new-app`` runs it; it is part of ``make test``). In order:

1. every package of the tree is built into a temporary ``dist`` folder (``hatch build``,
   through ``dist_check.build``) and the third-party requirements of the wheels, plus
   pytest, are put into a wheelhouse;
2. a fresh virtualenv gets ``masonite-skeleton`` and pytest from those two folders only
   (``pip --no-index --find-links``), so every sibling comes from the built wheels;
3. ``craft new`` writes a project into a temporary folder, the project's own tests run
   there with pytest, and ``mypy --strict`` checks the generated code against the
   installed packages;
4. ``craft serve`` starts gunicorn on a free loopback port; once it answers, the welcome
   page, the static files (``/static/robots.txt`` through WhiteNoise, ``/robots.txt``
   from ``storage/public``), the 404 page, the api route's JSON, the contact form's
   CSRF check (passing with the token, failing without it) and a flash message that
   lives for exactly one request are checked over HTTP;
5. gunicorn is stopped by its process group (SIGTERM, then SIGKILL), whatever happened.

Every step has a time limit and the whole run has one (``--deadline``), so it never
hangs. Each failed check is printed on one line and the exit status is 1.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dist_check import (
    CheckFailed,
    build,
    fill_wheelhouse,
    packages_to_check,
    third_party_requirements,
)
from release import ReleaseError
from tooling import ToolMissing, find_tool

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "e2e_app"
SKELETON = "masonite-skeleton"
TEST_REQUIREMENT = "pytest>=8"
HOST = "127.0.0.1"
START_TIMEOUT = 20.0  # seconds gunicorn has to answer its first request
STOP_TIMEOUT = 10.0  # seconds between SIGTERM and SIGKILL
REQUEST_TIMEOUT = 10.0
TOKEN = re.compile(r'name="__token" value="([^"]+)"')


class Deadline(Exception):
    """The whole run took longer than ``--deadline`` seconds."""


# -- running commands ---------------------------------------------------------------------


def run(
    argv: Sequence[str | Path],
    *,
    cwd: Path,
    timeout: float,
    what: str,
    env: Mapping[str, str] | None = None,
) -> str:
    """Run ``argv``; return its output, or raise ``CheckFailed`` naming ``what``."""
    try:
        result = subprocess.run(
            [str(arg) for arg in argv],
            cwd=cwd,
            env=dict(env) if env is not None else None,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"{what} took longer than {timeout:.0f} s") from None
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-12:]
        detail = "\n    ".join(tail) or f"exit {result.returncode}"
        raise CheckFailed(f"{what} failed (exit {result.returncode}):\n    {detail}")
    return result.stdout


def clean_environ() -> dict[str, str]:
    """The environment for the project's processes: none of tox's or pytest's settings."""
    dropped = ("PYTEST_", "VIRTUAL_ENV", "PYTHONPATH", "TOX_", "KEY", "APP_", "SESSION_")
    return {k: v for k, v in os.environ.items() if not k.startswith(dropped)}


# -- steps 1 and 2: wheels and a virtualenv -------------------------------------------------


def build_wheels(dist_dir: Path, wheelhouse: Path) -> list[Path]:
    """Build every package's wheel into ``dist_dir``; fill ``wheelhouse`` for them."""
    hatch = find_tool("hatch", hint="install it with `pip install hatch`")
    dist_dir.mkdir(parents=True, exist_ok=True)
    wheels = [build(package, dist_dir, hatch).wheel for package in packages_to_check(ROOT, ())]
    fill_wheelhouse([*third_party_requirements(wheels), TEST_REQUIREMENT], wheelhouse)
    return wheels


def install(venv: Path, dist_dir: Path, wheelhouse: Path) -> Path:
    """Create ``venv`` and install masonite-skeleton and pytest without an index."""
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=venv.parent, timeout=120,
        what="creating the virtualenv")  # fmt: skip
    python = venv / "bin" / "python"
    run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
         "--disable-pip-version-check", "--no-index", "--find-links", dist_dir,
         "--find-links", wheelhouse, SKELETON, TEST_REQUIREMENT],
        cwd=venv.parent, timeout=300, what=f"installing {SKELETON} from the built wheels",
    )  # fmt: skip
    listed = run(
        [sys.executable, "-m", "pip", "--python", python, "list", "--format", "json",
         "--disable-pip-version-check"],
        cwd=venv.parent, timeout=120, what="listing the virtualenv",
    )  # fmt: skip
    masonite = {
        item["name"]: item for item in json.loads(listed) if item["name"].startswith("masonite")
    }
    if len(masonite) != 6 or any("editable_project_location" in i for i in masonite.values()):
        raise CheckFailed(f"expected the six masonite packages from wheels, got {masonite}")
    print("installed: " + ", ".join(f"{n} {i['version']}" for n, i in sorted(masonite.items())))
    return venv / "bin"


# -- step 4: a server and a browser ---------------------------------------------------------


def free_port() -> int:
    """A TCP port of the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Reply:
    """One HTTP response: status, headers and body."""

    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def content_type(self) -> str:
        return str(self.headers.get("Content-Type", ""))


@dataclass
class Browser:
    """Sends requests to the server and keeps its cookies, as a browser would."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, form: Mapping[str, str] | None = None) -> Reply:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        try:
            sent = {"Host": f"{HOST}:{self.port}"}
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            body = None
            if form is not None:
                body = urllib.parse.urlencode(form).encode("ascii")
                sent["Content-Type"] = "application/x-www-form-urlencoded"
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            reply = Reply(response.status, response.msg, response.read())
        finally:
            connection.close()
        for cookie in reply.headers.get_all("Set-Cookie") or []:
            self.keep(cookie)
        return reply

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def post(self, path: str, form: Mapping[str, str]) -> Reply:
        return self.request("POST", path, form)

    def keep(self, set_cookie: str) -> None:
        """Store a ``Set-Cookie`` value; an expired one removes the cookie."""
        pair, *attributes = (part.strip() for part in set_cookie.split(";"))
        name, _, value = pair.partition("=")
        expired = any(
            a.lower().replace(" ", "") in ("max-age=0", "max-age=-1")
            or (a.lower().startswith("expires=") and "1970" in a)
            for a in attributes
        )
        if expired:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


@contextlib.contextmanager
def serving(
    bin_dir: Path, project: Path, port: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``craft serve`` (which becomes gunicorn) in its own process group; stop it after."""
    with log.open("wb") as output:
        server = subprocess.Popen(
            [
                str(bin_dir / "craft"),
                "serve",
                "--host",
                HOST,
                "--port",
                str(port),
                "--workers",
                "2",
            ],
            cwd=project,
            env=clean_environ(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the workers are stopped too
        )
    try:
        yield server
    finally:
        stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, then SIGKILL it if it is still there."""
    for sig, timeout in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, STOP_TIMEOUT)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, sig)
        try:
            server.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            continue
        # The master is gone; make sure no worker of its group outlives it.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        return
    raise CheckFailed(f"gunicorn (pid {server.pid}) did not stop, even after SIGKILL")


def wait_until_up(server: subprocess.Popen[bytes], port: int, log: Path) -> float:
    """Wait until the server answers ``GET /``; return how long it took."""
    started = time.monotonic()
    while time.monotonic() - started < START_TIMEOUT:
        if server.poll() is not None:
            tail = "\n    ".join(log.read_text(errors="replace").splitlines()[-15:])
            raise CheckFailed(f"craft serve exited with {server.returncode}:\n    {tail}")
        try:
            Browser(port).get("/")
        except OSError:  # refused, reset or timed out: not listening yet
            time.sleep(0.1)
            continue
        return time.monotonic() - started
    raise CheckFailed(f"the server did not answer on {HOST}:{port} within {START_TIMEOUT:.0f} s")


# -- the checks over HTTP -------------------------------------------------------------------

Check = Callable[[int, Path], None]


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def describe(reply: Reply) -> str:
    return f"{reply.status} {reply.content_type!r} {reply.text[:120]!r}"


def check_welcome(port: int, project: Path) -> None:
    reply = Browser(port).get("/")
    expect(reply.status == 200, f"GET / answered {describe(reply)}")
    expect(reply.content_type.startswith("text/html"), f"GET / is {reply.content_type!r}")
    expect("<!doctype html>" in reply.text, "GET / is not an HTML page")
    expect(f"{PROJECT} is running" in reply.text, "GET / is not the welcome view")


def check_static_through_whitenoise(port: int, project: Path) -> None:
    reply = Browser(port).get("/static/robots.txt")
    expect(reply.status == 200, f"GET /static/robots.txt answered {describe(reply)}")
    expected = (project / "storage" / "static" / "robots.txt").read_bytes()
    expect(reply.body == expected, "/static/robots.txt is not storage/static/robots.txt")
    # WhiteNoise answers before the application: validators, and none of the app's headers.
    expect("ETag" in reply.headers, "/static/robots.txt has no ETag: not served by WhiteNoise")
    expect(
        "X-Frame-Options" not in reply.headers,
        "/static/robots.txt went through the application, not WhiteNoise",
    )


def check_public_files(port: int, project: Path) -> None:
    for name in ("robots.txt", "favicon.ico"):
        reply = Browser(port).get(f"/{name}")
        expect(reply.status == 200, f"GET /{name} answered {describe(reply)}")
        expected = (project / "storage" / "public" / name).read_bytes()
        expect(reply.body == expected, f"/{name} is not storage/public/{name}")


def check_404_page(port: int, project: Path) -> None:
    reply = Browser(port).get("/no/such/page")
    expect(reply.status == 404, f"GET /no/such/page answered {describe(reply)}")
    expect(reply.content_type.startswith("text/html"), f"the 404 is {reply.content_type!r}")
    # Markers of resources/templates/errors/404.html, not of the built-in page.
    expect("Page not found" in reply.text, "the 404 page is not errors/404.html")
    expect("Back to the home page" in reply.text, "the 404 page is not errors/404.html")


def check_api_json(port: int, project: Path) -> None:
    reply = Browser(port).get("/api/health")
    expect(reply.status == 200, f"GET /api/health answered {describe(reply)}")
    expect(reply.content_type.startswith("application/json"), f"api is {reply.content_type!r}")
    data = json.loads(reply.body)
    expect(data == {"status": "ok", "name": PROJECT}, f"GET /api/health gave {data!r}")


def form_token(browser: Browser) -> str:
    page = browser.get("/contact")
    expect(page.status == 200, f"GET /contact answered {describe(page)}")
    found = TOKEN.search(page.text)
    expect(found is not None, "the contact form carries no CSRF token")
    expect(bool(browser.cookies), "GET /contact set no session cookie")
    assert found is not None
    return found.group(1)


def check_csrf(port: int, project: Path) -> None:
    browser = Browser(port)
    token = form_token(browser)
    message = {"name": "Ada", "message": "Hello"}
    refused = browser.post("/contact", message)
    expect(refused.status == 403, f"a POST without the token answered {describe(refused)}")
    stranger = Browser(port).post("/contact", {"__token": token, **message})
    expect(stranger.status == 403, f"a POST without the session answered {describe(stranger)}")
    passed = browser.post("/contact", {"__token": token, **message})
    expect(passed.status == 302, f"a POST with the token answered {describe(passed)}")
    location = str(passed.headers.get("Location", ""))
    expect(location.endswith("/contact"), f"the POST redirected to {location!r}")


def check_flash_once(port: int, project: Path) -> None:
    browser = Browser(port)
    form = {"__token": form_token(browser), "name": "Grace", "message": "Hello"}
    posted = browser.post("/contact", form)
    expect(posted.status == 302, f"the POST answered {describe(posted)}")
    notice = "Thank you, Grace"
    expect(notice in browser.get("/contact").text, "the flash message did not show")
    expect(notice not in browser.get("/contact").text, "the flash message showed twice")


CHECKS: list[tuple[str, Check]] = [
    ("welcome page (200, HTML)", check_welcome),
    ("/static/robots.txt through WhiteNoise", check_static_through_whitenoise),
    ("/robots.txt and /favicon.ico from storage/public", check_public_files),
    ("unknown path renders errors/404.html with 404", check_404_page),
    ("api route answers JSON", check_api_json),
    ("CSRF: passes with the token, fails without it", check_csrf),
    ("session flash survives exactly one request", check_flash_once),
]


def check_over_http(port: int, project: Path) -> list[str]:
    """Run every check; return one line per failed one."""
    problems = []
    for title, check in CHECKS:
        try:
            check(port, project)
        except (AssertionError, OSError, ValueError) as error:
            problems.append(f"new-app: {title}: {error}")
            print(f"  FAIL {title}")
        else:
            print(f"  ok   {title}")
    return problems


# -- the whole run --------------------------------------------------------------------------


def end_to_end(work: Path, wheelhouse: Path) -> list[str]:
    """Every step in order; returns the failed HTTP checks (earlier steps raise)."""
    step = time.monotonic()

    def done(what: str) -> None:
        nonlocal step
        print(f"{what} ({time.monotonic() - step:.1f} s)")
        step = time.monotonic()

    build_wheels(work / "dist", wheelhouse)
    done("built every wheel")
    bin_dir = install(work / "venv", work / "dist", wheelhouse)
    done("installed masonite-skeleton from the wheels alone")
    project = work / PROJECT
    craft_new: list[str | Path] = [bin_dir / "craft", "new", PROJECT, "--path", project]
    out = run(craft_new, cwd=work, timeout=60, what="craft new", env=clean_environ())
    expect(f"Created the project {PROJECT}" in out, f"craft new said: {out!r}")
    done(f"craft new {PROJECT}")
    pytest: list[str | Path] = [bin_dir / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    out = run(pytest, cwd=project, timeout=300, what="the project's tests", env=clean_environ())
    done(f"the project's own tests: {out.strip().splitlines()[-1]}")
    # The generated code is what users start from: it must type-check strictly against the
    # installed packages (their py.typed markers and annotations) as it comes.
    mypy: list[str | Path] = [sys.executable, "-m", "mypy", "--strict", "--python-executable"]
    mypy += [bin_dir / "python", "--no-incremental", "."]
    out = run(mypy, cwd=project, timeout=300, what="mypy --strict on the project")
    done(f"mypy --strict on the project: {out.strip().splitlines()[-1]}")
    port = free_port()
    log = work / "serve.log"
    with serving(bin_dir, project, port, log) as server:
        waited = wait_until_up(server, port, log)
        print(f"craft serve answers on http://{HOST}:{port} (after {waited:.1f} s)")
        problems = check_over_http(port, project)
    done("checked over HTTP and stopped gunicorn")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new_app_e2e.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wheelhouse", type=Path, default=ROOT / "build" / "wheelhouse",
        help="third-party wheels, reused between runs (default: build/wheelhouse)",
    )  # fmt: skip
    parser.add_argument("--deadline", type=int, default=1200, help="seconds for the whole run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    def out_of_time(signum: int, frame: FrameType | None) -> None:
        raise Deadline(f"new-app: the run took longer than {args.deadline} s")

    # Every step has its own limit; this one bounds the steps that cannot take one
    # (hatch build). subprocess.run kills its child when the exception interrupts it.
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(args.deadline)
    work = Path(tempfile.mkdtemp(prefix="new-app-"))
    try:
        problems = end_to_end(work, args.wheelhouse.resolve())
    except (CheckFailed, ToolMissing, Deadline, AssertionError) as error:
        problems = [str(error) if str(error).startswith("new-app:") else f"new-app: {error}"]
    except ReleaseError as error:
        problems = [f"new-app: {problem}" for problem in error.problems]
    finally:
        signal.alarm(0)
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for problem in problems:
        print(problem)
    if problems:
        print(f"new-app: FAILED ({len(problems)} problem(s))")
        return 1
    print("new-app: a new project built from the wheels passed its tests and every HTTP check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
