"""How controllers and middleware are built and called: the ``Resolver`` protocol.

The router never calls a controller or middleware directly; it asks a resolver. The
default one injects the ``Request`` (and ``Response``) by annotation, URL parameters by
name and middleware alias arguments positionally. The full framework passes a resolver
that asks the service container instead.
"""

from __future__ import annotations

import inspect
import threading
import typing
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from masonite.request import Request, Response
from masonite.routing.errors import ControllerError

__all__ = ["DefaultResolver", "Invoker", "Resolver", "describe_callable", "direct_invoker"]

T = TypeVar("T")

# Where a parameter's value comes from.
_REQUEST = 0
_RESPONSE = 1
_BY_NAME = 2
# An unannotated parameter called ``request``: a URL parameter of that name, else the request.
_REQUEST_BY_NAME = 3
# Annotations that only a URL parameter (or a default) can satisfy.
_URL_TYPES = frozenset({str, int, float, bool, bytes, dict, list, tuple, set, object})
_URL_TYPE_NAMES = frozenset(kind.__name__ for kind in _URL_TYPES)

_EMPTY: Mapping[str, Any] = {}


class Resolver(Protocol):
    """Builds middleware and controller classes and calls controllers and middleware.

    A resolver may also set ``direct = True`` (a class attribute) to declare that, for a
    target needing only the request, its response and URL parameters, it does what the
    router does by itself: the router then builds and calls such targets directly and
    asks the resolver only for the others (see :mod:`masonite.routing.direct`). Without
    the attribute, every build and call goes through the resolver.
    """

    def build(self, cls: type[T], request: Request) -> T:
        """Return an instance of ``cls`` (a middleware or controller class) for ``request``."""
        ...

    def call(
        self,
        fn: Callable[..., Any],
        request: Request,
        params: Mapping[str, Any],
        args: Sequence[Any] = (),
    ) -> Any:
        """Call ``fn`` for ``request`` with the route's ``params`` and positional ``args``."""
        ...


class _Plan:
    """How to call one callable: computed once, then reused for every call."""

    __slots__ = (
        "fast",
        "injectable",
        "keyword",
        "name",
        "positional",
        "var_keyword",
        "var_positional",
    )

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.name = describe_callable(fn)
        try:
            signature = inspect.signature(fn)
        except (TypeError, ValueError) as error:
            raise ControllerError(f"cannot read the signature of {self.name}: {error}") from error
        hints = _type_hints(fn)
        # (name, source, required) for parameters that may be filled positionally...
        self.positional: list[tuple[str, int, bool, bool]] = []
        # ...and for keyword-only ones.
        self.keyword: list[tuple[str, int, bool]] = []
        self.var_positional = False
        self.var_keyword = False
        # Parameters annotated with a class a container could build: another resolver may
        # fill them, so only the default resolver's own calls find them missing.
        injectable: set[str] = set()
        for parameter in signature.parameters.values():
            annotation = hints.get(parameter.name, parameter.annotation)
            if annotation is not parameter.empty and not _url_typed(annotation):
                injectable.add(parameter.name)
            kind = parameter.kind
            if kind is parameter.VAR_POSITIONAL:
                self.var_positional = True
                continue
            if kind is parameter.VAR_KEYWORD:
                self.var_keyword = True
                continue
            source = _source(hints.get(parameter.name, parameter.annotation))
            if (
                source == _BY_NAME
                and parameter.name == "request"
                and (parameter.annotation is parameter.empty)
            ):
                source = _REQUEST_BY_NAME
            required = parameter.default is parameter.empty
            if kind is parameter.KEYWORD_ONLY:
                self.keyword.append((parameter.name, source, required))
            else:
                only = kind is parameter.POSITIONAL_ONLY
                self.positional.append((parameter.name, source, required, only))
        # Without positional-only or variadic parameters every value goes by keyword: the
        # common controller shape, served by a shorter loop.
        self.fast: tuple[tuple[str, int, bool], ...] | None = None
        if not (self.var_positional or self.var_keyword) and not any(
            only for *_, only in self.positional
        ):
            self.fast = (*((n, s, r) for n, s, r, _ in self.positional), *self.keyword)
        self.injectable = frozenset(injectable)


