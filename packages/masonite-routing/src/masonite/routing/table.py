"""One method's compiled routes: the static dict, the tail index and the regex tree."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from masonite.routing.converters import Converter
from masonite.routing.matcher import (
    Entry,
    Finder,
    Found,
    RouteMatch,
    compile_finder,
    compile_static,
)
from masonite.routing.tails import TailHit, compile_tails

__all__ = ["MethodTable", "compile_table", "find_in"]


class MethodTable(NamedTuple):
    """The compiled routes of one method (the router's hot path unpacks it)."""

    static: dict[str, RouteMatch]
    tails: dict[str, TailHit]
    tree: Finder | None
    tails_complete: bool


def compile_table(entries: list[Entry], converters: Mapping[str, Converter]) -> MethodTable:
    """Compile ``entries`` (one method's routes, in declaration order)."""
    tree = compile_finder(entries, converters)
    static = compile_static(entries, tree)
    tails, complete = compile_tails(entries, converters)
    return MethodTable(static, tails, tree, complete)


def find_in(table: MethodTable, path: str) -> Found | None:
    """Look ``path`` up in ``table`` (the router inlines this on its hot path)."""
    found = table.static.get(path)
    if found is not None:
        return found
    if table.tails:
        head, _, tail = path.rpartition("/")
        hit = table.tails.get(head)
        if hit is not None:
            if tail:
                route, name, check, convert = hit
                if check is None or check(tail) is not None:
                    return (route, {name: tail if convert is None else convert(tail)})
        elif table.tails_complete and tail:
            return None
    return table.tree(path) if table.tree is not None else None
