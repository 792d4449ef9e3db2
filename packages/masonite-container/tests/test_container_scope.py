"""Container.scope: child containers, shadowing, isolation, concurrency."""

from __future__ import annotations

import abc
import threading

import pytest

from masonite.container import Container, ContainerError
from masonite.container import plan as plan_module


class Request:
    def __init__(self, path: str = "/") -> None:
        self.path = path


class Response:
    def __init__(self) -> None:
        self.body = ""


class Config:
    pass


class Controller:
    def __init__(self, request: Request) -> None:
        self.request = request


class Cache:
    def __init__(self, config: Config) -> None:
        self.config = config


class RequestCache:
    def __init__(self, request: Request) -> None:
        self.request = request


class Provider:
    def boot(self, request: Request, response: Response) -> None:
        response.body = f"{request.path}:{threading.get_ident()}"


@pytest.fixture
def root() -> Container:
    container = Container()
    container.bind("Config", Config())
    container.bind("Request", Request)  # the class, as a provider registers it
    container.bind("Controller", Controller)
    return container


def test_scope_is_a_container_with_a_parent(root: Container) -> None:
    scope = root.scope()
    assert isinstance(scope, Container)
    assert scope.parent is root
    assert root.parent is None
    assert scope.scope().parent is scope


def test_scope_sees_the_parents_bindings(root: Container) -> None:
    scope = root.scope()
    assert scope.make("Config") is root.make("Config")
    assert scope.make(Config) is root.make(Config)
    assert scope.has("Config")
    assert "Controller" in scope


def test_scope_bindings_shadow_the_parents_and_never_leak(root: Container) -> None:
    scope = root.scope()
    request = Request("/a")
    scope.bind("Request", request)
    scope.bind("Only", 1)
    assert scope.make("Request") is request
    assert scope.make(Request) is request
    assert isinstance(root.make("Request"), Request)
    assert root.make("Request") is not request
    assert not root.has("Only")
    assert "Only" not in root
    with pytest.raises(ContainerError):
        root.make("Only")


def test_sibling_scopes_do_not_see_each_other(root: Container) -> None:
    first, second = root.scope(), root.scope()
    first.bind("Request", Request("/first"))
    second.bind("Request", Request("/second"))
    assert first.make("Request").path == "/first"
    assert second.make("Request").path == "/second"
    assert root.scope().make(Request) is not first.make(Request)


def test_parent_bindings_made_after_the_scope_are_seen(root: Container) -> None:
    scope = root.scope()
    later = Response()
    root.bind("Response", later)
    assert scope.make("Response") is later
    assert scope.make(Response) is later


def test_resolve_in_a_scope_injects_the_scopes_bindings(root: Container) -> None:
    scope = root.scope()
    request, response = Request("/x"), Response()
    scope.bind("Request", request)
    scope.bind("Response", response)
    scope.resolve(Provider().boot)
    assert response.body.startswith("/x:")


class SubConfig(Config):
    pass


class Settings(abc.ABC):  # noqa: B024 - an interface with nothing abstract yet
    pass


class DiskSettings(Settings):
    pass


class EnvSettings:  # registered below: a virtual subclass only
    pass


Settings.register(EnvSettings)


def test_a_scope_answer_by_subclass_or_class_beats_the_parents_instance(root: Container) -> None:
    def show(config: Config) -> Config:
        return config

    assert root.resolve(show) is root.make("Config")
    scope = root.scope()
    sub = SubConfig()
    scope.bind("sub", sub)
    assert scope.resolve(show) is sub
    built = root.scope().bind("Config", SubConfig)
    assert type(built.resolve(show)) is SubConfig
    assert built.resolve(show) is not built.resolve(show)


def test_a_scope_answer_for_an_abc_by_virtual_subclass_beats_the_parent(root: Container) -> None:
    def show(settings: Settings) -> Settings:
        return settings

    root.bind("settings", DiskSettings())
    scope = root.scope()
    env = EnvSettings()
    scope.bind("env", env)
    assert scope.resolve(show) is env
    assert root.resolve(show) is root.make("settings")


def test_parent_class_bindings_are_built_with_the_scopes_bindings(root: Container) -> None:
    scope = root.scope()
    request = Request("/y")
    scope.bind("Request", request)
    assert scope.make("Controller").request is request
    assert scope.resolve(Controller).request is request


def test_parent_singletons_are_shared_by_every_scope(root: Container) -> None:
    root.singleton("Cache", Cache)
    first, second = root.scope(), root.scope()
    cache = first.make("Cache")
    assert second.make("Cache") is cache
    assert root.make("Cache") is cache
    assert first.make(Cache) is cache
    assert cache.config is root.make("Config")


