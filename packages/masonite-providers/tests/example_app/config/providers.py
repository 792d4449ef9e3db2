"""The providers, in order: the framework's first, then the application's."""

from app.providers.example_provider import ExampleProvider

from masonite.providers import (
    AppProvider,
    RouteProvider,
    SessionProvider,
    StartResponseProvider,
    StatusCodeProvider,
    ViewProvider,
    WhitenoiseProvider,
)

PROVIDERS = [
    AppProvider,
    SessionProvider,
    RouteProvider,
    StatusCodeProvider,
    StartResponseProvider,
    WhitenoiseProvider,
    ViewProvider,
    ExampleProvider,
]
