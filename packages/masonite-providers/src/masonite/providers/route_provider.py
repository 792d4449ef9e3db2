"""``RouteProvider``: the compiled router, run for every request through the container."""

from __future__ import annotations

from masonite.container import Container
from masonite.providers.provider import (
    API_ROUTES,
    HTTP_MIDDLEWARE,
    ROUTE_MIDDLEWARE,
    WEB_ROUTES,
    ServiceProvider,
)
from masonite.providers.resolver import ContainerResolver
from masonite.request import Request
from masonite.routing import Router

__all__ = ["RouteProvider"]


class RouteProvider(ServiceProvider):
    """Finds the route and runs middleware and the controller.

    Once, when the app is ready, it compiles a :class:`~masonite.routing.Router` from the
    web routes, the api routes (matched after the web ones) and both middleware lists,
    and binds it as ``'Router'`` (``craft routes`` reads it). Per request it calls
    ``router.dispatch`` with a :class:`ContainerResolver` over the request scope, so
    controllers and middleware get constructor and method injection.
    """

    def ready(self) -> None:
        """Compile the router (bad routes fail here, at start-up)."""
        app = self.app
        self.router = Router(
            web=app.make(WEB_ROUTES) if app.has(WEB_ROUTES) else (),
            api=app.make(API_ROUTES) if app.has(API_ROUTES) else (),
            route_middleware=app.make(ROUTE_MIDDLEWARE) if app.has(ROUTE_MIDDLEWARE) else None,
            http_middleware=app.make(HTTP_MIDDLEWARE) if app.has(HTTP_MIDDLEWARE) else (),
        )
        app.bind("Router", self.router)

    def boot(self, request: Request, container: Container) -> None:
        """Dispatch the request; the outcome is in the request's ``Response``."""
        self.router.dispatch(request, ContainerResolver(container))
