"""Turning a route's target into an endpoint, once, when the router is built.

A controller string ``'admin.UserController@index'`` is looked up under the configured
controller packages only: the module ``<package>.admin.UserController`` (or its snake_case
spelling ``<package>.admin.user_controller``, or the package ``<package>.admin`` exporting
the class), then the class ``UserController`` in it, then its method ``index``. Every name
must be a public identifier, so ``'os@system'`` or ``'..secrets@_key'`` cannot escape the
packages, and the class must be defined inside the controller package (a class that a
controller module merely imports, ``'WelcomeController.Request@all'``, is refused). A
missing module or method fails here, at start-up, with the original error chained; never
at request time.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from masonite.request import Request
from masonite.routing.direct import DirectInvoker, direct_endpoint, direct_function
from masonite.routing.errors import ControllerResolutionError
from masonite.routing.resolver import DefaultResolver, Resolver, describe_callable, direct_invoker

__all__ = ["Endpoint", "make_endpoint", "resolve_controller_string"]

#: Calls a route's controller for one request and returns what it returned.
Endpoint = Callable[[Request, Mapping[str, Any], Resolver], Any]

_PUBLIC = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def make_endpoint(
    target: Callable[..., Any] | str,
    *,
    packages: Sequence[str],
    namespace: str = "",
    describe: str,
    default: DefaultResolver | None = None,
    available: Collection[str] = (),
    always: Collection[str] = (),
) -> tuple[Endpoint, str, DirectInvoker | None]:
    """Return the endpoint calling ``target``, a readable name of the controller, and its
    direct call (see :mod:`masonite.routing.direct`; None when the target needs a resolver).

    ``always`` names the URL parameters every request of the route carries.

    With ``default`` (the router's own resolver when it is a :class:`DefaultResolver`), a
    required parameter of the target that is neither the request, a class a container
    could build nor one of the ``available`` URL parameters fails right here; function
    targets also get a call specialised on their signature, used whenever the request is
    dispatched with that resolver.

    Raises:
        ControllerResolutionError: The target cannot be resolved (see the module docstring).
    """
    if isinstance(target, str):
        cls, method = resolve_controller_string(
            target, packages=packages, namespace=namespace, describe=describe
        )
        name = f"{cls.__module__}.{cls.__qualname__}.{method}"
        _check_parameters(_as_bound(cls, method), name, default, available, describe)
        return _class_endpoint(cls, method), name, direct_endpoint(cls, method, always)
    if not callable(target):
        raise ControllerResolutionError(f"{describe}: the target {target!r} is not callable")
    name = describe_callable(target)
    owner = _owner_class(target, describe)
    if owner is not None:
        _check_parameters(_as_bound(owner, target.__name__), name, default, available, describe)
        method = target.__name__
        return _class_endpoint(owner, method), name, direct_endpoint(owner, method, always)
    _check_parameters(target, name, default, available, describe)
    return _function_endpoint(target, default), name, direct_function(target, always)


def _as_bound(cls: type, method: str) -> Callable[..., Any]:
    """``cls.method`` with the signature it has once bound to an instance."""
    attribute = getattr(cls, method)
    if isinstance(inspect.getattr_static(cls, method), (staticmethod, classmethod)):
        return attribute  # type: ignore[no-any-return]
    return functools.partial(attribute, None)


def _check_parameters(
    fn: Callable[..., Any],
    name: str,
    default: DefaultResolver | None,
    available: Collection[str],
    describe: str,
) -> None:
    if default is None:
        return
    missing = default.unfilled(fn, available)
    if missing:
        raise ControllerResolutionError(
            f"{describe}: {name} needs {', '.join(map(repr, missing))}, which the route "
            f"does not provide (URL parameters: {', '.join(available) or 'none'})"
        )


def _function_endpoint(fn: Callable[..., Any], default: DefaultResolver | None) -> Endpoint:
    invoke = direct_invoker(default, fn) if default is not None else None
    if invoke is None:

        def endpoint(request: Request, params: Mapping[str, Any], resolver: Resolver) -> Any:
            return resolver.call(fn, request, params)

        return endpoint

    def direct(request: Request, params: Mapping[str, Any], resolver: Resolver) -> Any:
        if resolver is default:
            return invoke(request, params)
        return resolver.call(fn, request, params)

    return direct


def _class_endpoint(cls: type, method: str) -> Endpoint:
    def endpoint(request: Request, params: Mapping[str, Any], resolver: Resolver) -> Any:
        # A new controller per request: nothing of one request leaks into the next.
        return resolver.call(getattr(resolver.build(cls, request), method), request, params)

    return endpoint


def _owner_class(target: Callable[..., Any], describe: str) -> type | None:
    """The class of an unbound method (``WelcomeController.show``), else ``None``."""
    if not inspect.isfunction(target):
        return None  # bound methods, builtins, callable objects: called as they are
    parts = target.__qualname__.split(".")
    if len(parts) < 2:
        return None
    if "<locals>" in parts:
        if parts[-2] != "<locals>" and _takes_self(target):
            raise ControllerResolutionError(
                f"{describe}: {target.__qualname__} is a method of a class defined inside a "
                f"function, so it cannot be rebuilt per request; pass a bound method "
                f"(Controller().method) or define the class at module level"
            )
        return None
    owner: Any = sys.modules.get(target.__module__)
    for part in parts[:-1]:
        owner = getattr(owner, part, None)
    if not inspect.isclass(owner):
        return None
    attribute = inspect.getattr_static(owner, target.__name__, None)
    if isinstance(attribute, (staticmethod, classmethod)) or attribute is not target:
        return None
    return owner


def _takes_self(fn: Callable[..., Any]) -> bool:
    try:
        first = next(iter(inspect.signature(fn).parameters), None)
    except (TypeError, ValueError):
        return False
    return first == "self"


def resolve_controller_string(
    target: str, *, packages: Sequence[str], namespace: str = "", describe: str
) -> tuple[type, str]:
    """Return ``(controller class, method name)`` for ``'Module.Path@method'``.

    Raises:
        ControllerResolutionError: Malformed or private names, nothing found in any
            controller package (the first ``ModuleNotFoundError`` chained), an import that
            failed inside the controller module (chained), a non-class or a missing,
            private or non-callable method.
    """
    dotted, at, method = target.partition("@")
    if namespace:
        dotted = f"{namespace.strip('.')}.{dotted}"
    parts = dotted.split(".")
    if not at or not all(_PUBLIC.match(part) for part in [*parts, method]):
        raise ControllerResolutionError(
            f"{describe}: controller string {target!r} must be 'Controller@method' or "
            f"'sub.package.Controller@method' with public names (no leading '_')"
        )
    if not packages:
        raise ControllerResolutionError(
            f"{describe}: controller string {target!r} needs controller packages "
            f"(Router(controllers=[...]))"
        )
    class_name = parts[-1]
    tried: list[str] = []
    first_missing: ModuleNotFoundError | None = None
    for package in packages:
        for module_name, attribute in _candidates(package, parts):
            tried.append(module_name)
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name is not None and (
                    module_name == error.name or module_name.startswith(error.name + ".")
                ):
                    first_missing = first_missing or error
                    continue
                raise ControllerResolutionError(
                    f"{describe}: importing {module_name} for {target!r} failed: {error}"
                ) from error
            except Exception as error:
                raise ControllerResolutionError(
                    f"{describe}: importing {module_name} for {target!r} failed: {error}"
                ) from error
            found = getattr(module, attribute, None)
            if found is None:
                continue
            return _check_class(found, package, class_name, method, target, describe), method
    raise ControllerResolutionError(
        f"{describe}: controller {target!r} not found (tried {', '.join(dict.fromkeys(tried))})"
    ) from first_missing


def _candidates(package: str, parts: list[str]) -> list[tuple[str, str]]:
    """(module to import, attribute to take) pairs, most specific first."""
    prefix = ".".join([package, *parts[:-1]])
    name = parts[-1]
    snake = _CAMEL.sub("_", name).lower()
    candidates = [(f"{prefix}.{name}", name)]
    if snake != name:
        candidates.append((f"{prefix}.{snake}", name))
    candidates.append((prefix, name))
    return candidates


def _check_class(
    found: object, package: str, class_name: str, method: str, target: str, describe: str
) -> type:
    if not inspect.isclass(found):
        raise ControllerResolutionError(
            f"{describe}: {class_name} in {target!r} is {type(found).__name__}, not a class"
        )
    # A class a controller module imported (``'WelcomeController.Request@all'``) is not a
    # controller: only classes defined inside the controller package are reachable.
    defined_in = getattr(found, "__module__", None)
    if not isinstance(defined_in, str) or not (
        defined_in == package or defined_in.startswith(package + ".")
    ):
        raise ControllerResolutionError(
            f"{describe}: {class_name} in {target!r} is defined in {defined_in}, outside the "
            f"controller package {package}"
        )
    defined = any(method in vars(klass) for klass in found.__mro__ if klass is not object)
    attribute = getattr(found, method, None)
    if not defined or attribute is None:
        raise ControllerResolutionError(
            f"{describe}: {found.__qualname__} has no method {method!r}"
        ) from AttributeError(method)
    if not callable(attribute):
        raise ControllerResolutionError(
            f"{describe}: {found.__qualname__}.{method} is not callable"
        )
    return found
