from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

import pytest

from masonite.request import (
    BadRequest,
    HTTPException,
    Limits,
    PayloadTooLarge,
    Request,
    UnsupportedMediaType,
    UploadedFile,
)
from masonite.request.testing import create_environ


def form_request(method: str = "POST", path: str = "/", **options: Any) -> Request:
    return Request(create_environ(method, path, **options))


def test_form_and_query_merge_with_the_body_winning() -> None:
    request = form_request(path="/?a=query&q=1", data={"a": "body", "b": "2"})
    assert request.input("a") == "body"
    assert request.input("q") == "1"
    assert request.query("a") == "query"
    assert request.all() == {"a": "body", "q": "1", "b": "2"}


def test_input_defaults_and_dot_paths() -> None:
    request = form_request(
        data=[
            ("user[name]", "ana"),
            ("items[][id]", "1"),
            ("items[][id]", "2"),
            ("tags[]", "x"),
            ("user.name", "literal"),
        ]
    )
    assert request.input("user") == {"name": "ana"}
    assert request.input("user.name") == "literal"  # a literal key wins over the path
    assert request.input("items.0.id") == "1"
    assert request.input("items.*.id") == ["1", "2"]
    assert request.input("tags") == ["x"]
    assert request.input("missing") is None
    assert request.input("missing", "d") == "d"
    assert request.input("user.age", 0) == 0


def test_get_requests_nest_the_same_way() -> None:
    request = Request(create_environ("GET", "/?user[name]=ana&a[]=1&a[]=2&b=1&b=2"))
    assert request.input("user.name") == "ana"
    assert request.input("a") == ["1", "2"]
    assert request.input("b") == ["1", "2"]


def test_all_only_without_has() -> None:
    request = form_request(data=[("a", "1"), ("b", "2"), ("user[name]", "ana"), ("user[age]", "3")])
    everything = request.all()
    everything["a"] = "changed"
    assert request.input("a") == "1"  # all() is a copy
    assert request.only("a", "user.name", "missing") == {"a": "1", "user.name": "ana"}
    assert request.without("a", "user.age") == {"b": "2", "user": {"name": "ana"}}
    assert request.input("user") == {"name": "ana", "age": "3"}  # without() changed nothing
    assert request.without("user.missing.deeper", "nope") == request.all()
    assert request.has("a", "user.name")
    assert not request.has("a", "c")
    assert request.has()


def test_has_counts_empty_values_as_present() -> None:
    assert form_request(data={"a": ""}).has("a")


def test_json_body_keeps_types_and_merges() -> None:
    request = form_request(
        path="/?page=2", json={"user": {"name": "ana", "admin": False}, "ids": [1, 2], "n": None}
    )
    assert request.input("user.admin") is False
    assert request.input("ids") == [1, 2]
    assert request.input("ids.1") == 2
    assert request.input("n") is None
    assert request.has("n")
    assert request.input("page") == "2"
    assert request.json == {"user": {"name": "ana", "admin": False}, "ids": [1, 2], "n": None}


def test_json_body_with_a_non_object_root() -> None:
    request = form_request(path="/?page=2", json=[{"id": 1}, {"id": 2}])
    assert request.json == [{"id": 1}, {"id": 2}]
    assert request.input("0.id") == 1
    assert request.input("*.id") == [1, 2]
    assert request.input("page") == "2"
    assert request.all() == {"page": "2"}
    scalar = form_request(json="hello")
    assert scalar.json == "hello"
    assert scalar.input("x") is None


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/vnd.api+json", "application/json; charset=utf-8"],
)
def test_json_content_types(content_type: str) -> None:
    request = form_request(body=b'{"a": 1}', headers={"Content-Type": content_type})
    assert request.input("a") == 1


def test_empty_json_body_is_no_input() -> None:
    request = form_request(body=b"  ", headers={"Content-Type": "application/json"})
    assert request.all() == {}
    assert request.json is None


