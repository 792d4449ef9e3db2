from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

import pytest

from masonite.request import Request, Response
from masonite.request.testing import Client, CookieJar, create_environ


def echo_app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    request = Request(environ)
    files = {
        name: [{"filename": item.filename, "data": item.read().decode()} for item in value]
        if isinstance(value, list)
        else {"filename": value.filename, "data": value.read().decode()}
        for name, value in request.all().items()
        if hasattr(value, "filename") or (isinstance(value, list) and hasattr(value[0], "filename"))
    }
    fields = {k: v for k, v in request.all().items() if k not in files}
    response = request.response.json(
        {
            "method": request.method,
            "path": request.path,
            "query": request.query_string,
            "input": fields,
            "files": files,
            "cookies": request.cookies,
            "token": request.header("X-Token"),
        }
    )
    status, headers, body = response.to_wsgi(environ)
    start_response(status, headers)
    return body


def test_create_environ_defaults_are_pep3333() -> None:
    environ = create_environ()
    assert environ["REQUEST_METHOD"] == "GET"
    assert environ["PATH_INFO"] == "/"
    assert environ["QUERY_STRING"] == ""
    assert environ["wsgi.url_scheme"] == "http"
    assert environ["HTTP_HOST"] == "localhost"
    assert environ["SERVER_PORT"] == "80"
    assert environ["wsgi.input"].read(10) == b""
    assert "CONTENT_LENGTH" not in environ


def test_create_environ_path_query_and_url() -> None:
    environ = create_environ(
        "post", "https://example.com:8443/caf%C3%A9?a=1", query={"b": ["2", "3"], "c": True}
    )
    assert environ["REQUEST_METHOD"] == "POST"
    assert environ["PATH_INFO"] == "/caf\xc3\xa9"
    assert environ["QUERY_STRING"] == "a=1&b=2&b=3&c=1"
    assert environ["wsgi.url_scheme"] == "https"
    assert environ["HTTP_HOST"] == "example.com:8443"
    assert environ["SERVER_PORT"] == "8443"
    assert create_environ(query="raw=1")["QUERY_STRING"] == "raw=1"


def test_create_environ_bodies() -> None:
    form = create_environ("POST", data={"a": "1", "b": ["2", "3"]})
    assert form["CONTENT_TYPE"] == "application/x-www-form-urlencoded"
    assert form["wsgi.input"].read(100) == b"a=1&b=2&b=3"
    assert form["CONTENT_LENGTH"] == "11"

    data = create_environ("POST", json={"a": [1]})
    assert data["CONTENT_TYPE"] == "application/json"
    assert json.loads(data["wsgi.input"].read(100)) == {"a": [1]}

    raw = create_environ("PUT", body="héllo", headers={"Content-Type": "text/plain"})
    assert raw["CONTENT_TYPE"] == "text/plain"
    assert raw["wsgi.input"].read(100) == "héllo".encode()
    assert raw["CONTENT_LENGTH"] == "6"

    assert create_environ("POST", data=b"x=1")["wsgi.input"].read(10) == b"x=1"


def test_create_environ_headers_cookies_and_overrides() -> None:
    environ = create_environ(
        headers=[("X-A", "1"), ("X-A", "2"), ("Content-Length", "0")],
        cookies={"a": "1", "b": "2"},
        environ={"REMOTE_ADDR": "10.0.0.1"},
    )
    assert environ["HTTP_X_A"] == "1, 2"
    assert environ["CONTENT_LENGTH"] == "0"
    assert environ["HTTP_COOKIE"] == "a=1; b=2"
    assert environ["REMOTE_ADDR"] == "10.0.0.1"


def test_client_round_trip_form_json_and_files() -> None:
    client = Client(echo_app)
    response = client.post("/submit?x=1", data={"name": "ana"}, headers={"X-Token": "t"})
    assert response.status_code == 200
    assert response.status == "200 OK"
    assert response.headers["content-type"] == "application/json"
    payload = response.json()
    assert payload["input"] == {"x": "1", "name": "ana"}
    assert payload["token"] == "t"
    assert json.loads(response.text) == payload
    assert response.content == response.text.encode()

    payload = client.put("/j", json={"a": [1, 2]}).json()
    assert payload["method"] == "PUT"
    assert payload["input"] == {"a": [1, 2]}

    payload = client.post(
        "/up",
        data={"title": "t"},
        files={"doc": ("notes.txt", b"hello", "text/plain"), "more": [b"one", io.BytesIO(b"two")]},
    ).json()
    assert payload["input"]["title"] == "t"
    assert payload["files"]["doc"] == {"filename": "notes.txt", "data": "hello"}
    assert payload["files"]["more"] == [
        {"filename": "file", "data": "one"},
        {"filename": "file", "data": "two"},
    ]


