"""masonite.craft: the `craft` command: `new`, `serve`, `key`, `routes` and the generators."""

from __future__ import annotations

from masonite.craft.__about__ import __version__

__all__ = ["__version__"]
