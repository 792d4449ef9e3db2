"""`craft command NAME` (also `make:command`)."""

from __future__ import annotations

from typing import ClassVar

from cleo.helpers import argument
from cleo.io.inputs.argument import Argument

from masonite.craft.generator import GeneratorCommand


class CommandCommand(GeneratorCommand):
    """Create a craft command of the project under app/commands."""

    name = "command"
    aliases: ClassVar[list[str]] = ["make:command"]
    description = "Create a craft command in app/commands."
    help = (
        "<info>craft command SendReport</info> writes app/commands/SendReportCommand.py, a cleo\n"
        "command named 'send-report'. Register it in a provider's register() with\n"
        "self.commands(SendReportCommand) and it shows in 'craft list'."
    )
    folder = ("app", "commands")
    suffix = "Command"
    stub_name = "command.py"
    arguments: ClassVar[list[Argument]] = [argument("name", "The command name ('SendReport').")]

    def context(self, class_name: str) -> dict[str, str]:
        """The class name and the command's name (``SendReportCommand`` → ``send-report``)."""
        from masonite.craft.names import snake_case

        command_name = snake_case(class_name.removesuffix("Command") or class_name)
        return {"class_name": class_name, "command_name": command_name.replace("_", "-")}
