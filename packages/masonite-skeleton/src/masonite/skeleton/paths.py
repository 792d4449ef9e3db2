"""Where the application template lives inside the installed package."""

from __future__ import annotations

from pathlib import Path

__all__ = ["template_path"]

# PERF: computed once at import with pathlib only; `craft new` imports this module and
# nothing else of the package, so the lookup adds no measurable time to it.
_TEMPLATE = Path(__file__).resolve().parent / "template"


def template_path() -> Path:
    """Return the folder that ``craft new`` copies into a new project.

    Inside it, a file whose name ends in ``-tpl`` is rendered (``{{ project_name }}`` and
    ``{{ app_key }}`` replaced) and written without the suffix, and a leading ``dot-``
    in a name becomes ``.`` (``dot-gitignore`` is the project's ``.gitignore``). Every
    other file, such as ``favicon.ico``, is copied byte for byte.

    Returns:
        The absolute path of the ``template`` folder shipped in this package.

    Example:
        >>> from masonite.skeleton import template_path
        >>> (template_path() / "wsgi.py-tpl").is_file()
        True
    """
    return _TEMPLATE
