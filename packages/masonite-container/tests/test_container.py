"""bind, make, has/in, simple, singleton, collect, swap, strict and override."""

from __future__ import annotations

import abc
import threading
from typing import Protocol, runtime_checkable

import pytest

from masonite.container import (
    App,
    Container,
    ContainerError,
    MissingContainerBindingNotFound,
    StrictContainerException,
)


class Mailer:
    pass


class SmtpMailer(Mailer):
    pass


class FakeSmtpMailer(SmtpMailer):
    pass


class View:
    def __init__(self) -> None:
        self.root = "templates"


class Notifier:
    def __init__(self, mailer: Mailer, view: View) -> None:
        self.mailer = mailer
        self.view = view


class Greeter:
    def __init__(self, greeting, view: View) -> None:
        self.greeting = greeting
        self.view = view


class Storage(abc.ABC):
    @abc.abstractmethod
    def put(self, name: str) -> None: ...


class MemoryStorage:  # registered as a virtual subclass below, never derived
    def put(self, name: str) -> None:
        pass


Storage.register(MemoryStorage)


@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...


class Connection:
    def close(self) -> None:
        pass


class Built:
    count = 0

    def __init__(self) -> None:
        type(self).count += 1


@pytest.fixture
def container() -> Container:
    return Container()


# -- bind and make -----------------------------------------------------------------


def test_app_is_the_container() -> None:
    assert App is Container


def test_make_returns_a_bound_instance_as_is(container: Container) -> None:
    view = View()
    container.bind("View", view)
    assert container.make("View") is view
    assert container.make("View") is view


def test_make_builds_a_bound_class_on_every_make(container: Container) -> None:
    container.bind("View", View)
    first, second = container.make("View"), container.make("View")
    assert isinstance(first, View)
    assert isinstance(second, View)
    assert first is not second


def test_make_builds_a_class_by_resolving_its_constructor(container: Container) -> None:
    mailer = SmtpMailer()
    container.bind("Mailer", mailer)
    container.bind("Notifier", Notifier)
    notifier = container.make("Notifier")
    assert notifier.mailer is mailer
    assert isinstance(notifier.view, View)  # not bound: built by its constructor


def test_make_passes_positional_arguments_to_the_constructor(container: Container) -> None:
    container.bind("Greeter", Greeter)
    greeter = container.make("Greeter", "hello")
    assert greeter.greeting == "hello"
    assert isinstance(greeter.view, View)


def test_bind_returns_the_container_for_chaining(container: Container) -> None:
    assert container.bind("a", 1).bind("b", 2) is container
    assert container.make("a") == 1
    assert container.make("b") == 2


def test_bind_accepts_none_and_falsy_values(container: Container) -> None:
    container.bind("nothing", None).bind("zero", 0).bind("empty", "")
    assert container.make("nothing") is None
    assert container.make("zero") == 0
    assert container.make("empty") == ""
    assert container.has("nothing")


def test_rebinding_replaces_the_value_by_default(container: Container) -> None:
    container.bind("Mailer", SmtpMailer())
    replacement = FakeSmtpMailer()
    container.bind("Mailer", replacement)
    assert container.make("Mailer") is replacement
    assert container.make(Mailer) is replacement
    assert container.make(FakeSmtpMailer) is replacement


def test_rebinding_an_instance_to_a_class_refreshes_the_type_index(container: Container) -> None:
    container.bind("Mailer", SmtpMailer())
    container.bind("Mailer", FakeSmtpMailer)
    made = container.make(Mailer)
    assert type(made) is FakeSmtpMailer
    assert container.make(Mailer) is not made


def test_make_missing_string_key_names_it(container: Container) -> None:
    with pytest.raises(MissingContainerBindingNotFound) as info:
        container.make("Mailer")
    assert "'Mailer' is not bound" in str(info.value)
    assert info.value.key == "Mailer"
    assert isinstance(info.value, ContainerError)
    assert isinstance(info.value, LookupError)


