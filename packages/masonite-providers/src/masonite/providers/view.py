"""Jinja2 views over ``resources/templates``: ``View.render('welcome', {...})``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from masonite.providers.context import current_request
from masonite.providers.exceptions import ViewNotFound

__all__ = ["View", "template_name"]

_EXTENSIONS = (".html", ".htm", ".txt", ".xml", ".jinja", ".jinja2", ".j2")


def template_name(name: str) -> str:
    """Return the template file for a view name.

    ``'welcome'`` is ``welcome.html``; ``'auth/login'`` and ``'auth.login'`` are
    ``auth/login.html``; a name that already ends in a template extension is kept.
    """
    if name.endswith(_EXTENSIONS):
        return name
    return name.replace(".", "/") + ".html"


class View:
    """Renders Jinja2 templates, HTML-autoescaped, from one folder.

    One instance is shared by every request (Jinja2 environments are thread-safe). While a
    request is served, templates also see ``request`` and ``session`` (the current
    request's) besides the globals given with :meth:`share`; the framework adds
    ``route(name, **params)``, ``csrf_field`` and ``csrf_token``.

    Args:
        path: The templates folder (``<app>/resources/templates``).
        auto_reload: Re-read a template when its file changes (use in debug only).

    Attributes:
        environment: The ``jinja2.Environment``, for filters, tests and extensions.
    """

    def __init__(self, path: str | os.PathLike[str], *, auto_reload: bool = False) -> None:
        self.path = Path(path)
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.path)),
            autoescape=True,
            auto_reload=auto_reload,
            keep_trailing_newline=True,
        )

    def share(self, **values: Any) -> None:
        """Make ``values`` available to every template (call it at start-up)."""
        self.environment.globals.update(values)

    def exists(self, name: str) -> bool:
        """Return True when the template for view ``name`` exists."""
        try:
            self.environment.get_template(template_name(name))
        except jinja2.TemplateNotFound:
            return False
        return True

    def render(self, name: str, context: Mapping[str, Any] | None = None) -> str:
        """Render view ``name`` with ``context`` and return the HTML text.

        A controller can return the text: the router sends it as ``text/html``.

        Raises:
            ViewNotFound: The template (or one it includes) does not exist; the message
                names it and the templates folder.
        """
        file = template_name(name)
        try:
            template = self.environment.get_template(file)
            request = current_request.get()
            if request is None:
                values = dict(context) if context else {}
            else:
                values = {"request": request, "session": getattr(request, "session", None)}
                if context:
                    values.update(context)
            return template.render(values)
        except jinja2.TemplateNotFound as error:
            missing = error.name if isinstance(error.name, str) else file
            if missing == file:
                raise ViewNotFound(
                    f"view {name!r} not found: there is no {file} in {self.path}"
                ) from None
            raise ViewNotFound(
                f"template {missing!r} (used by view {name!r}) not found in {self.path}"
            ) from None
