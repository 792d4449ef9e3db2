from __future__ import annotations

from collections.abc import Callable

import pytest

from masonite.request import MethodNotAllowed, NotFound
from masonite.routing import (
    ControllerResolutionError,
    Converter,
    DefaultResolver,
    Delete,
    Get,
    IntConverter,
    Match,
    Options,
    Post,
    Put,
    Redirect,
    RouteDefinitionError,
    RouteGroup,
    RouteInfo,
    RouteMatch,
    Router,
    UrlBuildError,
)

PackageFactory = Callable[[dict[str, str]], str]


def target() -> str:
    return "ok"


def other() -> str:
    return "other"


@pytest.fixture
def router() -> Router:
    return Router(
        web=[
            Get("/", target).name("home"),
            Get("/blog", target).name("blog"),
            Get("/users/@id:int", target).name("user"),
            Post("/users/@id:int", other),
            Delete("/users/@id:int", other),
            Match(["GET", "POST"], "/form", target),
            Options("/custom", target),
        ],
        api=[Get("/api/users", target).name("api.users"), Get("/blog", other)],
    )


def test_match_returns_route_and_converted_params(router: Router) -> None:
    found = router.match("GET", "/users/42")
    assert isinstance(found, RouteMatch)
    assert found.route.path == "/users/@id:int"
    assert found.params == {"id": 42}
    assert type(found.params["id"]) is int
    assert router.match("POST", "/users/7").route.target is other


def test_find_returns_none_where_match_raises(router: Router) -> None:
    _, params = router.find("GET", "/users/42")  # type: ignore[misc]
    assert params == {"id": 42}
    assert router.find("GET", "/nope") is None
    assert router.find("PUT", "/users/42") is None
    assert router.find("OPTIONS", "/users/42") is None


def test_trailing_slash_is_the_same_route(router: Router) -> None:
    assert router.match("GET", "/blog/").route is router.match("GET", "/blog").route
    assert router.match("GET", "/users/4/").params == {"id": 4}
    assert router.match("GET", "/").route.route_name == "home"
    with pytest.raises(NotFound):
        router.match("GET", "/blog//")


def test_not_found(router: Router) -> None:
    for path in ("/missing", "/users/abc", "/users/" + "9" * 19, "/Blog"):
        with pytest.raises(NotFound):
            router.match("GET", path)


def test_method_not_allowed_lists_allow(router: Router) -> None:
    with pytest.raises(MethodNotAllowed) as info:
        router.match("PUT", "/users/3")
    assert info.value.allowed == ["GET", "HEAD", "POST", "DELETE", "OPTIONS"]
    assert ("Allow", "GET, HEAD, POST, DELETE, OPTIONS") in info.value.headers
    with pytest.raises(MethodNotAllowed) as info:
        router.match("get", "/blog")  # methods are case-sensitive
    assert info.value.allowed == ["GET", "HEAD", "OPTIONS"]


def test_head_is_answered_by_get_routes(router: Router) -> None:
    assert router.match("HEAD", "/users/3").route.methods == ("GET",)
    assert router.match("HEAD", "/form").route.path == "/form"


def test_options_is_automatic_unless_declared(router: Router) -> None:
    found = router.match("OPTIONS", "/users/3")
    assert found.route.methods == ("OPTIONS",)
    assert found.route.controller == "automatic OPTIONS"
    assert router.match("OPTIONS", "/custom").route.target is target
    with pytest.raises(NotFound):
        router.match("OPTIONS", "/missing")


def test_web_routes_win_over_api_routes(router: Router) -> None:
    blog = router.match("GET", "/blog").route
    assert blog.target is target
    assert not blog.api
    assert router.match("GET", "/api/users").route.api


def test_path_without_leading_slash(router: Router) -> None:
    assert router.match("GET", "blog").route.route_name == "blog"
    assert router.match("GET", "").route.route_name == "home"


def test_routes_are_copies(router: Router) -> None:
    declared = Get("/x", target)
    Router([declared])
    assert declared.index == -1
    assert declared.endpoint is None


def test_url_building(router: Router) -> None:
    assert router.url("home") == "/"
    assert router.url("user", id=5) == "/users/5"
    assert router.url("user", id=5, tab="posts", tags=["a", "b"], gone=None) == (
        "/users/5?tab=posts&tags=a&tags=b"
    )


def test_url_name_is_positional_only() -> None:
    router = Router([Get("/people/@name", target).name("person")])
    assert router.url("person", name="ada") == "/people/ada"


def test_url_errors(router: Router) -> None:
    with pytest.raises(UrlBuildError, match="no route is named 'usr'; did you mean 'user'"):
        router.url("usr")
    with pytest.raises(UrlBuildError, match=r"route 'user' .*missing parameter 'id'"):
        router.url("user")
    with pytest.raises(UrlBuildError, match="parameter 'id'"):
        router.url("user", id="x")


def test_routes_listing(router: Router) -> None:
    listing = router.routes()
    assert all(isinstance(info, RouteInfo) for info in listing)
    assert listing[2] == RouteInfo(
        methods=("GET",),
        path="/users/@id:int",
        name="user",
        middleware=(),
        target=target,
        domain=None,
        api=False,
    )
    assert listing[-1].api
    assert len(router) == len(listing) == 9
    assert [r.path for r in router][:2] == ["/", "/blog"]


def test_routes_listing_shows_middleware_and_redirects() -> None:
    class Mw:
        def before(self) -> None: ...

    router = Router(
        [Get("/a", target).middleware("auth", Mw), Redirect("/old", "/new", 301)],
        route_middleware={"auth": Mw},
    )
    first, second = router.routes()
    assert first.middleware == (
        "auth",
        "test_routes_listing_shows_middleware_and_redirects.<locals>.Mw",
    )
    assert second.target == "redirect to /new (301)"
    assert repr(router) == "<Router routes=2>"


