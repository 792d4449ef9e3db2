"""The built-in craft commands, one per module."""

from __future__ import annotations

from masonite.craft.commands.command import CommandCommand
from masonite.craft.commands.controller import ControllerCommand
from masonite.craft.commands.key import KeyCommand
from masonite.craft.commands.middleware import MiddlewareCommand
from masonite.craft.commands.new import NewCommand
from masonite.craft.commands.provider import ProviderCommand
from masonite.craft.commands.routes import RoutesCommand
from masonite.craft.commands.serve import ServeCommand
from masonite.craft.commands.view import ViewCommand

__all__ = [
    "BUILTIN_COMMANDS",
    "CommandCommand",
    "ControllerCommand",
    "KeyCommand",
    "MiddlewareCommand",
    "NewCommand",
    "ProviderCommand",
    "RoutesCommand",
    "ServeCommand",
    "ViewCommand",
]

BUILTIN_COMMANDS = (
    NewCommand,
    ServeCommand,
    KeyCommand,
    RoutesCommand,
    ControllerCommand,
    MiddlewareCommand,
    ProviderCommand,
    ViewCommand,
    CommandCommand,
)
