"""Shared fixtures for the tests of the release scripts: a miniature tree to release from."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

# The scripts are plain files, not a package: make them importable by name.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CHANGELOG = """\
# Changelog: {dist}

Intro text that stays where it is.

## Unreleased

### Added
- {dist} does a new thing.

### Fixed

## [0.1.0] - 2024-01-02

### Added
- The first release.
"""


def write_package(
    packages: Path,
    dist: str,
    version: str,
    dependencies: list[str],
    changelog: str | None = None,
) -> Path:
    """Write one minimal hatchling package folder, laid out like the real ones, and return it."""
    part = dist.removeprefix("masonite-")
    folder = packages / dist
    module = folder / "src" / "masonite" / part
    module.mkdir(parents=True)
    (module / "__about__.py").write_text(
        f'"""Version of {dist}."""\n\n__version__ = "{version}"\n', encoding="utf-8"
    )
    (module / "__init__.py").write_text(
        f"from masonite.{part}.__about__ import __version__\n", encoding="utf-8"
    )
    (module / "py.typed").write_text("", encoding="utf-8")
    (folder / "tests").mkdir()
    (folder / "tests" / "test_it.py").write_text("def test_it() -> None:\n    pass\n")
    (folder / "README.md").write_text(f"# {dist}\n\nA package.\n", encoding="utf-8")
    deps = ", ".join(f'"{dep}"' for dep in dependencies)
    (folder / "pyproject.toml").write_text(
        textwrap.dedent(
            f"""\
            [build-system]
            requires = ["hatchling>=1.21"]
            build-backend = "hatchling.build"

            [project]
            name = "{dist}"
            dynamic = ["version"]
            description = "A miniature package."
            readme = "README.md"
            requires-python = ">=3.10"
            dependencies = [{deps}]

            [tool.hatch.version]
            path = "src/masonite/{part}/__about__.py"

            [tool.hatch.build.targets.wheel]
            packages = ["src/masonite"]

            [tool.hatch.build.targets.sdist]
            include = ["src", "tests", "README.md", "CHANGELOG.md"]
            """
        ),
        encoding="utf-8",
    )
    text = CHANGELOG.format(dist=dist) if changelog is None else changelog
    (folder / "CHANGELOG.md").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A miniature monorepo: alpha, beta (needs alpha <0.2) and gamma (needs alpha <1)."""
    root = tmp_path / "tree"
    packages = root / "packages"
    packages.mkdir(parents=True)
    write_package(packages, "masonite-alpha", "0.1.0", [])
    write_package(packages, "masonite-beta", "0.3.2", ["masonite-alpha>=0.1,<0.2", "jinja2>=3.1"])
    write_package(packages, "masonite-gamma", "1.0.0", ["masonite-alpha >=0.1, <1"])
    return root


@pytest.fixture
def add_package() -> Callable[..., Path]:
    """Return :func:`write_package`, to add packages to a tree inside a test."""
    return write_package


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Return a function that reads every file under a folder, to prove nothing changed."""

    def read(root: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(root)): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }

    return read
