from __future__ import annotations

import sys
import textwrap
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

#: Writes files of a throw-away package: ``make_package({"http/controllers/X.py": "..."})``
#: returns the package's (unique) top-level name.
PackageFactory = Callable[[dict[str, str]], str]


@pytest.fixture
def make_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PackageFactory]:
    names: list[str] = []
    monkeypatch.syspath_prepend(str(tmp_path))

    def make(files: dict[str, str]) -> str:
        name = f"pkg_{uuid.uuid4().hex[:12]}"
        names.append(name)
        root = tmp_path / name
        root.mkdir()
        (root / "__init__.py").write_text("")
        for relative, source in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            for parent in path.relative_to(root).parents:
                init = root / parent / "__init__.py"
                if not init.exists():
                    init.write_text("")
            path.write_text(textwrap.dedent(source))
        return name

    yield make
    for name in names:
        for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[module]
