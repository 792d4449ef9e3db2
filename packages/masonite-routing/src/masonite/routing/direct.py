"""Direct calls: targets that need nothing but the request, its response and URL parameters.

Most controllers and middleware ask for nothing a container would have to find: a
``home(self)``, a ``show(self, id: int)``, a middleware built with ``request: Request``
whose ``after(self)`` sets a header. For those, the router works out once, when it is
built, how to call them itself (a *recipe*: where each argument comes from), and calls
them without going through the resolver, when the resolver declares that it would do
exactly the same (``direct = True``, as both shipped resolvers do). Anything else (a
parameter annotated with another class, a default value, variadic or keyword-only
parameters, route-middleware arguments) is left to the resolver.

PERF: a middleware built and called through a resolver costs two more Python calls per
step than a direct one, a class controller two more: bench_lifecycle's ``GET /`` ran
~9k fewer machine instructions per request (callgrind, Python 3.11) of ~86k.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Collection, Mapping
from types import FunctionType
from typing import Any, NamedTuple

from masonite.request import Request, Response

__all__ = [
    "REQUEST_ONLY",
    "DirectInvoker",
    "MiddlewarePlan",
    "direct_endpoint",
    "direct_function",
    "middleware_plan",
    "recipe",
    "recipe_values",
]

#: Argument sources in a recipe; any other entry is the name of a URL parameter.
REQUEST = 0
RESPONSE = 1

#: Where each argument of a call comes from, in order; ``()`` for no argument.
Recipe = tuple["int | str", ...]

#: The recipe of a callable taking just ``request: Request`` (compared by identity).
REQUEST_ONLY: Recipe = (REQUEST,)

#: Calls a controller for one request: ``invoke(request, params)``.
DirectInvoker = Callable[[Request, Mapping[str, Any]], Any]

# Annotations that mark a parameter as a URL parameter (what the converters produce).
_URL_TYPES = frozenset({str, int, float, bool, bytes, object})


def recipe(
    fn: Callable[..., Any], *, method: bool = False, names: Collection[str] = ()
) -> Recipe | None:
    """Return how to call ``fn`` with the request, its response and URL parameters.

    A parameter annotated exactly ``Request`` gets the request, exactly ``Response`` its
    response; one in ``names`` (unannotated, or annotated ``str``, ``int``...) gets the URL
    parameter of that name. ``None`` when any parameter needs a resolver.

    Args:
        fn: A function, or a class (its constructor's parameters).
        method: ``fn`` is a method's function: its first parameter (``self``) is skipped.
        names: The URL parameters every request of the route carries.
    """
    try:
        signature = inspect.signature(fn)
        if isinstance(fn, type):
            init = fn.__init__  # type: ignore[misc]
            hints = {} if init is object.__init__ else typing.get_type_hints(init)
        else:
            hints = typing.get_type_hints(fn)
    except Exception:  # an unreadable signature or annotation: the resolver reports it
        return None
    parameters = list(signature.parameters.values())
    if method:
        if not parameters or parameters[0].kind not in (
            inspect.Parameter.POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            return None
        parameters = parameters[1:]
    steps: list[int | str] = []
    for parameter in parameters:
        if parameter.default is not parameter.empty or parameter.kind not in (
            inspect.Parameter.POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            return None
        annotation = hints.get(parameter.name, parameter.annotation)
        if annotation is Request:
            steps.append(REQUEST)
        elif annotation is Response:
            steps.append(RESPONSE)
        elif (annotation is parameter.empty or annotation in _URL_TYPES) and (
            parameter.name in names
        ):
            steps.append(parameter.name)
        else:
            return None
    built = tuple(steps)
    return REQUEST_ONLY if built == REQUEST_ONLY else built


def recipe_values(steps: Recipe, request: Request, params: Mapping[str, Any]) -> list[Any]:
    """The arguments ``steps`` describes, for ``request`` and its URL ``params``."""
    values: list[Any] = []
    for step in steps:
        if step == REQUEST:
            values.append(request)
        elif isinstance(step, str):
            values.append(params[step])
        else:
            values.append(request.response)
    return values


def _method_function(cls: type, name: str) -> FunctionType | None:
    """The plain function ``cls.name`` resolves to, or None (static, class, other)."""
    try:
        found = inspect.getattr_static(cls, name)
    except AttributeError:
        return None
    return found if isinstance(found, FunctionType) else None


def direct_endpoint(cls: type, name: str, names: Collection[str]) -> DirectInvoker | None:
    """Return ``invoke(request, params)`` calling ``cls().name(...)``, or None.

    ``None`` when the constructor or the method needs a resolver (see :func:`recipe`).
    """
    function = _method_function(cls, name)
    if function is None:
        return None
    build = recipe(cls)
    call = recipe(function, method=True, names=names)
    if build is None or call is None:
        return None
    # PERF: the common shapes get a closure each, with no loop over the recipe.
    if not build:
        if not call:

            def no_arguments(request: Request, params: Mapping[str, Any]) -> Any:
                return function(cls())

            return no_arguments
        only = call[0] if len(call) == 1 else None
        if isinstance(only, str):

            def one_parameter(request: Request, params: Mapping[str, Any]) -> Any:
                return function(cls(), params[only])

            return one_parameter
        if call is REQUEST_ONLY:

            def request_only(request: Request, params: Mapping[str, Any]) -> Any:
                return function(cls(), request)

            return request_only

    def general(request: Request, params: Mapping[str, Any]) -> Any:
        instance = cls(*recipe_values(build, request, params))
        return function(instance, *recipe_values(call, request, params))

    return general


def direct_function(fn: Callable[..., Any], names: Collection[str]) -> DirectInvoker | None:
    """Return ``invoke(request, params)`` calling function (or bound method) ``fn``, or None."""
    call = recipe(fn, names=names)
    if call is None:
        return None
    if not call:

        def no_arguments(request: Request, params: Mapping[str, Any]) -> Any:
            return fn()

        return no_arguments
    if call is REQUEST_ONLY:

        def request_only(request: Request, params: Mapping[str, Any]) -> Any:
            return fn(request)

        return request_only

    def general(request: Request, params: Mapping[str, Any]) -> Any:
        return fn(*recipe_values(call, request, params))

    return general


class MiddlewarePlan(NamedTuple):
    """How the pipeline runs one middleware class, worked out when the router is built.

    ``build``, ``before_steps`` and ``after_steps`` are recipes, or None when the resolver
    must do it; ``before`` and ``after`` are the class's plain methods (None when the class
    has none, or when it is not a plain function: then the resolver calls it).
    """

    cls: type
    args: tuple[str, ...]
    build: Recipe | None
    before: FunctionType | None
    before_steps: Recipe | None
    after: FunctionType | None
    after_steps: Recipe | None
    has_before: bool
    has_after: bool


def middleware_plan(cls: type, args: tuple[str, ...] = ()) -> MiddlewarePlan:
    """Work out how to run middleware ``cls`` (with route-middleware ``args``)."""
    before = _method_function(cls, "before")
    after = _method_function(cls, "after")
    # Alias arguments ('throttle:5,1') fill parameters positionally: the resolver's job.
    before_steps = recipe(before, method=True) if before is not None and not args else None
    after_steps = recipe(after, method=True) if after is not None and not args else None
    return MiddlewarePlan(
        cls=cls,
        args=args,
        build=recipe(cls),
        before=before if before_steps is not None else None,
        before_steps=before_steps,
        after=after if after_steps is not None else None,
        after_steps=after_steps,
        has_before=callable(getattr(cls, "before", None)),
        has_after=callable(getattr(cls, "after", None)),
    )
