"""Limits that bound how much of a request is read and parsed."""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]

KIB = 1024
MIB = 1024 * KIB


@dataclass(frozen=True)
class Limits:
    """How much of a request body may be read and parsed.

    Every limit is checked before reading when ``Content-Length`` is known and while
    reading when it is not. Going over a size or count limit is a 413; nesting deeper than
    allowed, or a body that stops arriving for ``body_timeout`` seconds, is a 400.

    Attributes:
        max_body_size: Bytes of a non-multipart body (urlencoded, JSON, raw), and of all
            non-file multipart fields together.
        max_multipart_size: Bytes of a whole multipart body, files included.
        max_fields: Fields over the query string and the body together.
        max_parts: Parts in a multipart body.
        max_files: Uploaded files in a multipart body.
        max_field_size: Bytes of one field value (urlencoded or multipart).
        max_file_size: Bytes of one uploaded file.
        max_part_header_size: Bytes of one multipart part header line.
        max_depth: Levels of ``a[b][c]`` nesting below the top-level name.
        max_json_depth: Levels of arrays and objects in a JSON body.
        file_memory_size: Uploaded files larger than this are spooled to disk.
        body_timeout: Seconds one read of the body may wait for the client before the
            request is a 400, so a client that declares more than it sends cannot hold a
            worker. Bounds each read, not the whole upload; applies where the server
            exposes the client's socket (gunicorn); None waits as long as the server does.
    """

    max_body_size: int = 2 * MIB + MIB // 2
    max_multipart_size: int = 64 * MIB
    max_fields: int = 1000
    max_parts: int = 1000
    max_files: int = 100
    max_field_size: int = 500 * 1000
    max_file_size: int = 32 * MIB
    max_part_header_size: int = 8 * KIB
    max_depth: int = 8
    max_json_depth: int = 64
    file_memory_size: int = 1 * MIB
    body_timeout: float | None = 10.0

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if name == "body_timeout":
                continue
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"Limits.{name} must be a non-negative int, got {value!r}")
        timeout = self.body_timeout
        if timeout is not None and (
            not isinstance(timeout, (int, float))
            or isinstance(timeout, bool)
            or not 0 < timeout < math.inf
        ):
            raise ValueError(
                f"Limits.body_timeout must be a positive number of seconds or None, got {timeout!r}"
            )


DEFAULT_LIMITS = Limits()
