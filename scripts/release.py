"""Prepare the release of one package of the tree: version, changelog, sibling ranges, tag.

Usage::

    python scripts/release.py DIST PART [--dry-run] [--date YYYY-MM-DD]

``DIST`` names the package (``masonite-routing`` or ``routing``); ``PART`` is ``major``,
``minor``, ``patch`` or an explicit ``X.Y.Z`` higher than the current version (or equal to
it, for the first release of the version already in ``__about__.py``). Every check
runs before anything is written, so a refused release leaves the tree untouched:

- the new version is a plain ``X.Y.Z`` above the current one and its tag does not exist yet;
- ``## Unreleased`` in the package's CHANGELOG.md has entries, and no section for the new
  version exists already;
- every sibling that requires this package admits the new version (otherwise each range to
  widen is listed).

Then ``hatch version`` (run in the package folder) rewrites ``__about__.py``, the Unreleased
entries move under ``## [X.Y.Z] - YYYY-MM-DD`` with an empty ``## Unreleased`` left on top,
and the tag ``masonite-<part>-vX.Y.Z`` is printed as the last line. Committing, tagging and
publishing stay manual steps; RELEASING.md lists them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tomllib

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_siblings
from tooling import ToolMissing, find_tool

ROOT = Path(__file__).resolve().parent.parent
BUMPS = ("major", "minor", "patch")
_ABOUT_VERSION = re.compile(r'^__version__\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_PLAIN_VERSION = re.compile(r"\d+\.\d+\.\d+")
_REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_UNRELEASED = re.compile(r"^##\s+\[?Unreleased\]?\s*$", re.IGNORECASE)
_SECTION = re.compile(r"^##\s")
_SUBSECTION = re.compile(r"^###\s")


class ReleaseError(Exception):
    """A release check failed; ``problems`` holds one line per failure."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Package:
    """One distribution folder under ``packages/``."""

    dist: str
    folder: Path

    @property
    def part(self) -> str:
        return self.dist.removeprefix("masonite-")

    @property
    def about(self) -> Path:
        return self.folder / "src" / "masonite" / self.part / "__about__.py"

    @property
    def changelog(self) -> Path:
        return self.folder / "CHANGELOG.md"

    def tag(self, version: str) -> str:
        return f"{self.dist}-v{version}"


@dataclass(frozen=True)
class Plan:
    """Everything a release will write, computed and checked before any write."""

    package: Package
    old_version: str
    new_version: str
    changelog_text: str
    dependants: list[str]

    @property
    def tag(self) -> str:
        return self.package.tag(self.new_version)

    @property
    def bumps(self) -> bool:
        """False for a first release of the version ``__about__.py`` already holds."""
        return self.new_version != self.old_version


