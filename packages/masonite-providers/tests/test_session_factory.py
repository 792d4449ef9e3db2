from __future__ import annotations

from typing import Any

import pytest

from masonite.providers import ConfigError
from masonite.providers.sessions.factory import create_driver, session_settings


class FakeConfig:
    """The one method session_settings() uses, over a dict of config/session.py names."""

    def __init__(self, **values: Any) -> None:
        self.values = {f"session.{name}": value for name, value in values.items()}

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


def test_defaults() -> None:
    settings = session_settings(FakeConfig())  # type: ignore[arg-type]
    assert settings.cookie_name == "session"
    assert settings.secure is None  # Secure when the request came over HTTPS
    assert settings.same_site == "Lax"


@pytest.mark.parametrize(("value", "secure"), [(None, None), (True, True), (False, False)])
def test_secure_setting(value: object, secure: bool | None) -> None:
    settings = session_settings(FakeConfig(secure=value))  # type: ignore[arg-type]
    assert settings.secure is secure


def test_bad_values_name_the_file() -> None:
    with pytest.raises(ConfigError, match=r"config/session\.py"):
        session_settings(FakeConfig(lifetime=0))  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="DRIVER = 'disk' is not a session driver"):
        create_driver(FakeConfig(driver="disk"), "key")  # type: ignore[arg-type]
