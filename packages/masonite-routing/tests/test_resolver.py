from __future__ import annotations

from typing import Any

import pytest

from masonite.request import Request, Response
from masonite.request.testing import create_environ
from masonite.routing import ControllerError, DefaultResolver
from masonite.routing.resolver import describe_callable, direct_invoker


@pytest.fixture
def request_() -> Request:
    return Request(create_environ(path="/x"))


@pytest.fixture
def resolver() -> DefaultResolver:
    return DefaultResolver()


def test_injects_request_response_and_params_by_name(
    request_: Request, resolver: DefaultResolver
) -> None:
    def show(id: int, response: Response, req: Request, missing: str = "d") -> Any:
        return id, response, req, missing

    assert resolver.call(show, request_, {"id": 5, "other": 1}) == (
        5,
        request_.response,
        request_,
        "d",
    )


def test_unannotated_request_parameter(request_: Request, resolver: DefaultResolver) -> None:
    assert resolver.call(lambda request: request, request_, {}) is request_
    assert resolver.call(lambda request: request, request_, {"request": "p"}) == "p"


def test_string_annotations_from_future_import(
    request_: Request, resolver: DefaultResolver
) -> None:
    namespace: dict[str, Any] = {}
    exec(
        "from __future__ import annotations\n"
        "def show(r: Request, q: UnknownType = None):\n"
        "    return r\n",
        namespace,
    )
    assert resolver.call(namespace["show"], request_, {}) is request_


def test_missing_parameter_names_the_callable(request_: Request, resolver: DefaultResolver) -> None:
    def show(slug: str) -> None: ...

    with pytest.raises(ControllerError, match=r"test_resolver\..*show: parameter 'slug'"):
        resolver.call(show, request_, {})


def test_positional_arguments_first_then_injection(
    request_: Request, resolver: DefaultResolver
) -> None:
    class Throttle:
        def before(self, limit: str, per: str, request: Request) -> Any:
            return limit, per, request

    assert resolver.call(Throttle().before, request_, {}, ("5", "1")) == ("5", "1", request_)
    with pytest.raises(ControllerError, match="takes 3 positional argument"):
        resolver.call(Throttle().before, request_, {}, ("1", "2", "3", "4"))


def test_var_positional_and_var_keyword(request_: Request, resolver: DefaultResolver) -> None:
    def anything(*args: str, request: Request, **params: Any) -> Any:
        return args, request, params

    assert resolver.call(anything, request_, {"a": 1, "b": 2}, ("x",)) == (
        ("x",),
        request_,
        {"a": 1, "b": 2},
    )

    def some(a: int, **rest: Any) -> Any:
        return a, rest

    assert resolver.call(some, request_, {"a": 1, "b": 2}) == (1, {"b": 2})


def test_positional_only_parameters(request_: Request, resolver: DefaultResolver) -> None:
    def only(r: Request, /, x: int = 0, *, k: str = "k") -> Any:
        return r, x, k

    assert resolver.call(only, request_, {"x": 3, "k": "v"}) == (request_, 3, "v")

    def gap(a: int = 1, b: int = 2, /) -> Any:
        return a, b

    assert resolver.call(gap, request_, {"b": 9}) == (1, 2)

    def needs(a: int = 1, b: int = 2, c: int = 3, /, *, d: int) -> Any:
        return a, b, c, d

    assert resolver.call(needs, request_, {"a": 4, "d": 0}) == (4, 2, 3, 0)
    with pytest.raises(ControllerError, match="parameter 'd'"):
        resolver.call(needs, request_, {})


def test_keyword_only_by_name_and_required(request_: Request, resolver: DefaultResolver) -> None:
    def kw(*, a: int, b: Response, c: Request) -> Any:
        return a, b, c

    assert resolver.call(kw, request_, {"a": 1}, ("ignored",) * 0) == (
        1,
        request_.response,
        request_,
    )
    with pytest.raises(ControllerError, match="parameter 'a'"):
        resolver.call(kw, request_, {}, ())


def test_build_injects_the_constructor(request_: Request, resolver: DefaultResolver) -> None:
    class Plain:
        pass

    class WithRequest:
        def __init__(self, request: Request) -> None:
            self.request = request

    assert isinstance(resolver.build(Plain, request_), Plain)
    assert resolver.build(WithRequest, request_).request is request_


def test_plans_are_cached_per_function(request_: Request, resolver: DefaultResolver) -> None:
    class C:
        def show(self, request: Request) -> Request:
            return request

    first, second = C(), C()
    assert resolver.call(first.show, request_, {}) is request_
    plan = resolver.plan(second.show)
    assert resolver.plan(first.show) is plan  # bound methods share their function's plan
    assert resolver.plan(C.show) is not plan  # unbound: a different signature


def test_unreadable_signature(request_: Request, resolver: DefaultResolver) -> None:
    class NoSignature:
        __signature__ = "not a signature"

        def __call__(self) -> None: ...

    with pytest.raises(ControllerError, match="cannot read the signature"):
        resolver.call(NoSignature(), request_, {})


def test_describe_callable() -> None:
    assert describe_callable(test_describe_callable).endswith(
        "test_resolver.test_describe_callable"
    )
    assert (
        describe_callable(DefaultResolver().call)
        == "masonite.routing.resolver.DefaultResolver.call"
    )


def test_direct_invoker_shapes(request_: Request, resolver: DefaultResolver) -> None:
    def none() -> str:
        return "none"

    def one(id: int) -> int:
        return id

    def req(r: Request) -> Request:
        return r

    def mixed(a: int, r: Request, resp: Response, request: Any = None) -> Any:
        return a, r, resp

    def mixed_unannotated(a: int, request) -> Any:  # type: ignore[no-untyped-def]
        return a, request

    assert direct_invoker(resolver, none)(request_, {}) == "none"  # type: ignore[misc]
    assert direct_invoker(resolver, one)(request_, {"id": 3}) == 3  # type: ignore[misc]
    assert direct_invoker(resolver, req)(request_, {}) is request_  # type: ignore[misc]
    assert direct_invoker(resolver, mixed_unannotated)(request_, {"a": 1}) == (1, request_)  # type: ignore[misc]
    assert direct_invoker(resolver, mixed) is None  # an optional parameter: general path
    with pytest.raises(ControllerError, match="parameter 'id'"):
        direct_invoker(resolver, one)(request_, {})  # type: ignore[misc]

    def two(a: int, r: Request, resp: Response) -> Any:
        return a, r, resp

    invoke = direct_invoker(resolver, two)
    assert invoke is not None
    assert invoke(request_, {"a": 1}) == (1, request_, request_.response)
    with pytest.raises(ControllerError, match="parameter 'a'"):
        invoke(request_, {})


def test_direct_invoker_refuses_keyword_and_variadic(resolver: DefaultResolver) -> None:
    def keyword(*, a: int) -> None: ...

    def variadic(*args: Any) -> None: ...

    assert direct_invoker(resolver, keyword) is None
    assert direct_invoker(resolver, variadic) is None