def test_make_missing_key_suggests_close_matches(container: Container) -> None:
    container.bind("Request", object())
    with pytest.raises(MissingContainerBindingNotFound, match="Did you mean 'Request'"):
        container.make("Reqest")


@pytest.mark.parametrize("key", [3, 2.5, None, b"Mailer", ("a",), ["unhashable"]])
def test_make_refuses_keys_that_are_neither_strings_nor_classes(
    container: Container, key: object
) -> None:
    with pytest.raises(ContainerError, match="make\\(\\) takes a string or a class as key"):
        container.make(key)  # type: ignore[call-overload]


@pytest.mark.parametrize("key", [3, None, ("a",), ["unhashable"]])
def test_bind_refuses_keys_that_are_neither_strings_nor_classes(
    container: Container, key: object
) -> None:
    with pytest.raises(ContainerError, match="bind\\(\\) takes a string or a class as key"):
        container.bind(key, 1)  # type: ignore[arg-type]


def test_make_refuses_arguments_for_an_instance(container: Container) -> None:
    container.bind("View", View())
    with pytest.raises(ContainerError, match="'View' is bound to an instance"):
        container.make("View", "extra")


# -- make by class -----------------------------------------------------------------


def test_make_by_class_finds_an_instance_of_that_class(container: Container) -> None:
    view = View()
    container.bind("View", view)
    assert container.make(View) is view


def test_make_by_class_finds_an_instance_of_a_subclass(container: Container) -> None:
    mailer = FakeSmtpMailer()
    container.bind("Mailer", mailer)
    assert container.make(Mailer) is mailer
    assert container.make(SmtpMailer) is mailer


def test_make_by_class_builds_a_bound_subclass(container: Container) -> None:
    container.bind("Mailer", SmtpMailer)
    made = container.make(Mailer)
    assert type(made) is SmtpMailer


def test_make_by_class_prefers_the_exact_type_over_an_earlier_subclass(
    container: Container,
) -> None:
    subclass, exact = FakeSmtpMailer(), SmtpMailer()
    container.bind("first", subclass)
    container.bind("second", exact)
    assert container.make(SmtpMailer) is exact
    assert container.make(Mailer) is subclass  # no exact Mailer: the first binding deriving


def test_make_by_class_takes_the_first_of_two_exact_bindings(container: Container) -> None:
    first, second = View(), View()
    container.bind("first", first)
    container.bind("second", second)
    assert container.make(View) is first


def test_make_by_class_prefers_a_binding_keyed_by_the_class(container: Container) -> None:
    by_type, by_key = SmtpMailer(), SmtpMailer()
    container.bind("Mailer", by_type)
    container.bind(SmtpMailer, by_key)
    assert container.make(SmtpMailer) is by_key


def test_make_by_class_finds_virtual_subclasses_of_an_abc(container: Container) -> None:
    storage = MemoryStorage()
    container.bind("Storage", storage)
    assert container.make(Storage) is storage
    assert container.has(Storage)


def test_virtual_matches_are_remembered_and_nominal_ones_win(container: Container) -> None:
    virtual = MemoryStorage()
    container.bind("virtual", virtual)
    assert container.make(Storage) is virtual
    assert container._local is not None
    assert container._local.scanned == {Storage: "virtual"}

    class DiskStorage(Storage):
        def put(self, name: str) -> None:
            pass

    nominal = DiskStorage()
    container.bind("disk", nominal)
    assert container.make(Storage) is nominal  # a binding deriving from it is indexed first
    container.bind("virtual", MemoryStorage())  # a rebind forgets what scans found
    assert container._local.scanned == {}


def test_make_by_class_honours_runtime_checkable_protocols(container: Container) -> None:
    connection = Connection()
    container.bind("db", connection)
    assert container.make(Closeable) is connection


def test_make_by_class_missing_raises_with_advice(container: Container) -> None:
    with pytest.raises(MissingContainerBindingNotFound) as info:
        container.make(Mailer)
    message = str(info.value)
    assert "test_container.Mailer" in message
    assert "container.resolve(Mailer)" in message
    assert info.value.key is Mailer


