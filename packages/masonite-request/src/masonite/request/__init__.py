"""masonite.request.

The Request and Response objects, body parsing with limits and a WSGI test client.
"""

from __future__ import annotations

from masonite.request.__about__ import __version__

__all__ = ["__version__"]
