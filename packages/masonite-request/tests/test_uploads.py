from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from masonite.request import UploadedFile
from masonite.request.uploads import clean_filename


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("photo.jpg", "photo.jpg"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Windows\\evil.exe", "evil.exe"),
        ("a\x00b\x1f\x7fc.txt", "abc.txt"),
        ("  spaced.txt  ", "spaced.txt"),
        ("..", ""),
        (".", ""),
        ("dir/", ""),
        ("\x00", ""),
        (".hidden", ".hidden"),
        ("résumé.pdf", "résumé.pdf"),
    ],
)
def test_clean_filename(raw: str, clean: str) -> None:
    assert clean_filename(raw) == clean


def make(filename: str = "a.txt", data: bytes = b"hello") -> UploadedFile:
    return UploadedFile(filename, "text/plain", len(data), io.BytesIO(data))


def test_attributes_and_reading() -> None:
    upload = make("../x/notes.txt")
    assert upload.filename == "notes.txt"
    assert upload.content_type == "text/plain"
    assert upload.size == 5
    assert upload.read(2) == b"he"
    assert upload.read() == b"llo"
    upload.seek(0)
    assert upload.read() == b"hello"
    assert "notes.txt" in repr(upload)
    upload.close()
    assert upload.stream.closed


def test_save_writes_inside_the_directory(tmp_path: Path) -> None:
    upload = make()
    upload.read(1)
    target = upload.save(tmp_path / "new" / "dir")
    assert target == (tmp_path / "new" / "dir").resolve() / "a.txt"
    assert target.read_bytes() == b"hello"
    assert upload.read() == b"ello"  # the read position is kept
    assert upload.save(tmp_path, "../../escape.txt") == tmp_path.resolve() / "escape.txt"
    assert not (tmp_path.parent.parent / "escape.txt").exists()
    assert upload.save(str(tmp_path), "renamed.bin").name == "renamed.bin"


def test_save_refuses_unusable_names(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="name"):
        make("..").save(tmp_path)
    with pytest.raises(ValueError, match="name"):
        make().save(tmp_path, "../")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_save_never_follows_a_symlink_out(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep")
    folder = tmp_path / "uploads"
    folder.mkdir()
    (folder / "a.txt").symlink_to(outside)
    with pytest.raises((ValueError, OSError)):
        make("a.txt", b"evil").save(folder)
    assert outside.read_bytes() == b"keep"
