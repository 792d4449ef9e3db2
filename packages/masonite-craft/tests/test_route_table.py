from __future__ import annotations

from types import SimpleNamespace

from masonite.craft.route_table import HEADERS, route_table, target_text


class Controller:
    def show(self) -> str:
        return ""


def handler() -> str:
    return ""


def info(**fields: object) -> SimpleNamespace:
    defaults: dict[str, object] = {
        "methods": ("GET",),
        "path": "/",
        "name": None,
        "middleware": (),
        "target": "C@m",
    }
    return SimpleNamespace(**{**defaults, **fields})


def test_route_table() -> None:
    headers, rows = route_table(
        [
            info(methods=("GET", "HEAD"), name="home", middleware=("auth", "throttle:5,1")),
            info(methods=frozenset({"PUT", "DELETE", "PATCH"}), path="/x/@id:int"),
            info(methods="GET", middleware=None, name=""),
        ]
    )
    assert headers == list(HEADERS)
    assert rows == [
        ["GET, HEAD", "/", "home", "auth, throttle:5,1", "C@m"],
        ["DELETE, PATCH, PUT", "/x/@id:int", "", "", "C@m"],
        ["GET", "/", "", "", "C@m"],
    ]


def test_a_domain_column_only_when_a_route_has_a_domain() -> None:
    assert route_table([info(domain=None)])[0] == list(HEADERS)
    headers, rows = route_table([info(domain=None), info(domain="@user.example.com")])
    assert headers == ["Methods", "Path", "Domain", "Name", "Middleware", "Target"]
    assert [row[2] for row in rows] == ["", "@user.example.com"]


def test_no_routes() -> None:
    assert route_table([]) == (list(HEADERS), [])


def test_target_text() -> None:
    assert target_text("WelcomeController@show") == "WelcomeController@show"
    assert target_text(None) == ""
    assert target_text(handler) == f"{__name__}.handler"
    assert target_text(Controller.show) == f"{__name__}.Controller.show"
    assert target_text(Controller().show) == f"{__name__}.Controller.show"
    assert target_text(42) == "42"
