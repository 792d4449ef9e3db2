"""`craft view NAME` (also `make:view`)."""

from __future__ import annotations

from typing import ClassVar

from cleo.helpers import argument
from cleo.io.inputs.argument import Argument

from masonite.craft.generator import GeneratorCommand

LAYOUT = "base.html"


class ViewCommand(GeneratorCommand):
    """Create a Jinja2 view under resources/templates."""

    name = "view"
    aliases: ClassVar[list[str]] = ["make:view"]
    description = "Create a view in resources/templates."
    help = (
        "<info>craft view blog.post</info> writes resources/templates/blog/post.html, rendered "
        "by\nView.render('blog.post'). When resources/templates/base.html exists, the view\n"
        "extends it and fills its 'title' and 'content' blocks."
    )
    folder = ("resources", "templates")
    arguments: ClassVar[list[Argument]] = [argument("name", "The view name ('blog.post').")]

    def plan(self, name: str) -> tuple[tuple[str, ...], str]:
        """``blog/post.html`` and its markup."""
        from masonite.craft.generator import stub
        from masonite.craft.names import split_view_name
        from masonite.craft.project import require_project

        parts = split_view_name(name)
        layout = require_project().joinpath(*self.folder, LAYOUT).is_file()
        context = {"view_title": " ".join(parts[-1].replace("-", "_").split("_")).capitalize()}
        text = stub("view_layout.html" if layout else "view.html", context)
        return (*parts[:-1], f"{parts[-1]}.html"), text
