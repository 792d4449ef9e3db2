"""The errors the router raises while routes are declared, built, matched or called.

Declaration and build errors happen at start-up and name the route; none of them is an
HTTP error (matching raises ``masonite.request.NotFound`` / ``MethodNotAllowed``).
"""

from __future__ import annotations

from collections.abc import Iterable

from masonite.request import MethodNotAllowed

__all__ = [
    "ControllerError",
    "ControllerResolutionError",
    "PathMethodNotAllowed",
    "RouteDefinitionError",
    "RoutingError",
    "UrlBuildError",
]


class RoutingError(Exception):
    """Base class of the router's own errors."""


class RouteDefinitionError(RoutingError, ValueError):
    """A route, group, converter or middleware alias is declared wrongly."""


class ControllerResolutionError(RoutingError, ImportError):
    """A controller string or target cannot be turned into something to call.

    When the cause is an import error, it is chained as ``__cause__``.
    """


class UrlBuildError(RoutingError, LookupError):
    """``router.url()`` cannot build a path: unknown name, missing or invalid parameter."""


class ControllerError(RoutingError, RuntimeError):
    """A controller misbehaved at request time (for example it returned ``None``)."""


class PathMethodNotAllowed(MethodNotAllowed):
    """The router's 405: a ``MethodNotAllowed`` that knows whose path was asked for.

    Args:
        allowed: The methods the path answers to.
        api: True when the path belongs to api routes, so that the error answers in JSON
            like the other errors of those routes (no route is matched on a 405).
    """

    def __init__(self, allowed: Iterable[str], *, api: bool) -> None:
        super().__init__(allowed)
        self.api = api
