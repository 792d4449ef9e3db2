from __future__ import annotations

from masonite.craft.rendering import render


def test_known_placeholders_are_replaced_with_or_without_spaces() -> None:
    text = "{{ project_name }} {{project_name}} {{  app_key  }}"
    assert render(text, {"project_name": "blog", "app_key": "k"}) == "blog blog k"


def test_other_placeholders_and_jinja_syntax_are_kept() -> None:
    text = "{{ title }} {% block content %}{{ project_name }}{% endblock %} { x } {{ 1 + 2 }}"
    assert render(text, {"project_name": "blog"}) == (
        "{{ title }} {% block content %}blog{% endblock %} { x } {{ 1 + 2 }}"
    )


def test_replacements_are_inserted_literally() -> None:
    assert render("{{ a }}", {"a": "{{ b }} \\1 \\g<0>", "b": "no"}) == "{{ b }} \\1 \\g<0>"
