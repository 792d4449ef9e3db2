"""A project made by ``craft new`` from this template, booted and served in-process."""

from __future__ import annotations

import os
import py_compile
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cleo.testers.application_tester import ApplicationTester

from masonite.craft.application import CraftApplication
from masonite.request.testing import Client

TOKEN = re.compile(r'name="__token" value="([^"]+)"')


def form_token(client: Client) -> str:
    page = client.get("/contact")
    assert page.status_code == 200
    found = TOKEN.search(page.text)
    assert found is not None
    return found.group(1)


# -- what craft new wrote -------------------------------------------------------------


def test_every_python_file_compiles_after_rendering(generated: Path, tmp_path: Path) -> None:
    sources = sorted(generated.rglob("*.py"))
    assert len(sources) >= 20
    for source in sources:
        py_compile.compile(str(source), cfile=str(tmp_path / "out.pyc"), doraise=True)


def test_python_lines_fit_the_default_88_columns(generated: Path) -> None:
    # What ruff and black expect when the project has no settings of its own.
    long = [
        f"{path.relative_to(generated)}:{number}"
        for path in sorted(generated.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > 88
    ]
    assert long == []


def test_no_placeholder_and_no_suffix_is_left(generated: Path) -> None:
    for path in generated.rglob("*"):
        assert not path.name.endswith("-tpl")
        assert not path.name.startswith("dot-")
        if path.is_file() and path.suffix != ".ico":
            text = path.read_text(encoding="utf-8")
            assert re.search(r"\{\{\s*(project_name|app_key)\s*\}\}", text) is None, path


def test_the_project_name_is_rendered(generated: Path) -> None:
    assert 'name = "blog"' in (generated / "pyproject.toml").read_text()
    assert (generated / "README.md").read_text().startswith("# blog\n")
    assert "APP_NAME=blog\n" in (generated / ".env-example").read_text()


def test_env_has_a_fresh_private_key_and_the_example_has_none(generated: Path) -> None:
    env = (generated / ".env").read_text()
    key = re.search(r"^KEY=(.+)$", env, re.MULTILINE)
    assert key is not None
    assert len(key.group(1)) == 44
    assert re.search(r"^KEY=$", (generated / ".env-example").read_text(), re.MULTILINE)
    assert stat.S_IMODE((generated / ".env").stat().st_mode) == 0o600


def test_the_favicon_is_copied_byte_for_byte(generated: Path) -> None:
    from masonite.skeleton import template_path

    original = (template_path() / "storage" / "public" / "favicon.ico").read_bytes()
    assert (generated / "storage" / "public" / "favicon.ico").read_bytes() == original


# -- requests, in-process -------------------------------------------------------------


def test_welcome_page(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<title>blog</title>" in response.text
    assert "blog is running" in response.text
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers.get("Set-Cookie") is None


def test_api_route_answers_json(client: Client) -> None:
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json() == {"status": "ok", "name": "blog"}


def test_unknown_path_renders_the_404_view(client: Client) -> None:
    response = client.get("/missing/<script>")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "<script>" not in response.text  # the path is escaped
    assert '<link rel="stylesheet" href="/static/css/app.css">' in response.text


@pytest.mark.parametrize(
    ("path", "content_type", "needle"),
    [
        ("/static/robots.txt", "text/plain", b"User-agent: *"),
        ("/static/css/app.css", "text/css", b":root"),
        ("/robots.txt", "text/plain", b"User-agent: *"),
        ("/favicon.ico", "image/", b"\x00\x00\x01\x00"),
    ],
)
def test_static_files(client: Client, path: str, content_type: str, needle: bytes) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(content_type)
    assert needle in response.content


def test_csrf_refuses_a_post_without_the_token(client: Client) -> None:
    form_token(client)
    response = client.post("/contact", data={"name": "Ada", "message": "Hi"})
    assert response.status_code == 403
    assert "CSRF" in response.text


def test_csrf_refuses_a_token_from_another_session(client: Client) -> None:
    token = form_token(client)
    client.cookies.clear()
    form_token(client)
    data = {"__token": token, "name": "Ada", "message": "Hi"}
    assert client.post("/contact", data=data).status_code == 403


def test_csrf_passes_with_the_token_and_the_flash_shows_once(client: Client) -> None:
    data = {"__token": form_token(client), "name": "Ada <b>", "message": "Hi"}
    response = client.post("/contact", data=data)
    assert response.status_code == 302
    assert response.location is not None
    assert response.location.endswith("/contact")
    first = client.get("/contact").text
    assert "Thank you, Ada &lt;b&gt;: your message has been received." in first
    assert "Thank you" not in client.get("/contact").text
    assert "Thank you" not in client.get("/").text


def test_a_hostile_form_gets_a_422_not_a_crash(client: Client) -> None:
    data = {"__token": form_token(client), "name[]": ["a", "b"], "message": "x" * 3000}
    response = client.post("/contact", data=data)
    assert response.status_code == 422
    assert "Please tell us your name." in response.text
    assert "at most 2000 characters" in response.text


def test_the_session_cookie_is_secure_over_https(client: Client) -> None:
    (cookie,) = client.get("/contact", environ={"wsgi.url_scheme": "https"}).headers.get_all(
        "Set-Cookie"
    )
    assert "; Secure" in cookie
    client.cookies.clear()
    (cookie,) = client.get("/contact").headers.get_all("Set-Cookie")
    assert "; Secure" not in cookie  # http://127.0.0.1:8000 keeps its session


def test_the_contact_pages_are_not_cached(client: Client) -> None:
    assert client.get("/contact").headers["Cache-Control"] == "no-store"
    assert client.get("/").headers.get("Cache-Control") is None


# -- changing the project ---------------------------------------------------------------

BOOM = """
class BoomController:
    def show(self) -> str:
        raise RuntimeError("secret detail of the failure")
"""


def failing_app(root: Path, boot: Callable[[Path], Client]) -> Client:
    """Add a route whose controller raises, then boot the app."""
    (root / "app" / "http" / "controllers" / "BoomController.py").write_text(BOOM)
    with (root / "routes" / "web.py").open("a") as routes:
        routes.write('\nROUTES.append(Get("/boom", "BoomController@show"))\n')
    return boot(root)


def test_500_page_in_production_is_errors_500_and_hides_the_error(
    fresh: Path, boot: Callable[[Path], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_DEBUG", "false")
    response = failing_app(fresh, boot).get("/boom")
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert "secret detail" not in response.text


def test_500_page_in_debug_shows_the_traceback(
    fresh: Path, boot: Callable[[Path], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_DEBUG", "true")
    response = failing_app(fresh, boot).get("/boom")
    assert response.status_code == 500
    assert "secret detail of the failure" in response.text
    assert "Traceback" in response.text


def test_a_production_app_without_key_refuses_to_start(
    fresh: Path, boot: Callable[[Path], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    from masonite.providers import ConfigError

    (fresh / ".env").unlink()
    monkeypatch.delenv("KEY", raising=False)
    monkeypatch.setenv("APP_DEBUG", "false")
    with pytest.raises(ConfigError, match="craft key --store"):
        boot(fresh)


def test_craft_routes_lists_the_routes_of_the_project(
    generated: Path, boot: Callable[[Path], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(generated)
    tester = ApplicationTester(CraftApplication(generated))
    assert tester.execute("routes") == 0
    out = tester.io.fetch_output()
    for expected in (
        "/contact",
        "ContactController@store",
        "no-cache",
        "/api/health",
        "api.health",
    ):
        assert expected in out


def test_generators_write_into_the_project(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(fresh)
    tester = ApplicationTester(CraftApplication(fresh))
    assert tester.execute("view blog.post") == 0
    view = (fresh / "resources" / "templates" / "blog" / "post.html").read_text()
    assert view.startswith('{% extends "base.html" %}')  # the layout's blocks are title/content
    assert tester.execute("controller Blog") == 0
    assert (fresh / "app" / "http" / "controllers" / "BlogController.py").is_file()


# -- the project's own tests ------------------------------------------------------------


def test_the_projects_own_tests_pass(generated: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    environ["PYTHONDONTWRITEBYTECODE"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=generated,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.search(r"\b1\d passed\b", result.stdout), result.stdout[-500:]
