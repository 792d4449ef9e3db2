from __future__ import annotations

import pytest

from masonite.routing import RouteDefinitionError, parse_alias
from masonite.routing.middleware import check_middleware, resolve_middleware


class Auth:
    def before(self) -> None: ...


class Log:
    def after(self) -> None: ...


class Nothing:
    pass


@pytest.mark.parametrize(
    ("spec", "parsed"),
    [
        ("auth", ("auth", ())),
        ("throttle:5,1", ("throttle", ("5", "1"))),
        ("role: admin , editor", ("role", ("admin", "editor"))),
        ("x:", ("x", ())),
    ],
)
def test_parse_alias(spec: str, parsed: tuple[str, tuple[str, ...]]) -> None:
    assert parse_alias(spec) == parsed


def test_resolve_aliases_classes_and_lists() -> None:
    resolved = resolve_middleware(
        ["auth", "both:1", Log], {"auth": Auth, "both": [Auth, Log]}, "route"
    )
    assert resolved == ((Auth, ()), (Auth, ("1",)), (Log, ("1",)), (Log, ()))


def test_unknown_alias_names_the_route() -> None:
    with pytest.raises(
        RouteDefinitionError, match=r"route X: unknown middleware alias 'nope' \(known: auth\)"
    ):
        resolve_middleware(["nope"], {"auth": Auth}, "route X")
    with pytest.raises(RouteDefinitionError, match="none registered"):
        resolve_middleware(["nope"], {}, "route X")


def test_middleware_must_have_before_or_after() -> None:
    with pytest.raises(RouteDefinitionError, match="neither before"):
        check_middleware(Nothing, "route")
    with pytest.raises(RouteDefinitionError, match="not a class"):
        check_middleware(Auth(), "route")
    assert check_middleware(Log, "route") is Log
