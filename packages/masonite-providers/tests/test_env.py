from __future__ import annotations

from pathlib import Path

import pytest

from masonite.providers import ConfigError, env, load_env
from masonite.providers.env import to_bool


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("yes", True),
        ("on", True),
        ("false", False),
        ("0", False),
        ("No", False),
        (" off ", False),
    ],
)
def test_bool_cast_accepts_the_usual_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("FLAG", raw)
    assert env("FLAG", cast=bool) is expected
    assert env("FLAG", not expected) is expected  # a bool default picks the bool cast


def test_bad_bool_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_DEBUG", "maybe")
    with pytest.raises(ConfigError, match=r"APP_DEBUG='maybe' is not a boolean"):
        env("APP_DEBUG", False)


def test_int_and_float_casts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKERS", " 4 ")
    monkeypatch.setenv("RATIO", "0.5")
    assert env("WORKERS", 2) == 4
    assert env("WORKERS", cast=int) == 4
    assert env("RATIO", cast=float) == 0.5
    monkeypatch.setenv("WORKERS", "four")
    with pytest.raises(ConfigError, match=r"WORKERS='four' cannot be read as int"):
        env("WORKERS", 2)


def test_unset_and_empty_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    assert env("NOT_SET_ANYWHERE") is None
    assert env("NOT_SET_ANYWHERE", "x") == "x"
    monkeypatch.setenv("EMPTY", "")
    assert env("EMPTY") == ""
    assert env("EMPTY", 3) == 3  # with a cast, empty means "use the default"
    assert env("EMPTY", cast=bool) is None


def test_custom_cast_callable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOSTS", "a,b")
    assert env("HOSTS", cast=lambda v: v.split(",")) == ["a", "b"]


def test_to_bool_error_mentions_name() -> None:
    with pytest.raises(ConfigError, match="X="):
        to_bool("2", "X")


def test_dotenv_never_overrides_real_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text("FROM_FILE=file\nALREADY_SET=file\n")
    monkeypatch.setenv("ALREADY_SET", "real")
    monkeypatch.delenv("FROM_FILE", raising=False)
    try:
        assert load_env(tmp_path / ".env") is True
        assert env("FROM_FILE") == "file"
        assert env("ALREADY_SET") == "real"
    finally:
        monkeypatch.delenv("FROM_FILE", raising=False)
    assert load_env(tmp_path / "missing.env") is False