def test_make_the_container_class_gives_the_container(container: Container) -> None:
    assert container.make(Container) is container
    scope = container.scope()
    assert scope.make(Container) is scope


def test_type_lookup_is_an_index_not_a_scan(container: Container) -> None:
    for index in range(200):
        container.bind(f"other{index}", object())
    view = View()
    container.bind("View", view)
    assert container.make(View) is view
    # The answer was recorded when View was bound: no isinstance over 200 bindings.
    assert container._answers[View] == "View"
    assert container._ready[View] is view


# -- has / in ----------------------------------------------------------------------


def test_has_and_in_for_string_keys(container: Container) -> None:
    container.bind("Mailer", SmtpMailer())
    assert container.has("Mailer")
    assert "Mailer" in container
    assert not container.has("View")
    assert "View" not in container


def test_has_and_in_for_classes(container: Container) -> None:
    container.bind("Mailer", FakeSmtpMailer)
    assert container.has(Mailer)
    assert SmtpMailer in container
    assert View not in container
    assert Container in container  # the container answers for itself


@pytest.mark.parametrize("key", [3, None, ["unhashable"], ("a",)])
def test_has_is_false_for_keys_that_cannot_be_bound(container: Container, key: object) -> None:
    assert not container.has(key)
    assert key not in container


# -- simple ------------------------------------------------------------------------


def test_simple_binds_an_instance_under_its_class(container: Container) -> None:
    mailer = SmtpMailer()
    container.simple(mailer)
    assert container.make(SmtpMailer) is mailer
    assert container.make(Mailer) is mailer
    assert container.collect(SmtpMailer) == {SmtpMailer: mailer}


def test_simple_binds_a_class_under_itself(container: Container) -> None:
    assert container.simple(View) is container
    made = container.make(View)
    assert isinstance(made, View)
    assert container.make(View) is not made


# -- singleton ---------------------------------------------------------------------


def test_singleton_is_built_once_on_first_make(container: Container) -> None:
    Built.count = 0
    container.singleton("Built", Built)
    assert Built.count == 0  # lazy
    first = container.make("Built")
    assert container.make("Built") is first
    assert container.make(Built) is first
    assert Built.count == 1


def test_singleton_constructor_is_injected(container: Container) -> None:
    mailer = SmtpMailer()
    container.bind("Mailer", mailer)
    container.singleton("Notifier", Notifier)
    assert container.make("Notifier").mailer is mailer
    assert container.make(Notifier) is container.make("Notifier")


def test_singleton_accepts_a_factory_found_by_key(container: Container) -> None:
    calls: list[int] = []

    def factory(view: View) -> dict[str, object]:
        calls.append(1)
        return {"view": view}

    container.singleton("settings", factory)
    assert container.make("settings") is container.make("settings")
    assert calls == [1]
    assert not container.has(dict)  # a factory is found by its key only


def test_singleton_accepts_an_unhashable_callable_object(container: Container) -> None:
    class Factory:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, view: View) -> list[View]:
            return [view]

    container.singleton("views", Factory())
    made = container.make("views")
    assert isinstance(made[0], View)
    assert container.make("views") is made


def test_singleton_refuses_arguments_and_non_callables(container: Container) -> None:
    container.singleton("Built", Built)
    with pytest.raises(ContainerError, match="'Built' is a singleton"):
        container.make("Built", 1)
    with pytest.raises(ContainerError, match="needs a class or a callable"):
        container.singleton("x", 42)  # type: ignore[arg-type]


def test_singleton_is_built_once_under_concurrent_first_makes(container: Container) -> None:
    built: list[object] = []
    barrier = threading.Barrier(8)

    class Slow:
        def __init__(self) -> None:
            built.append(self)

    container.singleton("Slow", Slow)
    seen: list[object] = []

    def worker() -> None:
        barrier.wait()
        seen.append(container.scope().make("Slow"))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1
    assert len(seen) == 8
    assert all(each is built[0] for each in seen)


# -- strict and override -----------------------------------------------------------


