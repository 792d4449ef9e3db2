from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import masonite.providers.configuration as config_module
from masonite.providers.testing import create_app, unload_app
from masonite.request.testing import Client

EXAMPLE = Path(__file__).resolve().parent / "example_app"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def make_client(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Boot the example app with extra environment variables: make_client(APP_DEBUG="true")."""

    def make(**variables: str) -> Client:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return create_app(EXAMPLE)

    yield make
    unload_app()


@pytest.fixture
def client(make_client: object) -> Client:
    return make_client()  # type: ignore[operator]


@pytest.fixture(autouse=True)
def _isolated(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """No test leaves an app imported or a current configuration behind."""
    caplog.set_level(logging.INFO, logger="masonite")
    saved = config_module._current
    yield
    config_module._current = saved
    assert "wsgi" not in sys.modules
