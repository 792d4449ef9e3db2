"""`craft controller NAME [--resource] [--exact]` (also `make:controller`)."""

from __future__ import annotations

from typing import ClassVar

from cleo.helpers import argument, option
from cleo.io.inputs.argument import Argument
from cleo.io.inputs.option import Option

from masonite.craft.generator import GeneratorCommand


class ControllerCommand(GeneratorCommand):
    """Create a controller under app/http/controllers."""

    name = "controller"
    aliases: ClassVar[list[str]] = ["make:controller"]
    description = "Create a controller in app/http/controllers."
    help = (
        "<info>craft controller Blog</info> writes app/http/controllers/BlogController.py;\n"
        "<info>craft controller admin.Blog</info> writes "
        "app/http/controllers/admin/BlogController.py,\nreached as "
        "'admin.BlogController@show'. <comment>--exact</comment> keeps the name as typed;\n"
        "<comment>--resource</comment> adds index, create, store, show, edit, update and destroy."
    )
    folder = ("app", "http", "controllers")
    arguments: ClassVar[list[Argument]] = [
        argument("name", "The controller name ('Blog' or 'admin.Blog')."),
    ]
    options: ClassVar[list[Option]] = [
        option("resource", "r", "Write the seven resource actions."),
        option("exact", "e", "Do not add the 'Controller' suffix."),
    ]

    def plan(self, name: str) -> tuple[tuple[str, ...], str]:
        """``BlogController.py`` and its code, from the name and the options."""
        from masonite.craft.generator import stub
        from masonite.craft.names import snake_case, split_class_name

        parts = split_class_name(name, "Controller", exact=self.option("exact"))
        class_name = parts[-1]
        base = class_name.removesuffix("Controller") or class_name
        url = "/".join([*parts[:-1], snake_case(base)])
        context = {
            "class_name": class_name,
            "controller_string": ".".join(parts),
            "url": url,
            "resource": snake_case(base).replace("_", " "),
        }
        text = stub(
            "controller_resource.py" if self.option("resource") else "controller.py", context
        )
        return (*parts[:-1], f"{class_name}.py"), text
