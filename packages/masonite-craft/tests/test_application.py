from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from masonite.craft import __version__
from masonite.craft.application import CraftApplication

Craft = Callable[[str], Any]

BUILTINS = ["new", "serve", "key", "routes", "controller", "middleware", "provider", "view"]

PROJECT_COMMANDS = """
from cleo.commands.command import Command
from cleo.helpers import argument
from fake_container import FakeContainer


class GreetCommand(Command):
    name = "greet"
    description = "Greet someone."
    arguments = [argument("who", optional=True, default="world")]

    def handle(self):
        self.line(f"Hello, {self.argument('who')}!")
        return 0


class SeedCommand(Command):
    name = "db seed"
    description = "Seed the database."

    def handle(self):
        self.line("seeded")
        return 0


class BoomCommand(Command):
    name = "boom"
    description = "Fails."

    def handle(self):
        raise ValueError("it broke\\nbadly")


class ServeCommand(Command):
    name = "serve"
    description = "Tries to replace the built-in."

    def handle(self):
        return 0


class BrokenCommand(Command):
    name = "broken"

    def __init__(self):
        raise RuntimeError("cannot build")


container = FakeContainer({
    "GreetCommand": GreetCommand,
    "SeedCommand": SeedCommand(),
    "BoomCommand": BoomCommand(),
    "MyServeCommand": ServeCommand(),
    "BrokenCommand": BrokenCommand,
    "NotACommand": object(),
    "Router": None,
})
"""


@pytest.fixture
def with_commands(project: Path) -> Path:
    (project / "wsgi.py").write_text(PROJECT_COMMANDS)
    return project


def test_version(craft: Craft) -> None:
    for args in ("--version", "-V"):
        result = craft(args)
        assert (result.status, result.out, result.err) == (
            0,
            f"Craft (version {__version__})\n",
            "",
        )


@pytest.mark.parametrize("args", ["", "--help", "-h", "list", "help list"])
def test_help_lists_every_builtin_command(craft: Craft, args: str) -> None:
    result = craft(args)
    assert (result.status, result.err) == (0, "")
    assert "Available commands:" in result.out
    for name in BUILTINS:
        assert f"\n  {name} " in result.out
    assert "[make:controller]" in result.out


def test_help_of_help(craft: Craft) -> None:
    result = craft("help")
    assert result.status == 0
    assert "displays help for a given command" in result.out


def test_list_help_describes_the_list_command(craft: Craft) -> None:
    result = craft("list --help")
    assert result.status == 0
    assert "The list command lists all commands" in result.out


def test_unknown_command_is_one_line_with_a_suggestion(craft: Craft) -> None:
    result = craft("serv")
    assert result.status == 1
    assert result.out == ""
    assert result.err == 'craft: The command "serv" does not exist. Did you mean this? serve\n'


def test_help_for_an_unknown_command_is_one_line(craft: Craft) -> None:
    result = craft("help nope")
    assert result.status == 1
    assert result.err == 'craft: The command "nope" does not exist.\n'


def test_unknown_global_option_is_one_line(craft: Craft) -> None:
    result = craft("--nope")
    assert result.status == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith("craft: ")


def test_project_commands_are_listed(craft: Craft, with_commands: Path) -> None:
    result = craft("list")
    assert result.status == 0
    assert "greet" in result.out
    assert "Greet someone." in result.out
    assert "db seed" in result.out
    for name in BUILTINS:
        assert f"\n  {name} " in result.out
    assert result.err.splitlines() == [
        "craft: warning: the project command 'serve' ('MyServeCommand') is skipped:"
        " the name is taken",
        "craft: warning: the command bound as 'BrokenCommand' failed to build:"
        " RuntimeError: cannot build",
        "craft: warning: 'NotACommand' is skipped: its value (a object) is not a cleo command",
    ]


def test_project_commands_run(craft: Craft, with_commands: Path) -> None:
    result = craft("greet Ada")
    assert (result.status, result.out) == (0, "Hello, Ada!\n")
    assert craft("db seed").out == "seeded\n"
    assert craft("help greet").status == 0
    assert "Greet someone." in craft("greet --help").out


def test_a_builtin_name_is_not_replaced_by_a_project_command(
    craft: Craft, with_commands: Path
) -> None:
    assert "Tries to replace" not in craft("list").out
    assert "Tries to replace" not in craft("serve --help").out


def test_an_exception_in_a_command_is_one_line(craft: Craft, with_commands: Path) -> None:
    result = craft("boom")
    assert result.status == 1
    assert result.err.endswith("craft: ValueError: it broke\n")
    assert "Traceback" not in result.err


def test_debug_verbosity_adds_the_traceback(craft: Craft, with_commands: Path) -> None:
    result = craft("boom -vvv")
    assert result.status == 1
    assert "craft: ValueError: it broke\n" in result.err
    assert "Traceback (most recent call last)" in result.err
    assert 'raise ValueError("it broke' in result.err


def test_the_project_is_not_imported_for_builtin_commands(craft: Craft, project: Path) -> None:
    marker = project / "imported"
    (project / "wsgi.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n"
        "from fake_container import FakeContainer\ncontainer = FakeContainer({})\n"
    )
    for args in (
        "--version",
        "key",
        "serve --help",
        "help serve",
        "make:controller Blog",
        "controller Blog",
        "view welcome",
        "help",
        "new --help",
    ):
        craft(args)
        assert not marker.exists(), args
    craft("list")
    assert marker.exists()


def test_an_unknown_command_imports_the_project(craft: Craft, project: Path) -> None:
    marker = project / "imported"
    (project / "wsgi.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n"
        "from fake_container import FakeContainer\ncontainer = FakeContainer({})\n"
    )
    result = craft("nope")
    assert marker.exists()
    assert result.err == 'craft: The command "nope" does not exist.\n'


def test_a_project_that_fails_to_import_still_lists_the_builtins(
    craft: Craft, project: Path
) -> None:
    (project / "wsgi.py").write_text("raise ImportError('no config module')\n")
    result = craft("list")
    assert result.status == 0
    assert "\n  serve " in result.out
    assert result.err == (
        "craft: warning: the project's commands are not listed: could not import the"
        " project's wsgi.py: ImportError: no config module\n"
    )


def test_a_project_command_missing_because_the_project_fails_to_import(
    craft: Craft, project: Path
) -> None:
    (project / "wsgi.py").write_text("raise ImportError('no config module')\n")
    result = craft("greet")
    assert result.status == 1
    assert result.err == (
        'craft: no command "greet": could not import the project\'s wsgi.py:'
        " ImportError: no config module\n"
    )


def test_a_container_whose_collect_fails(craft: Craft, project: Path) -> None:
    (project / "wsgi.py").write_text(
        "class C:\n"
        "    def make(self, key): return None\n"
        "    def collect(self, pattern): raise LookupError('bad pattern')\n"
        "container = C()\n"
    )
    result = craft("list")
    assert result.status == 0
    assert result.err == (
        "craft: warning: the project's commands are not listed: could not collect the"
        " project's commands: LookupError: bad pattern\n"
    )


def test_outside_a_project_nothing_is_imported(craft: Craft, workdir: Path) -> None:
    (workdir / "app.py").write_text("raise SystemExit('must not be imported')\n")
    assert craft("list").status == 0
    assert craft("nope").err == 'craft: The command "nope" does not exist.\n'


def test_the_application_can_be_built_without_a_project() -> None:
    application = CraftApplication()
    assert application.name == "craft"
    assert application.version == __version__
    assert application.has("make:view")
    assert not application.has("greet")
