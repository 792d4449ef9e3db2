from __future__ import annotations

from typing import Any

from masonite.container.index import index_binding
from masonite.container.recipe import Recipe


class Base:
    pass


class Child(Base):
    pass


def _bind(
    bindings: dict[Any, Any],
    answers: dict[type, Any],
    ready: dict[type, Any],
    key: str,
    stored: Any,
) -> None:
    bindings[key] = stored
    index_binding(answers, ready, bindings, key, stored)


def test_an_instance_answers_its_class_and_bases_but_not_object() -> None:
    bindings: dict[Any, Any] = {}
    answers: dict[type, Any] = {}
    ready: dict[type, Any] = {}
    child = Child()
    _bind(bindings, answers, ready, "child", child)
    assert answers == {Child: "child", Base: "child"}
    assert ready == {Child: child, Base: child}


def test_an_exact_type_wins_over_an_earlier_subclass() -> None:
    bindings: dict[Any, Any] = {}
    answers: dict[type, Any] = {}
    ready: dict[type, Any] = {}
    _bind(bindings, answers, ready, "child", Child())
    base = Base()
    _bind(bindings, answers, ready, "base", base)
    assert answers[Base] == "base"
    assert ready[Base] is base
    assert answers[Child] == "child"


def test_a_class_binding_is_indexed_without_a_ready_instance() -> None:
    bindings: dict[Any, Any] = {}
    answers: dict[type, Any] = {}
    ready: dict[type, Any] = {Child: Child()}
    _bind(bindings, answers, ready, "made", Recipe(Child, shared=False))
    assert answers[Child] == "made"
    assert Child not in ready
