"""Converters: what a URL parameter matches, and how it turns into Python and back.

A converter is a tiny object with a ``regex`` (matched against one path segment, so it
never spans a ``/``), ``to_python(text)`` and ``to_url(value)``. Built-ins are ``int``
(1 to 18 ASCII digits, so the value always fits a 64-bit integer), ``string`` (ASCII
letters) and the default one-segment converter. Register more with
:func:`register_converter` before declaring the routes that use them.
"""

from __future__ import annotations

import re
import threading
from typing import Any
from urllib.parse import quote

from masonite.routing.errors import RouteDefinitionError

__all__ = [
    "Converter",
    "IntConverter",
    "SegmentConverter",
    "StringConverter",
    "check_converter",
    "converter_names",
    "get_converter",
    "register_converter",
    "registered_converters",
]

# Characters left as they are in a built path segment (RFC 3986 pchar, minus "/").
_SEGMENT_SAFE = "!$&'()*+,;=:@-._~"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class Converter:
    """Base converter: any non-empty segment, passed as text.

    Subclasses override ``regex`` and, when the value is not text, ``to_python`` and
    ``to_url``. ``regex`` must not contain capturing groups.
    """

    regex: str = r"[^/]+"

    def to_python(self, value: str) -> Any:
        """Turn the matched (already percent-decoded) text into the controller's value."""
        return value

    def to_url(self, value: Any) -> str:
        """Turn a value into path text; percent-encodes everything outside a segment's safe set."""
        return quote(str(value), safe=_SEGMENT_SAFE)


class SegmentConverter(Converter):
    """The default converter of ``@name``: one non-empty path segment, as text."""


class IntConverter(Converter):
    """``@id:int``: 1 to 18 ASCII digits, passed as ``int``."""

    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        """Return the digits as an ``int``."""
        return int(value)

    def to_url(self, value: Any) -> str:
        """Format a non-negative ``int`` (a bool is refused) as its digits."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected an int, got {type(value).__name__}")
        if value < 0:
            raise ValueError(f"expected a non-negative int, got {value}")
        return str(value)


class StringConverter(Converter):
    """``@slug:string``: ASCII letters only."""

    regex = r"[A-Za-z]+"


_lock = threading.Lock()
_registry: dict[str, Converter] = {
    "int": IntConverter(),
    "string": StringConverter(),
    "segment": SegmentConverter(),
}


def register_converter(name: str, converter: Converter) -> None:
    """Make ``@param:name`` available to routes declared from now on.

    Args:
        name: The name used after the colon; a Python identifier.
        converter: An object with ``regex``, ``to_python`` and ``to_url``.

    Raises:
        RouteDefinitionError: The name is not an identifier, or the regex does not compile
            or has capturing groups.
    """
    if not _NAME.match(name):
        raise RouteDefinitionError(f"converter name {name!r} is not an identifier")
    check_converter(name, converter)
    with _lock:
        _registry[name] = converter


def check_converter(name: str, converter: Converter) -> None:
    """Raise :class:`RouteDefinitionError` unless ``converter`` is usable under ``name``."""
    for attribute in ("regex", "to_python", "to_url"):
        if not hasattr(converter, attribute):
            raise RouteDefinitionError(f"converter {name!r} has no {attribute!r}")
    try:
        compiled = re.compile(converter.regex)
    except (re.error, TypeError) as error:
        raise RouteDefinitionError(f"converter {name!r}: bad regex: {error}") from error
    if compiled.groups:
        raise RouteDefinitionError(
            f"converter {name!r}: its regex must not have capturing groups; use (?:...)"
        )
    if compiled.fullmatch(""):
        raise RouteDefinitionError(f"converter {name!r}: its regex must not match empty text")


def get_converter(name: str) -> Converter | None:
    """Return the registered converter called ``name``, or ``None``."""
    return _registry.get(name)


def converter_names() -> list[str]:
    """The registered converter names, sorted (used in error messages)."""
    return sorted(_registry)


def registered_converters() -> dict[str, Converter]:
    """A snapshot of the registry: name to converter."""
    with _lock:
        return dict(_registry)
