from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

from masonite.container import Container
from masonite.providers import (
    WSGI_RESULT,
    ErrorPages,
    Kernel,
    ProviderError,
    ServiceProvider,
    boot_providers,
    current_request,
    handle_request,
    register_providers,
)
from masonite.request import NotFound, Request, Response
from masonite.request.testing import Client

Events = list[tuple[str, str]]


def _recording(events: Events) -> list[type[ServiceProvider]]:
    class Once(ServiceProvider):
        wsgi = False

        def register(self) -> None:
            events.append(("register", "once"))

        def boot(self) -> None:
            events.append(("boot", "once"))

    class Build(ServiceProvider):
        def register(self) -> None:
            events.append(("register", "build"))

        def ready(self) -> None:
            events.append(("ready", "build"))

        def boot(self, container: Container) -> None:
            request = Request(container.make("Environ"))
            container.bind("Request", request)
            container.bind("Response", request.response)
            events.append(("boot", "build"))

    class Use(ServiceProvider):
        def register(self) -> None:
            events.append(("register", "use"))

        def boot(self, request: Request, response: Response) -> None:
            events.append(("boot", f"use {request.path}"))
            response.view(f"path={request.path}")

    class Finish(ServiceProvider):
        def boot(self, request: Request, response: Response) -> None:
            request.environ[WSGI_RESULT] = response.to_wsgi(request.environ)

    return [Once, Build, Use, Finish]


def _start(providers: list[Any]) -> Container:
    container = Container()
    register_providers(container, providers)
    boot_providers(container)
    return container


def _wsgi(container: Container) -> Any:
    return lambda environ, start_response: handle_request(container, environ, start_response)


def test_register_all_then_boot_once_then_per_request() -> None:
    events: Events = []
    container = _start(_recording(events))
    assert events == [
        ("register", "once"),
        ("register", "build"),
        ("register", "use"),
        ("boot", "once"),
        ("ready", "build"),
    ]
    events.clear()
    client = Client(_wsgi(container))
    assert client.get("/a").text == "path=/a"
    assert client.get("/b").text == "path=/b"
    assert events == [("boot", "build"), ("boot", "use /a"), ("boot", "build"), ("boot", "use /b")]
    assert isinstance(container.make("Kernel"), Kernel)
    assert [type(p).__name__ for p in container.make("WSGIProviders")] == ["Build", "Use", "Finish"]


def test_request_bindings_stay_in_the_request_scope() -> None:
    container = _start(_recording([]))
    Client(_wsgi(container)).get("/")
    assert not container.has("Request")
    assert not container.has("Environ")


class _Factory(ServiceProvider):
    """Binds a 'RequestFactory' as AppProvider does; records what each request saw."""

    seen: list[tuple[Any, ...]]

    def register(self) -> None:
        self.seen = []
        self.app.bind("RequestFactory", self.build)

    def build(self, environ: dict[str, Any]) -> Request:
        if environ.get("PATH_INFO") == "/broken":
            raise RuntimeError("factory <secret> broke")
        cls = _SpecialRequest if environ.get("PATH_INFO") == "/special" else Request
        request = cls(environ)
        if environ.get("PATH_INFO") == "/custom-response":
            request.response = _SpecialResponse(environ)
        return request

    def boot(self, request: Request, response: Response, container: Container) -> None:
        self.seen.append(
            (
                type(request),
                type(response),
                request.response is response,
                container.make("Environ") is request.environ,
                current_request.get() is request,
                container.make("Request") is request,
            )
        )
        response.view(f"path={request.path}")


class _SpecialRequest(Request):
    pass


class _SpecialResponse(Response):
    pass


def test_the_request_factory_builds_the_request_bound_when_the_scope_opens(
    caplog: pytest.LogCaptureFixture,
) -> None:
    finish = _recording([])[-1]
    container = _start([_Factory, finish])
    (factory,) = [p for p in container.make("Providers") if isinstance(p, _Factory)]
    client = Client(_wsgi(container))
    for path in ("/a", "/special", "/custom-response", "/b", "/special"):
        assert client.get(path).text == f"path={path}"
    bound = (True, True, True, True)
    assert factory.seen == [
        (Request, Response, *bound),
        (_SpecialRequest, Response, *bound),
        (Request, _SpecialResponse, *bound),  # not the prepared class: bound by bind()
        (Request, Response, *bound),
        (_SpecialRequest, Response, *bound),
    ]
    assert current_request.get() is None
    assert not container.has("Request")
    with caplog.at_level(logging.ERROR, logger="masonite"):
        response = client.get("/broken")
    assert response.status_code == 500
    assert "secret" not in response.text
    assert "factory <secret> broke" in caplog.text


