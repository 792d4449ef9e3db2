"""Container.resolve: injection by annotation, arguments, defaults, errors."""

from __future__ import annotations

import functools
from typing import Any, Optional

import pytest

from masonite.container import Container, ContainerError, MissingContainerBindingNotFound


class Request:
    def __init__(self, path: str = "/") -> None:
        self.path = path


class JsonRequest(Request):
    pass


class Response:
    pass


class View:
    pass


class Session:
    def __init__(self, request: Request) -> None:
        self.request = request


class Auth:
    def __init__(self, session: Session, view: View) -> None:
        self.session = session
        self.view = view


class NeedsMissingArgument:
    def __init__(self, token) -> None:
        self.token = token


class Service:
    def __init__(self, helper: NeedsMissingArgument) -> None:
        self.helper = helper


class Chicken:
    def __init__(self, egg: Egg) -> None:
        self.egg = egg


class Egg:
    def __init__(self, chicken: Chicken) -> None:
        self.chicken = chicken


class Loop:
    def __init__(self, again: Loop) -> None:
        self.again = again


class Provider:
    def boot(self, request: Request, response: Response) -> tuple[Request, Response]:
        return request, response

    @classmethod
    def make(cls, view: View) -> tuple[type, View]:
        return cls, view

    @staticmethod
    def static(view: View) -> View:
        return view


class Handler:
    def __call__(self, request: Request, name: str) -> tuple[Request, str]:
        return request, name


class SubContainer(Container):
    __slots__ = ()


@pytest.fixture
def container() -> Container:
    c = Container()
    c.bind("Request", Request("/home"))
    c.bind("Response", Response())
    return c


# -- injection by annotation -------------------------------------------------------


def test_injects_by_annotation(container: Container) -> None:
    def show(request: Request, response: Response) -> tuple[Request, Response]:
        return request, response

    request, response = container.resolve(show)
    assert request is container.make("Request")
    assert response is container.make("Response")


def test_injects_subclass_instances_and_builds_bound_subclasses() -> None:
    container = Container()
    json_request = JsonRequest()
    container.bind("Request", json_request)
    container.bind("Session", Session)

    def show(request: Request, session: Session) -> tuple[Request, Session]:
        return request, session

    request, session = container.resolve(show)
    assert request is json_request
    assert session.request is json_request


def test_builds_unbound_classes_by_resolving_their_constructor(container: Container) -> None:
    def show(auth: Auth) -> Auth:
        return auth

    auth = container.resolve(show)
    assert auth.session.request is container.make("Request")
    assert isinstance(auth.view, View)


def test_resolve_a_class_builds_it(container: Container) -> None:
    session = container.resolve(Session)
    assert isinstance(session, Session)
    assert session.request is container.make("Request")


def test_bound_methods_class_methods_and_static_methods(container: Container) -> None:
    provider = Provider()
    assert container.resolve(provider.boot) == (
        container.make("Request"),
        container.make("Response"),
    )
    cls, view = container.resolve(Provider.make)
    assert cls is Provider
    assert isinstance(view, View)
    assert isinstance(container.resolve(Provider.static), View)


def test_unbound_function_takes_self_positionally(container: Container) -> None:
    provider = Provider()
    request, _ = container.resolve(Provider.boot, provider)
    assert request is container.make("Request")


def test_callable_instances(container: Container) -> None:
    request, name = container.resolve(Handler(), "joe")
    assert request is container.make("Request")
    assert name == "joe"


def test_partials(container: Container) -> None:
    def show(request: Request, name: str, greeting: str) -> str:
        return f"{greeting} {name} {request.path}"

    assert container.resolve(functools.partial(show, greeting="hi"), "joe") == "hi joe /home"


