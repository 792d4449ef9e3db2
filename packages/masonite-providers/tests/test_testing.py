from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from masonite.providers.testing import client_fixture, create_app, load_app, unload_app


def test_create_app_and_unload(example_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APP_NAME", raising=False)
    client = create_app(example_path)
    assert client.get("/").text == "Hello, World"
    assert os.environ["APP_NAME"] == "Example"  # from the app's .env
    assert "config.application" in sys.modules
    unload_app()
    assert "config.application" not in sys.modules
    assert "APP_NAME" not in os.environ
    assert str(example_path) not in sys.path
    unload_app()  # a second call is harmless


def test_two_apps_in_turn(example_path: Path, tmp_path: Path) -> None:
    (tmp_path / "wsgi.py").write_text(
        "def application(environ, start_response):\n"
        "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
        "    return [b'other']\n"
    )
    assert create_app(example_path).get("/").text == "Hello, World"
    assert create_app(tmp_path).get("/").text == "other"
    assert "config" not in sys.modules
    unload_app()


def test_not_an_app(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"holds no wsgi\.py"):
        load_app(tmp_path)


def test_a_failing_app_is_unloaded(tmp_path: Path) -> None:
    (tmp_path / "wsgi.py").write_text("raise RuntimeError('broken app')\n")
    with pytest.raises(RuntimeError, match="broken app"):
        load_app(tmp_path)
    assert str(tmp_path) not in sys.path


example_client = client_fixture(Path(__file__).resolve().parent / "example_app")


def test_client_fixture(example_client: object) -> None:
    assert example_client.get("/users/5").json()["id"] == 5  # type: ignore[attr-defined]
