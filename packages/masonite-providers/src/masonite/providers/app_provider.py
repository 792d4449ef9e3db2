"""``AppProvider``: the request and response of each request, and what the router is made of."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from masonite.providers.app_modules import load_app_module
from masonite.providers.configuration import Config
from masonite.providers.keys import application_key
from masonite.providers.provider import ServiceProvider
from masonite.providers.sessions.lazy import session_request_class
from masonite.request import Limits, Request

__all__ = ["AppProvider"]


class AppProvider(ServiceProvider):
    """First framework provider.

    At start-up it checks the application key (a missing ``KEY`` with ``DEBUG`` off is an
    error) and binds the route lists (``ROUTES`` of ``routes/web.py`` and
    ``routes/api.py``) and the middleware of ``config/middleware.py``
    (``HTTP_MIDDLEWARE``, ``ROUTE_MIDDLEWARE``), which ``RouteProvider`` compiles. Per
    request it builds the ``Request`` (with ``config/request.py``'s ``LIMITS`` when set)
    and its ``Response`` from the environ: :meth:`ready` binds its factory as
    ``'RequestFactory'``, which the lifecycle's :class:`~masonite.providers.Kernel` calls
    as it opens the request scope, so ``'Environ'``, ``'Request'`` and ``'Response'`` are
    bound in the scope before the first per-request provider boots. When a session
    driver is bound (``'SessionDriver'``, by ``SessionProvider``), the requests it builds
    carry ``request.session``, created on first use.
    """

    def register(self) -> None:
        """Check the key; bind the routes, the middleware and the request limits."""
        config: Config = self.app.make("Config")
        application_key(config)
        web = _routes(config, "web")
        api = _routes(config, "api")
        self.routes(web=web, api=api)
        self.http_middleware(*config.get("middleware.http_middleware", ()))
        self.route_middleware(config.get("middleware.route_middleware", {}))
        limits = config.get("request.limits")
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(
                f"config/request.py LIMITS must be a masonite.request.Limits, got {limits!r}"
            )
        self.limits: Limits | None = limits
        #: The class of the requests built per request (see :meth:`ready`).
        self.request_class: type[Request] = Request

    def ready(self) -> None:
        """Bind ``'RequestFactory'``; requests get a lazy ``request.session`` when
        ``SessionProvider`` is in use."""
        if self.app.has("SessionDriver"):
            self.request_class = session_request_class(self.app.make("SessionDriver"))
        self.app.bind("RequestFactory", self.request_factory())

    def request_factory(self) -> Callable[[dict[str, Any]], Request]:
        """Return ``build(environ) -> Request``: this provider's request, with its limits.

        Its ``request_class`` attribute is the class it builds, for which the lifecycle
        prepares each request's scope.

        PERF: a ``functools.partial`` of the class, so building a request adds no Python
        frame of its own.
        """
        cls = self.request_class
        build = partial(cls) if self.limits is None else partial(cls, limits=self.limits)
        build.request_class = cls  # type: ignore[attr-defined]
        return build


def _routes(config: Config, name: str) -> list[Any]:
    module = load_app_module(config.base_path, f"routes.{name}")
    if module is None:
        return []
    routes = getattr(module, "ROUTES", None)
    if routes is None:
        raise TypeError(f"routes/{name}.py must define ROUTES = [...]")
    return list(routes)
