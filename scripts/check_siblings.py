"""Check that every masonite-* requirement between siblings is an honest range.

A sibling requirement fails when it pins with ``==`` (or ``===``), when it has no
upper bound (a future major release of the sibling could break us), or when it does
not admit the version of that sibling that is in this tree. Exit status 1 on any
failure, with one line per problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "packages"
_VERSION = re.compile(r'^__version__\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_REQUIREMENT = re.compile(r"^\s*(masonite-[a-z]+)\s*(?:\[[^\]]*\])?\s*(.*?)\s*(?:;.*)?$")


def parse_version(text: str) -> tuple[int, ...]:
    """Turn ``'0.1.0'`` into ``(0, 1, 0)``; only plain release numbers are used here."""
    return tuple(int(part) for part in text.split("."))


def in_tree_versions() -> dict[str, tuple[int, ...]]:
    """Map each distribution name to the version its ``__about__.py`` declares."""
    versions: dict[str, tuple[int, ...]] = {}
    for about in sorted(PACKAGES.glob("masonite-*/src/masonite/*/__about__.py")):
        match = _VERSION.search(about.read_text(encoding="utf-8"))
        if match is None:
            raise SystemExit(f"{about}: no __version__ found")
        versions[about.parents[3].name] = parse_version(match.group(1))
    return versions


def _admits(op: str, bound: tuple[int, ...], version: tuple[int, ...]) -> bool:
    width = max(len(bound), len(version))
    left = version + (0,) * (width - len(version))
    right = bound + (0,) * (width - len(bound))
    return {
        ">=": left >= right,
        ">": left > right,
        "<=": left <= right,
        "<": left < right,
        "!=": left != right,
    }[op]


def check_requirement(
    owner: str, requirement: str, versions: dict[str, tuple[int, ...]]
) -> list[str]:
    """Return the problems with one requirement string of ``owner`` (empty when fine)."""
    match = _REQUIREMENT.match(requirement)
    if match is None:
        return []
    name, spec = match.group(1), match.group(2).replace(" ", "")
    where = f"{owner}: {requirement!r}"
    if name not in versions:
        return [f"{where}: {name} is not a package of this tree"]
    clauses = [clause for clause in spec.split(",") if clause]
    if not clauses:
        return [f"{where}: no version range (use '>=X.Y,<X.Y+1')"]
    problems: list[str] = []
    has_upper = False
    for clause in clauses:
        op_match = re.match(r"(===|==|~=|>=|<=|!=|>|<)(.+)", clause)
        if op_match is None:
            problems.append(f"{where}: cannot read clause {clause!r}")
            continue
        op, raw = op_match.groups()
        if op in ("==", "==="):
            problems.append(f"{where}: pinned with {op}; siblings take ranges")
            continue
        if op == "~=":
            problems.append(f"{where}: use an explicit '>=,<' range instead of ~=")
            continue
        try:
            bound = parse_version(raw)
        except ValueError:
            problems.append(f"{where}: cannot read version {raw!r}")
            continue
        has_upper = has_upper or op in ("<", "<=")
        if not _admits(op, bound, versions[name]):
            have = ".".join(map(str, versions[name]))
            problems.append(f"{where}: does not admit the in-tree {name} {have}")
    if not has_upper and not problems:
        problems.append(f"{where}: no upper bound")
    return problems


def main() -> int:
    versions = in_tree_versions()
    problems: list[str] = []
    checked = 0
    for pyproject in sorted(PACKAGES.glob("masonite-*/pyproject.toml")):
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        project = data.get("project", {})
        requirements = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            requirements.extend(extra)
        for requirement in requirements:
            if requirement.strip().startswith("masonite-"):
                checked += 1
                problems.extend(check_requirement(project["name"], requirement, versions))
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"siblings: {checked} sibling requirements checked, all ranges admit the tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
