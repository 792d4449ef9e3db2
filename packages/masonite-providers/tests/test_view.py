from __future__ import annotations

from pathlib import Path

import pytest

from masonite.providers import View, ViewNotFound
from masonite.providers.view import template_name


@pytest.fixture
def view(tmp_path: Path) -> View:
    (tmp_path / "auth").mkdir()
    (tmp_path / "welcome.html").write_text("Hi {{ name }}{% if request %}!{% endif %}")
    (tmp_path / "auth" / "login.html").write_text("login {{ shared }}")
    (tmp_path / "broken.html").write_text("{% include 'nope.html' %}")
    return View(tmp_path)


def test_render_escapes_by_default(view: View) -> None:
    assert view.render("welcome", {"name": "<b>"}) == "Hi &lt;b&gt;"


@pytest.mark.parametrize("name", ["auth/login", "auth.login", "auth/login.html"])
def test_names(view: View, name: str) -> None:
    view.share(shared="ok")
    assert view.render(name) == "login ok"
    assert view.exists(name)


def test_template_name() -> None:
    assert template_name("welcome") == "welcome.html"
    assert template_name("errors.404") == "errors/404.html"
    assert template_name("mail/note.txt") == "mail/note.txt"


def test_missing_template_names_it_and_the_folder(view: View) -> None:
    with pytest.raises(
        ViewNotFound, match=r"view 'nothing' not found: there is no nothing.html in "
    ):
        view.render("nothing")
    assert not view.exists("nothing")


def test_missing_include_names_the_include(view: View) -> None:
    with pytest.raises(ViewNotFound, match=r"template 'nope.html' \(used by view 'broken'\)"):
        view.render("broken")


def test_no_escape_from_the_folder(view: View, tmp_path: Path) -> None:
    (tmp_path.parent / "outside.html").write_text("secret")
    with pytest.raises(ViewNotFound):
        view.render("../outside.html")
