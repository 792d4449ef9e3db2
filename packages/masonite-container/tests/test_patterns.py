from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masonite.container import ContainerError
from masonite.container.patterns import binding_filter, compile_pattern
from masonite.container.recipe import Recipe


@pytest.mark.parametrize(
    ("pattern", "key", "expected"),
    [
        ("*Command", "MigrateCommand", True),
        ("*Command", "Command", True),
        ("*Command", "CommandX", False),
        ("Sentry*", "SentryHook", True),
        ("Sentry*", "Sentr", False),
        ("Sentry*Hook", "SentryExceptionHook", True),
        ("Sentry*Hook", "SentryHook", True),
        ("Sentry*Hook", "SentryHoo", False),
        ("ab*ba", "aba", False),
        ("*", "", True),
        ("*", "anything", True),
        ("a.b*", "a.bc", True),  # literal, not a regex
        ("a.b*", "axbc", False),
    ],
)
def test_compile_pattern(pattern: str, key: str, expected: bool) -> None:
    assert compile_pattern(pattern)(key) is expected


@pytest.mark.parametrize("pattern", ["", "Command", "a**", "*a*"])
def test_compile_pattern_needs_exactly_one_star(pattern: str) -> None:
    with pytest.raises(ContainerError) as info:
        compile_pattern(pattern)
    assert repr(pattern) in str(info.value)
    assert info.value.key == pattern


# No deadline: under the parallel tox matrix a slow example is load, not a bug.
@settings(deadline=None)
@given(
    prefix=st.text(max_size=6),
    suffix=st.text(max_size=6),
    key=st.text(max_size=14),
)
def test_compile_pattern_agrees_with_a_regular_expression(
    prefix: str, suffix: str, key: str
) -> None:
    pattern = f"{prefix}*{suffix}"
    if pattern.count("*") != 1:
        return
    reference = re.fullmatch(re.escape(prefix) + ".*" + re.escape(suffix), key, re.S) is not None
    assert compile_pattern(pattern)(key) is reference


class _Thing:
    pass


def test_binding_filter_by_pattern_sees_string_keys_only() -> None:
    wanted = binding_filter("*Command")
    assert wanted("MigrateCommand", object())
    assert not wanted(_Thing, object())


def test_binding_filter_by_class_sees_instances_and_recipes() -> None:
    wanted = binding_filter(_Thing)
    assert wanted("a", _Thing())
    assert wanted("b", Recipe(_Thing, shared=False))
    assert not wanted("c", 5)


def test_binding_filter_refuses_other_searches() -> None:
    with pytest.raises(ContainerError, match="takes a pattern"):
        binding_filter(5)
