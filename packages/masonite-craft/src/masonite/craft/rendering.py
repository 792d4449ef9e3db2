"""The tiny substitution used for the project template and the generator stubs."""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def render(text: str, context: Mapping[str, str]) -> str:
    """Replace ``{{ name }}`` with ``context[name]`` for the names in ``context``.

    Placeholders for other names are left as they are, so a Jinja2 view shipped in a
    template keeps its own ``{{ ... }}`` expressions. Replacement text is inserted
    literally (never re-scanned), whatever it contains.
    """

    def replace(match: re.Match[str]) -> str:
        return context.get(match.group(1), match.group(0))

    return _PLACEHOLDER.sub(replace, text)
