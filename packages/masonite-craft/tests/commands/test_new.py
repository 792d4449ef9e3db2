from __future__ import annotations

import base64
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cleo.testers.command_tester import CommandTester

from masonite.craft.commands.new import NewCommand


def run(args: str) -> tuple[int, str, str]:
    tester = CommandTester(NewCommand())
    status = tester.execute(args)
    return status, tester.io.fetch_output(), tester.io.fetch_error()


def test_new_creates_the_project_in_a_folder_named_after_it(skeleton: Path, workdir: Path) -> None:
    status, out, err = run("blog")
    assert (status, err) == (0, "")
    target = workdir / "blog"
    assert (target / "wsgi.py").read_text().startswith('"""The blog application."""')
    assert (target / "config" / "application.py").read_text() == 'NAME = "blog"\n'
    assert (target / ".gitignore").is_file()
    assert (target / ".env-example").read_text() == "APP_NAME=blog\nKEY=\nDEBUG=True\n"
    assert f"Created the project blog in {target}" in out
    assert "cd blog\n" in out
    assert "craft serve" in out


def test_new_writes_env_with_a_fresh_key(skeleton: Path, workdir: Path) -> None:
    run("one")
    run("two")
    keys = []
    for name in ("one", "two"):
        lines = (workdir / name / ".env").read_text().splitlines()
        assert lines[0] == f"APP_NAME={name}"
        assert lines[2] == "DEBUG=True"
        key = lines[1].removeprefix("KEY=")
        assert len(base64.urlsafe_b64decode(key)) == 32
        keys.append(key)
    assert keys[0] != keys[1]


def test_new_renders_app_key_with_the_same_key_as_env(skeleton: Path, workdir: Path) -> None:
    (skeleton / "config" / "key.py-tpl").write_text('KEY = "{{ app_key }}"\n')
    run("blog")
    key = (workdir / "blog" / ".env").read_text().splitlines()[1].removeprefix("KEY=")
    assert (workdir / "blog" / "config" / "key.py").read_text() == f'KEY = "{key}"\n'


def test_new_with_path_uses_that_folder(skeleton: Path, workdir: Path) -> None:
    status, out, _ = run("blog --path sites/my-blog")
    assert status == 0
    assert (workdir / "sites" / "my-blog" / "wsgi.py").is_file()
    assert "cd sites/my-blog\n" in out


def test_new_into_the_current_empty_folder(skeleton: Path, workdir: Path) -> None:
    status, out, _ = run("blog --path .")
    assert status == 0
    assert (workdir / "wsgi.py").is_file()
    assert "cd " not in out


def test_new_quotes_a_folder_with_spaces_in_the_next_steps(skeleton: Path) -> None:
    status, out, _ = run('blog --path "my sites/blog"')
    assert status == 0
    assert "cd 'my sites/blog'\n" in out


def test_new_refuses_a_non_empty_target(skeleton: Path, workdir: Path) -> None:
    (workdir / "blog").mkdir()
    (workdir / "blog" / "notes.txt").write_text("mine")
    status, out, err = run("blog")
    assert status == 1
    assert out == ""
    assert (
        err == f"craft: {workdir / 'blog'} already exists and is not empty; choose another folder\n"
    )
    assert [p.name for p in (workdir / "blog").iterdir()] == ["notes.txt"]


def test_new_refuses_a_target_that_is_a_file(skeleton: Path, workdir: Path) -> None:
    (workdir / "blog").write_text("x")
    status, _, err = run("blog")
    assert status == 1
    assert err.endswith("blog exists and is not a folder\n")


def test_new_accepts_an_existing_empty_target(skeleton: Path, workdir: Path) -> None:
    (workdir / "blog").mkdir()
    assert run("blog")[0] == 0
    assert (workdir / "blog" / "wsgi.py").is_file()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("2blog", "'2blog' is not a valid project name"),
        ("my.blog", "'my.blog' is not a valid project name"),
        ("test", "'test' clashes with a name the project uses"),
        ("masonite", "'masonite' clashes with a name the project uses"),
        ("json", "'json' clashes with the standard library module 'json'"),
    ],
)
def test_new_refuses_invalid_names(skeleton: Path, workdir: Path, name: str, message: str) -> None:
    status, out, err = run(name)
    assert status == 1
    assert out == ""
    assert err.startswith(f"craft: {message}")
    assert err.count("\n") == 1
    assert list(workdir.iterdir()) == []


def test_new_refuses_an_empty_path(skeleton: Path) -> None:
    status, _, err = run('blog --path ""')
    assert status == 1
    assert err == "craft: --path is empty\n"


def test_new_without_the_skeleton_says_to_install_it(no_skeleton: None, workdir: Path) -> None:
    status, out, err = run("blog")
    assert status == 1
    assert out == ""
    assert err == (
        "craft: masonite-skeleton is not installed, and craft new copies its template:"
        " pip install masonite-skeleton\n"
    )
    assert list(workdir.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX, not root")
def test_new_cleans_up_after_a_failed_copy(skeleton: Path, workdir: Path) -> None:
    unreadable = skeleton / "secret.txt"
    unreadable.write_text("x")
    unreadable.chmod(0)
    status, _, err = run("blog")
    assert status == 1
    assert err.startswith(f"craft: could not create the project in {workdir / 'blog'}: ")
    assert err.count("\n") == 1
    assert not (workdir / "blog").exists()


def test_new_cleans_up_after_a_failed_copy_even_as_root(
    skeleton: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    def fail(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(shutil, "copyfile", fail)
    (workdir / "blog").mkdir()
    status, _, err = run("blog")
    assert status == 1
    assert "Permission denied" in err
    assert (workdir / "blog").is_dir()
    assert list((workdir / "blog").iterdir()) == []


def test_new_refuses_a_template_with_undecodable_rendered_text(
    skeleton: Path, workdir: Path
) -> None:
    (skeleton / "bad.txt-tpl").write_bytes(b"\xff\xfe{{ project_name }}")
    status, _, err = run("blog")
    assert status == 1
    assert "could not create the project" in err
    assert not (workdir / "blog").exists()


def test_new_through_the_application(skeleton: Path, craft: Callable[[str], Any]) -> None:
    result = craft("new blog")
    assert result.status == 0
    assert "Created the project blog" in result.out


def test_new_usage_errors_are_one_line(craft: Callable[[str], Any]) -> None:
    result = craft("new")
    assert result.status == 1
    assert result.err == 'craft: Not enough arguments (missing: "name") (see: craft new --help)\n'
    result = craft("new a b")
    assert result.status == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith("craft: Too many arguments")


def test_new_help(craft: Callable[[str], Any]) -> None:
    for args in ("new --help", "help new"):
        result = craft(args)
        assert result.status == 0
        assert "craft new blog --path ." in result.out
        assert "--path" in result.out
