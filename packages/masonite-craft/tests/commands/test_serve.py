from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cleo.testers.command_tester import CommandTester

from masonite.craft import serving
from masonite.craft.commands.serve import ServeCommand


class Exec(Exception):
    """Raised by the fake os.execvp: the real one never returns either."""


@pytest.fixture
def execs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str], str]]:
    calls: list[tuple[str, list[str], str]] = []

    def fake_execvp(file: str, args: list[str]) -> None:
        calls.append((file, list(args), os.getcwd()))
        raise Exec

    monkeypatch.setattr(os, "execvp", fake_execvp)
    return calls


def serve(args: str = "") -> tuple[CommandTester, bool]:
    tester = CommandTester(ServeCommand())
    try:
        tester.execute(args)
    except Exec:
        return tester, True
    return tester, False


def test_serve_execs_gunicorn_with_the_defaults(
    project: Path, execs: list[tuple[str, list[str], str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serving, "gunicorn_accepts", lambda flag: False)  # gunicorn < 25.1
    tester, replaced = serve()
    assert replaced
    file, argv, cwd = execs[0]
    assert file == sys.executable
    assert argv == [
        sys.executable, "-m", "gunicorn", "--chdir", str(project),
        "-w", "2", "-b", "127.0.0.1:8000", "wsgi:application",
    ]  # fmt: skip
    assert cwd == str(project)
    assert "Serving work on http://127.0.0.1:8000" in tester.io.fetch_output()


def test_serve_disables_the_control_socket_when_gunicorn_has_one(
    project: Path, execs: list[tuple[str, list[str], str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def accepts(flag: str) -> bool:
        asked.append(flag)
        return True

    monkeypatch.setattr(serving, "gunicorn_accepts", accepts)
    serve()
    assert asked == ["--no-control-socket"]
    argv = execs[0][1]
    assert argv[-2:] == ["--no-control-socket", "wsgi:application"]


def test_serve_asks_the_installed_gunicorn_about_the_control_socket(
    project: Path, execs: list[tuple[str, list[str], str]]
) -> None:
    import gunicorn

    serve()
    # Two `craft serve` at once must not share gunicorn's per-user control socket path.
    has_control_socket = tuple(gunicorn.version_info[:2]) >= (25, 1)
    assert ("--no-control-socket" in execs[0][1]) is has_control_socket


def test_serve_passes_host_port_and_workers(
    project: Path, execs: list[tuple[str, list[str], str]]
) -> None:
    serve("--host 0.0.0.0 --port 9000 --workers 4")
    argv = execs[0][1]
    assert argv[argv.index("-w") + 1] == "4"
    assert argv[argv.index("-b") + 1] == "0.0.0.0:9000"


@pytest.mark.parametrize("host", ["::1", "[::1]"])
def test_serve_brackets_ipv6_hosts(
    project: Path, execs: list[tuple[str, list[str], str]], host: str
) -> None:
    tester, _ = serve(f"--host {host} -p 8080")
    argv = execs[0][1]
    assert argv[argv.index("-b") + 1] == "[::1]:8080"
    assert "http://[::1]:8080" in tester.io.fetch_output()


def test_serve_reload_watches_templates_and_env_files(
    project: Path, execs: list[tuple[str, list[str], str]]
) -> None:
    templates = project / "resources" / "templates"
    (templates / "errors").mkdir(parents=True)
    (templates / "welcome.html").write_text("x")
    (templates / "errors" / "404.html").write_text("x")
    (project / ".env").write_text("KEY=x\n")
    serve("--reload")
    argv = execs[0][1]
    assert "--reload" in argv
    extra = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--reload-extra-file"]
    assert extra == [
        str(templates / "errors" / "404.html"),
        str(templates / "welcome.html"),
        str(project / ".env"),
    ]
    assert argv[-1] == "wsgi:application"


def test_serve_reload_without_templates_or_env(
    project: Path, execs: list[tuple[str, list[str], str]]
) -> None:
    serve("-r")
    argv = execs[0][1]
    assert "--reload" in argv
    assert "--reload-extra-file" not in argv


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("--port 0", "--port must be a whole number from 1 to 65535, not '0'"),
        ("--port 65536", "--port must be a whole number from 1 to 65535, not '65536'"),
        ("--port=-1", "--port must be a whole number from 1 to 65535, not '-1'"),
        ("--port http", "--port must be a whole number from 1 to 65535, not 'http'"),
        ("--port ٣٠٠٠", "--port must be a whole number from 1 to 65535, not '٣٠٠٠'"),
        ("--workers 0", "--workers must be a whole number from 1 to 512, not '0'"),
        ("--workers two", "--workers must be a whole number from 1 to 512, not 'two'"),
        ('--host ""', "--host is empty"),
        ('--host "  "', "--host is empty"),
        ('--host "a b"', "--host 'a b' is not a host name or an IP address"),
        ("--host unix:/tmp/s", "--host 'unix:/tmp/s' is not a host name or an IP address"),
        ("--host=-w", "--host '-w' is not a host name or an IP address"),
    ],
)
def test_serve_refuses_invalid_options(
    project: Path, execs: list[tuple[str, list[str], str]], args: str, message: str
) -> None:
    tester, replaced = serve(args)
    assert not replaced
    assert execs == []
    assert tester.status_code == 1
    assert tester.io.fetch_error() == f"craft: {message}\n"


def test_serve_outside_a_project_is_one_line(
    workdir: Path, execs: list[tuple[str, list[str], str]]
) -> None:
    tester, replaced = serve()
    assert not replaced
    assert tester.status_code == 1
    assert tester.io.fetch_error() == (
        f"craft: not inside a Masonite project: {workdir} has no wsgi.py (cd into the project)\n"
    )


def test_serve_without_gunicorn(
    project: Path, execs: list[tuple[str, list[str], str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "gunicorn" else real(name)
    )
    tester, replaced = serve()
    assert not replaced
    assert (
        tester.io.fetch_error() == "craft: gunicorn is not installed here: pip install gunicorn\n"
    )


def test_serve_usage_error_is_one_line(craft: Callable[[str], Any], project: Path) -> None:
    result = craft("serve --port")
    assert result.status == 1
    assert result.err == 'craft: The "--port" option requires a value (see: craft serve --help)\n'


def test_serve_help(craft: Callable[[str], Any]) -> None:
    result = craft("serve --help")
    assert result.status == 0
    for text in ("--host", "--port", "--workers", "--reload", "127.0.0.1", "8000"):
        assert text in result.out
