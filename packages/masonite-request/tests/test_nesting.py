from __future__ import annotations

from typing import Any

import pytest

from masonite.request import BadRequest
from masonite.request.nesting import nest


def n(*pairs: tuple[str, Any], depth: int = 8) -> dict[str, Any]:
    return nest(list(pairs), depth)


def test_flat_unique_names() -> None:
    assert n(("a", "1"), ("b", "2")) == {"a": "1", "b": "2"}


def test_repeated_names_become_lists() -> None:
    assert n(("a", "1"), ("a", "2"), ("a", "3")) == {"a": ["1", "2", "3"]}


def test_brackets_make_lists_and_dicts() -> None:
    assert n(("a[]", "1"), ("a[]", "2")) == {"a": ["1", "2"]}
    assert n(("user[name]", "ana"), ("user[age]", "3")) == {"user": {"name": "ana", "age": "3"}}
    assert n(("a[b][c]", "1")) == {"a": {"b": {"c": "1"}}}
    assert n(("a[x][]", "1"), ("a[x][]", "2")) == {"a": {"x": ["1", "2"]}}
    assert n(("items[0][id]", "1"), ("items[1][id]", "2")) == {
        "items": {"0": {"id": "1"}, "1": {"id": "2"}}
    }
    assert n(("items[][id]", "1"), ("items[][id]", "2")) == {"items": [{"id": "1"}, {"id": "2"}]}


def test_repeated_nested_key_becomes_a_list() -> None:
    assert n(("a[b]", "1"), ("a[b]", "2")) == {"a": {"b": ["1", "2"]}}


def test_later_field_wins_on_type_conflicts() -> None:
    assert n(("a", "1"), ("a[b]", "2")) == {"a": {"b": "2"}}
    assert n(("a[b]", "2"), ("a", "1")) == {"a": "1"}
    assert n(("a", "1"), ("a[]", "2")) == {"a": ["1", "2"]}
    assert n(("a[b]", "1"), ("a[]", "2")) == {"a": ["2"]}


@pytest.mark.parametrize(
    "name", ["[a]", "a[", "a]", "a[b", "a[b]c", "a[b]]", "a[[b]]", "a]b[", "a[b][c"]
)
def test_malformed_brackets_are_literal(name: str) -> None:
    assert n((name, "v"), ("other[x]", "y")) == {name: "v", "other": {"x": "y"}}


def test_depth_limit() -> None:
    name = "a" + "[x]" * 8
    assert n((name, "v"))["a"]["x"]["x"]["x"]["x"]["x"]["x"]["x"]["x"] == "v"
    with pytest.raises(BadRequest, match="deeper"):
        n(("a" + "[x]" * 9, "v"))
    with pytest.raises(BadRequest):
        nest([("a" + "[]" * 100_000, "v")], 8)


def test_values_of_any_type_are_kept() -> None:
    marker = object()
    assert n(("f[]", marker)) == {"f": [marker]}
