from __future__ import annotations

import pytest

from masonite.routing import (
    Delete,
    Get,
    Match,
    Options,
    Patch,
    Post,
    Put,
    Redirect,
    Route,
    RouteDefinitionError,
)


def target() -> str:
    return "ok"


@pytest.mark.parametrize(
    ("cls", "methods"),
    [
        (Get, ("GET",)),
        (Post, ("POST",)),
        (Put, ("PUT",)),
        (Patch, ("PATCH",)),
        (Delete, ("DELETE",)),
        (Options, ("OPTIONS",)),
    ],
)
def test_both_declaration_forms(cls: type[Route], methods: tuple[str, ...]) -> None:
    seeds = cls().route("/url/", target)
    short = cls("/url", target)
    for route in (seeds, short):
        assert route.methods == methods
        assert route.path == "/url"
        assert route.target is target
        assert route.is_declared


@pytest.mark.parametrize(
    ("factory", "methods"),
    [
        (Route.get, ("GET",)),
        (Route.post, ("POST",)),
        (Route.put, ("PUT",)),
        (Route.patch, ("PATCH",)),
        (Route.delete, ("DELETE",)),
        (Route.options, ("OPTIONS",)),
    ],
)
def test_masonite4_class_methods(factory, methods: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    route = factory("/x", "WelcomeController@show")
    assert route.methods == methods
    assert route.target == "WelcomeController@show"


def test_route_match_and_redirect_class_methods() -> None:
    assert Route.match(["get", "POST"], "/f", target).methods == ("GET", "POST")
    redirect = Route.redirect("/old", "/new", 301)
    assert isinstance(redirect, Redirect)
    assert redirect.status == 301


def test_chaining_returns_the_route() -> None:
    route = (
        Get("/users/?page", target)
        .name("users")
        .middleware("auth", "throttle:5,1")
        .default({"page": 1})
        .domain("API")
    )
    assert route.route_name == "users"
    assert route.middleware_list == ("auth", "throttle:5,1")
    assert route.defaults == {"page": 1}
    assert route.domain_name == "api"
    assert route.middleware("extra").middleware_list == ("auth", "throttle:5,1", "extra")


def test_match_validates_methods() -> None:
    assert Match("put", "/x", target).methods == ("PUT",)
    assert Match(["GET", "get"]).methods == ("GET",)
    with pytest.raises(RouteDefinitionError, match="at least one"):
        Match([], "/x", target)
    with pytest.raises(RouteDefinitionError, match="not an HTTP method"):
        Match(["GE T"], "/x", target)
    with pytest.raises(RouteDefinitionError, match="give path and target"):
        Match(["GET"], "/x")


def test_declaration_errors() -> None:
    with pytest.raises(RouteDefinitionError, match="give both or neither"):
        Get("/x")
    with pytest.raises(RouteDefinitionError, match="callable"):
        Get("/x", 42)  # type: ignore[arg-type]
    with pytest.raises(RouteDefinitionError, match="'Controller@method' form"):
        Get("/x", "WelcomeController")
    with pytest.raises(RouteDefinitionError, match="non-empty str"):
        Get("/x", target).name("")
    with pytest.raises(RouteDefinitionError, match="alias str or a class"):
        Get("/x", target).middleware(3)  # type: ignore[arg-type]
    with pytest.raises(RouteDefinitionError, match="mapping"):
        Get("/x", target).default([1])  # type: ignore[arg-type]
    with pytest.raises(RouteDefinitionError, match="invalid domain"):
        Get("/x", target).domain("a b")


def test_template_error_names_the_route_and_target() -> None:
    with pytest.raises(RouteDefinitionError) as info:
        Get("/users/@id/@id", "UserController@show")
    assert "route GET '/users/@id/@id' -> 'UserController@show'" in str(info.value)
    assert "duplicate parameter 'id'" in str(info.value)


def test_copy_is_independent() -> None:
    route = Get("/x", target).default({"a": 1})
    clone = route.copy()
    clone.defaults["a"] = 2
    clone.middleware("m")
    assert route.defaults == {"a": 1}
    assert route.middleware_list == ()


def test_repr_and_describe() -> None:
    route = Post("/x", target)
    assert repr(route) == "<Post POST '/x'>"
    assert route.describe() == "route POST '/x' -> target"


def test_redirect_declaration() -> None:
    redirect = Redirect("/post/@id", "/articles/@id")
    assert redirect.methods == ("GET",)
    assert redirect.status == 302
    assert not redirect.external
    assert Redirect("/x", "https://example.com/").external


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("/x", "/y", 200), "not a redirect"),
        (("/x", ""), "non-empty"),
        (("/x", "/y\r\nSet-Cookie: a=b"), "control character"),
        (("/x", "/y/@id"), "the destination uses id"),
        (("/x/?page", "/y/@page"), "must be optional"),
    ],
)
def test_redirect_errors(args: tuple[object, ...], message: str) -> None:
    with pytest.raises(RouteDefinitionError, match=message):
        Redirect(*args)  # type: ignore[arg-type]
