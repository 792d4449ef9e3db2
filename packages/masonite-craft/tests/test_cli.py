from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from masonite.craft import __version__
from masonite.craft.cli import main


def test_main_runs_craft_with_the_given_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"Craft (version {__version__})\n"


def test_main_returns_non_zero_with_one_line_on_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["serve", "--port", "nope"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "craft: --port must be a whole number from 1 to 65535, not 'nope'\n"


def test_main_reads_sys_argv_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["craft", "key"])
    assert main() == 0
    assert len(capsys.readouterr().out.strip()) == 44


def test_main_reports_a_failure_outside_cleo_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import masonite.craft.application as application

    def broken(*args: object) -> None:
        raise OSError("terminal went away\nfor good")

    monkeypatch.setattr(application.CraftApplication, "__init__", broken)
    assert main(["list"]) == 1
    assert capsys.readouterr().err == "craft: OSError: terminal went away\n"


def test_main_exits_130_on_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    import masonite.craft.application as application

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(application.CraftApplication, "__init__", interrupted)
    assert main(["list"]) == 130


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=60, check=False, env=env
    )


def test_python_m_masonite_craft_help_exits_zero(workdir: Path) -> None:
    result = run(sys.executable, "-m", "masonite.craft", "--help", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "Available commands:" in result.stdout
    assert result.stderr == ""


def test_the_craft_console_script(workdir: Path) -> None:
    script = Path(sys.executable).with_name("craft.exe" if os.name == "nt" else "craft")
    result = run(str(script), "--version", cwd=workdir)
    assert (result.returncode, result.stdout) == (0, f"Craft (version {__version__})\n")
    result = run(str(script), "nope", cwd=workdir)
    assert result.returncode == 1
    assert result.stderr == 'craft: The command "nope" does not exist.\n'


def test_help_imports_nothing_heavy(workdir: Path) -> None:
    # Only third-party packages and craft's own lazy modules: which stdlib modules cleo
    # imports is up to cleo (2.0 imports shutil, 2.1 does not) and costs little.
    code = (
        "import sys\nfrom masonite.craft.cli import main\nmain(['--help'])\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    result = run(sys.executable, "-c", code, cwd=workdir)
    assert result.returncode == 0, result.stderr
    modules = set(result.stdout.rsplit("MODULES ", 1)[1].split())
    heavy = {
        "gunicorn",
        "jinja2",
        "masonite.container",
        "masonite.request",
        "masonite.routing",
        "masonite.providers",
        "masonite.craft.template",
        "masonite.craft.names",
        "masonite.craft.project_commands",
        "masonite.craft.serving",
        "masonite.craft.route_table",
        "masonite.craft.rendering",
    }
    assert modules & heavy == set()
