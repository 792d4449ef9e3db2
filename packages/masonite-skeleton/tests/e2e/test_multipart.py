"""Hostile multipart bodies, and uploaded file names that try to leave the folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

pytestmark = pytest.mark.timeout(60)

ECHO = "/e2e/open/echo"
UPLOAD = "/e2e/open/upload"


def test_fields_and_files_arrive(live: LiveServer) -> None:
    reply = live.multipart(
        ECHO,
        [
            live.field_part("name", "Ada é".encode()),
            live.field_part("tags[]", b"a"),
            live.field_part("tags[]", b"b"),
            live.file_part("doc", b"notes.txt", b"hello\x00\xff"),
        ],
    ).assert_safe()
    assert reply.status == 200
    assert reply.json()["input"] == {
        "name": "Ada é",
        "tags": ["a", "b"],
        "doc": {"file": "notes.txt", "size": 7, "type": "text/plain"},
    }


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (
            "multipart/form-data",
            b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
        ),
        ("multipart/form-data; boundary=", b"--\r\n\r\n"),
        ("multipart/form-data; boundary=" + "b" * 300, b"--" + b"b" * 300 + b"--\r\n"),
        ("multipart/form-data; boundary=x", b"garbage without any delimiter"),
        ("multipart/form-data; boundary=x", b"--x\r\nno-colon-header\r\n\r\n1\r\n--x--\r\n"),
        ("multipart/form-data; boundary=x", b"--x\r\n\r\n1\r\n--x--\r\n"),  # no disposition
    ],
)
def test_a_broken_multipart_envelope_is_a_400(
    live: LiveServer, content_type: str, body: bytes
) -> None:
    reply = live.request("POST", ECHO, body=body, content_type=content_type).assert_safe()
    assert reply.status == 400, reply.text[:300]


def test_a_body_without_its_closing_delimiter_is_a_400(live: LiveServer) -> None:
    reply = live.multipart(ECHO, [live.field_part("a", b"1")], closed=False).assert_safe()
    assert reply.status == 400


def test_a_huge_part_header_is_refused(live: LiveServer) -> None:
    part = live.field_part("a", b"1", extra=b"\r\nX-Padding: " + b"x" * 20_000)
    reply = live.multipart(ECHO, [part]).assert_safe()
    assert reply.status in (400, 413)


def test_too_many_parts_is_a_413(live: LiveServer) -> None:
    parts = [live.field_part(f"f{n}", b"1") for n in range(1001)]
    reply = live.multipart(ECHO, parts).assert_safe()
    assert reply.status == 413


def test_too_many_files_is_a_413(live: LiveServer) -> None:
    parts = [live.file_part("f[]", f"{n}.txt".encode(), b"x") for n in range(101)]
    reply = live.multipart(ECHO, parts).assert_safe()
    assert reply.status == 413


def test_an_oversized_field_is_a_413(live: LiveServer) -> None:
    reply = live.multipart(ECHO, [live.field_part("a", b"x" * 500_001)]).assert_safe()
    assert reply.status == 413


def test_an_oversized_file_is_a_413(live: LiveServer) -> None:
    data = b"x" * (32 * 1024 * 1024 + 1)
    reply = live.multipart(ECHO, [live.file_part("f", b"big.bin", data)], timeout=20)
    reply.assert_safe()
    assert reply.status == 413


def test_deep_field_names_are_a_400(live: LiveServer) -> None:
    reply = live.multipart(ECHO, [live.field_part("a" + "[a]" * 9, b"1")]).assert_safe()
    assert reply.status == 400


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        (b"\r\nContent-Type: text/plain; charset=utf-7", 400),  # "+2AA-" is a lone surrogate
        (b"\r\nContent-Type: text/plain; charset=unicode_escape", 400),
        (b"\r\nContent-Type: text/plain; charset=zlib", 415),
        (b"\r\nContent-Type: text/plain; charset=no-such-charset", 415),
    ],
)
def test_field_charsets_that_do_not_give_text_are_refused(
    live: LiveServer, extra: bytes, status: int
) -> None:
    value = b"\\udc80" if b"escape" in extra else b"+2AA-"
    reply = live.multipart(ECHO, [live.field_part("a", value, extra=extra)]).assert_safe()
    assert reply.status == status


def test_an_undecodable_field_is_a_400(live: LiveServer) -> None:
    reply = live.multipart(ECHO, [live.field_part("a", b"\xff\xfe")]).assert_safe()
    assert reply.status == 400


def test_method_spoofing_works_from_a_multipart_form(live: LiveServer) -> None:
    reply = live.multipart(ECHO, [live.field_part("_method", b"PATCH")]).assert_safe()
    assert reply.json()["method"] == "PATCH"


HOSTILE_NAMES = [
    b"../../etc/passwd",
    b"..\\..\\windows\\win.ini",
    b"/absolute/path.txt",
    b"C:\\evil\\x.txt",
    b"a\x00b.txt",
    b"nul\x00",
    b"a\x01\x1f\x7fb.txt",
    b"x/../../y.txt",
    b"./.././z.txt",
    b"....//....//w.txt",
    b"%2e%2e%2fpct.txt",
    b"\xc3\xa9t\xc3\xa9.txt",
    b".env",
    b"n" * 400 + b".txt",  # over NAME_MAX: shortened, not an OSError
    "\u00e9".encode() * 200,
]


def test_uploaded_files_are_saved_inside_the_folder_whatever_their_name(
    live: LiveServer,
) -> None:
    before = set(live.root.parent.rglob("*"))
    parts = [live.file_part(f"f{n}", name, b"data") for n, name in enumerate(HOSTILE_NAMES)]
    reply = live.multipart(UPLOAD, parts).assert_safe()
    assert reply.status == 200, reply.text[:300]
    saved = reply.json()["saved"]
    assert len(saved) == len(HOSTILE_NAMES)
    folder = live.uploads.resolve()
    for entry in saved:
        assert "saved" in entry, entry
        path = Path(entry["saved"])
        assert path.parent == folder, entry
        assert path.read_bytes() == b"data"
        assert not set(path.name) & {"/", "\\", "\x00", "\x01", "\x1f", "\x7f"}
    # Nothing appeared anywhere but in the uploads folder.
    created = set(live.root.parent.rglob("*")) - before
    assert {
        p for p in created if p.parent != live.uploads and "__pycache__" not in p.parts
    } == set()


@pytest.mark.parametrize("name", [b"..", b".", b"", b"/", b"\x00", b"../", b"a/.."])
def test_a_name_with_nothing_left_is_never_saved(live: LiveServer, name: bytes) -> None:
    reply = live.multipart(UPLOAD, [live.file_part("f", name, b"data")]).assert_safe()
    assert reply.status == 200
    saved = reply.json()["saved"]
    # An empty file input is skipped; any other part is refused by save(), never written.
    assert all("refused" in entry for entry in saved), saved
