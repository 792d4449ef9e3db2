"""``ServiceProvider``: the unit that loads features into the container and runs per request."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from masonite.container import Container
from masonite.providers.exceptions import ProviderError

__all__ = [
    "API_ROUTES",
    "HTTP_MIDDLEWARE",
    "ROUTE_MIDDLEWARE",
    "WEB_ROUTES",
    "ServiceProvider",
]

#: Container keys of what the router is compiled from at start-up.
WEB_ROUTES = "WebRoutes"
API_ROUTES = "ApiRoutes"
HTTP_MIDDLEWARE = "HttpMiddleware"
ROUTE_MIDDLEWARE = "RouteMiddleware"


class ServiceProvider:
    """Base class of every provider listed in ``config/providers.py``.

    The lifecycle builds each provider once, sets :attr:`app` to the application
    container and calls, in this order:

    1. :meth:`register` on every provider (bind things; do not use other providers' yet);
    2. ``boot(...)`` once, at start-up, on the providers whose :attr:`wsgi` is False;
    3. :meth:`ready` once on every provider (compile what per-request code reuses);
    4. ``boot(...)`` on every request, in order, on the providers whose :attr:`wsgi` is
       True, with its parameters injected from that request's container scope (annotate
       them: ``def boot(self, request: Request, response: Response)``; a parameter
       annotated ``Container`` receives the request scope).

    A provider instance is shared by every request and thread: per-request ``boot``
    must keep request data in its arguments or in the scope, never on ``self``.

    Attributes:
        wsgi: True (default) to boot on every request, False to boot once at start-up.
        app: The application container (set before :meth:`register`).
    """

    wsgi: ClassVar[bool] = True
    app: Container

    def __init__(self, app: Container | None = None) -> None:
        if app is not None:
            self.app = app

    def load_app(self, app: Container) -> ServiceProvider:
        """Set :attr:`app` and return the provider (Masonite 2's spelling)."""
        self.app = app
        return self

    def register(self) -> None:
        """Bind what this provider offers into :attr:`app` (start-up, once)."""

    # boot(...) is not defined here: each provider declares its own parameters, and a
    # provider without one is skipped by the lifecycle.

    def ready(self) -> None:
        """Prepare, once, what the per-request ``boot`` reuses (after every register and
        every ``wsgi = False`` boot). Nothing by default."""

    # -- helpers for register() and start-up boot() ---------------------------------------

    def routes(self, web: Iterable[Any] = (), api: Iterable[Any] = ()) -> None:
        """Add routes (``Get('/x', 'XController@show')``...) to the web or api list.

        Raises:
            ProviderError: When called after start-up (the router is compiled by then).
        """
        self._growing(WEB_ROUTES).extend(web)
        self._growing(API_ROUTES).extend(api)

    def http_middleware(self, *middleware: type) -> None:
        """Add classes to the middleware run on every request (404s and 405s included)."""
        self._growing(HTTP_MIDDLEWARE).extend(middleware)

    def route_middleware(self, aliases: Mapping[str, type | Sequence[type]]) -> None:
        """Add route middleware aliases (``{'auth': AuthMiddleware}``) for ``.middleware()``."""
        current = self._growing(ROUTE_MIDDLEWARE, dict)
        current.update(aliases)

    def commands(self, *commands: Any) -> None:
        """Bind craft commands (cleo ``Command`` classes or instances) for the ``craft`` CLI.

        Each is bound under its class name, with ``Command`` appended when the name does
        not already end in it, which is where ``craft`` collects project commands from.
        """
        for command in commands:
            cls = command if isinstance(command, type) else type(command)
            name = cls.__name__ if cls.__name__.endswith("Command") else f"{cls.__name__}Command"
            self.app.bind(name, command)

    def _growing(self, key: str, kind: type = list) -> Any:
        app = self.app
        if app.has("Router"):
            raise ProviderError(
                f"{type(self).__name__} adds routes or middleware after start-up: the router "
                "is compiled already; call self.routes()/self.http_middleware()/"
                "self.route_middleware() in register() or in the boot() of a wsgi = False provider"
            )
        if not app.has(key):
            app.bind(key, kind())
        return app.make(key)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} wsgi={self.wsgi}>"
