"""Turning what a controller returned into the request's response."""

from __future__ import annotations

from typing import Any

from masonite.request import Request
from masonite.routing.errors import ControllerError

__all__ = ["render_result"]


def render_result(result: Any, request: Request, controller: str) -> None:
    """Write ``result`` into ``request.response``.

    ``str``/``bytes`` (HTML / raw bytes), ``dict``/``list`` (JSON), ``(body, status)``,
    a ``Response``, a file object or any iterable (streamed) are accepted. ``None`` is
    accepted only when the controller already set the response itself.

    Raises:
        ControllerError: ``None`` with nothing set, or a value that is no response body;
            the message names the controller.
    """
    response = request.response
    if result is None:
        if response.is_set():
            return
        raise ControllerError(
            f"{controller} returned None and set no response; return a body "
            f"(str, bytes, dict, list, a Response...) or set request.response"
        )
    if result is response:
        return
    if type(result) is dict:
        # PERF: the JSON answer is the common API case; skip view()'s type ladder.
        response.json(result)
        return
    try:
        response.view(result)
    except TypeError as error:
        raise ControllerError(f"{controller} returned {type(result).__name__}: {error}") from error
