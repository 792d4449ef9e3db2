from __future__ import annotations

import dataclasses
from typing import Any

import multipart
import pytest

from masonite.request import BadRequest, Limits, PayloadTooLarge, UnsupportedMediaType, UploadedFile
from masonite.request.form_data import parse_form_data
from masonite.request.testing import encode_multipart

LIMITS = Limits()


def parts(*chunks: bytes, boundary: str = "B") -> bytes:
    return b"".join(chunks) + f"--{boundary}--\r\n".encode()


def field(name: str, value: bytes, *, extra: bytes = b"", boundary: str = "B") -> bytes:
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n'.encode()
        + extra
        + b"\r\n"
        + value
        + b"\r\n"
    )


def upload(name: str, filename: str, value: bytes, content_type: str = "text/plain") -> bytes:
    return (
        f'--B\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
        + value
        + b"\r\n"
    )


def parse(
    body: bytes, limits: Limits = LIMITS, boundary: str | None = "B", chunk: int = 7
) -> list[tuple[str, Any]]:
    chunks = [body[i : i + chunk] for i in range(0, len(body), chunk)]
    return parse_form_data(chunks, boundary, len(body), limits, limits.max_fields)


def test_fields_and_files_in_small_chunks() -> None:
    body = parts(
        field("a", b"1"),
        field("name", "café".encode()),
        upload("doc", "notes.txt", b"hello\r\nworld"),
    )
    pairs = parse(body)
    assert pairs[:2] == [("a", "1"), ("name", "café")]
    name, doc = pairs[2]
    assert name == "doc"
    assert isinstance(doc, UploadedFile)
    assert (doc.filename, doc.content_type, doc.size) == ("notes.txt", "text/plain", 12)
    assert doc.read() == b"hello\r\nworld"
    doc.close()


def test_encoder_round_trip_and_unknown_length() -> None:
    body, content_type = encode_multipart([("x", "1"), ("x", "2")], [("f", ("a.bin", b"\x00\xff"))])
    boundary = content_type.split("boundary=")[1]
    pairs = parse_form_data([body], boundary, None, LIMITS, 1000)
    assert pairs[0] == ("x", "1")
    assert pairs[1] == ("x", "2")
    assert pairs[2][1].read() == b"\x00\xff"
    pairs[2][1].close()


def test_field_charset() -> None:
    body = parts(
        field("a", "café".encode("latin-1"), extra=b"Content-Type: text/plain; charset=latin-1\r\n")
    )
    assert parse(body) == [("a", "café")]


@pytest.mark.parametrize("charset", ["nope", "zlib_codec", "rot13"])
def test_unknown_field_charset_is_a_415(charset: str) -> None:
    body = parts(
        field("a", b"x", extra=f"Content-Type: text/plain; charset={charset}\r\n".encode())
    )
    with pytest.raises(UnsupportedMediaType):
        parse(body)


@pytest.mark.parametrize(("charset", "raw"), [("utf-7", b"+2AA-"), ("unicode_escape", b"\\udc80")])
def test_field_decoding_to_a_lone_surrogate_is_a_400(charset: str, raw: bytes) -> None:
    # Such text cannot be encoded again: echoing it would fail inside the application.
    body = parts(field("a", raw, extra=f"Content-Type: text/plain; charset={charset}\r\n".encode()))
    with pytest.raises(BadRequest, match="text"):
        parse(body)


def test_undecodable_field_is_a_400() -> None:
    with pytest.raises(BadRequest, match="text"):
        parse(parts(field("a", b"\xff\xfe")))


def test_empty_file_input_is_skipped() -> None:
    assert parse(parts(upload("doc", "", b""), field("b", b"2"))) == [("b", "2")]


def test_nameless_parts_never_reach_input() -> None:
    body = parts(field("", b"x"), field("b", b"2"))
    if multipart.__version__.startswith("1."):
        with pytest.raises(BadRequest):  # multipart 1.x refuses them itself
            parse(body)
    else:
        assert parse(body) == [("b", "2")]


