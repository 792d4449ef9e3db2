"""prepare_bindings and prepare_scope: the same scope() and bind() calls, planned once."""

from __future__ import annotations

from typing import Any

import pytest

from masonite.container import (
    Container,
    ContainerError,
    StrictContainerException,
    prepare_bindings,
    prepare_scope,
)


class Base:
    pass


class Request(Base):
    pass


class LazyRequest(Request):
    pass


class Response(Base):
    pass


def _state(container: Container) -> tuple[dict[Any, Any], dict[type, Any], dict[type, Any]]:
    return container._bindings, container._answers, container._ready


def _both(classes: dict[str, type], objects: list[Any], parent: Container) -> None:
    """Bind ``objects`` with bind() in one scope and prepared in another: same state."""
    by_hand = parent.scope()
    prepared = parent.scope()
    for key, obj in zip(classes, objects, strict=True):
        by_hand.bind(key, obj)
    prepare_bindings(classes)(prepared, *objects)
    assert _state(prepared) == _state(by_hand)


@pytest.mark.parametrize(
    "classes",
    [
        {"Request": Request, "Response": Response},
        {"Request": LazyRequest, "Response": Response},  # bases shared: the first wins
        {"Response": Response, "Request": LazyRequest},
        {"Base": Base, "Request": LazyRequest},
        {"Request": LazyRequest, "Base": Base},  # an exact type wins over a base
        {"Environ": dict},
    ],
)
def test_the_index_is_what_bind_writes(classes: dict[str, type]) -> None:
    _both(classes, [cls() for cls in classes.values()], Container())


def test_falls_back_to_bind_when_the_assumptions_do_not_hold() -> None:
    classes = {"Request": Request, "Response": Response}
    root = Container()
    # A subclass instance: not the prepared class.
    _both(classes, [LazyRequest(), Response()], root)
    # A class the scope already answers.
    scope, other = root.scope(), root.scope()
    scope.bind("Earlier", Base())
    other.bind("Earlier", scope.make("Earlier"))
    pair = [Request(), Response()]
    prepare_bindings(classes)(scope, *pair)
    other.bind("Request", pair[0]).bind("Response", pair[1])
    assert _state(scope) == _state(other)
    # The root container (binds there are locked and may rebind).
    prepare_bindings(classes)(root, *pair)
    assert root.make("Request") is pair[0]
    assert root.make(Response) is pair[1]


def test_a_key_already_bound_in_the_scope_is_rebound_as_bind_does() -> None:
    scope = Container().scope()
    first, second = Request(), Request()
    scope.bind("Request", first)
    prepare_bindings({"Request": Request})(scope, second)
    assert scope.make("Request") is second
    strict = Container(strict=True).scope()
    strict.bind("Request", first)
    with pytest.raises(StrictContainerException):
        prepare_bindings({"Request": Request})(strict, second)


def test_hooks_fire_as_for_bind() -> None:
    root = Container()
    seen: list[Any] = []
    root.on_bind("Request", lambda obj, container: seen.append(obj))
    request = Request()
    prepare_bindings({"Request": Request})(root.scope(), request)
    assert seen == [request]


def test_lookups_by_class_find_the_prepared_bindings() -> None:
    scope = Container().scope()
    request, response = LazyRequest(), Response()
    prepare_bindings({"Request": LazyRequest, "Response": Response})(scope, request, response)

    def boot(request: Request, response: Response) -> tuple[Any, Any]:
        return request, response

    assert scope.resolve(boot) == (request, response)
    assert scope.make(Base) is request


@pytest.mark.parametrize("prepare", [prepare_bindings, prepare_scope])
@pytest.mark.parametrize("classes", [{"Request": Request()}, {Request: Request}, {"M": type}])
def test_bad_specifications(prepare: Any, classes: Any) -> None:
    with pytest.raises(ContainerError, match=f"{prepare.__name__} needs string keys and classes"):
        prepare(classes)


