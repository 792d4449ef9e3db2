"""Validation of the names users give to `craft new` and the generators."""

from __future__ import annotations

import keyword
import os
import re
import sys
from importlib.machinery import PathFinder

from masonite.craft.errors import CraftError

# The name becomes the distribution name in the generated pyproject.toml, which must
# start and end with a letter or digit; a leading digit is refused too (`2blog`).
_PROJECT_NAME = re.compile(r"[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?\Z")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_VIEW_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\Z")
_MAX_LENGTH = 64

# Names a generated project reaches as top-level modules or folders: a project called
# like one of them would shadow it (or be shadowed) on sys.path.
RESERVED_NAMES = frozenset(
    {"masonite", "app", "bootstrap", "config", "routes", "resources", "storage", "tests"}
    | {"test", "wsgi", "craft", "gunicorn", "cleo"}
)


def validate_project_name(name: str) -> str:
    """Check a name for `craft new` and return it unchanged.

    A project name is made of ASCII letters, digits, ``_`` and ``-``, starts with a
    letter, ends with a letter or digit, is at most 64 characters, and does not clash with the
    standard library, the framework's own module names or an importable module.

    Raises:
        CraftError: Naming the rule the name breaks.
    """
    if not name:
        raise CraftError("the project name is empty")
    if len(name) > _MAX_LENGTH:
        raise CraftError(f"the project name is longer than {_MAX_LENGTH} characters")
    if not _PROJECT_NAME.match(name):
        raise CraftError(
            f"{name!r} is not a valid project name: use letters, digits, '_' and '-',"
            " starting with a letter and ending with a letter or digit"
        )
    module = name.replace("-", "_")
    lowered = module.lower()
    if keyword.iskeyword(module) or lowered in RESERVED_NAMES:
        raise CraftError(f"{name!r} clashes with a name the project uses; choose another")
    if lowered in sys.stdlib_module_names:
        raise CraftError(f"{name!r} clashes with the standard library module {lowered!r}")
    if _installed(module):
        raise CraftError(f"{name!r} clashes with the installed Python module {module!r}")
    return name


def _installed(module: str) -> bool:
    """Whether ``module`` is importable from site-packages (not from the cwd)."""
    cwd = os.getcwd()
    # The current directory is on sys.path under `python -m`; any folder there would
    # count as a namespace package, so only real modules outside it are clashes.
    path = [entry for entry in sys.path if entry and os.path.abspath(entry) != cwd]
    spec = PathFinder.find_spec(module, path)
    return spec is not None and spec.origin not in (None, "namespace")


def split_class_name(name: str, suffix: str = "", *, exact: bool = False) -> list[str]:
    """Split a generator's class name into its folders and the class name.

    ``admin.User`` and ``admin/User`` both give ``["admin", "UserController"]`` for the
    suffix ``Controller``; the suffix is added unless ``exact`` is true or the name
    already ends with it. Each part must be an identifier starting with a letter (no
    private or dunder names: controller strings never resolve to those) and not a
    Python keyword.

    Raises:
        CraftError: Naming the part that is not valid.
    """
    parts = name.replace("/", ".").split(".")
    for part in parts:
        if not _IDENTIFIER.match(part) or keyword.iskeyword(part):
            raise CraftError(
                f"{name!r} is not a valid name: each part must be a Python identifier"
                " starting with a letter (for example 'Blog' or 'admin.Dashboard')"
            )
    if suffix and not exact and not parts[-1].endswith(suffix):
        parts[-1] += suffix
    if len(parts[-1]) > _MAX_LENGTH:
        raise CraftError(f"{name!r} is longer than {_MAX_LENGTH} characters")
    return parts


def split_view_name(name: str) -> list[str]:
    """Split a view name (``blog.post`` → ``["blog", "post"]``) into path parts.

    Dots separate folders; each part holds ASCII letters, digits, ``_`` and ``-``
    (and cannot be ``.``/``..``, so a view never lands outside the templates folder).
    A trailing ``.html`` is ignored.

    Raises:
        CraftError: Naming the part that is not valid.
    """
    if name.endswith(".html"):
        name = name[: -len(".html")]
    parts = name.replace("/", ".").split(".")
    for part in parts:
        if not _VIEW_SEGMENT.match(part) or len(part) > _MAX_LENGTH:
            raise CraftError(
                f"{name!r} is not a valid view name: use letters, digits, '_' and '-',"
                " with dots between folders (for example 'blog.post')"
            )
    return parts


def snake_case(name: str) -> str:
    """``BlogPost`` → ``blog_post``; used for example URLs and command names."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
