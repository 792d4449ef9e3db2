"""Dot-path lookups into nested input: ``user.name``, ``items.0.id``, ``items.*.id``."""

from __future__ import annotations

from typing import Any

__all__ = ["MISSING", "lookup"]

MISSING: Any = object()


def _child(node: Any, segment: str) -> Any:
    if type(node) is dict:
        return node.get(segment, MISSING)
    if type(node) is list and segment.isascii() and segment.isdigit():
        index = int(segment)
        return node[index] if index < len(node) else MISSING
    return MISSING


def lookup(data: Any, path: str, default: Any = None) -> Any:
    """Follow a dot path through dicts and lists.

    A segment names a dict key or a list index; ``*`` matches every item of a list or
    every value of a dict and makes the result a list of the matches (``default`` when
    nothing matched).
    """
    segments = path.split(".")
    if "*" not in segments:
        node = data
        for segment in segments:
            node = _child(node, segment)
            if node is MISSING:
                return default
        return node
    frontier = [data]
    for segment in segments:
        found: list[Any] = []
        for node in frontier:
            if segment == "*":
                if type(node) is dict:
                    found.extend(node.values())
                elif type(node) is list:
                    found.extend(node)
            else:
                child = _child(node, segment)
                if child is not MISSING:
                    found.append(child)
        frontier = found
        if not frontier:
            return default
    return frontier
