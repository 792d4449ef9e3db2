"""masonite.routing: the compiled router, route groups, URL building and controller resolution.

Usable on its own in any WSGI application::

    from masonite.routing import Get, Router

    def hello(name):
        return f"Hello, {name}"

    router = Router([Get("/hello/@name", hello)])   # a WSGI application
"""

from __future__ import annotations

from masonite.routing.__about__ import __version__
from masonite.routing.converters import (
    Converter,
    IntConverter,
    SegmentConverter,
    StringConverter,
    register_converter,
)
from masonite.routing.errors import (
    ControllerError,
    ControllerResolutionError,
    RouteDefinitionError,
    RoutingError,
    UrlBuildError,
)
from masonite.routing.groups import RouteGroup
from masonite.routing.matcher import RouteMatch
from masonite.routing.middleware import Middleware, parse_alias
from masonite.routing.resolver import DefaultResolver, Resolver
from masonite.routing.router import RouteInfo, Router
from masonite.routing.routes import (
    Delete,
    Get,
    Match,
    Options,
    Patch,
    Post,
    Put,
    Redirect,
    Route,
)

__all__ = [
    "ControllerError",
    "ControllerResolutionError",
    "Converter",
    "DefaultResolver",
    "Delete",
    "Get",
    "IntConverter",
    "Match",
    "Middleware",
    "Options",
    "Patch",
    "Post",
    "Put",
    "Redirect",
    "Resolver",
    "Route",
    "RouteDefinitionError",
    "RouteGroup",
    "RouteInfo",
    "RouteMatch",
    "Router",
    "RoutingError",
    "SegmentConverter",
    "StringConverter",
    "UrlBuildError",
    "__version__",
    "parse_alias",
    "register_converter",
]
