"""The request being served by the current thread, for code that is not handed it.

Templates reach ``request``, ``session`` and the CSRF helpers through it, so one shared
:class:`~masonite.providers.view.View` serves concurrent requests without mixing them up:
each thread (or task) sees only the request it is serving.
"""

from __future__ import annotations

from contextvars import ContextVar

from masonite.request import Request

__all__ = ["current_request"]

#: Set by ``AppProvider`` when it builds the request; cleared when the request ends.
current_request: ContextVar[Request | None] = ContextVar("masonite_current_request", default=None)
