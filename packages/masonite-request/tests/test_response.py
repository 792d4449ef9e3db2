from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from masonite.request import (
    BadRequest,
    MethodNotAllowed,
    NotFound,
    Response,
    UnsafeHeader,
    UnsafeRedirect,
)
from masonite.request.testing import create_environ


def body_of(response: Response, method: str = "GET") -> tuple[str, dict[str, str], bytes]:
    status, headers, body = response.to_wsgi(create_environ(method))
    try:
        data = b"".join(body)
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return status, dict(headers), data


def test_a_new_response_is_200_empty_and_unset() -> None:
    response = Response()
    assert response.status_code == 200
    assert response.status_line == "200 OK"
    assert not response.is_set()
    assert not response.is_redirect()
    assert response.error is None
    assert response.body == b""
    status, headers, data = body_of(response)
    assert status == "200 OK"
    assert headers == {"Content-Type": "text/html; charset=utf-8", "Content-Length": "0"}
    assert data == b""


def test_status_uses_standard_phrases_and_refuses_unknown_codes() -> None:
    response = Response()
    assert response.status(418) is response
    assert response.status_line == "418 I'm a Teapot" or response.status_line.startswith("418 ")
    assert response.is_set()
    assert response.status(201).status_line == "201 Created"
    for code in (99, 600, 299, True):
        with pytest.raises(ValueError, match="status"):
            response.status(code)


def test_view_str_is_utf8_html() -> None:
    response = Response().view("héllo")
    assert response.is_set()
    _status, headers, data = body_of(response)
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Length"] == str(len("héllo".encode()))
    assert data == "héllo".encode()


def test_view_keeps_a_content_type_set_before() -> None:
    response = Response().header("Content-Type", "text/plain; charset=utf-8").view("x")
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_view_bytes_is_octet_stream() -> None:
    assert Response().view(b"\x00\x01").headers["Content-Type"] == "application/octet-stream"
    assert body_of(Response().view(bytearray(b"ab")))[2] == b"ab"


def test_view_dict_and_list_are_json() -> None:
    response = Response().view({"a": [1, "é"]})
    _status, headers, data = body_of(response)
    assert headers["Content-Type"] == "application/json"
    assert json.loads(data) == {"a": [1, "é"]}
    assert body_of(Response().view([1, 2]))[2] == b"[1,2]"


def test_view_tuple_sets_status() -> None:
    response = Response().view(("created", 201))
    assert response.status_code == 201
    assert response.body == b"created"
    with pytest.raises(TypeError):
        Response().view(("a", "b", "c"))


def test_view_status_argument_and_default_keeps_status() -> None:
    assert Response().view("x", 404).status_code == 404
    assert Response().status(201).view("x").status_code == 201
    assert Response().status(201).json({"a": 1}).status_code == 201
    assert Response().json([], status=202).status_code == 202


def test_view_none_is_empty() -> None:
    response = Response().view(None)
    assert response.is_set()
    assert response.body == b""


def test_view_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        Response().view(42)
    with pytest.raises(TypeError):
        Response().view(object())


def test_view_iterable_is_streamed() -> None:
    def chunks() -> Iterator[str | bytes]:
        yield "a"
        yield b"b"

    _status, headers, data = body_of(Response().view(chunks()))
    assert data == b"ab"
    assert "Content-Length" not in headers
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_stream_closes_its_source() -> None:
    closed: list[bool] = []

    class Source:
        def __iter__(self) -> Iterator[bytes]:
            yield b"x"

        def close(self) -> None:
            closed.append(True)

    response = Response().stream(Source(), content_type="text/plain")
    assert response.headers["Content-Type"] == "text/plain"
    assert body_of(response)[2] == b"x"
    assert closed == [True]


def test_view_another_response_takes_it_over() -> None:
    other = Response().view("other", 202).header("X-A", "1").cookie("c", "v")
    response = Response()
    assert response.view(other) is response
    status, headers, data = body_of(response)
    assert status == "202 Accepted"
    assert headers["X-A"] == "1"
    assert data == b"other"
    assert response.cookies == ["c=v; Path=/; HttpOnly; SameSite=Lax"]
    assert response.view(response) is response


