from __future__ import annotations

from masonite.routing import Get, Route
from masonite.routing.converters import registered_converters
from masonite.routing.matcher import Entry
from masonite.routing.tails import compile_tails

CONVERTERS = registered_converters()


def target() -> str:
    return "ok"


def index(*routes: Route):  # type: ignore[no-untyped-def]
    for position, route in enumerate(routes):
        route.index = position
    return compile_tails(
        [Entry(r.index, r, r.template, CONVERTERS) for r in routes],  # type: ignore[arg-type]
        CONVERTERS,
    )


def test_tail_shaped_routes_are_indexed_by_head() -> None:
    user, root = Get("/users/@id:int", target), Get("/@slug", target)
    tails, complete = index(user, Get("/about", target), root)
    assert set(tails) == {"/users", ""}
    route, name, check, convert = tails["/users"]
    assert (route, name) == (user, "id")
    assert check is not None
    assert check("12")
    assert not check("x")
    assert convert is not None
    assert convert("12") == 12
    assert tails[""][2] is None  # the default converter needs no regex
    assert tails[""][3] is None  # nor a conversion
    assert complete


def test_first_route_of_a_head_wins_and_later_ones_stay_in_the_tree() -> None:
    first = Get("/n/@id:int", target)
    tails, complete = index(first, Get("/n/@name", target))
    assert tails["/n"][0] is first
    assert complete


def test_other_shapes_make_the_index_incomplete() -> None:
    for shape in ("/a/@x/edit", "/a/?x", "/a/@x/@y"):
        tails, complete = index(Get(shape, target))
        assert tails == {}
        assert not complete


def test_defaults_outside_the_template_keep_a_route_out() -> None:
    tails, _ = index(Get("/a/@x", target).default({"other": 1}))
    assert tails == {}


def test_an_earlier_route_that_could_match_keeps_a_route_out() -> None:
    # '/@a/@b' matches '/users/5' too and is declared first: the index must not answer.
    tails, complete = index(Get("/@a/@b", target), Get("/users/@id", target))
    assert "/users" not in tails
    assert not complete
    # An optional segment can shift an earlier route onto the same shape.
    tails, _ = index(Get("/users/?o/@x", target), Get("/users/@id", target))
    assert "/users" not in tails
    # A literal that differs cannot match.
    tails, _ = index(Get("/posts/@x", target), Get("/users/@id", target))
    assert set(tails) == {"/posts", "/users"}
    # A converter that refuses the head's literal cannot match either.
    tails, _ = index(Get("/@n:int/@x", target), Get("/users/@id", target))
    assert "/users" in tails
