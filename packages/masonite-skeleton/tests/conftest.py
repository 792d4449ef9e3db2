from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cleo.testers.command_tester import CommandTester

from masonite.craft.commands.new import NewCommand
from masonite.providers.testing import create_app, unload_app
from masonite.request.testing import Client

# The top-level modules of a generated application (see the template).
APP_MODULES = frozenset({"wsgi", "app", "bootstrap", "config", "routes"})


def craft_new(name: str, target: Path) -> Path:
    """Run ``craft new NAME --path TARGET`` through cleo's CommandTester."""
    tester = CommandTester(NewCommand())
    status = tester.execute(f"{name} --path {target}")
    assert status == 0, tester.io.fetch_error()
    return target


def forget_app_modules() -> None:
    """Drop a generated app's modules, as if it had never been imported."""
    for name in list(sys.modules):
        if name.partition(".")[0] in APP_MODULES:
            del sys.modules[name]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One application made by ``craft new blog``, shared by a test module (read-only)."""
    return craft_new("blog", tmp_path_factory.mktemp("generated") / "blog")


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """An application of its own for a test that changes it."""
    return craft_new("blog", tmp_path / "blog")


@pytest.fixture
def boot() -> Iterator[Callable[[Path], Client]]:
    """Boot an application folder in-process; everything it imported is forgotten after."""
    saved_path = list(sys.path)
    saved_cwd = os.getcwd()

    def start(root: Path) -> Client:
        return create_app(root)

    yield start
    unload_app()
    forget_app_modules()
    sys.path[:] = saved_path
    os.chdir(saved_cwd)


@pytest.fixture
def client(generated: Path, boot: Callable[[Path], Client]) -> Client:
    """A test client of the shared generated application, with no cookies yet."""
    return boot(generated)
