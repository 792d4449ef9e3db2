"""Media types: parse ``Content-Type`` values and compare ``Accept`` preferences."""

from __future__ import annotations

__all__ = ["parse_media_type", "prefers_json"]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


def parse_media_type(value: str) -> tuple[str, dict[str, str]]:
    """``'Text/HTML; charset="UTF-8"'`` -> ``('text/html', {'charset': 'UTF-8'})``.

    Parameter names are lower-cased; a parameter without ``=`` is ignored. Quoted values
    may not contain ``;`` (no client sends one in a boundary or charset).
    """
    mime, _, rest = value.partition(";")
    params: dict[str, str] = {}
    if rest:
        for item in rest.split(";"):
            name, sep, raw = item.partition("=")
            name = name.strip().lower()
            if sep and name and name not in params:
                params[name] = _unquote(raw)
    return mime.strip().lower(), params


def _ranges(accept: str) -> list[tuple[str, float]]:
    ranges: list[tuple[str, float]] = []
    for item in accept.split(","):
        mime, params = parse_media_type(item)
        if not mime:
            continue
        quality = 1.0
        raw = params.get("q")
        if raw is not None:
            try:
                quality = float(raw)
            except ValueError:
                quality = 0.0
            if not 0.0 <= quality <= 1.0:  # also rejects nan
                quality = 0.0
        ranges.append((mime, quality))
    return ranges


def _score(ranges: list[tuple[str, float]], mime: str) -> tuple[float, int, int]:
    """(quality, specificity, -position) of the most specific range matching ``mime``."""
    major = mime.split("/", 1)[0] + "/*"
    best = (0.0, -1, 0)
    for position, (candidate, quality) in enumerate(ranges):
        rank = (
            2 if candidate == mime else 1 if candidate == major else 0 if candidate == "*/*" else -1
        )
        if rank > best[1]:
            best = (quality, rank, -position)
    return best


def prefers_json(accept: str | None) -> bool:
    """True when ``accept`` ranks ``application/json`` above ``text/html``.

    On equal quality the more specific mention wins, then the one listed first; a
    browser's ``text/html,...,*/*`` therefore stays HTML.
    """
    if not accept:
        return False
    ranges = _ranges(accept)
    json_score = _score(ranges, "application/json")
    return json_score[0] > 0.0 and json_score > _score(ranges, "text/html")
