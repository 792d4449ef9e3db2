"""Cross-site request forgery protection: a secret token in the session, echoed by forms."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Collection, Sequence
from typing import ClassVar

from markupsafe import Markup

from masonite.providers.exceptions import ProviderError
from masonite.providers.sessions.session import Session
from masonite.request import Request
from masonite.request.exceptions import Forbidden

__all__ = ["CsrfMiddleware", "TokenMismatch", "csrf_field", "csrf_token"]

SESSION_KEY = "_token"
FIELD = "__token"
_SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS", "TRACE"))


class TokenMismatch(Forbidden):
    """403: an unsafe request came without the page's CSRF token (or with a wrong one)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "This form has expired or did not come from this site (CSRF token missing or "
            "invalid). Go back, reload the page and try again."
        )


def _session(request: Request) -> Session:
    session: Session | None = getattr(request, "session", None)
    if session is None:
        raise ProviderError("CSRF protection needs sessions: add SessionProvider to PROVIDERS")
    return session


def csrf_token(request: Request) -> str:
    """Return the CSRF token of ``request``'s session, creating it on first use.

    Raises:
        ProviderError: The request has no session (``SessionProvider`` is missing).
    """
    session = _session(request)
    token = session.get(SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session.set(SESSION_KEY, token)
    return token


def csrf_field(request: Request) -> Markup:
    """Return the hidden ``<input>`` that carries the CSRF token in a form."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(FIELD, csrf_token(request))


class CsrfMiddleware:
    """Refuses POST, PUT, PATCH and DELETE requests that do not carry the session's token.

    The token travels in the form field ``__token`` (``_token`` works too; ``{{ csrf_field }}``
    writes it) or in an ``X-CSRF-TOKEN`` / ``X-XSRF-TOKEN`` header (for scripts, e.g. read
    from ``<meta name="csrf-token" content="{{ csrf_token }}">``). It is compared in
    constant time. A failure is a 403 with a page that says what happened. Safe methods
    never touch the session, so pages that show no form set no cookie.

    Exempt paths: subclass and list them; ``'/webhooks/*'`` exempts everything below.
    ``exempt`` must be a list or tuple of strings: a bare string (``("/webhooks/*")``
    without the comma) is refused when the class is declared, since iterating it per
    character would make its ``"*"`` exempt every path.

    Example:
        >>> class VerifyCsrfToken(CsrfMiddleware):
        ...     exempt = ["/webhooks/*", "/api/ping"]
    """

    exempt: ClassVar[Sequence[str]] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        _check_exempt(cls)

    def __init__(self, request: Request) -> None:
        self.request = request

    def before(self) -> None:
        """Check the token on unsafe methods.

        Raises:
            TokenMismatch: The token is missing or differs from the session's.
        """
        request = self.request
        if request.method in _SAFE_METHODS or self._is_exempt(request.path):
            return
        expected = _session(request).get(SESSION_KEY)
        sent = self._sent_token(request)
        if (
            not isinstance(expected, str)
            or not expected
            or not isinstance(sent, str)
            or not hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8"))
        ):
            raise TokenMismatch()

    @staticmethod
    def _sent_token(request: Request) -> object:
        for field in (FIELD, "_token"):
            value = request.input(field)
            if value is not None:
                return value
        return request.header("X-CSRF-TOKEN") or request.header("X-XSRF-TOKEN")

    def _is_exempt(self, path: str) -> bool:
        # Checked again here (only unsafe methods get this far) in case `exempt` was
        # reassigned after the class was declared.
        _check_exempt(type(self))
        stripped = path.rstrip("/") or "/"
        for pattern in self.exempt:
            if pattern.endswith("*"):
                if path.startswith(pattern[:-1]):
                    return True
            elif stripped == (pattern.rstrip("/") or "/"):
                return True
        return False


def _check_exempt(cls: type[CsrfMiddleware]) -> None:
    """Refuse an ``exempt`` that is not a sequence of path strings.

    Raises:
        ProviderError: Naming the class and what is wrong.
    """
    exempt: object = cls.exempt
    if isinstance(exempt, (str, bytes)):
        raise ProviderError(
            f"{cls.__qualname__}.exempt must be a list or tuple of paths, not a single "
            f"string: write [{exempt!r}] (a bare string would exempt every path)"
        )
    if not isinstance(exempt, Collection) or not all(
        isinstance(pattern, str) for pattern in exempt
    ):
        raise ProviderError(
            f"{cls.__qualname__}.exempt must be a list or tuple of path strings, got {exempt!r}"
        )
