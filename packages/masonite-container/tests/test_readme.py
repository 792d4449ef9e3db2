"""The README's Python examples run as written (in order, in one namespace)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples_run(capsys: Any) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 5
    namespace: dict[str, Any] = {"__name__": "readme"}
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)
    container = namespace["container"]
    assert container.collect("*Command") == {"MigrateCommand": "migrate", "SeedCommand": "seed"}
    environ = {"PATH_INFO": "/from-scope"}
    namespace["app"](environ, None)
    request, _ = namespace["provider"].last
    assert request.path == "/from-scope"
    assert "cannot bind 'Mailer'" in capsys.readouterr().out
