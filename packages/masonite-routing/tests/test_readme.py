"""The README of masonite-routing is part of its tests: every ```python block in it runs.

How the blocks run is described by the shared ``run_readme_examples`` fixture in
``packages/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples_run(run_readme_examples: Callable[[Path], int]) -> None:
    assert run_readme_examples(README) >= 1
