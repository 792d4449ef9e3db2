"""``multipart/form-data`` bodies, parsed by the ``multipart`` package within limits.

The package's push parser does the byte-level work (it runs in every ``multipart``
release from 1.0 on); this module counts parts, fields and files, caps sizes, spools
files to temporary storage and turns every parser error into a 400.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Iterable
from typing import IO, Any

from multipart import MultipartError, PushMultipartParser

from masonite.request.exceptions import (
    BadRequest,
    HTTPException,
    PayloadTooLarge,
    UnsupportedMediaType,
)
from masonite.request.limits import Limits
from masonite.request.uploads import UploadedFile

__all__ = ["parse_form_data"]

FormValue = str | UploadedFile

_SURROGATE = re.compile("[\ud800-\udfff]")


class _Part:
    __slots__ = ("charset", "content_type", "data", "file", "filename", "name", "size")

    def __init__(self, segment: Any, limits: Limits) -> None:
        self.name: str = segment.name or ""
        self.filename: str | None = segment.filename
        self.content_type: str = segment.content_type or "application/octet-stream"
        self.charset: str = segment.charset or "utf-8"
        self.size = 0
        self.data: list[bytes] = []
        self.file: IO[bytes] | None = None
        if self.filename is not None:
            # Memory first; _write moves the file to disk past limits.file_memory_size.
            # (Not SpooledTemporaryFile: Python 3.13 warns when an in-memory one is
            # collected unclosed, which an application forgetting close() should not see.)
            self.file = io.BytesIO()

    def write(self, chunk: bytes | bytearray, memory_limit: int) -> None:
        file = self.file
        assert file is not None
        if type(file) is io.BytesIO and self.size > memory_limit:
            disk = tempfile.TemporaryFile()  # noqa: SIM115 - owned by the UploadedFile
            disk.write(file.getbuffer())
            file = self.file = disk
        file.write(chunk)


def _check_boundary(boundary: str | None) -> str:
    # RFC 2046: 1 to 70 characters; allow more, but never a line break or control character.
    if not boundary or len(boundary) > 200 or not boundary.isascii() or not boundary.isprintable():
        raise BadRequest("multipart body without a valid boundary")
    return boundary


def parse_form_data(
    chunks: Iterable[bytes],
    boundary: str | None,
    length: int | None,
    limits: Limits,
    max_fields: int,
) -> list[tuple[str, FormValue]]:
    """Parse a multipart body into (name, value) pairs; files become ``UploadedFile``.

    Args:
        chunks: The body, in chunks (already bounded by the caller's size limit).
        boundary: The ``boundary`` parameter of the Content-Type.
        length: The declared Content-Length, if any.
        limits: Part, file, field and size limits.
        max_fields: How many non-file fields may still be added (the query string's
            fields already count against ``limits.max_fields``).

    Raises:
        BadRequest: a missing boundary, a malformed or truncated body, undecodable text.
        PayloadTooLarge: too many parts, fields or files, or an oversized field or file.
        UnsupportedMediaType: a field declares a charset Python does not know.
    """
    parser = PushMultipartParser(
        _check_boundary(boundary),
        content_length=-1 if length is None else length,
        max_header_size=limits.max_part_header_size,
    )
    pairs: list[tuple[str, FormValue]] = []
    opened: list[_Part] = []
    parts = files = fields = text_total = 0
    part: _Part | None = None
    try:
        for chunk in chunks:
            for event in parser.parse(chunk):
                if event is None:
                    if part is not None:
                        value = _finish(part)
                        if value is not None and part.name:
                            pairs.append((part.name, value))
                        part = None
                elif isinstance(event, (bytes, bytearray)):
                    if part is None:
                        continue
                    part.size += len(event)
                    if part.file is not None:
                        if part.size > limits.max_file_size:
                            raise PayloadTooLarge(f"file over {limits.max_file_size} bytes")
                        part.write(event, limits.file_memory_size)
                    else:
                        text_total += len(event)
                        if part.size > limits.max_field_size:
                            raise PayloadTooLarge(f"field over {limits.max_field_size} bytes")
                        if text_total > limits.max_body_size:
                            raise PayloadTooLarge("form fields too large")
                        part.data.append(bytes(event))
                else:
                    parts += 1
                    if parts > limits.max_parts:
                        raise PayloadTooLarge(f"more than {limits.max_parts} multipart parts")
                    part = _Part(event, limits)
                    if part.file is not None:
                        opened.append(part)
                        files += 1
                        if files > limits.max_files:
                            raise PayloadTooLarge(f"more than {limits.max_files} files")
                    else:
                        fields += 1
                        if fields > max_fields:
                            raise PayloadTooLarge(f"more than {limits.max_fields} fields")
        parser.close()
    except HTTPException:
        _close_all(opened)
        raise
    # multipart 1.x raises plain MultipartError (and, on some malformed parts, ValueError
    # or AssertionError from its own checks); 2.x raises MultipartError subclasses.
    except (MultipartError, ValueError, AssertionError, IndexError):
        _close_all(opened)
        raise BadRequest("malformed multipart body") from None
    return pairs


def _finish(part: _Part) -> FormValue | None:
    if part.file is not None:
        if not part.filename and part.size == 0:
            part.file.close()  # an empty <input type=file>: no file was chosen
            return None
        part.file.seek(0)
        return UploadedFile(part.filename or "", part.content_type, part.size, part.file)
    try:
        text = b"".join(part.data).decode(part.charset)
    except LookupError:  # an unknown charset, or a bytes-to-bytes codec such as "zlib"
        raise UnsupportedMediaType(f"unsupported charset {part.charset[:40]!r}") from None
    except ValueError:  # UnicodeDecodeError and friends
        raise BadRequest("form field is not valid text in its charset") from None
    # Codecs such as utf-7 or unicode_escape can yield lone surrogates: text that cannot be
    # encoded again, so the app would fail when it echoes the field.
    if not text.isascii() and _SURROGATE.search(text):
        raise BadRequest("form field is not valid text in its charset")
    return text


def _close_all(parts: list[_Part]) -> None:
    for part in parts:
        if part.file is not None:
            part.file.close()
