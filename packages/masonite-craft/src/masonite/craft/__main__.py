"""``python -m masonite.craft``: the same as the ``craft`` command."""

from __future__ import annotations

import sys

from masonite.craft.cli import main

if __name__ == "__main__":
    sys.exit(main())
