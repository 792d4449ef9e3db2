"""The one exception type craft commands raise for an expected failure."""

from __future__ import annotations


class CraftError(Exception):
    """A failure the user can fix, reported as one line and a non-zero exit status.

    Commands raise it from ``handle()``; :class:`masonite.craft.command.CraftCommand`
    turns it into ``craft: <message>`` on stderr, so no traceback is ever shown for it.

    Args:
        message: One line saying what is wrong and, where it helps, what to do.
        exit_code: The process exit status (1 unless a command has a reason to differ).
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
