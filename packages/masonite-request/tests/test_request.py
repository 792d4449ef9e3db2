from __future__ import annotations

import io
from typing import Any

import pytest

from masonite.request import BadRequest, Request, Response, UnsafeRedirect
from masonite.request.testing import create_environ


class ExplodingInput(io.RawIOBase):
    """A wsgi.input that fails the test if anything reads it."""

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the body was read")


def test_building_a_request_parses_nothing() -> None:
    environ = create_environ(
        "POST", "/x?a=1", data={"f": "1"}, headers={"Accept": "text/html"}, cookies={"c": "1"}
    )
    environ["wsgi.input"] = ExplodingInput()
    request = Request(environ)
    for slot in (
        "_method",
        "_path",
        "_query",
        "_body",
        "_form",
        "_cookies",
        "_headers",
    ):
        assert getattr(request, slot) is None, slot
    assert request.query("a") == "1"  # the query string alone does not touch the body
    assert request._form is None
    assert request.cookie("c") == "1"
    assert request._body is None


def test_parsed_parts_are_cached() -> None:
    request = Request(create_environ("GET", "/x", query={"a": "1"}, cookies={"c": "1"}))
    assert request._query_data() is request._query_data()
    assert request.cookies is request.cookies
    assert request.headers is request.headers
    assert request.response is request.response


def test_request_keeps_a_dict_for_middleware() -> None:
    request = Request(create_environ())
    request.user = "ana"  # type: ignore[attr-defined]
    request.session = {"k": 1}  # type: ignore[attr-defined]
    assert request.user == "ana"  # type: ignore[attr-defined]
    assert request.__dict__ == {"user": "ana", "session": {"k": 1}}


def test_method_path_and_request_line_attributes() -> None:
    request = Request(
        create_environ(
            "GET",
            "https://example.com:8443/blog/post?page=2",
            headers={"Referer": "https://example.com/", "X-Requested-With": "XMLHttpRequest"},
        )
    )
    assert request.method == "GET"
    assert request.path == "/blog/post"
    assert request.scheme == "https"
    assert request.host == "example.com"
    assert request.port == 8443
    assert request.query_string == "page=2"
    assert request.referrer == "https://example.com/"
    assert request.remote_addr == "127.0.0.1"
    assert request.url() == "https://example.com:8443/blog/post"
    assert request.full_url() == "https://example.com:8443/blog/post?page=2"
    assert request.is_ajax()
    assert not request.is_post()
    assert request.is_method("get")
    assert not request.is_method("POST")
    assert "GET" in repr(request)


def test_default_port_is_left_out_of_urls() -> None:
    request = Request(create_environ("GET", "http://example.com/a"))
    assert request.port == 80
    assert request.url() == "http://example.com/a"
    assert request.full_url() == "http://example.com/a"


def test_host_falls_back_to_server_name() -> None:
    environ = create_environ()
    del environ["HTTP_HOST"]
    environ.update(SERVER_NAME="Internal", SERVER_PORT="8000")
    request = Request(environ)
    assert (request.host, request.port) == ("internal", 8000)
    assert request.url() == "http://internal:8000/"


def test_ipv6_host() -> None:
    request = Request(create_environ("GET", "http://[::1]:8000/"))
    assert request.host == "[::1]"
    assert request.port == 8000
    assert request.url() == "http://[::1]:8000/"


@pytest.mark.parametrize("host", ["evil.com/x", "a b", "example.com:99999", "example.com:x", "@x"])
def test_malformed_host_header_is_a_400(host: str) -> None:
    request = Request(create_environ(headers={"Host": host}))
    with pytest.raises(BadRequest, match="Host"):
        request.host  # noqa: B018


def test_path_is_decoded_as_utf8() -> None:
    assert Request(create_environ("GET", "/caf%C3%A9/na%C3%AFve")).path == "/café/naïve"
    assert Request(create_environ("GET", "/日本")).path == "/日本"


