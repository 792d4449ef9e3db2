"""masonite.skeleton: the application template that ``craft new`` copies.

Installing ``masonite-skeleton`` brings the whole framework (container, request, routing,
providers, craft and gunicorn); :func:`template_path` is where ``craft new`` finds the
files of a new project.
"""

from __future__ import annotations

from masonite.skeleton.__about__ import __version__
from masonite.skeleton.paths import template_path

__all__ = ["__version__", "template_path"]
