"""``Router``: the compiled route table, URL building, the dispatch pipeline, a WSGI app.

Everything that can be worked out before the first request is: controller strings are
imported, middleware aliases looked up, templates compiled (:mod:`~masonite.routing.views`,
:mod:`~masonite.routing.table`). A request then costs a dict lookup for a static path, an
``rpartition`` and a dict lookup for a ``/literal/@param`` path, and a dict lookup per
branch level plus one small regex for the other templates. The pipeline itself is in
:mod:`~masonite.routing.pipeline`.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol
from urllib.parse import urlencode

from masonite.request import (
    InternalServerError,
    NotFound,
    Request,
    Response,
)
from masonite.routing.controllers import make_endpoint
from masonite.routing.converters import Converter, check_converter, registered_converters
from masonite.routing.direct import middleware_plan
from masonite.routing.errors import PathMethodNotAllowed, RouteDefinitionError, UrlBuildError
from masonite.routing.groups import flatten
from masonite.routing.matcher import Entry, Found, RouteMatch, new_match
from masonite.routing.middleware import MiddlewareMap, check_middleware, resolve_middleware
from masonite.routing.pipeline import run_pipeline
from masonite.routing.resolver import DefaultResolver, Resolver
from masonite.routing.routes import Redirect, Route
from masonite.routing.views import HostView

__all__ = ["FindFunction", "MatchFunction", "RouteInfo", "RouteMatch", "Router"]

logger = logging.getLogger("masonite.routing")

_EMPTY: Mapping[str, Any] = MappingProxyType({})
# PERF: passing the message skips HTTPStatus(404).phrase (about 0.5 µs per 404).
_NOT_FOUND = "Not Found"

StartResponse = Callable[..., Any]


class MatchFunction(Protocol):
    """The signature of ``router.match``."""

    def __call__(self, method: str, path: str, host: str | None = None) -> RouteMatch:
        """Return the route answering ``method path`` (on ``host``) and its parameters.

        Raises:
            NotFound: No route has this path.
            MethodNotAllowed: Routes have this path, but not for this method; the
                exception's ``Allow`` header lists the methods that do.
        """
        ...


class FindFunction(Protocol):
    """The signature of ``router.find``."""

    def __call__(self, method: str, path: str, host: str | None = None) -> Found | None:
        """Return ``(route, params)`` for ``method path`` (on ``host``), or ``None``.

        ``None`` does not tell a 404 from a 405; :meth:`Router.match` does.
        """
        ...


class RouteInfo(NamedTuple):
    """One row of ``router.routes()`` (what ``craft routes`` prints)."""

    methods: tuple[str, ...]
    path: str
    name: str | None
    middleware: tuple[str, ...]
    target: Any
    domain: str | None = None
    api: bool = False


class Router:
    """The routes of an application, compiled; also a WSGI application on its own.

    Args:
        web: Routes and groups tried first, in order.
        api: Routes and groups tried after ``web`` (their ``route.api`` is True and their
            errors answer in JSON).
        controllers: Packages searched for controller strings, in order.
        route_middleware: Alias to middleware class (or classes), for ``.middleware()``.
        http_middleware: Middleware classes run around every request, matched or not.
        converters: Converters for this router, by name; they take precedence over the
            registered ones of the same name.
        resolver: Builds and calls controllers and middleware (default:
            :class:`DefaultResolver`).

    Raises:
        RouteDefinitionError: Invalid routes, middleware aliases, converters or names.
        ControllerResolutionError: A target that cannot be resolved (an ``ImportError``).
    """

    #: ``router.match(method, path, host=None) -> RouteMatch``; see :class:`MatchFunction`.
    match: MatchFunction
    #: ``router.find(method, path, host=None) -> (route, params) | None``: ``match``
    #: without the exceptions and the ``RouteMatch`` wrapper, for hot paths (an automatic
    #: ``OPTIONS`` answer is not found either).
    find: FindFunction

    def __init__(
        self,
        web: Iterable[Any] = (),
        api: Iterable[Any] = (),
        *,
        controllers: str | Sequence[str] = ("app.http.controllers",),
        route_middleware: MiddlewareMap | None = None,
        http_middleware: Sequence[type] = (),
        converters: Mapping[str, Converter] | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.controllers = (controllers,) if isinstance(controllers, str) else tuple(controllers)
        self.converters = registered_converters()
        for name, converter in (converters or {}).items():
            check_converter(name, converter)
            self.converters[name] = converter
        self.resolver: Resolver = resolver if resolver is not None else DefaultResolver()
        self.route_middleware: dict[str, Any] = dict(route_middleware or {})
        self.http_middleware = tuple(
            check_middleware(cls, "http_middleware") for cls in http_middleware
        )
        #: How the pipeline runs each HTTP middleware (masonite.routing.direct).
        self.http_plans = tuple(middleware_plan(cls) for cls in self.http_middleware)
        routes: list[Route] = []
        for is_api, items in ((False, web), (True, api)):
            for route in flatten(items, "Router " + ("api" if is_api else "web") + " routes"):
                clone = route.copy()
                clone.api = is_api
                clone.index = len(routes)
                routes.append(clone)
        self._routes = tuple(routes)
        self._names: dict[str, Route] = {}
        for route in routes:
            self._prepare(route)
        self._compile()

    # -- building ---------------------------------------------------------------------

    def _prepare(self, route: Route) -> None:
        describe = route.describe()
        assert route.template is not None
        for segment in route.template.segments:
            if segment.name is not None and segment.converter not in self.converters:
                raise RouteDefinitionError(f"{describe}: unknown converter {segment.converter!r}")
        if isinstance(route, Redirect):
            route.endpoint = self._redirect_endpoint(route)
            route.controller = f"Redirect to {route.destination}"
        else:
            assert route.target is not None
            always = {
                segment.name
                for segment in route.template.segments
                if segment.name is not None and not segment.optional
            }
            route.endpoint, route.controller, route.direct = make_endpoint(
                route.target,
                packages=self.controllers,
                namespace=route.namespace,
                describe=describe,
                default=self.resolver if type(self.resolver) is DefaultResolver else None,
                available=(*route.template.params, *route.defaults),
                always=always.union(route.defaults),
            )
        route.middleware_classes = resolve_middleware(
            route.middleware_list, self.route_middleware, describe
        )
        route.middleware_plans = tuple(
            middleware_plan(cls, args) for cls, args in route.middleware_classes
        )
        name = route.route_name
        if name is not None:
            other = self._names.get(name)
            if other is None:
                self._names[name] = route
            elif other.path != route.path:
                raise RouteDefinitionError(
                    f"{describe}: the name {name!r} is already used by {other.describe()}"
                )

    def _redirect_endpoint(self, route: Redirect) -> Callable[..., Any]:
        converters = self.converters

        def redirect(request: Request, params: Mapping[str, Any], resolver: Resolver) -> Any:
            location = route.location(params, converters)
            query = request.environ.get("QUERY_STRING")
            if query:
                location += ("&" if "?" in location else "?") + query
            return request.response.redirect(location, route.status, external=route.external)

        return redirect

    def _compile(self) -> None:
        entries = [
            Entry(route.index, route, route.template, self.converters)
            for route in self._routes
            if route.template is not None
        ]
        self._base = HostView([e for e in entries if e.route.domain_name is None], self.converters)
        specs = {e.route.domain_name for e in entries if e.route.domain_name is not None}
        self._label_views: dict[str, HostView] = {}
        self._host_views: dict[str, HostView] = {}
        for spec in specs:
            label = spec.partition(".")[0]
            visible = {None, spec} | ({label} if label in specs else set())
            view = HostView([e for e in entries if e.route.domain_name in visible], self.converters)
            (self._host_views if "." in spec else self._label_views)[spec] = view
        #: True when some route is restricted to a domain (matching then reads the host).
        self.uses_host = bool(self._host_views or self._label_views)
        self.find = self._make_find()
        self.match = self._make_match()

    def _view_for(self, host: str | None) -> HostView:
        if host is None:
            return self._base
        host = host.lower().rstrip(".")
        view = self._host_views.get(host)
        if view is None:
            view = self._label_views.get(host.partition(".")[0], self._base)
        return view

    def _make_find(self) -> FindFunction:
        if self._host_views or self._label_views:
            view_for = self._view_for

            def find_on_host(method: str, path: str, host: str | None = None) -> Found | None:
                return view_for(host).lookup(method, path)

            return find_on_host

        tables = self._base.tables

        # PERF: find_in() inlined in a closure over a local dict (no attribute lookups, no
        # "has domains?" branch): bench/bench_routing.py measured a static hit at about a
        # third of Bottle's and a one-parameter hit under Falcon's CompiledRouter.
        def find(method: str, path: str, host: str | None = None) -> Found | None:
            table = tables.get(method)
            if table is None:
                return None
            static, tails, tree, complete = table
            found = static.get(path)
            if found is not None:
                return found
            if tails:
                head, _, tail = path.rpartition("/")
                hit = tails.get(head)
                if hit is not None:
                    if tail:
                        route, name, check, convert = hit
                        if check is None or check(tail) is not None:
                            return (route, {name: tail if convert is None else convert(tail)})
                elif complete and tail:
                    return None
            return None if tree is None else tree(path)

        return find

    def _make_match(self) -> MatchFunction:
        find = self.find
        miss = self._miss
        view_for = self._view_for

        def match(method: str, path: str, host: str | None = None) -> RouteMatch:
            found = find(method, path, host)
            if found is None:
                return miss(view_for(host), method, path)
            if found.__class__ is RouteMatch:
                return found
            return new_match(RouteMatch, found)

        return match

    def _miss(self, view: HostView, method: str, path: str) -> RouteMatch:
        if not path.startswith("/"):
            path = "/" + path
            found = view.lookup(method, path)
            if found is not None:
                return RouteMatch(*found)
        if not view.exists(method, path):
            raise NotFound(_NOT_FOUND)
        allowed = view.allowed(path)
        if not allowed:
            raise NotFound(_NOT_FOUND)
        if "OPTIONS" not in allowed:
            allowed.append("OPTIONS")
        if method == "OPTIONS":
            return RouteMatch(_automatic_options(path, allowed), _EMPTY)
        raise PathMethodNotAllowed(allowed, api=view.is_api(path))

    # -- public API ----------------------------------------------------------------------

    def url(self, name: str, /, **params: Any) -> str:
        """Build the path of the route called ``name``.

        Parameters of the template are formatted by their converters; the others become
        the query string. The path is relative to where the router is mounted (prepend
        ``request.script_name`` when it is mounted under a prefix).

        Raises:
            UrlBuildError: No route has this name, or a parameter is missing or invalid.
        """
        route = self._names.get(name)
        if route is None:
            close = difflib.get_close_matches(str(name), list(self._names), n=3)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise UrlBuildError(f"no route is named {name!r}{hint}")
        template = route.template
        assert template is not None
        values = {key: value for key, value in params.items() if key in template.params}
        path = template.build(
            values, self.converters, route.defaults, describe=f"route {name!r} ({route.path})"
        )
        extra = [
            (key, value)
            for key, value in params.items()
            if key not in template.params and value is not None
        ]
        if extra:
            path += "?" + urlencode(extra, doseq=True)
        return path

    def routes(self) -> list[RouteInfo]:
        """Every route in matching order, for listings such as ``craft routes``."""
        infos: list[RouteInfo] = []
        for route in self._routes:
            target: Any = route.target
            if isinstance(route, Redirect):
                target = f"redirect to {route.destination} ({route.status})"
            infos.append(
                RouteInfo(
                    methods=route.methods,
                    path=route.path,
                    name=route.route_name,
                    middleware=tuple(
                        m if isinstance(m, str) else m.__qualname__ for m in route.middleware_list
                    ),
                    target=target,
                    domain=route.domain_name,
                    api=route.api,
                )
            )
        return infos

    def __iter__(self) -> Iterator[Route]:
        return iter(self._routes)

    def __len__(self) -> int:
        return len(self._routes)

    # -- the pipeline --------------------------------------------------------------------

    # PERF: the pipeline function itself is the method (no forwarding call per request).
    #: ``router.dispatch(request, resolver=None) -> Response``: run the whole pipeline
    #: for ``request`` and return its response (see :func:`~masonite.routing.pipeline.
    #: run_pipeline`); pass a resolver to build controllers and middleware another way.
    dispatch = run_pipeline

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Serve the routes as a WSGI application (an unexpected error is a logged 500)."""
        request = Request(environ)
        try:
            response = self.dispatch(request)
            status, headers, body = response.to_wsgi(environ)
        except Exception:
            logger.exception(
                "error while serving %s %s",
                environ.get("REQUEST_METHOD"),
                environ.get("PATH_INFO"),
            )
            response = Response(environ)
            response.abort(InternalServerError(), json=_wants_json(request))
            status, headers, body = response.to_wsgi(environ)
        start_response(status, headers)
        return body

    def __repr__(self) -> str:
        return f"<Router routes={len(self._routes)}>"


def _wants_json(request: Request) -> bool:
    route = request.route
    return bool(getattr(route, "api", False)) or request.wants_json()


def _automatic_options(path: str, allowed: list[str]) -> Route:
    """The route answering ``OPTIONS`` for a path that has no ``OPTIONS`` route."""
    route = Route()
    route.methods = ("OPTIONS",)
    route.path = path
    route.controller = "automatic OPTIONS"
    allow = ", ".join(allowed)

    def endpoint(request: Request, params: Mapping[str, Any], resolver: Resolver) -> Any:
        return request.response.header("Allow", allow).status(204)

    route.endpoint = endpoint
    return route
