"""Uploaded files from multipart bodies."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import IO

__all__ = ["UploadedFile", "clean_filename"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# NAME_MAX of common file systems (ext4, XFS, APFS): a longer name cannot be created.
MAX_NAME_BYTES = 255
# A suffix longer than this is not an extension worth keeping when a name is shortened.
_MAX_SUFFIX_BYTES = 16


def clean_filename(raw: str) -> str:
    """The last path component of ``raw`` without NUL or control characters.

    Both ``/`` and ``\\`` count as separators (browsers on Windows send full paths);
    ``.`` and ``..`` become empty. A name over 255 bytes of UTF-8 is shortened, its
    extension kept, so that ``save()`` can create it.
    """
    name = _CONTROL.sub("", raw)
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if len(name.encode("utf-8", "replace")) > MAX_NAME_BYTES:
        name = _shorten(name)
    return "" if name in (".", "..") else name


def _shorten(name: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    tail = (dot + suffix).encode("utf-8", "replace")
    if not stem or len(tail) > _MAX_SUFFIX_BYTES:
        stem, tail = name, b""
    # Cut on bytes, then drop a character the cut split in two.
    head = stem.encode("utf-8", "replace")[: MAX_NAME_BYTES - len(tail)]
    return (head.decode("utf-8", "ignore").rstrip() + tail.decode("utf-8")).strip()


class UploadedFile:
    """A file uploaded in a multipart body.

    Attributes:
        filename: The client's file name with any directory part, NUL and control
            characters removed (may be empty).
        content_type: The part's media type (``application/octet-stream`` when absent).
        size: The size in bytes.
        stream: The binary file object holding the data (memory, or disk when large).
    """

    __slots__ = ("content_type", "filename", "size", "stream")

    def __init__(self, filename: str, content_type: str, size: int, stream: IO[bytes]) -> None:
        self.filename = clean_filename(filename)
        self.content_type = content_type
        self.size = size
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes (all remaining when negative) from the current position."""
        return self.stream.read(size)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        """Move the read position, like ``file.seek``."""
        return self.stream.seek(offset, whence)

    def save(self, directory: str | os.PathLike[str], name: str | None = None) -> Path:
        """Write the file into ``directory`` and return its path.

        ``name`` (default: ``filename``) is reduced to a bare file name, so the file is
        always written inside ``directory``, never through a symlink; the directory is
        created when missing and an existing file of that name is replaced.

        Raises:
            ValueError: no usable file name is left after cleaning.
        """
        target_name = clean_filename(self.filename if name is None else name)
        if not target_name:
            raise ValueError("uploaded file has no usable file name; pass name=")
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        folder = folder.resolve()
        target = folder / target_name
        if target.resolve().parent != folder:
            raise ValueError(f"refusing to write {target_name!r} outside {folder}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        flags |= getattr(os, "O_BINARY", 0)
        position = self.stream.tell()
        self.stream.seek(0)
        try:
            with os.fdopen(os.open(target, flags, 0o644), "wb") as out:
                shutil.copyfileobj(self.stream, out)
        finally:
            self.stream.seek(position)
        return target

    def close(self) -> None:
        """Release the data (removes the spooled temporary file)."""
        self.stream.close()

    def __repr__(self) -> str:
        return f"<UploadedFile {self.filename!r} ({self.content_type}, {self.size} bytes)>"