def test_filename_is_cleaned() -> None:
    body = parts(
        upload("f", "C:\\Users\\x\\..\\evil\x00.txt", b"1"), upload("g", "../../etc/passwd", b"2")
    )
    pairs = parse(body)
    assert [value.filename for _, value in pairs] == ["evil.txt", "passwd"]
    for _, value in pairs:
        value.close()


@pytest.mark.parametrize(
    "body",
    [
        b"",  # no parts at all, not even the closing delimiter
        b'--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue',  # no closing delimiter
        field("a", b"1"),  # no closing delimiter after a complete part
        b"--B\r\nno colon here\r\n\r\nv\r\n--B--\r\n",
        b"--B\r\nContent-Type: text/plain\r\n\r\nv\r\n--B--\r\n",  # no Content-Disposition
        b'--B\r\nContent-Disposition: attachment; name="a"\r\n\r\nv\r\n--B--\r\n',
        field("a", b"v", extra=b"Content-Length: x\r\n") + b"--B--\r\n",
        field("a", b"v", extra=b"Content-Length: 5\r\n") + b"--B--\r\n",
        b'--B\r\nContent-Disposition: form-data; name="a"\r\n'
        + b"X-Long: "
        + b"x" * 9000
        + b"\r\n\r\nv\r\n--B--\r\n",
        b'--B\r\nContent-Disposition: form-data; name="a"\r\n' + b"x" * 20000,  # endless header
    ],
)
def test_broken_multipart_is_a_400(body: bytes) -> None:
    with pytest.raises(BadRequest):
        parse(body)


@pytest.mark.parametrize("boundary", [None, "", "a\r\nb", "x" * 201, "caf\xe9"])
def test_missing_or_invalid_boundary_is_a_400(boundary: str | None) -> None:
    with pytest.raises(BadRequest, match="boundary"):
        parse(parts(field("a", b"1")), boundary=boundary)


def test_part_count_limit() -> None:
    limits = dataclasses.replace(LIMITS, max_parts=3)
    assert len(parse(parts(*(field(f"f{i}", b"1") for i in range(3))), limits)) == 3
    with pytest.raises(PayloadTooLarge, match="parts"):
        parse(parts(*(field(f"f{i}", b"1") for i in range(4))), limits)


def test_field_count_counts_the_query_too() -> None:
    body = parts(field("a", b"1"), field("b", b"2"))
    assert len(parse_form_data([body], "B", len(body), LIMITS, 2)) == 2
    with pytest.raises(PayloadTooLarge, match="fields"):
        parse_form_data([body], "B", len(body), LIMITS, 1)


def test_file_count_limit() -> None:
    limits = dataclasses.replace(LIMITS, max_files=2)
    with pytest.raises(PayloadTooLarge, match="files"):
        parse(parts(*(upload("f[]", f"{i}.txt", b"x") for i in range(3))), limits)


def test_file_size_limit() -> None:
    limits = dataclasses.replace(LIMITS, max_file_size=10)
    pairs = parse(parts(upload("f", "a.txt", b"x" * 10)), limits)
    pairs[0][1].close()
    with pytest.raises(PayloadTooLarge, match="file"):
        parse(parts(upload("f", "a.txt", b"x" * 11)), limits)


def test_field_size_and_total_text_limits() -> None:
    limits = dataclasses.replace(LIMITS, max_field_size=10, max_body_size=25)
    with pytest.raises(PayloadTooLarge, match="field"):
        parse(parts(field("a", b"x" * 11)), limits)
    with pytest.raises(PayloadTooLarge, match="fields"):
        parse(parts(*(field(f"f{i}", b"x" * 9) for i in range(3))), limits)


def test_large_files_spill_to_disk() -> None:
    limits = dataclasses.replace(LIMITS, file_memory_size=16)
    pairs = parse(parts(upload("f", "big.bin", b"y" * 100)), limits, chunk=10)
    value = pairs[0][1]
    assert value.size == 100
    assert value.stream.fileno() >= 0  # a real file now
    assert value.read() == b"y" * 100
    value.close()


def test_data_before_and_after_the_delimiters_is_ignored() -> None:
    body = b"preamble\r\n" + parts(field("a", b"1")) + b"epilogue"
    assert parse(body) == [("a", "1")]