def test_singletons_are_built_in_the_container_that_holds_them(root: Container) -> None:
    root.singleton("RequestCache", RequestCache)
    scope = root.scope()
    scope.bind("Request", Request("/private"))
    shared = scope.make("RequestCache")
    # Built in the root: the first request's object is not captured for ever.
    assert shared.request.path != "/private"


def test_singleton_bound_in_a_scope_stays_in_the_scope(root: Container) -> None:
    scope = root.scope()
    scope.singleton("Cache", Cache)
    assert scope.make("Cache") is scope.make("Cache")
    assert not root.has("Cache")


def test_scopes_nest(root: Container) -> None:
    outer = root.scope()
    outer.bind("Response", Response())
    inner = outer.scope()
    request = Request("/inner")
    inner.bind("Request", request)
    assert inner.make("Response") is outer.make("Response")
    assert inner.make("Config") is root.make("Config")
    assert inner.make("Request") is request
    assert isinstance(outer.make("Request"), Request)
    assert outer.make("Request") is not request


def test_hooks_and_swaps_of_the_parent_apply_in_scopes(root: Container) -> None:
    seen: list[object] = []
    root.on_make("Config", lambda obj, c: seen.append((obj, c)))
    fake = Config()
    root.swap(Response, lambda c: fake)
    scope = root.scope()
    assert scope.make(Response) is fake
    config = scope.make("Config")
    assert seen == [(config, scope)]


def test_the_plan_cache_is_shared_by_scopes(
    root: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = plan_module.inspect.signature

    def counting(obj: object, *args: object, **kwargs: object) -> object:
        calls.append(obj)
        return real(obj, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_module.inspect, "signature", counting)

    def boot(request: Request, response: Response) -> Request:
        return request

    for index in range(5):
        scope = root.scope()
        scope.bind("Request", Request(f"/{index}"))
        scope.bind("Response", Response())
        assert scope.resolve(boot).path == f"/{index}"
    assert calls == [boot]


def test_scopes_are_isolated_under_8_concurrent_threads(root: Container) -> None:
    """Each thread opens its own scope per request; nothing crosses between them."""
    threads_count, requests_per_thread = 8, 200
    barrier = threading.Barrier(threads_count)
    errors: list[str] = []
    provider = Provider()

    def serve(worker: int) -> None:
        barrier.wait()  # every thread starts at once, so their requests interleave
        for number in range(requests_per_thread):
            scope = root.scope()
            path = f"/{worker}/{number}"
            request, response = Request(path), Response()
            scope.bind("Request", request)
            scope.bind("Response", response)
            scope.bind("Worker", worker)
            if number % 50 == 0:
                barrier_free_pause()
            scope.resolve(provider.boot)
            controller = scope.make("Controller")
            if response.body != f"{path}:{threading.get_ident()}":
                errors.append(f"response of {path} was {response.body!r}")
            if scope.make(Request) is not request or controller.request is not request:
                errors.append(f"{path} saw another request")
            if scope.make("Worker") != worker:
                errors.append(f"{path} saw another worker")

    threads = [threading.Thread(target=serve, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert not root.has("Worker")
    assert isinstance(root.make("Request"), Request)  # still the class binding, built


def barrier_free_pause() -> None:
    # Yield the GIL so that other threads run between this scope's binds and reads.
    threading.Event().wait(0.0005)


def test_concurrent_binds_into_the_root_keep_every_binding() -> None:
    root = Container()
    barrier = threading.Barrier(8)

    def bind_many(worker: int) -> None:
        barrier.wait()
        for number in range(200):
            root.bind(f"k{worker}-{number}", Request(f"{worker}-{number}"))

    threads = [threading.Thread(target=bind_many, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = root.collect("k*")
    assert len(found) == 1600
    assert root.make(Request) is found[next(iter(found))]  # the first bound wins


def test_a_subclass_bound_in_a_scope_answers_its_bases_unless_bound_before(
    root: Container,
) -> None:
    class Base:
        pass

    class Middle(Base):
        pass

    class Leaf(Middle):
        pass

    scope = root.scope()
    earlier = Middle()
    scope.bind("Earlier", earlier)
    leaf = Leaf()
    scope.bind("Leaf", leaf)
    assert scope.make(Leaf) is leaf
    assert scope.make(Middle) is earlier  # the exact type, bound first, wins
    assert scope.make(Base) is earlier  # the first binding deriving from it

    other = root.scope()
    other.bind("Leaf", leaf)
    assert other.make(Base) is leaf
    assert other.make(Middle) is leaf
    assert not root.has(Leaf)
