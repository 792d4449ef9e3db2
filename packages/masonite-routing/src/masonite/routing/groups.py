"""``RouteGroup``: a prefix, middleware, a name prefix, a namespace and a domain for many routes.

A group flattens its routes (and nested groups) into copies when it is created, so a
template made invalid by the prefix (a duplicate parameter) fails right there, naming the
route.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from masonite.routing.errors import RouteDefinitionError
from masonite.routing.routes import MiddlewareSpec, Route
from masonite.routing.template import join_paths, parse_template

__all__ = ["RouteGroup", "flatten"]


class RouteGroup:
    """Routes sharing a prefix, middleware, name prefix, controller namespace or domain.

    Args:
        routes: Routes and nested groups, in order.
        prefix: Put before every path (``'/dashboard'``); may hold parameters.
        middleware: Middleware for every route; runs after each route's own.
        name: Put before the name of every named route (``'dashboard.'``).
        namespace: Sub-package of the controller packages for controller strings
            (``'admin'`` turns ``'UserController@index'`` into ``'admin.UserController@index'``).
        domain: Restrict the routes without a domain of their own to this host or host label.

    Raises:
        RouteDefinitionError: A member is not a declared route or group, or a combined
            template is invalid.
    """

    def __init__(
        self,
        routes: Iterable[Route | RouteGroup | Iterable[Route | RouteGroup]] = (),
        prefix: str = "",
        middleware: MiddlewareSpec | Sequence[MiddlewareSpec] = (),
        name: str = "",
        namespace: str = "",
        domain: str | None = None,
    ) -> None:
        describe = f"RouteGroup(prefix={prefix!r})"
        if not isinstance(prefix, str):
            raise RouteDefinitionError(f"{describe}: prefix must be a str")
        if prefix:
            parse_template(prefix, describe=describe)
        if isinstance(middleware, (str, type)):
            middleware = (middleware,)
        if not isinstance(name, str) or not isinstance(namespace, str):
            raise RouteDefinitionError(f"{describe}: name and namespace must be str")
        self.prefix = prefix
        self.middleware_list: tuple[MiddlewareSpec, ...] = tuple(middleware)
        self.name = name
        self.namespace = namespace.strip(".")
        self.domain_name: str | None = None
        if domain is not None:
            # Reuse the route's validation of a domain.
            self.domain_name = Route().domain(domain).domain_name
        self.routes: list[Route] = [self._apply(route) for route in flatten(routes, describe)]

    def _apply(self, route: Route) -> Route:
        clone = route.copy()
        if self.prefix:
            path = join_paths(self.prefix, route.path)
            clone.template = parse_template(path, describe=route._describe(path))
            clone.path = clone.template.path
        if route.route_name is not None and self.name:
            clone.route_name = self.name + route.route_name
        clone.middleware_list = (*route.middleware_list, *self.middleware_list)
        clone.namespace = ".".join(part for part in (self.namespace, route.namespace) if part)
        if clone.domain_name is None:
            clone.domain_name = self.domain_name
        return clone

    def __iter__(self) -> Iterator[Route]:
        return iter(self.routes)

    def __len__(self) -> int:
        return len(self.routes)

    def __repr__(self) -> str:
        return f"<RouteGroup prefix={self.prefix!r} routes={len(self.routes)}>"


def flatten(items: Iterable[object], describe: str) -> Iterator[Route]:
    """Yield the routes of ``items`` in order, descending into groups and nested lists."""
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise RouteDefinitionError(f"{describe}: expected a list of routes, got {items!r}")
    for item in items:
        if isinstance(item, Route):
            if not item.is_declared:
                raise RouteDefinitionError(
                    f"{describe}: {item!r} has no path and target (call .route(path, target))"
                )
            yield item
        elif isinstance(item, RouteGroup):
            yield from item.routes
        elif isinstance(item, (list, tuple)):
            yield from flatten(item, describe)
        else:
            raise RouteDefinitionError(f"{describe}: {item!r} is not a route or a RouteGroup")