def test_json_is_strict() -> None:
    with pytest.raises(ValueError):
        Response().json({"x": float("nan")})
    with pytest.raises(ValueError):
        Response().json([float("inf")])
    with pytest.raises(TypeError):
        Response().json({"x": object()})
    assert Response().json("é").body == '"é"'.encode()


def test_header_validation() -> None:
    response = Response()
    assert response.header("X-A", "1") is response
    with pytest.raises(ValueError):
        response.header("X-A", "1\r\nSet-Cookie: evil=1")
    with pytest.raises(ValueError):
        response.header("Bad Name", "1")


def test_cookies_with_every_attribute() -> None:
    when = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    response = Response().cookie(
        "sid",
        "abc",
        expires=when,
        max_age=3600,
        path="/app",
        domain="example.com",
        secure=True,
        http_only=True,
        same_site="Strict",
    )
    assert response.cookies == [
        "sid=abc; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Max-Age=3600; Domain=example.com; "
        "Path=/app; Secure; HttpOnly; SameSite=Strict"
    ]
    _status, headers, _ = body_of(response)
    assert headers["Set-Cookie"].startswith("sid=abc;")


def test_cookies_are_secure_by_default_on_https_only() -> None:
    https = create_environ(environ={"wsgi.url_scheme": "https"})
    assert "; Secure" in Response(https).cookie("a", "1").cookies[0]
    assert "; Secure" not in Response(create_environ()).cookie("a", "1").cookies[0]
    assert "; Secure" not in Response().cookie("a", "1").cookies[0]  # no request known
    assert "; Secure" not in Response(https).cookie("a", "1", secure=False).cookies[0]
    assert "; Secure" in Response(create_environ()).cookie("a", "1", secure=True).cookies[0]
    # SameSite=None needs Secure: implied on HTTPS, refused on HTTP.
    assert "SameSite=None" in Response(https).cookie("a", "1", same_site="None").cookies[0]
    with pytest.raises(ValueError, match="requires secure=True"):
        Response(create_environ()).cookie("a", "1", same_site="None")


def test_cookie_replaced_by_name_path_and_domain() -> None:
    response = Response().cookie("a", "1").cookie("a", "2").cookie("a", "3", path="/x")
    assert response.cookies == [
        "a=2; Path=/; HttpOnly; SameSite=Lax",
        "a=3; Path=/x; HttpOnly; SameSite=Lax",
    ]


def test_delete_cookie() -> None:
    response = Response().cookie("a", "1").delete_cookie("a")
    (header,) = response.cookies
    assert header.startswith("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/")
    assert "Domain=d.example" in Response().delete_cookie("a", domain="d.example").cookies[0]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("bad name", "v"),
        ("a;b", "v"),
        ("", "v"),
        ("a", "v\r\nx"),
        ("a", "v;Path=/"),
        ("a", 'v"'),
        ("a", "é"),
        ("a", "a b"),
    ],
)
def test_cookie_names_and_values_are_validated(name: str, value: str) -> None:
    with pytest.raises(ValueError) as refused:
        Response().cookie(name, value)
    # A refused value is request data echoed into the cookie (a 400); a name is code's.
    assert isinstance(refused.value, UnsafeHeader) == (name == "a")


def test_cookie_attribute_validation() -> None:
    with pytest.raises(ValueError):
        Response().cookie("a", "1", path="/;x")
    with pytest.raises(ValueError):
        Response().cookie("a", "1", domain="evil.com; Secure")
    with pytest.raises(ValueError):
        Response().cookie("a", "1", same_site="Maybe")
    with pytest.raises(ValueError):
        Response().cookie("a", "1", same_site="None")
    assert "SameSite=None" in Response().cookie("a", "1", same_site="none", secure=True).cookies[0]
    assert "SameSite" not in Response().cookie("a", "1", same_site=None).cookies[0]
    assert "HttpOnly" not in Response().cookie("a", "1", http_only=False).cookies[0]
    assert Response().cookie("a", '"quoted"').cookies[0].startswith('a="quoted"')


