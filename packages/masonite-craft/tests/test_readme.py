"""The README of masonite-craft is part of its tests: every ```python block in it runs.

The blocks run in order, in one fresh module namespace, from an empty temporary working
directory (also put on ``sys.path``, so an example may write a module and import it), the
way a reader pastes them into one interpreter. Code under ``if __name__ == "__main__":``
does not run, so an example may end by starting a server. A block that is not meant to
run is fenced as something other than ``python`` (``text``, ``console``, ``shell``).
Tracebacks point at README.md line numbers.
"""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
_PYTHON_BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """Return each ```python block as (line number of its first code line, code)."""
    return [
        (text.count("\n", 0, match.start(1)) + 1, match.group(1))
        for match in _PYTHON_BLOCK.finditer(text)
    ]


def test_readme_shows_python_usage() -> None:
    assert python_blocks(README.read_text(encoding="utf-8")), f"{README} has no ```python example"


def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = python_blocks(README.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    module = types.ModuleType("readme_example")
    module.__file__ = str(README)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    before = set(sys.modules)
    try:
        for first_line, code in blocks:
            # Pad with newlines so the compiled code carries README.md's line numbers.
            exec(compile("\n" * (first_line - 1) + code, str(README), "exec"), module.__dict__)
    finally:
        for name in set(sys.modules) - before:
            origin = getattr(sys.modules[name], "__file__", None) or ""
            if origin.startswith(str(tmp_path)):
                del sys.modules[name]
