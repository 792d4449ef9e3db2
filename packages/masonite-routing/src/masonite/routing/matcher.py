"""The compiled matcher: static paths in a dict, parametrised paths in a small regex tree.

Built once from the routes of one method (in declaration order), it answers
``find(path) -> RouteMatch | None`` without compiling anything per request:

* Routes without parameters sit in a dict keyed by path (with and without the trailing
  ``/``). A static route that an earlier-declared parametrised route would answer is
  left out at build time, so "first declared wins" holds without a check per request.
* Parametrised routes go into a tree keyed by literal path segments. A node holding a
  handful of routes is a leaf: one precompiled regex alternation over the whole path,
  whose alternatives are in declaration order, so the regex engine itself picks the
  first declared route. A bigger node branches on the first segment where its routes'
  literal prefixes differ: one ``str.find``, a slice and a dict lookup. Routes whose
  parameter comes before that segment are copied into every branch (and the fallback),
  keeping declaration order inside each leaf. Levels every route shares are skipped,
  so ``/api/v1/...`` tables cost one branch, like one-segment tables.

The cost of a lookup is therefore a dict lookup per branch level plus one small regex,
whatever the number of routes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from masonite.routing.converters import Converter
from masonite.routing.routes import Route
from masonite.routing.template import Template

__all__ = [
    "Entry",
    "Finder",
    "Found",
    "RouteMatch",
    "compile_finder",
    "compile_static",
    "new_match",
]

#: Routes in one leaf before the node branches on a segment. Measured: an alternation of
#: up to ~8 alternatives costs about as much as one regex call plus a branch level.
LEAF_MAX = 8
#: Alternatives per regex in a leaf that cannot branch (parameters first).
CHUNK = 32

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class RouteMatch(NamedTuple):
    """The result of matching: the route and its converted parameters."""

    route: Route
    params: Mapping[str, Any]


#: ``(route, params)``: what the finders return (a plain tuple; a ``RouteMatch`` is one too).
Found = tuple[Route, Mapping[str, Any]]
Finder = Callable[[str], "Found | None"]
Finish = Callable[[dict[str, Any]], dict[str, Any]]

# PERF: tuple.__new__ on a NamedTuple subclass skips the Python-level __new__ that the
# NamedTuple constructor runs (about 250 ns down to 130 ns per match). Finders return
# plain (route, params) tuples (25 ns); only ``router.match`` wraps them.
new_match = tuple.__new__


def _identity_to_python(converter: Converter) -> bool:
    return type(converter).to_python is Converter.to_python


class Entry:
    """One route as the matcher sees it (built once per route per router)."""

    __slots__ = ("finish", "index", "prefix", "route", "template", "uses_finish")

    def __init__(
        self, index: int, route: Route, template: Template, converters: Mapping[str, Converter]
    ) -> None:
        self.index = index
        self.route = route
        self.template = template
        self.prefix = template.literal_prefix
        self.finish, self.uses_finish = _make_finish(template, converters, route.defaults)

    def regex(self, converters: Mapping[str, Converter], *, named: bool) -> str:
        """The route's path regex (see :meth:`Template.regex`)."""
        return self.template.regex(converters, named=named)


def _make_finish(
    template: Template, converters: Mapping[str, Converter], defaults: Mapping[str, Any]
) -> tuple[Finish, bool]:
    """Return the function that turns raw matched text into the controller's params."""
    conversions = tuple(
        (s.name, converters[s.converter].to_python)
        for s in template.segments
        if s.name is not None and not _identity_to_python(converters[s.converter])
    )
    optional = tuple(s.name for s in template.segments if s.name is not None and s.optional)
    extra = {k: v for k, v in defaults.items() if k not in template.params}

    def finish(raw: dict[str, Any]) -> dict[str, Any]:
        for name in optional:
            if raw[name] is None:
                if name in defaults:
                    raw[name] = defaults[name]
                else:
                    del raw[name]
        for name, to_python in conversions:
            value = raw.get(name)
            if type(value) is str:
                raw[name] = to_python(value)
        if extra:
            for key, value in extra.items():
                raw.setdefault(key, value)
        return raw

    return finish, bool(conversions or optional or extra)


def compile_static(entries: list[Entry], finder: Finder | None) -> dict[str, RouteMatch]:
    """Map every static path (``/a`` and ``/a/``) to its prebuilt match.

    A path that ``finder`` answers with an earlier-declared route is left out.
    """
    table: dict[str, RouteMatch] = {}
    for entry in entries:
        if not entry.template.is_static:
            continue
        path = entry.template.path
        if path in table:
            continue  # an earlier static route with this path wins
        if finder is not None:
            earlier = finder(path)
            if earlier is not None and _index(earlier) < entry.index:
                continue
        params = MappingProxyType(dict(entry.route.defaults)) if entry.route.defaults else _EMPTY
        found = RouteMatch(entry.route, params)
        table[path] = found
        if path != "/":
            table[path + "/"] = found
    return table


def _index(found: Found) -> int:
    return found[0].index