def test_cookie_expiry_forms() -> None:
    assert "Max-Age=120" in Response().cookie("a", "1", max_age=timedelta(minutes=2)).cookies[0]
    assert "Max-Age=0" in Response().cookie("a", "1", max_age=-5).cookies[0]
    assert (
        "Expires=Thu, 01 Jan 1970 00:00:10 GMT"
        in Response().cookie("a", "1", expires=10).cookies[0]
    )
    naive = datetime(2030, 1, 1)
    assert (
        "Expires=Tue, 01 Jan 2030 00:00:00 GMT"
        in Response().cookie("a", "1", expires=naive).cookies[0]
    )
    assert "Expires=" in Response().cookie("a", "1", expires="5 minutes").cookies[0]
    assert "Expires=" in Response().cookie("a", "1", expires=timedelta(days=1)).cookies[0]
    with pytest.raises(ValueError):
        Response().cookie("a", "1", expires="soon")
    with pytest.raises(TypeError):
        Response().cookie("a", "1", expires=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Response().cookie("a", "1", max_age="5")  # type: ignore[arg-type]


def test_redirect_same_origin() -> None:
    environ = create_environ("GET", "http://example.com/")
    response = Response(environ).redirect("/dashboard")
    assert response.is_redirect()
    assert response.is_set()
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"
    assert Response(environ).redirect("http://example.com/x", 303).status_code == 303
    assert Response(environ).redirect("//example.com/x").headers["Location"] == "//example.com/x"
    assert Response(environ).redirect("?page=2").is_redirect()
    assert Response(environ).redirect("/caf\xe9 x").headers["Location"] == "/caf%C3%A9%20x"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "http:evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        "data:text/html,x",
        " //evil.example",
        "/\t/evil.example",
        "http://example.com.evil.example/",
        "http://example.com:8080/",
        "https://example.com/",  # another port (443) than the request's 80
        "http://user@evil.example/",
        "/x\r\nSet-Cookie: a=1",
    ],
)
def test_redirect_refuses_other_origins(target: str) -> None:
    response = Response(create_environ("GET", "http://example.com/"))
    with pytest.raises(UnsafeRedirect) as info:
        response.redirect(target)
    assert info.value.status == 400
    assert not response.is_set()


def test_redirect_external_opt_in_and_no_environ() -> None:
    assert Response().redirect("/x").headers["Location"] == "/x"
    with pytest.raises(UnsafeRedirect):
        Response().redirect("http://localhost/x")
    response = Response().redirect("https://other.example/a b", external=True)
    assert response.headers["Location"] == "https://other.example/a%20b"
    response = Response().redirect("https://other.example/\r\nX: y", external=True)
    assert "\r" not in response.headers["Location"]


def test_redirect_status_must_be_a_redirect() -> None:
    with pytest.raises(ValueError):
        Response().redirect("/", 200)


def test_abort_html_escapes_and_keeps_cookies() -> None:
    response = Response().cookie("a", "1").redirect("/x")
    response.abort(NotFound("<no> such & post"))
    assert response.error is not None
    assert response.error.status == 404
    assert response.status_code == 404
    assert not response.is_redirect()
    status, headers, data = body_of(response)
    assert status == "404 Not Found"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Location" not in headers
    assert b"&lt;no&gt; such &amp; post" in data
    assert b"404 Not Found" in data
    assert response.cookies


def test_abort_json_and_exception_headers() -> None:
    response = Response().abort(MethodNotAllowed(["GET", "POST"]), json=True)
    status, headers, data = body_of(response)
    assert status == "405 Method Not Allowed"
    assert headers["Allow"] == "GET, POST"
    assert headers["Content-Type"] == "application/json"
    assert json.loads(data) == {"error": {"status": 405, "message": "Method Not Allowed"}}
    assert isinstance(response.error, MethodNotAllowed)


def test_abort_with_custom_status_subclass() -> None:
    class Teapot(BadRequest):
        status = 418

    assert Response().abort(Teapot()).status_code == 418


@pytest.mark.parametrize("code", [204, 304])
def test_no_body_statuses_drop_body_and_content_type(code: int) -> None:
    response = Response().view("ignored").status(code)
    status, headers, data = body_of(response)
    assert status.startswith(str(code))
    assert "Content-Type" not in headers
    assert "Content-Length" not in headers
    assert data == b""


