"""The public plan API: injection_plan() and prepare()."""

from __future__ import annotations

import inspect
import threading
from typing import Any

import pytest

from masonite.container import (
    Container,
    ContainerError,
    InjectionPlan,
    MissingContainerBindingNotFound,
    Parameter,
    injection_plan,
    prepare,
    prepare_all,
    prepare_method,
)


class Request:
    pass


class Response:
    pass


class View:
    pass


class SpecialContainer(Container):
    pass


class Provider:
    def boot(self, request: Request, response: Response) -> tuple[Request, Response]:
        return request, response

    def with_container(self, container: Container, request: Request) -> Any:
        return container, request

    def special(self, container: SpecialContainer) -> Any:
        return container

    def mixed(self, request: Request, id: int = 3) -> Any:
        return request, id

    def nothing(self) -> str:
        return "nothing"

    def many(
        self, a: Request, b: Response, c: View, d: Request, e: Response, f: View, g: View
    ) -> tuple[Any, ...]:
        return (a, b, c, d, e, f, g)


@pytest.fixture
def scope() -> Container:
    root = Container()
    root.bind("View", View())
    child = root.scope()
    child.bind("Request", Request())
    child.bind("Response", Response())
    return child


def test_injection_plan_describes_every_parameter() -> None:
    def fn(
        a: int,
        /,
        request: Request,
        maybe: View | None,
        container: Container,
        *args: Any,
        named: str = "x",
        **kwargs: Any,
    ) -> None:
        pass

    plan = injection_plan(fn)
    assert isinstance(plan, InjectionPlan)
    empty = inspect.Parameter.empty
    assert plan.parameters == (
        Parameter("a", "argument", int, empty, "positional"),
        Parameter("request", "inject", Request, empty, "either"),
        Parameter("maybe", "optional", View, empty, "either"),
        Parameter("container", "container", Container, empty, "either"),
        Parameter("named", "argument", str, "x", "keyword"),
    )
    assert [p.required for p in plan.parameters] == [True, True, True, True, False]
    assert plan.var_positional
    assert plan.var_keyword
    assert plan.keyword_names == {"request", "maybe", "container", "named"}
    assert "test_calls" in plan.describe()


def test_injection_plan_is_cached_and_leaves_out_self() -> None:
    first = injection_plan(Provider().boot)
    assert first is injection_plan(Provider().boot)
    assert [p.name for p in first.parameters] == ["request", "response"]
    assert first.parameters is first.parameters


def test_injection_plan_refuses_what_resolve_refuses() -> None:
    with pytest.raises(ContainerError, match="needs a callable"):
        injection_plan(42)  # type: ignore[arg-type]


def test_prepared_call_injects_like_resolve(scope: Container) -> None:
    provider = Provider()
    boot = prepare(provider.boot)
    assert boot(scope) == scope.resolve(provider.boot)
    assert boot(scope)[0] is scope.make(Request)
    container, request = prepare(provider.with_container)(scope)
    assert container is scope
    assert request is scope.make(Request)
    assert prepare(provider.nothing)(scope) == "nothing"
    assert prepare(provider.many)(scope) == scope.resolve(provider.many)


def test_prepared_call_sees_each_scope_apart() -> None:
    root = Container()
    boot = prepare(Provider().boot)
    scopes = [root.scope() for _ in range(3)]
    for each in scopes:
        each.bind("Request", Request())
        each.bind("Response", Response())
    for each in scopes:
        assert boot(each) == (each.make(Request), each.make(Response))


def test_prepared_call_falls_back_to_resolve(scope: Container) -> None:
    provider = Provider()
    # a value only the parent holds, a default, a class to build, a subclass container
    assert prepare(provider.mixed)(scope) == (scope.make(Request), 3)
    built = prepare(Provider().boot)(Container())
    assert isinstance(built[0], Request)
    assert isinstance(built[1], Response)
    special = SpecialContainer()
    assert prepare(provider.special)(special) is special
    with pytest.raises(ContainerError, match="container"):
        prepare(provider.special)(scope)


def test_prepared_call_honours_swaps_and_hooks(scope: Container) -> None:
    boot = prepare(Provider().boot)
    swapped = Request()
    scope.swap(Request, swapped)
    assert boot(scope)[0] is swapped
    seen: list[Any] = []
    scope.on_resolve(Response, lambda obj, container: seen.append(obj))
    boot(scope)
    assert seen == [scope.make(Response)]


def test_prepared_call_raises_what_resolve_raises() -> None:
    strict = Container(strict=True)
    with pytest.raises(MissingContainerBindingNotFound, match="request"):
        prepare(Provider().boot)(strict)