def normalize(name: str) -> str:
    """Return the PEP 503 normalized form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def find_package(packages: Path, name: str) -> Package:
    """Return the package called ``name`` (``masonite-routing`` or ``routing``).

    Raises:
        ReleaseError: when no such folder exists under ``packages``.
    """
    dist = normalize(name)
    if not dist.startswith("masonite-"):
        dist = f"masonite-{dist}"
    folder = packages / dist
    if not (folder / "pyproject.toml").is_file():
        known = ", ".join(sorted(p.parent.name for p in packages.glob("masonite-*/pyproject.toml")))
        raise ReleaseError([f"{name}: no such package (known: {known or 'none'})"])
    return Package(dist, folder)


def read_version(about: Path) -> str:
    """Return the ``__version__`` string that ``about`` declares."""
    try:
        text = about.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReleaseError([f"{about}: missing"]) from None
    match = _ABOUT_VERSION.search(text)
    if match is None:
        raise ReleaseError([f"{about}: no __version__ found"])
    return match.group(1)


def next_version(current: str, part: str) -> str:
    """Return the version ``part`` leads to from ``current``.

    ``part`` is ``major``, ``minor``, ``patch`` (the same steps as ``hatch version``) or an
    explicit ``X.Y.Z`` that must be higher than ``current``, or equal to it to release the
    version ``__about__.py`` already holds (a package's first release); the changelog and
    tag checks refuse it when that version was released before.

    Raises:
        ReleaseError: for a version that is not plain ``X.Y.Z`` or not an increase.
    """
    if not _PLAIN_VERSION.fullmatch(current):
        raise ReleaseError([f"current version {current!r} is not a plain X.Y.Z release"])
    major, minor, patch = check_siblings.parse_version(current)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    if part == "patch":
        return f"{major}.{minor}.{patch + 1}"
    if not _PLAIN_VERSION.fullmatch(part):
        raise ReleaseError([f"{part!r}: expected major, minor, patch or a version like 1.2.3"])
    if check_siblings.parse_version(part) < check_siblings.parse_version(current):
        raise ReleaseError([f"{part} is lower than the current version {current}"])
    return part


def release_changelog(text: str, version: str, date: str) -> str:
    """Move the ``## Unreleased`` entries of a changelog under ``## [version] - date``.

    An empty ``## Unreleased`` heading stays on top; ``###`` groups without entries are
    dropped from the released section.

    Raises:
        ReleaseError: when there is no Unreleased section, it has no entries, or a section
            for ``version`` exists already.
    """
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _UNRELEASED.match(line)), None)
    if start is None:
        raise ReleaseError(["CHANGELOG.md: no '## Unreleased' section"])
    end = next(
        (i for i in range(start + 1, len(lines)) if _SECTION.match(lines[i])),
        len(lines),
    )
    released = re.compile(rf"^##\s+\[?{re.escape(version)}\]?(\s|$)")
    if any(released.match(line) for line in lines):
        raise ReleaseError([f"CHANGELOG.md: a section for {version} exists already"])
    entries = _drop_empty_groups(lines[start + 1 : end])
    if not entries:
        raise ReleaseError(["CHANGELOG.md: '## Unreleased' has no entries; nothing to release"])
    rest = lines[end:]
    out = [*lines[:start], "## Unreleased", "", f"## [{version}] - {date}", "", *entries]
    if rest:
        out += ["", *rest]
    return "\n".join(out) + "\n"


def _drop_empty_groups(body: list[str]) -> list[str]:
    """Return ``body`` without ``###`` groups that hold no entry, trimmed of blank edges."""
    groups: list[list[str]] = [[]]
    for line in body:
        if _SUBSECTION.match(line):
            groups.append([line])
        else:
            groups[-1].append(line)
    kept: list[str] = []
    for group in groups:
        heading = bool(group) and _SUBSECTION.match(group[0]) is not None
        content = group[1:] if heading else group
        if not any(line.strip() for line in content):
            continue
        if kept and kept[-1].strip():
            kept.append("")
        kept.extend(group)
        while kept and not kept[-1].strip():
            kept.pop()
    while kept and not kept[0].strip():
        kept.pop(0)
    return kept


def tree_versions(packages: Path) -> dict[str, tuple[int, ...]]:
    """Map each package folder name to its ``__about__.py`` version (as check_siblings does)."""
    versions: dict[str, tuple[int, ...]] = {}
    for pyproject in sorted(packages.glob("masonite-*/pyproject.toml")):
        package = Package(pyproject.parent.name, pyproject.parent)
        raw = read_version(package.about)
        try:
            versions[package.dist] = check_siblings.parse_version(raw)
        except ValueError:
            raise ReleaseError([f"{package.about}: version {raw!r} is not X.Y.Z"]) from None
    return versions


def sibling_problems(
    packages: Path, target: Package, new_version: str
) -> tuple[list[str], list[str]]:
    """Check every sibling's requirement on ``target`` against ``new_version``.

    Returns:
        The names of the siblings that depend on ``target`` and one line per requirement
        that does not admit ``new_version`` (with what to widen).
    """
    current = tree_versions(packages)
    versions = {**current, target.dist: check_siblings.parse_version(new_version)}
    dependants: list[str] = []
    problems: list[str] = []
    for pyproject in sorted(packages.glob("masonite-*/pyproject.toml")):
        if pyproject.parent == target.folder:
            continue
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        owner = str(project.get("name", pyproject.parent.name))
        requirements = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            requirements.extend(extra)
        for requirement in requirements:
            match = _REQUIREMENT_NAME.match(requirement)
            if match is None or normalize(match.group(1)) != target.dist:
                continue
            if owner not in dependants:
                dependants.append(owner)
            if not check_siblings.check_requirement(owner, requirement, versions):
                continue
            problem = f"{owner}: {requirement} → widen to admit {new_version}"
            # A range that is wrong already (pinned, unbounded, not admitting the tree)
            # needs more than widening: show check_siblings' reasons too.
            broken = check_siblings.check_requirement(owner, requirement, current)
            problems.append("; ".join([problem, *broken]))
    return dependants, problems


def tag_exists(root: Path, tag: str) -> bool:
    """Return True when ``root`` is in a git work tree that already has ``tag``."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "tag", "--list", tag],
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:  # no git: nothing to compare against
        return False
    return result.returncode == 0 and tag in result.stdout.split()


def plan_release(root: Path, name: str, part: str, date: str) -> Plan:
    """Run every check and compute what the release writes, without writing.

    Raises:
        ReleaseError: listing every check that failed.
    """
    packages = root / "packages"
    package = find_package(packages, name)
    old = read_version(package.about)
    new = next_version(old, part)
    problems: list[str] = []
    if tag_exists(root, package.tag(new)):
        problems.append(f"tag {package.tag(new)} exists already")
    changelog_text = ""
    try:
        changelog_text = release_changelog(package.changelog.read_text(encoding="utf-8"), new, date)
    except FileNotFoundError:
        problems.append(f"{package.changelog}: missing")
    except ReleaseError as error:
        problems.extend(f"{package.dist}: {problem}" for problem in error.problems)
    dependants, widen = sibling_problems(packages, package, new)
    problems.extend(widen)
    if problems:
        raise ReleaseError(problems)
    return Plan(package, old, new, changelog_text, dependants)


def apply(plan: Plan, hatch: str | None) -> None:
    """Write the release: ``hatch version`` in the package folder, then the changelog.

    ``hatch`` may be None only for a plan that does not bump (a first release).

    Raises:
        ReleaseError: when hatch fails or writes another version (the version file is then
            restored and the changelog left alone).
    """
    if plan.bumps:
        if hatch is None:
            raise ReleaseError([f"hatch is needed to bump to {plan.new_version}"])
        _bump(plan, hatch)
    plan.package.changelog.write_text(plan.changelog_text, encoding="utf-8")


def _bump(plan: Plan, hatch: str) -> None:
    original = plan.package.about.read_text(encoding="utf-8")
    result = subprocess.run(
        [hatch, "version", plan.new_version],
        cwd=plan.package.folder,
        capture_output=True,
        text=True,
        check=False,
    )
    written = read_version(plan.package.about)
    if result.returncode != 0 or written != plan.new_version:
        plan.package.about.write_text(original, encoding="utf-8")
        output = (result.stderr.strip() or result.stdout.strip()).splitlines()
        detail = output[-1] if output else f"wrote {written}"
        raise ReleaseError([f"hatch version {plan.new_version} failed: {detail}"])


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a YYYY-MM-DD date") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="release.py",
        description="Bump a package's version and changelog, check its dependants, print its tag.",
    )
    parser.add_argument("dist", metavar="DIST", help="masonite-routing or routing")
    parser.add_argument("part", metavar="PART", help="major, minor, patch or X.Y.Z")
    parser.add_argument("--dry-run", action="store_true", help="run every check, write nothing")
    parser.add_argument("--date", type=_date, default=dt.date.today().isoformat())
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    try:
        plan = plan_release(args.root.resolve(), args.dist, args.part, args.date)
        if not args.dry_run:
            hint = "install it with `pip install hatch`"
            apply(plan, find_tool("hatch", hint=hint) if plan.bumps else None)
    except ReleaseError as error:
        print("release refused, nothing was changed:")
        for problem in error.problems:
            print(f"  {problem}")
        return 1
    except ToolMissing as error:
        print(f"release refused, nothing was changed: {error}")
        return 1

    package = plan.package
    where = package.folder.relative_to(args.root.resolve())
    if plan.bumps:
        verb = "would bump" if args.dry_run else "bumped"
        print(f"{package.dist}: {verb} {plan.old_version} → {plan.new_version} ({where})")
    else:
        verb = "would release" if args.dry_run else "released"
        print(f"{package.dist}: {verb} {plan.new_version} as __about__.py holds it ({where})")
    print(f"  changelog: Unreleased → [{plan.new_version}] - {args.date}")
    if plan.dependants:
        print(f"  admitted by the ranges of: {', '.join(plan.dependants)}")
    else:
        print("  no sibling depends on it")
    if args.dry_run:
        print("  dry run: nothing was written")
    print(plan.tag)
    return 0


if __name__ == "__main__":
    sys.exit(main())
