"""``StartResponseProvider``: the response becomes WSGI (status, headers, cookies, body)."""

from __future__ import annotations

from masonite.providers.lifecycle import WSGI_RESULT
from masonite.providers.provider import ServiceProvider
from masonite.request import Request, Response

__all__ = ["StartResponseProvider"]


class StartResponseProvider(ServiceProvider):
    """Last framework provider: saves the session, then converts the ``Response``.

    The session is written (a ``Set-Cookie``) only when it changed or held flash values.
    ``response.to_wsgi(environ)`` gives the status line, every header (Content-Type,
    Content-Length, each Set-Cookie, Location) and the body, which the lifecycle sends.
    """

    def boot(self, request: Request, response: Response) -> None:
        """Save the session and leave the WSGI triple for the lifecycle."""
        environ = request.environ
        # PERF: the session is created on first use (sessions/lazy.py): one that was
        # never read is saved only when a cookie came, whose flash values may need to age.
        session = request.__dict__.get("session")
        if session is None and "HTTP_COOKIE" in environ:
            session = getattr(request, "session", None)
        if session is not None:
            session.save(response)
        environ[WSGI_RESULT] = response.to_wsgi(environ)
