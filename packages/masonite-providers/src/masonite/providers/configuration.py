"""The application's configuration: the modules of its ``config`` package, looked up by path.

``config("application.debug")`` imports ``<app>/config/application.py`` once and returns its
``DEBUG`` (the attribute as written, else upper-cased; later segments walk into dicts and
attributes). Look-ups are confined to the app's own ``config`` package: every segment must
be an identifier, and modules are only ever imported from that package's folder. Results are
cached, so a look-up during a request is a dict hit, never a file read.
"""

from __future__ import annotations

import importlib
import importlib.util
import keyword
import os
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

from masonite.providers.app_modules import ensure_importable
from masonite.providers.env import load_env
from masonite.providers.exceptions import ConfigError

__all__ = ["Config", "config", "load_config"]

PACKAGE = "config"
_MISSING: Any = object()
_current: Config | None = None


class Config:
    """The configuration of one application folder.

    Args:
        base_path: The application's root folder (the one holding ``wsgi.py`` and
            ``config/``), or any file directly inside it (``__file__`` of ``wsgi.py``).

    Attributes:
        base_path: The application root, absolute.
        config_path: ``<base_path>/config``.
    """

    def __init__(self, base_path: str | os.PathLike[str]) -> None:
        root = Path(base_path).resolve()
        if root.is_file():
            root = root.parent
        self.base_path = root
        self.config_path = root / PACKAGE
        self._values: dict[str, Any] = {}
        #: The throw-away key used in debug mode when ``KEY`` is empty (see keys.py).
        self.generated_key: str | None = None
        # Re-entrant: a config module may itself call config() while it is imported.
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"Config({str(self.base_path)!r})"

    def get(self, name: str, default: Any = None) -> Any:
        """Return the setting at dotted ``name`` (``"session.driver"``), or ``default``.

        Raises:
            ConfigError: When ``name`` is not a dotted path of identifiers.
        """
        value = self._values.get(name, _MISSING)
        if value is _MISSING:
            value = self._lookup(name)
            self._values[name] = value
        return default if value is _MISSING else value

    __call__ = get

    def has(self, name: str) -> bool:
        """Return True when the setting at dotted ``name`` exists."""
        return self.get(name, _MISSING) is not _MISSING

    def module(self, name: str) -> ModuleType | None:
        """Return the module ``config/<name>.py`` of this app, or None when it does not exist.

        Raises:
            ConfigError: When ``name`` is not an identifier, or another package named
                ``config`` is already imported.
        """
        _check_segment(name, name)
        self._package()
        qualified = f"{PACKAGE}.{name}"
        with self._lock:
            loaded = sys.modules.get(qualified)
            if loaded is not None:
                return loaded
            if (
                not (self.config_path / f"{name}.py").is_file()
                and not (self.config_path / name / "__init__.py").is_file()
            ):
                return None
            # _package() checked that its __path__ is exactly the app's config folder, so
            # the import cannot find a module anywhere else.
            return importlib.import_module(qualified)

    def _lookup(self, name: str) -> Any:
        segments = name.split(".")
        for segment in segments:
            _check_segment(segment, name)
        module = self.module(segments[0])
        if module is None:
            return _MISSING
        value: Any = module
        for segment in segments[1:]:
            value = _step(value, segment)
            if value is _MISSING:
                return _MISSING
        return value

    def _package(self) -> ModuleType:
        """Import (once) the app's ``config`` package from its folder, never from elsewhere."""
        with self._lock:
            package = sys.modules.get(PACKAGE)
            if package is not None:
                paths = [Path(p).resolve() for p in getattr(package, "__path__", ())]
                if paths != [self.config_path]:
                    where = getattr(package, "__file__", None) or paths or "an unknown place"
                    raise ConfigError(
                        f"a module named 'config' from {where} is already imported, so "
                        f"the application's config package at {self.config_path} cannot be"
                    )
                return package
            init = self.config_path / "__init__.py"
            if not init.is_file():
                raise ConfigError(
                    f"{self.config_path} is not a package: create {init} (it may be empty)"
                )
            spec = importlib.util.spec_from_file_location(
                PACKAGE, init, submodule_search_locations=[str(self.config_path)]
            )
            assert spec is not None
            assert spec.loader is not None
            package = importlib.util.module_from_spec(spec)
            sys.modules[PACKAGE] = package
            try:
                spec.loader.exec_module(package)
            except BaseException:
                del sys.modules[PACKAGE]
                raise
            return package


def _check_segment(segment: str, name: str) -> None:
    if not segment.isidentifier() or keyword.iskeyword(segment) or segment.startswith("__"):
        raise ConfigError(
            f"config name {name!r} is not a dotted path of identifiers (like 'application.debug')"
        )


def _step(value: Any, segment: str) -> Any:
    """Go one level down: a dict key, else an attribute; each as written, then upper-cased."""
    for key in (segment, segment.upper()) if segment != segment.upper() else (segment,):
        if isinstance(value, dict):
            if key in value:
                return value[key]
        elif isinstance(value, ModuleType) or not isinstance(value, list | tuple | str):
            found = getattr(value, key, _MISSING)
            if found is not _MISSING and not key.startswith("_"):
                return found
    return _MISSING


def load_config(base_path: str | os.PathLike[str]) -> Config:
    """Read ``<base_path>/.env`` into the environment, then return the app's :class:`Config`.

    The application root is put first on ``sys.path`` when it is not there (gunicorn's
    working directory usually is), so ``routes`` and ``app.http.controllers`` import. The
    returned object also becomes the one the module-level :func:`config` reads.

    Args:
        base_path: The application root, or a file inside it (pass ``__file__`` from
            ``wsgi.py``).
    """
    global _current
    loaded = Config(base_path)
    load_env(loaded.base_path / ".env")
    # The app's packages (routes, app.http.controllers...) are imported by name.
    ensure_importable(loaded.base_path)
    _current = loaded
    return loaded


def config(name: str, default: Any = None) -> Any:
    """Return the setting at dotted ``name`` of the application loaded last.

    Example:
        >>> from masonite.providers import config
        >>> config("application.debug")
        False

    Raises:
        ConfigError: When no application was loaded (:func:`load_config` was not called)
            or ``name`` is not a dotted path of identifiers.
    """
    if _current is None:
        raise ConfigError("no application configuration is loaded: call load_config() first")
    return _current.get(name, default)
