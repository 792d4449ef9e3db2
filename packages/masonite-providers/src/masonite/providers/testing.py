"""Testing an application in-process: boot its folder, get a test client.

In a generated app's ``tests/conftest.py``::

    from pathlib import Path
    from masonite.providers.testing import client_fixture

    client = client_fixture(Path(__file__).resolve().parents[1])

and a test is one line: ``assert client.get("/").status_code == 200``.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from masonite.request.testing import Client

__all__ = ["client_fixture", "create_app", "load_app", "unload_app"]

Scope = Literal["function", "class", "module", "package", "session"]

# The application currently imported by create_app: its root, the top-level module names
# it may own (wsgi, config, routes, app, bootstrap...) and the environment before it.
_loaded: dict[str, Any] = {}


def _top_level_names(root: Path) -> set[str]:
    names = {"wsgi", "config", "routes", "app", "bootstrap"}
    for entry in root.iterdir():
        if entry.suffix == ".py":
            names.add(entry.stem)
        elif (entry / "__init__.py").is_file():
            names.add(entry.name)
    return {name for name in names if name.isidentifier()}


def unload_app() -> None:
    """Forget the application :func:`create_app` imported last.

    Its modules leave ``sys.modules``, its folder leaves ``sys.path`` and the variables
    its ``.env`` added to the environment are removed, so the next app starts clean.
    """
    if not _loaded:
        return
    names: set[str] = _loaded["names"]
    for module in list(sys.modules):
        if module.partition(".")[0] in names:
            del sys.modules[module]
    root = _loaded["root"]
    while root in sys.path:
        sys.path.remove(root)
    added: dict[str, str] = _loaded.get("added", {})
    for name, value in added.items():
        if os.environ.get(name) == value:  # still what the app's .env put there
            del os.environ[name]
    _loaded.clear()
    importlib.invalidate_caches()


def load_app(path: str | os.PathLike[str], *, module: str = "wsgi") -> Any:
    """Import the application in folder ``path`` and return its WSGI ``application``.

    The app's ``wsgi.py`` runs as under gunicorn (providers registered, booted once). An
    app imported before is unloaded first (its modules share names such as ``config`` and
    ``routes`` with every other app), so use one app at a time per process.

    Args:
        path: The application root (holding ``wsgi.py``).
        module: The module that defines ``application``.

    Raises:
        FileNotFoundError: ``path`` has no ``<module>.py``.
    """
    root = Path(path).resolve()
    if not (root / f"{module}.py").is_file():
        raise FileNotFoundError(f"{root} holds no {module}.py: not a Masonite application folder")
    unload_app()
    names = _top_level_names(root)
    for loaded in list(sys.modules):
        if loaded.partition(".")[0] in names:
            del sys.modules[loaded]
    _loaded.update(root=str(root), names=names)
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    before = set(os.environ)
    try:
        application = importlib.import_module(module).application
    except BaseException:
        _loaded["added"] = {name: os.environ[name] for name in set(os.environ) - before}
        unload_app()
        raise
    # .env never overrides, it only adds: remember what it added, to remove it later.
    _loaded["added"] = {name: os.environ[name] for name in set(os.environ) - before}
    return application


def create_app(path: str | os.PathLike[str], *, module: str = "wsgi") -> Client:
    """Import the application in folder ``path`` and return a test client for it.

    See :func:`load_app`. The client calls the app in-process, under
    ``wsgiref.validate``, and keeps cookies between calls.
    """
    return Client(load_app(path, module=module))


def client_fixture(
    path: str | os.PathLike[str], *, scope: Scope = "function"
) -> Callable[..., Any]:
    """Return a pytest fixture that yields :func:`create_app`'s client for ``path``.

    Args:
        path: The application root.
        scope: The pytest fixture scope (``"function"``: a fresh app, so fresh cookies
            and sessions, for each test).
    """
    import pytest  # type: ignore[import-not-found, unused-ignore]

    def client() -> Iterator[Client]:
        yield create_app(path)
        unload_app()

    fixture: Callable[..., Any] = pytest.fixture(client, scope=scope)
    return fixture