def test_other_content_types_are_not_parsed() -> None:
    request = form_request(path="/?a=1", body=b"a=2", headers={"Content-Type": "text/plain"})
    assert request.input("a") == "1"
    assert request.body == b"a=2"
    assert form_request(body=b"a=2").input("a") is None  # no Content-Type at all


def test_body_then_form_reads_the_stream_once() -> None:
    request = form_request(data={"a": "1"})
    assert request.body == b"a=1"
    assert request.input("a") == "1"
    assert request.body == b"a=1"


def test_multipart_body_is_consumed_by_parsing() -> None:
    request = form_request(data={"a": "1"}, files={"f": ("x.txt", b"x")})
    assert request.input("a") == "1"
    assert request.body == b""
    request.close()


def test_multipart_body_read_first_is_still_parsed() -> None:
    request = form_request(data={"a": "1"}, files={"f": ("x.txt", b"x")})
    assert request.body.startswith(b"--")
    assert request.input("a") == "1"
    assert request.input("f").read() == b"x"
    request.close()


def test_uploaded_files_come_through_input(tmp_path: Path) -> None:
    request = form_request(
        data={"title": "t"},
        files={
            "avatar": ("me.png", b"\x89PNG", "image/png"),
            "docs[]": [("a.txt", b"a"), ("b.txt", b"b")],
        },
    )
    avatar = request.input("avatar")
    assert isinstance(avatar, UploadedFile)
    assert (avatar.filename, avatar.content_type, avatar.size) == ("me.png", "image/png", 4)
    assert [doc.filename for doc in request.input("docs")] == ["a.txt", "b.txt"]
    assert request.input("docs.1").filename == "b.txt"
    assert avatar.save(tmp_path).read_bytes() == b"\x89PNG"


def test_uploads_are_closed_with_the_response_body() -> None:
    request = form_request(files={"f": ("x.txt", b"x")})
    upload = request.input("f")
    _status, _headers, body = request.response.view("ok").to_wsgi(request.environ)
    assert b"".join(body) == b"ok"
    assert not upload.stream.closed
    body.close()  # type: ignore[attr-defined]
    assert upload.stream.closed


def test_errors_are_remembered_once_the_stream_is_spent() -> None:
    request = form_request(
        body=b"a=%zz", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    with pytest.raises(BadRequest) as first:
        request.input("a")
    with pytest.raises(BadRequest) as second:
        request.all()
    assert first.value is second.value
    with pytest.raises(BadRequest):
        request.json  # noqa: B018


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"body": b"{", "headers": {"Content-Type": "application/json"}}, BadRequest),
        (
            {"body": b"a=%e9", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            BadRequest,
        ),
        (
            {"body": b"a=\xff", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            BadRequest,
        ),
        (
            {"body": b"--x\r\n", "headers": {"Content-Type": "multipart/form-data; boundary=x"}},
            BadRequest,
        ),
        ({"body": b"--x--\r\n", "headers": {"Content-Type": "multipart/form-data"}}, BadRequest),
        ({"data": {"a": "1"}, "headers": {"Content-Encoding": "gzip"}}, UnsupportedMediaType),
        (
            {
                "body": b"a=1",
                "headers": {"Content-Type": "application/x-www-form-urlencoded; charset=koi8-r"},
            },
            UnsupportedMediaType,
        ),
        (
            {"body": b"{}", "headers": {"Content-Type": "application/json; charset=latin-1"}},
            UnsupportedMediaType,
        ),
        ({"data": {"a": "1"}, "headers": {"Content-Length": "-1"}}, BadRequest),
        ({"data": {"a": "1"}, "headers": {"Content-Length": "abc"}}, BadRequest),
        ({"data": {"a": "1"}, "headers": {"Content-Length": "99"}}, BadRequest),
        ({"json": {"a": "1"}, "headers": {"Content-Length": "99"}}, BadRequest),
        ({"data": {"a": "1"}, "headers": {"Content-Length": "99999999999"}}, PayloadTooLarge),
    ],
)
def test_bad_bodies_raise_documented_http_errors(
    options: dict[str, Any], error: type[HTTPException]
) -> None:
    environ = create_environ("POST", "/", **options)
    environ.pop("HTTP_CONTENT_LENGTH", None)
    if "Content-Length" in options.get("headers", {}):
        environ["CONTENT_LENGTH"] = options["headers"]["Content-Length"]
    with pytest.raises(error):
        Request(environ).all()