def test_strict_refuses_rebinding_and_keeps_the_first_value() -> None:
    container = Container(strict=True)
    first = View()
    container.bind("View", first)
    with pytest.raises(StrictContainerException) as info:
        container.bind("View", View())
    assert "cannot bind 'View'" in str(info.value)
    assert "strict" in str(info.value)
    assert info.value.key == "View"
    assert container.make("View") is first


def test_strict_refuses_rebinding_through_simple_and_singleton() -> None:
    container = Container(strict=True)
    container.simple(View())
    with pytest.raises(StrictContainerException, match=r"test_container\.View"):
        container.simple(View())
    container.singleton("Built", Built)
    with pytest.raises(StrictContainerException, match="'Built'"):
        container.singleton("Built", Built)


def test_strict_still_binds_new_keys_and_lets_scopes_shadow() -> None:
    container = Container(strict=True)
    container.bind("Request", View)
    scope = container.scope()
    request = View()
    scope.bind("Request", request)  # shadowing the parent is what scopes are for
    assert scope.make("Request") is request
    with pytest.raises(StrictContainerException):
        scope.bind("Request", View())


def test_override_false_keeps_the_first_value_silently() -> None:
    container = Container(override=False)
    first = View()
    container.bind("View", first)
    assert container.bind("View", View()) is container
    assert container.make("View") is first
    assert container.make(View) is first


def test_strict_wins_over_override_false() -> None:
    container = Container(strict=True, override=False)
    container.bind("a", 1)
    with pytest.raises(StrictContainerException):
        container.bind("a", 2)


def test_settings_are_readable_and_shared_by_scopes() -> None:
    container = Container(strict=True, override=False)
    scope = container.scope()
    assert (container.strict, container.override) == (True, False)
    assert (scope.strict, scope.override) == (True, False)
    container.strict = False
    container.override = True
    assert (scope.strict, scope.override) == (False, True)
    assert "strict" not in repr(container)


def test_repr_shows_kind_bindings_and_settings() -> None:
    container = Container(strict=True, override=False)
    container.bind("a", 1)
    assert repr(container) == "<Container root, 1 bindings, strict, override=False>"
    assert repr(container.scope().scope()) == (
        "<Container scope (depth 2), 0 bindings, strict, override=False>"
    )


# -- collect -----------------------------------------------------------------------


@pytest.fixture
def commands(container: Container) -> Container:
    container.bind("MigrateCommand", "migrate")
    container.bind("SeedCommand", "seed")
    container.bind("SentryExceptionHook", "sentry")
    container.bind("SentryMailHook", "sentry-mail")
    container.bind("Command", "bare")
    container.bind(View, View)  # a class key never matches a glob
    return container


def test_collect_suffix(commands: Container) -> None:
    assert commands.collect("*Command") == {
        "MigrateCommand": "migrate",
        "SeedCommand": "seed",
        "Command": "bare",
    }


def test_collect_prefix(commands: Container) -> None:
    assert commands.collect("Sentry*") == {
        "SentryExceptionHook": "sentry",
        "SentryMailHook": "sentry-mail",
    }


def test_collect_middle(commands: Container) -> None:
    assert commands.collect("Sentry*Hook") == {
        "SentryExceptionHook": "sentry",
        "SentryMailHook": "sentry-mail",
    }
    assert commands.collect("Seed*Command") == {"SeedCommand": "seed"}


def test_collect_star_alone_gives_every_string_key(commands: Container) -> None:
    assert set(commands.collect("*")) == {
        "MigrateCommand",
        "SeedCommand",
        "SentryExceptionHook",
        "SentryMailHook",
        "Command",
    }


def test_collect_middle_does_not_let_prefix_and_suffix_overlap(container: Container) -> None:
    container.bind("AB", 1)
    container.bind("ABB", 2)
    assert container.collect("AB*B") == {"ABB": 2}


@pytest.mark.parametrize("pattern", ["Command", "*Sentry*", "**", ""])
def test_collect_requires_exactly_one_star(container: Container, pattern: str) -> None:
    with pytest.raises(ContainerError, match="exactly one '\\*'"):
        container.collect(pattern)


