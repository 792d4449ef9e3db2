"""The dispatch pipeline: middleware, matching, the controller and its result.

HTTP middleware ``before`` → match (``request.route``, ``request.load_params``) → route
middleware ``before`` → the controller, unless the response is already set → route
middleware ``after`` → HTTP middleware ``after``. Middleware run in the order they are
listed, ``after`` included (Masonite's order). A ``before()`` that sets the response stops
the ``before()`` steps after it and the controller; the ``after()`` steps of the
middleware reached still run. An ``HTTPException`` from any step becomes
``response.abort(...)``; any other exception propagates.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from masonite.request import HTTPException, Request, Response
from masonite.routing.errors import PathMethodNotAllowed
from masonite.routing.resolver import Resolver
from masonite.routing.results import render_result
from masonite.routing.routes import Route

if TYPE_CHECKING:
    from masonite.routing.router import Router

__all__ = ["run_pipeline"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def run_pipeline(router: Router, request: Request, resolver: Resolver) -> Response:
    """Serve ``request`` with ``router``'s routes and middleware; return its response."""
    route: Route | None = None
    http: list[Any] = []
    ran: list[tuple[Any, tuple[str, ...]]] = []
    params: Mapping[str, Any] = _EMPTY
    try:
        for cls in router.http_middleware:
            instance: Any = resolver.build(cls, request)
            http.append(instance)
            before = getattr(instance, "before", None)
            if before is not None:
                resolver.call(before, request, _EMPTY)
                if request.response.is_set():
                    break
        else:
            host = request.host if router.uses_host else None
            method = request.method
            path = request.path
            found = router.find(method, path, host) or router.match(method, path, host)
            route, params = found
            request.route = route
            if params:
                request.load_params(params)
            stopped = False
            middleware = route.middleware_classes
            if middleware:
                for cls, args in middleware:
                    instance = resolver.build(cls, request)
                    ran.append((instance, args))
                    before = getattr(instance, "before", None)
                    if before is not None:
                        resolver.call(before, request, params, args)
                        if request.response.is_set():
                            stopped = True
                            break
            if not stopped:
                endpoint = route.endpoint
                assert endpoint is not None
                render_result(endpoint(request, params, resolver), request, route.controller)
    except HTTPException as error:
        _abort(request, route, error)
    # PERF: the after() steps inline: one Python call less per middleware (~70 ns,
    # the cost of a call on the dev machine with Python 3.11).
    if ran:
        for instance, args in ran:
            after = getattr(instance, "after", None)
            if after is not None:
                try:
                    resolver.call(after, request, params, args)
                except HTTPException as error:
                    _abort(request, route, error)
    for instance in http:
        after = getattr(instance, "after", None)
        if after is not None:
            try:
                resolver.call(after, request, params, ())
            except HTTPException as error:
                _abort(request, route, error)
    return request.response


def _abort(request: Request, route: Route | None, error: HTTPException) -> None:
    # Without a matched route, a 405 still knows whether its path belongs to api routes.
    api = route.api if route is not None else isinstance(error, PathMethodNotAllowed) and error.api
    as_json = api or request.wants_json()
    request.response.abort(error, json=as_json)
