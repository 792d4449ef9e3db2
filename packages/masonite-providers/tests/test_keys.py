from __future__ import annotations

import logging
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from masonite.providers import Config, ConfigError
from masonite.providers.keys import application_key, derive_key, fernet_key


def test_each_purpose_gets_its_own_key() -> None:
    assert derive_key("k", "a") != derive_key("k", "b")
    assert derive_key("k", "a") == derive_key(b"k", "a")
    assert len(derive_key("any string at all", "x")) == 32
    Fernet(fernet_key("short", "session.cookie"))  # any key string makes a valid Fernet key


def test_empty_key_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        derive_key("", "x")


def _app(tmp_path: Path, body: str) -> Config:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "__init__.py").write_text("")
    (tmp_path / "config" / "application.py").write_text(body)
    return Config(tmp_path)


@pytest.fixture(autouse=True)
def _forget_config_package() -> object:
    import sys

    yield
    for name in [m for m in sys.modules if m == "config" or m.startswith("config.")]:
        del sys.modules[name]


def test_missing_key_in_production_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"KEY is empty and DEBUG is off.*craft key --store"):
        application_key(_app(tmp_path, "DEBUG = False\nKEY = ''\n"))


def test_missing_key_in_debug_uses_a_process_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _app(tmp_path, "DEBUG = True\nKEY = None\n")
    with caplog.at_level(logging.WARNING, logger="masonite"):
        first = application_key(settings)
    assert first == application_key(settings)
    assert "KEY is empty" in caplog.text


def test_configured_key_is_returned(tmp_path: Path) -> None:
    assert application_key(_app(tmp_path, "DEBUG = False\nKEY = 'secret'\n")) == "secret"