def _type_hints(fn: Callable[..., Any]) -> dict[str, Any]:
    target = fn.__init__ if inspect.isclass(fn) else fn
    try:
        return typing.get_type_hints(target)
    except Exception:
        # Unresolvable forward references: fall back to the raw (maybe string) annotations.
        return dict(getattr(target, "__annotations__", {}) or {})


def _url_typed(annotation: Any) -> bool:
    if isinstance(annotation, str):  # an unresolved string annotation
        return annotation.strip() in _URL_TYPE_NAMES
    return isinstance(annotation, type) and annotation in _URL_TYPES


def _source(annotation: Any) -> int:
    if isinstance(annotation, type):
        if issubclass(annotation, Request):
            return _REQUEST
        if issubclass(annotation, Response):
            return _RESPONSE
    elif isinstance(annotation, str):
        last = annotation.rsplit(".", 1)[-1].strip("'\"")
        if last == "Request":
            return _REQUEST
        if last == "Response":
            return _RESPONSE
    return _BY_NAME


def describe_callable(fn: object) -> str:
    """A readable name for errors: ``module.Class.method``."""
    function = getattr(fn, "__func__", fn)
    qualname = getattr(function, "__qualname__", None) or type(fn).__qualname__
    module = getattr(function, "__module__", None)
    return f"{module}.{qualname}" if module else str(qualname)


class DefaultResolver:
    """The resolver used without a container.

    Constructors and methods receive the ``Request`` and ``Response`` by annotation (an
    unannotated parameter called ``request`` gets the request too, unless the route has a
    URL parameter of that name) and URL parameters by name; extra URL parameters go to a
    ``**kwargs`` parameter when there is one. A required parameter that cannot be filled
    is a :class:`ControllerError` naming the callable and the parameter. Each callable's
    plan is computed once and cached.
    """

    #: Targets needing only the request, its response and URL parameters are built and
    #: called by the router itself (see :class:`Resolver`).
    direct = True

    def __init__(self) -> None:
        self._plans: dict[object, _Plan] = {}
        # PERF: bound methods are new objects on every attribute access; their plans are
        # keyed on the underlying function, apart (their signature drops ``self``).
        self._bound_plans: dict[object, _Plan] = {}
        self._lock = threading.Lock()

    def plan(self, fn: Callable[..., Any]) -> _Plan:
        """Return the (cached) call plan of ``fn``."""
        function = getattr(fn, "__func__", None)
        plans, key = (self._plans, fn) if function is None else (self._bound_plans, function)
        plan = plans.get(key)
        if plan is None:
            plan = _Plan(fn)
            with self._lock:
                plans[key] = plan
        return plan

    def unfilled(self, fn: Callable[..., Any], available: Collection[str]) -> list[str]:
        """The required parameters of ``fn`` that no resolver can fill from ``available``.

        Unannotated parameters and those annotated ``str``, ``int``... can only be URL
        parameters; a parameter annotated with another class is left to the resolver
        used at request time (a container can build it).
        """
        plan = _Plan(fn)  # at build time only; not cached (``fn`` may be a partial)
        slots = [(n, s, r) for n, s, r, _ in plan.positional] + plan.keyword
        return [
            name
            for name, source, required in slots
            if required
            and source == _BY_NAME
            and name not in available
            and name not in plan.injectable
        ]

    def build(self, cls: type[T], request: Request) -> T:
        """Instantiate ``cls``, injecting its constructor's parameters."""
        if cls.__init__ is object.__init__:
            return cls()
        result: T = self.call(cls, request, _EMPTY)
        return result

    def call(
        self,
        fn: Callable[..., Any],
        request: Request,
        params: Mapping[str, Any],
        args: Sequence[Any] = (),
    ) -> Any:
        """Call ``fn`` with ``args`` first, then injected values (see the class docstring)."""
        function = getattr(fn, "__func__", None)
        if function is None:
            plan = self._plans.get(fn) or self.plan(fn)
        else:
            plan = self._bound_plans.get(function) or self.plan(fn)
        fast = plan.fast
        if fast is not None and not args:
            # PERF: the common case (no alias arguments, keyword-passable parameters).
            kwargs: dict[str, Any] = {}
            for name, source, required in fast:
                if source == _BY_NAME:
                    if name in params:
                        kwargs[name] = params[name]
                    elif required:
                        raise _missing(plan.name, name)
                elif source == _REQUEST:
                    kwargs[name] = request
                elif source == _RESPONSE:
                    kwargs[name] = request.response
                else:
                    kwargs[name] = params.get(name, request)
            return fn(**kwargs)
        positional: list[Any] = list(args)
        keywords: dict[str, Any] = {}
        used = len(args)
        slots = plan.positional
        if used > len(slots) and not plan.var_positional:
            raise ControllerError(
                f"{plan.name} takes {len(slots)} positional argument(s) but was given {used}"
            )
        taken: set[str] | None = set() if plan.var_keyword else None
        gap = False  # a skipped positional-only parameter: later ones cannot be given
        for name, source, required, only in slots[used:]:
            if only and gap:
                if required:
                    raise _missing(plan.name, name)
                continue
            if source == _REQUEST:
                value: Any = request
            elif source == _RESPONSE:
                value = request.response
            elif source == _REQUEST_BY_NAME:
                value = params.get(name, request)
            elif name in params:
                value = params[name]
            elif not required:
                gap = gap or only
                continue
            else:
                raise _missing(plan.name, name)
            if taken is not None:
                taken.add(name)
            if only:
                positional.append(value)
            else:
                keywords[name] = value
        for name, source, required in plan.keyword:
            if source == _REQUEST:
                keywords[name] = request
            elif source == _RESPONSE:
                keywords[name] = request.response
            elif source == _REQUEST_BY_NAME:
                keywords[name] = params.get(name, request)
            elif name in params:
                keywords[name] = params[name]
            elif required:
                raise _missing(plan.name, name)
            if taken is not None:
                taken.add(name)
        if taken is not None:
            for name, value in params.items():
                if name not in taken:
                    keywords[name] = value
        return fn(*positional, **keywords)


