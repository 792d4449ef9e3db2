"""masonite.container: the Masonite service container.

Bindings, resolution by annotation, request scopes and hooks::

    from masonite.container import Container

    container = Container()
    container.bind("Mailer", SmtpMailer)           # built on every make
    container.singleton("Cache", RedisCache)       # built once, shared
    request_scope = container.scope()              # one per HTTP request
    request_scope.bind("Request", request)
    request_scope.resolve(provider.boot)           # boot(self, request: Request)
"""

from __future__ import annotations

from masonite.container.__about__ import __version__
from masonite.container.container import App, Container
from masonite.container.errors import (
    ContainerError,
    MissingContainerBindingNotFound,
    StrictContainerException,
)

__all__ = [
    "App",
    "Container",
    "ContainerError",
    "MissingContainerBindingNotFound",
    "StrictContainerException",
    "__version__",
]
