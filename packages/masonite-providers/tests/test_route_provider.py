from __future__ import annotations

from masonite.request.testing import Client
from masonite.routing import Router


def test_router_is_bound_and_compiled(client: Client) -> None:
    import wsgi

    router = wsgi.container.make("Router")
    assert isinstance(router, Router)
    paths = [info.path for info in router.routes()]
    assert "/" in paths
    assert "/api/items/@id:int" in paths
    assert router.url("users.show", id=3) == "/users/3"


def test_controller_strings_with_constructor_and_method_injection(client: Client) -> None:
    response = client.get("/users/42")
    assert response.json() == {"id": 42, "type": "int", "path": "/users/42"}
    assert client.get("/users/abc").status_code == 404


def test_http_middleware_runs_on_404_and_405(client: Client) -> None:
    for response in (client.get("/nowhere"), client.get("/session/flash")):
        assert response.status_code in (404, 405)
        assert response.headers.get("X-Frame-Options") == "SAMEORIGIN"
    assert client.get("/session/flash").headers.get("Allow") == "POST, OPTIONS"


def test_route_middleware_redirect_skips_the_controller(client: Client) -> None:
    response = client.get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "dashboard of" not in response.text
    assert client.get("/dashboard?user=ada").text == "dashboard of ada"


def test_route_middleware_arguments_and_after_injection(client: Client) -> None:
    response = client.get("/tagged/x?user=ada")
    assert response.json() == {"name": "x", "tags": ["one", "two"]}
    assert response.headers["X-Tags"] == "one+two"


def test_api_routes_are_matched_after_web_routes(client: Client) -> None:
    assert client.get("/api/items/5").json() == {"item": 5}
