"""Routing: match cost against Werkzeug, Bottle and Falcon on identical tables, and the
whole WSGI dispatch of ``GET /users/42`` (a JSON answer) among 100 routes against Falcon.

Each table of N routes is the usual REST shape under a shared prefix: for i < N/2, a
static ``/api/v1/res{i}`` and a one-parameter ``/api/v1/res{i}/<id>``, declared in
that order. The cases are the static hit and the one-parameter hit of the last pair
declared (the worst position for a router that scans) and a miss
(``/api/v1/unknown/42``). Every router is called through its own public matching API,
with its own miss signalling, inside the same one-call wrapper: Werkzeug and Bottle
raise, Falcon returns ``None``; Masonite has both, ``router.find`` (``None``, what the
dispatch pipeline calls) and ``router.match`` (raises ``NotFound``), and both are shown.
Run: ``make bench BENCH=bench_routing``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bottle
import falcon
from _timing import measure, table
from falcon.routing import CompiledRouter
from werkzeug.exceptions import NotFound as WerkzeugNotFound
from werkzeug.routing import Map, Rule

from masonite.request import NotFound
from masonite.routing import Get, Router

SIZES = (10, 100, 1000)
MISS = "/api/v1/unknown/42"


def endpoint(id: str = "") -> str:
    return id


class FalconResource:
    def on_get(self, req: Any, resp: Any, **params: Any) -> None:
        resp.media = params


def paths(size: int) -> list[tuple[str, str]]:
    """(static path, parametrised stem) pairs, in declaration order."""
    return [(f"/api/v1/res{i}", f"/api/v1/res{i}") for i in range(size // 2)]


def masonite_router(size: int) -> Router:
    routes = []
    for static, stem in paths(size):
        routes += [Get(static, endpoint), Get(stem + "/@id", endpoint)]
    return Router(routes)


def masonite_find_case(size: int) -> Callable[[str], Any]:
    """``router.find``: ``None`` on a miss, as the dispatch pipeline uses it."""
    find = masonite_router(size).find

    def run(path: str) -> Any:
        return find("GET", path)

    return run


def masonite_match_case(size: int) -> Callable[[str], Any]:
    """``router.match``: raises ``NotFound`` on a miss."""
    match = masonite_router(size).match

    def run(path: str) -> Any:
        try:
            return match("GET", path)
        except NotFound:
            return None

    return run


def werkzeug_case(size: int) -> Callable[[str], Any]:
    rules = []
    for static, stem in paths(size):
        rules += [Rule(static, endpoint=static), Rule(stem + "/<id>", endpoint=stem)]
    adapter = Map(rules).bind("localhost")

    def run(path: str) -> Any:
        try:
            return adapter.match(path, "GET")
        except WerkzeugNotFound:
            return None

    return run


def bottle_case(size: int) -> Callable[[str], Any]:
    router = bottle.Router()
    for static, stem in paths(size):
        router.add(static, "GET", static)
        router.add(stem + "/<id>", "GET", stem)
    environs: dict[str, dict[str, str]] = {}

    def run(path: str) -> Any:
        environ = environs.get(path)
        if environ is None:  # built once per path, outside the timing of later calls
            environ = environs[path] = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
        try:
            return router.match(environ)
        except bottle.HTTPError:
            return None

    return run


def falcon_case(size: int) -> Callable[[str], Any]:
    router = CompiledRouter()
    resource = FalconResource()
    for static, stem in paths(size):
        router.add_route(static, resource)
        router.add_route(stem + "/{id}", resource)
    router.find("/")  # compile now, not in the first timed call
    find = router.find

    def run(path: str) -> Any:  # the same one-call wrapper as the others
        return find(path)

    return run


ROUTERS = (
    ("masonite find", masonite_find_case),
    ("masonite match", masonite_match_case),
    ("werkzeug Map", werkzeug_case),
    ("bottle Router", bottle_case),
    ("falcon CompiledRouter", falcon_case),
)


def case_paths(size: int) -> dict[str, str]:
    """The path of each case for a table of ``size`` routes (the last pair declared)."""
    last = size // 2 - 1
    return {
        "static hit": f"/api/v1/res{last}",
        "one-param hit (worst position)": f"/api/v1/res{last}/42",
        "miss": MISS,
    }


def match_tables() -> None:
    for size in SIZES:
        cases = case_paths(size)
        built = [(name, make(size)) for name, make in ROUTERS]
        for case, path in cases.items():
            for name, run in built:
                assert (run(path) is None) == (case == "miss"), (name, case)
            results = measure([(name, _bind(run, path)) for name, run in built])
            print(table(f"match, {size} routes, {case} ({path})", results))
            timings = dict(results)
            fastest = min(ns for name, ns in results if not name.startswith("masonite"))
            print(
                f"\nmasonite find / fastest peer: {timings['masonite find'] / fastest:.2f}x; "
                f"masonite match / fastest peer: {timings['masonite match'] / fastest:.2f}x\n"
            )


def _bind(run: Callable[[str], Any], path: str) -> Callable[[], Any]:
    return lambda: run(path)


def growth_table() -> None:
    """The three sizes interleaved in one measurement, so load drift cannot fake growth."""
    finders = {size: masonite_find_case(size) for size in SIZES}
    rows = []
    for case in case_paths(10):
        cases = [(f"{size}", _bind(finders[size], case_paths(size)[case])) for size in SIZES]
        timings = dict(measure(cases))
        rows.append((case, timings))
    print("### masonite find cost by table size, measured together (ratio to 10 routes)\n")
    print("| case | 10 routes | 100 routes | 1000 routes | 1000 / 10 |")
    print("|---|---:|---:|---:|---:|")
    for case, timings in rows:
        cells = [f"{timings[str(size)]:.0f} ns" for size in SIZES]
        print(f"| {case} | {' | '.join(cells)} | {timings['1000'] / timings['10']:.2f}x |")
    print()


# -- whole WSGI dispatch ------------------------------------------------------------------


def user(id: int) -> dict[str, Any]:
    return {"id": id, "name": "user"}


class FalconUser:
    def on_get(self, req: Any, resp: Any, id: int) -> None:
        resp.media = {"id": id, "name": "user"}


def raw_wsgi(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    """The floor: the same answer by hand."""
    path = environ["PATH_INFO"]
    body = json.dumps({"id": int(path.rsplit("/", 1)[1]), "name": "user"}).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]


def dispatch_table() -> None:
    fillers = [f"/things{i}" for i in range(99)]
    router = Router([*(Get(f + "/@x", endpoint) for f in fillers), Get("/users/@id:int", user)])
    app = falcon.App()
    for f in fillers:
        app.add_route(f + "/{x}", FalconResource())
    app.add_route("/users/{id:int}", FalconUser())
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/users/42",
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": None,
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        pass

    def serve(wsgi: Any) -> Callable[[], bytes]:
        def call() -> bytes:
            return b"".join(wsgi(dict(environ), start_response))

        return call

    cases = [("raw WSGI", serve(raw_wsgi)), ("masonite Router", serve(router))]
    cases.append(("falcon App", serve(app)))
    for name, call in cases:
        assert json.loads(call()) == {"id": 42, "name": "user"}, name
    results = measure(cases)
    print(table("WSGI dispatch of GET /users/42 (JSON) among 100 routes", results))
    ratio = dict(results)["masonite Router"] / dict(results)["falcon App"]
    print(f"\nmasonite / falcon: {ratio:.2f}x\n")


if __name__ == "__main__":
    match_tables()
    growth_table()
    dispatch_table()
