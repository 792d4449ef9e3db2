"""Host views: the per-method compiled tables over the routes visible on one kind of host.

A router without domain routes has one view. With them, it has one more per domain: a
view holds the routes without a domain plus those of its domain, in declaration order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from masonite.routing.converters import Converter
from masonite.routing.matcher import Entry, Found
from masonite.routing.routes import Route
from masonite.routing.table import MethodTable, compile_table, find_in

__all__ = ["HostView", "accepts", "ordered_methods"]

#: Methods listed first in ``Allow``, in this order; others follow sorted.
_METHOD_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def accepts(route: Route, method: str) -> bool:
    """Whether ``route`` answers ``method`` (``GET`` routes answer ``HEAD`` too)."""
    return method in route.methods or (method == "HEAD" and "GET" in route.methods)


def ordered_methods(methods: Iterable[str]) -> list[str]:
    """``methods`` in the order ``Allow`` lists them."""
    present = set(methods)
    return [m for m in _METHOD_ORDER if m in present] + sorted(present - set(_METHOD_ORDER))


class HostView:
    """Per-method compiled tables over the routes visible on one kind of host."""

    def __init__(self, entries: list[Entry], converters: Mapping[str, Converter]) -> None:
        methods: set[str] = set()
        for entry in entries:
            methods.update(entry.route.methods)
            if "GET" in entry.route.methods:
                methods.add("HEAD")
        self.methods = ordered_methods(methods)
        self.tables: dict[str, MethodTable] = {}
        complete: dict[str, bool] = {}
        # Methods with the same routes (GET and HEAD, usually) share one compiled table.
        built: dict[tuple[int, ...], MethodTable] = {}
        for method in self.methods:
            subset = [entry for entry in entries if accepts(entry.route, method)]
            key = tuple(entry.index for entry in subset)
            if key not in built:
                built[key] = compile_table(subset, converters)
            self.tables[method] = built[key]
            complete[method] = len(subset) == len(entries)
        # Every route, whatever its method: one probe tells a 404 from a 405. A table
        # that holds every route needs no probe.
        everything = tuple(entry.index for entry in entries)
        self.any = built.get(everything) or compile_table(entries, converters)
        self.complete = complete

    def lookup(self, method: str, path: str) -> Found | None:
        """``(route, params)`` for ``method path``, or ``None``."""
        table = self.tables.get(method)
        return None if table is None else find_in(table, path)

    def exists(self, method: str, path: str) -> bool:
        """Whether any route has ``path`` once ``method``'s own table missed it."""
        if self.complete.get(method):
            return False  # the method's own table (which missed) holds every route
        return find_in(self.any, path) is not None

    def is_api(self, path: str) -> bool:
        """Whether the first route with ``path`` (whatever its method) is an api route."""
        found = find_in(self.any, path)
        return found is not None and found[0].api

    def allowed(self, path: str) -> list[str]:
        """The methods that have a route for ``path``, in ``Allow`` order."""
        return [method for method in self.methods if self.lookup(method, path) is not None]
