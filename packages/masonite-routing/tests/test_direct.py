"""Direct calls: what the router builds and calls without asking the resolver."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from masonite.request import Request, Response
from masonite.request.testing import create_environ
from masonite.routing.direct import (
    REQUEST,
    REQUEST_ONLY,
    RESPONSE,
    direct_endpoint,
    direct_function,
    middleware_plan,
    recipe,
    recipe_values,
)


class Mailer:
    pass


def test_recipes_of_the_supported_shapes() -> None:
    def nothing() -> None: ...
    def request_only(request: Request) -> None: ...
    def both(response: Response, request: Request) -> None: ...
    def url(id: int, slug) -> None: ...  # type: ignore[no-untyped-def]

    assert recipe(nothing) == ()
    assert recipe(request_only) is REQUEST_ONLY
    assert recipe(both) == (RESPONSE, REQUEST)
    assert recipe(url, names={"id", "slug"}) == ("id", "slug")


@pytest.mark.parametrize(
    "fn",
    [
        lambda mailer: None,  # not a URL parameter of the route
        lambda request: None,  # an unannotated ``request``: resolvers differ on it
        lambda id=1: None,  # a default: a resolver may keep it
        lambda *args: None,
        lambda **kwargs: None,
    ],
)
def test_anything_else_needs_a_resolver(fn: Any) -> None:
    assert recipe(fn, names={"id"}) is None


def test_annotations_other_than_request_response_and_url_types_need_a_resolver() -> None:
    def mail(mailer: Mailer) -> None: ...
    def sub(request: Any) -> None: ...
    def unresolvable(request: NotDefinedAnywhere) -> None: ...  # type: ignore[name-defined]  # noqa: F821

    assert recipe(mail) is None
    assert recipe(sub, names={"request"}) is None
    assert recipe(unresolvable) is None


def test_constructor_recipes() -> None:
    class Empty:
        pass

    class WithRequest:
        def __init__(self, request: Request) -> None:
            self.request = request

    class WithMailer:
        def __init__(self, mailer: Mailer) -> None:
            self.mailer = mailer

    assert recipe(Empty) == ()
    assert recipe(WithRequest) is REQUEST_ONLY
    assert recipe(WithMailer) is None


def test_recipe_values() -> None:
    request = Request(create_environ())
    steps = (REQUEST, RESPONSE, "id")
    assert recipe_values(steps, request, {"id": 3}) == [request, request.response, 3]


class Controller:
    def home(self) -> str:
        return "home"

    def show(self, id: int) -> str:
        return f"show {id}"

    def echo(self, request: Request) -> str:
        return request.path

    def both(self, request: Request, id: int) -> str:
        return f"{request.path} {id}"

    def mail(self, mailer: Mailer) -> str:
        return "mail"

    @staticmethod
    def static() -> str:
        return "static"


def _invoke(name: str, params: Mapping[str, Any] | None = None) -> Any:
    invoke = direct_endpoint(Controller, name, set(params or ()))
    assert invoke is not None
    return invoke(Request(create_environ(path="/x")), params or {})


def test_direct_endpoints_build_the_controller_per_call() -> None:
    assert _invoke("home") == "home"
    assert _invoke("show", {"id": 4}) == "show 4"
    assert _invoke("echo") == "/x"
    assert _invoke("both", {"id": 2}) == "/x 2"


def test_endpoints_needing_a_resolver_have_no_direct_call() -> None:
    assert direct_endpoint(Controller, "mail", ()) is None
    assert direct_endpoint(Controller, "static", ()) is None
    # ``id`` is not carried by every request of the route (an optional segment).
    assert direct_endpoint(Controller, "show", ()) is None

    class Injected:
        def __init__(self, mailer: Mailer) -> None: ...

        def home(self) -> str:
            return "x"

    assert direct_endpoint(Injected, "home", ()) is None


def test_direct_functions() -> None:
    request = Request(create_environ(path="/f"))

    def nothing() -> str:
        return "n"

    def path(request: Request) -> str:
        return request.path

    def show(id: int, response: Response) -> Any:
        return (id, response)

    for fn, expected in ((nothing, "n"), (path, "/f")):
        invoke = direct_function(fn, ())
        assert invoke is not None
        assert invoke(request, {}) == expected
    invoke = direct_function(show, {"id"})
    assert invoke is not None
    assert invoke(request, {"id": 1}) == (1, request.response)
    assert direct_function(lambda mailer: None, ()) is None
    assert direct_function(Controller().home, ()) is not None  # a bound method


def test_middleware_plans() -> None:
    class Both:
        def __init__(self, request: Request) -> None: ...
        def before(self) -> None: ...
        def after(self, response: Response) -> None: ...

    plan = middleware_plan(Both)
    assert plan.build is REQUEST_ONLY
    assert plan.before is Both.before
    assert plan.before_steps == ()
    assert plan.after is Both.after
    assert plan.after_steps == (RESPONSE,)
    assert plan.has_before
    assert plan.has_after

    # Alias arguments ('throttle:5,1') go through the resolver.
    with_args = middleware_plan(Both, ("5", "1"))
    assert with_args.before is None
    assert with_args.after is None
    assert with_args.has_before
    assert with_args.has_after

    class AfterOnly:
        def after(self, mailer: Mailer) -> None: ...

    plan = middleware_plan(AfterOnly)
    assert plan.build == ()
    assert not plan.has_before
    assert plan.after is None
    assert plan.has_after
