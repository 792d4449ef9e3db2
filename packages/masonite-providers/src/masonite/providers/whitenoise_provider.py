"""``WhitenoiseProvider``: static files served by WhiteNoise in front of the application."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from whitenoise import WhiteNoise

from masonite.providers.configuration import Config
from masonite.providers.exceptions import ConfigError
from masonite.providers.provider import ServiceProvider

__all__ = ["WhitenoiseProvider"]

logger = logging.getLogger("masonite")


class WhitenoiseProvider(ServiceProvider):
    """Wraps the ``'WSGI'`` binding in WhiteNoise at start-up (``wsgi = False``).

    ``config/storage.py`` ``STATICFILES`` maps folders (relative to the app) to URL
    prefixes: ``{'storage/static': 'static/', 'storage/public': '/'}``. A folder that does
    not exist is skipped (logged). WhiteNoise re-scans the folders on every request only
    in debug mode (``autorefresh``); in production it indexes them once.
    """

    wsgi = False

    def boot(self) -> None:
        """Replace ``'WSGI'`` with WhiteNoise serving the static folders."""
        config: Config = self.app.make("Config")
        folders = config.get("storage.staticfiles", {})
        if not isinstance(folders, Mapping):
            raise ConfigError(
                "config/storage.py STATICFILES must be a dict of folder -> URL prefix"
            )
        debug = bool(config.get("application.debug", False))
        static = WhiteNoise(self.app.make("WSGI"), autorefresh=debug)
        for folder, prefix in folders.items():
            path = (config.base_path / str(folder)).resolve()
            if not path.is_dir():
                logger.info("static folder %s does not exist: not served", path)
                continue
            static.add_files(str(path), prefix=str(prefix))
        self.app.bind("WSGI", static)
