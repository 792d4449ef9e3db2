"""masonite-container: make, resolve and scope() against calling the code by hand.

Each table's floor does the same work without the container, with the objects at
hand: calling the function directly, building the class directly, reading a dict.
The headline is the first table: a provider's ``boot(self, request: Request,
response: Response)`` resolved from a request scope (target: at most 3x the
direct call), by ``scope.resolve(provider.boot)`` and by the call that
``prepare(provider.boot)`` made once, which is what the framework's lifecycle
runs per request. The second table adds what a request pays to open its scope
and bind ``Request`` and ``Response``.

Run: ``make bench BENCH=bench_container`` (or ``python bench/bench_container.py``
with masonite-container importable).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import report

from masonite.container import Container, prepare, prepare_scope


class Request:
    def __init__(self, environ: dict[str, object]) -> None:
        self.environ = environ


class Response:
    def __init__(self) -> None:
        self.status = 200


class View:
    def __init__(self) -> None:
        self.root = "resources/templates"


class Mailer:
    def __init__(self, view: View) -> None:
        self.view = view


class Provider:
    def boot(self, request: Request, response: Response) -> None:
        self.request = request
        self.response = response


class NoLookup:
    """A resolve() that looks nothing up: what the Python calls alone cost."""

    def __init__(self, request: Request, response: Response) -> None:
        self.values = (request, response)

    def resolve(self, target: object, /, *args: object, **kwargs: object) -> object:
        return target(*self.values)  # type: ignore[operator]


class Controller:
    def show(self, request: Request, view: View, id: int) -> object:
        return (request, view, id)


def main() -> None:
    environ: dict[str, object] = {"PATH_INFO": "/"}
    root = Container()
    root.bind("Container", root)
    root.bind("Request", Request)  # the class, as AppProvider.register binds it
    root.bind("Response", Response)
    root.bind("View", View())
    root.bind("Mailer", Mailer)
    root.singleton("Cache", View)
    for index in range(40):  # a realistic number of other bindings
        root.bind(f"Other{index}Command", object())
    provider = Provider()
    controller = Controller()
    request, response = Request(environ), Response()
    scope = root.scope()
    scope.bind("Request", request)
    scope.bind("Response", response)
    view = root.make("View")
    no_lookup = NoLookup(request, response)
    prepared_boot = prepare(provider.boot)  # once, at start-up

    report(
        "resolve boot(self, request: Request, response: Response) from a request scope",
        [
            (
                "direct call provider.boot(request, response) (floor)",
                lambda: provider.boot(request, response),
            ),
            ("scope.resolve(provider.boot)", lambda: scope.resolve(provider.boot)),
            ("prepare(provider.boot), then prepared(scope)", lambda: prepared_boot(scope)),
            (
                "reference: a resolve() that looks nothing up",
                lambda: no_lookup.resolve(provider.boot),
            ),
        ],
    )

    def per_request_by_hand() -> None:
        bound = {"Request": Request, "Response": Response}
        bound["Request"] = request
        bound["Response"] = response
        provider.boot(bound["Request"], bound["Response"])

    def per_request() -> None:
        child = root.scope()
        child.bind("Request", request)
        child.bind("Response", response)
        child.resolve(provider.boot)

    def per_request_prepared() -> None:
        child = root.scope()
        child.bind("Request", request)
        child.bind("Response", response)
        prepared_boot(child)

    # What the framework's kernel runs per request: one function, prepared at start-up.
    open_and_boot = prepare_scope({"Request": Request, "Response": Response}, then=[provider.boot])

    report(
        "per request: open a scope, bind Request and Response, resolve boot",
        [
            (
                "direct call provider.boot(request, response) (floor)",
                lambda: provider.boot(request, response),
            ),
            ("by hand: a dict of 2 bindings + direct call", per_request_by_hand),
            ("root.scope()", root.scope),
            ("scope() + 2 binds + resolve(boot)", per_request),
            ("scope() + 2 binds + prepared(scope)", per_request_prepared),
            (
                "prepare_scope({...}, then=[boot]), then open(root, request, response)",
                lambda: open_and_boot(root, request, response),
            ),
        ],
    )

    report(
        "make",
        [
            ("dict lookup bindings['Request'] (floor)", lambda: environ["PATH_INFO"]),
            ("scope.make('Request'), bound in the scope", lambda: scope.make("Request")),
            ("scope.make('View'), bound in the parent", lambda: scope.make("View")),
            ("scope.make(Request), by class", lambda: scope.make(Request)),
            ("scope.make('Cache'), a singleton", lambda: scope.make("Cache")),
        ],
    )

    report(
        "make a class binding (built on every make)",
        [
            ("Mailer(view) by hand (floor)", lambda: Mailer(view)),
            ("scope.make('Mailer'), constructor injected", lambda: scope.make("Mailer")),
        ],
    )

    report(
        "resolve a controller: Request from the scope, View from the root, id by keyword",
        [
            (
                "direct call controller.show(request, view, id=7) (floor)",
                lambda: controller.show(request, view, id=7),
            ),
            ("scope.resolve(controller.show, id=7)", lambda: scope.resolve(controller.show, id=7)),
            ("scope.resolve(controller.show, 7)", lambda: scope.resolve(controller.show, 7)),
        ],
    )


if __name__ == "__main__":
    main()
