from __future__ import annotations

from masonite.container import Container
from masonite.container.family import Family, Local


def test_a_family_starts_plain_with_its_settings() -> None:
    family = Family(strict=True, override=False)
    assert (family.strict, family.override, family.plain) == (True, False, True)
    with family.lock:  # a real lock: usable as a context manager
        pass


def test_a_local_starts_empty() -> None:
    local = Local()
    assert local.swaps == {}
    assert local.scanned == {}
    assert local.hooks.matching("bind", ("Key",), object()) == []


def test_scopes_share_the_family_of_their_root() -> None:
    root = Container(strict=True)
    scope = root.scope().scope()
    assert scope.strict is True
    root.swap(int, 5)  # a swap anywhere in the family turns the fast path off for all
    assert scope.make(int) == 5
