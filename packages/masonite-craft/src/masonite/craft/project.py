"""Finding the project craft runs in and reaching its container through `wsgi.py`."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from masonite.craft.command import one_line
from masonite.craft.errors import CraftError

ENTRY_MODULE = "wsgi"


def find_project(directory: Path | None = None) -> Path | None:
    """Return ``directory`` (default: the current one) if it holds ``wsgi.py``, else None."""
    root = (directory or Path.cwd()).resolve()
    return root if (root / f"{ENTRY_MODULE}.py").is_file() else None


def require_project(directory: Path | None = None) -> Path:
    """Return the project folder, or raise a one-line error outside a project.

    Raises:
        CraftError: When the folder holds no ``wsgi.py``.
    """
    root = find_project(directory)
    if root is None:
        where = (directory or Path.cwd()).resolve()
        raise CraftError(
            f"not inside a Masonite project: {where} has no wsgi.py (cd into the project)"
        )
    return root


def import_entry(root: Path) -> ModuleType:
    """Import the project's ``wsgi`` module from ``root``, as gunicorn would.

    ``root`` goes first on ``sys.path`` so that ``wsgi`` and the project's own packages
    (``app``, ``config``, ``routes``) are the ones found. A second call returns the
    module already imported.

    Raises:
        CraftError: When importing fails; the message is the exception's first line,
            never a traceback.
    """
    entry = str(root)
    if entry in sys.path:
        sys.path.remove(entry)
    sys.path.insert(0, entry)
    loaded = sys.modules.get(ENTRY_MODULE)
    if loaded is not None:
        if _is_under(loaded, root):
            return loaded
        del sys.modules[ENTRY_MODULE]  # another folder's wsgi: not this project's
    try:
        return importlib.import_module(ENTRY_MODULE)
    except (Exception, SystemExit) as error:  # the project's own code: report any failure
        raise CraftError(f"could not import the project's wsgi.py: {describe(error)}") from None


def project_container(root: Path) -> Any:
    """Return the service container of the project in ``root``.

    It is the ``container`` attribute of ``wsgi.py`` (the name Masonite projects have
    always used), or else the one module attribute that looks like a container.

    Raises:
        CraftError: When ``wsgi.py`` fails to import or exposes no container.
    """
    module = import_entry(root)
    container = getattr(module, "container", None)
    if _is_container(container):
        return container
    found = [value for value in vars(module).values() if _is_container(value)]
    if len(found) == 1:
        return found[0]
    raise CraftError("the project's wsgi.py exposes no service container named 'container'")


def describe(error: BaseException) -> str:
    """``ExceptionType: first line of the message``: how craft reports a failure."""
    message = str(error).strip()
    lines = message.splitlines()
    first = one_line(lines[0]) if lines else ""
    name = type(error).__name__
    return f"{name}: {first}" if first else name


def _is_container(value: object) -> bool:
    return (
        not isinstance(value, type)
        and callable(getattr(value, "make", None))
        and callable(getattr(value, "collect", None))
    )


def _is_under(module: ModuleType, root: Path) -> bool:
    location = getattr(module, "__file__", None)
    return location is not None and Path(location).resolve().parent == root
