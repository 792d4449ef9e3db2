"""Route templates: ``/users/@id:int/posts/?page`` parsed once, when the route is declared.

A template is a sequence of ``/``-separated segments; each is literal text, a required
parameter ``@name`` / ``@name:converter`` or an optional one ``?name`` / ``?name:converter``.
A parameter always fills a whole segment. The parsed :class:`Template` gives the regex the
matcher compiles and builds paths back from values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

from masonite.routing.converters import Converter, converter_names, get_converter
from masonite.routing.errors import RouteDefinitionError, UrlBuildError

__all__ = ["Segment", "Template", "join_paths", "parse_template"]

_PARAM = re.compile(r"(?P<kind>[@?])(?P<name>[^:]*)(?::(?P<converter>.*))?\Z", re.DOTALL)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Literal text is matched as decoded text and built back percent-encoded (UTF-8).
_LITERAL_SAFE = "!$&'()*+,;=:@-._~"


@dataclass(frozen=True)
class Segment:
    """One segment of a template: literal ``text``, or a parameter ``name`` with its converter."""

    text: str | None = None
    name: str | None = None
    converter: str = "segment"
    optional: bool = False


@dataclass(frozen=True)
class Template:
    """A parsed route template.

    Attributes:
        path: The normalised source (leading ``/``, no trailing ``/`` except the root).
        segments: The segments in order (empty for ``/``).
        params: The parameter names in order.
    """

    path: str
    segments: tuple[Segment, ...]
    params: tuple[str, ...]

    @property
    def is_static(self) -> bool:
        """True when the template has no parameter, so the path is matched by equality."""
        return not self.params

    @property
    def literal_prefix(self) -> tuple[str, ...]:
        """The literal segments before the first parameter."""
        prefix: list[str] = []
        for segment in self.segments:
            if segment.text is None:
                break
            prefix.append(segment.text)
        return tuple(prefix)

    def regex(self, converters: Mapping[str, Converter], *, named: bool = True) -> str:
        """Return a regex (for ``fullmatch``) over the whole decoded path.

        A trailing ``/`` is accepted, so ``/blog`` and ``/blog/`` match alike. With
        ``named=False`` the parameters are plain numbered groups, in order.
        """
        parts: list[str] = []
        for segment in self.segments:
            if segment.text is not None:
                parts.append("/" + re.escape(segment.text))
                continue
            body = converters[segment.converter].regex
            group = f"(?P<{segment.name}>{body})" if named else f"({body})"
            parts.append(f"(?:/{group})?" if segment.optional else f"/{group}")
        return "".join(parts) + "/?"

    def build(
        self,
        values: Mapping[str, Any],
        converters: Mapping[str, Converter],
        defaults: Mapping[str, Any],
        *,
        describe: str,
    ) -> str:
        """Return the percent-encoded path for ``values``.

        Raises:
            UrlBuildError: A required parameter is missing, a value does not convert or does
                not match its converter, or optional parameters leave the path ambiguous.
        """
        parts: list[str] = []
        skipped: str | None = None
        for segment in self.segments:
            if segment.text is not None:
                parts.append(quote(segment.text, safe=_LITERAL_SAFE))
                continue
            name = segment.name
            assert name is not None
            if name not in values:
                if segment.optional:
                    skipped = name
                    continue
                raise UrlBuildError(f"{describe}: missing parameter {name!r}")
            if segment.optional and skipped is not None:
                raise UrlBuildError(
                    f"{describe}: optional parameter {name!r} given without {skipped!r}"
                )
            converter = converters[segment.converter]
            value = values[name]
            if segment.optional and value is None:
                skipped = name
                continue
            if segment.optional and name in defaults and value == defaults[name]:
                # The default is what an absent segment means: keep the shorter path.
                skipped = name
                continue
            try:
                text = converter.to_url(value)
            except (TypeError, ValueError) as error:
                raise UrlBuildError(f"{describe}: parameter {name!r}: {error}") from error
            if "/" in text or not re.fullmatch(converter.regex, unquote(text)):
                raise UrlBuildError(
                    f"{describe}: parameter {name!r}={value!r} does not match "
                    f"the {segment.converter!r} converter"
                )
            parts.append(text)
        return "/" + "/".join(parts)


def join_paths(prefix: str, path: str) -> str:
    """Join a group prefix and a route path: ``('/api', '/')`` gives ``'/api'``."""
    return "/" + "/".join(part for part in (prefix.strip("/"), path.strip("/")) if part)


def normalise(path: str) -> str:
    """Give ``path`` a leading ``/`` and drop a trailing one (the root stays ``/``)."""
    if not path.startswith("/"):
        path = "/" + path
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    return path


def parse_template(
    path: str,
    *,
    describe: str,
    converters: Mapping[str, Converter] | None = None,
) -> Template:
    """Parse a route template, checking it fully.

    Args:
        path: The template, such as ``/users/@id:int``.
        describe: How to name the route in an error (``"route GET '/users/@id'"``).
        converters: Converters known beside the registered ones (they take precedence).

    Raises:
        RouteDefinitionError: Not a string, an empty segment, a bad parameter name, a
            duplicate parameter or an unknown converter.
    """
    if not isinstance(path, str):
        raise RouteDefinitionError(f"{describe}: the path must be a str, not {type(path).__name__}")
    if any(ch in path for ch in "\r\n\x00#"):
        raise RouteDefinitionError(f"{describe}: the path contains a forbidden character")
    source = normalise(path)
    segments: list[Segment] = []
    names: list[str] = []
    if source != "/":
        for raw in source[1:].split("/"):
            if not raw:
                raise RouteDefinitionError(f"{describe}: empty segment in {source!r}")
            match = _PARAM.match(raw)
            if match is None:
                segments.append(Segment(text=raw))
                continue
            name = match.group("name")
            converter = match.group("converter")
            if not _IDENTIFIER.match(name):
                raise RouteDefinitionError(
                    f"{describe}: parameter {raw!r} needs a name that is a Python identifier"
                )
            if name in names:
                raise RouteDefinitionError(f"{describe}: duplicate parameter {name!r}")
            if converter is None:
                converter = "segment"
            elif not _known(converter, converters):
                raise RouteDefinitionError(
                    f"{describe}: unknown converter {converter!r} for parameter {name!r} "
                    f"(known: {', '.join(_all_names(converters))})"
                )
            names.append(name)
            segments.append(
                Segment(name=name, converter=converter, optional=match.group("kind") == "?")
            )
    return Template(path=source, segments=tuple(segments), params=tuple(names))


def _known(name: str, extra: Mapping[str, Converter] | None) -> bool:
    return (extra is not None and name in extra) or get_converter(name) is not None


def _all_names(extra: Mapping[str, Converter] | None) -> list[str]:
    return sorted(set(converter_names()) | set(extra or ()))