def _opened(classes: dict[str, type], objects: list[Any], parent: Container) -> Container:
    """Open a scope prepared and one by hand: the same state, class and parent."""
    by_hand = parent.scope()
    for key, obj in zip(classes, objects, strict=True):
        by_hand.bind(key, obj)
    opened = prepare_scope(classes)(parent, *objects)
    assert _state(opened) == _state(by_hand)
    assert type(opened) is type(by_hand)
    assert opened.parent is parent
    assert opened._family is parent._family
    assert opened._local is None
    return opened


@pytest.mark.parametrize(
    "classes",
    [
        {"Environ": dict},
        {"Environ": dict, "Request": LazyRequest, "Response": Response},
        {"Request": LazyRequest, "Base": Base},  # an exact type wins over a base
        {"Base": Base, "Request": LazyRequest},
    ],
)
def test_a_prepared_scope_is_what_scope_and_bind_leave(classes: dict[str, type]) -> None:
    _opened(classes, [cls() for cls in classes.values()], Container())


def test_a_prepared_scope_falls_back_to_scope_and_bind() -> None:
    classes = {"Environ": dict, "Request": Request}
    root = Container()
    _opened(classes, [{}, LazyRequest()], root)  # not the declared class
    seen: list[Any] = []
    root.on_bind("Request", lambda obj, container: seen.append((obj, container)))
    request = Request()
    opened = _opened(classes, [{}, request], root)  # a hook: bind() must fire it
    # Fired once for the scope bound by hand, then once for the prepared one.
    assert len(seen) == 2
    assert seen[1] == (request, opened)


def test_a_prepared_scope_of_a_scope_and_of_a_subclass() -> None:
    class Custom(Container):
        def __init__(self) -> None:
            super().__init__()
            self.bind("Name", "custom")

    root = Custom()
    inner = _opened({"Environ": dict}, [{"a": 1}], root.scope())
    assert isinstance(inner, Custom)
    assert inner.make("Name") == "custom"
    assert inner.make(dict) == {"a": 1}
    assert root.has("Environ") is False  # nothing reaches the parents


def test_prepared_scopes_answer_lookups_and_stay_apart() -> None:
    root = Container()
    root.bind("Shared", "app-wide")
    open_scope = prepare_scope({"Request": LazyRequest, "Response": Response})
    first = open_scope(root, LazyRequest(), Response())
    second = open_scope(root, LazyRequest(), Response())

    def boot(request: Request, response: Response, container: Container) -> Any:
        return request, response, container

    request, response, container = first.resolve(boot)
    assert (request, response, container) == (first.make("Request"), first.make(Response), first)
    assert first.make(Base) is request
    assert first.make("Shared") == "app-wide"
    assert second.make(Request) is not request
    first.bind("Later", 1)
    assert not second.has("Later")


@pytest.mark.parametrize("request_class", [Request, LazyRequest])  # prepared, then fallback
def test_a_prepared_scope_runs_then_in_order_on_the_new_scope(request_class: type) -> None:
    seen: list[tuple[str, Any]] = []

    def first(request: Request, container: Container) -> None:
        seen.append(("first", (request, container)))
        container.bind("Later", Response())

    def second(later: Response, base: Base) -> None:  # sees what first bound
        seen.append(("second", (later, base)))

    def nothing() -> None:
        seen.append(("nothing", None))

    root = Container()
    open_scope = prepare_scope({"Request": Request}, then=[first, second, nothing])
    request = request_class()
    scope = open_scope(root, request)
    assert scope.make("Request") is request
    assert seen == [
        ("first", (request, scope)),
        ("second", (scope.make("Later"), request)),
        ("nothing", None),
    ]
    assert not root.has("Later")


def test_then_stops_at_an_exception_and_bad_targets_fail_when_prepared() -> None:
    def boom(request: Request) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        prepare_scope({"Request": Request}, then=[boom])(Container(), Request())
    with pytest.raises(ContainerError, match="needs a callable"):
        prepare_scope({"Request": Request}, then=[42])  # type: ignore[list-item]
