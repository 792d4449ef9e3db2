from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from masonite.craft.keys import generate_key, store_key, with_key, write_private


def test_generate_key_is_32_random_bytes_in_urlsafe_base64() -> None:
    keys = {generate_key() for _ in range(50)}
    assert len(keys) == 50
    for key in keys:
        assert len(key) == 44
        assert len(base64.urlsafe_b64decode(key)) == 32


def test_generated_key_is_a_valid_fernet_key() -> None:
    fernet = pytest.importorskip("cryptography.fernet")
    token = fernet.Fernet(generate_key().encode()).encrypt(b"x")
    assert token


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", "KEY=new\n"),
        ("A=1\n", "A=1\nKEY=new\n"),
        ("A=1", "A=1\nKEY=new\n"),
        ("KEY=old\n", "KEY=new\n"),
        ("A=1\nKEY=old\nB=2\n", "A=1\nKEY=new\nB=2\n"),
        ("A=1\r\nKEY=old\r\nB=2\r\n", "A=1\r\nKEY=new\r\nB=2\r\n"),
        ("KEY = old", "KEY=new"),
        ("export KEY=old\n", "export KEY=new\n"),
        ("  KEY=old\n", "  KEY=new\n"),
        ("KEY=a\nX=1\nKEY=b\n", "KEY=new\nX=1\n"),
        ("KEY_ID=1\n# KEY=x\nMYKEY=2\n", "KEY_ID=1\n# KEY=x\nMYKEY=2\nKEY=new\n"),
    ],
)
def test_with_key_replaces_the_key_line_and_keeps_the_others(before: str, after: str) -> None:
    assert with_key(before, "new") == after


def test_store_key_creates_an_owner_only_env_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    store_key(env, "k1")
    assert env.read_text() == "KEY=k1\n"
    if os.name == "posix":
        assert stat.S_IMODE(env.stat().st_mode) == 0o600


def test_store_key_keeps_other_lines_and_the_file_mode(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    env = folder / ".env"
    env.write_text("DEBUG=True\nKEY=old\nDB_URL=sqlite://\n")
    env.chmod(0o640)
    store_key(env, "k2")
    assert env.read_text() == "DEBUG=True\nKEY=k2\nDB_URL=sqlite://\n"
    if os.name == "posix":
        assert stat.S_IMODE(env.stat().st_mode) == 0o640
    assert [p.name for p in folder.iterdir()] == [".env"]


@pytest.mark.skipif(os.name != "posix", reason="symlinks need privileges on Windows")
def test_store_key_writes_through_a_symlinked_env(tmp_path: Path) -> None:
    real = tmp_path / "shared.env"
    real.write_text("A=1\n")
    link = tmp_path / ".env"
    link.symlink_to(real)
    store_key(link, "k3")
    assert link.is_symlink()
    assert real.read_text() == "A=1\nKEY=k3\n"


def test_write_private_leaves_no_temporary_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / ".env").write_text("KEY=old\n")

    def fail(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_private(folder / ".env", "KEY=new\n")
    assert [p.name for p in folder.iterdir()] == [".env"]
    assert (folder / ".env").read_text() == "KEY=old\n"
