"""Copying the application template of masonite-skeleton into a new project."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from masonite.craft.errors import CraftError
from masonite.craft.keys import with_key, write_private
from masonite.craft.rendering import render

RENDER_SUFFIX = "-tpl"
DOT_PREFIX = "dot-"
# Never part of a template, even when a development checkout leaves them around.
_SKIPPED = frozenset({"__pycache__", ".DS_Store", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


def template_path() -> Path:
    """Return the template folder shipped by the installed masonite-skeleton.

    Raises:
        CraftError: When masonite-skeleton is not installed (or is too old to say
            where its template is).
    """
    import importlib

    # Imported by name: masonite-skeleton depends on craft, never the other way round.
    try:
        skeleton = importlib.import_module("masonite.skeleton")
    except ImportError:
        raise CraftError(
            "masonite-skeleton is not installed, and craft new copies its template:"
            " pip install masonite-skeleton"
        ) from None
    locate = getattr(skeleton, "template_path", None)
    if not callable(locate):
        raise CraftError(
            "the installed masonite-skeleton has no template_path():"
            " pip install -U masonite-skeleton"
        )
    path = Path(locate())
    if not path.is_dir():
        raise CraftError(f"the masonite-skeleton template folder is missing: {path}")
    return path


def target_name(name: str) -> tuple[str, bool]:
    """Map a template file name to its name in the project, and whether to render it.

    ``dot-gitignore`` → ``(".gitignore", False)``; ``wsgi.py-tpl`` → ``("wsgi.py", True)``.
    """
    rendered = name.endswith(RENDER_SUFFIX)
    if rendered:
        name = name[: -len(RENDER_SUFFIX)]
    if name.startswith(DOT_PREFIX):
        name = "." + name[len(DOT_PREFIX) :]
    return name, rendered


def check_target(target: Path) -> None:
    """Refuse a target that exists and is not an empty folder.

    Raises:
        CraftError: When ``target`` is a file or a folder with anything in it.
    """
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir():
        raise CraftError(f"{target} exists and is not a folder")
    if any(target.iterdir()):
        raise CraftError(f"{target} already exists and is not empty; choose another folder")


def copy_template(source: Path, target: Path, context: Mapping[str, str]) -> list[Path]:
    """Copy the template folder ``source`` into ``target``; return the files written.

    Files ending in ``-tpl`` are rendered with ``context`` and written without the
    suffix; a leading ``dot-`` in any file or folder name becomes ``.``. Other files
    (images, for instance) are copied byte for byte. Permissions are kept.

    Raises:
        CraftError: When two template entries map to the same project path.
    """
    written: list[Path] = []
    for folder, subfolders, files in os.walk(source):
        subfolders[:] = sorted(name for name in subfolders if name not in _SKIPPED)
        relative = Path(folder).relative_to(source)
        destination = target.joinpath(*(target_name(part)[0] for part in relative.parts))
        destination.mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            if name in _SKIPPED or name.endswith((".pyc", ".pyo")):
                continue
            out_name, rendered = target_name(name)
            path = destination / out_name
            if path.exists():
                raise CraftError(f"the template holds {path.relative_to(target)} twice")
            source_file = Path(folder) / name
            if rendered:
                text = source_file.read_text(encoding="utf-8")
                with path.open("x", encoding="utf-8", newline="") as handle:
                    handle.write(render(text, context))
            else:
                shutil.copyfile(source_file, path)
            shutil.copymode(source_file, path)
            written.append(path)
    return written


def write_env(target: Path, key: str) -> Path | None:
    """Write ``target/.env`` from ``target/.env-example`` with ``KEY`` set to ``key``.

    Returns the path written, or ``None`` when the template has no ``.env-example``.
    The file is readable by its owner only.
    """
    example = target / ".env-example"
    if not example.is_file():
        return None
    env = target / ".env"
    write_private(env, with_key(example.read_text(encoding="utf-8"), key))
    return env


def remove_partial(target: Path, created: bool) -> None:
    """Undo a failed copy: remove ``target`` if craft created it, else empty it again."""
    if created:
        shutil.rmtree(target, ignore_errors=True)
        return
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