def compile_finder(entries: list[Entry], converters: Mapping[str, Converter]) -> Finder | None:
    """Compile the parametrised ``entries`` (declaration order) into one finder."""
    dynamic = [entry for entry in entries if not entry.template.is_static]
    if not dynamic:
        return None
    return _node(dynamic, 0, converters)


def _node(entries: list[Entry], depth: int, converters: Mapping[str, Converter]) -> Finder:
    if len(entries) <= LEAF_MAX:
        return _leaf(entries, converters)
    # Skip the levels every route shares, then branch where literal prefixes differ.
    while True:
        own = [e for e in entries if len(e.prefix) <= depth]
        keyed: dict[str, list[Entry]] = {}
        for entry in entries:
            if len(entry.prefix) > depth:
                keyed.setdefault(entry.prefix[depth], []).append(entry)
        if not keyed:
            return _chunked(entries, converters)
        if len(keyed) == 1 and not own:
            depth += 1
            continue
        break
    biggest = max(len(group) for group in keyed.values()) + len(own)
    if biggest >= len(entries):
        return _chunked(entries, converters)
    sample = next(iter(keyed.values()))[0]
    offset = 1 + sum(len(segment) + 1 for segment in sample.prefix[:depth])
    children: dict[str, Finder] = {}
    for key, group in keyed.items():
        members = sorted([*group, *own], key=lambda e: e.index)
        children[key] = _node(members, depth + 1, converters)
    fallback = _node(own, depth + 1, converters) if own else None
    return _branch(offset, children, fallback)


def _branch(offset: int, children: dict[str, Finder], fallback: Finder | None) -> Finder:
    get = children.get
    if fallback is None:

        def branch(path: str) -> Found | None:
            end = path.find("/", offset)
            child = get(path[offset:end] if end >= 0 else path[offset:])
            return None if child is None else child(path)

        return branch

    def branch_with_fallback(path: str) -> Found | None:
        end = path.find("/", offset)
        child = get(path[offset:end] if end >= 0 else path[offset:])
        return (fallback if child is None else child)(path)

    return branch_with_fallback


@functools.lru_cache(maxsize=4096)
def _compile(source: str) -> re.Pattern[str]:
    """``re.compile`` with a cache big enough for a large route table (re's holds 512)."""
    return re.compile(source)


def _leaf(entries: list[Entry], converters: Mapping[str, Converter]) -> Finder:
    if len(entries) == 1:
        return _single(entries[0], converters)
    return _alternation(entries, converters)


def _single(entry: Entry, converters: Mapping[str, Converter]) -> Finder:
    fullmatch = _compile(entry.regex(converters, named=True)).fullmatch
    route = entry.route
    finish = entry.finish
    if not entry.uses_finish:

        def single(path: str) -> Found | None:
            found = fullmatch(path)
            if found is None:
                return None
            return (route, found.groupdict())

        return single

    def single_finished(path: str) -> Found | None:
        found = fullmatch(path)
        if found is None:
            return None
        return (route, finish(found.groupdict()))

    return single_finished


def _alternation(entries: list[Entry], converters: Mapping[str, Converter]) -> Finder:
    # Each alternative ends with an empty marker group; ``lastindex`` is that marker's
    # number, which identifies the route. Parameters are plain numbered groups before it.
    parts: list[str] = []
    table: dict[int, tuple[Route, Callable[[re.Match[str]], dict[str, Any]], Finish | None]] = {}
    group = 0
    for entry in entries:
        parts.append(entry.regex(converters, named=False) + "()")
        names = entry.template.params
        first = group + 1
        group += len(names) + 1
        finish = entry.finish if entry.uses_finish else None
        table[group] = (entry.route, _extractor(names, first), finish)
    fullmatch = _compile("|".join(parts)).fullmatch

    def alternation(path: str) -> Found | None:
        found = fullmatch(path)
        if found is None:
            return None
        route, extract, finish = table[found.lastindex]  # type: ignore[index]
        params = extract(found)
        if finish is not None:
            params = finish(params)
        return (route, params)

    return alternation


def _extractor(names: tuple[str, ...], first: int) -> Callable[[re.Match[str]], dict[str, Any]]:
    """Read the parameters of one alternative (groups ``first``, ``first + 1``...)."""
    if len(names) == 1:
        (name,) = names

        def one(found: re.Match[str]) -> dict[str, Any]:
            return {name: found[first]}

        return one
    groups = tuple(range(first, first + len(names)))

    def many(found: re.Match[str]) -> dict[str, Any]:
        return dict(zip(names, found.group(*groups), strict=True))

    return many


def _chunked(entries: list[Entry], converters: Mapping[str, Converter]) -> Finder:
    chunks = [
        _leaf(entries[start : start + CHUNK], converters) for start in range(0, len(entries), CHUNK)
    ]
    if len(chunks) == 1:
        return chunks[0]

    def chunked(path: str) -> Found | None:
        for chunk in chunks:
            found = chunk(path)
            if found is not None:
                return found
        return None

    return chunked
