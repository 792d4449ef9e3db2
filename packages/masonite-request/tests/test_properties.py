"""Property tests: no input makes the parsers raise anything but the documented HTTP errors."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masonite.request import HTTPException, Limits, Request
from masonite.request.cookies import parse_cookie
from masonite.request.nesting import nest
from masonite.request.testing import create_environ
from masonite.request.urlencoded import form_dict, parse_urlencoded

SMALL = Limits(max_fields=50, max_field_size=200, max_body_size=4000, max_depth=4, max_json_depth=8)
# Latin-1 text: how PEP 3333 servers hand over raw bytes.
latin1 = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255), max_size=300)
form_text = st.text(alphabet="ab[]=&%+.;_0123456789ABCDEFéz\x00 ", max_size=200)
settings.register_profile("masonite", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("masonite")


def status_of(action: Callable[[], object]) -> int | None:
    """None when ``action`` succeeds, else the status of the HTTPException it raised."""
    try:
        action()
    except HTTPException as exc:
        return exc.status
    return None


def touch_everything(request: Request) -> None:
    request.method  # noqa: B018
    request.all()
    request.input("a.b")
    request.input("a.*")
    request.query("a", multi=True)
    request.has("a", "b")
    request.without("a.b")
    request.json  # noqa: B018


def exercise(request: Request) -> None:
    """Touch everything that parses input; only a 400, 413 or 415 may escape."""
    try:
        assert status_of(lambda: touch_everything(request)) in (None, 400, 413, 415)
    finally:
        request.close()


@given(latin1)
def test_any_query_string(query: str) -> None:
    environ = create_environ()
    environ["QUERY_STRING"] = query
    exercise(Request(environ, limits=SMALL))


@given(form_text)
def test_any_query_made_of_tricky_characters(query: str) -> None:
    environ = create_environ()
    environ["QUERY_STRING"] = query
    exercise(Request(environ, limits=SMALL))


@given(latin1)
def test_any_cookie_header(header: str) -> None:
    cookies = parse_cookie(header)
    assert all(name and name == name.strip() for name in cookies)
    request = Request(create_environ(headers={"Cookie": "x"}))
    request.environ["HTTP_COOKIE"] = header
    assert request.cookies == cookies


@given(st.binary(max_size=400) | form_text.map(str.encode))
def test_any_urlencoded_body(body: bytes) -> None:
    environ = create_environ(
        "POST", "/", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    exercise(Request(environ, limits=SMALL))


@given(st.binary(max_size=400))
def test_any_json_body_bytes(body: bytes) -> None:
    environ = create_environ("POST", "/", body=body, headers={"Content-Type": "application/json"})
    exercise(Request(environ, limits=SMALL))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


@given(json_values)
def test_any_json_value_round_trips_or_is_refused_for_depth(value: Any) -> None:
    request = Request(create_environ("POST", "/", json=value), limits=SMALL)
    status = status_of(lambda: request.json)
    assert status in (None, 400)  # 400 only for nesting deeper than the limit
    if status is None:
        assert request.json == value


@given(st.binary(max_size=600), st.sampled_from(["B", "x" * 70, "a'b()+_,-./:=?"]))
def test_any_multipart_body(body: bytes, boundary: str) -> None:
    environ = create_environ(
        "POST",
        "/",
        body=body,
        headers={"Content-Type": f'multipart/form-data; boundary="{boundary}"'},
    )
    exercise(Request(environ, limits=SMALL))


@given(
    st.lists(
        st.sampled_from(
            [
                b"--B\r\n",
                b"--B--\r\n",
                b"\r\n",
                b'Content-Disposition: form-data; name="a"\r\n',
                b'Content-Disposition: form-data; name="f"; filename="x"\r\n',
                b"Content-Type: text/plain; charset=latin-1\r\n",
                b"value",
                b"\xff",
                b"a[b]",
            ]
        ),
        max_size=20,
    )
)
def test_multipart_made_of_plausible_pieces(pieces: list[bytes]) -> None:
    environ = create_environ(
        "POST",
        "/",
        body=b"".join(pieces),
        headers={"Content-Type": "multipart/form-data; boundary=B"},
    )
    exercise(Request(environ, limits=SMALL))


@given(
    st.binary(max_size=200),
    st.sampled_from(["0", "5", "-1", "abc", "", "999999", " 3 "]),
    st.booleans(),
)
def test_any_content_length_and_stream(body: bytes, length: str, terminated: bool) -> None:
    environ = create_environ(
        "POST", "/", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    environ["CONTENT_LENGTH"] = length
    environ["wsgi.input"] = io.BytesIO(body)
    environ["wsgi.input_terminated"] = terminated
    exercise(Request(environ, limits=SMALL))


@given(latin1)
def test_any_path(path: str) -> None:
    environ = create_environ()
    environ["PATH_INFO"] = "/" + path
    request = Request(environ)
    assert status_of(request.url) in (None, 400)
    if status_of(request.url) is None:
        assert request.path.startswith("/")


@given(st.lists(st.tuples(st.text(min_size=1, max_size=10), st.text(max_size=10)), max_size=20))
def test_urlencoded_round_trip(pairs: list[tuple[str, str]]) -> None:
    encoded = urlencode(pairs)
    assert parse_urlencoded(encoded, max_fields=100, max_field_size=100) == pairs


@given(form_text)
def test_form_dict_is_nest_of_the_pairs(text: str) -> None:
    # form_dict's fast path must give exactly what the general path gives (or its error).
    try:
        expected: Any = nest(parse_urlencoded(text, max_fields=20, max_field_size=50), 4)
    except HTTPException as exc:
        expected = exc.status
    try:
        got: Any = form_dict(text, 20, 50, 4)
    except HTTPException as exc:
        got = exc.status
    assert got == expected


@given(
    st.dictionaries(
        st.text(alphabet="abc", min_size=1, max_size=3), st.text(max_size=5), max_size=5
    )
)
def test_form_and_json_agree_on_flat_data(data: dict[str, str]) -> None:
    form = Request(create_environ("POST", "/", data=data)).all()
    as_json = Request(
        create_environ(
            "POST", "/", body=json.dumps(data), headers={"Content-Type": "application/json"}
        )
    ).all()
    assert form == as_json == data
