from __future__ import annotations

import sys
from pathlib import Path

import pytest

from masonite.craft.errors import CraftError
from masonite.craft.project import (
    describe,
    find_project,
    import_entry,
    project_container,
    require_project,
)


def test_find_project(workdir: Path) -> None:
    assert find_project() is None
    (workdir / "wsgi.py").write_text("")
    assert find_project() == workdir.resolve()
    assert find_project(workdir / "missing") is None


def test_a_folder_named_wsgi_py_is_not_a_project(workdir: Path) -> None:
    (workdir / "wsgi.py").mkdir()
    assert find_project() is None


def test_require_project(workdir: Path) -> None:
    with pytest.raises(CraftError, match=r"not inside a Masonite project: .* has no wsgi\.py"):
        require_project()
    (workdir / "wsgi.py").write_text("")
    assert require_project() == workdir.resolve()


def test_import_entry_puts_the_project_first_on_sys_path(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "wsgi.py").write_text("WHO = 'other'\n")
    (project / "wsgi.py").write_text("WHO = 'project'\n")
    sys.path.insert(0, str(other))
    sys.path.append(str(project))
    module = import_entry(project)
    assert module.WHO == "project"
    assert sys.path[0] == str(project)
    assert import_entry(project) is module


def test_import_entry_replaces_another_folders_wsgi(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "wsgi.py").write_text("WHO = 'other'\n")
    assert import_entry(other).WHO == "other"
    (project / "wsgi.py").write_text("WHO = 'project'\n")
    assert import_entry(project).WHO == "project"


def test_project_container_prefers_the_container_attribute(project: Path) -> None:
    (project / "wsgi.py").write_text(
        "from fake_container import FakeContainer\n"
        "other = FakeContainer({})\ncontainer = FakeContainer({'x': 1})\n"
    )
    assert project_container(project).make("x") == 1


def test_project_container_finds_a_single_container_under_another_name(project: Path) -> None:
    (project / "wsgi.py").write_text(
        "from fake_container import FakeContainer\napp = FakeContainer({'x': 2})\n"
    )
    assert project_container(project).make("x") == 2


def test_project_container_refuses_ambiguity_and_classes(project: Path) -> None:
    (project / "wsgi.py").write_text(
        "from fake_container import FakeContainer\n"
        "a = FakeContainer({})\nb = FakeContainer({})\ncontainer = 'not one'\n"
    )
    with pytest.raises(CraftError, match="exposes no service container named 'container'"):
        project_container(project)


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (ValueError("bad"), "ValueError: bad"),
        (ValueError("first\nsecond"), "ValueError: first"),
        (ValueError("  spaced   out  "), "ValueError: spaced out"),
        (ValueError(), "ValueError"),
        (KeyError("Router"), "KeyError: 'Router'"),
        (SystemExit(2), "SystemExit: 2"),
    ],
)
def test_describe(error: BaseException, text: str) -> None:
    assert describe(error) == text
