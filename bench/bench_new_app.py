"""Start-up costs of a new project: ``craft --help``, ``craft new`` and ``import wsgi``.

Each case is one fresh process, timed from the outside (what a user waits for), against
peers run in the same rounds: ``python -c pass`` (the floor: the interpreter alone),
``flask --help`` and importing a minimal Flask app. The cases are interleaved round by
round, so a change of machine load touches all of them alike; the figure is the median
wall time over the rounds (after one untimed warm-up run that writes the bytecode).

Targets (issue 6): ``craft --help`` at most 300 ms, ``craft new`` at most 1 s, and the
new app's ``import wsgi`` (container, providers registered and booted, routes compiled,
views and WhiteNoise ready) no slower than importing a minimal Flask app.

Run: ``make bench BENCH=bench_new_app`` (``BENCH_ROUNDS=30`` for more rounds), or
``python bench/bench_new_app.py`` with masonite-skeleton and flask installed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
TIMEOUT = 60.0

FLASK_APP = """\
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index() -> str:
    return "Hello, World!"
"""


@dataclass
class Case:
    """One command line, run in ``cwd``; ``argv`` is called per run (fresh targets)."""

    name: str
    argv: Callable[[], Sequence[str]]
    cwd: Path
    target_ms: float | None = None
    samples: list[float] = field(default_factory=list)

    def run(self) -> float:
        """Run the command once; return its wall time in seconds."""
        argv = list(self.argv())
        started = time.perf_counter()
        result = subprocess.run(
            argv, cwd=self.cwd, env=ENV, capture_output=True, timeout=TIMEOUT, check=False
        )
        took = time.perf_counter() - started
        if result.returncode != 0:
            output = (result.stdout + result.stderr).decode(errors="replace").strip()
            raise SystemExit(f"bench: {' '.join(argv)} failed: {output.splitlines()[-1:]}")
        return took


# The cases must not see the settings of the shell that started the benchmark.
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KEY", "APP_", "FLASK_"))}


def executable(name: str) -> str | None:
    """The console script ``name`` next to this interpreter, or None."""
    path = BIN / name
    return str(path) if path.is_file() else None


def cases(work: Path) -> list[Case]:
    """The cases of the table, in order; the floor first."""
    python = sys.executable
    craft = executable("craft")
    if craft is None:
        raise SystemExit("bench: craft is not installed next to this Python (make bench)")
    project = work / "bench_site"
    Case("craft new bench_site", lambda: [craft, "new", "bench_site", "--path", str(project)],
         work).run()  # fmt: skip
    made = iter(range(1_000_000))

    def fresh_target() -> Sequence[str]:
        return [craft, "new", "blog", "--path", str(work / "new" / f"blog{next(made)}")]

    found = [
        Case("python -c pass (floor)", lambda: [python, "-c", "pass"], work),
        Case("craft --help", lambda: [craft, "--help"], work, target_ms=300),
        Case("craft new blog", fresh_target, work, target_ms=1000),
        Case("import wsgi (new app)", lambda: [python, "-c", "import wsgi"], project),
    ]
    flask = executable("flask")
    if flask is None:
        print("bench: flask is not installed; its cases are left out")
        return found
    flask_dir = work / "flask_app"
    flask_dir.mkdir()
    (flask_dir / "hello.py").write_text(FLASK_APP, encoding="utf-8")
    found += [
        Case("flask --help", lambda: [flask, "--help"], flask_dir),
        Case("import hello (minimal Flask app)", lambda: [python, "-c", "import hello"], flask_dir),
    ]
    return found


def measure(table: Sequence[Case], rounds: int) -> None:
    """Warm every case up once, then time them interleaved, ``rounds`` times."""
    for case in table:
        case.run()
    for _ in range(rounds):
        for case in table:
            case.samples.append(case.run())


def report(table: Sequence[Case], rounds: int) -> str:
    floor = statistics.median(table[0].samples)
    lines = [
        f"### Fresh processes, median of {rounds} interleaved rounds",
        "",
        "| case | median | min | vs floor | target |",
        "|---|---:|---:|---:|---|",
    ]
    for case in table:
        median = statistics.median(case.samples)
        target = ""
        if case.target_ms is not None:
            verdict = "met" if median * 1000 <= case.target_ms else "MISSED"
            target = f"≤ {case.target_ms:.0f} ms: {verdict}"
        lines.append(
            f"| {case.name} | {median * 1000:.0f} ms | {min(case.samples) * 1000:.0f} ms "
            f"| {median / floor:.2f}x | {target} |"
        )
    by_name = {case.name: case.samples for case in table}
    ours, theirs = by_name["import wsgi (new app)"], by_name.get("import hello (minimal Flask app)")
    if theirs is not None:
        # On a loaded machine the median moves with the load; the minimum is the run
        # least disturbed by it, so both ratios are shown.
        median_ratio = statistics.median(ours) / statistics.median(theirs)
        min_ratio = min(ours) / min(theirs)
        verdict = "met" if median_ratio <= 1 and min_ratio <= 1 else "MISSED"
        lines += [
            "",
            f"import wsgi / import of the minimal Flask app: median {median_ratio:.2f}x, "
            f"min {min_ratio:.2f}x (target ≤ 1.00x: {verdict})",
        ]
    return "\n".join(lines)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-new-app-"))
    try:
        table = cases(work)
        measure(table, ROUNDS)
        print(report(table, ROUNDS))
        print()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
