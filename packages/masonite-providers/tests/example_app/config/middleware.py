"""Middleware run on every request, and aliases routes can name."""

from app.http.middleware.auth_middleware import AuthMiddleware
from app.http.middleware.tag_middleware import TagMiddleware

from masonite.providers import CsrfMiddleware, SecureHeadersMiddleware


class VerifyCsrfToken(CsrfMiddleware):
    exempt = ("/webhooks/*",)


HTTP_MIDDLEWARE = [VerifyCsrfToken, SecureHeadersMiddleware]

ROUTE_MIDDLEWARE = {
    "auth": AuthMiddleware,
    "tag": TagMiddleware,
}
