from __future__ import annotations

import pytest

from masonite.request import EnvironHeaders, Headers, UnsafeHeader
from masonite.request.headers import check_header, environ_key


def test_environ_key_accepts_every_spelling() -> None:
    assert environ_key("Content-Type") == "CONTENT_TYPE"
    assert environ_key("content-length") == "CONTENT_LENGTH"
    assert environ_key("CONTENT_TYPE") == "CONTENT_TYPE"
    assert environ_key("X-Token") == "HTTP_X_TOKEN"
    assert environ_key("HTTP_X_TOKEN") == "HTTP_X_TOKEN"


def test_environ_headers_read_case_insensitively() -> None:
    headers = EnvironHeaders(
        {
            "HTTP_X_TOKEN": "t",
            "CONTENT_TYPE": "text/plain",
            "CONTENT_LENGTH": "",
            "HTTP_HTTP_ODD": "odd",
            "wsgi.input": object(),
            "REQUEST_METHOD": "GET",
        }
    )
    assert headers["x-token"] == headers["X-TOKEN"] == headers["HTTP_X_TOKEN"] == "t"
    assert headers.get("Content-Type") == headers.get("CONTENT_TYPE") == "text/plain"
    assert headers.get("Http-Odd") == "odd"
    assert headers.get("Missing") is None
    assert headers.get("Content-Length") is None  # "" means absent
    assert headers.get("Request-Method") is None
    assert "x-token" in headers
    assert 5 not in headers
    assert sorted(headers) == ["Content-Type", "Http-Odd", "X-Token"]
    assert len(headers) == 3
    with pytest.raises(KeyError):
        headers["wsgi.input"]


def test_outgoing_headers_replace_add_and_delete() -> None:
    headers = Headers({"Content-Type": "text/plain"})
    headers["content-type"] = "text/html"
    assert headers.pairs() == [("content-type", "text/html")]
    headers.add("Vary", "Accept")
    headers.add("vary", "Cookie")
    assert headers.get_all("VARY") == ["Accept", "Cookie"]
    assert headers["Vary"] == "Accept"
    headers["Vary"] = "Origin"
    assert headers.get_all("vary") == ["Origin"]
    assert len(headers) == 2
    assert list(headers) == ["content-type", "Vary"]
    del headers["VARY"]
    assert "Vary" not in headers
    with pytest.raises(KeyError):
        del headers["Vary"]
    headers.clear()
    assert headers.pairs() == []


@pytest.mark.parametrize(
    "value", ["a\r\nSet-Cookie: x=1", "a\nb", "a\rb", "a\x00b", "a\x7fb", "\u2028"]
)
def test_outgoing_header_values_with_control_characters_are_refused(value: str) -> None:
    # A 400 when it escapes a controller (such values echo the request), and a ValueError.
    with pytest.raises(UnsafeHeader, match="X-Test") as refused:
        Headers()["X-Test"] = value
    assert isinstance(refused.value, ValueError)
    assert refused.value.status == 400
    assert value not in refused.value.message
    with pytest.raises(UnsafeHeader):
        Headers().add("X-Test", value)


@pytest.mark.parametrize("name", ["", "Bad Name", "X:Y", "X\r\n", "Ümlaut"])
def test_outgoing_header_names_must_be_tokens(name: str) -> None:
    with pytest.raises(ValueError):
        Headers()[name] = "v"


def test_outgoing_header_values_must_be_text() -> None:
    with pytest.raises(TypeError):
        Headers()["X-Number"] = 5  # type: ignore[assignment]
    headers = Headers()
    headers["X-Latin"] = "a b caf\xe9"
    assert headers["x-latin"] == "a b caf\xe9"


def test_a_tab_in_an_outgoing_value_is_refused() -> None:
    # Valid HTTP, but gunicorn before 22 fails the whole response over it.
    with pytest.raises(UnsafeHeader):
        Headers()["X-Tab"] = "a\tb"


def test_a_name_checked_before_still_guards_its_values() -> None:
    headers = Headers()
    headers["X-Seen"] = "fine"
    headers["X-Seen"] = "also fine"  # the name now takes the fast path
    for value in ("a\r\nb", "a\x7fb", "caf\xe9\n", "a\x1fb"):
        with pytest.raises(UnsafeHeader):
            headers["X-Seen"] = value
    assert headers.get_all("x-seen") == ["also fine"]


def test_the_remembered_names_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import masonite.request.headers as module

    monkeypatch.setattr(module, "_VALID_NAMES", set())
    monkeypatch.setattr(module, "_MAX_VALID_NAMES", 3)
    for number in range(10):
        check_header(f"X-{number}", "v")
    assert len(module._VALID_NAMES) == 3
    with pytest.raises(ValueError):
        check_header("X 1", "v")  # never remembered, never accepted


def test_a_str_subclass_name_is_checked_but_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    import masonite.request.headers as module

    class Name(str):
        pass

    monkeypatch.setattr(module, "_VALID_NAMES", set())
    check_header(Name("X-Sub"), "v")
    assert set() == module._VALID_NAMES
    with pytest.raises(ValueError):
        check_header(Name("X Sub"), "v")


def test_the_first_header_of_a_response_is_checked_too() -> None:
    from masonite.request import Response

    with pytest.raises(UnsafeHeader):
        Response({}).header("X-First", "a\r\nSet-Cookie: x=1")
    with pytest.raises(ValueError):
        Response({}).header("Bad Name", "v")
    response = Response({}).header("X-First", "ok").header("x-first", "again")
    assert response.headers.get_all("X-First") == ["again"]