def test_identity_content_encoding_is_fine() -> None:
    assert form_request(data={"a": "1"}, headers={"Content-Encoding": "identity"}).input("a") == "1"


@pytest.mark.parametrize("coding", ["chunked", " Chunked "])
def test_a_chunked_transfer_coding_is_fine(coding: str) -> None:
    request = form_request(data={"a": "1"}, headers={"Transfer-Encoding": coding})
    assert request.input("a") == "1"


@pytest.mark.parametrize("coding", ["gzip, chunked", "deflate", "compress, chunked", "br"])
def test_a_transfer_coding_the_server_left_on_the_body_is_a_415(coding: str) -> None:
    # gunicorn removes "chunked" but hands gzip/deflate-coded bytes over as they came.
    request = form_request(data={"a": "1"}, headers={"Transfer-Encoding": coding})
    with pytest.raises(UnsupportedMediaType, match="compressed"):
        request.input("a")


@pytest.mark.parametrize("coding", ["chunked, chunked", "identity", "identity, chunked", "x"])
def test_a_transfer_coding_servers_do_not_decode_is_a_400(coding: str) -> None:
    # gunicorn before 22 reads these as no body, leaving the bytes on the connection.
    request = form_request(data={"a": "1"}, headers={"Transfer-Encoding": coding})
    with pytest.raises(BadRequest, match="Transfer-Encoding"):
        request.input("a")


def test_transfer_encoding_overrides_content_length_on_a_terminated_stream() -> None:
    # gunicorn before 22 decodes the chunks but passes the client's Content-Length on.
    environ = create_environ("POST", "/", data={"a": "1", "b": "2"})
    environ.update({"CONTENT_LENGTH": "3", "HTTP_TRANSFER_ENCODING": "chunked"})
    environ["wsgi.input_terminated"] = True
    assert Request(environ).all() == {"a": "1", "b": "2"}
    del environ["wsgi.input_terminated"]  # a stream without an end: the length is all we have
    environ["wsgi.input"].seek(0)
    assert Request(environ).all() == {"a": "1"}


def test_latin1_form_charset() -> None:
    request = form_request(
        body=b"a=caf%E9&b=\xe9",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=ISO-8859-1"},
    )
    assert request.all() == {"a": "café", "b": "é"}


