"""The craft console application: built-in commands, project commands, one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cleo.application import Application
from cleo.commands.help_command import HelpCommand
from cleo.exceptions import CleoCommandNotFoundError, CleoError, CleoNamespaceNotFoundError

from masonite.craft.__about__ import __version__
from masonite.craft.command import escape, one_line
from masonite.craft.commands import BUILTIN_COMMANDS
from masonite.craft.errors import CraftError

if TYPE_CHECKING:
    from cleo.commands.command import Command
    from cleo.io.inputs.input import Input
    from cleo.io.io import IO
    from cleo.io.outputs.output import Output


class CraftHelpCommand(HelpCommand):
    """``craft help`` that answers ``craft --help`` with the list of commands.

    cleo answers a bare ``--help`` with the help of its ``list`` command, which says
    nothing about craft; the list itself is what a user wants there.
    """

    def handle(self) -> int:
        """Describe the requested command, or list every command for ``help list``."""
        if self._command is None and self.argument("command_name") == "list":
            return self.call("list")
        return super().handle()


class CraftApplication(Application):
    """The ``craft`` application.

    Its commands are the built-in ones plus, inside a project, the commands the
    project's providers bind under keys ending in ``Command``. The project is imported
    only when they are needed: to list the commands, or to find a command that is not
    built in. Every error is reported on one line (``craft: ...``); a traceback is only
    shown with ``-vvv``.

    Args:
        project: The project folder (one holding ``wsgi.py``), or ``None`` outside one.
    """

    def __init__(self, project: Path | None = None) -> None:
        super().__init__("craft", __version__)
        self._project = project
        self._project_loaded = project is None
        self._project_error: str | None = None
        self._current_io: IO | None = None
        for command_class in BUILTIN_COMMANDS:
            self.add(command_class())
        self._builtin_names = frozenset(self._commands)

    @property
    def default_commands(self) -> list[Command]:
        """cleo's defaults, with ``help`` answering a bare ``--help`` by the list."""
        commands = super().default_commands
        return [CraftHelpCommand() if c.name == "help" else c for c in commands]

    def create_io(
        self,
        input: Input | None = None,
        output: Output | None = None,
        error_output: Output | None = None,
    ) -> IO:
        """Create the IO of a run and keep it, to report project problems on it."""
        io = super().create_io(input, output, error_output)
        self._current_io = io
        return io

    def has(self, name: str) -> bool:
        """Whether ``name`` is a command; a name that is not built in loads the project.

        A name whose first word is a built-in command (``controller Blog`` while cleo
        looks for namespaced commands) never imports the project.
        """
        if super().has(name):
            return True
        if name.split(" ", 1)[0] in self._builtin_names or not self._load_project():
            return False
        return super().has(name)

    def find(self, name: str) -> Command:
        """Find a command; if it is missing because the project failed to import, say so."""
        if not self.has(name) and self._project_error is not None:
            raise CraftError(f'no command "{name}": {self._project_error}')
        return super().find(name)

    def all(self, namespace: str | None = None) -> dict[str, Command]:
        """Every command, the project's included (importing the project once)."""
        if self._load_project() and self._project_error is not None:
            self._warn(f"the project's commands are not listed: {self._project_error}")
        return super().all(namespace)

    def render_error(self, error: Exception, io: IO) -> None:
        """Print ``error`` as one line; with ``-vvv`` the traceback follows it."""
        if isinstance(error, CraftError):
            message = error.message
        elif isinstance(error, CleoError):
            message = str(error)
            # cleo keeps the command whose arguments were wrong; point at its help.
            command = getattr(self, "_running_command", None)
            lookup = isinstance(error, (CleoCommandNotFoundError, CleoNamespaceNotFoundError))
            if command is not None and command.name and not lookup:
                message += f" (see: craft {command.name} --help)"
        else:
            from masonite.craft.project import describe

            message = describe(error)
        io.write_error_line(f"<error>craft:</error> {escape(one_line(message))}")
        if io.is_debug() and not isinstance(error, (CraftError, CleoError)):
            import traceback

            io.write_error(escape("".join(traceback.format_exception(error))))

    def _load_project(self) -> bool:
        """Add the project's commands on first need; True if this call loaded them."""
        if self._project_loaded or self._project is None:
            return False
        self._project_loaded = True
        from masonite.craft.project_commands import project_commands

        reserved = set(self._commands)
        commands, problems, error = project_commands(self._project, reserved)
        self._project_error = error
        for command in commands:
            self.add(command)
        for problem in problems:
            self._warn(problem)
        return True

    def _warn(self, message: str) -> None:
        if self._current_io is not None:
            self._current_io.write_error_line(
                f"<comment>craft: warning:</comment> {escape(one_line(message))}"
            )
