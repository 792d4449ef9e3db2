"""The tail index: a dict for routes shaped ``/literal/.../@param``, the commonest shape.

For such a route the path minus its last segment is a fixed string, so
``path.rpartition('/')`` and one dict lookup find it, with no regex unless the
converter needs one. A route joins the index only when no earlier-declared route of the
same table could match any path it matches (checked here, once), so answering from the
index keeps "first declared wins". Paths the index does not settle (a trailing ``/``, a
converter that refuses the segment) go on to the regex tree, which holds every route.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from typing import Any

from masonite.routing.converters import Converter, SegmentConverter
from masonite.routing.matcher import Entry
from masonite.routing.routes import Route
from masonite.routing.template import Segment

__all__ = ["TailHit", "compile_tails"]

#: (route, parameter name, regex check of the segment or None, to_python or None)
TailHit = tuple[Route, str, "Callable[[str], Any] | None", "Callable[[str], Any] | None"]

# Past this many optional segments an earlier route is assumed to conflict (2**n variants).
_MAX_OPTIONAL = 6


def _tail_shaped(entry: Entry) -> bool:
    segments = entry.template.segments
    if not segments:
        return False
    last = segments[-1]
    if last.name is None or last.optional:
        return False
    if any(segment.text is None for segment in segments[:-1]):
        return False
    # Defaults for names outside the template would have to be merged in: leave those to
    # the tree.
    return all(key in entry.template.params for key in entry.route.defaults)


def compile_tails(
    entries: list[Entry], converters: Mapping[str, Converter]
) -> tuple[dict[str, TailHit], bool]:
    """Index the tail-shaped routes of one table (declaration order).

    Returns:
        The index (path without its last segment → hit), and whether it is complete: every
        parametrised route is tail-shaped and its head is a key, so a path without a
        trailing ``/`` whose head is not a key matches no parametrised route at all.
    """
    index: dict[str, TailHit] = {}
    # Earlier parametrised routes by literal prefix, and by that prefix minus its last
    # segment: the only ones that can match ``head + one segment`` (literals never drop).
    by_prefix: dict[tuple[str, ...], list[Entry]] = {}
    by_parent: dict[tuple[str, ...], list[Entry]] = {}
    complete = True
    for entry in entries:
        if entry.template.is_static:
            continue
        head_segments = entry.prefix
        if not _tail_shaped(entry):
            complete = False
        else:
            head = "/" + "/".join(head_segments) if head_segments else ""
            if head not in index:
                candidates = [
                    other
                    for size in range(len(head_segments) + 1)
                    for other in by_prefix.get(head_segments[:size], ())
                ]
                candidates += by_parent.get(head_segments, ())
                if any(_could_match(other, head_segments, converters) for other in candidates):
                    complete = False
                else:
                    index[head] = _hit(entry, converters)
        by_prefix.setdefault(head_segments, []).append(entry)
        if head_segments:
            by_parent.setdefault(head_segments[:-1], []).append(entry)
    return index, complete


def _hit(entry: Entry, converters: Mapping[str, Converter]) -> TailHit:
    segment = entry.template.segments[-1]
    assert segment.name is not None
    converter = converters[segment.converter]
    check = None
    if type(converter) is not SegmentConverter:
        check = re.compile(converter.regex).fullmatch
    convert = None
    if type(converter).to_python is not Converter.to_python:
        convert = converter.to_python
    return (entry.route, segment.name, check, convert)


def _could_match(other: Entry, head: tuple[str, ...], converters: Mapping[str, Converter]) -> bool:
    """Whether ``other`` may match a path made of ``head`` plus one more segment."""
    segments = other.template.segments
    # Cheap rejection: a literal of ``other`` that differs from the head's at the same place.
    for position, segment in enumerate(segments[: len(head)]):
        if segment.optional:
            break  # positions shift from here on; check the variants below
        if segment.text is not None and segment.text != head[position]:
            return False
    optional = [position for position, s in enumerate(segments) if s.optional]
    if len(optional) > _MAX_OPTIONAL:
        return True
    for dropped in itertools.product((False, True), repeat=len(optional)):
        gone = {position for position, drop in zip(optional, dropped, strict=True) if drop}
        variant = [s for position, s in enumerate(segments) if position not in gone]
        if len(variant) == len(head) + 1 and all(
            _segment_accepts(s, text, converters) for s, text in zip(variant, head, strict=False)
        ):
            return True
    return False


def _segment_accepts(segment: Segment, text: str, converters: Mapping[str, Converter]) -> bool:
    if segment.text is not None:
        return segment.text == text
    return re.fullmatch(converters[segment.converter].regex, text) is not None
