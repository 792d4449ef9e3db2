"""Header mappings: incoming headers read from the environ, outgoing headers validated.

Incoming: ``EnvironHeaders`` reads ``HTTP_*``, ``CONTENT_TYPE`` and ``CONTENT_LENGTH``
from the WSGI environ by HTTP name, case-insensitively. Outgoing: ``Headers`` keeps
(name, value) pairs in order and refuses names that are not HTTP tokens and values with
CR, LF or other control characters, so no header can be split or smuggled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any

from masonite.request.exceptions import UnsafeHeader

__all__ = ["EnvironHeaders", "Headers", "check_header", "environ_key"]

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Field values may hold visible characters, spaces and obs-text (latin-1), nothing else. A tab
# is valid HTTP, but gunicorn before 22 fails the response over it: refused here instead.
_BAD_VALUE = re.compile(r"[^\x20-\x7e\x80-\xff]")
_CGI_HEADERS = frozenset(("CONTENT_TYPE", "CONTENT_LENGTH"))
# Header names (exact str objects' values) that passed the token check: names come from
# code, so a few dozen at most; bounded all the same, as a name may echo request data.
_VALID_NAMES: set[str] = set()
_MAX_VALID_NAMES = 1024


def environ_key(name: str) -> str:
    """Return the environ key holding header ``name``.

    ``Content-Type``, ``content-type`` and ``CONTENT_TYPE`` give ``CONTENT_TYPE``;
    ``X-Token`` and ``HTTP_X_TOKEN`` give ``HTTP_X_TOKEN``.
    """
    key = name.upper().replace("-", "_")
    if key in _CGI_HEADERS or key.startswith("HTTP_"):
        return key
    return "HTTP_" + key


def _http_name(key: str) -> str:
    """``HTTP_X_TOKEN`` -> ``X-Token``."""
    if key.startswith("HTTP_"):
        key = key[5:]
    return "-".join(part.capitalize() for part in key.split("_"))


def check_header(name: str, value: str) -> None:
    """Raise ``ValueError`` unless ``name`` is an HTTP token and ``value`` a safe field value.

    A bad value raises ``UnsafeHeader`` (a ``ValueError`` and a 400): it is typically
    request data echoed into the response.
    """
    # PERF: a name seen valid before is a set lookup, and an ASCII value is checked by
    # str methods instead of a regular expression (check_header 288 -> 95 ns for
    # X-Frame-Options: SAMEORIGIN, timeit on the dev machine, Python 3.11).
    if type(name) is not str or name not in _VALID_NAMES:
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            raise ValueError(f"invalid header name {name!r}")
        if type(name) is str and len(_VALID_NAMES) < _MAX_VALID_NAMES:
            _VALID_NAMES.add(name)
    if type(value) is str and value.isascii():
        # For ASCII text, printable is exactly the allowed range \x20-\x7e.
        if value.isprintable():
            return
    elif not isinstance(value, str):
        raise TypeError(f"header {name} value must be str, not {type(value).__name__}")
    if _BAD_VALUE.search(value):
        raise UnsafeHeader(f"header {name} value holds CR, LF or another control character")


class EnvironHeaders(Mapping[str, str]):
    """The request's headers, read from a WSGI environ, case-insensitive and read-only.

    ``headers['content-type']``, ``headers.get('X-Token')`` and
    ``headers.get('HTTP_X_TOKEN')`` all work; iteration gives HTTP names (``X-Token``).
    """

    __slots__ = ("_environ",)

    def __init__(self, environ: Mapping[str, Any]) -> None:
        self._environ = environ

    def __getitem__(self, name: str) -> str:
        environ = self._environ
        key = name.upper().replace("-", "_")
        if key in _CGI_HEADERS:
            value = environ.get(key) or None  # servers set "" when the header is absent
        elif key.startswith("HTTP_"):
            # Environ spelling first; ``HTTP_HTTP_X`` is a header literally named ``Http-X``.
            value = environ.get(key)
            if value is None:
                value = environ.get("HTTP_" + key)
        else:
            value = environ.get("HTTP_" + key)
        if value is None or not isinstance(value, str):
            raise KeyError(name)
        return value

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            self[name]
        except KeyError:
            return False
        return True

    def _keys(self) -> Iterator[str]:
        for key, value in self._environ.items():
            if isinstance(value, str) and (key.startswith("HTTP_") or key in _CGI_HEADERS):
                if key in _CGI_HEADERS and not value:
                    continue  # servers set empty CONTENT_TYPE/LENGTH when absent
                yield key

    def __iter__(self) -> Iterator[str]:
        return (_http_name(key) for key in self._keys())

    def __len__(self) -> int:
        return sum(1 for _ in self._keys())

    def __repr__(self) -> str:
        return f"EnvironHeaders({dict(self.items())!r})"


class Headers(MutableMapping[str, str]):
    """Outgoing response headers: ordered, case-insensitive, validated on every write.

    ``headers[name] = value`` replaces every header of that name; ``add`` appends one
    more (for headers that may repeat); ``get_all`` returns every value of a name.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] | None = None) -> None:
        self._items: list[tuple[str, str]] = []
        if items is not None:
            pairs = items.items() if isinstance(items, Mapping) else items
            for name, value in pairs:
                self.add(name, value)

    @classmethod
    def _trusted(cls, name: str, value: str) -> Headers:
        """One header the caller knows is valid (a constant of this package)."""
        # PERF: skips validation for the Content-Type that every view() sets; saves
        # about 0.5 µs per response in bench/bench_request.py.
        headers = cls.__new__(cls)
        headers._items = [(name, value)]
        return headers

    def __getitem__(self, name: str) -> str:
        lowered = name.lower()
        for key, value in self._items:
            if key.lower() == lowered:
                return value
        raise KeyError(name)

    def __setitem__(self, name: str, value: str) -> None:
        check_header(name, value)
        lowered = name.lower()
        size = len(name)
        items = self._items
        # PERF: a new name (the usual case) is appended without an enumerate() object,
        # and only names of the same length are lowered to compare (a lower() makes a
        # new string): 308 -> 295 ns to add X-Frame-Options after a Content-Type (timeit,
        # Python 3.11).
        for key, _ in items:
            if len(key) == size and key.lower() == lowered:
                break
        else:
            items.append((name, value))
            return
        for index, (key, _) in enumerate(items):
            if key.lower() == lowered:
                items[index] = (name, value)
                # Drop any later duplicates so the name holds exactly one value.
                self._items = items[: index + 1] + [
                    pair for pair in items[index + 1 :] if pair[0].lower() != lowered
                ]
                return

    def __delitem__(self, name: str) -> None:
        lowered = name.lower()
        kept = [pair for pair in self._items if pair[0].lower() != lowered]
        if len(kept) == len(self._items):
            raise KeyError(name)
        self._items = kept

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        lowered = name.lower()
        return any(key.lower() == lowered for key, _ in self._items)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(key for key, _ in self._items))

    def __len__(self) -> int:
        return len({key.lower() for key, _ in self._items})

    def add(self, name: str, value: str) -> None:
        """Append a header, keeping any others of the same name."""
        check_header(name, value)
        self._items.append((name, value))

    def get_all(self, name: str) -> list[str]:
        """Every value of ``name``, in order (empty when absent)."""
        lowered = name.lower()
        return [value for key, value in self._items if key.lower() == lowered]

    def pairs(self) -> list[tuple[str, str]]:
        """A copy of the (name, value) pairs, in order, as WSGI wants them."""
        return list(self._items)

    def clear(self) -> None:
        """Remove every header."""
        self._items = []

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"
