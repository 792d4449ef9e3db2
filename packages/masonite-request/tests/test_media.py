from __future__ import annotations

from masonite.request.media import parse_media_type, prefers_json


def test_parse_media_type() -> None:
    assert parse_media_type("Text/HTML") == ("text/html", {})
    assert parse_media_type('multipart/form-data; Boundary="a b"; charset=utf-8') == (
        "multipart/form-data",
        {"boundary": "a b", "charset": "utf-8"},
    )
    assert parse_media_type("a/b; novalue; x=1; x=2") == ("a/b", {"x": "1"})
    assert parse_media_type('a/b; q="say \\"hi\\""') == ("a/b", {"q": 'say "hi"'})
    assert parse_media_type("") == ("", {})


def test_prefers_json_edge_cases() -> None:
    assert prefers_json("application/json;q=1.5") is False  # out-of-range q counts as 0
    assert prefers_json("text/*;q=0.1, application/json;q=0.2") is True
