"""The compiled matcher against a naive reference: first declared route wins, always."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masonite.routing import Get, Route, Router
from masonite.routing.converters import registered_converters
from masonite.routing.matcher import LEAF_MAX, Entry, compile_finder, compile_static

CONVERTERS = registered_converters()


def target() -> str:
    return "ok"


def reference(routes: list[Route], path: str) -> tuple[Route, dict[str, Any]] | None:
    """The first declared route whose regex matches, with converted params (no tricks)."""
    for route in routes:
        assert route.template is not None
        found = re.fullmatch(route.template.regex(CONVERTERS), path)
        if found is None:
            continue
        params: dict[str, Any] = {}
        for segment in route.template.segments:
            if segment.name is None:
                continue
            value = found.group(segment.name)
            if value is None:
                if segment.name in route.defaults:
                    params[segment.name] = route.defaults[segment.name]
                continue
            params[segment.name] = CONVERTERS[segment.converter].to_python(value)
        for key, value in route.defaults.items():
            params.setdefault(key, value)
        return route, params
    return None


def check(router: Router, paths: list[str]) -> None:
    routes = list(router)
    for path in paths:
        expected = reference(routes, path)
        found = router.find("GET", path)
        if expected is None:
            assert found is None, path
        else:
            assert found is not None, path
            route, params = found
            assert route is expected[0], (path, route, expected[0])
            assert dict(params) == expected[1], path


LITERALS = ["a", "b", "users", "é"]
SEGMENTS = st.one_of(
    st.sampled_from(LITERALS),
    st.sampled_from(["@x", "@n:int", "@s:string", "?o", "?m:int"]),
)


@st.composite
def tables(draw: st.DrawFn) -> list[Route]:
    routes = []
    for _ in range(draw(st.integers(1, 30))):
        parts = draw(st.lists(SEGMENTS, max_size=4))
        # Parameter names must be unique within one template.
        seen: set[str] = set()
        clean = []
        for part in parts:
            name = part.lstrip("@?").split(":")[0]
            if part[0] in "@?" and name in seen:
                continue
            seen.add(name)
            clean.append(part)
        route = Get("/" + "/".join(clean), target)
        if draw(st.booleans()):
            route.default({"o": "dflt"})
        routes.append(route)
    return routes


PATH_PARTS = st.sampled_from([*LITERALS, "42", "7", "abc", "x1", "", "9" * 19])


@settings(max_examples=300, deadline=None)
@given(
    tables(),
    st.lists(st.lists(PATH_PARTS, max_size=5), min_size=1, max_size=10),
    st.booleans(),
)
def test_matcher_agrees_with_the_reference(
    routes: list[Route], paths: list[list[str]], slash: bool
) -> None:
    router = Router(routes)
    check(router, ["/" + "/".join(parts) + ("/" if slash and parts else "") for parts in paths])


def test_first_declared_wins_between_static_and_parametrised() -> None:
    dynamic_first = Router([Get("/users/@id", target), Get("/users/new", target)])
    static_first = Router([Get("/users/new", target), Get("/users/@id", target)])
    assert dynamic_first.find("GET", "/users/new")[0].path == "/users/@id"  # type: ignore[index]
    assert static_first.find("GET", "/users/new")[0].path == "/users/new"  # type: ignore[index]


def test_large_tables_branch_and_still_agree() -> None:
    routes: list[Route] = []
    for i in range(200):
        routes += [
            Get(f"/api/v1/r{i}", target),
            Get(f"/api/v1/r{i}/@id:int", target),
            Get(f"/api/v1/r{i}/@id/edit", target),
            Get(f"/api/v1/r{i}/@id/?page:int/x", target),
        ]
    routes += [Get("/api/@anything/tail", target), Get("/@slug", target)]
    router = Router(routes)
    paths = [
        "/api/v1/r199/5",
        "/api/v1/r199/abc",
        "/api/v1/r0/5/edit",
        "/api/v1/r7/5/3/x",
        "/api/v1/r7/5/x/",
        "/api/zzz/tail",
        "/api/v1/tail",
        "/solo",
        "/api/v1/nope/1",
        "/api/v1/r5/",
    ]
    check(router, paths)


def test_unbranchable_tables_are_chunked() -> None:
    # Every route starts with a parameter: no literal to branch on.
    routes = [Get(f"/@p/x{i}", target) for i in range(3 * LEAF_MAX + 40)]
    router = Router(routes)
    check(router, ["/a/x0", f"/a/x{3 * LEAF_MAX + 39}", "/a/y", "/a/x5/"])


def test_converter_refusal_falls_through_to_a_later_route() -> None:
    router = Router([Get("/n/@id:int", target), Get("/n/@name", target)])
    assert router.find("GET", "/n/12")[1] == {"id": 12}  # type: ignore[index]
    assert router.find("GET", "/n/twelve")[1] == {"name": "twelve"}  # type: ignore[index]
    assert router.find("GET", "/n/" + "1" * 19)[1] == {"name": "1" * 19}  # type: ignore[index]


def test_case_sensitive_and_unicode_paths() -> None:
    router = Router([Get("/Users/@name", target), Get("/café", target)])
    assert router.find("GET", "/users/x") is None
    assert router.find("GET", "/Users/zoë")[1] == {"name": "zoë"}  # type: ignore[index]
    assert router.find("GET", "/café") is not None
    assert router.find("GET", "/caf%C3%A9") is None  # paths arrive decoded


def test_optional_parameters_and_defaults() -> None:
    router = Router(
        [
            Get("/blog/?page:int", target).default({"page": 1}),
            Get("/list/?sort", target),
            Get("/extra", target).default({"flag": True}),
        ]
    )
    assert router.find("GET", "/blog")[1] == {"page": 1}  # type: ignore[index]
    assert router.find("GET", "/blog/4")[1] == {"page": 4}  # type: ignore[index]
    assert router.find("GET", "/list")[1] == {}  # type: ignore[index]
    assert router.find("GET", "/extra")[1] == {"flag": True}  # type: ignore[index]


def entries(routes: list[Route]) -> list[Entry]:
    for index, route in enumerate(routes):
        route.index = index
    return [Entry(r.index, r, r.template, CONVERTERS) for r in routes]  # type: ignore[arg-type]


def test_compile_static_registers_both_slash_forms_and_shares_params() -> None:
    table = compile_static(entries([Get("/a", target), Get("/", target)]), None)
    assert set(table) == {"/a", "/a/", "/"}
    assert table["/a"] is table["/a/"]
    params: Mapping[str, Any] = table["/a"].params
    with pytest.raises(TypeError):
        params["x"] = 1  # type: ignore[index]


def test_compile_finder_without_parametrised_routes() -> None:
    assert compile_finder(entries([Get("/a", target)]), CONVERTERS) is None
