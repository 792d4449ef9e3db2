from __future__ import annotations

import pytest

from masonite.routing import Get, Post, RouteDefinitionError, RouteGroup


def target() -> str:
    return "ok"


def test_group_applies_prefix_name_middleware_namespace_and_domain() -> None:
    group = RouteGroup(
        [Get("/", target).name("index"), Post("/@id", "PostController@store").middleware("own")],
        prefix="/dashboard",
        middleware=("auth",),
        name="dashboard.",
        namespace="admin",
        domain="app",
    )
    index, store = group.routes
    assert index.path == "/dashboard"
    assert index.route_name == "dashboard.index"
    assert store.route_name is None  # unnamed routes stay unnamed
    assert store.path == "/dashboard/@id"
    assert store.middleware_list == ("own", "auth")  # the route's own first
    assert store.namespace == "admin"
    assert index.domain_name == "app"
    assert len(group) == 2
    assert list(group) == group.routes


def test_group_does_not_change_the_declared_routes() -> None:
    route = Get("/x", target).name("x")
    RouteGroup([route], prefix="/p", name="g.", middleware="m")
    assert route.path == "/x"
    assert route.route_name == "x"
    assert route.middleware_list == ()


def test_nested_groups_compose_outer_last() -> None:
    inner = RouteGroup(
        [Get("/@post", "PostController@show").name("show").middleware("route")],
        prefix="/posts",
        middleware="inner",
        name="posts.",
        namespace="blog",
    )
    outer = RouteGroup(
        [inner, [Get("/about", target)]],
        prefix="/users/@user:int",
        middleware="outer",
        name="users.",
        namespace="admin.",
        domain="api.example.com",
    )
    show, about = outer.routes
    assert show.path == "/users/@user:int/posts/@post"
    assert show.route_name == "users.posts.show"
    assert show.middleware_list == ("route", "inner", "outer")
    assert show.namespace == "admin.blog"
    assert show.domain_name == "api.example.com"
    assert about.path == "/users/@user:int/about"


def test_route_domain_wins_over_group_domain() -> None:
    (route,) = RouteGroup([Get("/x", target).domain("own")], domain="group").routes
    assert route.domain_name == "own"


def test_duplicate_parameter_through_a_prefix_names_the_route() -> None:
    with pytest.raises(RouteDefinitionError, match=r"route GET '/u/@id/@id'.*duplicate parameter"):
        RouteGroup([Get("/@id", target)], prefix="/u/@id")


@pytest.mark.parametrize(
    ("routes", "message"),
    [
        ([Get()], "has no path and target"),
        (["/x"], "is not a route"),
        ("/x", "expected a list of routes"),
    ],
)
def test_group_members_are_checked(routes: object, message: str) -> None:
    with pytest.raises(RouteDefinitionError, match=message):
        RouteGroup(routes)  # type: ignore[arg-type]


def test_group_arguments_are_checked() -> None:
    with pytest.raises(RouteDefinitionError, match="prefix must be a str"):
        RouteGroup([], prefix=3)  # type: ignore[arg-type]
    with pytest.raises(RouteDefinitionError, match="empty segment"):
        RouteGroup([], prefix="/a//b")
    with pytest.raises(RouteDefinitionError, match="invalid domain"):
        RouteGroup([], domain="bad host")
    with pytest.raises(RouteDefinitionError, match="must be str"):
        RouteGroup([], name=None)  # type: ignore[arg-type]