def test_undecodable_path_is_a_400() -> None:
    request = Request(create_environ("GET", "/%FF%FE"))
    with pytest.raises(BadRequest, match="path"):
        request.path  # noqa: B018


def test_empty_path_is_root() -> None:
    environ = create_environ()
    environ["PATH_INFO"] = ""
    environ["SCRIPT_NAME"] = "/app"
    assert Request(environ).path == "/"


def test_script_name_is_excluded_from_path_and_included_in_url() -> None:
    environ = create_environ("GET", "/users/1", query={"x": "1"})
    environ["SCRIPT_NAME"] = "/mount"
    request = Request(environ)
    assert request.path == "/users/1"
    assert request.script_name == "/mount"
    assert request.url() == "http://localhost/mount/users/1"
    assert request.full_url() == "http://localhost/mount/users/1?x=1"


def test_url_quotes_the_decoded_path() -> None:
    request = Request(create_environ("GET", "/a%20b/caf%C3%A9"))
    assert request.path == "/a b/café"
    assert request.url() == "http://localhost/a%20b/caf%C3%A9"


def test_full_url_encodes_raw_query_bytes() -> None:
    environ = create_environ()
    environ["QUERY_STRING"] = "q=caf\xc3\xa9"
    assert Request(environ).full_url() == "http://localhost/?q=caf%C3%A9"


def test_params_load_and_read() -> None:
    request = Request(create_environ())
    assert request.params == {}
    assert request.route is None
    request.load_params({"id": 5})
    request.load_params({"slug": "x"})
    assert request.params == {"id": 5, "slug": "x"}
    assert request.param("id") == 5
    assert request.param("missing", "d") == "d"
    request.route = "the route"
    assert request.route == "the route"


def test_headers_read_by_any_spelling() -> None:
    request = Request(create_environ(headers={"X-Token": "abc", "Content-Type": "text/plain"}))
    assert request.header("X-Token") == "abc"
    assert request.header("x-token") == "abc"
    assert request.header("HTTP_X_TOKEN") == "abc"
    assert request.header("Content-Type") == request.header("CONTENT_TYPE") == "text/plain"
    assert request.header("Missing") is None
    assert request.headers.get("x-token") == "abc"
    assert request.headers.get("nope", "d") == "d"


def test_header_with_value_writes_to_the_response() -> None:
    request = Request(create_environ())
    returned = request.header("X-Frame-Options", "DENY")
    assert returned is request.response
    assert request.response.headers["x-frame-options"] == "DENY"
    assert request.header("X-Frame-Options") is None  # incoming headers are untouched


def test_cookie_reading_and_writing() -> None:
    request = Request(create_environ(cookies={"session": "abc", "theme": "dark"}))
    assert request.cookie("session") == "abc"
    assert request.cookie("missing") is None
    assert request.cookies == {"session": "abc", "theme": "dark"}
    response = request.cookie("flash", "hi", http_only=False, max_age=60)
    assert response is request.response
    assert response.cookies == ["flash=hi; Max-Age=60; Path=/; SameSite=Lax"]
    assert request.delete_cookie("theme") is request.response
    assert any(value.startswith("theme=;") for value in response.cookies)


def test_cookie_set_through_the_request_is_secure_on_https() -> None:
    request = Request(create_environ(environ={"wsgi.url_scheme": "https"}))
    assert request.cookie("a", "1").cookies == ["a=1; Path=/; Secure; HttpOnly; SameSite=Lax"]


def test_response_is_paired_with_the_request_and_replaceable() -> None:
    environ = create_environ()
    request = Request(environ)
    response = request.response
    assert request.response is response
    assert isinstance(response, Response)
    assert response.environ is environ
    other = Response(environ)
    request.response = other
    assert request.response is other


def test_conveniences_return_the_response() -> None:
    request = Request(create_environ())
    assert request.status(201) is request.response
    assert request.response.status_code == 201
    redirected = request.redirect("/home")
    assert redirected is request.response
    assert redirected.headers["Location"] == "/home"
    assert redirected.status_code == 302
    assert request.redirect("/moved", 301).status_code == 301


