from __future__ import annotations

import os
import stat
import sys
import types
from pathlib import Path

import pytest

from masonite.craft.errors import CraftError
from masonite.craft.template import (
    check_target,
    copy_template,
    remove_partial,
    target_name,
    template_path,
    write_env,
)


@pytest.mark.parametrize(
    ("name", "result"),
    [
        ("wsgi.py-tpl", ("wsgi.py", True)),
        ("dot-gitignore", (".gitignore", False)),
        ("dot-env-example-tpl", (".env-example", True)),
        ("favicon.ico", ("favicon.ico", False)),
        ("my-tpl-notes.txt", ("my-tpl-notes.txt", False)),
        ("robots.dot-txt", ("robots.dot-txt", False)),
    ],
)
def test_target_name(name: str, result: tuple[str, bool]) -> None:
    assert target_name(name) == result


def test_template_path_comes_from_the_installed_skeleton(skeleton: Path) -> None:
    assert template_path() == skeleton


def test_template_path_without_the_skeleton_says_to_install_it(no_skeleton: None) -> None:
    with pytest.raises(CraftError, match="pip install masonite-skeleton"):
        template_path()


def test_template_path_with_an_old_skeleton(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "masonite.skeleton", types.ModuleType("masonite.skeleton"))
    with pytest.raises(CraftError, match="no template_path"):
        template_path()


def test_template_path_that_is_not_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("masonite.skeleton")
    module.template_path = lambda: tmp_path / "gone"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "masonite.skeleton", module)
    with pytest.raises(CraftError, match="template folder is missing"):
        template_path()


def test_copy_template_renders_renames_and_copies(template: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    written = copy_template(template, target, {"project_name": "blog", "app_key": "K"})
    files = sorted(p.relative_to(target).as_posix() for p in written)
    assert files == [
        ".env-example",
        ".github/workflows/ci.yml",
        ".gitignore",
        "README.md",
        "bin/run.sh",
        "config/application.py",
        "resources/templates/welcome.html",
        "storage/public/favicon.ico",
        "wsgi.py",
    ]
    assert (target / "wsgi.py").read_text() == '"""The blog application."""\napplication = None\n'
    assert (target / "README.md").read_text() == "# blog\n\nSee {{ docs_url }}.\n"
    assert "{{ project_name }} is not rendered" in (target / ".gitignore").read_text()
    assert (target / "resources/templates/welcome.html").read_text() == "<h1>{{ title }}</h1>\n"
    assert (target / "storage/public/favicon.ico").read_bytes() == bytes(range(256))
    assert not (target / "__pycache__").exists()
    assert not (target / "config" / "stale.pyc").exists()
    if os.name == "posix":
        assert stat.S_IMODE((target / "bin/run.sh").stat().st_mode) == 0o755


def test_copy_template_refuses_two_entries_for_one_path(tmp_path: Path) -> None:
    source = tmp_path / "template"
    source.mkdir()
    (source / "wsgi.py").write_text("a")
    (source / "wsgi.py-tpl").write_text("b")
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(CraftError, match=r"wsgi\.py twice"):
        copy_template(source, target, {})


def test_check_target_accepts_missing_and_empty_folders(tmp_path: Path) -> None:
    check_target(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    check_target(tmp_path / "empty")


def test_check_target_refuses_files_and_non_empty_folders(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(CraftError, match="is not a folder"):
        check_target(tmp_path / "file")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / ".hidden").write_text("x")
    with pytest.raises(CraftError, match="not empty"):
        check_target(tmp_path / "full")


def test_write_env_sets_the_key_from_the_example(tmp_path: Path) -> None:
    (tmp_path / ".env-example").write_text("APP_NAME=blog\nKEY=\nDEBUG=True\n")
    env = write_env(tmp_path, "K")
    assert env == tmp_path / ".env"
    assert env.read_text() == "APP_NAME=blog\nKEY=K\nDEBUG=True\n"
    assert (tmp_path / ".env-example").read_text() == "APP_NAME=blog\nKEY=\nDEBUG=True\n"
    if os.name == "posix":
        assert stat.S_IMODE(env.stat().st_mode) == 0o600


def test_write_env_without_an_example_writes_nothing(tmp_path: Path) -> None:
    assert write_env(tmp_path, "K") is None
    assert not (tmp_path / ".env").exists()


def test_remove_partial_removes_a_created_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    (target / "a").mkdir(parents=True)
    remove_partial(target, created=True)
    assert not target.exists()


def test_remove_partial_empties_a_folder_that_existed(tmp_path: Path) -> None:
    target = tmp_path / "out"
    (target / "a" / "b").mkdir(parents=True)
    (target / "f").write_text("x")
    remove_partial(target, created=False)
    assert target.is_dir()
    assert list(target.iterdir()) == []
