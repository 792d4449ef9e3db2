from __future__ import annotations

import re

import pytest

from masonite.routing import RouteDefinitionError, UrlBuildError
from masonite.routing.converters import registered_converters
from masonite.routing.template import Segment, join_paths, parse_template

CONVERTERS = registered_converters()


def parse(path: str):  # type: ignore[no-untyped-def]
    return parse_template(path, describe=f"route {path!r}")


def test_static_template() -> None:
    template = parse("/about/team/")
    assert template.path == "/about/team"
    assert template.is_static
    assert template.segments == (Segment(text="about"), Segment(text="team"))
    assert template.literal_prefix == ("about", "team")


def test_root_and_missing_leading_slash() -> None:
    assert parse("/").path == "/"
    assert parse("/").segments == ()
    assert parse("users").path == "/users"


def test_parameters_converters_and_optionals() -> None:
    template = parse("/users/@id:int/posts/?page:int/@slug")
    assert template.params == ("id", "page", "slug")
    assert template.segments[1] == Segment(name="id", converter="int")
    assert template.segments[3] == Segment(name="page", converter="int", optional=True)
    assert template.segments[4] == Segment(name="slug", converter="segment")
    assert template.literal_prefix == ("users",)
    assert not template.is_static


def test_regex_matches_with_or_without_trailing_slash() -> None:
    regex = re.compile(parse("/blog/@id:int/?page").regex(CONVERTERS))
    assert regex.fullmatch("/blog/3").groupdict() == {"id": "3", "page": None}  # type: ignore[union-attr]
    assert regex.fullmatch("/blog/3/").groupdict() == {"id": "3", "page": None}  # type: ignore[union-attr]
    assert regex.fullmatch("/blog/3/2/").groupdict() == {"id": "3", "page": "2"}  # type: ignore[union-attr]
    assert regex.fullmatch("/blog/x") is None
    assert regex.fullmatch("/blog/3//") is None


def test_unnamed_regex_has_numbered_groups() -> None:
    regex = re.compile(parse("/a/@x/@y").regex(CONVERTERS, named=False))
    assert regex.fullmatch("/a/1/2").groups() == ("1", "2")  # type: ignore[union-attr]


def test_literals_are_escaped() -> None:
    regex = re.compile(parse("/file.json/a+b").regex(CONVERTERS))
    assert regex.fullmatch("/file.json/a+b")
    assert regex.fullmatch("/fileXjson/aab") is None


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/a//b", "empty segment"),
        ("/a/@id/@id", "duplicate parameter 'id'"),
        ("/a/@id:nope", "unknown converter 'nope'"),
        ("/a/@", "Python identifier"),
        ("/a/@1x", "Python identifier"),
        ("/a/?x-y", "Python identifier"),
        ("/a\nb", "forbidden character"),
        ("/a#b", "forbidden character"),
    ],
)
def test_invalid_templates_name_the_route(path: str, message: str) -> None:
    with pytest.raises(RouteDefinitionError, match=re.escape(message)) as info:
        parse(path)
    assert f"route {path!r}" in str(info.value)


def test_non_string_path_is_refused() -> None:
    with pytest.raises(RouteDefinitionError, match="must be a str"):
        parse_template(42, describe="route")  # type: ignore[arg-type]


def test_extra_converters_are_known() -> None:
    template = parse_template("/a/@x:local", describe="r", converters={"local": CONVERTERS["int"]})
    assert template.segments[1].converter == "local"


def build(path: str, defaults: dict[str, object] | None = None, **values: object) -> str:
    return parse(path).build(values, CONVERTERS, defaults or {}, describe="route 'x'")


def test_build_formats_and_encodes() -> None:
    assert build("/users/@id:int/@slug", id=5, slug="a b") == "/users/5/a%20b"
    assert build("/café/@x", x="é") == "/caf%C3%A9/%C3%A9"
    assert build("/") == "/"


def test_build_optional_segments() -> None:
    assert build("/blog/?page:int") == "/blog"
    assert build("/blog/?page:int", page=2) == "/blog/2"
    assert build("/blog/?page:int", page=None) == "/blog"
    assert build("/blog/?page:int", {"page": 1}, page=1) == "/blog"
    with pytest.raises(UrlBuildError, match="'month' given without 'year'"):
        build("/blog/?year/?month", month=3)


@pytest.mark.parametrize(
    ("path", "values", "message"),
    [
        ("/u/@id:int", {}, "missing parameter 'id'"),
        ("/u/@id:int", {"id": "x"}, "parameter 'id'"),
        ("/u/@id:int", {"id": 10**18}, "does not match"),
        ("/u/@slug:string", {"slug": "abc1"}, "does not match"),
        ("/u/@name", {"name": "a/b"}, "does not match"),
        ("/u/@name", {"name": ""}, "does not match"),
    ],
)
def test_build_errors(path: str, values: dict[str, object], message: str) -> None:
    with pytest.raises(UrlBuildError, match=re.escape(message)):
        build(path, **values)


@pytest.mark.parametrize(
    ("prefix", "path", "joined"),
    [("/api", "/users", "/api/users"), ("/api/", "/", "/api"), ("", "/x", "/x"), ("/", "/", "/")],
)
def test_join_paths(prefix: str, path: str, joined: str) -> None:
    assert join_paths(prefix, path) == joined
