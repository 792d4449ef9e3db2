"""masonite.craft: the `craft` command: `new`, `serve`, `key`, `routes` and the generators.

The console script is :func:`masonite.craft.cli.main`. Project commands are plain cleo
commands; :class:`CraftCommand` and :class:`CraftError` are there for commands that
want craft's one-line error reporting.
"""

from __future__ import annotations

from masonite.craft.__about__ import __version__
from masonite.craft.cli import main
from masonite.craft.command import CraftCommand
from masonite.craft.errors import CraftError
from masonite.craft.keys import generate_key

__all__ = ["CraftCommand", "CraftError", "__version__", "generate_key", "main"]
