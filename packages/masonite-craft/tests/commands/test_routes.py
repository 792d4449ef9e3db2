from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleo.testers.command_tester import CommandTester

from masonite.craft.commands.routes import RoutesCommand

ROUTER = """
from fake_container import FakeContainer


class Info:
    def __init__(self, methods, path, name, middleware, target):
        self.methods, self.path, self.name = methods, path, name
        self.middleware, self.target = middleware, target


def show(request):
    return "x"


class Router:
    def routes(self):
        return [
            Info(("GET", "HEAD"), "/", "welcome", (), "WelcomeController@show"),
            Info(frozenset({"POST"}), "/posts/@id:int", None, ("auth", "throttle:5,1"), show),
            Info(["GET"], "/<script>", "x", [], "<b>Tag</b>@show"),
        ]


container = FakeContainer({"Router": Router()})
application = None
"""


def write_wsgi(project: Path, source: str) -> None:
    (project / "wsgi.py").write_text(source)


def run() -> tuple[int, str, str]:
    tester = CommandTester(RoutesCommand())
    status = tester.execute()
    return status, tester.io.fetch_output(), tester.io.fetch_error()


def test_routes_prints_a_table_of_the_router_listing(project: Path) -> None:
    write_wsgi(project, ROUTER)
    status, out, err = run()
    assert (status, err) == (0, "")
    lines = [line for line in out.splitlines() if line.startswith("|")]
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    assert cells[0] == ["Methods", "Path", "Name", "Middleware", "Target"]
    assert cells[1] == ["GET, HEAD", "/", "welcome", "", "WelcomeController@show"]
    assert cells[2] == ["POST", "/posts/@id:int", "", "auth, throttle:5,1", "wsgi.show"]
    assert cells[3] == ["GET", "/<script>", "x", "", "<b>Tag</b>@show"]


def test_routes_with_no_routes(project: Path) -> None:
    write_wsgi(
        project,
        "from fake_container import FakeContainer\n"
        "class Router:\n    def routes(self):\n        return []\n"
        "container = FakeContainer({'Router': Router()})\n",
    )
    assert run() == (0, "The project has no routes.\n", "")


def test_routes_outside_a_project(workdir: Path) -> None:
    status, out, err = run()
    assert (status, out) == (1, "")
    assert err == (
        f"craft: not inside a Masonite project: {workdir} has no wsgi.py (cd into the project)\n"
    )


def test_routes_when_wsgi_fails_to_import(project: Path) -> None:
    write_wsgi(project, "import no_such_module_here\n")
    status, out, err = run()
    assert (status, out) == (1, "")
    assert err == (
        "craft: could not import the project's wsgi.py: ModuleNotFoundError: "
        "No module named 'no_such_module_here'\n"
    )


def test_routes_when_wsgi_raises_a_multi_line_error(project: Path) -> None:
    write_wsgi(project, "raise RuntimeError('first\\nsecond')\n")
    status, _, err = run()
    assert status == 1
    assert err == "craft: could not import the project's wsgi.py: RuntimeError: first\n"


def test_routes_when_wsgi_has_a_syntax_error(project: Path) -> None:
    write_wsgi(project, "def broken(:\n")
    status, _, err = run()
    assert status == 1
    assert err.startswith("craft: could not import the project's wsgi.py: SyntaxError: ")
    assert "wsgi.py, line 1" in err
    assert err.count("\n") == 1


def test_routes_when_wsgi_exits(project: Path) -> None:
    write_wsgi(project, "import sys\nsys.exit(3)\n")
    status, _, err = run()
    assert status == 1
    assert err == "craft: could not import the project's wsgi.py: SystemExit: 3\n"


def test_routes_without_a_container(project: Path) -> None:
    write_wsgi(project, "application = None\n")
    status, _, err = run()
    assert status == 1
    assert err == "craft: the project's wsgi.py exposes no service container named 'container'\n"


def test_routes_without_a_router_binding(project: Path) -> None:
    write_wsgi(project, "from fake_container import FakeContainer\ncontainer = FakeContainer({})\n")
    status, _, err = run()
    assert status == 1
    assert err == "craft: could not list the routes: KeyError: 'Router'\n"


def test_routes_through_the_application(craft: Callable[[str], Any], project: Path) -> None:
    write_wsgi(project, ROUTER)
    result = craft("routes")
    assert result.status == 0
    assert "WelcomeController@show" in result.out


def test_routes_usage_error(craft: Callable[[str], Any], project: Path) -> None:
    result = craft("routes extra")
    assert result.status == 1
    assert result.err == (
        'craft: No arguments expected for "routes" command, got "extra"'
        " (see: craft routes --help)\n"
    )
