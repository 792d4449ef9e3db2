"""masonite.container: the Masonite service container.

Bindings, resolution by annotation, request scopes and hooks::

    from masonite.container import Container

    container = Container()
    container.bind("Mailer", SmtpMailer)           # built on every make
    container.singleton("Cache", RedisCache)       # built once, shared
    request_scope = container.scope()              # one per HTTP request
    request_scope.bind("Request", request)
    request_scope.resolve(provider.boot)           # boot(self, request: Request)

``injection_plan(fn)`` tells how ``resolve`` fills ``fn``'s parameters and
``prepare(fn)`` returns ``call(container)``, ``resolve(fn)`` specialised once
(``prepare_all(fns)`` the same for a sequence, ``prepare_method(obj.method)`` for
that method of any instance); ``prepare_bindings({"Request": Request, ...})``
returns ``bind(scope, request, ...)``, the same ``bind`` calls planned once, and
``prepare_scope({"Environ": dict, ...})`` returns ``open(container, environ, ...)``,
a new scope with those bindings already in it.
"""

from __future__ import annotations

from masonite.container.__about__ import __version__
from masonite.container.binders import prepare_bindings, prepare_scope
from masonite.container.calls import injection_plan, prepare, prepare_all, prepare_method
from masonite.container.container import App, Container
from masonite.container.errors import (
    ContainerError,
    MissingContainerBindingNotFound,
    StrictContainerException,
)
from masonite.container.plan import InjectionPlan, Parameter

__all__ = [
    "App",
    "Container",
    "ContainerError",
    "InjectionPlan",
    "MissingContainerBindingNotFound",
    "Parameter",
    "StrictContainerException",
    "__version__",
    "injection_plan",
    "prepare",
    "prepare_all",
    "prepare_bindings",
    "prepare_method",
    "prepare_scope",
]
