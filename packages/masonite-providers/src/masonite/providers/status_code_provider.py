"""``StatusCodeProvider``: error responses get the app's error page (or a built-in one)."""

from __future__ import annotations

from masonite.providers.error_pages import ErrorPages
from masonite.providers.provider import ServiceProvider
from masonite.request import Request, Response

__all__ = ["StatusCodeProvider"]


class StatusCodeProvider(ServiceProvider):
    """Renders ``resources/templates/errors/<code>.html`` (else a clean built-in page) for
    error responses; api routes and JSON clients keep their JSON error body.

    Only responses made from an HTTP error (a 404, a 405, a CSRF failure...) and error
    statuses set without a body are touched; a controller's own error body stays.
    """

    def ready(self) -> None:
        """Take the app's ``ErrorPages`` (bound at start-up)."""
        self.pages: ErrorPages = self.app.make("ErrorPages")

    def boot(self, request: Request, response: Response) -> None:
        """Give an error response its page."""
        if response.status_code >= 400:
            self.pages.render(request, response)