def test_collect_by_class_gives_classes_subclasses_and_instances(container: Container) -> None:
    instance = FakeSmtpMailer()
    container.bind("smtp", SmtpMailer)
    container.bind("fake", instance)
    container.bind("view", View())
    container.bind(Mailer, Mailer)
    assert container.collect(Mailer) == {"smtp": SmtpMailer, "fake": instance, Mailer: Mailer}
    assert container.collect(FakeSmtpMailer) == {"fake": instance}


def test_collect_gives_singletons_as_their_instance(container: Container) -> None:
    container.singleton("BuiltCommand", Built)
    found = container.collect("*Command")
    assert found["BuiltCommand"] is container.make("BuiltCommand")
    assert container.collect(Built) == found


def test_collect_refuses_other_searches(container: Container) -> None:
    with pytest.raises(ContainerError, match="collect\\(\\) takes a pattern"):
        container.collect(3)  # type: ignore[arg-type]


def test_collect_sees_parents_with_scope_shadowing(container: Container) -> None:
    container.bind("MigrateCommand", "root-migrate")
    container.bind("SeedCommand", SmtpMailer())
    scope = container.scope()
    scope.bind("SeedCommand", "scope-seed")
    scope.bind("ServeCommand", "scope-serve")
    assert scope.collect("*Command") == {
        "MigrateCommand": "root-migrate",
        "SeedCommand": "scope-seed",
        "ServeCommand": "scope-serve",
    }
    assert scope.collect(Mailer) == {}  # the parent's Mailer is shadowed by the scope's key
    assert container.collect("*Command")["SeedCommand"] != "scope-seed"


# -- swap --------------------------------------------------------------------------


def test_swap_with_an_instance_replaces_resolution_and_make(container: Container) -> None:
    container.bind("Mailer", SmtpMailer())
    fake = FakeSmtpMailer()
    assert container.swap(Mailer, fake) is container

    def send(mailer: Mailer) -> Mailer:
        return mailer

    assert container.resolve(send) is fake
    assert container.make(Mailer) is fake
    assert container.has(Mailer)


def test_swap_with_a_callable_calls_it_with_the_container(container: Container) -> None:
    seen: list[Container] = []

    def factory(c: Container) -> SmtpMailer:
        seen.append(c)
        return SmtpMailer()

    container.swap(Mailer, factory)

    def send(mailer: Mailer) -> Mailer:
        return mailer

    scope = container.scope()
    first, second = scope.resolve(send), scope.resolve(send)
    assert isinstance(first, SmtpMailer)
    assert first is not second
    assert seen == [scope, scope]


def test_swap_with_a_class_builds_it(container: Container) -> None:
    container.swap(Mailer, FakeSmtpMailer)
    assert type(container.make(Mailer)) is FakeSmtpMailer


def test_swap_keeps_a_callable_instance_of_the_class_as_is(container: Container) -> None:
    class CallableMailer(Mailer):
        def __call__(self, container: Container) -> str:
            return "called"

    mailer = CallableMailer()
    container.swap(Mailer, mailer)
    assert container.make(Mailer) is mailer


def test_swap_with_a_plain_value(container: Container) -> None:
    container.swap(Mailer, "not callable")
    assert container.make(Mailer) == "not callable"


def test_swap_only_affects_its_class(container: Container) -> None:
    mailer = SmtpMailer()
    container.bind("Mailer", mailer)
    container.swap(View, View())
    assert container.make(Mailer) is mailer
    assert container.make("Mailer") is mailer


def test_swap_refuses_non_classes(container: Container) -> None:
    with pytest.raises(ContainerError, match="its first argument must be a class"):
        container.swap("Mailer", SmtpMailer())  # type: ignore[arg-type]


def test_swap_in_a_scope_stays_in_the_scope(container: Container) -> None:
    mailer = SmtpMailer()
    container.bind("Mailer", mailer)
    scope = container.scope()
    fake = FakeSmtpMailer()
    scope.swap(Mailer, fake)
    assert scope.make(Mailer) is fake
    assert container.make(Mailer) is mailer
    assert container.scope().make(Mailer) is mailer
