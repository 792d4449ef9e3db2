from __future__ import annotations

from pathlib import Path

import pytest

from masonite.craft.errors import CraftError
from masonite.craft.names import (
    snake_case,
    split_class_name,
    split_view_name,
    validate_project_name,
)


@pytest.mark.parametrize("name", ["blog", "b", "my-blog", "my_blog", "Blog2", "a" * 64])
def test_valid_project_names_are_returned_unchanged(name: str) -> None:
    assert validate_project_name(name) == name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "empty"),
        ("a" * 65, "longer than 64"),
        ("2blog", "not a valid project name"),
        ("-blog", "not a valid project name"),
        ("_blog", "not a valid project name"),
        ("blog-", "not a valid project name"),
        ("blog_", "not a valid project name"),
        ("_", "not a valid project name"),
        ("my blog", "not a valid project name"),
        ("blog!", "not a valid project name"),
        ("../blog", "not a valid project name"),
        ("blog/x", "not a valid project name"),
        ("blög", "not a valid project name"),
        ("class", "clashes with a name"),
        ("test", "clashes with a name"),
        ("masonite", "clashes with a name"),
        ("app", "clashes with a name"),
        ("config", "clashes with a name"),
        ("wsgi", "clashes with a name"),
        ("Config", "clashes with a name"),
        ("json", "standard library"),
        ("email", "standard library"),
        ("pytest", "installed Python module"),
    ],
)
def test_invalid_project_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(CraftError, match=message):
        validate_project_name(name)


def test_a_folder_in_the_current_directory_is_not_a_module_clash(workdir: Path) -> None:
    (workdir / "blog").mkdir()
    (workdir / "shop.py").write_text("")
    assert validate_project_name("blog") == "blog"
    assert validate_project_name("shop") == "shop"


@pytest.mark.parametrize(
    ("name", "suffix", "exact", "parts"),
    [
        ("Blog", "Controller", False, ["BlogController"]),
        ("BlogController", "Controller", False, ["BlogController"]),
        ("Blog", "Controller", True, ["Blog"]),
        ("admin.Blog", "Controller", False, ["admin", "BlogController"]),
        ("admin/Blog", "Controller", False, ["admin", "BlogController"]),
        ("Auth", "Middleware", False, ["AuthMiddleware"]),
        ("Blog", "", False, ["Blog"]),
    ],
)
def test_split_class_name(name: str, suffix: str, exact: bool, parts: list[str]) -> None:
    assert split_class_name(name, suffix, exact=exact) == parts


@pytest.mark.parametrize(
    "name",
    [
        "",
        "2Blog",
        "_Blog",
        "__init__",
        "Blog-Post",
        "admin..Blog",
        "../Blog",
        "class",
        "Blög",
        "a.b.",
    ],
)
def test_split_class_name_refuses_invalid_names(name: str) -> None:
    with pytest.raises(CraftError, match="not a valid name"):
        split_class_name(name, "Controller")


def test_split_class_name_refuses_overlong_names() -> None:
    with pytest.raises(CraftError, match="longer than 64"):
        split_class_name("B" * 60, "Controller")


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("welcome", ["welcome"]),
        ("blog.post", ["blog", "post"]),
        ("blog/post", ["blog", "post"]),
        ("blog.post.html", ["blog", "post"]),
        ("errors.404", ["errors", "404"]),
        ("about-us", ["about-us"]),
    ],
)
def test_split_view_name(name: str, parts: list[str]) -> None:
    assert split_view_name(name) == parts


@pytest.mark.parametrize(
    "name", ["", "blog..post", "../etc", "blog/../x", "-x", "a b", "x.html.", "ü"]
)
def test_split_view_name_refuses_invalid_names(name: str) -> None:
    with pytest.raises(CraftError, match="not a valid view name"):
        split_view_name(name)


@pytest.mark.parametrize(
    ("name", "snake"),
    [
        ("Blog", "blog"),
        ("BlogPost", "blog_post"),
        ("HTTPClient", "http_client"),
        ("Post2", "post2"),
    ],
)
def test_snake_case(name: str, snake: str) -> None:
    assert snake_case(name) == snake
