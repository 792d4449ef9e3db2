"""Build every distribution of the tree and prove each one installs and works alone.

Usage: ``python scripts/dist_check.py [PART ...] [--dist-dir DIR] [--wheelhouse DIR]``
(``make dist`` and ``tox run -e dist`` run it for all six packages). For each package:

1. ``hatch build`` writes its wheel and sdist into ``dist/``;
2. ``twine check --strict`` reads every built file;
3. the wheel must hold every file of ``src/masonite/<part>/`` (templates, stubs, dotfiles,
   ``py.typed``: hatchling silently drops what a ``.gitignore`` matches) and nothing outside
   it, never ``masonite/__init__.py``; the sdist must hold ``src/``, ``tests/``, the README,
   the changelog and ``pyproject.toml``;
4. a fresh virtualenv gets that one distribution installed with ``--no-index`` from
   ``dist/`` plus a wheelhouse of the third-party requirements (filled with ``pip wheel``
   from the built wheels' metadata), so siblings can only come from ``dist/``;
5. ``dist_probe.py`` runs in that venv: it imports the package and every module in it,
   loads its entry points and lists the installed files, which must match the src tree.

Any failure is printed as one line naming the distribution, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import email
import importlib.util
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from release import Package, ReleaseError, find_package, normalize, read_version
from tooling import ToolMissing, find_tool

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "dist_probe.py"
# Never shipped: bytecode and the caches tools leave next to tests.
_SKIP_DIRS = frozenset(
    {"__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache"}
)
_SKIP_SUFFIXES = (".pyc", ".pyo")
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = re.compile(r"\bextra\s*==")
_LISTED = 8  # missing files named per problem before "and N more"


class CheckFailed(Exception):
    """A step that the remaining steps depend on failed (message: one line)."""


@dataclass
class Built:
    """The artifacts built for one package and what checking them found."""

    package: Package
    version: str
    wheel: Path
    sdist: Path
    problems: list[str] = field(default_factory=list)
    summary: str = ""

    @property
    def module(self) -> str:
        return f"masonite.{self.package.part}"

    def fail(self, problem: str) -> None:
        self.problems.append(f"{self.package.dist}: {problem}")


def source_files(folder: Path) -> list[str]:
    """Every file under ``folder`` (posix paths relative to it) that a build must ship."""
    found: list[str] = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in files:
            if not name.endswith(_SKIP_SUFFIXES):
                found.append((Path(here) / name).relative_to(folder).as_posix())
    return sorted(found)


def _missing(expected: Iterable[str], present: set[str]) -> str | None:
    absent = [name for name in expected if name not in present]
    if not absent:
        return None
    shown = ", ".join(absent[:_LISTED])
    more = f" and {len(absent) - _LISTED} more" if len(absent) > _LISTED else ""
    return f"{shown}{more}"


def _run(cmd: Sequence[str], *, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), cwd=cwd, capture_output=True, text=True, check=False)


def _last_lines(result: subprocess.CompletedProcess[str], count: int = 3) -> str:
    lines = (result.stderr.strip() or result.stdout.strip()).splitlines()
    return " | ".join(line.strip() for line in lines[-count:]) or f"exit {result.returncode}"


def build(package: Package, dist_dir: Path, hatch: str) -> Built:
    """Build the wheel and sdist of ``package`` into ``dist_dir`` with ``hatch build``."""
    version = read_version(package.about)
    stem = package.dist.replace("-", "_")
    for old in dist_dir.glob(f"{stem}-*"):
        old.unlink()
    result = _run([hatch, "build", "-t", "wheel", "-t", "sdist", str(dist_dir)], cwd=package.folder)
    if result.returncode != 0:
        raise CheckFailed(f"{package.dist}: hatch build failed: {_last_lines(result)}")
    wheel = dist_dir / f"{stem}-{version}-py3-none-any.whl"
    sdist = dist_dir / f"{stem}-{version}.tar.gz"
    for artifact in (wheel, sdist):
        if not artifact.is_file():
            raise CheckFailed(f"{package.dist}: hatch build did not write {artifact.name}")
    return Built(package, version, wheel, sdist)


def twine_check(files: Sequence[Path]) -> list[str]:
    """Run ``twine check --strict`` on ``files``; one problem line per failing file."""
    if importlib.util.find_spec("twine") is None:
        raise CheckFailed(f"twine is not installed for {sys.executable}; pip install twine")
    result = _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)])
    if result.returncode == 0:
        return []
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    failing = [line.strip() for line in text.splitlines() if "FAILED" in line or "ERROR" in line]
    return [f"twine check: {line}" for line in failing] or [f"twine check: {_last_lines(result)}"]


def inspect_wheel(built: Built) -> None:
    """Compare the wheel's contents with the package's src tree."""
    part = built.package.part
    src = built.package.folder / "src" / "masonite" / part
    expected = source_files(src)
    if "py.typed" not in expected:
        built.fail(f"src/masonite/{part}/py.typed is missing")
    with zipfile.ZipFile(built.wheel) as archive:
        names = archive.namelist()
        info_dir = next((n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA")), "")
        metadata = (
            email.message_from_bytes(archive.read(f"{info_dir}/METADATA")) if info_dir else None
        )
    prefix = f"masonite/{part}/"
    shipped = {name.removeprefix(prefix) for name in names if name.startswith(prefix)}
    missing = _missing(expected, shipped)
    if missing:
        built.fail(f"wheel lacks {missing} (from src/masonite/{part}/; a .gitignore match?)")
    if "masonite/__init__.py" in names:
        built.fail("wheel ships masonite/__init__.py; the masonite namespace must have none")
    strays = sorted(n for n in names if not n.startswith((prefix, f"{info_dir}/")))
    if strays:
        built.fail(f"wheel ships files outside {prefix}: {', '.join(strays[:_LISTED])}")
    if metadata is None:
        built.fail("wheel has no .dist-info/METADATA")
        return
    if normalize(str(metadata["Name"])) != built.package.dist:
        built.fail(f"wheel metadata names {metadata['Name']}")
    if metadata["Version"] != built.version:
        built.fail(f"wheel metadata version {metadata['Version']} != __about__ {built.version}")


def inspect_sdist(built: Built) -> None:
    """The sdist must rebuild the package: src, tests, README, changelog and pyproject."""
    folder = built.package.folder
    expected = ["pyproject.toml", "README.md", "CHANGELOG.md"]
    for sub in ("src", "tests"):
        expected += [f"{sub}/{name}" for name in source_files(folder / sub)]
    with tarfile.open(built.sdist) as archive:
        members = [m.name for m in archive.getmembers() if m.isfile()]
    shipped = {name.partition("/")[2] for name in members}
    missing = _missing(expected, shipped)
    if missing:
        built.fail(f"sdist lacks {missing}")
    if "PKG-INFO" not in shipped:
        built.fail("sdist has no PKG-INFO")


def third_party_requirements(wheels: Iterable[Path]) -> list[str]:
    """The non-masonite ``Requires-Dist`` lines of ``wheels`` (extras' requirements left out)."""
    found: set[str] = set()
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            message = email.message_from_bytes(archive.read(meta))
        for line in message.get_all("Requires-Dist") or []:
            match = _NAME.match(line)
            if match is None or normalize(match.group(1)).startswith("masonite-"):
                continue
            if _EXTRA.search(line) is None:
                found.add(line.strip())
    return sorted(found)


def fill_wheelhouse(requirements: Sequence[str], wheelhouse: Path) -> None:
    """Put a wheel for every requirement (and its dependencies) into ``wheelhouse``."""
    wheelhouse.mkdir(parents=True, exist_ok=True)
    if not requirements:
        return
    result = _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
         "--wheel-dir", str(wheelhouse), *requirements]
    )  # fmt: skip
    if result.returncode != 0:
        raise CheckFailed(
            f"pip wheel of the third-party requirements failed: {_last_lines(result)}"
        )