def test_request_redirect_refuses_other_origins() -> None:
    request = Request(create_environ())
    with pytest.raises(UnsafeRedirect):
        request.redirect("https://evil.example/")
    assert (
        request.redirect("https://evil.example/", external=True).headers["Location"]
        == "https://evil.example/"
    )


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, False),
        ("application/json", True),
        ("text/html", False),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", False),
        ("application/json, text/plain, */*", True),
        ("text/html;q=0.5, application/json", True),
        ("application/json;q=0.4, text/html;q=0.9", False),
        ("application/json;q=0", False),
        ("*/*", False),
        ("application/*", True),
        ("application/json, text/html", True),
        ("text/html, application/json", False),
        ("application/json;q=abc", False),
        ("application/json;q=nan", False),
        (",,;;", False),
    ],
)
def test_wants_json(accept: str | None, expected: bool) -> None:
    headers = {} if accept is None else {"Accept": accept}
    assert Request(create_environ(headers=headers)).wants_json() is expected


def test_query_values() -> None:
    request = Request(
        create_environ("GET", "/?a=1&b=2&b=3&c[]=4&user[name]=ana&empty=&flag&sp=a+b%20c")
    )
    assert request.query("a") == "1"
    assert request.query("b") == ["2", "3"]
    assert request.query("c") == ["4"]
    assert request.query("user") == {"name": "ana"}
    assert request.query("user.name") == "ana"
    assert request.query("empty") == ""
    assert request.query("flag") == ""
    assert request.query("sp") == "a b c"
    assert request.query("missing") is None
    assert request.query("missing", "d") == "d"
    assert request.query("a", multi=True) == ["1"]
    assert request.query("b", multi=True) == ["2", "3"]
    assert request.query("missing", multi=True) == []
    assert request.query("missing", ["x"], multi=True) == ["x"]


def test_query_is_not_html_escaped() -> None:
    request = Request(create_environ(query={"q": "<script>&\"'"}))
    assert request.query("q") == "<script>&\"'"


def test_query_raw_utf8_bytes_are_decoded() -> None:
    environ = create_environ()
    environ["QUERY_STRING"] = "q=caf\xc3\xa9"
    assert Request(environ).query("q") == "café"


@pytest.mark.parametrize("query", ["a=%zz", "a=%", "a=%e9", "a=%C3", "%ff=1", "q=\xff"])
def test_malformed_query_is_a_400(query: str) -> None:
    environ = create_environ()
    environ["QUERY_STRING"] = query
    request = Request(environ)
    with pytest.raises(BadRequest):
        request.query("a")


def test_back_uses_back_input_then_referrer_then_default() -> None:
    request = Request(create_environ("POST", "/save", data={"__back": "/form?x=1"}))
    assert request.back().headers["Location"] == "/form?x=1"

    request = Request(create_environ("POST", "/save", headers={"Referer": "http://localhost/edit"}))
    assert request.back().headers["Location"] == "http://localhost/edit"

    request = Request(
        create_environ(
            "POST",
            "/save",
            data={"__back": "https://evil.example/"},
            headers={"Referer": "https://evil.example/"},
        )
    )
    assert request.back("/home").headers["Location"] == "/home"

    request = Request(create_environ("GET", "/save"))
    assert request.back().headers["Location"] == "/"


def test_back_ignores_a_broken_body() -> None:
    environ = create_environ(
        "POST",
        "/save",
        body=b"a=%zz",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert Request(environ).back().headers["Location"] == "/"


def _environ_with(**values: Any) -> dict[str, Any]:
    environ = create_environ()
    environ.update(values)
    return environ


def test_missing_request_method_defaults_to_get() -> None:
    environ = _environ_with()
    del environ["REQUEST_METHOD"]
    assert Request(environ).method == "GET"
