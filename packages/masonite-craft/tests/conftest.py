from __future__ import annotations

import sys
import textwrap
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cleo.testers.application_tester import ApplicationTester

from masonite.craft.application import CraftApplication
from masonite.craft.project import find_project

# A container with the two methods craft calls, so these tests do not depend on the
# state of masonite-container; test_integration.py uses the real packages.
FAKE_CONTAINER = """
import fnmatch


class FakeContainer:
    def __init__(self, bindings):
        self.bindings = dict(bindings)

    def make(self, key):
        return self.bindings[key]

    def collect(self, pattern):
        return {k: v for k, v in self.bindings.items() if fnmatch.fnmatchcase(k, pattern)}

    def resolve(self, cls):
        return cls()
"""


@dataclass
class Result:
    status: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test runs in an empty folder; modules imported from it are dropped after."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    saved_path = list(sys.path)
    yield work
    # Namespace packages (app/http/ without __init__.py) have a __path__ but no __file__;
    # their __path__ is recomputed from sys.path, so look before sys.path is restored.
    stale = []
    for name, module in list(sys.modules.items()):
        places = [getattr(module, "__file__", None) or "", *getattr(module, "__path__", [])]
        if any(str(place).startswith(str(tmp_path)) for place in places):
            stale.append(name)
    for name in stale:
        del sys.modules[name]
    sys.path[:] = saved_path


@pytest.fixture
def craft() -> Callable[[str], Result]:
    """Run craft like the console script does, in the current folder."""

    def run(args: str) -> Result:
        tester = ApplicationTester(CraftApplication(find_project()))
        status = tester.execute(args)
        return Result(status, tester.io.fetch_output(), tester.io.fetch_error())

    return run


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def project(workdir: Path) -> Path:
    """The current folder made a project: a wsgi.py exposing a fake container."""
    write(workdir / "fake_container.py", FAKE_CONTAINER)
    write(
        workdir / "wsgi.py",
        """
        from fake_container import FakeContainer

        container = FakeContainer({})
        application = None
        """,
    )
    return workdir


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """A small application template laid out like masonite-skeleton's."""
    root = tmp_path / "skeleton" / "template"
    write(root / "wsgi.py-tpl", '"""The {{ project_name }} application."""\napplication = None\n')
    write(root / "README.md-tpl", "# {{ project_name }}\n\nSee {{ docs_url }}.\n")
    write(root / "dot-gitignore", ".env\n# {{ project_name }} is not rendered here\n")
    write(root / "dot-env-example-tpl", "APP_NAME={{ project_name }}\nKEY=\nDEBUG=True\n")
    write(root / "config" / "application.py-tpl", 'NAME = "{{ project_name }}"\n')
    write(root / "dot-github" / "workflows" / "ci.yml", "name: ci\n")
    write(root / "resources" / "templates" / "welcome.html", "<h1>{{ title }}</h1>\n")
    (root / "storage" / "public").mkdir(parents=True)
    (root / "storage" / "public" / "favicon.ico").write_bytes(bytes(range(256)))
    script = write(root / "bin" / "run.sh-tpl", "#!/bin/sh\necho {{ project_name }}\n")
    script.chmod(0o755)
    write(root / "__pycache__" / "wsgi.cpython-312.pyc", "junk")
    write(root / "config" / "stale.pyc", "junk")
    return root


@pytest.fixture
def skeleton(template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed masonite.skeleton whose template_path() is ``template``."""
    module = types.ModuleType("masonite.skeleton")
    module.template_path = lambda: template  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "masonite.skeleton", module)
    return template


@pytest.fixture
def no_skeleton(monkeypatch: pytest.MonkeyPatch) -> None:
    """masonite.skeleton cannot be imported, as when masonite-skeleton is not installed."""
    monkeypatch.setitem(sys.modules, "masonite.skeleton", None)
