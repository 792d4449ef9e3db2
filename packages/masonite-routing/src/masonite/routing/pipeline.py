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
from masonite.routing.direct import REQUEST_ONLY, MiddlewarePlan, recipe_values
from masonite.routing.errors import PathMethodNotAllowed
from masonite.routing.resolver import Resolver
from masonite.routing.results import render_result
from masonite.routing.routes import Route

if TYPE_CHECKING:
    from masonite.routing.router import Router

__all__ = ["run_pipeline"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def run_pipeline(router: Router, request: Request, resolver: Resolver | None = None) -> Response:
    """Serve ``request`` with ``router``'s routes and middleware; return its response.

    This is ``Router.dispatch``. HTTP middleware ``before`` → match (``request.route``,
    ``request.load_params``) → route middleware ``before`` → the controller, unless the
    response is already set → route middleware ``after`` → HTTP middleware ``after``. An
    ``HTTPException`` from any step becomes ``response.abort(...)`` (JSON for api routes
    and JSON clients) and the ``after`` steps still run. Other exceptions propagate.

    ``resolver`` None means the router's own. Targets that need only the request, its
    response and URL parameters are built and called directly when the resolver declares
    ``direct = True`` (see :mod:`masonite.routing.direct`); the resolver does the rest.
    """
    if resolver is None:
        resolver = router.resolver
    direct = getattr(resolver, "direct", False) is True
    route: Route | None = None
    http: list[tuple[Any, MiddlewarePlan]] = []
    ran: list[tuple[Any, MiddlewarePlan]] = []
    params: Mapping[str, Any] = _EMPTY
    try:
        for plan in router.http_plans:
            # PERF: the usual constructors (nothing, or the request) without a helper call.
            steps = plan.build
            if direct and steps is REQUEST_ONLY:
                instance: Any = plan.cls(request)
            elif direct and steps == ():
                instance = plan.cls()
            else:
                instance = _build(plan, request, resolver, direct)
            http.append((instance, plan))
            if plan.has_before:
                _before(instance, plan, request, _EMPTY, resolver, direct)
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
            middleware = route.middleware_plans
            if middleware:
                for plan in middleware:
                    steps = plan.build
                    if direct and steps is REQUEST_ONLY:
                        instance = plan.cls(request)
                    elif direct and steps == ():
                        instance = plan.cls()
                    else:
                        instance = _build(plan, request, resolver, direct)
                    ran.append((instance, plan))
                    if plan.has_before:
                        _before(instance, plan, request, params, resolver, direct)
                        if request.response.is_set():
                            stopped = True
                            break
            if not stopped:
                invoke = route.direct
                if direct and invoke is not None:
                    result = invoke(request, params)
                else:
                    endpoint = route.endpoint
                    assert endpoint is not None
                    result = endpoint(request, params, resolver)
                # PERF: the usual text answer without a render_result call (one Python
                # call less per request).
                if type(result) is str:
                    request.response.view(result)
                else:
                    render_result(result, request, route.controller)
    except HTTPException as error:
        _abort(request, route, error)
    # PERF: the after() steps inline: one Python call less per middleware (~70 ns,
    # the cost of a call on the dev machine with Python 3.11). Route middleware first,
    # then HTTP middleware (HTTP plans carry no alias arguments).
    for instance, plan in ran + http if ran else http:
        if plan.has_after:
            try:
                after = plan.after
                if direct and after is not None:
                    steps = plan.after_steps
                    if not steps:
                        after(instance)
                    elif steps is REQUEST_ONLY:
                        after(instance, request)
                    else:
                        after(instance, *recipe_values(steps, request, params))
                else:
                    resolver.call(instance.after, request, params, plan.args)
            except HTTPException as error:
                _abort(request, route, error)
    return request.response


def _build(plan: MiddlewarePlan, request: Request, resolver: Resolver, direct: bool) -> Any:
    steps = plan.build
    if direct and steps is not None:
        if not steps:
            return plan.cls()
        if steps is REQUEST_ONLY:
            return plan.cls(request)
        return plan.cls(*recipe_values(steps, request, _EMPTY))
    return resolver.build(plan.cls, request)


def _before(
    instance: Any,
    plan: MiddlewarePlan,
    request: Request,
    params: Mapping[str, Any],
    resolver: Resolver,
    direct: bool,
) -> None:
    before = plan.before
    if direct and before is not None:
        steps = plan.before_steps
        assert steps is not None
        if not steps:
            before(instance)
        elif steps is REQUEST_ONLY:
            before(instance, request)
        else:
            before(instance, *recipe_values(steps, request, params))
    else:
        resolver.call(instance.before, request, params, plan.args)


def _abort(request: Request, route: Route | None, error: HTTPException) -> None:
    # Without a matched route, a 405 still knows whether its path belongs to api routes.
    api = route.api if route is not None else isinstance(error, PathMethodNotAllowed) and error.api
    as_json = api or request.wants_json()
    request.response.abort(error, json=as_json)
