from __future__ import annotations

from pathlib import Path

import masonite.skeleton
from masonite.skeleton import template_path
from masonite.skeleton.paths import template_path as defined


def test_template_path_is_exported() -> None:
    assert "template_path" in masonite.skeleton.__all__
    assert template_path is defined


def test_template_path_is_the_template_folder_of_the_installed_package() -> None:
    path = template_path()
    assert isinstance(path, Path)
    assert path.is_absolute()
    assert path.is_dir()
    assert path.name == "template"
    assert path.parent == Path(masonite.skeleton.__file__).resolve().parent


def test_template_path_holds_the_entry_points() -> None:
    assert (template_path() / "wsgi.py-tpl").is_file()
    assert (template_path() / "bootstrap" / "start.py-tpl").is_file()
