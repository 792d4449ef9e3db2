"""craft against the real framework packages (installed in the craft tox envs)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cleo.testers.command_tester import CommandTester

from masonite.craft.commands.command import CommandCommand
from masonite.craft.commands.controller import ControllerCommand
from masonite.craft.commands.middleware import MiddlewareCommand
from masonite.craft.commands.provider import ProviderCommand

Craft = Callable[[str], Any]

WSGI = """
from cleo.commands.command import Command
from cleo.helpers import argument

from masonite.container import Container
from masonite.providers import ServiceProvider
from masonite.routing import Get, Post, Redirect, RouteGroup, Router


class Auth:
    def before(self):
        return None


def ping():
    return {"pong": True}


class GreetCommand(Command):
    name = "greet"
    description = "Greet someone."
    arguments = [argument("who", optional=True, default="world")]

    def handle(self):
        self.line(f"Hello, {self.argument('who')}!")
        return 0


class Seed(Command):
    name = "seed"
    description = "Seed the database."

    def handle(self):
        self.line("seeded")
        return 0


class CommandsProvider(ServiceProvider):
    def register(self):
        self.commands(GreetCommand, Seed())


container = Container()
container.bind(
    "Router",
    Router(
        web=[
            Get("/", "WelcomeController@show").name("welcome"),
            RouteGroup(
                [Post("/posts/@id:int", "PostController@update").name("update")],
                prefix="/admin",
                name="admin.",
                middleware=["auth"],
            ),
            Redirect("/old", "/"),
        ],
        api=[Get("/api/ping", ping).name("ping")],
        route_middleware={"auth": Auth},
    ),
)
CommandsProvider(container).register()
application = None
"""


def generate(command: Any, args: str) -> None:
    tester = CommandTester(command)
    assert tester.execute(args) == 0, tester.io.fetch_error()


@pytest.fixture
def real_project(project: Path) -> Path:
    generate(ControllerCommand(), "Welcome")
    generate(ControllerCommand(), "Post --resource")
    (project / "wsgi.py").write_text(WSGI)
    return project


def test_routes_lists_a_real_router(craft: Craft, real_project: Path) -> None:
    result = craft("routes")
    assert (result.status, result.err) == (0, "")
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in result.out.splitlines()
        if line.startswith("|")
    ]
    assert rows == [
        ["Methods", "Path", "Name", "Middleware", "Target"],
        ["GET", "/", "welcome", "", "WelcomeController@show"],
        ["POST", "/admin/posts/@id:int", "admin.update", "auth", "PostController@update"],
        ["GET", "/old", "", "", "redirect to / (302)"],
        ["GET", "/api/ping", "ping", "", "wsgi.ping"],
    ]


def test_commands_from_service_provider_commands(craft: Craft, real_project: Path) -> None:
    listing = craft("list")
    assert (listing.status, listing.err) == (0, "")
    assert "Greet someone." in listing.out
    assert "Seed the database." in listing.out
    assert craft("greet Ada").out == "Hello, Ada!\n"
    assert craft("seed").out == "seeded\n"


def test_generated_controllers_and_middleware_serve_requests(project: Path) -> None:
    from masonite.request.testing import Client
    from masonite.routing import Delete, Get, Post, Router

    generate(ControllerCommand(), "Blog")
    generate(ControllerCommand(), "admin.Post --resource")
    generate(MiddlewareCommand(), "Audit")
    sys.path.insert(0, str(project))
    from app.http.middleware.AuditMiddleware import AuditMiddleware

    router = Router(
        web=[
            Get("/blog", "BlogController@show"),
            Get("/posts", "admin.PostController@index").middleware("audit"),
            Post("/posts", "admin.PostController@store"),
            Get("/posts/@id:int", "admin.PostController@show"),
            Get("/posts/@id:int/edit", "admin.PostController@edit"),
            Delete("/posts/@id:int", "admin.PostController@destroy"),
        ],
        route_middleware={"audit": AuditMiddleware},
    )
    client = Client(router)
    blog = client.get("/blog")
    assert (blog.status_code, blog.text) == (200, "BlogController")
    assert blog.headers["Content-Type"].startswith("text/html")
    assert client.get("/posts").json() == {"data": []}
    assert client.get("/posts/7").json() == {"id": 7}
    assert client.get("/posts/7/edit").text == "The form that edits the post 7."
    assert client.delete("/posts/7").json() == {"id": 7, "deleted": True}
    created = client.post("/posts", data={"title": "Hello"})
    assert created.json() == {"created": {"title": "Hello"}}


def test_generated_provider_and_command_work_with_the_lifecycle(
    craft: Craft, project: Path
) -> None:
    generate(ProviderCommand(), "Blog")
    generate(CommandCommand(), "SendReport")
    provider_file = project / "app" / "providers" / "BlogProvider.py"
    provider_file.write_text(
        provider_file.read_text()
        .replace(
            '"""Bind objects into ``self.app``, the container; runs once, at start-up."""',
            "from app.commands.SendReportCommand import SendReportCommand\n\n"
            "        self.commands(SendReportCommand)",
        )
        .replace(
            '"""Use what the providers registered; runs after every ``register()``."""',
            'self.app.bind("Booted", True)',
        )
    )
    (project / "wsgi.py").write_text(
        "from masonite.container import Container\n"
        "from masonite.providers import boot_providers, register_providers\n"
        "from app.providers.BlogProvider import BlogProvider\n"
        "container = Container()\n"
        "register_providers(container, [BlogProvider])\n"
        "boot_providers(container)\n"
        "application = container.make('Kernel')\n"
    )
    result = craft("send-report Ada")
    assert (result.status, result.out, result.err) == (0, "Hello, Ada!\n", "")
    wsgi = sys.modules["wsgi"]
    assert wsgi.container.make("Booted") is True
    from masonite.providers import ServiceProvider

    assert isinstance(wsgi.container.make("Providers")[0], ServiceProvider)
