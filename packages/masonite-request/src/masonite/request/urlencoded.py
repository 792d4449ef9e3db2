"""``application/x-www-form-urlencoded`` text (query strings and form bodies) to pairs.

Strict where it matters for safety: malformed percent-escapes and percent-escapes that
do not decode as UTF-8 are a 400, not silently kept; too many fields or an oversized
value is a 413. Nothing is HTML-escaped. Only ``&`` separates fields (as browsers and
Python 3.10+ do); pieces without a name are skipped.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from masonite.request.exceptions import BadRequest, PayloadTooLarge

__all__ = ["decode_latin1_text", "parse_urlencoded"]

_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def decode_latin1_text(text: str, what: str) -> str:
    """Undo PEP 3333's latin-1 decoding of raw bytes and decode them as UTF-8.

    Raises:
        BadRequest: the bytes are not UTF-8 (or the server passed non-latin-1 text).
    """
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise BadRequest(f"{what} is not valid UTF-8") from None


def _decode(component: str, encoding: str) -> str:
    if "+" in component:
        component = component.replace("+", " ")
    if "%" in component:
        try:
            component = unquote(component, encoding=encoding, errors="strict")
        except UnicodeError:
            raise BadRequest("percent-encoded data is not valid UTF-8") from None
    return component


def parse_urlencoded(
    text: str,
    *,
    max_fields: int,
    max_field_size: int,
    encoding: str = "utf-8",
) -> list[tuple[str, str]]:
    """Split urlencoded ``text`` into decoded (name, value) pairs, in order.

    Args:
        text: The query string or body, already decoded to text.
        max_fields: More non-empty fields than this is a 413.
        max_field_size: A value longer than this (in characters) is a 413.
        encoding: The charset percent-escapes are decoded with.

    Raises:
        BadRequest: a malformed or undecodable percent-escape.
        PayloadTooLarge: too many fields or an oversized value.
    """
    if not text:
        return []
    has_percent = "%" in text
    if has_percent and _BAD_PERCENT.search(text):
        raise BadRequest("malformed percent-encoding")
    pieces = text.split("&")
    if len(pieces) > max_fields and sum(1 for piece in pieces if piece) > max_fields:
        raise PayloadTooLarge(f"more than {max_fields} fields")
    pairs: list[tuple[str, str]] = []
    append = pairs.append
    if not has_percent and "+" not in text:
        # PERF: plain ASCII forms (the common case) skip per-component decoding; this
        # halves the parse time of a 10-field form in bench/bench_request.py.
        for piece in pieces:
            name, _, value = piece.partition("=")
            if name:
                if len(value) > max_field_size:
                    raise PayloadTooLarge(f"field {name!r} is over {max_field_size} characters")
                append((name, value))
        return pairs
    for piece in pieces:
        raw_name, _, raw_value = piece.partition("=")
        if not raw_name:
            continue
        name = _decode(raw_name, encoding)
        if not name:
            continue
        value = _decode(raw_value, encoding)
        if len(value) > max_field_size:
            raise PayloadTooLarge(f"field {name[:40]!r} is over {max_field_size} characters")
        append((name, value))
    return pairs
