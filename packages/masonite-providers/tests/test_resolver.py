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
