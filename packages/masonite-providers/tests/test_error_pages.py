from __future__ import annotations

from pathlib import Path

from masonite.providers import ErrorPages, View
from masonite.providers.error_pages import builtin_page, debug_page
from masonite.request import NotFound, Request, Response
from masonite.request.testing import create_environ


def test_builtin_page_escapes() -> None:
    page = builtin_page(404, "<script>")
    assert "&lt;script&gt;" in page
    assert "<script>" not in page
    assert "<title>404 Not Found</title>" in page


def test_template_pages_are_found_once(tmp_path: Path) -> None:
    (tmp_path / "errors").mkdir()
    (tmp_path / "errors" / "503.html").write_text("down: {{ message }} {{ status }}")
    (tmp_path / "errors" / "notes.html").write_text("ignored")
    pages = ErrorPages(View(tmp_path))
    assert pages.templates == frozenset({503})
    assert pages.page(503, "maintenance") == "down: maintenance 503"
    assert "<title>404 Not Found</title>" in pages.page(404)


def test_a_broken_template_falls_back(tmp_path: Path) -> None:
    (tmp_path / "errors").mkdir()
    (tmp_path / "errors" / "500.html").write_text("{{ 1 / 0 }}")
    assert "<title>500 Internal Server Error</title>" in ErrorPages(View(tmp_path)).page(500)


def test_render_leaves_controller_error_bodies_alone() -> None:
    request = Request(create_environ())
    response = request.response.json({"errors": ["name"]}, 422)
    ErrorPages().render(request, response)
    assert response.body == b'{"errors":["name"]}'


def test_render_replaces_aborted_html() -> None:
    request = Request(create_environ())
    response = request.response.abort(NotFound("gone"))
    ErrorPages().render(request, response)
    assert b"<title>404 Not Found</title>" in response.body
    assert b"gone" in response.body


def test_exception_response_modes() -> None:
    try:
        raise RuntimeError("db password <x>")
    except RuntimeError as error:
        caught = error
    request = Request(create_environ())
    quiet = ErrorPages(debug=False).exception_response(caught, request, request.environ)
    assert quiet.status_code == 500
    assert b"password" not in quiet.body
    loud = ErrorPages(debug=True).exception_response(caught, request, request.environ)
    assert b"db password &lt;x&gt;" in loud.body
    assert b"Traceback" in loud.body
    assert "db password &lt;x&gt;" in debug_page(caught, None)
    missing = ErrorPages().exception_response(NotFound(), None, {})
    assert isinstance(missing, Response)
    assert missing.status_code == 404


def test_debug_page_shows_the_request_line_even_for_a_path_that_is_not_utf8() -> None:
    environ = create_environ("GET", "/caf%C3%A9")
    assert "GET /café" in debug_page(RuntimeError("x"), Request(environ))
    environ["PATH_INFO"] = "/\xff<b>"
    page = debug_page(RuntimeError("x"), Request(environ))
    assert "GET /\xff&lt;b&gt;" in page
    assert "<h1>RuntimeError</h1>" in page
