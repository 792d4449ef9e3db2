"""What the generators share: name checks, stub rendering and never overwriting."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from cleo.helpers import argument
from cleo.io.inputs.argument import Argument

from masonite.craft.command import CraftCommand
from masonite.craft.errors import CraftError


class GeneratorCommand(CraftCommand):
    """A command that writes one new file under a conventional folder of the project.

    Subclasses set ``name``, ``aliases``, ``folder``, and either ``suffix`` and
    ``stub_name`` (a Python module named after its class) or their own :meth:`plan`.
    The base class checks that the current folder is a project, creates the folders,
    refuses to overwrite anything and prints the path it created.
    """

    folder: ClassVar[tuple[str, ...]] = ()
    suffix: ClassVar[str] = ""
    stub_name: ClassVar[str] = ""
    arguments: ClassVar[list[Argument]] = [argument("name", "The name of the new file's class.")]

    def plan(self, name: str) -> tuple[tuple[str, ...], str]:
        """Return the file's path parts under :attr:`folder` and its contents.

        By default: ``<Name><suffix>.py`` (in subfolders for ``admin.Name``) holding
        the stub :attr:`stub_name` rendered with :meth:`context`.
        """
        from masonite.craft.names import split_class_name

        parts = split_class_name(name, self.suffix)
        return (*parts[:-1], f"{parts[-1]}.py"), stub(self.stub_name, self.context(parts[-1]))

    def context(self, class_name: str) -> dict[str, str]:
        """The placeholders of the stub for the class ``class_name``."""
        return {"class_name": class_name}

    def handle(self) -> int:
        """Write the planned file into the project and print where it went."""
        from masonite.craft.project import require_project

        root = require_project()
        parts, text = self.plan(self.argument("name"))
        relative = Path(*self.folder, *parts)
        write_new(root / relative, text, relative)
        self.done(f"Created {relative.as_posix()}")
        return 0


def write_new(path: Path, text: str, shown: Path) -> None:
    """Create ``path`` (and its folders) holding ``text``; never replace a file.

    Raises:
        CraftError: When ``path`` exists, or the file cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x" creates the file or fails if anything is there: no check-then-write race.
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise CraftError(
            f"{shown.as_posix()} already exists; craft never overwrites a file"
        ) from None
    except OSError as error:
        raise CraftError(
            f"could not create {shown.as_posix()}: {error.strerror or error}"
        ) from None


def stub(name: str, context: Mapping[str, str]) -> str:
    """Render the stub ``stubs/<name>.stub`` shipped in this package with ``context``."""
    from importlib.resources import files

    from masonite.craft.rendering import render

    resource = files("masonite.craft").joinpath("stubs").joinpath(f"{name}.stub")
    text = resource.read_text(encoding="utf-8")
    return render(text, context)