def install_alone(built: Built, dist_dir: Path, wheelhouse: Path, work: Path) -> None:
    """Install ``built`` alone into a fresh venv without an index and probe it there."""
    venv = work / built.package.dist
    created = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    if created.returncode != 0:
        built.fail(f"cannot create a virtualenv: {_last_lines(created)}")
        return
    python = venv / "bin" / "python"
    installed = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--disable-pip-version-check", "--no-index", "--find-links", str(dist_dir),
         "--find-links", str(wheelhouse), f"{built.package.dist}=={built.version}"]
    )  # fmt: skip
    if installed.returncode != 0:
        built.fail(f"does not install from dist/ without an index: {_last_lines(installed)}")
        return
    probed = _run([str(python), "-I", str(PROBE), built.package.dist, built.module], cwd=work)
    if probed.returncode != 0:
        built.fail(f"probe crashed: {_last_lines(probed)}")
        return
    compare_installed(built, json.loads(probed.stdout), venv)


def compare_installed(built: Built, report: dict[str, Any], venv: Path) -> None:
    """Check the probe's report of an installed distribution against the src tree."""
    for error in report["errors"]:
        built.fail(f"installed alone: {error}")
    if "location" not in report:
        return
    location = Path(report["location"])
    if venv.resolve() not in location.resolve().parents:
        built.fail(f"{built.module} was imported from {location}, not from the fresh venv")
    if report["namespace_file"] is not None:
        built.fail(f"masonite is a regular package ({report['namespace_file']}), not a namespace")
    for label in ("module_version", "metadata_version"):
        if report[label] != built.version:
            built.fail(
                f"installed {label.replace('_', ' ')} is {report[label]}, not {built.version}"
            )
    src = built.package.folder / "src" / "masonite" / built.package.part
    missing = _missing(source_files(src), set(report["files"]))
    if missing:
        built.fail(f"installed package lacks {missing}")
    for script in report["scripts"]:
        if not (venv / "bin" / script).is_file():
            built.fail(f"console script {script} was not installed")
    if report.get("template") is not None:
        template = Path(report["template"])
        if not template.is_dir() or location.resolve() not in template.resolve().parents:
            built.fail(f"template_path() is {template}, not a folder of the installed package")
    others = ", ".join(
        f"{name} {version}"
        for name, version in sorted(report["installed"].items())
        if normalize(name) != built.package.dist
    )
    built.summary = (
        f"{built.package.dist} {built.version}: {len(report['files'])} files, "
        f"{len(report['modules'])} modules imported; brought {others or 'nothing else'}"
    )


