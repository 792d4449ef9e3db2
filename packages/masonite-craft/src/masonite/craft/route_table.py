"""Turning the router's listing into the rows `craft routes` prints."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def route_rows(routes: Iterable[Any]) -> list[list[str]]:
    """One row per route: methods, path, name, middleware and target, as text.

    ``routes`` are the router's ``RouteInfo`` records (``.methods``, ``.path``,
    ``.name``, ``.middleware``, ``.target``); a missing name or middleware shows as
    an empty cell.
    """
    return [
        [
            _joined(route.methods, ", "),
            str(route.path),
            str(route.name or ""),
            _joined(route.middleware, ", "),
            target_text(route.target),
        ]
        for route in routes
    ]


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
