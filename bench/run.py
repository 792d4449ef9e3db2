"""Run every ``bench/bench_*.py`` (or the ones named on the command line) in turn."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    names = argv[1:] or sorted(p.stem for p in HERE.glob("bench_*.py"))
    if not names:
        print("bench: no benchmarks in bench/ yet")
        return 1
    for name in names:
        path = HERE / (name if name.endswith(".py") else f"{name}.py")
        if not path.exists():
            print(f"bench: no such benchmark {path.name}")
            return 2
        print(f"== {path.stem}")
        runpy.run_path(str(path), run_name="__main__")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
