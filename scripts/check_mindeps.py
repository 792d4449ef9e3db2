"""Check that an environment holds the lowest third-party versions a package declares.

Usage: ``python scripts/check_mindeps.py DIST`` (``masonite-providers``, ``providers`` or
the tox environment name ``mindeps-providers``), run inside the environment after its
install. It walks the package's requirements and those of the sibling packages it
requires, and for every third-party requirement prints the declared range, its lower
bound and the installed version. It fails when a requirement has no lower bound (its
lowest version would be a random ancient release) or when the installed version is not
the lower bound, so a green ``mindeps`` run really tested the bounds the pyproject files
promise.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, requires, version

from packaging.requirements import Requirement
from packaging.version import Version

_LOWER_OPERATORS = (">=", "~=", "==", "===")


@dataclass
class Declared:
    """Every requirement on one third-party distribution within the package's closure."""

    name: str
    ranges: list[tuple[str, str]] = field(default_factory=list)  # (owner, specifier)
    lower: Version | None = None
    unbounded_by: list[str] = field(default_factory=list)


def normalize(name: str) -> str:
    """Return the PEP 503 normalized form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution_name(argument: str) -> str:
    """Map ``mindeps-routing``, ``routing`` or ``masonite-routing`` to ``masonite-routing``."""
    name = normalize(argument).removeprefix("mindeps-")
    return name if name.startswith("masonite-") else f"masonite-{name}"


def applies(requirement: Requirement) -> bool:
    """True when the requirement's marker holds here, outside any extra."""
    return requirement.marker is None or requirement.marker.evaluate({"extra": ""})


def collect(dist: str) -> dict[str, Declared]:
    """Gather the third-party requirements of ``dist`` and of the siblings it requires."""
    declared: dict[str, Declared] = {}
    seen: set[str] = set()
    pending = [dist]
    while pending:
        owner = pending.pop()
        if owner in seen:
            continue
        seen.add(owner)
        for line in requires(owner) or []:
            requirement = Requirement(line)
            if not applies(requirement):
                continue
            name = normalize(requirement.name)
            if name.startswith("masonite-"):
                pending.append(name)
                continue
            entry = declared.setdefault(name, Declared(name))
            entry.ranges.append((owner, str(requirement.specifier) or "(any)"))
            bounds = [
                Version(spec.version)
                for spec in requirement.specifier
                if spec.operator in _LOWER_OPERATORS
            ]
            if not bounds:
                entry.unbounded_by.append(owner)
                continue
            highest = max(bounds)
            entry.lower = highest if entry.lower is None else max(entry.lower, highest)
    return declared


def check(dist: str) -> list[str]:
    """Print one line per third-party requirement and return the problems found."""
    problems: list[str] = []
    declared = collect(dist)
    print(f"mindeps: {dist} on Python {sys.version.split()[0]}")
    for name in sorted(declared):
        entry = declared[name]
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "not installed"
        ranges = "; ".join(f"{owner} {spec}" for owner, spec in entry.ranges)
        lower = str(entry.lower or "-")
        print(f"  {name:<16} {installed:<10} lower bound {lower:<8} {ranges}")
        if entry.unbounded_by:
            owners = ", ".join(entry.unbounded_by)
            problems.append(f"{name}: {owners} declare no lower bound; add '>=X.Y'")
        elif installed == "not installed":
            problems.append(f"{name}: required but not installed")
        elif entry.lower is not None and Version(installed) != entry.lower:
            problems.append(
                f"{name}: installed {installed}, not the lower bound {entry.lower} "
                "(no such release? raise the bound to the lowest release that exists)"
            )
    if not declared:
        print("  no third-party requirements")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: check_mindeps.py DIST")
        return 2
    dist = distribution_name(argv[1])
    try:
        problems = check(dist)
    except PackageNotFoundError:
        print(f"check_mindeps: {dist} is not installed in this environment")
        return 1
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
