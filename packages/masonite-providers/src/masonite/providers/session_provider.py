"""``SessionProvider``: ``request.session`` on every request, from the configured driver."""

from __future__ import annotations

from masonite.providers.configuration import Config
from masonite.providers.keys import application_key
from masonite.providers.provider import ServiceProvider
from masonite.providers.sessions import SessionDriver, create_driver

__all__ = ["SessionProvider"]


class SessionProvider(ServiceProvider):
    """Makes ``request.session`` available on every request, from the configured driver.

    The driver (``config/session.py`` ``DRIVER``: ``'cookie'`` or ``'memory'``) is built
    once and bound as ``'SessionDriver'``; ``AppProvider`` then builds requests whose
    ``request.session`` is created on first use (so this provider has no per-request
    work). The session is read only when the app uses it and written by
    ``StartResponseProvider`` only when it changed or its flash values must age.
    """

    def register(self) -> None:
        """Build the session driver from the configuration."""
        config: Config = self.app.make("Config")
        self.driver: SessionDriver = create_driver(config, application_key(config))
        self.app.bind("SessionDriver", self.driver)