@pytest.mark.parametrize("code", [204, 304])
def test_no_body_statuses_keep_other_headers_cookies_and_closers(code: int) -> None:
    closed: list[str] = []
    response = Response().view("ignored").status(code)
    response.header("content-length", "7")  # any spelling is dropped
    response.header("X-Kept", "yes")
    response.header("Transfer-Encoding", "chunked")
    response.cookie("flavour", "oat")
    response.call_on_close(lambda: closed.append("closed"))
    status, headers, body = response.to_wsgi(create_environ("GET"))
    assert status.startswith(str(code))
    assert [name for name, _ in headers] == ["X-Kept", "Set-Cookie"]
    assert headers[1][1].startswith("flavour=oat")
    assert b"".join(body) == b""
    assert closed == []
    body.close()  # type: ignore[attr-defined]
    assert closed == ["closed"]


def test_head_keeps_headers_and_drops_body() -> None:
    response = Response().view("hello")
    _status, headers, data = body_of(response, "HEAD")
    assert headers["Content-Length"] == "5"
    assert data == b""


def test_file_response_from_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"file body")
    response = Response().file(path)
    _status, headers, data = body_of(response)
    assert data == b"file body"
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert headers["Content-Length"] == "9"


def test_file_response_uses_file_wrapper_when_offered(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 10)
    used: list[Any] = []

    class Wrapper:
        def __init__(self, file: Any, block_size: int) -> None:
            used.append(block_size)
            self.file = file

        def __iter__(self) -> Iterator[bytes]:
            return iter([self.file.read()])

        def close(self) -> None:
            self.file.close()

    environ = create_environ()
    environ["wsgi.file_wrapper"] = Wrapper
    _status, _headers, body = Response().file(str(path)).to_wsgi(environ)
    assert isinstance(body, Wrapper)
    assert b"".join(body) == b"x" * 10
    body.close()
    assert used


def test_file_response_without_wrapper_and_head(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"abc")
    environ = create_environ()
    del environ["wsgi.file_wrapper"]
    _, headers, body = Response().file(path).to_wsgi(environ)
    assert b"".join(body) == b"abc"
    body.close()  # type: ignore[attr-defined]
    handle = path.open("rb")
    _status, headers, body = Response().file(handle).to_wsgi(create_environ("HEAD"))
    assert list(body) == []
    assert headers[-1] == ("Content-Length", "3")
    assert handle.closed


def test_file_object_download_headers() -> None:
    response = Response().view(io.BytesIO(b"data"))
    assert response.headers["Content-Type"] == "application/octet-stream"
    _status, headers, data = body_of(response)
    assert data == b"data"
    assert "Content-Length" not in headers  # a BytesIO has no file descriptor
    response = Response().file(io.BytesIO(b"x"), filename="résumé.pdf", as_attachment=True)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="r_sum_.pdf"')
    assert "filename*=UTF-8''r%C3%A9sum%C3%A9.pdf" in disposition
    assert response.headers["Content-Type"] == "application/pdf"


def test_replacing_a_streamed_body_closes_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"a")
    handle = path.open("rb")
    response = Response().file(handle)
    response.view("text")
    assert handle.closed
    assert body_of(response)[2] == b"text"


def test_response_is_a_wsgi_app() -> None:
    started: list[Any] = []
    body = Response().view("hi")(create_environ(), lambda status, headers: started.append(status))
    assert started == ["200 OK"]
    assert list(body) == [b"hi"]
    assert repr(Response()) == "<Response 200 OK>"


def test_both_json_encoders_give_the_same_text_and_errors() -> None:
    from masonite.request import response as module

    data = {"id": 42, "name": 'é \u2028 "q"', "items": [1, 2.5, None, True, {"x": []}]}
    assert module._c_encode(data) == module._encode(data)
    assert module._dumps(data) == module._encode(data).encode()
    looped: list[object] = []
    looped.append(looped)
    for encode in (module._c_encode, module._encode):
        with pytest.raises(ValueError, match="Out of range"):
            encode([float("nan")])
        with pytest.raises(TypeError, match="not JSON serializable"):
            encode({"x": object()})
        with pytest.raises(ValueError, match="Circular"):
            encode(looped)
