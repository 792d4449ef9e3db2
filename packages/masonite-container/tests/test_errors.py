from __future__ import annotations

from masonite.container import (
    ContainerError,
    MissingContainerBindingNotFound,
    StrictContainerException,
)


def test_hierarchy() -> None:
    assert issubclass(MissingContainerBindingNotFound, ContainerError)
    assert issubclass(MissingContainerBindingNotFound, LookupError)
    assert issubclass(StrictContainerException, ContainerError)
    assert issubclass(ContainerError, Exception)


def test_attributes_and_message() -> None:
    error = ContainerError("boom", key="Mailer", parameter="mailer", target="app.f (app.py:3)")
    assert (error.key, error.parameter, error.target) == ("Mailer", "mailer", "app.f (app.py:3)")
    assert error.message == "boom"
    assert str(error) == "boom"
    assert error.trail == []


def test_needed_by_builds_a_trail() -> None:
    error = MissingContainerBindingNotFound("inner")
    error.needed_by("helper", "app.Service (app.py:9)")
    error.needed_by("service", "app.show (app.py:20)")
    assert str(error) == (
        "inner\n"
        "  needed by parameter 'helper' of app.Service (app.py:9)\n"
        "  needed by parameter 'service' of app.show (app.py:20)"
    )
    assert error.message == "inner"
