"""The craft commands a project's providers bind into its container."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from cleo.commands.command import Command

from masonite.craft.errors import CraftError
from masonite.craft.project import describe, project_container

PATTERN = "*Command"


def project_commands(
    root: Path, reserved: Collection[str]
) -> tuple[list[Command], list[str], str | None]:
    """Collect the cleo commands bound under keys ending in ``Command``.

    A binding may hold a command instance or a command class (built by the container,
    so its constructor can take injected arguments). Bindings that are not cleo
    commands, fail to build, or take a name in ``reserved`` (the built-in commands)
    are skipped, each with a one-line problem.

    Returns:
        The commands, the problems, and the one-line error that prevented loading
        any (``None`` when the project imported).
    """
    try:
        container = project_container(root)
        bound: dict[Any, Any] = dict(container.collect(PATTERN))
    except CraftError as error:
        return [], [], error.message
    except Exception as error:  # the project's own code: report it in one line
        return [], [], f"could not collect the project's commands: {describe(error)}"

    commands: list[Command] = []
    problems: list[str] = []
    taken = set(reserved)
    for key, value in bound.items():
        try:
            command = _build(value, container)
        except Exception as error:  # the project's own code
            problems.append(f"the command bound as {key!r} failed to build: {describe(error)}")
            continue
        if command is None:
            kind = type(value).__name__
            problems.append(f"{key!r} is skipped: its value (a {kind}) is not a cleo command")
            continue
        names = [command.name or "", *command.aliases]
        clash = next((name for name in names if name in taken), None)
        if clash is not None:
            problems.append(
                f"the project command {clash!r} ({key!r}) is skipped: the name is taken"
            )
            continue
        taken.update(names)
        commands.append(command)
    return commands, problems, None


def _build(value: object, container: Any) -> Command | None:
    if isinstance(value, Command):
        return value
    if isinstance(value, type) and issubclass(value, Command):
        resolve = getattr(container, "resolve", None)
        built = resolve(value) if callable(resolve) else value()
        return built if isinstance(built, Command) else None
    return None
