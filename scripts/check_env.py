"""Fail when a masonite-* distribution in this environment did not come from the tree.

Run as a tox ``commands_pre`` step: a sibling that uv quietly fetched from an index
would make the tests pass or fail against code that is not in this repository.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    problems: list[str] = []
    found = 0
    for dist in distributions():
        name = (dist.metadata["Name"] or "").lower()
        if not name.startswith("masonite-"):
            continue
        found += 1
        direct = dist.read_text("direct_url.json")
        info = json.loads(direct) if direct else {}
        url = str(info.get("url", ""))
        editable = bool(info.get("dir_info", {}).get("editable"))
        expected = (ROOT / "packages" / name).as_uri()
        if not editable or url.rstrip("/") != expected:
            problems.append(f"{name} {dist.version} is not an editable install of {expected}")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"check_env: {found} masonite distributions, all editable from the tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
