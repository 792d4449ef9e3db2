"""Locate the command-line tools the release scripts drive (hatch, twine's interpreter).

The scripts run from three places: a developer's shell, the Makefile's ``.venv`` and a tox
environment. A tool may be on ``PATH`` or only installed next to the running interpreter
(a virtualenv that is used without being activated), so both are searched.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


class ToolMissing(Exception):
    """A required command-line tool is neither on PATH nor beside the interpreter."""


def find_tool(name: str, *, hint: str) -> str:
    """Return the path of the executable ``name``.

    Args:
        name: the executable's file name, e.g. ``"hatch"``.
        hint: how to install it, appended to the error message.

    Raises:
        ToolMissing: when no executable of that name is found.
    """
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which(name)
    if found is not None:
        return found
    raise ToolMissing(f"{name} not found on PATH or next to {sys.executable}; {hint}")
