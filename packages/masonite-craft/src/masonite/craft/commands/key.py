"""`craft key [--store]`: a new application key, printed or written into `.env`."""

from __future__ import annotations

from typing import ClassVar

from cleo.helpers import option
from cleo.io.inputs.argument import Argument
from cleo.io.inputs.option import Option

from masonite.craft.command import CraftCommand
from masonite.craft.errors import CraftError


class KeyCommand(CraftCommand):
    """Print a new application key, or store it as ``KEY`` in ``.env``."""

    name = "key"
    description = "Print a new application key, or store it in .env with --store."
    help = (
        "A key is 32 random bytes in URL-safe base64 (a Fernet key). With "
        "<comment>--store</comment> it\nreplaces the KEY line of .env in the current folder "
        "(creating the file when\nmissing) and keeps every other line. Changing the key logs "
        "everyone out:\nsessions signed with the old key are no longer accepted."
    )
    arguments: ClassVar[list[Argument]] = []
    options: ClassVar[list[Option]] = [
        option("store", "s", "Write the key into .env instead of printing it."),
    ]

    def handle(self) -> int:
        """Make a key; print it, or write it into ``.env``."""
        from pathlib import Path

        from masonite.craft.keys import generate_key, store_key

        key = generate_key()
        if not self.option("store"):
            self.line(key)
            return 0
        env = Path.cwd() / ".env"
        try:
            store_key(env, key)
        except (OSError, UnicodeDecodeError) as error:
            raise CraftError(f"could not write {env}: {error}") from None
        self.done(f"Stored a new KEY in {env}")
        return 0
