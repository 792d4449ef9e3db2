"""The container's error messages, built in one place so they read alike.

Each one says what failed, names the key, the parameter and the callable
(``module.Qualname (file:line)``), and says how to fix it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from masonite.container.errors import (
    ContainerError,
    MissingContainerBindingNotFound,
    StrictContainerException,
)
from masonite.container.plan import ARG, EMPTY, KEYWORD, POSITIONAL, Plan, annotation_name, describe
from masonite.container.recipe import Recipe

__all__ = [
    "arguments_refused",
    "bad_key",
    "circular",
    "key_name",
    "no_value",
    "not_bound",
    "not_injectable_strict",
    "strict_rebind",
    "too_many_arguments",
    "unexpected_keywords",
    "wrong_container",
]


def key_name(key: Any) -> str:
    """Show a key: ``'Request'`` for strings, ``module.Class`` for classes."""
    return annotation_name(key) if isinstance(key, type) else repr(key)


def _value_name(stored: Any) -> str:
    if type(stored) is Recipe:
        kind = "singleton" if stored.shared else "class"
        return f"{kind} {describe(stored.factory)}"
    text = repr(stored)
    return text if len(text) <= 80 else text[:77] + "..."


def bad_key(method: str, key: Any) -> ContainerError:
    return ContainerError(
        f"{method}() takes a string or a class as key, got {key!r} "
        f"of type {type(key).__qualname__}",
        key=key,
    )


def strict_rebind(key: Any, stored: Any) -> StrictContainerException:
    return StrictContainerException(
        f"cannot bind {key_name(key)}: it is already bound (to {_value_name(stored)}) and this "
        f"container is strict, so it refuses rebinding; bind it once, or in a scope() when it "
        f"changes per request",
        key=key,
    )


def not_bound(key: Any, known: Iterable[Any]) -> MissingContainerBindingNotFound:
    if isinstance(key, str):
        strings = sorted({k for k in known if isinstance(k, str)})
        close = difflib.get_close_matches(key, strings, n=3)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        return MissingContainerBindingNotFound(
            f"{key!r} is not bound in the container; bind it first with "
            f"container.bind({key!r}, obj).{hint}",
            key=key,
        )
    name, short = annotation_name(key), key.__name__
    return MissingContainerBindingNotFound(
        f"nothing bound in the container is {name}, a subclass or an instance of either; bind "
        f"one (container.simple(obj) or container.bind('{short}', {short})), or build one with "
        f"injection: container.resolve({short})",
        key=key,
    )


def arguments_refused(key: Any, stored: Any, count: int) -> ContainerError:
    """``make(key, *args)`` for a key that is not bound to a class built per make."""
    if type(stored) is Recipe:
        why = "is a singleton, built once without arguments"
    else:
        why = (
            f"is bound to an instance ({_value_name(stored)}), which is returned as is; only a "
            f"key bound to a class is built with arguments"
        )
    return ContainerError(
        f"make({key_name(key)}, ...) was given {count} positional argument(s), but "
        f"{key_name(key)} {why}",
        key=key,
    )


def circular(chain: tuple[Any, ...], factory: Any) -> ContainerError:
    path = " -> ".join(annotation_name(c) for c in (*chain[chain.index(factory) :], factory))
    return ContainerError(
        f"circular dependency: {path}; a class cannot need itself, directly or through its "
        f"dependencies (bind an instance of one of them to break the cycle)",
        key=factory,
        target=describe(factory),
    )


def not_injectable_strict(plan: Plan, name: str, cls: type) -> MissingContainerBindingNotFound:
    shown, short = annotation_name(cls), cls.__name__
    return MissingContainerBindingNotFound(
        f"cannot inject parameter '{name}: {shown}' of {plan.describe()}: nothing is bound for "
        f"{shown} and this container is strict, so it does not build unbound classes; bind one "
        f"first, e.g. container.bind('{short}', {short})",
        key=cls,
        parameter=name,
        target=plan.describe(),
    )


def no_value(plan: Plan, name: str, annotation: Any, given: int) -> ContainerError:
    if annotation is EMPTY:
        why = "it has no annotation to inject by"
    else:
        why = f"its annotation {annotation_name(annotation)} is never looked up in the container"
    return ContainerError(
        f"parameter '{name}' of {plan.describe()} has no value: {why}, it has no default, and "
        f"no positional argument was left for it (resolve() was given {given}); pass it "
        f"positionally or by name: resolve(fn, ..., {name}=...)",
        parameter=name,
        target=plan.describe(),
    )


def too_many_arguments(plan: Plan, given: int, taken: int) -> ContainerError:
    takers = [s[0] for s in plan.steps if s[1] == ARG and s[4] != KEYWORD]
    which = f" ({', '.join(takers)})" if takers else ""
    return ContainerError(
        f"resolve() was given {given} positional argument(s) for {plan.describe()}, which has "
        f"room for {taken}: only its parameters that are neither injected nor given by keyword "
        f"take positional arguments{which}",
        target=plan.describe(),
    )


def unexpected_keywords(plan: Plan, extra: Iterable[str]) -> ContainerError:
    names = list(extra)
    known = ", ".join(s[0] for s in plan.steps if s[4] != POSITIONAL) or "none"
    return ContainerError(
        f"resolve() got unexpected keyword argument(s) {', '.join(repr(n) for n in names)} for "
        f"{plan.describe()}; the parameters it accepts by name are: {known}",
        parameter=names[0],
        target=plan.describe(),
    )


def wrong_container(plan: Plan, name: str, cls: type, container: Any) -> ContainerError:
    return ContainerError(
        f"cannot inject parameter '{name}: {annotation_name(cls)}' of {plan.describe()}: it "
        f"asks for the container as a {annotation_name(cls)}, but it is being resolved by a "
        f"{annotation_name(type(container))}; annotate it with the container's own class, or "
        f"bind a {cls.__name__} under a key",
        key=cls,
        parameter=name,
        target=plan.describe(),
    )
