from __future__ import annotations

from masonite.container import Container
from masonite.providers import ServiceProvider


class Command:
    """Stands in for cleo's Command (craft builds the real ones)."""

    name = ""


class InspireCommand(Command):
    name = "inspire"


class Greet(Command):
    name = "greet"


class Middleware:
    pass


def test_helpers_fill_the_lists_the_router_is_built_from() -> None:
    provider = ServiceProvider(Container())
    provider.routes(web=["w"], api=["a"])
    provider.routes(web=["w2"])
    provider.http_middleware(Middleware)
    provider.route_middleware({"m": Middleware})
    app = provider.app
    assert app.make("WebRoutes") == ["w", "w2"]
    assert app.make("ApiRoutes") == ["a"]
    assert app.make("HttpMiddleware") == [Middleware]
    assert app.make("RouteMiddleware") == {"m": Middleware}


def test_commands_are_bound_under_keys_ending_in_command() -> None:
    provider = ServiceProvider().load_app(Container())
    greet = Greet()
    provider.commands(InspireCommand, greet)
    assert provider.app.collect("*Command") == {
        "InspireCommand": InspireCommand,
        "GreetCommand": greet,
    }


def test_defaults() -> None:
    provider = ServiceProvider()
    assert provider.wsgi is True
    provider.register()
    provider.ready()
    assert repr(provider) == "<ServiceProvider wsgi=True>"
