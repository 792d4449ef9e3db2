from __future__ import annotations

import stat
from pathlib import Path

import pytest
import tooling


def make_executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_prefers_the_tool_beside_the_interpreter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    beside = make_executable(tmp_path / "venv" / "bin" / "hatch")
    make_executable(tmp_path / "path" / "hatch")
    monkeypatch.setattr(tooling.sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "path"))
    assert tooling.find_tool("hatch", hint="x") == str(beside)


def test_falls_back_to_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_path = make_executable(tmp_path / "path" / "hatch")
    monkeypatch.setattr(tooling.sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "path"))
    assert tooling.find_tool("hatch", hint="x") == str(on_path)


def test_missing_tool_says_where_it_looked_and_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "venv" / "bin").mkdir(parents=True)
    (tmp_path / "venv" / "bin" / "hatch").write_text("not executable", encoding="utf-8")
    monkeypatch.setattr(tooling.sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(tooling.ToolMissing, match=r"hatch not found on PATH .*; pip install"):
        tooling.find_tool("hatch", hint="pip install hatch")
