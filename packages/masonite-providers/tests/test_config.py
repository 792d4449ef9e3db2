from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from masonite.providers import Config, ConfigError, config, load_config


@pytest.fixture
def app_root(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "__init__.py").write_text("")
    (tmp_path / "config" / "application.py").write_text(
        "DEBUG = True\nNAME = 'Demo'\nDATABASES = {'default': {'host': 'db'}}\n_PRIVATE = 1\n"
    )
    (tmp_path / "evil.py").write_text("raise SystemExit('imported outside config')\n")
    yield tmp_path
    for name in [m for m in sys.modules if m == "config" or m.startswith("config.")]:
        del sys.modules[name]


def test_dotted_lookups(app_root: Path) -> None:
    settings = Config(app_root)
    assert settings.get("application.debug") is True
    assert settings.get("application.DEBUG") is True
    assert settings("application.name") == "Demo"
    assert settings.get("application.databases.default.host") == "db"
    assert settings.get("application.missing", "d") == "d"
    assert settings.get("missing_module.x", 5) == 5
    assert settings.has("application.name")
    assert not settings.has("application.nope")
    assert isinstance(settings.module("application"), types.ModuleType)
    assert settings.module("nothing") is None


def test_private_attributes_are_not_settings(app_root: Path) -> None:
    assert Config(app_root).get("application._private") is None


@pytest.mark.parametrize(
    "name", ["../evil", "os.path", "application.", "", "a-b.c", "application.__class__", "class.x"]
)
def test_names_that_are_not_identifiers_are_refused(app_root: Path, name: str) -> None:
    settings = Config(app_root)
    if name == "os.path":  # an identifier path: looked up only inside config/, so missing
        assert settings.get(name) is None
        assert "config.os" not in sys.modules
        return
    with pytest.raises(ConfigError, match="not a dotted path of identifiers"):
        settings.get(name)


def test_never_imports_outside_the_config_folder(app_root: Path) -> None:
    settings = Config(app_root)
    assert settings.get("evil.x") is None  # evil.py is beside config/, not in it
    package = sys.modules["config"]
    assert [str(Path(p)) for p in package.__path__] == [str(app_root / "config")]


def test_a_foreign_config_package_is_reported(
    app_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    foreign = types.ModuleType("config")
    foreign.__path__ = [str(tmp_path_factory.mktemp("other"))]
    sys.modules["config"] = foreign
    with pytest.raises(ConfigError, match="already imported"):
        Config(app_root).get("application.debug")


def test_config_folder_must_be_a_package(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    with pytest.raises(ConfigError, match="is not a package"):
        Config(tmp_path).get("application.debug")


def test_values_are_cached(app_root: Path) -> None:
    settings = Config(app_root)
    assert settings.get("application.name") == "Demo"
    sys.modules["config.application"].NAME = "Changed"  # type: ignore[attr-defined]
    assert settings.get("application.name") == "Demo"


def test_a_file_inside_the_root_names_the_root(app_root: Path) -> None:
    (app_root / "wsgi.py").write_text("")
    assert Config(app_root / "wsgi.py").base_path == app_root.resolve()


def test_load_config_reads_dotenv_and_sets_the_module_helper(
    app_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (app_root / ".env").write_text("DEMO_FROM_DOTENV=yes\n")
    monkeypatch.delenv("DEMO_FROM_DOTENV", raising=False)
    loaded = load_config(app_root)
    try:
        assert config("application.name") == "Demo"
        assert loaded.get("application.debug") is True
        import os

        assert os.environ["DEMO_FROM_DOTENV"] == "yes"
    finally:
        monkeypatch.delenv("DEMO_FROM_DOTENV", raising=False)


def test_module_helper_without_an_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import masonite.providers.configuration as module

    monkeypatch.setattr(module, "_current", None)
    with pytest.raises(ConfigError, match="load_config"):
        config("application.debug")
