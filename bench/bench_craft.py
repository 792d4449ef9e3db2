"""craft's start-up: `craft --help`, `craft new` and the new app's import, against Flask.

These are whole processes, so the figure is wall time per run, measured like
`_timing.py` measures calls: every case runs once per round, in turn, for several
rounds (so drift of the machine touches all cases alike), after one untimed warm-up
run each; the table reports the median and the fastest run. Ratios are against
`flask --help` (CLI table) and importing a minimal Flask app (import table).

Targets (issue 6): `craft --help` at most 300 ms, `craft new` at most 1 s, the new
app's `import wsgi` no slower than importing a minimal Flask app.

`craft new` and the app import need masonite-skeleton with its template; without it
those rows say why they are missing. Cross-check with hyperfine when it is installed:

    hyperfine -N --warmup 3 'flask --help' 'craft --help'

Run: `make bench BENCH=bench_craft` (or `python bench/bench_craft.py` with craft and
flask installed in the running interpreter's environment). `BENCH_ROUNDS` sets the
number of rounds (default 15).
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
from itertools import count
from pathlib import Path

BIN = Path(sys.executable).parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))

FLASK_APP = """
from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "Hello, World!"
"""

# A case is a name and a function that returns (argv, working directory) for one run.
Case = tuple[str, Callable[[], tuple[list[str], Path]]]


def tool(name: str) -> str:
    """The console script ``name`` installed next to this interpreter."""
    path = BIN / name
    if not path.exists():
        sys.exit(f"bench_craft: {name} is not installed next to {sys.executable}")
    return str(path)


def run_once(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"{' '.join(argv)} exited {result.returncode}: {message[-1:]}")
    return took


def measure(cases: Sequence[Case], rounds: int) -> list[tuple[str, float, float]]:
    """(name, median seconds, fastest seconds) per case, over interleaved rounds."""
    for _, make in cases:
        run_once(*make())
    samples: list[list[float]] = [[] for _ in cases]
    for _ in range(rounds):
        for index, (_, make) in enumerate(cases):
            samples[index].append(run_once(*make()))
    return [
        (name, statistics.median(s), min(s)) for (name, _), s in zip(cases, samples, strict=True)
    ]


def table(title: str, results: Sequence[tuple[str, float, float]], floor: str) -> str:
    base = {name: median for name, median, _ in results}[floor]
    lines = [
        f"### {title}",
        "",
        "| case | median | fastest | ratio |",
        "|---|---:|---:|---:|",
    ]
    for name, median, fastest in results:
        lines.append(
            f"| {name} | {median * 1000:.0f} ms | {fastest * 1000:.0f} ms | {median / base:.2f}x |"
        )
    return "\n".join(lines)


def skeleton_problem() -> str | None:
    """Why `craft new` cannot run here, or None when it can."""
    try:
        import masonite.skeleton as skeleton
    except ImportError:
        return "masonite-skeleton is not installed"
    if not callable(getattr(skeleton, "template_path", None)):
        return "masonite-skeleton has no template_path() yet"
    return None


def main() -> None:
    python, craft, flask = sys.executable, tool("craft"), tool("flask")
    work = Path(tempfile.mkdtemp(prefix="bench-craft-"))
    try:
        empty = work / "empty"
        empty.mkdir()
        (work / "flask_app").mkdir()
        (work / "flask_app" / "flask_app.py").write_text(FLASK_APP)

        numbers = count()

        def craft_new() -> tuple[list[str], Path]:
            return [craft, "new", "benchapp", "--path", str(work / f"new-{next(numbers)}")], work

        cli: list[Case] = [
            ("python -c pass (interpreter start-up)", lambda: ([python, "-c", "pass"], empty)),
            ("flask --help", lambda: ([flask, "--help"], empty)),
            ("craft --help", lambda: ([craft, "--help"], empty)),
            ("craft --version", lambda: ([craft, "--version"], empty)),
        ]
        problem = skeleton_problem()
        if problem is None:
            cli.append(("craft new benchapp", craft_new))
        print(
            table(
                f"CLI start-up, wall time per run ({ROUNDS} rounds)",
                measure(cli, ROUNDS),
                "flask --help",
            )
        )
        print()
        if problem is not None:
            print(f"`craft new` and the new app's import are not measured: {problem}.")
            print()
            return

        app = work / "app"
        run_once([craft, "new", "benchapp", "--path", str(app)], work)
        imports: list[Case] = [
            ("python -c pass (interpreter start-up)", lambda: ([python, "-c", "pass"], empty)),
            (
                "import flask_app (a minimal Flask app)",
                lambda: ([python, "-c", "import flask_app"], work / "flask_app"),
            ),
            ("import wsgi (the app craft new wrote)", lambda: ([python, "-c", "import wsgi"], app)),
        ]
        results = measure(imports, ROUNDS)
        print(
            table(
                f"Application import, wall time per run ({ROUNDS} rounds)",
                results,
                "import flask_app (a minimal Flask app)",
            )
        )
        print()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
