from __future__ import annotations

import pytest

from masonite.request import BadRequest, PayloadTooLarge
from masonite.request.nesting import nest
from masonite.request.urlencoded import decode_latin1_text, form_dict, parse_form, parse_urlencoded


def parse(text: str, max_fields: int = 1000, max_field_size: int = 1000) -> list[tuple[str, str]]:
    return parse_urlencoded(text, max_fields=max_fields, max_field_size=max_field_size)


def test_plain_pairs_keep_order_and_repeats() -> None:
    assert parse("a=1&b=2&a=3") == [("a", "1"), ("b", "2"), ("a", "3")]


def test_empty_and_flag_fields() -> None:
    assert parse("") == []
    assert parse("a&b=&&=x&c=1") == [("a", ""), ("b", ""), ("c", "1")]


def test_plus_and_percent_decoding() -> None:
    assert parse("q=a+b%20c&n%C3%A4me=caf%C3%A9&amp=%26%3D") == [
        ("q", "a b c"),
        ("näme", "café"),
        ("amp", "&="),
    ]


def test_semicolon_is_not_a_separator() -> None:
    assert parse("a=1;b=2") == [("a", "1;b=2")]


def test_nothing_is_html_escaped() -> None:
    assert parse("x=%3Cb%3E%22%27") == [("x", "<b>\"'")]


@pytest.mark.parametrize(
    "text", ["a=%", "a=%4", "a=%zz", "a=%%41", "%g0=1", "a=1&b=%C3", "a=%ff", "a=%ED%A0%80"]
)
def test_malformed_escapes_are_a_400(text: str) -> None:
    with pytest.raises(BadRequest):
        parse(text)


def test_name_that_decodes_to_nothing_is_skipped() -> None:
    assert parse("+=1&%20=2") == [(" ", "1"), (" ", "2")]


def test_field_count_limit() -> None:
    assert len(parse("&".join(f"f{i}=1" for i in range(10)), max_fields=10)) == 10
    with pytest.raises(PayloadTooLarge):
        parse("&".join(f"f{i}=1" for i in range(11)), max_fields=10)
    # empty pieces do not count
    assert parse("a=1" + "&" * 50, max_fields=1) == [("a", "1")]


def test_field_size_limit() -> None:
    assert parse("a=" + "x" * 10, max_field_size=10) == [("a", "x" * 10)]
    with pytest.raises(PayloadTooLarge):
        parse("a=" + "x" * 11, max_field_size=10)
    with pytest.raises(PayloadTooLarge):
        parse("a=%41" + "x" * 11, max_field_size=10)


def test_latin1_charset() -> None:
    assert parse_urlencoded("a=caf%E9", max_fields=5, max_field_size=50, encoding="latin-1") == [
        ("a", "café")
    ]


def test_decode_latin1_text() -> None:
    assert decode_latin1_text("abc", "x") == "abc"
    assert decode_latin1_text("caf\xc3\xa9", "x") == "café"
    with pytest.raises(BadRequest, match="query"):
        decode_latin1_text("\xff", "query")
    with pytest.raises(BadRequest):
        decode_latin1_text("\u20ac", "path")  # not latin-1: a broken server


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a=1&b=2",
        "a=1&a=2",
        "a=1&",
        "&a=1",
        "=x&a=1",
        "a&b=&c==d",
        "a+b=c+d&e=f",
        "a[]=1&a[]=2",
        "a[b]=1&c=2",
        "a=%41&b=1",
    ],
)
def test_parse_form_is_nest_of_the_pairs(text: str) -> None:
    expected = nest(parse(text), 8)
    assert parse_form(text, max_fields=100, max_field_size=100, max_depth=8) == expected
    assert form_dict(text, 100, 100, 8) == expected


def test_parse_form_keeps_the_limits() -> None:
    with pytest.raises(PayloadTooLarge):
        form_dict("a=1&b=2&c=3", 2, 100, 8)
    with pytest.raises(PayloadTooLarge):
        form_dict("a=" + "x" * 20, 100, 10, 8)
    assert form_dict("a=1&&&", 1, 100, 8) == {"a": "1"}
