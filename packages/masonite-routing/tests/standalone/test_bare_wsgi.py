"""A Router mounted under a prefix inside a bare WSGI application.

Uses only the standard library, masonite.request and masonite.routing, so it runs in the
``routing-alone`` environment, where nothing else of the framework is installed.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from masonite.request import Request
from masonite.request.testing import Client
from masonite.routing import Get, Post, RouteGroup, Router

WSGIApp = Callable[[dict[str, Any], Any], Iterable[bytes]]


def mount(prefix: str, inner: WSGIApp, outer: WSGIApp) -> WSGIApp:
    """Send ``prefix/...`` to ``inner``, moving the prefix from PATH_INFO to SCRIPT_NAME."""

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == prefix or path.startswith(prefix + "/"):
            environ = dict(environ)
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + prefix
            environ["PATH_INFO"] = path[len(prefix) :]
            return inner(environ, start_response)
        return outer(environ, start_response)

    return app


def legacy(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    """The existing application: it knows nothing about Masonite."""
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"legacy " + environ["PATH_INFO"].encode("latin-1")]


def index(request: Request) -> str:
    return f"blog index, path={request.path}, url={request.url()}"


def post(id: int, request: Request) -> dict[str, Any]:
    return {"id": id, "param": request.param("id"), "script": request.script_name}


def create(request: Request) -> tuple[str, int]:
    return f"created {request.input('title')}", 201


router = Router(
    [
        Get("/", index).name("index"),
        RouteGroup(
            [Get("/@id:int", post).name("show"), Post("/", create)],
            prefix="/posts",
            name="posts.",
        ),
    ]
)
application = mount("/blog", router, legacy)


@pytest.fixture
def client() -> Client:
    return Client(application)


def test_the_router_answers_below_its_prefix(client: Client) -> None:
    response = client.get("/blog/posts/42")
    assert response.status_code == 200
    assert response.json() == {"id": 42, "param": 42, "script": "/blog"}


def test_the_router_root_with_and_without_slash(client: Client) -> None:
    for path in ("/blog", "/blog/"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.text.startswith("blog index, path=/")
        assert "url=http://localhost/blog/" in response.text


def test_the_rest_stays_with_the_existing_app(client: Client) -> None:
    assert client.get("/about").text == "legacy /about"
    assert client.get("/blogroll").text == "legacy /blogroll"


def test_errors_and_forms_inside_the_mount(client: Client) -> None:
    assert client.get("/blog/nothing").status_code == 404
    response = client.delete("/blog/posts/1")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    created = client.post("/blog/posts", data={"title": "Hello"})
    assert created.status_code == 201
    assert created.text == "created Hello"


def test_url_building_is_relative_to_the_mount() -> None:
    assert router.url("posts.show", id=3) == "/posts/3"
    assert router.url("index") == "/"


def test_importing_the_router_pulls_in_nothing_of_the_framework() -> None:
    code = (
        "import sys, masonite.routing, masonite.request.testing\n"
        "heavy = {'jinja2', 'gunicorn', 'cleo', 'whitenoise', 'masonite.container'}\n"
        "print(sorted(m for m in sys.modules if m in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
