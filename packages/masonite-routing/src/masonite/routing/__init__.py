"""masonite.routing: the compiled router, route groups, URL building and controller resolution."""

from __future__ import annotations

from masonite.routing.__about__ import __version__

__all__ = ["__version__"]
