"""Route and HTTP middleware: classes with optional ``before()`` and ``after()``.

A route names its middleware by alias: ``'auth'`` or, with arguments, ``'throttle:5,1'``
(``before('5', '1')`` and ``after('5', '1')``, as strings). Aliases are looked up once,
when the router is built; an unknown alias fails there, naming the route.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from masonite.routing.errors import RouteDefinitionError

__all__ = ["Middleware", "MiddlewareMap", "parse_alias", "resolve_middleware"]

#: Alias to middleware class, or to several classes run in order.
MiddlewareMap = Mapping[str, "type | Sequence[type]"]


class Middleware(Protocol):
    """What the router expects of middleware: both methods are optional.

    ``before()`` runs before the controller; if it sets a response (a redirect, a body,
    a status), the controller and the remaining ``before()`` steps are skipped.
    ``after()`` runs after the controller, with the response in ``request.response``.
    Constructors are built by the resolver (``def __init__(self, request: Request)``).
    """

    def before(self, *args: Any) -> Any:  # pragma: no cover - protocol
        """Runs before the controller."""

    def after(self, *args: Any) -> Any:  # pragma: no cover - protocol
        """Runs after the controller."""


def parse_alias(spec: str) -> tuple[str, tuple[str, ...]]:
    """Split ``'throttle:5,1'`` into ``('throttle', ('5', '1'))``."""
    name, _, raw = spec.partition(":")
    args = tuple(part.strip() for part in raw.split(",")) if raw else ()
    return name.strip(), args


def check_middleware(cls: object, describe: str) -> type:
    """Return ``cls`` when it is a class with ``before`` or ``after``."""
    if not isinstance(cls, type):
        raise RouteDefinitionError(f"{describe}: middleware {cls!r} is not a class")
    if not (callable(getattr(cls, "before", None)) or callable(getattr(cls, "after", None))):
        raise RouteDefinitionError(
            f"{describe}: middleware {cls.__qualname__} has neither before() nor after()"
        )
    return cls


def resolve_middleware(
    specs: Sequence[str | type], aliases: MiddlewareMap, describe: str
) -> tuple[tuple[type, tuple[str, ...]], ...]:
    """Turn aliases and classes into ``(class, arguments)`` pairs, in order.

    Raises:
        RouteDefinitionError: An unknown alias or something that is not middleware.
    """
    resolved: list[tuple[type, tuple[str, ...]]] = []
    for spec in specs:
        if isinstance(spec, type):
            resolved.append((check_middleware(spec, describe), ()))
            continue
        name, args = parse_alias(spec)
        if name not in aliases:
            known = ", ".join(sorted(aliases)) or "none registered"
            raise RouteDefinitionError(
                f"{describe}: unknown middleware alias {name!r} (known: {known})"
            )
        found = aliases[name]
        classes = found if isinstance(found, (list, tuple)) else (found,)
        for cls in classes:
            resolved.append((check_middleware(cls, describe), args))
    return tuple(resolved)
