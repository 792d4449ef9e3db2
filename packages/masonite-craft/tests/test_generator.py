from __future__ import annotations

from pathlib import Path

import pytest
from cleo.testers.command_tester import CommandTester

from masonite.craft.errors import CraftError
from masonite.craft.generator import GeneratorCommand, stub, write_new


class NoteCommand(GeneratorCommand):
    name = "note"
    folder = ("notes",)

    def plan(self, name: str) -> tuple[tuple[str, ...], str]:
        return ("deep", f"{name}.txt"), f"note {name}\n"


def test_a_generator_writes_its_plan_under_its_folder(project: Path) -> None:
    tester = CommandTester(NoteCommand())
    assert tester.execute("hello") == 0
    assert tester.io.fetch_output() == "Created notes/deep/hello.txt\n"
    assert (project / "notes" / "deep" / "hello.txt").read_text() == "note hello\n"


def test_write_new_creates_folders_and_refuses_existing_files(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b.py"
    write_new(path, "x = 1\n", Path("a/b.py"))
    assert path.read_text() == "x = 1\n"
    with pytest.raises(CraftError, match=r"a/b\.py already exists; craft never overwrites a file"):
        write_new(path, "x = 2\n", Path("a/b.py"))
    assert path.read_text() == "x = 1\n"


def test_write_new_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.py"
    link.symlink_to(tmp_path / "elsewhere.py")
    with pytest.raises(CraftError, match="already exists"):
        write_new(link, "x", Path("link.py"))
    assert not (tmp_path / "elsewhere.py").exists()


def test_stub_renders_a_packaged_stub() -> None:
    text = stub("middleware.py", {"class_name": "AuthMiddleware"})
    assert "class AuthMiddleware:" in text
    assert "{{" not in text


@pytest.mark.parametrize(
    "name",
    [
        "controller.py",
        "controller_resource.py",
        "middleware.py",
        "provider.py",
        "command.py",
        "view.html",
        "view_layout.html",
    ],
)
def test_every_stub_is_packaged(name: str) -> None:
    assert stub(name, {})
