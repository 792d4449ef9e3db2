"""The router's resolver in the full framework: controllers and middleware from the container."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from masonite.container import Container
from masonite.container.plan import plan_for
from masonite.request import Request

__all__ = ["ContainerResolver"]

T = TypeVar("T")


class ContainerResolver:
    """Builds and calls controllers and middleware through one request's container scope.

    Constructors and methods get every class-annotated parameter from the scope
    (``Request``, ``Response``, anything bound or buildable), URL parameters by name
    (parameters a callable does not name are left out, or go to its ``**kwargs``), and
    route-middleware arguments (``'throttle:5,1'``) positionally. The container caches
    each callable's plan, so nothing is inspected twice.

    Args:
        container: The request scope (opened by the lifecycle for this request).
    """

    __slots__ = ("container",)

    def __init__(self, container: Container) -> None:
        self.container = container

    def build(self, cls: type[T], request: Request) -> T:
        """Return an instance of ``cls`` with its constructor resolved from the scope."""
        return self.container.resolve(cls)

    def call(
        self,
        fn: Callable[..., Any],
        request: Request,
        params: Mapping[str, Any],
        args: Sequence[Any] = (),
    ) -> Any:
        """Call ``fn`` with ``args``, the URL ``params`` it names, and injected values."""
        if not params:
            return self.container.resolve(fn, *args)
        plan = plan_for(fn, Container)
        if plan.var_keyword:
            return self.container.resolve(fn, *args, **params)
        names = plan.keyword_names
        return self.container.resolve(fn, *args, **{k: v for k, v in params.items() if k in names})