def test_body_limit_is_checked_before_reading() -> None:
    environ = create_environ("POST", "/", data={"a": "x" * 100})

    class Exploding(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            raise AssertionError("read despite the limit")

    environ["wsgi.input"] = Exploding()
    request = Request(environ, limits=Limits(max_body_size=50))
    with pytest.raises(PayloadTooLarge):
        request.input("a")


def test_field_limit_counts_query_and_body() -> None:
    limits = Limits(max_fields=3)
    assert Request(create_environ("POST", "/?a=1", data={"b": "1", "c": "1"}), limits=limits).all()
    with pytest.raises(PayloadTooLarge):
        Request(create_environ("POST", "/?a=1&z=1", data={"b": "1", "c": "1"}), limits=limits).all()
    with pytest.raises(PayloadTooLarge):
        Request(
            create_environ("POST", "/?a=1&z=1", data={"b": "1", "c": "1"}, files={"f": b"x"}),
            limits=limits,
        ).all()
    with pytest.raises(PayloadTooLarge):
        Request(create_environ("GET", "/?a=1&b=1&c=1&d=1"), limits=limits).query("a")


def test_nesting_limit_applies_to_requests() -> None:
    limits = dataclasses.replace(Limits(), max_depth=2)
    assert Request(create_environ("GET", "/?a[b][c]=1"), limits=limits).input("a.b.c") == "1"
    with pytest.raises(BadRequest):
        Request(create_environ("GET", "/?a[b][c][d]=1"), limits=limits).input("a")
    with pytest.raises(BadRequest):
        Request(
            create_environ("POST", "/", json=[[[[[1]]]]]), limits=Limits(max_json_depth=3)
        ).input("a")


def test_terminated_input_without_length() -> None:
    environ = create_environ("POST", "/", data={"a": "1"})
    del environ["CONTENT_LENGTH"]
    assert Request(environ).input("a") is None  # no length, not terminated: empty body
    environ = create_environ("POST", "/", data={"a": "1"})
    del environ["CONTENT_LENGTH"]
    environ["wsgi.input_terminated"] = True
    assert Request(environ).input("a") == "1"
    environ = create_environ("POST", "/", data={"a": "x" * 100})
    del environ["CONTENT_LENGTH"]
    environ["wsgi.input_terminated"] = True
    with pytest.raises(PayloadTooLarge):
        Request(environ, limits=Limits(max_body_size=50)).input("a")


def test_multipart_with_terminated_input() -> None:
    environ = create_environ("POST", "/", data={"a": "1"}, files={"f": b"x"})
    del environ["CONTENT_LENGTH"]
    environ["wsgi.input_terminated"] = True
    request = Request(environ)
    assert request.input("a") == "1"
    request.close()


def test_failing_input_stream_is_a_400() -> None:
    class Broken:
        def read(self, size: int) -> bytes:
            raise OSError("reset")

    for options in (
        {"data": {"a": "1"}},
        {"data": {"a": "1"}, "files": {"f": b"x"}},
        {"json": {"a": 1}},
    ):
        environ = create_environ("POST", "/", **options)
        environ["wsgi.input"] = Broken()
        with pytest.raises(BadRequest):
            Request(environ).input("a")


# -- method spoofing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "method"),
    [("__method", "PUT", "PUT"), ("_method", "patch", "PATCH"), ("_method", "Delete", "DELETE")],
)
def test_spoofing_from_post_forms(field: str, value: str, method: str) -> None:
    request = form_request(data={field: value})
    assert request.method == method
    assert request.is_method(method.lower())
    assert not request.is_post()


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        "Application/X-WWW-Form-Urlencoded",
    ],
)
def test_spoofing_from_every_spelling_of_the_form_type(content_type: str) -> None:
    request = form_request(body=b"_method=PUT", headers={"Content-Type": content_type})
    assert request.method == "PUT"
    other = form_request(body=b"_method=PUT", headers={"Content-Type": "text/plain"})
    assert other.method == "POST"


def test_spoofing_from_multipart_forms() -> None:
    request = form_request(data={"__method": "DELETE"}, files={"f": b"x"})
    assert request.method == "DELETE"
    request.close()


@pytest.mark.parametrize(
    "value", ["GET", "HEAD", "OPTIONS", "TRACE", "CONNECT", "post", "", "PUT ", "PUT\r\n"]
)
def test_spoofing_only_to_put_patch_delete(value: str) -> None:
    assert form_request(data={"_method": value}).method == "POST"


def test_spoofing_ignored_outside_post_bodies() -> None:
    assert Request(create_environ("GET", "/?_method=DELETE")).method == "GET"
    assert form_request(path="/?_method=DELETE").method == "POST"
    assert form_request("PUT", data={"_method": "DELETE"}).method == "PUT"
    assert form_request(json={"_method": "DELETE"}).method == "POST"
    assert form_request(data={"_method": ["PUT", "DELETE"]}).method == "POST"


def test_spoofing_with_a_broken_body_stays_post_and_input_raises() -> None:
    request = form_request(
        body=b"_method=PUT&x=%zz", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert request.method == "POST"
    with pytest.raises(BadRequest):
        request.input("x")


def test_get_requests_never_read_the_body_for_the_method() -> None:
    environ = create_environ("GET", "/", data={"_method": "DELETE"})

    class Exploding:
        def read(self, size: int) -> bytes:
            raise AssertionError("read")

    environ["wsgi.input"] = Exploding()
    assert Request(environ).method == "GET"
