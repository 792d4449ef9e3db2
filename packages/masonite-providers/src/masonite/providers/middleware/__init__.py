"""Middleware shipped with the framework."""

from __future__ import annotations

from masonite.providers.middleware.csrf import CsrfMiddleware, TokenMismatch, csrf_field, csrf_token
from masonite.providers.middleware.secure_headers import SecureHeadersMiddleware

__all__ = ["CsrfMiddleware", "SecureHeadersMiddleware", "TokenMismatch", "csrf_field", "csrf_token"]
