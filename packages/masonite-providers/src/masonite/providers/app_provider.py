"""``AppProvider``: the request and response of each request, and what the router is made of."""

from __future__ import annotations

from typing import Any

from masonite.container import Container, prepare_bindings
from masonite.providers.app_modules import load_app_module
from masonite.providers.configuration import Config
from masonite.providers.context import current_request
from masonite.providers.keys import application_key
from masonite.providers.provider import ServiceProvider
from masonite.providers.sessions.lazy import session_request_class
from masonite.request import Limits, Request, Response

__all__ = ["AppProvider"]


class AppProvider(ServiceProvider):
    """First framework provider.

    At start-up it checks the application key (a missing ``KEY`` with ``DEBUG`` off is an
    error) and binds the route lists (``ROUTES`` of ``routes/web.py`` and
    ``routes/api.py``) and the middleware of ``config/middleware.py``
    (``HTTP_MIDDLEWARE``, ``ROUTE_MIDDLEWARE``), which ``RouteProvider`` compiles. Per
    request it builds the ``Request`` (with ``config/request.py``'s ``LIMITS`` when set)
    and its ``Response`` from ``'Environ'`` and binds both, as ``'Request'`` and
    ``'Response'``, in the request scope. When a session driver is bound
    (``'SessionDriver'``, by ``SessionProvider``), the requests it builds carry
    ``request.session``, created on first use.
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
        self._bind = prepare_bindings({"Request": Request, "Response": Response})

    def ready(self) -> None:
        """Give requests a lazy ``request.session`` when ``SessionProvider`` is in use."""
        if self.app.has("SessionDriver"):
            self.request_class = session_request_class(self.app.make("SessionDriver"))
        # PERF: the two binds of every request, planned once (masonite.container's
        # prepare_bindings): ~5k fewer machine instructions per request (callgrind).
        self._bind = prepare_bindings({"Request": self.request_class, "Response": Response})

    def boot(self, container: Container) -> None:
        """Build this request's ``Request`` and ``Response`` and bind them in the scope."""
        request = self.request_class(container.make("Environ"), limits=self.limits)
        self._bind(container, request, request.response)
        current_request.value = request


def _routes(config: Config, name: str) -> list[Any]:
    module = load_app_module(config.base_path, f"routes.{name}")
    if module is None:
        return []
    routes = getattr(module, "ROUTES", None)
    if routes is None:
        raise TypeError(f"routes/{name}.py must define ROUTES = [...]")
    return list(routes)
