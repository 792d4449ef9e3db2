from __future__ import annotations

from masonite.routing import Get, Match, Post, Route
from masonite.routing.converters import registered_converters
from masonite.routing.matcher import Entry
from masonite.routing.views import HostView, accepts, ordered_methods

CONVERTERS = registered_converters()


def target() -> str:
    return "ok"


def view(*routes: Route) -> HostView:
    for index, route in enumerate(routes):
        route.index = index
    return HostView(
        [Entry(r.index, r, r.template, CONVERTERS) for r in routes],  # type: ignore[arg-type]
        CONVERTERS,
    )


def test_accepts_and_method_order() -> None:
    assert accepts(Get("/", target), "HEAD")
    assert not accepts(Post("/", target), "HEAD")
    assert ordered_methods(["PURGE", "DELETE", "GET", "OPTIONS", "HEAD"]) == [
        "GET",
        "HEAD",
        "DELETE",
        "OPTIONS",
        "PURGE",
    ]


def test_methods_with_the_same_routes_share_a_table() -> None:
    only_get = view(Get("/a", target), Get("/b/@x", target))
    assert only_get.methods == ["GET", "HEAD"]
    assert only_get.tables["GET"] is only_get.tables["HEAD"]
    assert only_get.any is only_get.tables["GET"]
    assert only_get.complete == {"GET": True, "HEAD": True}


def test_lookup_exists_and_allowed() -> None:
    hosts = view(Get("/a", target), Post("/a", target), Match(["PUT"], "/b/@x", target))
    assert hosts.lookup("POST", "/a") is not None
    assert hosts.lookup("PATCH", "/a") is None
    assert hosts.exists("PUT", "/a")
    assert not hosts.exists("GET", "/c")
    assert hosts.allowed("/a") == ["GET", "HEAD", "POST"]
    assert hosts.allowed("/b/1") == ["PUT"]
    assert hosts.allowed("/c") == []
