"""The per-request entry point: every request runs through ``app``."""

from masonite.providers import handle_request


def app(environ, start_response):
    """Run the WSGI providers of config/providers.py for one request."""
    from wsgi import container

    return handle_request(container, environ, start_response)