def test_decorated_functions_follow_wrapped(container: Container) -> None:
    def decorator(fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return ("wrapped", fn(*args, **kwargs))

        return wrapper

    @decorator
    def show(request: Request) -> str:
        return request.path

    assert container.resolve(show) == ("wrapped", "/home")


def test_lambdas_and_builtins(container: Container) -> None:
    assert container.resolve(lambda a, b: a + b, 1, 2) == 3
    assert container.resolve(max, 1, 5, 3) == 5


def test_container_annotation_gets_the_resolving_container(container: Container) -> None:
    container.bind("Container", container)

    def show(c: Container) -> Container:
        return c

    scope = container.scope()
    assert container.resolve(show) is container
    assert scope.resolve(show) is scope  # never the root bound under 'Container'


def test_container_subclass_annotation_on_a_plain_container_is_an_error(
    container: Container,
) -> None:
    def show(c: SubContainer) -> SubContainer:
        return c

    assert SubContainer().resolve(show).__class__ is SubContainer
    with pytest.raises(ContainerError, match="asks for the container as a") as info:
        container.resolve(show)
    assert info.value.parameter == "c"


# -- builtin annotations, positional and keyword arguments -------------------------


@pytest.mark.parametrize(
    "annotation", [str, int, float, bool, bytes, dict, list, tuple, set, object, Any]
)
def test_builtin_annotations_are_never_looked_up(annotation: Any) -> None:
    container = Container()
    container.bind("value", annotation() if annotation is not Any else object())

    def show(value):
        return value

    show.__annotations__ = {"value": annotation}
    with pytest.raises(ContainerError, match="never looked up in the container"):
        container.resolve(show)
    assert container.resolve(show, "given") == "given"


def test_unannotated_parameters_take_positional_arguments_in_order(container: Container) -> None:
    def show(first, request: Request, second: int, third: str = "x") -> tuple[Any, ...]:
        return first, request, second, third

    assert container.resolve(show, 1, 2) == (1, container.make("Request"), 2, "x")
    assert container.resolve(show, 1, 2, "y") == (1, container.make("Request"), 2, "y")


def test_defaults_are_kept(container: Container) -> None:
    def show(name: str = "anon", *, page: int = 1) -> tuple[str, int]:
        return name, page

    assert container.resolve(show) == ("anon", 1)


def test_keyword_arguments_win_over_injection(container: Container) -> None:
    other = Request("/other")

    def show(request: Request, id: int) -> tuple[Request, int]:
        return request, id

    assert container.resolve(show, request=other, id=7) == (other, 7)
    assert container.resolve(show, id=7) == (container.make("Request"), 7)


def test_keyword_arguments_leave_positional_arguments_for_the_rest(container: Container) -> None:
    def show(a, b) -> tuple[Any, Any]:
        return a, b

    assert container.resolve(show, 1, a=2) == (2, 1)


def test_keyword_only_parameters(container: Container) -> None:
    def show(*, request: Request, name: str, flag: bool = False) -> tuple[Request, str, bool]:
        return request, name, flag

    assert container.resolve(show, name="x") == (container.make("Request"), "x", False)
    with pytest.raises(ContainerError, match="parameter 'name'"):
        container.resolve(show, "positional")


def test_positional_only_parameters_are_not_filled_by_name(container: Container) -> None:
    def show(a, /, **rest: Any) -> tuple[Any, dict[str, Any]]:
        return a, rest

    assert container.resolve(show, 1, a=2) == (1, {"a": 2})


def test_var_positional_and_var_keyword_are_skipped_but_receive_extras(
    container: Container,
) -> None:
    def show(request: Request, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        return request, args, kwargs

    assert container.resolve(show) == (container.make("Request"), (), {})
    assert container.resolve(show, 1, 2, x=3) == (container.make("Request"), (1, 2), {"x": 3})


def test_optional_annotations_inject_when_bound_else_none(container: Container) -> None:
    def show(request: Request | None, view: Optional[View]) -> tuple[Any, Any]:  # noqa: UP045
        return request, view

    assert container.resolve(show) == (container.make("Request"), None)


def test_annotated_parameters_with_defaults_keep_them_when_nothing_is_bound(
    container: Container,
) -> None:
    marker = View()

    def show(request: Request = None, view: View = marker) -> tuple[Any, Any]:  # type: ignore[assignment]
        return request, view

    assert container.resolve(show) == (container.make("Request"), marker)


def test_unions_of_classes_and_generics_take_positional_arguments(container: Container) -> None:
    def show(either: Request | View, items: list[int]) -> tuple[Any, Any]:
        return either, items

    assert container.resolve(show, "a", [1]) == ("a", [1])


# -- string annotations (this module uses from __future__ import annotations) ------


def test_string_annotations_are_evaluated_in_the_module_globals(container: Container) -> None:
    def show(request: Request) -> Request:
        return request

    assert isinstance(show.__annotations__["request"], str)
    assert container.resolve(show) is container.make("Request")


def test_closure_classes_used_in_the_body_are_found() -> None:
    class Local:
        pass

    def show(local: Local) -> Local:
        assert Local is not None  # makes Local a free variable of show
        return local

    assert isinstance(Container().resolve(show), Local)


def test_annotation_that_cannot_be_evaluated_names_parameter_and_callable() -> None:
    def show(request: Request, thing: NotDefinedAnywhere) -> None:  # type: ignore[name-defined]  # noqa: F821
        pass

    with pytest.raises(ContainerError) as info:
        Container().resolve(show)
    message = str(info.value)
    assert "'NotDefinedAnywhere'" in message
    assert "parameter 'thing'" in message
    assert "test_annotation_that_cannot_be_evaluated_names_parameter_and_callable" in message
    assert "test_container_resolve.py:" in message
    assert "TYPE_CHECKING" in message
    assert info.value.parameter == "thing"


def test_a_broken_return_annotation_does_not_matter(container: Container) -> None:
    def show(request: Request) -> NotDefinedAnywhere:  # type: ignore[name-defined]  # noqa: F821
        return request

    assert container.resolve(show) is container.make("Request")


# -- errors ------------------------------------------------------------------------


def test_missing_positional_argument_names_parameter_and_callable(container: Container) -> None:
    def show(request: Request, id) -> None:
        pass

    with pytest.raises(ContainerError) as info:
        container.resolve(show)
    message = str(info.value)
    assert "parameter 'id' of" in message
    assert "show" in message
    assert "test_container_resolve.py:" in message
    assert info.value.parameter == "id"


def test_too_many_positional_arguments(container: Container) -> None:
    def show(request: Request, id: int) -> None:
        pass

    with pytest.raises(ContainerError, match="given 2 positional argument\\(s\\)") as info:
        container.resolve(show, 1, 2)
    assert "room for 1" in str(info.value)
    assert "(id)" in str(info.value)


def test_unexpected_keyword_arguments(container: Container) -> None:
    def show(request: Request, id: int) -> None:
        pass

    with pytest.raises(ContainerError, match="unexpected keyword argument\\(s\\) 'slug'") as info:
        container.resolve(show, id=1, slug="x")
    assert "request, id" in str(info.value)
    assert info.value.parameter == "slug"


def test_strict_container_does_not_build_unbound_classes() -> None:
    container = Container(strict=True)

    def show(view: View) -> View:
        return view

    with pytest.raises(MissingContainerBindingNotFound) as info:
        container.resolve(show)
    message = str(info.value)
    assert "parameter 'view: " in message
    assert "test_container_resolve.View' of" in message
    assert "container.bind('View', View)" in message
    assert info.value.key is View
    container.bind("View", View)
    assert isinstance(container.resolve(show), View)


def test_nested_failure_shows_the_chain_of_parameters() -> None:
    def show(service: Service) -> Service:
        return service

    with pytest.raises(ContainerError) as info:
        Container().resolve(show)
    lines = str(info.value).splitlines()
    assert "parameter 'token' of" in lines[0]
    assert "NeedsMissingArgument" in lines[0]
    assert "needed by parameter 'helper' of " in lines[1]
    assert "test_container_resolve.Service (" in lines[1]
    assert "needed by parameter 'service' of" in lines[2]
    assert "show" in lines[2]
    assert info.value.parameter == "token"


def test_circular_dependencies_are_reported_not_recursed() -> None:
    with pytest.raises(
        ContainerError, match=r"circular dependency: .*Chicken -> .*Egg -> .*Chicken"
    ):
        Container().resolve(Chicken)
    with pytest.raises(ContainerError, match=r"circular dependency: .*Loop -> .*Loop"):
        Container().resolve(Loop)


def test_circular_class_bindings_are_reported() -> None:
    container = Container()
    container.bind("Chicken", Chicken)
    container.bind("Egg", Egg)
    with pytest.raises(ContainerError, match="circular dependency"):
        container.make("Chicken")


def test_circular_singletons_are_reported_not_deadlocked() -> None:
    container = Container()
    container.singleton("Loop", Loop)
    with pytest.raises(ContainerError, match="circular dependency"):
        container.make("Loop")


def test_non_callables_are_refused(container: Container) -> None:
    with pytest.raises(ContainerError, match="needs a callable"):
        container.resolve(42)  # type: ignore[arg-type]


def test_exceptions_from_the_callable_propagate_unchanged(container: Container) -> None:
    def show(request: Request) -> None:
        raise KeyError("from user code")

    with pytest.raises(KeyError, match="from user code"):
        container.resolve(show)

    def broken(request: Request) -> None:
        raise TypeError("user bug")

    with pytest.raises(TypeError, match="user bug"):
        container.resolve(broken)
