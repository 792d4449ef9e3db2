"""masonite.skeleton: the application template that `craft new` copies."""

from __future__ import annotations

from masonite.skeleton.__about__ import __version__

__all__ = ["__version__"]
