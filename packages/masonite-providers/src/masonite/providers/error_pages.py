"""Error pages: the app's ``errors/<code>.html`` when present, else a clean built-in page."""

from __future__ import annotations

import html
import logging
import traceback
from http import HTTPStatus
from typing import Any

from masonite.providers.view import View
from masonite.request import Request, Response
from masonite.request.exceptions import HTTPException

__all__ = ["ErrorPages", "builtin_page", "debug_page", "reason"]

logger = logging.getLogger("masonite")

_STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;"
    "background:#f7f7f8;color:#1f2328}main{max-width:46rem;margin:12vh auto;padding:0 1.5rem}"
    "h1{font-size:1.6rem;margin:0 0 .5rem}p{color:#57606a;line-height:1.5}"
    "pre{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:1rem;"
    "overflow:auto;font-size:.85rem;line-height:1.45;color:#1f2328}"
    "small{color:#8c959f}"
)


def reason(status: int) -> str:
    """Return the reason phrase of ``status`` (``'Not Found'``), or ``'Error'``."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def builtin_page(status: int, message: str | None = None) -> str:
    """Return the built-in HTML page for ``status`` (``message`` escaped)."""
    title = html.escape(f"{status} {reason(status)}")
    text = html.escape(message or reason(status))
    return (
        f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{title}</h1>\n<p>{text}</p>\n</main>\n</body>\n</html>\n"
    )


def debug_page(exc: BaseException, request: Request | None) -> str:
    """Return a readable page with the traceback of ``exc`` (debug mode only; escaped)."""
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins.")
    where = ""
    if request is not None:
        environ = request.environ
        try:
            path = request.path
        except HTTPException:  # not UTF-8: show it as the server passed it, never fail here
            path = str(environ.get("PATH_INFO", ""))
        line = f"{environ.get('REQUEST_METHOD', '')} {path}"
        where = f"<p><small>{html.escape(line)}</small></p>\n"
    trace = html.escape("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    return (
        f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>500: {html.escape(kind)}</title>\n"
        f"<style>{_STYLE}main{{max-width:72rem;margin:4vh auto}}</style>\n"
        f"</head>\n<body>\n<main>\n<h1>{html.escape(kind)}</h1>\n<p>{html.escape(str(exc))}</p>\n"
        f"{where}<pre>{trace}</pre>\n<p><small>This page shows because DEBUG is on; "
        "with DEBUG off the client sees a plain error page.</small></p>\n"
        "</main>\n</body>\n</html>\n"
    )


class ErrorPages:
    """Renders error responses, once per error, for ``StatusCodeProvider`` and the handler.

    Which ``errors/<code>.html`` templates exist is read once, at start-up.

    Args:
        view: The app's views, or None to use only the built-in pages.
        debug: Show tracebacks of unexpected exceptions.
    """

    def __init__(self, view: View | None = None, *, debug: bool = False) -> None:
        self.view = view
        self.debug = debug
        self.templates: frozenset[int] = frozenset()
        if view is not None:
            folder = view.path / "errors"
            if folder.is_dir():
                self.templates = frozenset(
                    int(p.stem)
                    for p in folder.glob("*.html")
                    if p.stem.isdigit() and len(p.stem) == 3
                )

    def page(self, status: int, message: str | None = None, **context: Any) -> str:
        """Return the HTML page for ``status``: the app's template, else the built-in one.

        A template that fails to render is logged and the built-in page is used, so an
        error page never hides the original error behind a second one.
        """
        if self.view is not None and status in self.templates:
            try:
                return self.view.render(
                    f"errors/{status}.html",
                    {
                        "status": status,
                        "reason": reason(status),
                        "message": message or reason(status),
                        **context,
                    },
                )
            except Exception:
                logger.exception("the error page errors/%s.html failed to render", status)
        return builtin_page(status, message)

    @staticmethod
    def wants_json(request: Request | None) -> bool:
        """Return True for api routes and clients whose ``Accept`` prefers JSON."""
        if request is None:
            return False
        route = request.route
        return bool(route is not None and getattr(route, "api", False)) or request.wants_json()

    def render(self, request: Request | None, response: Response) -> None:
        """Give an error ``response`` its page.

        Applies to responses made by ``response.abort(exc)`` (HTML ones are replaced by
        the page; JSON ones are already right) and to error statuses set without a body.
        Any other response, such as a controller's own ``json(..., 422)``, is left alone.
        """
        status = response.status_code
        error = response.error
        if error is None:
            if status < 400 or "Content-Type" in response.headers:
                return
            if self.wants_json(request):
                response.json({"error": {"status": status, "message": reason(status)}})
                return
        elif response.headers.get("Content-Type", "").startswith("application/json"):
            return
        message = error.message if error is not None else reason(status)
        response.view(self.page(status, message), status)

    def exception_response(
        self, exc: BaseException, request: Request | None, environ: dict[str, Any]
    ) -> Response:
        """Return the response for an exception that escaped the providers.

        An :class:`HTTPException` becomes its status and message. Anything else is a 500;
        its text and traceback reach the client only in debug mode.
        """
        response = Response(environ)
        json = self.wants_json(request)
        if isinstance(exc, HTTPException):
            response.abort(exc, json=json)
            if not json:
                response.view(self.page(response.status_code, exc.message), response.status_code)
            return response
        if json:
            error: dict[str, Any] = {"status": 500, "message": reason(500)}
            if self.debug:
                error["exception"] = f"{type(exc).__qualname__}: {exc}"
                error["traceback"] = traceback.format_exception(type(exc), exc, exc.__traceback__)
            return response.json({"error": error}, 500)
        body = debug_page(exc, request) if self.debug else self.page(500)
        return response.view(body, 500)