def test_prepared_call_is_named_after_its_target() -> None:
    boot = prepare(Provider().boot)
    assert boot.__name__ == "prepared_boot"
    assert "Provider.boot" in (boot.__doc__ or "")


def test_prepared_calls_are_safe_across_threads() -> None:
    root = Container()
    boot = prepare(Provider().boot)
    errors: list[str] = []

    def worker() -> None:
        for _ in range(200):
            child = root.scope()
            request, response = Request(), Response()
            child.bind("Request", request)
            child.bind("Response", response)
            got = boot(child)
            if got[0] is not request or got[1] is not response:
                errors.append("crossed")

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_prepare_all_calls_each_target_in_turn_like_resolve() -> None:
    order: list[Any] = []

    class First:
        def boot(self, container: Container) -> None:
            request = Request()
            container.bind("Request", request)
            order.append(("first", request))

    class Second:
        def boot(self, request: Request) -> None:
            order.append(("second", request))

    class Third:
        def boot(self, request: Request, id: int = 1) -> None:  # resolved, not inlined
            order.append(("third", request, id))

    def fourth(view: View) -> None:  # only the parent holds a View: resolved
        order.append(("fourth", view))

    root = Container()
    view = View()
    root.bind("View", view)
    run = prepare_all([First().boot, Second().boot, Third().boot, fourth])
    assert run.__name__ == "prepared_all"
    child = root.scope()
    assert run(child) is None
    request = child.make(Request)
    assert order == [
        ("first", request),
        ("second", request),
        ("third", request, 1),
        ("fourth", view),
    ]


def test_prepare_all_sees_swaps_made_by_an_earlier_target() -> None:
    swapped = Response()
    seen: list[Any] = []

    class Swapper:
        def boot(self, container: Container) -> None:
            container.swap(Response, swapped)

    class Reader:
        def boot(self, response: Response) -> None:
            seen.append(response)

    child = Container().scope()
    child.bind("Response", Response())
    prepare_all([Swapper().boot, Reader().boot])(child)
    assert seen == [swapped]


def test_prepare_all_stops_at_an_exception_and_checks_targets_first() -> None:
    calls: list[str] = []

    def boom(request: Request) -> None:
        calls.append("boom")
        raise RuntimeError("boom")

    def after(request: Request) -> None:
        calls.append("after")

    child = Container().scope()
    child.bind("Request", Request())
    with pytest.raises(RuntimeError, match="boom"):
        prepare_all([boom, after])(child)
    assert calls == ["boom"]
    with pytest.raises(ContainerError, match="needs a callable"):
        prepare_all([boom, 42])  # type: ignore[list-item]
    prepare_all([])(child)  # nothing to call


@pytest.mark.parametrize("prepared", [prepare, lambda target: prepare_all([target])])
def test_a_key_error_from_the_target_is_raised_once_not_taken_for_a_miss(prepared: Any) -> None:
    calls: list[Request] = []

    def lookup(request: Request) -> None:
        calls.append(request)
        raise KeyError("from the target")

    child = Container().scope()
    child.bind("Request", Request())
    with pytest.raises(KeyError, match="from the target"):
        prepared(lookup)(child)
    assert calls == [child.make(Request)]  # called once: no retry through resolve()


class Counter:
    def __init__(self, start: int) -> None:
        self.start = start

    def boot(self, request: Request, response: Response) -> tuple[int, Request, Response]:
        return self.start, request, response

    def mixed(self, request: Request, id: int = 3) -> tuple[int, Request, int]:
        return self.start, request, id


def test_prepare_method_calls_the_method_of_each_instance_like_resolve(scope: Container) -> None:
    boot = prepare_method(Counter(0).boot)
    for start in (1, 2):
        instance = Counter(start)
        assert boot(scope, instance) == scope.resolve(instance.boot)
        assert boot(scope, instance)[0] == start
    assert boot(scope, Counter(5))[1] is scope.make(Request)
    assert boot.__name__ == "prepared_boot"


def test_prepare_method_falls_back_to_resolve(scope: Container) -> None:
    mixed = prepare_method(Counter(0).mixed)  # a default: not inlined
    assert mixed(scope, Counter(7)) == (7, scope.make(Request), 3)
    boot = prepare_method(Counter(0).boot)
    built = boot(Container(), Counter(1))  # nothing bound: built by resolve
    assert isinstance(built[1], Request)
    swapped = Request()
    scope.swap(Request, swapped)
    assert boot(scope, Counter(1))[1] is swapped
    with pytest.raises(MissingContainerBindingNotFound, match="request"):
        boot(Container(strict=True), Counter(1))


def test_prepare_method_needs_a_bound_method() -> None:
    with pytest.raises(ContainerError, match="bound method"):
        prepare_method(Counter.boot)
