from __future__ import annotations

import typing
from typing import Any

import pytest

from masonite.request import Request, SessionProtocol
from masonite.request.testing import create_environ


class _DictSession:
    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.data[key] = value

    def has(self, key: str) -> bool:
        return key in self.data

    def delete(self, key: str) -> bool:
        return self.data.pop(key, None) is not None

    def pull(self, key: str, default: Any = None) -> Any:
        return self.data.pop(key, default)

    def all(self) -> dict[str, Any]:
        return dict(self.data)

    def flash(self, key: str, value: Any) -> None:
        self.data[key] = value

    def reset(self, flash_only: bool = False) -> None:
        self.data.clear()

    def regenerate(self) -> None:
        pass


def test_request_declares_session_for_type_checkers() -> None:
    assert typing.get_type_hints(Request)["session"] is SessionProtocol


def test_session_is_absent_until_a_framework_attaches_one() -> None:
    request = Request(create_environ())
    with pytest.raises(AttributeError, match="session"):
        request.session  # noqa: B018
    assert "session" not in request.__dict__


def test_an_attached_session_lives_in_the_instance_dict() -> None:
    request = Request(create_environ())
    session: SessionProtocol = _DictSession()
    request.session = session
    request.session.set("a", 1)
    assert request.__dict__["session"] is session
    assert request.session.get("a") == 1
    assert Request(create_environ()).__dict__ == {}
