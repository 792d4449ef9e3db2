"""`craft new NAME [--path DIR]`: a new project from the masonite-skeleton template."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import ClassVar

from cleo.helpers import argument, option
from cleo.io.inputs.argument import Argument
from cleo.io.inputs.option import Option

from masonite.craft.command import CraftCommand, escape
from masonite.craft.errors import CraftError


class NewCommand(CraftCommand):
    """Create a project by copying the template of the installed masonite-skeleton."""

    name = "new"
    description = "Create a new Masonite project from the masonite-skeleton template."
    help = (
        "Copies the application template shipped by masonite-skeleton (no network) into\n"
        "<comment>./NAME</comment> (or <comment>--path</comment>), renders the project name, and "
        "writes <comment>.env</comment>\nwith a fresh application key. The target must not exist "
        "or be an empty folder.\n\n  <info>craft new blog</info>\n  <info>craft new blog --path "
        ".</info>   (into the current, empty folder)"
    )
    arguments: ClassVar[list[Argument]] = [
        argument("name", "The project name: letters, digits, '_' and '-'."),
    ]
    options: ClassVar[list[Option]] = [
        option("path", None, "The folder to create the project in.", flag=False, default=None),
    ]

    def handle(self) -> int:
        """Validate, copy the template, write `.env`, print the next steps."""
        from masonite.craft.keys import generate_key
        from masonite.craft.names import validate_project_name
        from masonite.craft.template import (
            check_target,
            copy_template,
            remove_partial,
            template_path,
            write_env,
        )

        name = validate_project_name(self.argument("name"))
        path_option: str | None = self.option("path")
        if path_option is not None and not path_option.strip():
            raise CraftError("--path is empty")
        target = Path(path_option or name).expanduser().absolute()
        check_target(target)
        source = template_path()

        key = generate_key()
        created = not target.exists()
        try:
            target.mkdir(parents=True, exist_ok=True)
            copy_template(source, target, {"project_name": name, "app_key": key})
            write_env(target, key)
        except (OSError, UnicodeDecodeError, CraftError) as error:
            remove_partial(target, created)
            if isinstance(error, CraftError):
                raise
            raise CraftError(f"could not create the project in {target}: {error}") from None

        self.done(f"Created the project {name} in {target}")
        self.line("")
        self.line("Next steps:")
        if target != Path.cwd():
            self.line(f"  cd {escape(_shown(target))}")
        self.line("  craft serve    # then open http://127.0.0.1:8000")
        return 0


def _shown(target: Path) -> str:
    """The shortest way to name ``target`` from the current folder, quoted if needed."""
    try:
        shown = os.path.relpath(target)
    except ValueError:  # another drive on Windows
        shown = str(target)
    if len(shown) > len(str(target)):
        shown = str(target)
    return shlex.quote(shown)
