"""Turning the router's listing into the rows `craft routes` prints."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

HEADERS = ("Methods", "Path", "Name", "Middleware", "Target")


def route_table(routes: Iterable[Any]) -> tuple[list[str], list[list[str]]]:
    """The headers and one row per route: methods, path, name, middleware, target.

    ``routes`` are the router's ``RouteInfo`` records (``.methods``, ``.path``,
    ``.name``, ``.middleware``, ``.target``, and optionally ``.domain``); a missing
    name or middleware shows as an empty cell. A ``Domain`` column comes after the path
    when at least one route is bound to a domain.
    """
    routes = list(routes)
    rows = [
        [
            _joined(route.methods, ", "),
            str(route.path),
            str(route.name or ""),
            _joined(route.middleware, ", "),
            target_text(route.target),
        ]
        for route in routes
    ]
    headers = list(HEADERS)
    domains = [str(getattr(route, "domain", None) or "") for route in routes]
    if any(domains):
        headers.insert(2, "Domain")
        for row, domain in zip(rows, domains, strict=True):
            row.insert(2, domain)
    return headers, rows


def target_text(target: object) -> str:
    """``'WelcomeController@show'`` as it is; a function as ``module.qualname``."""
    if target is None:
        return ""
    if isinstance(target, str):
        return target
    function = getattr(target, "__func__", target)
    qualname = getattr(function, "__qualname__", None)
    module = getattr(function, "__module__", None)
    if qualname is None:
        return repr(target)
    return f"{module}.{qualname}" if module else qualname


def _joined(values: object, separator: str) -> str:
    if values is None:
        return ""
    if isinstance(values, str):
        return values
    if isinstance(values, (set, frozenset)):  # no order of its own: make one
        return separator.join(sorted(str(value) for value in values))
    if isinstance(values, Iterable):
        return separator.join(str(value) for value in values)
    return str(values)
