from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from masonite.providers import ConfigError, current_request
from masonite.providers.testing import create_app, unload_app
from masonite.request import Request, Response
from masonite.request.testing import Client


def test_missing_key_in_production_stops_start_up(make_client: Callable[..., Client]) -> None:
    with pytest.raises(ConfigError, match="application key is missing"):
        make_client(KEY="", APP_DEBUG="false")


def test_missing_key_in_debug_starts(make_client: Callable[..., Client]) -> None:
    assert make_client(KEY="", APP_DEBUG="true").get("/").text == "Hello, World"


def test_routes_and_middleware_lists_are_bound(client: Client) -> None:
    import wsgi

    container = wsgi.container
    assert len(container.make("WebRoutes")) > 5
    assert len(container.make("ApiRoutes")) == 2
    assert [cls.__name__ for cls in container.make("HttpMiddleware")] == [
        "VerifyCsrfToken",
        "SecureHeadersMiddleware",
    ]
    assert set(container.make("RouteMiddleware")) == {"auth", "tag"}


def test_request_and_response_are_bound_per_request(client: Client) -> None:
    import wsgi

    from masonite.providers import ServiceProvider

    seen: list[object] = []

    class Spy(ServiceProvider):
        def boot(self, request: Request, response: Response) -> None:
            seen.append((request, response, request.response is response, current_request.get()))

    kernel = wsgi.container.make("Kernel")
    spy = Spy(wsgi.container)
    kernel.boots = (spy.boot, *kernel.boots)  # the first boot: the request is bound already
    client.get("/")
    client.get("/")
    assert len(seen) == 2
    first, second = seen
    assert first[0] is not second[0]
    assert first[2] is True
    assert first[3] is first[0]
    assert current_request.get() is None  # cleared when the request ended


def test_requests_carry_a_lazy_session_when_a_driver_is_bound(client: Client) -> None:
    import wsgi

    from masonite.container import Container
    from masonite.providers import AppProvider, ServiceProvider
    from masonite.providers.sessions.lazy import LazySession

    seen: list[tuple[bool, bool]] = []

    class Spy(ServiceProvider):
        def boot(self, request: Request) -> None:
            seen.append(("session" in request.__dict__, isinstance(request, Request)))

    kernel = wsgi.container.make("Kernel")
    spy = Spy(wsgi.container)
    kernel.boots = (spy.boot, *kernel.boots)  # the first boot: the request is bound already
    assert client.get("/").status_code == 200
    assert seen == [(False, True)]  # not built before something reads it

    (app_provider,) = [p for p in wsgi.container.make("Providers") if type(p) is AppProvider]
    assert isinstance(vars(app_provider.request_class)["session"], LazySession)

    plain = AppProvider(Container())
    plain.request_class, plain.limits = Request, None
    plain.ready()  # no 'SessionDriver' bound: plain requests
    assert plain.request_class is Request
    factory = plain.app.make("RequestFactory")
    assert type(factory({})) is Request
    assert factory.request_class is Request  # what the kernel prepares scopes for


def test_current_request_is_per_thread() -> None:
    import threading

    from masonite.providers import CurrentRequest

    assert isinstance(current_request, CurrentRequest)
    seen: dict[int, object] = {}
    barrier = threading.Barrier(8)

    def serve(index: int) -> None:
        marker = object()
        current_request.set(marker)  # type: ignore[arg-type]
        barrier.wait()  # every thread has set its own before any reads
        seen[index] = current_request.get() is marker
        current_request.value = None

    threads = [threading.Thread(target=serve, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == dict.fromkeys(range(8), True)
    assert current_request.get() is None  # this thread never set one


def test_config_request_limits_apply_to_every_request(tmp_path: Path, example_path: Path) -> None:
    app = tmp_path / "app"
    shutil.copytree(example_path, app, ignore=shutil.ignore_patterns("__pycache__"))
    (app / "config" / "request.py").write_text(
        "from masonite.request import Limits\n\nLIMITS = Limits(max_body_size=16)\n"
    )
    try:
        client = create_app(app)
        small = client.post("/webhooks/ping", data={"a": "1"})
        assert small.status_code == 200
        assert small.json() == {"input": {"a": "1"}}
        big = client.post("/webhooks/ping", data={"a": "x" * 64})
        assert big.status_code == 413
    finally:
        unload_app()
