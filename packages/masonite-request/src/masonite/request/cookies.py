"""Cookies: a tolerant parser for the ``Cookie`` header and a strict ``Set-Cookie`` builder.

Reading is forgiving because browsers send whatever other sites and scripts left behind:
one malformed cookie never hides the others. Writing is strict: a name must be an HTTP
token and a value made of RFC 6265 cookie-octets, so nothing a caller passes can split the
header or inject attributes.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from masonite.request.exceptions import UnsafeHeader

__all__ = ["Expires", "delete_cookie_header", "parse_cookie", "set_cookie_header"]

Expires = datetime | timedelta | int | float | str

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# RFC 6265 cookie-value: cookie-octets, optionally inside one pair of double quotes.
_COOKIE_VALUE = re.compile(
    r'[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*|"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*"'
)
_DOMAIN = re.compile(r"\.?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_PATH = re.compile(r"[\x20-\x3a\x3c-\x7e]*")
_SAME_SITE = {"lax": "Lax", "strict": "Strict", "none": "None"}
_UNITS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 7 * 86400,
    "month": 30 * 86400,
    "year": 365 * 86400,
}
_EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT"


def parse_cookie(header: str) -> dict[str, str]:
    """Parse a ``Cookie`` header into name -> value; never raises.

    Pieces without ``=`` or without a name are skipped; for a repeated name the first
    wins (browsers send the most specific path first); one pair of surrounding double
    quotes is removed. Raw UTF-8 sent by browsers is decoded; otherwise the text is kept.
    """
    if not header.isascii():
        try:
            header = header.encode("latin-1").decode("utf-8")
        except UnicodeError:
            pass  # keep the latin-1 text: tolerant by design
    cookies: dict[str, str] = {}
    for chunk in header.split(";"):
        name, sep, value = chunk.partition("=")
        name = name.strip()
        if not sep or not name or name in cookies:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
            value = value[1:-1]
        cookies[name] = value
    return cookies


def _expires_text(expires: Expires) -> str:
    if isinstance(expires, str):
        return _expires_text(timedelta(seconds=_parse_duration(expires)))
    if isinstance(expires, timedelta):
        expires = datetime.now(timezone.utc) + expires
    elif isinstance(expires, (int, float)) and not isinstance(expires, bool):
        expires = datetime.fromtimestamp(expires, timezone.utc)
    if not isinstance(expires, datetime):
        raise TypeError(
            f"cookie expires must be datetime, timedelta, number or str, not {expires!r}"
        )
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=timezone.utc)
    return format_datetime(expires.astimezone(timezone.utc), usegmt=True)


def _parse_duration(text: str) -> int:
    """``'5 minutes'`` -> 300 (Masonite 2's cookie expiry strings)."""
    amount, _, unit = text.strip().partition(" ")
    unit = unit.strip().lower().rstrip("s")
    if not amount.isascii() or not amount.isdigit() or unit not in _UNITS:
        raise ValueError(f"cookie expires {text!r} is not like '5 minutes' or '2 days'")
    return int(amount) * _UNITS[unit]


def set_cookie_header(
    name: str,
    value: str,
    *,
    expires: Expires | None = None,
    max_age: int | timedelta | None = None,
    path: str | None = "/",
    domain: str | None = None,
    secure: bool = False,
    http_only: bool = True,
    same_site: str | None = "Lax",
) -> str:
    """Build the value of one ``Set-Cookie`` header; ``ValueError`` on unsafe input.

    An unsafe ``value`` raises ``UnsafeHeader`` (a ``ValueError`` and a 400), since it is
    typically request data; a bad name, path or domain is a plain ``ValueError``.

    Args:
        name: An HTTP token.
        value: RFC 6265 cookie-octets (encode other text first, e.g. with
            ``urllib.parse.quote``).
        expires: A datetime (naive means UTC), a timedelta from now, a POSIX timestamp, or
            a Masonite-2 style string such as ``'5 minutes'``.
        max_age: Seconds (or a timedelta) the cookie lives; 0 deletes it.
        path: The Path attribute; None omits it.
        domain: The Domain attribute; None keeps the cookie on this host only.
        secure: Send only over HTTPS.
        http_only: Hide the cookie from scripts.
        same_site: ``'Lax'``, ``'Strict'``, ``'None'`` (requires ``secure``) or None.
    """
    if not isinstance(name, str) or not _TOKEN.fullmatch(name):
        raise ValueError(f"invalid cookie name {name!r}")
    if not isinstance(value, str) or not _COOKIE_VALUE.fullmatch(value):
        raise UnsafeHeader(
            f"cookie {name} value may hold only printable ASCII without spaces, quotes, "
            "commas, semicolons or backslashes; encode it first"
        )
    parts = [f"{name}={value}"]
    if expires is not None:
        parts.append("Expires=" + _expires_text(expires))
    if max_age is not None:
        seconds = int(max_age.total_seconds()) if isinstance(max_age, timedelta) else max_age
        if not isinstance(seconds, int) or isinstance(seconds, bool):
            raise TypeError(f"cookie max_age must be int or timedelta, not {max_age!r}")
        parts.append(f"Max-Age={max(seconds, 0)}")
    if domain is not None:
        if not _DOMAIN.fullmatch(domain):
            raise ValueError(f"invalid cookie domain {domain!r}")
        parts.append("Domain=" + domain)
    if path is not None:
        if not _PATH.fullmatch(path):
            raise ValueError(f"invalid cookie path {path!r}")
        parts.append("Path=" + path)
    if secure:
        parts.append("Secure")
    if http_only:
        parts.append("HttpOnly")
    if same_site is not None:
        canonical = _SAME_SITE.get(same_site.lower()) if isinstance(same_site, str) else None
        if canonical is None:
            raise ValueError(
                f"cookie same_site must be 'Lax', 'Strict' or 'None', not {same_site!r}"
            )
        if canonical == "None" and not secure:
            raise ValueError("cookie same_site='None' requires secure=True")
        parts.append("SameSite=" + canonical)
    return "; ".join(parts)


def delete_cookie_header(name: str, *, path: str | None = "/", domain: str | None = None) -> str:
    """Build a ``Set-Cookie`` value that makes browsers drop cookie ``name``."""
    header = set_cookie_header(
        name, "", max_age=0, path=path, domain=domain, http_only=False, same_site=None
    )
    return header.replace("; Max-Age=0", f"; Expires={_EPOCH}; Max-Age=0", 1)
