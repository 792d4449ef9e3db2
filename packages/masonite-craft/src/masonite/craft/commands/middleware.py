"""`craft middleware NAME` (also `make:middleware`)."""

from __future__ import annotations

from typing import ClassVar

from cleo.helpers import argument
from cleo.io.inputs.argument import Argument

from masonite.craft.generator import GeneratorCommand


class MiddlewareCommand(GeneratorCommand):
    """Create a middleware under app/http/middleware."""

    name = "middleware"
    aliases: ClassVar[list[str]] = ["make:middleware"]
    description = "Create a middleware in app/http/middleware."
    help = (
        "<info>craft middleware Auth</info> writes app/http/middleware/AuthMiddleware.py with\n"
        "a class that has before() and after(); register it in config/middleware.py."
    )
    folder = ("app", "http", "middleware")
    suffix = "Middleware"
    stub_name = "middleware.py"
    arguments: ClassVar[list[Argument]] = [argument("name", "The middleware name ('Auth').")]
