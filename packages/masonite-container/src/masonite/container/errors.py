"""The container's exceptions.

Every message names what went wrong and where: the key, the parameter and the
callable (qualified name and ``file:line`` when Python can tell), so a user can
fix their code from the message alone. The same facts are kept as attributes for
code that handles the error.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ContainerError", "MissingContainerBindingNotFound", "StrictContainerException"]


class ContainerError(Exception):
    """The container could not do what was asked.

    Attributes:
        message: The first line of the message, without the ``needed by`` trail.
        key: The binding key or annotation concerned, when there is one.
        parameter: The name of the parameter being resolved, when there is one.
        target: A description of the callable concerned (``module.Qualname (file:line)``).
        trail: The chain of parameters that led to this error when it happened
            while building a dependency, innermost first.
    """

    def __init__(
        self,
        message: str,
        *,
        key: Any = None,
        parameter: str | None = None,
        target: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.parameter = parameter
        self.target = target
        self.trail: list[str] = []

    def needed_by(self, parameter: str, target: str) -> None:
        """Record that the failing dependency was needed by ``parameter`` of ``target``.

        The container calls this while the error travels up through nested
        constructor injection, so the message shows the whole chain.
        """
        self.trail.append(f"needed by parameter '{parameter}' of {target}")

    def __str__(self) -> str:
        if not self.trail:
            return self.message
        return self.message + "".join(f"\n  {line}" for line in self.trail)


class MissingContainerBindingNotFound(ContainerError, LookupError):
    """Nothing in the container (or its parents) answers the key asked for."""


class StrictContainerException(ContainerError):
    """A strict container refused to rebind a key that is already bound."""
