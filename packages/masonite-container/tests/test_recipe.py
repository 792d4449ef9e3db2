from __future__ import annotations

import threading

from masonite.container.recipe import MISSING, Recipe, lookup_type


class Thing:
    pass


def test_class_recipe() -> None:
    recipe = Recipe(Thing, shared=False)
    assert recipe.lookup_type is Thing
    assert recipe.lock is None
    assert recipe.instance is MISSING
    assert lookup_type(recipe) is Thing
    assert repr(recipe) == "<Recipe class 'Thing'>"


def test_factory_singleton_has_no_lookup_type() -> None:
    def factory() -> Thing:
        return Thing()

    recipe = Recipe(factory, shared=True)
    assert recipe.lookup_type is None
    assert lookup_type(recipe) is None
    assert "singleton" in repr(recipe)


def test_lookup_type_of_an_instance_is_its_class() -> None:
    assert lookup_type(Thing()) is Thing
    assert lookup_type(None) is type(None)


def test_shared_instance_builds_once_across_threads() -> None:
    recipe = Recipe(Thing, shared=True)
    barrier = threading.Barrier(8)
    calls: list[int] = []
    results: list[object] = []

    def build() -> Thing:
        calls.append(1)
        barrier_wait_briefly()
        return Thing()

    def barrier_wait_briefly() -> None:
        threading.Event().wait(0.01)  # let the other threads reach the lock meanwhile

    def worker() -> None:
        barrier.wait()
        results.append(recipe.shared_instance(build))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert len({id(r) for r in results}) == 1
    assert recipe.instance is results[0]


def test_missing_repr() -> None:
    assert repr(MISSING) == "<missing>"
