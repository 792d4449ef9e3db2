"""masonite.providers.

Service providers, the request lifecycle, middleware, sessions, Jinja2 views and error
pages.
"""

from __future__ import annotations

from masonite.providers.__about__ import __version__

__all__ = ["__version__"]
