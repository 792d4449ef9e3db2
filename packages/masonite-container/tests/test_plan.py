"""Injection plans: computed once per callable, modes, descriptions."""

from __future__ import annotations

import functools
import inspect
from typing import Any, Optional

import pytest

from masonite.container import Container, ContainerError
from masonite.container import plan as plan_module
from masonite.container.plan import (
    ARG,
    INJECT,
    OPTIONAL,
    SELF,
    annotation_name,
    describe,
    plan_for,
)


class Request:
    pass


class Response:
    pass


class Controller:
    def __init__(self, request: Request) -> None:
        self.request = request

    def show(self, request: Request, id: int) -> tuple[Request, int]:
        return request, id


class Unhashable:
    __hash__ = None  # type: ignore[assignment]

    def __call__(self, request: Request) -> Request:
        return request


def modes(fn: Any) -> list[tuple[str, int]]:
    return [(step[0], step[1]) for step in plan_for(fn, Container).steps]


@pytest.fixture
def signature_calls(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    real = inspect.signature

    def counting(obj: Any, *args: Any, **kwargs: Any) -> inspect.Signature:
        calls.append(obj)
        return real(obj, *args, **kwargs)

    monkeypatch.setattr(plan_module.inspect, "signature", counting)
    return calls


def test_signature_is_inspected_once_per_function(signature_calls: list[object]) -> None:
    container = Container()
    container.bind("Request", Request())

    def show(request: Request) -> Request:
        return request

    for _ in range(10):
        container.resolve(show)
        container.scope().resolve(show)
    assert signature_calls == [show]


def test_bound_methods_share_the_plan_of_their_function(signature_calls: list[object]) -> None:
    container = Container()
    container.bind("Request", Request())
    for _ in range(5):
        controller = Controller(Request())
        container.resolve(controller.show, 1)
    assert len(signature_calls) == 1
    assert plan_module.METHOD_PLANS[Controller.show].steps[0][0] == "request"  # self not in it


def test_classes_are_planned_once(signature_calls: list[object]) -> None:
    container = Container()
    container.bind("Request", Request())
    container.bind("Controller", Controller)
    for _ in range(5):
        container.make("Controller")
        container.resolve(Controller)
    assert signature_calls == [Controller]


def test_callable_instances_are_planned_once_per_class(signature_calls: list[object]) -> None:
    class Handler:
        def __call__(self, request: Request) -> Request:
            return request

    container = Container()
    request = container.bind("Request", Request()).make("Request")
    for _ in range(5):
        assert container.resolve(Handler()) is request
    assert len(signature_calls) == 1


def test_unhashable_callables_still_resolve() -> None:
    container = Container()
    request = container.bind("Request", Request()).make("Request")
    assert container.resolve(Unhashable()) is request


def test_the_plan_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "MAX_PLANS", 3)
    monkeypatch.setattr(plan_module, "PLANS", {})
    functions = [eval("lambda: 1") for _ in range(5)]
    for fn in functions:
        plan_for(fn, Container)
    assert len(plan_module.PLANS) <= 3


def test_modes() -> None:
    def fn(
        a,
        b: int,
        request: Request,
        response: Response = None,  # type: ignore[assignment]
        maybe: Optional[Request] = None,  # noqa: UP045
        other: Request | None = None,
        c: Container = None,  # type: ignore[assignment]
        *args: Any,
        d: str = "",
        **kwargs: Any,
    ) -> None:
        pass

    assert modes(fn) == [
        ("a", ARG),
        ("b", ARG),
        ("request", INJECT),
        ("response", OPTIONAL),
        ("maybe", OPTIONAL),
        ("other", OPTIONAL),
        ("c", SELF),
        ("d", ARG),
    ]
    plan = plan_for(fn, Container)
    assert plan.var_positional
    assert plan.var_keyword
    assert plan.fast is None
    assert plan.keyword_names == {"a", "b", "request", "response", "maybe", "other", "c", "d"}


def test_fast_plans() -> None:
    def two(request: Request, response: Response) -> None:
        pass

    def one(request: Request) -> None:
        pass

    def none() -> None:
        pass

    two_plan = plan_for(two, Container)
    assert two_plan.fast == (Request, Response)
    assert (two_plan.size, two_plan.first, two_plan.second) == (2, Request, Response)
    one_plan = plan_for(one, Container)
    assert (one_plan.size, one_plan.first, one_plan.second) == (1, Request, None)
    none_plan = plan_for(none, Container)
    assert (none_plan.fast, none_plan.size, none_plan.first) == ((), 0, None)


def test_plans_with_other_parameters_are_not_fast() -> None:
    def keyword(*, request: Request) -> None:
        pass

    def argument(request: Request, id: int) -> None:
        pass

    for fn in (keyword, argument):
        plan = plan_for(fn, Container)
        assert (plan.fast, plan.size, plan.first, plan.second) == (None, -1, None, None)


def test_builtins_without_a_signature_pass_arguments_through() -> None:
    plan = plan_for(max, Container)
    assert plan.steps == ()
    assert plan.var_positional
    assert plan.var_keyword
    assert Container().resolve(max, 3, 9) == 9


def test_plan_for_refuses_non_callables() -> None:
    with pytest.raises(ContainerError, match="got 42 of type int"):
        plan_for(42, Container)


def test_describe_names_callables_with_file_and_line() -> None:
    def local(request: Request) -> None:
        pass

    here = __file__
    assert describe(local).startswith(f"{local.__module__}.")
    assert "test_describe_names_callables_with_file_and_line.<locals>.local" in describe(local)
    assert f"({here}:" in describe(local)
    assert "Controller.show" in describe(Controller(Request()).show)
    assert f"({here}:" in describe(Controller)  # the constructor's line
    assert describe(Unhashable()).split(" ")[0].endswith("Unhashable.__call__")
    assert describe(functools.partial(local)).startswith("functools.partial(")
    assert describe(max) == "max"
    assert describe(42) == "42"


def test_annotation_name() -> None:
    assert annotation_name(int) == "int"
    assert annotation_name(Request).endswith("test_plan.Request")
    assert annotation_name("x") == "'x'"
    assert repr(plan_for(Controller, Container)).startswith("<Plan ")
