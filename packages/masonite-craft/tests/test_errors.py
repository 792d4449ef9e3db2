from __future__ import annotations

from masonite.craft.errors import CraftError


def test_craft_error_carries_message_and_exit_code() -> None:
    error = CraftError("bad name", exit_code=3)
    assert str(error) == "bad name"
    assert error.message == "bad name"
    assert error.exit_code == 3
    assert CraftError("x").exit_code == 1
