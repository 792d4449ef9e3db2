from __future__ import annotations

import dataclasses

import pytest

from masonite.request import Limits


def test_defaults_match_the_documented_values() -> None:
    limits = Limits()
    assert limits.max_body_size == 2_621_440  # 2.5 MiB
    assert limits.max_fields == 1000
    assert limits.max_parts == 1000
    assert limits.max_files == 100
    assert limits.max_field_size == 500_000
    assert limits.max_depth == 8
    assert limits.max_file_size == 32 * 1024 * 1024


def test_limits_are_frozen_and_replaceable() -> None:
    limits = Limits()
    with pytest.raises(dataclasses.FrozenInstanceError):
        limits.max_fields = 5  # type: ignore[misc]
    assert dataclasses.replace(limits, max_fields=5).max_fields == 5


@pytest.mark.parametrize("value", [-1, 1.5, "10", True])
def test_invalid_limits_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="max_fields"):
        Limits(max_fields=value)  # type: ignore[arg-type]


def test_body_timeout_is_a_positive_number_of_seconds_or_none() -> None:
    assert Limits().body_timeout == 10.0
    assert Limits(body_timeout=None).body_timeout is None
    assert Limits(body_timeout=2).body_timeout == 2
    for value in (0, -1.0, float("nan"), float("inf"), "5", True):
        with pytest.raises(ValueError, match="body_timeout"):
            Limits(body_timeout=value)  # type: ignore[arg-type]
