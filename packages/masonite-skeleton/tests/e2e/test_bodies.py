"""Hostile form and JSON bodies: limits, nesting, broken encodings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)

ECHO = "/e2e/open/echo"


def test_a_form_keeps_lists_and_nested_dicts(live: LiveServer) -> None:
    reply = live.form(
        ECHO + "?q=1", "a[]=1&a[]=2&user[name]=Ada&user[roles][]=x&b=%C3%A9&b2=caf%C3%A9+x"
    ).assert_safe()
    assert reply.status == 200
    assert reply.json()["input"] == {
        "q": "1",
        "a": ["1", "2"],
        "user": {"name": "Ada", "roles": ["x"]},
        "b": "é",
        "b2": "café x",
    }


def test_an_oversized_form_is_a_413(live: LiveServer) -> None:
    reply = live.form(ECHO, "a=" + "x" * (3 * 1024 * 1024), timeout=10).assert_safe()
    assert reply.status == 413


def test_an_oversized_field_is_a_413(live: LiveServer) -> None:
    reply = live.form(ECHO, "a=" + "x" * 500_001).assert_safe()
    assert reply.status == 413


def test_too_many_fields_is_a_413(live: LiveServer) -> None:
    reply = live.form(ECHO, "&".join(f"f{n}=1" for n in range(1001))).assert_safe()
    assert reply.status == 413
    assert live.form(ECHO, "&".join(f"f{n}=1" for n in range(1000))).status == 200


def test_query_and_body_fields_count_together(live: LiveServer) -> None:
    query = "&".join(f"q{n}=1" for n in range(300))
    body = "&".join(f"f{n}=1" for n in range(701))
    reply = live.form(f"{ECHO}?{query}", body).assert_safe()
    assert reply.status == 413


def test_many_repeats_of_one_name_are_still_fields(live: LiveServer) -> None:
    reply = live.form(ECHO, "&".join(["a[]=1"] * 1001)).assert_safe()
    assert reply.status == 413


@pytest.mark.parametrize("levels", [9, 50, 5000])
def test_nesting_deeper_than_the_limit_is_a_400(live: LiveServer, levels: int) -> None:
    reply = live.form(ECHO, "a" + "[a]" * levels + "=1").assert_safe()
    assert reply.status == 400


def test_nesting_at_the_limit_is_fine(live: LiveServer) -> None:
    reply = live.form(ECHO, "a" + "[a]" * 8 + "=1").assert_safe()
    assert reply.status == 200
    value = reply.json()["input"]
    for _ in range(9):
        value = value["a"]
    assert value == "1"


@pytest.mark.parametrize(
    "body",
    [
        "a[=1",
        "a]=1",
        "a[b]=1&a=2",
        "a=1&a[b]=2",
        "a[]=1&a[b]=2",
        "[]=1",
        "a[][]=1",
        "&&&=&=",
        "a=%",
        "%=1",
        "a=1;b=2",
    ],
)
def test_odd_but_decodable_forms_never_fail(live: LiveServer, body: str) -> None:
    reply = live.form(ECHO, body).assert_safe()
    assert reply.status in (200, 400)


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"a=%ff", "application/x-www-form-urlencoded", 400),
        (b"a=\xff\xfe", "application/x-www-form-urlencoded", 400),
        (b"a=%ed%a0%80", "application/x-www-form-urlencoded", 400),  # a surrogate
        (b"a=1", "application/x-www-form-urlencoded; charset=utf-7", 415),
        (b"a=1", "application/x-www-form-urlencoded; charset=unicode_escape", 415),
        (b"a=1", "application/x-www-form-urlencoded; charset=zlib", 415),
    ],
)
def test_undecodable_forms_are_refused(
    live: LiveServer, body: bytes, content_type: str, status: int
) -> None:
    reply = live.request("POST", ECHO, body=body, content_type=content_type).assert_safe()
    assert reply.status == status


def test_a_compressed_body_is_a_415(live: LiveServer) -> None:
    reply = live.request(
        "POST",
        ECHO,
        body=b"a=1",
        content_type="application/x-www-form-urlencoded",
        headers=[("Content-Encoding", "gzip")],
    ).assert_safe()
    assert reply.status == 415


def test_json_keeps_its_types(live: LiveServer) -> None:
    data = {"n": 1, "f": 1.5, "b": True, "z": None, "s": "é\u2028", "l": [1, [2]], "o": {}}
    reply = live.json(ECHO, data).assert_safe()
    assert reply.status == 200
    assert reply.json()["json"] == data
    assert reply.json()["input"] == data


def test_a_json_root_that_is_not_an_object(live: LiveServer) -> None:
    reply = live.json(ECHO, [1, {"a": 2}]).assert_safe()
    assert reply.status == 200
    assert reply.json()["json"] == [1, {"a": 2}]


@pytest.mark.parametrize(
    "body",
    [
        b"{",
        b'{"a":}',
        b"[1,]",
        b"{'a': 1}",
        b"NaN",
        b'{"a": NaN}',
        b"[Infinity]",
        b"-Infinity",
        b"[1e999]",  # would be inf
        b'{"a": -1e400}',
        b"1" * 5000,  # an int longer than Python converts
        b'"\\ud800"',  # half of a surrogate pair
        b'{"\\udfff": 1}',
        b'"\xed\xa0\x80"',  # a raw UTF-8 surrogate
        b"\xff\xfe\xfa",
        b'{"a": "\xc0\xaf"}',  # overlong UTF-8
        b'{"a": 1} trailing',
        b"\x00",
    ],
)
def test_broken_json_is_a_400(live: LiveServer, body: bytes) -> None:
    reply = live.json(ECHO, body).assert_safe()
    assert reply.status == 400, reply.text[:300]


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b"[" * 65 + b"]" * 65,  # one level over the limit of 64
    ],
)
def test_deep_json_is_a_quick_400_without_recursion(live: LiveServer, body: bytes) -> None:
    reply = live.json(ECHO, body).assert_safe()
    assert reply.status == 400


def test_json_at_the_depth_limit_is_fine(live: LiveServer) -> None:
    reply = live.json(ECHO, b"[" * 64 + b"]" * 64).assert_safe()
    assert reply.status == 200


def test_an_oversized_json_body_is_a_413(live: LiveServer) -> None:
    reply = live.json(ECHO, b'["' + b"x" * (3 * 1024 * 1024) + b'"]', timeout=10).assert_safe()
    assert reply.status == 413


def test_json_errors_answer_in_json_to_json_clients(live: LiveServer) -> None:
    reply = live.json(ECHO, b"{", headers=[("Accept", "application/json")]).assert_safe()
    assert reply.status == 400
    assert reply.json() == {"error": {"status": 400, "message": "invalid JSON body"}}


def test_a_json_charset_other_than_utf_is_a_415(live: LiveServer) -> None:
    reply = live.request(
        "POST", ECHO, body=b"{}", content_type="application/json; charset=latin-1"
    ).assert_safe()
    assert reply.status == 415


def test_utf16_json_is_read(live: LiveServer) -> None:
    reply = live.request(
        "POST", ECHO, body='{"a": "é"}'.encode("utf-16"), content_type="application/json"
    ).assert_safe()
    assert reply.status == 200
    assert reply.json()["json"] == {"a": "é"}


def test_an_unknown_content_type_is_not_parsed(live: LiveServer) -> None:
    reply = live.request(
        "POST", ECHO, body=b"\x00\xff{[", content_type="application/octet-stream"
    ).assert_safe()
    assert reply.status == 200
    assert reply.json()["input"] == {}


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset",
        'application/x-www-form-urlencoded; charset="',
        ";;;",
        'multipart/form-data; boundary="unterminated',
        "application/json; =x",
        "x" * 4000,
    ],
)
def test_a_malformed_content_type_never_fails(live: LiveServer, content_type: str) -> None:
    reply = live.request("POST", ECHO, body=b"a=1", content_type=content_type).assert_safe()
    assert reply.status in (200, 400, 415)
