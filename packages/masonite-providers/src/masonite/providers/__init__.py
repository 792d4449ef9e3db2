"""masonite.providers.

Service providers, the request lifecycle, middleware, sessions, Jinja2 views and error
pages. Start-up (``wsgi.py``)::

    container = Container()
    container.bind("WSGI", app)
    container.bind("Container", container)
    container.bind("Config", load_config(__file__))
    register_providers(container, PROVIDERS)
    boot_providers(container)
    application = container.make("WSGI")

Per request (``bootstrap/start.py``): ``handle_request(container, environ, start_response)``.
"""

from __future__ import annotations

from masonite.providers.__about__ import __version__
from masonite.providers.app_provider import AppProvider
from masonite.providers.configuration import Config, config, load_config
from masonite.providers.context import CurrentRequest, current_request
from masonite.providers.env import env, load_env
from masonite.providers.error_pages import ErrorPages
from masonite.providers.exceptions import (
    ConfigError,
    ProviderError,
    SessionError,
    SessionTooLarge,
    ViewNotFound,
)
from masonite.providers.lifecycle import (
    WSGI_RESULT,
    Kernel,
    boot_providers,
    handle_request,
    register_providers,
)
from masonite.providers.middleware import (
    CsrfMiddleware,
    SecureHeadersMiddleware,
    TokenMismatch,
    csrf_field,
    csrf_token,
)
from masonite.providers.provider import ServiceProvider
from masonite.providers.resolver import ContainerResolver
from masonite.providers.route_provider import RouteProvider
from masonite.providers.session_provider import SessionProvider
from masonite.providers.sessions import CookieDriver, MemoryDriver, Session, SessionSettings
from masonite.providers.start_response_provider import StartResponseProvider
from masonite.providers.status_code_provider import StatusCodeProvider
from masonite.providers.view import View
from masonite.providers.view_provider import ViewProvider
from masonite.providers.whitenoise_provider import WhitenoiseProvider

__all__ = [
    "WSGI_RESULT",
    "AppProvider",
    "Config",
    "ConfigError",
    "ContainerResolver",
    "CookieDriver",
    "CsrfMiddleware",
    "CurrentRequest",
    "ErrorPages",
    "Kernel",
    "MemoryDriver",
    "ProviderError",
    "RouteProvider",
    "SecureHeadersMiddleware",
    "ServiceProvider",
    "Session",
    "SessionError",
    "SessionProvider",
    "SessionSettings",
    "SessionTooLarge",
    "StartResponseProvider",
    "StatusCodeProvider",
    "TokenMismatch",
    "View",
    "ViewNotFound",
    "ViewProvider",
    "WhitenoiseProvider",
    "__version__",
    "boot_providers",
    "config",
    "csrf_field",
    "csrf_token",
    "current_request",
    "env",
    "handle_request",
    "load_config",
    "load_env",
    "register_providers",
]
