from __future__ import annotations

import pytest

from masonite.request import BadRequest
from masonite.request.testing import create_environ
from masonite.request.urls import host_and_port, iri_to_uri, is_same_origin, quote_path


def test_host_and_port() -> None:
    assert host_and_port(create_environ("GET", "https://Example.COM/")) == ("example.com", 443)
    assert host_and_port(create_environ("GET", "http://example.com:8080/")) == ("example.com", 8080)
    environ = create_environ()
    del environ["HTTP_HOST"]
    environ["SERVER_PORT"] = "junk"
    assert host_and_port(environ) == ("localhost", 80)
    with pytest.raises(BadRequest):
        host_and_port(create_environ(headers={"Host": "a:70000"}))


def test_same_origin_accepts_local_targets() -> None:
    environ = create_environ("GET", "https://example.com/")
    for target in (
        "/",
        "/a?b=1#c",
        "a/b",
        "?q=1",
        "#frag",
        "https://example.com/x",
        "https://EXAMPLE.com:443/",
        "//example.com/p",
    ):
        assert is_same_origin(target, environ), target
    assert is_same_origin("/x", None)
    assert not is_same_origin("https://example.com/", None)
    assert not is_same_origin("http://[::1/", environ)
    assert not is_same_origin(5, environ)  # type: ignore[arg-type]


def test_same_origin_with_a_bad_host_header_refuses_absolute_targets() -> None:
    environ = create_environ(headers={"Host": "bad host"})
    assert not is_same_origin("http://bad host/", environ)
    assert is_same_origin("/fine", environ)


def test_quoting() -> None:
    assert quote_path("/a b/é") == "/a%20b/%C3%A9"
    assert iri_to_uri("/a b?q=é&x=%20") == "/a%20b?q=%C3%A9&x=%20"
