"""The dispatch pipeline (router.dispatch) and the router as a WSGI application."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from masonite.request import BadRequest, Forbidden, Request, Response
from masonite.request.testing import Client, create_environ
from masonite.routing import (
    ControllerError,
    DefaultResolver,
    Get,
    Post,
    Redirect,
    RouteGroup,
    Router,
)

calls: list[str] = []


@pytest.fixture(autouse=True)
def _reset() -> Iterator[None]:
    calls.clear()
    yield
    calls.clear()


class Recorder:
    """Middleware that records its steps; ``name`` comes from the subclass."""

    name = "?"

    def __init__(self, request: Request) -> None:
        self.request = request

    def before(self, *args: str) -> None:
        calls.append(f"{self.name}.before{args if args else ''}")

    def after(self, *args: str) -> None:
        calls.append(f"{self.name}.after")


class HttpA(Recorder):
    name = "httpA"


class HttpB(Recorder):
    name = "httpB"


class RouteOwn(Recorder):
    name = "own"


class GroupMw(Recorder):
    name = "group"


class Throttle(Recorder):
    name = "throttle"


class Guard:
    """Redirects guests: a before() that sets a response stops the controller."""

    def __init__(self, request: Request) -> None:
        self.request = request

    def before(self) -> None:
        calls.append("guard.before")
        self.request.redirect("/login")

    def after(self) -> None:
        calls.append("guard.after")


class Deny:
    def before(self) -> None:
        raise Forbidden("nope")


class AfterHeader:
    def __init__(self, request: Request) -> None:
        self.request = request

    def after(self) -> None:
        self.request.response.header("X-After", "yes")


def show(id: int, request: Request) -> dict[str, Any]:
    calls.append("controller")
    return {"id": id, "param": request.param("id"), "type": type(request.param("id")).__name__}


def plain() -> str:
    calls.append("controller")
    return "plain"


def returns_none() -> None:
    return None


def explode() -> str:
    raise RuntimeError("kaboom")


def bad_request() -> str:
    raise BadRequest("broken input")


class UserController:
    def __init__(self, request: Request) -> None:
        self.request = request

    def show(self, id: int) -> str:
        return f"user {id} at {self.request.path}"


ALIASES: dict[str, Any] = {"own": RouteOwn, "group": GroupMw, "throttle": Throttle, "guard": Guard}


def make_router(**options: Any) -> Router:
    return Router(
        web=[
            Get("/users/@id:int", show).middleware("own", "throttle:5,1"),
            RouteGroup([Get("/grouped", plain).middleware("own")], middleware="group"),
            Get("/guarded", plain).middleware("guard"),
            Get("/denied", plain).middleware(Deny),
            Get("/none", returns_none),
            Get("/explode", explode),
            Get("/bad", bad_request),
            Get("/ctrl/@id:int", UserController.show),
            Redirect("/old/@id:int", "/users/@id", 301),
            Redirect("/away", "https://example.org/x"),
            Post("/form", plain),
        ],
        api=[Get("/api/bad", bad_request), Get("/api/after", plain).middleware(AfterHeader)],
        route_middleware=ALIASES,
        **options,
    )


@pytest.fixture
def client() -> Client:
    return Client(make_router(http_middleware=[HttpA, HttpB]))


def test_pipeline_order_and_converted_params(client: Client) -> None:
    response = client.get("/users/42")
    assert response.status_code == 200
    assert response.json() == {"id": 42, "param": 42, "type": "int"}
    assert calls == [
        "httpA.before",
        "httpB.before",
        "own.before",
        "throttle.before('5', '1')",
        "controller",
        "own.after",
        "throttle.after",
        "httpA.after",
        "httpB.after",
    ]


def test_group_middleware_runs_after_the_routes_own(client: Client) -> None:
    client.get("/grouped")
    assert calls[2:4] == ["own.before", "group.before"]


def test_before_that_redirects_skips_the_controller(client: Client) -> None:
    response = client.get("/guarded")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"
    assert "controller" not in calls
    assert calls[-3:] == ["guard.after", "httpA.after", "httpB.after"]


def test_http_middleware_before_can_answer_alone() -> None:
    class Maintenance:
        def __init__(self, request: Request) -> None:
            self.request = request

        def before(self) -> None:
            self.request.response.view("down", 503)

    response = Client(make_router(http_middleware=[Maintenance, HttpA])).get("/users/1")
    assert response.status_code == 503
    assert response.text == "down"
    assert calls == []  # HttpA was never reached, the route never matched


def test_http_exceptions_become_responses_and_afters_still_run(client: Client) -> None:
    response = client.get("/denied")
    assert response.status_code == 403
    assert "nope" in response.text
    assert calls[-2:] == ["httpA.after", "httpB.after"]


def test_api_routes_and_json_clients_get_json_errors(client: Client) -> None:
    assert client.get("/api/bad").json() == {"error": {"status": 400, "message": "broken input"}}
    assert client.get("/bad").headers["Content-Type"].startswith("text/html")
    wants_json = client.get("/bad", headers={"Accept": "application/json"})
    assert wants_json.json()["error"]["status"] == 400


def test_a_405_on_an_api_path_is_json() -> None:
    client = Client(
        Router(web=[Get("/shared", plain)], api=[Get("/api/items", plain), Post("/shared", plain)])
    )
    response = client.delete("/api/items")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json() == {"error": {"status": 405, "message": "Method Not Allowed"}}
    # Web routes come first: a path a web route has answers like a web route.
    response = client.delete("/shared")
    assert response.status_code == 405
    assert response.headers["Content-Type"].startswith("text/html")


def test_after_middleware_sees_the_response(client: Client) -> None:
    assert client.get("/api/after").headers["X-After"] == "yes"


def test_not_found_and_method_not_allowed(client: Client) -> None:
    assert client.get("/missing").status_code == 404
    response = client.put("/users/3")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert calls == ["httpA.before", "httpB.before", "httpA.after", "httpB.after"] * 2


def test_head_has_headers_and_no_body(client: Client) -> None:
    response = client.head("/users/3")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["Content-Type"] == "application/json"


def test_automatic_options(client: Client) -> None:
    response = client.options("/users/3")
    assert response.status_code == 204
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert client.options("/missing").status_code == 404


def test_unbound_method_target_builds_the_controller_with_the_request(client: Client) -> None:
    assert client.get("/ctrl/9").text == "user 9 at /ctrl/9"


def test_redirect_routes(client: Client) -> None:
    response = client.get("/old/7?x=1")
    assert response.status_code == 301
    assert response.headers["Location"] == "/users/7?x=1"
    assert client.get("/away").headers["Location"] == "https://example.org/x"


def test_controller_returning_none_is_a_logged_500(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="masonite.routing"):
        response = client.get("/none")
    assert response.status_code == 500
    assert "returns_none" not in response.text  # no internals to the client
    record = caplog.records[-1]
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], ControllerError)
    assert "test_pipeline.returns_none returned None" in str(record.exc_info[1])


def test_unexpected_exceptions_are_a_logged_500(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="masonite.routing"):
        response = client.get("/explode", headers={"Accept": "application/json"})
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "message": "Internal Server Error"}}
    assert "kaboom" not in response.text
    assert "GET /explode" in caplog.text


def test_dispatch_propagates_unexpected_exceptions() -> None:
    router = make_router()
    with pytest.raises(RuntimeError, match="kaboom"):
        router.dispatch(Request(create_environ(path="/explode")))
    with pytest.raises(ControllerError):
        router.dispatch(Request(create_environ(path="/none")))


def test_dispatch_sets_route_and_params() -> None:
    router = make_router()
    request = Request(create_environ(path="/users/5"))
    response = router.dispatch(request)
    assert response is request.response
    assert request.route is router.match("GET", "/users/5").route
    assert request.params == {"id": 5}


class Tracing(DefaultResolver):
    """Records what it is asked to build and call."""

    def build(self, cls: Any, request: Request) -> Any:
        calls.append(f"build {cls.__name__}")
        return super().build(cls, request)

    def call(self, fn: Any, request: Request, params: Any, args: Any = ()) -> Any:
        calls.append(f"call {getattr(fn, '__name__', fn)}")
        return super().call(fn, request, params, args)


class Indirect(Tracing):
    """A resolver without ``direct``: it is asked for everything."""

    direct = False


def test_dispatch_with_another_resolver() -> None:
    router = Router([Get("/p", plain)])
    router.dispatch(Request(create_environ(path="/p")), Indirect())
    assert calls == ["call plain", "controller"]


def test_a_resolver_without_the_direct_attribute_is_asked_for_everything() -> None:
    class Bare:
        def build(self, cls: Any, request: Request) -> Any:
            calls.append(f"build {cls.__name__}")
            return cls(request)

        def call(self, fn: Any, request: Request, params: Any, args: Any = ()) -> Any:
            calls.append(f"call {fn.__name__}")
            return fn()

    class Stamp:
        def __init__(self, request: Request) -> None:
            self.request = request

        def after(self) -> None:
            calls.append("after")

    router = Router([Get("/p", plain)], http_middleware=[Stamp])
    router.dispatch(Request(create_environ(path="/p")), Bare())  # type: ignore[arg-type]
    assert calls == ["build Stamp", "call plain", "controller", "call after", "after"]


def test_a_direct_resolver_is_asked_only_for_what_the_router_cannot_supply() -> None:
    class Mailer:
        pass

    class Stamp:
        def __init__(self, request: Request) -> None:
            self.request = request

        def after(self, response: Response) -> None:
            calls.append(f"after {response.status_code}")

    class NeedsMailer:
        def __init__(self, mailer: Mailer) -> None:
            self.mailer = mailer

        def before(self) -> None:
            calls.append("before")

    class Resolving(Tracing):
        def build(self, cls: Any, request: Request) -> Any:
            calls.append(f"build {cls.__name__}")
            return cls(Mailer()) if cls is NeedsMailer else cls(request)

    router = Router(
        [Get("/p", plain), Get("/m", plain).middleware("mail")],
        http_middleware=[Stamp],
        route_middleware={"mail": NeedsMailer},
    )
    router.dispatch(Request(create_environ(path="/p")), Resolving())
    assert calls == ["controller", "after 200"]
    calls.clear()
    router.dispatch(Request(create_environ(path="/m")), Resolving())
    assert calls == ["build NeedsMailer", "before", "controller", "after 200"]


def test_bad_utf8_path_is_a_400() -> None:
    router = make_router()
    environ = create_environ(path="/users/1")
    environ["PATH_INFO"] = "/\xff\xfe"
    captured: list[str] = []
    body = b"".join(router(environ, lambda status, headers, exc_info=None: captured.append(status)))
    assert captured == ["400 Bad Request"]
    assert body


def test_percent_encoded_utf8_paths_match() -> None:
    router = Router([Get("/café/@name", lambda name: name)])
    assert Client(router).get("/caf%C3%A9/zo%C3%AB").text == "zoë"


def test_returned_response_objects_are_used() -> None:
    def created() -> Response:
        return Response().json({"ok": True}, 201)

    response = Client(Router([Post("/things", created)])).post("/things")
    assert response.status_code == 201
    assert response.json() == {"ok": True}


def test_domain_routes_use_the_host_without_port() -> None:
    router = Router([Get("/", lambda: "api").domain("api"), Get("/", lambda: "www")])
    assert Client(router, host="api.example.com:8080").get("/").text == "api"
    assert Client(router, host="www.example.com").get("/").text == "www"
