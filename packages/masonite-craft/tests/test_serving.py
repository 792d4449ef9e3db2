from __future__ import annotations

import sys
from pathlib import Path

import pytest

from masonite.craft.serving import gunicorn_accepts, gunicorn_argv, watched_files


def test_gunicorn_argv(tmp_path: Path) -> None:
    argv = gunicorn_argv("py", tmp_path, host="127.0.0.1", port=8000, workers=2, reload=False)
    assert argv == [
        "py", "-m", "gunicorn", "--chdir", str(tmp_path),
        "-w", "2", "-b", "127.0.0.1:8000", "wsgi:application",
    ]  # fmt: skip


def test_gunicorn_argv_ipv6_and_reload(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("")
    argv = gunicorn_argv("py", tmp_path, host="::", port=1, workers=1, reload=True)
    assert argv[argv.index("-b") + 1] == "[::]:1"
    assert argv[-4:] == [
        "--reload",
        "--reload-extra-file",
        str(tmp_path / ".env"),
        "wsgi:application",
    ]


def test_gunicorn_argv_without_control_socket(tmp_path: Path) -> None:
    argv = gunicorn_argv(
        "py", tmp_path, host="h", port=1, workers=1, reload=True, no_control_socket=True
    )
    assert argv[-3:] == ["--no-control-socket", "--reload", "wsgi:application"]


def test_gunicorn_accepts_follows_the_installed_version() -> None:
    import gunicorn

    assert gunicorn_accepts("--workers")
    assert gunicorn_accepts("--no-control-socket") is (tuple(gunicorn.version_info[:2]) >= (25, 1))
    assert not gunicorn_accepts("--no-such-option")


def test_gunicorn_accepts_nothing_without_gunicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gunicorn.config", None)
    assert not gunicorn_accepts("--workers")


def test_watched_files(tmp_path: Path) -> None:
    assert watched_files(tmp_path) == []
    templates = tmp_path / "resources" / "templates"
    (templates / "b").mkdir(parents=True)
    (templates / "b" / "x.html").write_text("")
    (templates / "a.html").write_text("")
    (tmp_path / ".env-example").write_text("")
    (tmp_path / ".env").write_text("")
    assert watched_files(tmp_path) == [
        templates / "a.html",
        templates / "b" / "x.html",
        tmp_path / ".env",
        tmp_path / ".env-example",
    ]
