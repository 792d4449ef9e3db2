"""The router's resolver in the full framework: controllers and middleware from the container."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MethodType
from typing import Any, NamedTuple, TypeVar

from masonite.container import Container, injection_plan, prepare, prepare_method
from masonite.request import Request

__all__ = ["ContainerResolver"]

T = TypeVar("T")

_MAX_CACHED = 4096


class _Shape(NamedTuple):
    """What the resolver needs to know about a callable, worked out once."""

    accepts: frozenset[str] | None  # names URL parameters can fill; None: it takes **kwargs
    required: frozenset[str]  # parameters that must come from the URL parameters
    plain: bool  # nothing to inject: every parameter is a URL parameter or has a default


# PERF: keyed like the container's plans (bound methods by __func__). A callable with
# nothing to inject (most controller methods, middleware before/after) is called
# directly instead of through the container: ~0.6 µs less per call (bench_lifecycle).
_SHAPES: dict[Any, _Shape] = {}


def _shape(fn: Callable[..., Any], key: Any) -> _Shape:
    plan = injection_plan(fn)  # the container's public view of its plan
    parameters = plan.parameters
    shape = _Shape(
        accepts=None if plan.var_keyword else plan.keyword_names,
        required=frozenset(p.name for p in parameters if p.source == "argument" and p.required),
        plain=all(p.source == "argument" and p.kind == "either" for p in parameters),
    )
    if len(_SHAPES) >= _MAX_CACHED:
        _SHAPES.clear()
    _SHAPES[key] = shape
    return shape


class ContainerResolver:
    """Builds and calls controllers and middleware through one request's container scope.

    Constructors and methods get every class-annotated parameter from the scope
    (``Request``, ``Response``, anything bound or buildable), URL parameters by name
    (parameters a callable does not name are left out, or go to its ``**kwargs``), and
    route-middleware arguments (``'throttle:5,1'``) positionally. The container caches
    each callable's plan, so nothing is inspected twice.

    Args:
        container: The request scope (opened by the lifecycle for this request).
    """

    __slots__ = ("container",)

    #: A controller or middleware needing only the request, its response and URL
    #: parameters gets from the scope exactly what the router holds (the scope's
    #: ``Request`` is the request being dispatched, its ``Response`` that request's
    #: response), so the router builds and calls those itself (masonite.routing.direct).
    direct = True

    def __init__(self, container: Container) -> None:
        self.container = container

    def build(self, cls: type[T], request: Request) -> T:
        """Return an instance of ``cls`` with its constructor resolved from the scope."""
        builder = _BUILDERS.get(cls)
        if builder is None:
            builder = _builder(cls)
        if builder is _DIRECT:
            # PERF: no helper frame for the usual controller (no __init__): 165 -> 131 ns.
            return cls()
        return builder(self.container)  # type: ignore[no-any-return]

    def call(
        self,
        fn: Callable[..., Any],
        request: Request,
        params: Mapping[str, Any],
        args: Sequence[Any] = (),
    ) -> Any:
        """Call ``fn`` with ``args``, the URL ``params`` it names, and injected values."""
        key = getattr(fn, "__func__", fn)
        shape = _SHAPES.get(key) or _shape(fn, key)
        if shape.plain and not args:
            # PERF: nothing to inject (a middleware's after(), a controller method
            # taking URL parameters): a direct call, with no keyword mapping to build
            # when there are no URL parameters (a middleware's after(): 333 -> 205 ns,
            # timeit-style medians on the dev machine, Python 3.11).
            if not params:
                if not shape.required:
                    return fn()
            else:
                accepts = shape.accepts
                if accepts is not None and not accepts.issuperset(params):
                    params = {name: value for name, value in params.items() if name in accepts}
                if shape.required.issubset(params):
                    return fn(**params)
        elif params:
            accepts = shape.accepts
            if accepts is not None and not accepts.issuperset(params):
                params = {name: value for name, value in params.items() if name in accepts}
        if not params and not args and type(fn) is MethodType:
            # PERF: a method with only values to inject (``form(self, request:
            # Request)``) is prepared once per function (masonite.container's
            # prepare_method): 294 -> 140 ns per call, the controller's construction
            # included (timeit on the dev machine, Python 3.11); the outcome is always
            # that of resolve().
            prepared = _METHODS.get(key) or _prepared_method(fn, key)
            return prepared(self.container, fn.__self__)
        return self.container.resolve(fn, *args, **params)


#: method's function -> prepare_method(method) (see ContainerResolver.call).
_METHODS: dict[Any, Callable[[Container, Any], Any]] = {}


def _prepared_method(method: Any, key: Any) -> Callable[[Container, Any], Any]:
    prepared = prepare_method(method)
    if len(_METHODS) >= _MAX_CACHED:
        _METHODS.clear()
    _METHODS[key] = prepared
    return prepared


#: Marks a class whose constructor takes nothing to inject: ``build`` calls ``cls()``.
_DIRECT: Any = object()
#: class -> call(container) returning an instance, or _DIRECT (see _builder).
_BUILDERS: dict[type, Any] = {}


def _builder(cls: type) -> Any:
    """How :meth:`ContainerResolver.build` makes ``cls``, worked out once per class.

    PERF: a constructor with nothing to inject is called directly; one whose parameters
    are all injected gets the container's prepared call (its values read straight from
    the scope's index); anything else is resolved. A middleware taking ``request:
    Request`` is built in 260 ns instead of 379 ns (medians on the dev machine, 3.11).
    """
    shape = _SHAPES.get(cls) or _shape(cls, cls)
    builder = _DIRECT if shape.plain and not shape.required else prepare(cls)
    if len(_BUILDERS) >= _MAX_CACHED:
        _BUILDERS.clear()
    _BUILDERS[cls] = builder
    return builder
