"""`craft routes`: a table of every route of the project."""

from __future__ import annotations

from typing import ClassVar

from cleo.io.inputs.argument import Argument
from cleo.io.inputs.option import Option

from masonite.craft.command import CraftCommand, escape
from masonite.craft.errors import CraftError


class RoutesCommand(CraftCommand):
    """List the routes of the project the current folder holds."""

    name = "routes"
    description = "List every route: methods, path, name, middleware and target."
    help = (
        "Imports the project's wsgi.py and prints the router's listing, web routes\n"
        "first, in the order they are matched."
    )
    arguments: ClassVar[list[Argument]] = []
    options: ClassVar[list[Option]] = []

    def handle(self) -> int:
        """Import the project, ask its router for the routes, print them as a table."""
        from masonite.craft.project import describe, project_container, require_project
        from masonite.craft.route_table import route_table

        container = project_container(require_project())
        try:
            headers, rows = route_table(container.make("Router").routes())
        except Exception as error:  # the project's code: report it in one line
            raise CraftError(f"could not list the routes: {describe(error)}") from None
        if not rows:
            self.line("The project has no routes.")
            return 0
        table = self.table()
        table.set_headers(headers)
        table.set_rows([[escape(cell) for cell in row] for row in rows])
        table.render()
        return 0
