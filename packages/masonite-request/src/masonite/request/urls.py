"""Host parsing, URL rebuilding and the same-origin rule for redirects."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from masonite.request.exceptions import BadRequest

__all__ = ["DEFAULT_PORTS", "host_and_port", "iri_to_uri", "is_same_origin", "quote_path"]

DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?")
# Characters a browser treats specially or strips in a Location: never same-origin.
_UNSAFE_TARGET = re.compile(r"[\x00-\x1f\x7f\\]|^\s|\s$")


def host_and_port(environ: Mapping[str, Any]) -> tuple[str, int]:
    """The request's host (lower-case, without port) and port.

    From the ``Host`` header when present (its port, or the scheme's default), else from
    ``SERVER_NAME`` and ``SERVER_PORT``.

    Raises:
        BadRequest: the Host header is not a host name or address with an optional port.
    """
    scheme = environ.get("wsgi.url_scheme", "http")
    header = environ.get("HTTP_HOST")
    if header:
        match = _HOST.fullmatch(header.strip())
        if match is None:
            raise BadRequest("invalid Host header")
        host, port = match.group(1), match.group(2)
        if port is None:
            return host.lower(), DEFAULT_PORTS.get(scheme, 80)
        number = int(port)
        if number > 65535:
            raise BadRequest("invalid Host header")
        return host.lower(), number
    host = str(environ.get("SERVER_NAME", "localhost")).lower()
    raw_port = str(environ.get("SERVER_PORT", ""))
    if raw_port.isascii() and raw_port.isdigit() and len(raw_port) <= 5:
        return host, int(raw_port)
    return host, DEFAULT_PORTS.get(scheme, 80)


def netloc(scheme: str, host: str, port: int) -> str:
    """``host`` with ``:port`` unless it is the scheme's default."""
    return host if DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"


def quote_path(path: str) -> str:
    """Percent-encode a decoded path for use in a URL (``/`` and sub-delims kept)."""
    return quote(path, safe="/:@!$&'()*+,;=~")


def iri_to_uri(url: str) -> str:
    """Percent-encode what may not appear raw in a URL (spaces, non-ASCII, controls)."""
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~")


def is_same_origin(url: str, environ: Mapping[str, Any] | None) -> bool:
    """True when a browser following ``url`` stays on the request's host.

    Relative references (``/a``, ``a?b``, ``?q``) qualify; ``//host`` and absolute URLs
    qualify only for this host and port over http or https. Targets with backslashes,
    control characters or surrounding whitespace never do, since browsers rewrite
    those (``/\\evil.com`` goes to evil.com).
    """
    if not isinstance(url, str) or _UNSAFE_TARGET.search(url):
        return False
    if not url.startswith("//"):
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        if not parts.scheme and not parts.netloc:
            return True
        if parts.scheme not in DEFAULT_PORTS:
            return False
    if environ is None:
        return False
    try:
        parts = urlsplit(url if not url.startswith("//") else "http:" + url)
        host, port = host_and_port(environ)
        target_port = parts.port
    except (ValueError, BadRequest):
        return False
    scheme = parts.scheme if not url.startswith("//") else environ.get("wsgi.url_scheme", "http")
    if target_port is None:
        target_port = DEFAULT_PORTS.get(scheme, 80)
    target_host = (parts.hostname or "").lower()
    if host.startswith("["):
        host = host[1:-1]
    return bool(target_host) and target_host == host and target_port == port