def test_client_methods() -> None:
    client = Client(echo_app)
    for name in ("get", "post", "put", "patch", "delete", "options"):
        assert getattr(client, name)("/").json()["method"] == name.upper()
    head = client.head("/")
    assert head.status_code == 200
    assert head.content == b""
    assert int(head.headers["Content-Length"]) > 0


def cookie_app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    request = Request(environ)
    response = request.response
    if request.path == "/login":
        response.cookie("sid", "s1").cookie("pref", "p", path="/settings").cookie(
            "sec", "x", secure=True
        )
        response.view("in")
    elif request.path == "/logout":
        response.delete_cookie("sid").view("out")
    elif request.path == "/expire":
        response.cookie("sid", "old", expires=0).view("gone")
    else:
        response.view(";".join(f"{k}={v}" for k, v in sorted(request.cookies.items())))
    status, headers, body = response.to_wsgi(environ)
    start_response(status, headers)
    return body


def test_client_keeps_cookies_like_a_browser() -> None:
    client = Client(cookie_app)
    client.get("/login")
    assert client.cookies.as_dict() == {"sid": "s1", "pref": "p", "sec": "x"}
    assert client.get("/page").text == "sec=x;sid=s1"
    assert client.get("/settings/theme").text == "pref=p;sec=x;sid=s1"
    assert client.get("/page", cookies={"extra": "1"}).text == "extra=1;sec=x;sid=s1"
    client.get("/logout")
    assert client.get("/page").text == "sec=x"
    client.get("/login")
    client.get("/expire")
    assert "sid" not in client.cookies.as_dict()


def test_secure_cookies_are_not_sent_over_http_to_other_hosts() -> None:
    jar = CookieJar()
    jar.receive("s=1; Secure; Path=/", "example.com", "/")
    assert jar.header("example.com", "/", secure=False) is None
    assert jar.header("example.com", "/", secure=True) == "s=1"


def test_cookie_jar_domains_and_paths() -> None:
    jar = CookieJar()
    jar.receive("a=1; Domain=example.com; Path=/", "www.example.com", "/x/y")
    jar.receive("b=2", "www.example.com", "/x/y")  # default path /x
    jar.receive("c=3; Domain=other.com", "www.example.com", "/")  # refused
    jar.receive("novalue", "www.example.com", "/")
    jar.receive("d=4; Max-Age=abc; Expires=garbage", "www.example.com", "/")
    assert jar.header("api.example.com", "/", secure=False) == "a=1"
    assert (
        jar.header("www.example.com", "/x/z", secure=False) == "b=2; a=1; d=4"
        or jar.header("www.example.com", "/x/z", secure=False) == "a=1; b=2; d=4"
    )
    assert jar.header("www.example.com", "/xy", secure=False) in ("a=1; d=4", "d=4; a=1")
    jar.set("e", "5", domain="www.example.com")
    assert "e=5" in (jar.header("www.example.com", "/", secure=False) or "")
    jar.clear()
    assert jar.as_dict() == {}


def test_client_runs_under_wsgiref_validate() -> None:
    def bad_app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"a", "not bytes"]  # type: ignore[list-item]

    with pytest.raises(AssertionError):
        Client(bad_app).get("/")


def test_client_collects_write_calls() -> None:
    def writer_app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        write = start_response("200 OK", [("Content-Type", "text/plain")])
        write(b"written ")
        return [b"returned"]

    assert Client(writer_app).get("/").text == "written returned"


def test_test_response_helpers() -> None:
    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        response = Response(environ).redirect("/next")
        status, headers, body = response.to_wsgi(environ)
        start_response(status, headers)
        return body

    response = Client(app).get("/")
    assert response.status_code == 302
    assert response.location == "/next"
    assert repr(response) == "<TestResponse 302 Found>"
