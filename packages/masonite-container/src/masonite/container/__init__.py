"""masonite.container.

The service container (bindings, resolution by annotation, request scopes, hooks).
"""

from __future__ import annotations

from masonite.container.__about__ import __version__

__all__ = ["__version__"]
