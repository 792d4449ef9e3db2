"""Importing the application's own modules (``routes.web``...) from its folder only."""

from __future__ import annotations

import importlib
import importlib.util
import keyword
import sys
from pathlib import Path
from types import ModuleType

from masonite.providers.exceptions import ConfigError

__all__ = ["ensure_importable", "load_app_module"]


def ensure_importable(base_path: Path) -> None:
    """Put the application root first on ``sys.path`` (as gunicorn's working directory is)."""
    root = str(base_path)
    if root not in sys.path:
        sys.path.insert(0, root)


def load_app_module(base_path: Path, name: str) -> ModuleType | None:
    """Import the app's module ``name`` (``'routes.web'``); None when its file does not exist.

    Raises:
        ConfigError: When ``name`` is not a dotted path of identifiers, or a module of that
            name was already imported from outside the application folder.
    """
    parts = name.split(".")
    if not all(p.isidentifier() and not keyword.iskeyword(p) for p in parts):
        raise ConfigError(f"{name!r} is not a dotted module path")
    file = base_path.joinpath(*parts)
    if not file.with_suffix(".py").is_file() and not (file / "__init__.py").is_file():
        return None
    ensure_importable(base_path)
    module = sys.modules.get(name) or importlib.import_module(name)
    origin = getattr(module, "__file__", None)
    if origin is None or not Path(origin).resolve().is_relative_to(base_path):
        raise ConfigError(
            f"the module {name!r} was imported from {origin or 'elsewhere'}, not from the "
            f"application at {base_path}: another package named {parts[0]!r} shadows it"
        )
    return module
