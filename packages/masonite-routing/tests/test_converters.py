from __future__ import annotations

import re
from typing import Any

import pytest

from masonite.routing import Converter, IntConverter, RouteDefinitionError, register_converter
from masonite.routing.converters import (
    SegmentConverter,
    StringConverter,
    check_converter,
    get_converter,
    registered_converters,
)


def test_builtin_converters_are_registered() -> None:
    names = registered_converters()
    assert isinstance(names["int"], IntConverter)
    assert isinstance(names["string"], StringConverter)
    assert isinstance(names["segment"], SegmentConverter)


@pytest.mark.parametrize("text", ["0", "42", "9" * 18])
def test_int_regex_accepts_up_to_18_ascii_digits(text: str) -> None:
    assert re.fullmatch(IntConverter.regex, text)
    assert IntConverter().to_python(text) == int(text)


@pytest.mark.parametrize("text", ["", "9" * 19, "-1", "1.5", "١٢", "²", "12a"])
def test_int_regex_refuses_everything_else(text: str) -> None:
    assert re.fullmatch(IntConverter.regex, text) is None


def test_int_to_url_formats_ints_and_refuses_the_rest() -> None:
    converter = IntConverter()
    assert converter.to_url(7) == "7"
    for bad in (True, "7", 1.0, -3):
        with pytest.raises(ValueError):
            converter.to_url(bad)


@pytest.mark.parametrize(
    ("text", "ok"), [("abc", True), ("ABCxyz", True), ("ab1", False), ("é", False)]
)
def test_string_converter_is_ascii_letters(text: str, ok: bool) -> None:
    assert (re.fullmatch(StringConverter.regex, text) is not None) is ok


def test_segment_to_url_percent_encodes_outside_the_safe_set() -> None:
    assert SegmentConverter().to_url("a b/é") == "a%20b%2F%C3%A9"
    assert SegmentConverter().to_url("a:b@c") == "a:b@c"


class HexConverter(Converter):
    regex = r"[0-9a-f]+"

    def to_python(self, value: str) -> int:
        return int(value, 16)

    def to_url(self, value: Any) -> str:
        return format(value, "x")


def test_register_converter_makes_it_available() -> None:
    register_converter("hex_test", HexConverter())
    assert isinstance(get_converter("hex_test"), HexConverter)


@pytest.mark.parametrize("name", ["", "1abc", "a-b", "a b"])
def test_register_converter_refuses_bad_names(name: str) -> None:
    with pytest.raises(RouteDefinitionError, match="not an identifier"):
        register_converter(name, HexConverter())


class Capturing(Converter):
    regex = r"(a)+"


class Broken(Converter):
    regex = r"(unclosed"


class Empty(Converter):
    regex = r"a*"


@pytest.mark.parametrize(
    ("converter", "message"),
    [(Capturing(), "capturing groups"), (Broken(), "bad regex"), (Empty(), "empty text")],
)
def test_check_converter_refuses_unusable_regexes(converter: Converter, message: str) -> None:
    with pytest.raises(RouteDefinitionError, match=message):
        check_converter("x", converter)


def test_check_converter_needs_the_three_members() -> None:
    with pytest.raises(RouteDefinitionError, match="to_url"):
        check_converter("x", type("Half", (), {"regex": "a", "to_python": str})())  # type: ignore[arg-type]
