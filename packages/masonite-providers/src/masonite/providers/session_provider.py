"""``SessionProvider``: ``request.session`` on every request, from the configured driver."""

from __future__ import annotations

from masonite.providers.configuration import Config
from masonite.providers.keys import application_key
from masonite.providers.provider import ServiceProvider
from masonite.providers.sessions import Session, SessionDriver, create_driver
from masonite.request import Request

__all__ = ["SessionProvider"]


class SessionProvider(ServiceProvider):
    """Attaches a :class:`Session` to each request as ``request.session``.

    The driver (``config/session.py`` ``DRIVER``: ``'cookie'`` or ``'memory'``) is built
    once and bound as ``'SessionDriver'``. The session is read only when the app uses it
    and written by ``StartResponseProvider`` only when it changed.
    """

    def register(self) -> None:
        """Build the session driver from the configuration."""
        config: Config = self.app.make("Config")
        self.driver: SessionDriver = create_driver(config, application_key(config))
        self.app.bind("SessionDriver", self.driver)

    def boot(self, request: Request) -> None:
        """Attach this request's (not yet loaded) session."""
        # PERF: straight into the instance dict (Request keeps one for such attributes).
        request.__dict__["session"] = Session(self.driver, request)
