"""on_bind, on_make, on_resolve: each fires only for its own key and event."""

from __future__ import annotations

from typing import Any

import pytest

from masonite.container import Container, ContainerError
from masonite.container.hooks import Hooks, concerns


class Request:
    pass


class JsonRequest(Request):
    pass


class Response:
    pass


Seen = list[tuple[str, Any, Container]]


@pytest.fixture
def seen() -> Seen:
    return []


def recorder(seen: Seen, label: str) -> Any:
    def hook(obj: Any, container: Container) -> None:
        seen.append((label, obj, container))

    return hook


def test_on_bind_fires_for_its_key_only(seen: Seen) -> None:
    container = Container()
    assert container.on_bind("Request", recorder(seen, "bind")) is container
    request = Request()
    container.bind("Request", request)
    container.bind("Response", Response())
    container.bind("RequestX", Request())
    assert seen == [("bind", request, container)]


def test_on_bind_fires_with_the_class_for_class_bindings(seen: Seen) -> None:
    container = Container()
    container.on_bind("Request", recorder(seen, "bind"))
    container.bind("Request", Request)
    container.singleton("Request", JsonRequest)
    assert [obj for _, obj, _ in seen] == [Request, JsonRequest]


def test_on_make_fires_with_what_make_returns(seen: Seen) -> None:
    container = Container()
    container.on_make("Request", recorder(seen, "make"))
    container.bind("Request", Request)
    container.bind("Response", Response())
    made = container.make("Request")
    container.make("Response")
    assert seen == [("make", made, container)]
    assert isinstance(made, Request)


def test_on_make_does_not_fire_on_bind_or_resolve(seen: Seen) -> None:
    container = Container()
    container.on_make("Request", recorder(seen, "make"))
    container.bind("Request", Request())

    def show(request: Request) -> None:
        pass

    container.resolve(show)
    assert seen == []


def test_on_resolve_fires_when_a_parameter_is_injected(seen: Seen) -> None:
    container = Container()
    container.on_resolve(Request, recorder(seen, "resolve"))
    request = Request()
    container.bind("Request", request)
    container.bind("Response", Response())

    def show(request: Request, response: Response) -> None:
        pass

    container.resolve(show)
    container.make("Request")
    assert seen == [("resolve", request, container)]


def test_on_resolve_by_string_key_fires_for_the_binding_that_supplied_the_value(
    seen: Seen,
) -> None:
    container = Container()
    container.on_resolve("Request", recorder(seen, "resolve"))
    request = Request()
    container.bind("Request", request)

    def show(request: Request) -> None:
        pass

    container.resolve(show)
    assert seen == [("resolve", request, container)]


def test_class_hooks_fire_for_instances_and_subclasses(seen: Seen) -> None:
    container = Container()
    container.on_make(Request, recorder(seen, "make"))
    json_request = JsonRequest()
    container.bind("Request", json_request)
    container.bind("Response", Response())
    container.make("Request")
    container.make("Response")
    container.make(Request)
    assert seen == [("make", json_request, container), ("make", json_request, container)]


def test_class_hook_for_a_subclass_does_not_fire_for_the_base(seen: Seen) -> None:
    container = Container()
    container.on_make(JsonRequest, recorder(seen, "make"))
    container.bind("Request", Request())
    container.make("Request")
    assert seen == []


def test_hooks_fire_in_order_of_registration_and_once_per_event(seen: Seen) -> None:
    container = Container()
    container.on_make("Request", recorder(seen, "first"))
    container.on_make("Request", recorder(seen, "second"))
    container.on_make(Request, recorder(seen, "class"))
    container.bind("Request", Request())
    container.make("Request")
    assert [label for label, _, _ in seen] == ["first", "second", "class"]


def test_hooks_receive_the_scope_doing_the_work(seen: Seen) -> None:
    root = Container()
    root.on_make("Request", recorder(seen, "make"))
    scope = root.scope()
    scope.bind("Request", Request())
    scope.make("Request")
    assert seen[0][2] is scope


def test_hooks_registered_in_a_scope_stay_in_it(seen: Seen) -> None:
    root = Container()
    root.bind("Request", Request())
    scope = root.scope()
    scope.on_make("Request", recorder(seen, "scope"))
    root.make("Request")
    root.scope().make("Request")
    assert seen == []
    scope.make("Request")
    assert len(seen) == 1


def test_hooks_can_change_the_object(seen: Seen) -> None:
    container = Container()

    def tag(obj: Any, c: Container) -> None:
        obj.tagged = True

    container.on_make(Request, tag)
    container.bind("Request", Request)
    assert container.make("Request").tagged is True


def test_hook_registration_validates_key_and_function() -> None:
    container = Container()
    with pytest.raises(ContainerError, match="on_make\\(\\) takes a string or a class as key"):
        container.on_make(42, lambda obj, c: None)  # type: ignore[arg-type]
    with pytest.raises(ContainerError, match="fn must be callable as fn\\(obj, container\\)"):
        container.on_bind("Request", "not callable")  # type: ignore[arg-type]


def test_hooks_registry_matching() -> None:
    hooks = Hooks()

    def first(obj: Any, c: Any) -> None:
        pass

    def second(obj: Any, c: Any) -> None:
        pass

    hooks.add("make", "Request", first)
    hooks.add("make", Request, second)
    assert hooks.matching("make", ("Request",), object()) == [first]
    assert hooks.matching("make", ("Other",), JsonRequest()) == [second]
    assert hooks.matching("bind", ("Request",), Request()) == []
    assert concerns(Request, (), JsonRequest)
    assert not concerns("Request", ("Response",), Request())