def test_duplicate_names() -> None:
    # The same name on the same path (GET and POST of one form) is fine...
    Router([Get("/f", target).name("f"), Post("/f", target).name("f")])
    # ...on another path it is a mistake.
    with pytest.raises(RouteDefinitionError, match="'f' is already used by route GET '/f'"):
        Router([Get("/f", target).name("f"), Get("/g", target).name("f")])


def test_unknown_middleware_alias_fails_at_build() -> None:
    with pytest.raises(
        RouteDefinitionError, match=r"route GET '/a'.*unknown middleware alias 'auth'"
    ):
        Router([Get("/a", target).middleware("auth")])


def test_controller_strings_resolve_when_the_router_is_built(make_package: PackageFactory) -> None:
    package = make_package(
        {
            "http/controllers/admin/UserController.py": (
                "class UserController:\n    def index(self):\n        return 'users'\n"
            )
        }
    )
    routes = [RouteGroup([Get("/users", "UserController@index")], namespace="admin")]
    router = Router(routes, controllers=f"{package}.http.controllers")
    assert router.match("GET", "/users").route.controller.endswith("UserController.index")
    with pytest.raises(ControllerResolutionError) as info:
        Router([Get("/x", "Nope@index")], controllers=[f"{package}.http.controllers"])
    assert isinstance(info.value.__cause__, ModuleNotFoundError)


def test_default_controller_package_is_app_http_controllers() -> None:
    router = Router()
    assert router.controllers == ("app.http.controllers",)
    with pytest.raises(ControllerResolutionError, match=r"app\.http\.controllers\.Welcome"):
        Router([Get("/", "WelcomeController@show")])


class EvenConverter(Converter):
    regex = r"[0-9]*[02468]"

    def to_python(self, value: str) -> int:
        return int(value)


def test_router_converters_override_registered_ones() -> None:
    router = Router([Get("/n/@n:int", target)], converters={"int": EvenConverter()})
    assert router.match("GET", "/n/4").params == {"n": 4}
    with pytest.raises(NotFound):
        router.match("GET", "/n/3")
    with pytest.raises(RouteDefinitionError, match="capturing"):
        Router([], converters={"bad": type("Bad", (IntConverter,), {"regex": "(x)"})()})


def test_put_and_unknown_methods() -> None:
    router = Router([Put("/p", target), Match(["PURGE"], "/p", other)])
    assert router.match("PURGE", "/p").route.target is other
    with pytest.raises(MethodNotAllowed) as info:
        router.match("GET", "/p")
    assert info.value.allowed == ["PUT", "PURGE", "OPTIONS"]


def test_domains() -> None:
    router = Router(
        [
            Get("/", target).domain("api"),
            Get("/", other),
            Get("/only", target).domain("admin.example.com"),
            Get("/label", other).domain("admin"),
        ]
    )
    assert router.match("GET", "/", "api.example.com").route.target is target
    assert router.match("GET", "/", "API.localhost").route.target is target
    assert router.match("GET", "/", "www.example.com").route.target is other
    assert router.match("GET", "/", None).route.target is other
    assert router.match("GET", "/only", "admin.example.com").route.target is target
    assert router.match("GET", "/label", "admin.example.com").route.target is other
    assert router.match("GET", "/label", "admin.other.org").route.target is other
    with pytest.raises(NotFound):
        router.match("GET", "/only", "admin.other.org")
    with pytest.raises(NotFound):
        router.match("GET", "/only")
    assert router.find("GET", "/only", "www.example.com") is None


def test_controller_parameters_are_checked_when_the_router_is_built() -> None:
    def show(slug: str) -> str:
        return slug

    with pytest.raises(ControllerResolutionError, match=r"needs 'slug'.*URL parameters: id"):
        Router([Get("/posts/@id", show)])
    # A default or a URL parameter provides it; a custom resolver decides for itself.
    Router([Get("/posts", show).default({"slug": "x"})])
    Router([Get("/posts/@slug", show)])

    class Custom(DefaultResolver):
        pass

    Router([Get("/posts/@id", show)], resolver=Custom())


def test_parameters_a_container_could_inject_are_left_to_the_resolver() -> None:
    class Mailer:
        pass

    def send(mailer: Mailer, count: int) -> str:
        return "sent"

    # 'mailer' may come from a container at request time; 'count' (an int) only from the URL.
    with pytest.raises(ControllerResolutionError, match="needs 'count'"):
        Router([Get("/send", send)])
    Router([Get("/send/@count:int", send)])


class ShowController:
    def show(self, slug: str) -> str:
        return slug

    @staticmethod
    def static(slug: str) -> str:
        return slug


def test_controller_class_methods_are_checked_too(make_package: PackageFactory) -> None:
    with pytest.raises(ControllerResolutionError, match=r"ShowController\.show needs 'slug'"):
        Router([Get("/posts/@id", ShowController.show)])
    with pytest.raises(ControllerResolutionError, match="needs 'slug'"):
        Router([Get("/posts/@id", ShowController.static)])
    Router([Get("/posts/@slug", ShowController.show)])
    package = make_package(
        {"c/PostController.py": "class PostController:\n    def show(self, slug): ...\n"}
    )
    with pytest.raises(ControllerResolutionError, match=r"PostController\.show needs 'slug'"):
        Router([Get("/posts/@id", "PostController@show")], controllers=f"{package}.c")
