"""JSON bodies: any root, types kept, strict, with a bounded nesting depth."""

from __future__ import annotations

import json
import math
import re
from typing import Any, NoReturn

from masonite.request.exceptions import BadRequest

__all__ = ["parse_json"]

# A JSON string (escapes included) or one bracket; strings are skipped when measuring depth.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_OPEN = frozenset(b"[{")
# An escape that may leave half of a surrogate pair in a string ("\ud800" alone).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    # 1e999 would silently become inf, the Infinity that _reject_constant refuses.
    value = float(text)
    if math.isinf(value):
        raise ValueError("number out of range")
    return value


def _check_depth(raw: bytes, max_depth: int) -> None:
    depth = 0
    for match in _TOKENS.finditer(raw):
        first = match.group()[0]
        if first in _OPEN:
            depth += 1
            if depth > max_depth:
                raise BadRequest(f"JSON body nests deeper than {max_depth} levels")
        elif first != 0x22:  # a closing bracket
            depth -= 1


def _has_lone_surrogate(data: Any) -> bool:
    """True when a key or string of ``data`` holds half of a surrogate pair."""
    stack = [data]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            if not item.isascii() and _SURROGATE.search(item):
                return True
        elif kind is dict:
            stack.extend(item)
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
    return False


def parse_json(raw: bytes, max_depth: int) -> Any:
    """Decode a JSON body; NaN, Infinity and numbers beyond a float's range are refused.

    The text must be valid UTF-8 (or UTF-16/32) and every string valid Unicode: a lone
    surrogate, sent raw or as a ``\\ud800`` escape, would make a string that cannot be
    encoded again, so an application echoing it would fail later.

    Raises:
        BadRequest: invalid JSON or encoding, or nesting deeper than ``max_depth``.
    """
    # PERF: the depth scan runs only when the body has more brackets than the limit,
    # so small bodies pay two bytes.count() calls.
    if raw.count(b"[") + raw.count(b"{") > max_depth:
        _check_depth(raw, max_depth)
    try:
        # Decoded here, strictly: json.loads(bytes) would let raw surrogates through.
        text = raw.decode(json.detect_encoding(raw))
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise BadRequest("invalid JSON body") from None
    # PERF: only a body with a surrogate escape is walked.
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
        raise BadRequest("invalid JSON body: a string holds a lone surrogate")
    return data