def test_providers_may_be_instances_and_must_be_providers() -> None:
    container = Container()
    provider = ServiceProvider()
    assert register_providers(container, [provider]) == [provider]
    assert provider.app is container
    with pytest.raises(ProviderError, match="not a ServiceProvider"):
        register_providers(Container(), [object()])


class Exploding(ServiceProvider):
    error: Exception = RuntimeError("provider <secret>")

    def boot(self) -> None:
        raise self.error


def test_an_exception_in_a_provider_becomes_a_logged_500(caplog: pytest.LogCaptureFixture) -> None:
    providers = _recording([])
    container = _start([*providers[:2], Exploding, *providers[2:]])
    with caplog.at_level(logging.ERROR, logger="masonite"):
        response = Client(_wsgi(container)).get("/x")
    assert response.status_code == 500
    assert "secret" not in response.text
    assert "Internal Server Error" in response.text
    assert "provider <secret>" in caplog.text
    assert "Traceback" in caplog.text


def test_an_http_exception_in_a_provider_is_its_status_and_not_logged(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Exploding, "error", NotFound("nothing <here>"))
    container = _start([*_recording([])[:2], Exploding])
    with caplog.at_level(logging.ERROR, logger="masonite"):
        response = Client(_wsgi(container)).get("/x")
    assert response.status_code == 404
    assert "nothing &lt;here&gt;" in response.text
    assert caplog.text == ""


def test_missing_start_response_provider_is_reported() -> None:
    container = _start(_recording([])[:3])
    response = Client(_wsgi(container)).get("/")
    assert response.status_code == 500


def test_a_failing_error_page_still_answers(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    container = _start([*_recording([])[:2], Exploding])

    def broken(*args: object) -> None:
        raise RuntimeError("error page broke")

    monkeypatch.setattr(ErrorPages, "exception_response", broken)
    response = Client(_wsgi(container)).get("/")
    assert response.status_code == 500
    assert response.text == "Internal Server Error"
    assert "error page broke" in caplog.text


def test_keyboard_interrupt_is_not_swallowed() -> None:
    class Interrupt(ServiceProvider):
        def boot(self) -> None:
            raise KeyboardInterrupt

    container = _start([Interrupt])
    with pytest.raises(KeyboardInterrupt):
        container.make("Kernel")({"REQUEST_METHOD": "GET"}, lambda *a: None)


def test_helpers_refuse_after_start_up(client: Client) -> None:
    import wsgi

    provider = wsgi.container.make("Providers")[0]
    with pytest.raises(ProviderError, match="after start-up"):
        provider.routes(web=[])


def test_user_provider_boots_per_request_after_the_framework(client: Client) -> None:
    import wsgi

    assert wsgi.container.make("ExampleValue") == "registered"
    seen: list[dict[str, Any]] = []
    kernel = wsgi.container.make("Kernel")

    def capture(environ: dict[str, Any], start_response: Any) -> Any:
        seen.append(environ)
        return kernel(environ, start_response)

    inner = Client(capture)
    inner.get("/")
    inner.get("/nothing-here")
    assert [environ.get("example.booted") for environ in seen] == [1, 1]


def test_eight_threads_never_see_each_others_requests(client: Client) -> None:
    """Interleaved requests: input, headers and sessions stay with their own request."""
    import wsgi

    application = wsgi.application
    failures: list[str] = []
    barrier = threading.Barrier(8)

    def worker(n: int) -> None:
        own = Client(application)
        barrier.wait()
        for i in range(40):
            marker = f"t{n}-{i}"
            r = own.get(f"/echo?marker={marker}", headers={"X-Marker": marker})
            body = r.json()
            if body != {"marker": marker, "header": marker} or r.headers.get("X-Marker") != marker:
                failures.append(f"echo {marker}: {body} {r.headers.get('X-Marker')}")
            token_page = own.get("/form")
            token = token_page.text.split('name="__token" value="', 1)[1].split('"', 1)[0]
            r = own.post("/session", data={"__token": token, "owner": marker})
            if r.status_code != 200:
                failures.append(f"store {marker}: {r.status_code}")
            r = own.get("/session")
            if r.json()["all"].get("owner") != marker:
                failures.append(f"session {marker}: {r.json()}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