def packages_to_check(root: Path, names: Sequence[str]) -> list[Package]:
    """The packages named on the command line, or all of them."""
    packages = root / "packages"
    if names:
        return [find_package(packages, name) for name in names]
    return [
        Package(pyproject.parent.name, pyproject.parent)
        for pyproject in sorted(packages.glob("masonite-*/pyproject.toml"))
    ]


def run(root: Path, names: Sequence[str], dist_dir: Path, wheelhouse: Path) -> list[str]:
    """Build and check; return every problem found (empty when all is well)."""
    hatch = find_tool("hatch", hint="install it with `pip install hatch`")
    dist_dir.mkdir(parents=True, exist_ok=True)
    packages = packages_to_check(root, names)
    builds = [build(package, dist_dir, hatch) for package in packages]
    problems = twine_check([a for b in builds for a in (b.wheel, b.sdist)])
    for built in builds:
        inspect_wheel(built)
        inspect_sdist(built)
    fill_wheelhouse(third_party_requirements(b.wheel for b in builds), wheelhouse)
    with tempfile.TemporaryDirectory(prefix="dist-check-") as work:
        for built in builds:
            install_alone(built, dist_dir, wheelhouse, Path(work))
            problems += built.problems
            if built.summary:
                print(built.summary)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dist_check.py", description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", metavar="PART", help="packages to check (default all)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--dist-dir", type=Path, default=None, help="default: <root>/dist")
    parser.add_argument(
        "--wheelhouse", type=Path, default=None, help="default: <root>/build/wheelhouse"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    dist_dir = (args.dist_dir or root / "dist").resolve()
    wheelhouse = (args.wheelhouse or root / "build" / "wheelhouse").resolve()
    try:
        problems = run(root, args.parts, dist_dir, wheelhouse)
    except (CheckFailed, ToolMissing) as error:
        problems = [str(error)]
    except ReleaseError as error:
        problems = error.problems
    for problem in problems:
        print(problem)
    if problems:
        print(f"dist: FAILED ({len(problems)} problem(s))")
        return 1
    print(f"dist: every distribution built, checked and installed alone into {dist_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
