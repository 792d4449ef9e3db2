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


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a" * 300 + ".txt", "a" * 251 + ".txt"),
        ("é" * 200 + ".pdf", "é" * 125 + ".pdf"),  # 2 bytes each: no character is split
        ("a" * 300, "a" * 255),
        ("a" * 250 + "." + "b" * 40, ("a" * 250 + "." + "b" * 40)[:255]),  # no extension
        ("a" * 255, "a" * 255),
    ],
)
def test_a_name_too_long_for_a_file_system_is_shortened(raw: str, clean: str) -> None:
    assert clean_filename(raw) == clean
    assert len(clean.encode()) <= 255


def test_a_file_with_a_hostile_long_name_is_saved(tmp_path: Path) -> None:
    # Without shortening, open() fails with ENAMETOOLONG: a 500 for the client's input.
    upload = make("x" * 1000 + ".txt")
    path = upload.save(tmp_path)
    assert path.parent == tmp_path.resolve()
    assert path.name == "x" * 251 + ".txt"
    assert path.read_bytes() == b"hello"


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
