"""Fixtures shared by every package's tests in this monorepo.

pytest loads this file for any test under ``packages/`` (the rootdir is the repository,
whose ``pyproject.toml`` holds the pytest settings), so each package's tests can use
these fixtures without a test-helper distribution of their own.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

_PYTHON_BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """Return each ```python block as (line number of its first code line, code)."""
    return [
        (text.count("\n", 0, match.start(1)) + 1, match.group(1))
        for match in _PYTHON_BLOCK.finditer(text)
    ]


@pytest.fixture
def run_readme_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], int]:
    """Return ``run(readme)``: execute every ```python block of a README as a test.

    The blocks run in order, in one fresh module namespace, from an empty temporary
    working directory (also put on ``sys.path``, so an example may write a module and
    import it), the way a reader pastes them into one interpreter. Code under
    ``if __name__ == "__main__":`` does not run, so an example may end by starting a
    server. A block that is not meant to run is fenced as something other than
    ``python`` (``text``, ``console``, ``shell``). Tracebacks point at the README's line
    numbers. ``run`` fails when the README has no ```python block and returns how many
    blocks ran.
    """

    def run(readme: Path) -> int:
        blocks = python_blocks(readme.read_text(encoding="utf-8"))
        assert blocks, f"{readme} has no ```python example"
        monkeypatch.chdir(tmp_path)
        monkeypatch.syspath_prepend(str(tmp_path))
        module = types.ModuleType("readme_example")
        module.__file__ = str(readme)
        monkeypatch.setitem(sys.modules, module.__name__, module)
        before = set(sys.modules)
        try:
            for first_line, code in blocks:
                # Pad with newlines so the compiled code carries README.md's line numbers.
                padded = "\n" * (first_line - 1) + code
                exec(compile(padded, str(readme), "exec"), module.__dict__)
        finally:
            for name in set(sys.modules) - before:
                origin = getattr(sys.modules[name], "__file__", None) or ""
                if origin.startswith(str(tmp_path)):
                    del sys.modules[name]
        return len(blocks)

    return run
