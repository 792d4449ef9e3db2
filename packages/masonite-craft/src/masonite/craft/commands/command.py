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
    arguments: ClassVar[list[Argument]] = [argument("name", "The command name ('SendReport').")]

    def plan(self, name: str) -> tuple[tuple[str, ...], str]:
        """``SendReportCommand.py`` and its code."""
        from masonite.craft.generator import stub
        from masonite.craft.names import snake_case, split_class_name

        parts = split_class_name(name, "Command")
        class_name = parts[-1]
        command_name = snake_case(class_name.removesuffix("Command") or class_name)
        context = {"class_name": class_name, "command_name": command_name.replace("_", "-")}
        return (*parts[:-1], f"{class_name}.py"), stub("command.py", context)
