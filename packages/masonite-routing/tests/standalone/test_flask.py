"""A Router mounted inside a Flask application (Flask is only a test dependency)."""

from __future__ import annotations

from typing import Any

import pytest

flask = pytest.importorskip("flask")
from werkzeug.middleware.dispatcher import DispatcherMiddleware  # noqa: E402

from masonite.request import Request  # noqa: E402
from masonite.routing import Get, Post, Router  # noqa: E402


def user(id: int, request: Request) -> dict[str, Any]:
    return {"id": id, "path": request.path, "url": request.url()}


def echo(request: Request) -> dict[str, Any]:
    return {"json": request.input("name"), "query": request.query("q")}


@pytest.fixture
def app() -> Any:
    app = flask.Flask(__name__)

    @app.get("/")
    def home() -> str:
        return "flask home"

    router = Router([Get("/users/@id:int", user), Post("/echo", echo)])
    app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/api": router})  # type: ignore[method-assign]
    return app


def test_flask_keeps_its_routes(app: Any) -> None:
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.text == "flask home"


def test_router_answers_under_its_mount(app: Any) -> None:
    response = app.test_client().get("/api/users/7")
    assert response.status_code == 200
    assert response.json == {"id": 7, "path": "/users/7", "url": "http://localhost/api/users/7"}


def test_router_reads_bodies_and_queries(app: Any) -> None:
    response = app.test_client().post("/api/echo?q=1", json={"name": "ada"})
    assert response.json == {"json": "ada", "query": "1"}


def test_router_errors_are_its_own(app: Any) -> None:
    client = app.test_client()
    assert client.get("/api/users/x").status_code == 404
    response = client.post("/api/users/1")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert client.get("/elsewhere").status_code == 404  # Flask's own 404
