from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from masonite.request import Request, Response
from masonite.request.testing import create_environ
from masonite.routing import ControllerError
from masonite.routing.results import render_result


def rendered(result: Any) -> Response:
    request = Request(create_environ())
    render_result(result, request, "app.C.show")
    return request.response


def body(response: Response) -> bytes:
    _, _, chunks = response.to_wsgi({"REQUEST_METHOD": "GET"})
    return b"".join(chunks)


def test_str_and_bytes() -> None:
    assert body(rendered("<p>hi</p>")) == b"<p>hi</p>"
    assert rendered("x").headers["Content-Type"].startswith("text/html")
    assert body(rendered(b"\x00raw")) == b"\x00raw"


def test_dict_and_list_become_json() -> None:
    assert body(rendered({"a": 1})) == b'{"a":1}'
    assert body(rendered([1, 2])) == b"[1,2]"
    assert rendered({"a": 1}).headers["Content-Type"] == "application/json"


def test_tuple_sets_the_status() -> None:
    response = rendered(("created", 201))
    assert response.status_code == 201
    assert body(response) == b"created"


def test_response_objects() -> None:
    request = Request(create_environ())
    render_result(request.response.redirect("/next"), request, "c")
    assert request.response.is_redirect()
    other = Response().json({"x": 1}, 202)
    response = rendered(other)
    assert response.status_code == 202
    assert body(response) == b'{"x":1}'


def test_iterables_are_streamed() -> None:
    def chunks() -> Iterator[bytes]:
        yield b"a"
        yield b"b"

    assert body(rendered(chunks())) == b"ab"


def test_none_is_fine_when_the_response_was_set() -> None:
    request = Request(create_environ())
    request.response.json({"done": True})
    render_result(None, request, "c")
    assert body(request.response) == b'{"done":true}'


def test_none_with_nothing_set_names_the_controller() -> None:
    with pytest.raises(ControllerError, match=r"app\.C\.show returned None"):
        rendered(None)


def test_unsupported_value_names_the_controller() -> None:
    with pytest.raises(ControllerError, match=r"app\.C\.show returned int"):
        rendered(42)
