"""The ``routing-alone`` check: masonite-routing installed from wheels, and nothing else.

Builds the masonite-request and masonite-routing wheels, downloads the wheels of their
third-party requirements (and pytest's), installs only those into a new virtual
environment with ``--no-index``, checks that the rest of the framework (jinja2, gunicorn,
cleo, whitenoise, masonite.container) cannot be imported there and that masonite.routing
comes from the installed wheel, then runs ``tests/standalone`` with that environment.

    python run_alone.py --work DIR [-- PYTEST_ARGS...]

Exit status: pytest's, or 1 with one line saying what failed.
"""

from __future__ import annotations

import argparse
import email.parser
import json
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
PACKAGES = [ROOT / "packages" / "masonite-request", ROOT / "packages" / "masonite-routing"]
TEST_REQUIREMENTS = ["pytest>=8"]
FORBIDDEN = ["jinja2", "gunicorn", "cleo", "whitenoise", "masonite.container", "flask"]

CHECK = """
import importlib.util, json, sys, sysconfig
forbidden = {forbidden!r}
present = []
for name in forbidden:
    try:
        if importlib.util.find_spec(name) is not None:
            present.append(name)
    except ModuleNotFoundError:
        pass
import masonite.request, masonite.routing
site = sysconfig.get_paths()["purelib"]
print(json.dumps({{
    "present": present,
    "files": [masonite.request.__file__, masonite.routing.__file__],
    "site": site,
}}))
"""


class Failure(Exception):
    """One step failed; the message says which."""


def run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    shown = [part if "\n" not in part else "<script>" for part in command]
    print("+", " ".join(shown), flush=True)
    result = subprocess.run(command, text=True, **options)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise Failure(f"command failed ({result.returncode}): {' '.join(shown)}")
    return result  # type: ignore[no-any-return]


def build_wheels(out: Path) -> list[Path]:
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            *map(str, PACKAGES),
        ]
    )
    wheels = sorted(out.glob("masonite_*.whl"))
    if len(wheels) != len(PACKAGES):
        raise Failure(f"expected {len(PACKAGES)} wheels in {out}, found {len(wheels)}")
    return wheels


def third_party_requirements(wheels: list[Path]) -> list[str]:
    """The Requires-Dist lines of ``wheels`` that are not masonite siblings."""
    requirements: list[str] = []
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = email.parser.Parser().parsestr(archive.read(name).decode())
        for requirement in metadata.get_all("Requires-Dist") or []:
            if not requirement.lower().startswith("masonite-"):
                requirements.append(requirement)
    return requirements


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="a scratch directory")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    options = parser.parse_args(argv)
    work: Path = options.work.resolve()
    wheels_dir, wheelhouse, env_dir = work / "wheels", work / "wheelhouse", work / "venv"
    for folder in (wheels_dir, wheelhouse):
        folder.mkdir(parents=True, exist_ok=True)
    try:
        wheels = build_wheels(wheels_dir)
        requirements = third_party_requirements(wheels) + TEST_REQUIREMENTS
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--only-binary=:all:",
                "--dest",
                str(wheelhouse),
                *requirements,
            ]
        )
        if env_dir.exists():
            shutil.rmtree(env_dir)
        venv.create(env_dir, with_pip=True, clear=True)
        python = str(env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python")
        run(
            [
                python,
                "-m",
                "pip",
                "install",
                "--no-index",
                "--disable-pip-version-check",
                "--find-links",
                str(wheels_dir),
                "--find-links",
                str(wheelhouse),
                "masonite-routing",
                *TEST_REQUIREMENTS,
            ]
        )
        run([python, "-m", "pip", "list", "--disable-pip-version-check"])
        report = json.loads(
            run(
                [python, "-c", CHECK.format(forbidden=FORBIDDEN)], capture_output=True, cwd=work
            ).stdout
        )
        if report["present"]:
            raise Failure(f"importable in the routing-alone environment: {report['present']}")
        outside = [f for f in report["files"] if not f.startswith(report["site"])]
        if outside:
            raise Failure(f"not imported from the installed wheels: {outside}")
        print(
            f"routing-alone: only masonite-request, masonite-routing and {requirements} "
            f"installed; {', '.join(FORBIDDEN)} not importable",
            flush=True,
        )
    except Failure as failure:
        print(f"routing-alone: {failure}", file=sys.stderr)
        return 1
    # From the scratch directory, so the tree's sources are not on sys.path.
    tests = [python, "-m", "pytest", "-p", "no:cacheprovider", str(HERE), *options.pytest_args]
    print("+", " ".join(tests), flush=True)
    return subprocess.run(tests, cwd=work).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
