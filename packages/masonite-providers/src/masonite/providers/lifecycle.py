"""The lifecycle: start-up (register, then boot once) and the per-request loop.

``wsgi.py`` calls :func:`register_providers` and :func:`boot_providers` at start-up;
``bootstrap/start.py``'s ``app(environ, start_response)`` calls :func:`handle_request` for
every request. Everything that can be worked out once is worked out in
:func:`boot_providers`: which providers run per request, in what order, and each of their
``boot`` calls, prepared once by the container together with the opening of the request
scope and its first bindings (``masonite.container.prepare_scope``), so a request is one
call doing what ``scope()``, ``bind()`` and ``scope.resolve(provider.boot)`` for each
provider in turn do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from masonite.container import Container, prepare_scope
from masonite.providers.context import current_request
from masonite.providers.error_pages import ErrorPages
from masonite.providers.exceptions import ProviderError
from masonite.providers.provider import ServiceProvider
from masonite.request import Request, Response
from masonite.request.exceptions import HTTPException

__all__ = [
    "WSGI_RESULT",
    "Kernel",
    "boot_providers",
    "handle_request",
    "register_providers",
]

logger = logging.getLogger("masonite")

StartResponse = Callable[..., Any]
WSGIResult = tuple[str, list[tuple[str, str]], Iterable[bytes]]

#: The environ key under which ``StartResponseProvider`` leaves the request's
#: ``(status, headers, body)`` for :class:`Kernel` to send.
WSGI_RESULT = "masonite.wsgi_result"

_LAST_RESORT: WSGIResult = (
    "500 Internal Server Error",
    [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "21")],
    [b"Internal Server Error"],
)


def register_providers(
    container: Container, providers: Iterable[type[ServiceProvider] | ServiceProvider]
) -> list[ServiceProvider]:
    """Build every provider (classes are instantiated), give it the container, register all.

    The providers are bound under ``'Providers'`` in the order given.

    Args:
        container: The application container (with ``'Config'`` bound for the framework
            providers).
        providers: ``config/providers.py``'s ``PROVIDERS``: classes or instances.

    Returns:
        The provider instances, in order.
    """
    built: list[ServiceProvider] = []
    for provider in providers:
        instance = provider() if isinstance(provider, type) else provider
        if not callable(getattr(instance, "register", None)):
            raise ProviderError(f"{provider!r} in PROVIDERS is not a ServiceProvider")
        instance.app = container
        built.append(instance)
    container.bind("Providers", built)
    for instance in built:
        instance.register()
    return built


def boot_providers(container: Container) -> Kernel:
    """Finish start-up: boot the ``wsgi = False`` providers once, then prepare requests.

    In order: ``boot`` of each ``wsgi = False`` provider (arguments injected from the
    container), ``'ErrorPages'`` bound unless a provider bound its own, ``ready()`` of every
    provider, and the per-request :class:`Kernel` bound under ``'Kernel'`` (its providers
    under ``'WSGIProviders'``; its request factory is ``'RequestFactory'`` when bound,
    which ``AppProvider`` does).

    Args:
        container: The container :func:`register_providers` filled.

    Returns:
        The kernel (also bound as ``'Kernel'``).
    """
    providers: list[ServiceProvider] = container.make("Providers")
    for provider in providers:
        boot = getattr(provider, "boot", None)
        if boot is not None and not provider.wsgi:
            container.resolve(boot)
    if not container.has("ErrorPages"):
        view = container.make("View") if container.has("View") else None
        config = container.make("Config") if container.has("Config") else None
        debug = bool(config.get("application.debug", False)) if config is not None else False
        container.bind("ErrorPages", ErrorPages(view, debug=debug))
    for provider in providers:
        provider.ready()
    per_request = [provider for provider in providers if provider.wsgi]
    factory = container.make("RequestFactory") if container.has("RequestFactory") else None
    kernel = Kernel(container, per_request, container.make("ErrorPages"), factory)
    container.bind("WSGIProviders", per_request)
    container.bind("Kernel", kernel)
    return kernel


def handle_request(
    container: Container, environ: dict[str, Any], start_response: StartResponse
) -> Iterable[bytes]:
    """Serve one request with the application in ``container`` (see :class:`Kernel`).

    This is what ``bootstrap/start.py``'s ``app(environ, start_response)`` calls.
    """
    kernel: Kernel = container.make("Kernel")
    return kernel(environ, start_response)


class Kernel:
    """The per-request loop over the ``wsgi = True`` providers (a WSGI application).

    For each request: open a scope of the application container with ``'Environ'``
    bound in it (and, with a request factory, the ``'Request'`` it builds from the
    environ and that request's ``'Response'``, the request also becoming
    ``current_request``), call each provider's ``boot`` with its arguments resolved
    from the scope, then call ``start_response`` with the status and headers
    ``StartResponseProvider`` left and return the body. Any exception becomes the
    response of ``ErrorPages`` (a 4xx for an ``HTTPException``, else a logged 500): the
    WSGI server never sees one.

    Args:
        container: The application container.
        providers: The ``wsgi = True`` providers, in order.
        error_pages: Renders the response when a provider raises.
        request_factory: ``build(environ) -> Request``, called first thing for every
            request (``AppProvider``'s, bound as ``'RequestFactory'``); None to bind only
            ``'Environ'`` and leave the request to a provider. Its ``request_class``
            attribute, when it has one, names the class of the requests it builds (else
            ``Request``): the per-request function is prepared for exactly that class,
            and a request of another class is bound through ``bind()`` (the same
            outcome, more slowly).
    """

    __slots__ = (
        "_boots",
        "_run",
        "_run_request",
        "container",
        "error_pages",
        "providers",
        "request_factory",
    )

    def __init__(
        self,
        container: Container,
        providers: Sequence[ServiceProvider],
        error_pages: ErrorPages,
        request_factory: Callable[[dict[str, Any]], Request] | None = None,
    ) -> None:
        self.container = container
        self.providers = tuple(providers)
        self.error_pages = error_pages
        self.request_factory = request_factory
        # Providers without a boot() (register-only ones) cost nothing per request.
        boots = (getattr(provider, "boot", None) for provider in self.providers)
        self.boots = tuple(boot for boot in boots if boot is not None)

    @property
    def boots(self) -> tuple[Callable[..., Any], ...]:
        """The bound ``boot`` methods run per request, in order (settable)."""
        return self._boots

    @boots.setter
    def boots(self, boots: Sequence[Callable[..., Any]]) -> None:
        self._boots = tuple(boots)
        # PERF: opening the scope and every boot are prepared once, together
        # (masonite.container.prepare_scope with then=boots): per request one generated
        # function builds the scope with its bindings in place and reads each boot's
        # arguments from the scope's index, the same as scope() and bind() then
        # scope.resolve(boot) for each in turn (bench_container: 428 ns to open a scope
        # with two bindings and run one boot so, against 925 ns for scope(), two bind()
        # and resolve(), Python 3.11).
        self._run = prepare_scope({"Environ": dict}, then=self._boots)
        request_class = getattr(self.request_factory, "request_class", Request)
        classes = {"Environ": dict, "Request": request_class, "Response": Response}
        self._run_request = prepare_scope(classes, then=self._boots)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        # PERF: the scope opened with its three bindings in place and the boots run by one
        # generated function (prepare_scope): ~8.5k fewer machine instructions per
        # request than scope(), three bind() calls and AppProvider building the request
        # in a boot of its own, then a prepared call of the boots. What this kernel adds
        # to the router for bench_lifecycle's GET / is now ~14k instructions (~59k in all,
        # the router alone ~45k, Falcon ~45k): the scope and its index ~4k, the three
        # boots, current_request, the WSGI result hand-over (callgrind, Python 3.11).
        try:
            factory = self.request_factory
            if factory is None:
                self._run(self.container, environ)
            else:
                request = factory(environ)
                current_request.value = request
                self._run_request(self.container, environ, request, request.response)
            result: WSGIResult | None = environ.pop(WSGI_RESULT, None)
            if result is None:
                raise ProviderError(
                    "no provider produced the response: StartResponseProvider must be in "
                    "config/providers.py (after RouteProvider and StatusCodeProvider)"
                )
            status, headers, body = result
        except Exception as error:  # every failure becomes a response, never a server error
            environ.pop(WSGI_RESULT, None)
            status, headers, body = self.failure(error, environ)
        finally:
            current_request.value = None
        start_response(status, headers)
        return body

    def failure(self, error: Exception, environ: dict[str, Any]) -> WSGIResult:
        """Return the WSGI response for ``error``; log it unless it is an HTTP error."""
        request = current_request.get()
        if not isinstance(error, HTTPException):
            logger.error(
                "%s %r failed with %s",
                environ.get("REQUEST_METHOD", "?"),
                environ.get("PATH_INFO", ""),
                type(error).__name__,
                exc_info=error,
            )
        try:
            return self.error_pages.exception_response(error, request, environ).to_wsgi(environ)
        except Exception:
            logger.exception("rendering the error response failed as well")
            return _LAST_RESORT
