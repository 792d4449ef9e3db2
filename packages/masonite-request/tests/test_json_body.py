from __future__ import annotations

import pytest

from masonite.request import BadRequest
from masonite.request.json_body import parse_json


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (b'{"a": [1, 2.5, true, null, "x"]}', {"a": [1, 2.5, True, None, "x"]}),
        (b"[1, 2]", [1, 2]),
        (b'"text"', "text"),
        (b"42", 42),
        (b"null", None),
        ('{"é": "ü"}'.encode(), {"é": "ü"}),
        ('{"a": 1}'.encode("utf-16"), {"a": 1}),
        (b'{"s": "' + b"[" * 68 + b'"}', {"s": "[" * 68}),
        (b'{"s": "\\"' + b"[" * 68 + b'"}', {"s": '"' + "[" * 68}),
    ],
)
def test_valid_json_keeps_types(raw: bytes, value: object) -> None:
    assert parse_json(raw, 64) == value


@pytest.mark.parametrize(
    "raw",
    [
        b"{",
        b"{'a': 1}",
        b"NaN",
        b"[Infinity]",
        b"[-Infinity]",
        b"\xff\xfe\xfa",
        b"[1,]",
        b"1" * 5000,
        b'{"a": 1} x',
        b"[1e999]",  # would be inf, which JSON cannot carry
        b'{"a": -1e400}',
        b'"\\ud800"',  # half of a surrogate pair, escaped
        b'{"\\udfff": 1}',
        b'["ok", ["\\uDC00x"]]',
        b'"\xed\xa0\x80"',  # a surrogate encoded raw as UTF-8
    ],
)
def test_invalid_json_is_a_400(raw: bytes) -> None:
    with pytest.raises(BadRequest, match="JSON"):
        parse_json(raw, 64)


def test_surrogate_pairs_and_escaped_backslashes_are_fine() -> None:
    assert parse_json(b'"\\ud83d\\ude00"', 64) == "\U0001f600"
    assert parse_json(b'["\\\\ud800"]', 64) == ["\\ud800"]  # a backslash, then text
    assert parse_json(b'{"big": 1.5e308, "small": 1e-400}', 64) == {"big": 1.5e308, "small": 0.0}


def test_depth_limit() -> None:
    assert parse_json(b"[" * 64 + b"]" * 64, 64) == parse_json(b"[" * 64 + b"]" * 64, 64)
    with pytest.raises(BadRequest, match="deeper"):
        parse_json(b"[" * 65 + b"]" * 65, 64)
    with pytest.raises(BadRequest):
        parse_json(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, 64)
    with pytest.raises(BadRequest):
        parse_json(b"[" * 1_000_000, 64)


def test_deep_json_without_scan_is_still_a_400() -> None:
    # Even with a huge depth limit, the decoder's RecursionError becomes a 400.
    with pytest.raises(BadRequest):
        parse_json(b"[" * 200_000 + b"]" * 200_000, 10**9)
