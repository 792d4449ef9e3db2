from __future__ import annotations

from typing import Any

from masonite.container import Container
from masonite.providers import ContainerResolver
from masonite.request import Request, Response
from masonite.request.testing import create_environ


class Service:
    pass


class Controller:
    def __init__(self, request: Request, service: Service) -> None:
        self.request = request
        self.service = service

    def show(self, id: int, response: Response) -> tuple[int, Response]:
        return id, response

    def flexible(self, **params: Any) -> dict[str, Any]:
        return params


def test_build_and_call_inject_from_the_scope() -> None:
    scope = Container().scope()
    request = Request(create_environ())
    scope.bind("Request", request)
    scope.bind("Response", request.response)
    resolver = ContainerResolver(scope)
    controller = resolver.build(Controller, request)
    assert controller.request is request
    assert isinstance(controller.service, Service)
    assert resolver.call(controller.show, request, {"id": 3, "other": "x"}) == (3, request.response)
    assert resolver.call(controller.flexible, request, {"a": 1}) == {"a": 1}
    assert resolver.call(lambda first, second: first + second, request, {}, ("1", "2")) == "12"


def test_callables_with_nothing_to_inject_are_called_directly() -> None:
    resolver = ContainerResolver(Container().scope())
    request = Request(create_environ())

    class Plain:
        def show(self, id: int, page: int = 1) -> tuple[int, int]:
            return id, page

        def only(self, id: int, /) -> int:
            return id

    assert resolver.call(Plain().show, request, {"id": 4}) == (4, 1)
    assert resolver.call(Plain().show, request, {"id": 4, "page": 2, "x": 0}) == (4, 2)
    assert isinstance(resolver.build(Plain, request), Plain)
    # A positional-only parameter cannot come from a URL parameter: the container says so.
    import pytest

    from masonite.container import ContainerError

    with pytest.raises(ContainerError, match="'id'"):
        resolver.call(Plain().only, request, {"id": 4})
    with pytest.raises(ContainerError, match="'id'"):
        resolver.call(Plain().show, request, {})


class Injected:
    def __init__(self, name: str) -> None:
        self.name = name

    def form(self, request: Request, service: Service) -> tuple[str, Request, Service]:
        return self.name, request, service


def test_methods_with_only_values_to_inject_see_each_instance_and_scope() -> None:
    root = Container()
    root.bind("Service", Service())
    for name in ("a", "b"):
        scope = root.scope()
        request = Request(create_environ())
        scope.bind("Request", request)
        resolver = ContainerResolver(scope)
        # URL parameters the method does not take are left out, as with resolve().
        for params in ({}, {"id": 1}):
            got = resolver.call(Injected(name).form, request, params)
            assert got == (name, request, root.make(Service))
    swapped = Service()
    scope.swap(Service, swapped)
    assert resolver.call(Injected("c").form, request, {})[2] is swapped
