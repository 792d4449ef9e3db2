"""Print one closing line for the whole tox matrix from the JUnit files pytest wrote.

Usage: ``python scripts/test_summary.py DIR``. Exits 1 when a test failed or when no
test ran at all, so an empty matrix can never look green.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def count(directory: Path) -> tuple[int, int, int, int]:
    """Return (environments, passed, failed, skipped) over every ``*.xml`` in ``directory``."""
    envs = passed = failed = skipped = 0
    for report in sorted(directory.glob("*.xml")):
        envs += 1
        root = ET.parse(report).getroot()
        suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
        for suite in suites:
            tests = int(suite.get("tests", 0))
            bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skip = int(suite.get("skipped", 0))
            failed += bad
            skipped += skip
            passed += tests - bad - skip
    return envs, passed, failed, skipped


def main(argv: list[str]) -> int:
    directory = Path(argv[1] if len(argv) > 1 else ".tox/junit")
    envs, passed, failed, skipped = count(directory)
    print(f"tox matrix: {envs} pytest environments")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
