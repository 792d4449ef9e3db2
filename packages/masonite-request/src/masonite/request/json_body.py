"""JSON bodies: any root, types kept, strict, with a bounded nesting depth."""

from __future__ import annotations

import json
import re
from typing import Any, NoReturn

from masonite.request.exceptions import BadRequest

__all__ = ["parse_json"]

# A JSON string (escapes included) or one bracket; strings are skipped when measuring depth.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_OPEN = frozenset(b"[{")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


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


def parse_json(raw: bytes, max_depth: int) -> Any:
    """Decode a JSON body; NaN and Infinity are refused.

    Raises:
        BadRequest: invalid JSON or UTF-8, or nesting deeper than ``max_depth``.
    """
    # PERF: the depth scan runs only when the body has more brackets than the limit,
    # so small bodies pay two bytes.count() calls.
    if raw.count(b"[") + raw.count(b"{") > max_depth:
        _check_depth(raw, max_depth)
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise BadRequest("invalid JSON body") from None
