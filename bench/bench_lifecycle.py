"""The whole request lifecycle: masonite.providers vs raw WSGI and Falcon doing the same.

The Masonite app is a real application folder (written to a temporary directory): the five
framework providers, WhiteNoise (one static folder), sessions (no cookie sent), one HTTP
middleware that sets a header in ``after``, and controller-string routes among 100 routes.
Three cases, each answered by all three apps in the same process and run:

- ``GET /``: a text body;
- ``GET /users/42``: JSON, the route found among 100 parametrised routes;
- ``POST /form?a=1..e=5``: a urlencoded form of 10 fields, echoed as JSON with the query.

A fourth row times the app's compiled ``Router`` served alone (``router(environ,
start_response)``, no container and no providers), to show what the lifecycle adds.

Run: ``make bench BENCH=bench_lifecycle`` (or ``python bench/bench_lifecycle.py`` with the
packages installed).
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import falcon

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import report

from masonite.providers.testing import load_app

FORM = "&".join(f"field{i}=value{i}" for i in range(10)).encode()
QUERY = "a=1&b=2&c=3&d=4&e=5"
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

APP_FILES = {
    "wsgi.py": """
        from masonite.container import Container
        from masonite.providers import boot_providers, load_config, register_providers

        from bootstrap.start import app
        from config.providers import PROVIDERS

        container = Container()
        container.bind("WSGI", app)
        container.bind("Container", container)
        container.bind("Config", load_config(__file__))
        register_providers(container, PROVIDERS)
        boot_providers(container)
        application = container.make("WSGI")
    """,
    "bootstrap/__init__.py": "",
    # As the skeleton's template (bootstrap/start.py-tpl) writes it.
    "bootstrap/start.py": """
        from functools import cache


        @cache
        def application_kernel():
            from wsgi import container

            return container.make("Kernel")


        def app(environ, start_response):
            return application_kernel()(environ, start_response)
    """,
    "config/__init__.py": "",
    "config/application.py": """
        DEBUG = False
        KEY = "bench-key-0123456789"
    """,
    "config/providers.py": """
        from masonite.providers import (
            AppProvider, RouteProvider, SessionProvider, StartResponseProvider,
            StatusCodeProvider, WhitenoiseProvider,
        )

        PROVIDERS = [
            AppProvider, SessionProvider, RouteProvider, StatusCodeProvider,
            StartResponseProvider, WhitenoiseProvider,
        ]
    """,
    "config/middleware.py": """
        from app.http.middleware.frame_middleware import FrameMiddleware

        HTTP_MIDDLEWARE = [FrameMiddleware]
    """,
    "config/storage.py": 'STATICFILES = {"storage/static": "static/"}',
    "routes/__init__.py": "",
    "routes/web.py": """
        from masonite.routing import Get, Post

        ROUTES = [
            Get("/", "BenchController@home"),
            *[Get(f"/r{i}/@x", "BenchController@other") for i in range(97)],
            Get("/users/@id:int", "BenchController@user"),
            Post("/form", "BenchController@form"),
        ]
    """,
    "app/__init__.py": "",
    "app/http/__init__.py": "",
    "app/http/middleware/__init__.py": "",
    "app/http/middleware/frame_middleware.py": """
        from masonite.request import Request


        class FrameMiddleware:
            def __init__(self, request: Request) -> None:
                self.request = request

            def after(self) -> None:
                self.request.response.header("X-Frame-Options", "SAMEORIGIN")
    """,
    "app/http/controllers/__init__.py": "",
    "app/http/controllers/bench_controller.py": """
        from masonite.request import Request


        class BenchController:
            def home(self) -> str:
                return "Hello, World"

            def user(self, id: int) -> dict:
                return {"id": id}

            def other(self, x: str) -> dict:
                return {"x": x}

            def form(self, request: Request) -> dict:
                return {"fields": len(request.all()), "query": request.query("c")}
    """,
    "storage/static/app.css": "body { color: red; }",
}


def write_app(root: Path) -> None:
    for name, text in APP_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip())


def environ(method: str, path: str, query: str = "", body: bytes = b"") -> dict[str, Any]:
    env: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if body:
        env["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        env["CONTENT_LENGTH"] = str(len(body))
    return env


def _start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
    return None


# -- raw WSGI: the same three answers by hand ---------------------------------------------------


def raw_app(env: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    path = env["PATH_INFO"]
    if path == "/":
        body = b"Hello, World"
        content_type = "text/html; charset=utf-8"
    elif path.startswith("/users/"):
        body = json.dumps({"id": int(path[7:])}).encode()
        content_type = "application/json"
    else:
        length = int(env.get("CONTENT_LENGTH") or 0)
        fields = dict(parse_qsl(env["wsgi.input"].read(length).decode()))
        query = dict(parse_qsl(env["QUERY_STRING"]))
        body = json.dumps({"fields": len(fields) + len(query), "query": query["c"]}).encode()
        content_type = "application/json"
    start_response(
        "200 OK",
        [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("X-Frame-Options", "SAMEORIGIN"),
        ],
    )
    return [body]


# -- Falcon ---------------------------------------------------------------------------------------


class _Home:
    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.text = "Hello, World"
        resp.content_type = falcon.MEDIA_HTML


class _User:
    def on_get(self, req: falcon.Request, resp: falcon.Response, id: int) -> None:
        resp.media = {"id": id}


class _Other:
    def on_get(self, req: falcon.Request, resp: falcon.Response, x: str) -> None:
        resp.media = {"x": x}


class _Form:
    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        form = req.get_media()
        resp.media = {"fields": len(form) + len(req.params), "query": req.get_param("c")}


class _Frame:
    def process_response(self, req: Any, resp: falcon.Response, resource: Any, ok: bool) -> None:
        resp.set_header("X-Frame-Options", "SAMEORIGIN")


def falcon_app() -> WSGIApp:
    app = falcon.App(middleware=[_Frame()])
    app.add_route("/", _Home())
    for i in range(97):
        app.add_route(f"/r{i}/{{x}}", _Other())
    app.add_route("/users/{id:int}", _User())
    app.add_route("/form", _Form())
    return app


def case(app: WSGIApp, make: Callable[[], dict[str, Any]]) -> Callable[[], object]:
    def run() -> object:
        return b"".join(app(make(), _start_response))

    return run


def check(name: str, app: WSGIApp) -> None:
    """Every app must answer the three cases the same way before it is timed."""
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        seen["status"] = status
        seen["headers"] = {k.lower(): v for k, v in headers}

    for make, expected in (
        (lambda: environ("GET", "/"), b"Hello, World"),
        (lambda: environ("GET", "/users/42"), {"id": 42}),
        (lambda: environ("POST", "/form", QUERY, FORM), {"fields": 15, "query": "3"}),
    ):
        body = b"".join(app(make(), start_response))
        got = body if isinstance(expected, bytes) else json.loads(body)
        assert seen["status"] == "200 OK", (name, seen, body)
        assert got == expected, (name, got)
        assert seen["headers"]["x-frame-options"] == "SAMEORIGIN", (name, seen)
        assert "set-cookie" not in seen["headers"], (name, seen)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_app(root)
        masonite = load_app(root)
        import wsgi  # the app's start-up module, imported by load_app

        # The compiled Router as a WSGI app on its own (its default resolver, no container,
        # no providers): shows what the lifecycle adds on top of routing.
        router = wsgi.container.make("Router")
        apps = {
            "raw WSGI": raw_app,
            "Falcon": falcon_app(),
            "masonite.routing Router alone": router,
            "masonite (full lifecycle)": masonite,
        }
        for name, app in apps.items():
            check(name, app)
        cases = {
            "GET / (text)": lambda: environ("GET", "/"),
            "GET /users/42 (JSON, 100 routes)": lambda: environ("GET", "/users/42"),
            "POST /form (10 fields + 5 query)": lambda: environ("POST", "/form", QUERY, FORM),
        }
        for title, make in cases.items():
            report(
                f"{title}, ratio to Falcon",
                [(name, case(app, make)) for name, app in apps.items()],
                floor="Falcon",
            )


if __name__ == "__main__":
    main()
