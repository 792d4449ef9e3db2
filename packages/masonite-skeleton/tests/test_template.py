"""The template folder: its layout, and that every file survives packaging and rendering."""

from __future__ import annotations

import re
import struct
from importlib.metadata import requires
from pathlib import Path

import pytest

from masonite.skeleton import template_path

TEMPLATE = template_path()

# DESIGN.md section 7 and the issue: what every new project holds (paths in the project).
EXPECTED = [
    "wsgi.py",
    "bootstrap/__init__.py",
    "bootstrap/start.py",
    "config/__init__.py",
    "config/application.py",
    "config/providers.py",
    "config/middleware.py",
    "config/session.py",
    "config/storage.py",
    "routes/__init__.py",
    "routes/web.py",
    "routes/api.py",
    "app/__init__.py",
    "app/http/__init__.py",
    "app/http/controllers/__init__.py",
    "app/http/controllers/WelcomeController.py",
    "app/http/middleware/__init__.py",
    "app/providers/__init__.py",
    "resources/templates/base.html",
    "resources/templates/welcome.html",
    "resources/templates/errors/404.html",
    "resources/templates/errors/500.html",
    "storage/static/robots.txt",
    "storage/public/robots.txt",
    "storage/public/favicon.ico",
    ".env-example",
    ".gitignore",
    "pyproject.toml",
    "README.md",
    "tests/conftest.py",
]


def template_files() -> list[Path]:
    return sorted(p for p in TEMPLATE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def project_name(path: Path) -> str:
    """Where a template file lands in a new project (craft's rules, docs/contracts.md)."""
    parts = []
    for part in path.relative_to(TEMPLATE).parts:
        part = part.removesuffix("-tpl")
        parts.append("." + part[4:] if part.startswith("dot-") else part)
    return "/".join(parts)


def test_the_template_holds_every_file_of_a_project() -> None:
    produced = {project_name(p) for p in template_files()}
    assert [name for name in EXPECTED if name not in produced] == []


def test_python_files_carry_the_tpl_suffix_so_no_tool_takes_them_for_code() -> None:
    bare = [p for p in template_files() if p.suffix in (".py", ".pyi", ".toml", ".cfg", ".ini")]
    assert bare == []


def test_no_name_starts_with_a_dot() -> None:
    # Dotfiles ship as dot-NAME: a real .gitignore or .env would be read (or dropped)
    # by git and hatchling instead of being packaged.
    dotted = list(TEMPLATE.rglob(".*"))
    assert dotted == []


def test_no_folder_is_empty() -> None:
    # Wheels carry files, not folders: an empty folder would vanish from the package.
    empty = [d for d in TEMPLATE.rglob("*") if d.is_dir() and not any(d.iterdir())]
    assert empty == []


def test_two_template_files_never_land_on_the_same_project_path() -> None:
    names = [project_name(p) for p in template_files()]
    assert len(names) == len(set(names))


def test_only_rendered_files_mention_the_project_name() -> None:
    # A placeholder in a file without -tpl would reach the project unrendered.
    placeholder = re.compile(r"\{\{\s*(project_name|app_key)\s*\}\}")
    stray = [
        p.relative_to(TEMPLATE).as_posix()
        for p in template_files()
        if not p.name.endswith("-tpl")
        and p.suffix != ".ico"
        and placeholder.search(p.read_text(encoding="utf-8"))
    ]
    assert stray == []


def test_the_example_env_holds_no_key() -> None:
    # .env-example goes into version control; craft new writes the key into .env only.
    text = (TEMPLATE / "dot-env-example-tpl").read_text(encoding="utf-8")
    assert re.search(r"^KEY=$", text, re.MULTILINE)
    assert "{{ app_key }}" not in text


def test_the_gitignore_keeps_env_out_of_version_control() -> None:
    lines = (TEMPLATE / "dot-gitignore").read_text(encoding="utf-8").splitlines()
    assert ".env" in lines
    assert ".env-example" not in lines


def test_the_favicon_is_a_real_icon() -> None:
    data = (TEMPLATE / "storage" / "public" / "favicon.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    assert count >= 1
    for index in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (width, height) != (0, 0) or size > 0
        assert offset + size <= len(data)
        image = data[offset : offset + size]
        # Either a PNG or a BITMAPINFOHEADER (40 bytes) with twice the height (XOR + AND).
        if not image.startswith(b"\x89PNG"):
            header_size, bmp_width, bmp_height = struct.unpack_from("<Iii", image)
            assert header_size == 40
            assert (bmp_width, bmp_height) == (width or 256, 2 * (height or 256))


def _dependencies(text: str) -> set[str]:
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.MULTILINE | re.DOTALL)
    assert block is not None
    return {_normal(found) for found in re.findall(r'"([^"]+)"', block.group(1))}


def _normal(requirement: str) -> str:
    """``name>=1,<2`` with its specifiers sorted, so equal requirements compare equal."""
    requirement = requirement.replace(" ", "")
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name is not None
    specifiers = requirement[name.end() :].split(",")
    return name.group(0).lower().replace("_", "-") + ",".join(sorted(specifiers))


def test_a_new_project_requires_what_masonite_skeleton_requires() -> None:
    # A release that moves the siblings' ranges must move the new projects' too.
    project = _dependencies((TEMPLATE / "pyproject.toml-tpl").read_text(encoding="utf-8"))
    skeleton = {_normal(r) for r in requires("masonite-skeleton") or [] if "extra ==" not in r}
    assert project == skeleton


@pytest.mark.parametrize("name", ["wsgi.py-tpl", "bootstrap/start.py-tpl"])
def test_the_entry_points_use_only_the_public_lifecycle_functions(name: str) -> None:
    text = (TEMPLATE / name).read_text(encoding="utf-8")
    imported = re.findall(r"^from (masonite\.[\w.]+) import", text, re.MULTILINE)
    assert set(imported) <= {"masonite.container", "masonite.providers"}