#: Calls one function for a request with its params: ``invoke(request, params)``.
Invoker = Callable[[Request, Mapping[str, Any]], Any]


def direct_invoker(resolver: DefaultResolver, fn: Callable[..., Any]) -> Invoker | None:
    """A call of ``fn`` specialised on its plan, for the common controller shapes.

    Returns ``None`` when ``fn``'s parameters need the general path of
    :meth:`DefaultResolver.call` (keyword-only, positional-only, variadic or optional
    by-name parameters).
    """
    plan = resolver.plan(fn)
    steps = plan.fast
    if steps is None or plan.keyword or any(not required for _, _, required in steps):
        return None
    name = plan.name
    if not steps:

        def no_arguments(request: Request, params: Mapping[str, Any]) -> Any:
            return fn()

        return no_arguments
    sources = tuple(source for _, source, _ in steps)
    names = tuple(parameter for parameter, _, _ in steps)
    if sources == (_BY_NAME,):
        (only,) = names

        # PERF: the single URL parameter controller (``def show(id)``) skips the plan
        # loop of call(): about 0.2 µs per request.
        def one_parameter(request: Request, params: Mapping[str, Any]) -> Any:
            try:
                value = params[only]
            except KeyError:
                raise _missing(name, only) from None
            return fn(value)

        return one_parameter
    if sources == (_REQUEST,):

        def request_only(request: Request, params: Mapping[str, Any]) -> Any:
            return fn(request)

        return request_only

    def positional(request: Request, params: Mapping[str, Any]) -> Any:
        args: list[Any] = []
        for parameter, source in zip(names, sources, strict=True):
            if source == _BY_NAME:
                if parameter not in params:
                    raise _missing(name, parameter)
                args.append(params[parameter])
            elif source == _REQUEST:
                args.append(request)
            elif source == _RESPONSE:
                args.append(request.response)
            else:
                args.append(params.get(parameter, request))
        return fn(*args)

    return positional


def _missing(name: str, parameter: str) -> ControllerError:
    return ControllerError(
        f"cannot call {name}: parameter {parameter!r} is neither a URL parameter of the "
        f"route nor annotated as Request or Response, and has no default"
    )
