"""Route declarations: ``Get('/url', target)``, ``Get().route('/url', target)``, ``Route.get(...)``.

A route is a small builder: the path is parsed (and checked) as soon as it is given, and
``.name()``, ``.middleware()``, ``.default()`` and ``.domain()`` return the route so calls
chain. Routers and groups work on copies, so a declaration is never changed behind the
user's back.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeAlias

from masonite.routing.converters import Converter
from masonite.routing.direct import DirectInvoker, MiddlewarePlan
from masonite.routing.errors import RouteDefinitionError
from masonite.routing.template import Template, parse_template

__all__ = [
    "Delete",
    "Get",
    "Match",
    "Options",
    "Patch",
    "Post",
    "Put",
    "Redirect",
    "Route",
    "Target",
]

#: What a route points at: a callable, or a controller string ``'Module@method'``.
Target: TypeAlias = "Callable[..., Any] | str"
#: A route middleware: an alias (``'auth'``, ``'throttle:5,1'``) or a middleware class.
MiddlewareSpec: TypeAlias = "str | type"

_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+\Z")
_DOMAIN = re.compile(r"[A-Za-z0-9*](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\Z")


class Route:
    """A route: HTTP methods, a path template and a target.

    Use a subclass (``Get``, ``Post``...) or the class methods (``Route.get(...)``).

    Attributes:
        methods: The HTTP methods answered, upper case.
        path: The normalised template (``/users/@id:int``); empty until ``route()`` is called.
        template: The parsed template (``None`` until ``route()`` is called).
        target: The callable or controller string.
        route_name: The name given with ``.name()`` (group name prefixes applied).
        middleware_list: Route middleware, the route's own first, then its groups'.
        defaults: Values of parameters that are absent from the path.
        domain_name: The host (``'api.example.com'``) or first host label (``'api'``) the
            route is restricted to, or ``None``.
        api: True for the routes of a router's ``api`` list.
    """

    methods: tuple[str, ...] = ()
    #: Default methods of the subclass; ``Match`` sets them per instance.
    default_methods: ClassVar[tuple[str, ...]] = ()
    # Filled by the router on its own copies of the routes.
    #: Position in the router's order (web routes, then api routes).
    index: int = -1
    #: Calls the target for a request: ``endpoint(request, params, resolver)``.
    endpoint: Callable[..., Any] | None = None
    #: A readable name of the controller, for errors and listings.
    controller: str = ""
    #: Route middleware as ``(class, alias arguments)`` pairs, in running order.
    middleware_classes: tuple[tuple[type, tuple[str, ...]], ...] = ()
    #: How the pipeline runs each of ``middleware_classes`` (masonite.routing.direct).
    middleware_plans: tuple[MiddlewarePlan, ...] = ()
    #: Calls the target without a resolver, ``direct(request, params)``, when the target
    #: needs only the request, its response and URL parameters; else None.
    direct: DirectInvoker | None = None

    def __init__(self, path: str | None = None, target: Target | None = None) -> None:
        self.methods = self.default_methods
        self.path = ""
        self.template: Template | None = None
        self.target: Target | None = None
        self.route_name: str | None = None
        self.middleware_list: tuple[MiddlewareSpec, ...] = ()
        self.defaults: dict[str, Any] = {}
        self.domain_name: str | None = None
        self.namespace = ""
        self.api = False
        if path is not None or target is not None:
            if path is None or target is None:
                raise RouteDefinitionError(
                    f"{type(self).__name__}(path, target): give both or neither "
                    f"(got path={path!r}, target={target!r})"
                )
            self.route(path, target)

    # -- declaration -----------------------------------------------------------------

    def route(self, path: str, target: Target) -> Route:
        """Set the path template and the target; the template is checked right away.

        Raises:
            RouteDefinitionError: The template or the target is invalid.
        """
        if not (callable(target) or isinstance(target, str)):
            raise RouteDefinitionError(
                f"{self._describe(path)}: the target must be a callable or a "
                f"'Controller@method' string, not {type(target).__name__}"
            )
        if isinstance(target, str) and "@" not in target:
            raise RouteDefinitionError(
                f"{self._describe(path)}: controller string {target!r} needs the "
                f"'Controller@method' form"
            )
        self.target = target
        self.template = parse_template(path, describe=self._describe(path))
        self.path = self.template.path
        return self

    def name(self, name: str) -> Route:
        """Name the route, for ``router.url(name)``."""
        if not isinstance(name, str) or not name:
            raise RouteDefinitionError(f"{self._describe()}: a route name is a non-empty str")
        self.route_name = name
        return self

    def middleware(self, *middleware: MiddlewareSpec) -> Route:
        """Add route middleware by alias (``'auth'``, ``'throttle:5,1'``) or class."""
        for item in middleware:
            if not (isinstance(item, str) and item) and not isinstance(item, type):
                raise RouteDefinitionError(
                    f"{self._describe()}: middleware must be an alias str or a class, not {item!r}"
                )
        self.middleware_list = (*self.middleware_list, *middleware)
        return self

    def default(self, values: Mapping[str, Any]) -> Route:
        """Give values to parameters when they are absent from the path (``?page``)."""
        if not isinstance(values, Mapping):
            raise RouteDefinitionError(f"{self._describe()}: default() takes a mapping")
        self.defaults = {**self.defaults, **values}
        return self

    def domain(self, domain: str) -> Route:
        """Restrict the route to a host: a full name (``'api.example.com'``) or a first
        label (``'api'`` matches ``api.example.com``, ``api.localhost``...)."""
        if not isinstance(domain, str) or not _DOMAIN.match(domain) or "*" in domain:
            raise RouteDefinitionError(f"{self._describe()}: invalid domain {domain!r}")
        self.domain_name = domain.lower()
        return self

    # -- Masonite 4 style constructors ------------------------------------------------

    @classmethod
    def get(cls, path: str, target: Target) -> Route:
        """A ``GET`` (and ``HEAD``) route."""
        return Get(path, target)

    @classmethod
    def post(cls, path: str, target: Target) -> Route:
        """A ``POST`` route."""
        return Post(path, target)

    @classmethod
    def put(cls, path: str, target: Target) -> Route:
        """A ``PUT`` route."""
        return Put(path, target)

    @classmethod
    def patch(cls, path: str, target: Target) -> Route:
        """A ``PATCH`` route."""
        return Patch(path, target)

    @classmethod
    def delete(cls, path: str, target: Target) -> Route:
        """A ``DELETE`` route."""
        return Delete(path, target)

    @classmethod
    def options(cls, path: str, target: Target) -> Route:
        """An ``OPTIONS`` route (without one, ``OPTIONS`` is answered automatically)."""
        return Options(path, target)

    @classmethod
    def match(cls, methods: Iterable[str], path: str, target: Target) -> Route:
        """A route answering every method of ``methods``."""
        return Match(methods, path, target)

    @classmethod
    def redirect(cls, source: str, destination: str, status: int = 302) -> Route:
        """A route that redirects ``source`` to ``destination``."""
        return Redirect(source, destination, status)

    # -- helpers ------------------------------------------------------------------------

    @property
    def is_declared(self) -> bool:
        """True once the route has a path and a target."""
        return self.template is not None

    def copy(self) -> Route:
        """A shallow copy whose lists can be changed without touching this route."""
        clone = copy.copy(self)
        clone.defaults = dict(self.defaults)
        return clone

    def describe(self) -> str:
        """How errors name this route: ``route GET '/users/@id' -> 'UserController@show'``."""
        return self._describe()

    def _describe(self, path: str | None = None) -> str:
        shown = self.path if path is None else path
        text = f"route {'|'.join(self.methods) or '?'} {shown!r}"
        if self.target is not None:
            text += f" -> {_target_text(self.target)}"
        return text

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {'|'.join(self.methods)} {self.path!r}>"


def _target_text(target: Target) -> str:
    if isinstance(target, str):
        return repr(target)
    function = getattr(target, "__func__", target)
    return str(getattr(function, "__qualname__", repr(target)))


class Get(Route):
    """A ``GET`` route; it answers ``HEAD`` too."""

    default_methods = ("GET",)


class Post(Route):
    """A ``POST`` route."""

    default_methods = ("POST",)


class Put(Route):
    """A ``PUT`` route."""

    default_methods = ("PUT",)


class Patch(Route):
    """A ``PATCH`` route."""

    default_methods = ("PATCH",)


class Delete(Route):
    """A ``DELETE`` route."""

    default_methods = ("DELETE",)


class Options(Route):
    """An ``OPTIONS`` route."""

    default_methods = ("OPTIONS",)


class Match(Route):
    """A route for several methods: ``Match(['GET', 'POST'], '/form', target)``."""

    def __init__(
        self, methods: Iterable[str], path: str | None = None, target: Target | None = None
    ) -> None:
        if isinstance(methods, str):
            methods = [methods]
        checked: list[str] = []
        for method in methods:
            if not isinstance(method, str) or not _TOKEN.match(method):
                raise RouteDefinitionError(f"Match: {method!r} is not an HTTP method")
            if method.upper() not in checked:
                checked.append(method.upper())
        if not checked:
            raise RouteDefinitionError("Match: give at least one HTTP method")
        super().__init__()
        self.methods = tuple(checked)
        if path is not None or target is not None:
            if path is None or target is None:
                raise RouteDefinitionError("Match(methods, path, target): give path and target")
            self.route(path, target)


class Redirect(Route):
    """A ``GET`` route answering with a redirect: ``Redirect('/old', '/new', status=301)``.

    Parameters of the source may be used in the destination (``'/post/@id'`` to
    ``'/articles/@id'``); the query string is kept. A destination starting with
    ``http://``, ``https://`` or ``//`` is another site, which the code that declares the
    route opts in to.
    """

    default_methods = ("GET",)
    STATUSES: ClassVar[frozenset[int]] = frozenset({301, 302, 303, 307, 308})

    def __init__(self, source: str, destination: str, status: int = 302) -> None:
        super().__init__()
        describe = f"Redirect {source!r} -> {destination!r}"
        if status not in self.STATUSES:
            raise RouteDefinitionError(
                f"{describe}: status {status!r} is not a redirect "
                f"({', '.join(map(str, sorted(self.STATUSES)))})"
            )
        if not isinstance(destination, str) or not destination:
            raise RouteDefinitionError(f"{describe}: the destination must be a non-empty str")
        if any(ch in destination for ch in "\r\n\x00"):
            raise RouteDefinitionError(f"{describe}: the destination contains a control character")
        self.destination = destination
        self.status = status
        self.external = destination.startswith(("http://", "https://", "//"))
        self.destination_template: Template | None = None
        if not self.external:
            self.destination_template = parse_template(destination, describe=describe)
        self.route(source, self.location)
        assert self.template is not None
        if self.destination_template is not None:
            missing = set(self.destination_template.params) - set(self.template.params)
            if missing:
                raise RouteDefinitionError(
                    f"{describe}: the destination uses {', '.join(sorted(missing))} "
                    f"which the source does not have"
                )
            optional = {s.name for s in self.template.segments if s.optional}
            for segment in self.destination_template.segments:
                if segment.name in optional and not segment.optional:
                    raise RouteDefinitionError(
                        f"{describe}: {segment.name!r} is optional in the source, so it "
                        f"must be optional (?{segment.name}) in the destination too"
                    )

    def location(self, params: Mapping[str, Any], converters: Mapping[str, Converter]) -> str:
        """The destination for a matched request's ``params`` (without the query string)."""
        if self.destination_template is None:
            return self.destination
        present = {key: value for key, value in params.items() if value is not None}
        return self.destination_template.build(
            present, converters, {}, describe=f"Redirect {self.path!r}"
        )
