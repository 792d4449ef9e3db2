"""Reading settings from the process environment, filled from the app's ``.env`` file.

``load_env`` reads ``.env`` with python-dotenv once at start-up and never overrides a
variable already set in the real environment (so a deployment's settings win over the
file). ``env`` reads one variable and casts it, with an error naming the variable when the
value does not fit the cast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, overload

from dotenv import load_dotenv

from masonite.providers.exceptions import ConfigError

__all__ = ["env", "load_env", "to_bool"]

T = TypeVar("T")

_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


def load_env(path: str | os.PathLike[str]) -> bool:
    """Load ``path`` (a ``.env`` file) into ``os.environ`` without overriding set variables.

    Args:
        path: The file, usually ``<app>/.env``. A missing file is not an error.

    Returns:
        True when the file existed and was read.
    """
    file = Path(path)
    if not file.is_file():
        return False
    return load_dotenv(file, override=False)


def to_bool(value: str, name: str = "value") -> bool:
    """Cast ``true/false``, ``1/0``, ``yes/no``, ``on/off`` (any case) to a bool.

    Raises:
        ConfigError: For any other text; the message names ``name`` and the value.
    """
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(
        f"environment variable {name}={value!r} is not a boolean "
        "(use true/false, 1/0, yes/no or on/off)"
    )


@overload
def env(name: str) -> str | None: ...
@overload
def env(name: str, default: T) -> str | T: ...
@overload
def env(name: str, default: Any = None, *, cast: Callable[[str], T]) -> T: ...


def env(name: str, default: Any = None, *, cast: Callable[[str], Any] | None = None) -> Any:
    """Return the environment variable ``name``, cast, or ``default`` when it is unset.

    With no ``cast``, the type of ``default`` picks one: a ``bool`` default casts with
    :func:`to_bool`, an ``int`` default with ``int``, a ``float`` default with ``float``;
    anything else returns the text. An empty value counts as unset when there is a cast
    (``DEBUG=`` in ``.env`` means "use the default"), and is returned as ``""`` otherwise.

    Args:
        name: The variable, e.g. ``"APP_DEBUG"``.
        default: Returned as it is (never cast) when the variable is unset.
        cast: ``bool``, ``int``, ``float``, ``str`` or any callable taking the text.

    Raises:
        ConfigError: When the value does not fit the cast; the message names the variable.

    Example:
        >>> DEBUG = env("APP_DEBUG", False)
        >>> WORKERS = env("WORKERS", 2, cast=int)
    """
    raw = os.environ.get(name)
    if cast is None:
        # bool first: bool is a subclass of int.
        if isinstance(default, bool):
            cast = bool
        elif isinstance(default, int | float):
            cast = type(default)
    if raw is None or (raw == "" and cast is not None and cast is not str):
        return default
    if cast is None or cast is str:
        return raw
    if cast is bool:
        return to_bool(raw, name)
    try:
        return cast(raw.strip() if cast in (int, float) else raw)
    except (TypeError, ValueError) as error:
        kind = getattr(cast, "__name__", repr(cast))
        raise ConfigError(
            f"environment variable {name}={raw!r} cannot be read as {kind}: {error}"
        ) from None
