"""``application/x-www-form-urlencoded`` text (query strings and form bodies) to pairs.

Strict where it matters for safety: malformed percent-escapes and percent-escapes that
do not decode as UTF-8 are a 400, not silently kept; too many fields or an oversized
value is a 413. Nothing is HTML-escaped. Only ``&`` separates fields (as browsers and
Python 3.10+ do); pieces without a name are skipped.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from masonite.request.exceptions import BadRequest, PayloadTooLarge
from masonite.request.nesting import nest

__all__ = ["decode_latin1_text", "form_dict", "parse_form", "parse_urlencoded"]

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


def _unquote(component: str, encoding: str) -> str:
    try:
        return unquote(component, encoding=encoding, errors="strict")
    except UnicodeError:
        raise BadRequest("percent-encoded data is not valid UTF-8") from None


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
    # A literal "+" is always sent as %2B, so turning every "+" into a space before
    # splitting is exact, and it leaves only percent-escapes to decode per field.
    if "+" in text:
        text = text.replace("+", " ")
    pieces = text.split("&")
    if len(pieces) > max_fields and sum(1 for piece in pieces if piece) > max_fields:
        raise PayloadTooLarge(f"more than {max_fields} fields")
    pairs: list[tuple[str, str]] = []
    append = pairs.append
    if "%" not in text:
        # PERF: forms without percent-escapes (most) split and go: the 10-field form of
        # bench/bench_request.py parses in 1.7 µs here against 4.1 µs decoding each part.
        for piece in pieces:
            name, _, value = piece.partition("=")
            if name:
                append((name, value))
    else:
        if _BAD_PERCENT.search(text):
            raise BadRequest("malformed percent-encoding")
        for piece in pieces:
            name, _, value = piece.partition("=")
            if "%" in name:
                name = _unquote(name, encoding)
            if not name:
                continue
            if "%" in value:
                value = _unquote(value, encoding)
            append((name, value))
    # PERF: a text shorter than the field limit cannot hold an oversized field.
    if len(text) > max_field_size:
        for name, value in pairs:
            if len(value) > max_field_size:
                raise PayloadTooLarge(f"field {name[:40]!r} is over {max_field_size} characters")
    return pairs


def parse_form(
    text: str,
    *,
    max_fields: int,
    max_field_size: int,
    max_depth: int,
    encoding: str = "utf-8",
) -> dict[str, Any]:
    """Parse urlencoded ``text`` straight into Masonite's nested input dict.

    The same result as ``nest(parse_urlencoded(...))`` (and the same errors).
    """
    return form_dict(text, max_fields, max_field_size, max_depth, encoding)


def form_dict(
    text: str, max_fields: int, max_field_size: int, max_depth: int, encoding: str = "utf-8"
) -> dict[str, Any]:
    """``parse_form`` with positional arguments, for the request's hot path.

    PERF: a keyword-argument call costs ~17 ns more than a positional one (Python 3.11,
    timeit on the dev machine); ``Request`` parses the query and the body through this.
    """
    if "+" in text:
        text = text.replace("+", " ")
    # PERF: the common form (no escapes, brackets or repeated names, under the limits)
    # goes straight into a dict, skipping the pair list and the nesting pass: 5.3 µs to
    # 3.9 µs for the body and query of bench/bench_request.py. Repeated and empty names
    # are found after the loop (fewer keys than pieces, or a "" key) rather than tested
    # per piece: 1.64 -> 1.43 µs for its 10-field body.
    if "%" not in text and "[" not in text and len(text) <= max_field_size:
        pieces = text.split("&")
        if len(pieces) <= max_fields:
            result: dict[str, Any] = {}
            for piece in pieces:
                name, _, value = piece.partition("=")
                result[name] = value
            if len(result) == len(pieces) and "" not in result:
                return result
    pairs = parse_urlencoded(
        text, max_fields=max_fields, max_field_size=max_field_size, encoding=encoding
    )
    return nest(pairs, max_depth)
