from __future__ import annotations

from masonite.request.paths import lookup

DATA = {
    "user": {"name": "ana", "tags": ["a", "b"]},
    "items": [{"id": 1}, {"id": 2}, {"name": "no id"}],
    "map": {"x": {"id": "x1"}, "y": {"id": "y1"}},
    "dotted.key": "literal",
}


def test_dot_paths_through_dicts_and_lists() -> None:
    assert lookup(DATA, "user.name") == "ana"
    assert lookup(DATA, "user.tags.1") == "b"
    assert lookup(DATA, "items.0.id") == 1
    assert lookup(DATA, "user") == DATA["user"]


def test_missing_paths_give_default() -> None:
    assert lookup(DATA, "user.age") is None
    assert lookup(DATA, "user.tags.5", "d") == "d"
    assert lookup(DATA, "user.tags.-1", "d") == "d"
    assert lookup(DATA, "user.tags.x", "d") == "d"
    assert lookup(DATA, "user.name.first", "d") == "d"
    assert lookup(DATA, "items.٣", "d") == "d"  # non-ASCII digits are not indexes


def test_wildcards_collect_matches() -> None:
    assert lookup(DATA, "items.*.id") == [1, 2]
    assert lookup(DATA, "map.*.id") == ["x1", "y1"]
    assert lookup(DATA, "user.tags.*") == ["a", "b"]
    assert lookup(DATA, "*.name") == ["ana"]
    assert lookup(DATA, "items.*.missing", "d") == "d"
    assert lookup(DATA, "user.name.*", "d") == "d"
