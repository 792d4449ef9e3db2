from __future__ import annotations

import base64
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cleo.testers.command_tester import CommandTester

from masonite.craft.commands.key import KeyCommand


def run(args: str = "") -> tuple[int, str, str]:
    tester = CommandTester(KeyCommand())
    status = tester.execute(args)
    return status, tester.io.fetch_output(), tester.io.fetch_error()


def test_key_prints_a_new_key_and_writes_nothing(workdir: Path) -> None:
    status, out, err = run()
    assert (status, err) == (0, "")
    key = out.strip()
    assert out == key + "\n"
    assert len(base64.urlsafe_b64decode(key)) == 32
    assert run()[1] != out
    assert list(workdir.iterdir()) == []


def test_key_store_creates_env(workdir: Path) -> None:
    status, out, _ = run("--store")
    assert status == 0
    env = workdir / ".env"
    assert out == f"Stored a new KEY in {env}\n"
    (line,) = env.read_text().splitlines()
    assert line.startswith("KEY=")
    assert len(base64.urlsafe_b64decode(line[4:])) == 32
    if os.name == "posix":
        assert stat.S_IMODE(env.stat().st_mode) == 0o600


def test_key_store_replaces_the_key_and_keeps_other_lines(workdir: Path) -> None:
    env = workdir / ".env"
    env.write_text("APP_NAME=blog\nKEY=old\n# comment\nDEBUG=False\n")
    assert run("-s")[0] == 0
    lines = env.read_text().splitlines()
    assert lines[0] == "APP_NAME=blog"
    assert lines[1].startswith("KEY=")
    assert lines[1] != "KEY=old"
    assert lines[2:] == ["# comment", "DEBUG=False"]


def test_key_store_reports_an_unwritable_env_in_one_line(workdir: Path) -> None:
    (workdir / ".env").mkdir()  # a folder where the file should be
    status, out, err = run("--store")
    assert status == 1
    assert out == ""
    assert err.startswith(f"craft: could not write {workdir / '.env'}: ")
    assert err.count("\n") == 1


def test_key_store_reports_an_undecodable_env_in_one_line(workdir: Path) -> None:
    (workdir / ".env").write_bytes(b"KEY=\xff\n")
    status, _, err = run("--store")
    assert status == 1
    assert err.startswith("craft: could not write")
    assert (workdir / ".env").read_bytes() == b"KEY=\xff\n"


@pytest.mark.parametrize("args", ["key --nope", "key extra"])
def test_key_usage_errors_are_one_line(craft: Callable[[str], Any], args: str) -> None:
    result = craft(args)
    assert result.status == 1
    assert result.err.count("\n") == 1
    assert result.err.endswith("(see: craft key --help)\n")


def test_key_help(craft: Callable[[str], Any]) -> None:
    result = craft("help key")
    assert result.status == 0
    assert "--store" in result.out
    assert "Fernet" in result.out
