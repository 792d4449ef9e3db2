from __future__ import annotations

from pathlib import Path

from masonite.craft.project_commands import project_commands


def write(project: Path, bindings: str) -> None:
    (project / "wsgi.py").write_text(
        "from cleo.commands.command import Command\n"
        "from fake_container import FakeContainer\n"
        "class A(Command):\n    name = 'a'\n    aliases = ['alias-a']\n"
        "    def handle(self): return 0\n"
        "class B(Command):\n    name = 'b'\n    def handle(self): return 0\n"
        "class SameAlias(Command):\n    name = 'alias-a'\n    def handle(self): return 0\n"
        f"container = FakeContainer({bindings})\n"
    )


def test_classes_and_instances_are_collected(project: Path) -> None:
    write(project, "{'ACommand': A, 'BCommand': B(), 'Router': None, 'Commander': A}")
    commands, problems, error = project_commands(project, reserved={"new"})
    assert [c.name for c in commands] == ["a", "b"]
    assert (problems, error) == ([], None)


def test_classes_are_built_by_the_container(project: Path) -> None:
    (project / "wsgi.py").write_text(
        "from cleo.commands.command import Command\n"
        "from fake_container import FakeContainer\n"
        "class Built(FakeContainer):\n"
        "    def resolve(self, cls):\n"
        "        command = cls()\n        command.description = 'built by the container'\n"
        "        return command\n"
        "class A(Command):\n    name = 'a'\n    def handle(self): return 0\n"
        "container = Built({'ACommand': A})\n"
    )
    commands, _, _ = project_commands(project, reserved=())
    assert commands[0].description == "built by the container"


def test_a_container_without_resolve_builds_classes_directly(project: Path) -> None:
    (project / "wsgi.py").write_text(
        "from cleo.commands.command import Command\n"
        "class A(Command):\n    name = 'a'\n    def handle(self): return 0\n"
        "class C:\n"
        "    def make(self, key): return None\n"
        "    def collect(self, pattern): return {'ACommand': A}\n"
        "container = C()\n"
    )
    commands, problems, _ = project_commands(project, reserved=())
    assert [c.name for c in commands] == ["a"]
    assert problems == []


def test_names_and_aliases_that_are_taken_are_skipped(project: Path) -> None:
    write(project, "{'ACommand': A, 'SameAliasCommand': SameAlias, 'NewCommand': B}")
    commands, problems, _ = project_commands(project, reserved={"b"})
    assert [c.name for c in commands] == ["a"]
    assert problems == [
        "the project command 'alias-a' ('SameAliasCommand') is skipped: the name is taken",
        "the project command 'b' ('NewCommand') is skipped: the name is taken",
    ]


def test_an_import_failure_is_the_error(project: Path) -> None:
    (project / "wsgi.py").write_text("1 / 0\n")
    commands, problems, error = project_commands(project, reserved=())
    assert (commands, problems) == ([], [])
    assert error == "could not import the project's wsgi.py: ZeroDivisionError: division by zero"
