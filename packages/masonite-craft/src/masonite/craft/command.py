"""The base class of every built-in craft command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleo.commands.command import Command
from cleo.formatters.formatter import Formatter

from masonite.craft.errors import CraftError

if TYPE_CHECKING:
    from cleo.io.io import IO


def one_line(text: str) -> str:
    """Collapse ``text`` to a single line, so an error never spills over several."""
    return " ".join(text.split())


def escape(text: str) -> str:
    """Escape cleo's style tags in text that comes from the user or the system."""
    return Formatter.escape(text)


class CraftCommand(Command):
    """A cleo command whose :class:`CraftError` becomes one line on stderr.

    Subclasses implement ``handle()`` and raise :class:`CraftError` for anything the
    user can fix; it is printed as ``craft: <message>`` and the command exits with the
    error's exit code.
    """

    def execute(self, io: IO) -> int:
        """Run ``handle()``, reporting a :class:`CraftError` as a single line."""
        try:
            return super().execute(io)
        except CraftError as error:
            io.write_error_line(f"<error>craft:</error> {escape(one_line(error.message))}")
            return error.exit_code

    @property
    def processed_help(self) -> str:
        """The help text, ending with a newline like cleo's own commands' help."""
        text = super().processed_help
        return text if text.endswith("\n") else text + "\n"

    def done(self, message: str) -> None:
        """Print a success line (green when the terminal takes colours)."""
        self.line(escape(message), "info")
