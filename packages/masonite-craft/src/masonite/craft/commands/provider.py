"""`craft provider NAME` (also `make:provider`)."""

from __future__ import annotations

from typing import ClassVar

from cleo.helpers import argument
from cleo.io.inputs.argument import Argument

from masonite.craft.generator import GeneratorCommand


class ProviderCommand(GeneratorCommand):
    """Create a service provider under app/providers."""

    name = "provider"
    aliases: ClassVar[list[str]] = ["make:provider"]
    description = "Create a service provider in app/providers."
    help = (
        "<info>craft provider Blog</info> writes app/providers/BlogProvider.py, a subclass of\n"
        "masonite.providers.ServiceProvider; add it to PROVIDERS in config/providers.py."
    )
    folder = ("app", "providers")
    suffix = "Provider"
    stub_name = "provider.py"
    arguments: ClassVar[list[Argument]] = [argument("name", "The provider name ('Blog').")]
