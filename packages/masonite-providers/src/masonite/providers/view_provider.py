"""``ViewProvider``: the ``View`` over ``resources/templates`` with the framework's globals."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from masonite.providers.configuration import Config
from masonite.providers.context import current_request
from masonite.providers.exceptions import ProviderError
from masonite.providers.middleware.csrf import csrf_field, csrf_token
from masonite.providers.provider import ServiceProvider
from masonite.providers.view import View
from masonite.request import Request

__all__ = ["ViewProvider"]


class ViewProvider(ServiceProvider):
    """Binds a :class:`View` (``'View'``, injectable as ``view: View``) at start-up.

    Templates get ``route(name, **params)`` (a URL from a route name), ``request`` and
    ``session`` (the current request's), ``csrf_field`` (the hidden input; write
    ``{{ csrf_field }}`` in forms) and ``csrf_token`` (the token itself). In debug mode
    templates are reloaded when their file changes.
    """

    wsgi = False

    def register(self) -> None:
        """Create the view environment."""
        config: Config = self.app.make("Config")
        view = View(
            config.base_path / "resources" / "templates",
            auto_reload=bool(config.get("application.debug", False)),
        )
        view.share(
            route=self._route,
            csrf_field=_PerRequest(csrf_field, "csrf_field"),
            csrf_token=_PerRequest(csrf_token, "csrf_token"),
        )
        self.app.bind("View", view)

    def _route(self, name: str, /, **params: Any) -> str:
        return str(self.app.make("Router").url(name, **params))


class _PerRequest:
    """A template global computed from the current request: ``{{ x }}`` and ``{{ x() }}``."""

    __slots__ = ("_fn", "_name")

    def __init__(self, fn: Any, name: str) -> None:
        self._fn = fn
        self._name = name

    def __call__(self) -> Markup:
        request: Request | None = current_request.get()
        if request is None:
            raise ProviderError(f"{self._name} is only available while a request is served")
        return Markup(self._fn(request))

    def __html__(self) -> str:
        return str(self())

    def __str__(self) -> str:
        return str(self())
