from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from masonite.request import Request
from masonite.request.testing import create_environ
from masonite.routing import ControllerResolutionError
from masonite.routing.controllers import make_endpoint, resolve_controller_string
from masonite.routing.resolver import DefaultResolver

#: The ``make_package`` fixture of conftest.py.
PackageFactory = Callable[[dict[str, str]], str]

SIMPLE = "class {name}:\n    def index(self):\n        return '{name}'\n"

WELCOME = """
    from masonite.request import Request

    class WelcomeController:
        greeting = "not callable"

        def show(self, request: Request):
            return "welcome " + request.path

        def _private(self):
            return "secret"
"""


def resolve(target: str, package: str, namespace: str = "") -> tuple[type, str]:
    return resolve_controller_string(
        target, packages=[package + ".http.controllers"], namespace=namespace, describe="route"
    )


def test_controller_string_finds_the_camel_case_module(make_package: PackageFactory) -> None:
    package = make_package({"http/controllers/WelcomeController.py": WELCOME})
    cls, method = resolve("WelcomeController@show", package)
    assert cls.__name__ == "WelcomeController"
    assert cls.__module__ == f"{package}.http.controllers.WelcomeController"
    assert method == "show"


def test_snake_case_module_and_package_export(make_package: PackageFactory) -> None:
    package = make_package(
        {
            "http/controllers/user_controller.py": SIMPLE.format(name="UserController"),
            "http/controllers/admin/__init__.py": SIMPLE.format(name="PanelController"),
        }
    )
    assert resolve("UserController@index", package)[0].__name__ == "UserController"
    assert resolve("admin.PanelController@index", package)[0].__name__ == "PanelController"


def test_namespace_prefixes_the_sub_package(make_package: PackageFactory) -> None:
    package = make_package(
        {"http/controllers/admin/UserController.py": SIMPLE.format(name="UserController")}
    )
    cls, _ = resolve("UserController@index", package, namespace="admin.")
    assert cls.__module__.endswith(".admin.UserController")


def test_packages_are_searched_in_order(make_package: PackageFactory) -> None:
    first = make_package({"c/Other.py": "class Other:\n    def x(self): ...\n"})
    second = make_package({"c/Thing.py": "class Thing:\n    def x(self): ...\n"})
    cls, _ = resolve_controller_string(
        "Thing@x", packages=[f"{first}.c", f"{second}.c"], describe="route"
    )
    assert cls.__module__ == f"{second}.c.Thing"


def test_missing_module_chains_the_original_import_error(make_package: PackageFactory) -> None:
    package = make_package({"http/controllers/WelcomeController.py": WELCOME})
    with pytest.raises(
        ControllerResolutionError, match="'MissingController@show' not found"
    ) as info:
        resolve("MissingController@show", package)
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value.__cause__, ModuleNotFoundError)
    assert "MissingController" in str(info.value.__cause__)


def test_broken_import_inside_a_controller_is_not_masked(make_package: PackageFactory) -> None:
    package = make_package(
        {"http/controllers/BrokenController.py": "import not_a_real_dependency_xyz\n"}
    )
    with pytest.raises(
        ControllerResolutionError, match=r"importing .*BrokenController for .* failed"
    ) as info:
        resolve("BrokenController@show", package)
    assert isinstance(info.value.__cause__, ModuleNotFoundError)
    assert info.value.__cause__.name == "not_a_real_dependency_xyz"


def test_error_raised_while_importing_is_chained(make_package: PackageFactory) -> None:
    package = make_package({"http/controllers/BadController.py": "raise RuntimeError('boom')\n"})
    with pytest.raises(ControllerResolutionError, match="boom") as info:
        resolve("BadController@show", package)
    assert isinstance(info.value.__cause__, RuntimeError)


@pytest.mark.parametrize(
    "target",
    [
        "os@system",
        "..os@system",
        "os.path@join",
        "_Hidden@show",
        "WelcomeController@_private",
        "WelcomeController@__init__",
        "Welcome-Controller@show",
        "WelcomeController@",
        "@show",
        "a..b@c",
    ],
)
def test_refused_controller_strings(make_package: PackageFactory, target: str) -> None:
    package = make_package({"http/controllers/WelcomeController.py": WELCOME})
    with pytest.raises(ControllerResolutionError):
        resolve(target, package)


def test_refused_attributes(make_package: PackageFactory) -> None:
    package = make_package(
        {
            "http/controllers/WelcomeController.py": WELCOME,
            "http/controllers/FuncController.py": "def FuncController(): ...\n",
        }
    )
    with pytest.raises(ControllerResolutionError, match="not callable"):
        resolve("WelcomeController@greeting", package)
    with pytest.raises(ControllerResolutionError, match="has no method 'missing'"):
        resolve("WelcomeController@missing", package)
    with pytest.raises(ControllerResolutionError, match="has no method 'mro'"):
        resolve("WelcomeController@mro", package)
    with pytest.raises(ControllerResolutionError, match="not a class"):
        resolve("FuncController@show", package)


def test_classes_imported_into_the_controller_package_are_refused(
    make_package: PackageFactory,
) -> None:
    package = make_package(
        {
            "http/controllers/WelcomeController.py": WELCOME,  # imports Request
            "http/controllers/__init__.py": "from collections import OrderedDict\n",
            "http/controllers/base.py": SIMPLE.format(name="BaseController"),
            "http/controllers/admin/__init__.py": "from ..base import BaseController\n",
        }
    )
    outside = re.escape(f"outside the controller package {package}.http.controllers")
    with pytest.raises(ControllerResolutionError, match=r"defined in masonite\.request\.request, "):
        resolve("WelcomeController.Request@all", package)
    with pytest.raises(ControllerResolutionError, match=outside):
        resolve("OrderedDict@clear", package)
    # A class defined inside the package and re-exported by a sub-package is fine.
    assert resolve("admin.BaseController@index", package)[0].__name__ == "BaseController"


def test_no_controller_packages() -> None:
    with pytest.raises(ControllerResolutionError, match="needs controller packages"):
        resolve_controller_string("A@b", packages=[], describe="route")


class ModuleController:
    def show(self, request: Request) -> str:
        return f"{type(self).__name__} {request.path}"

    @staticmethod
    def static(request: Request) -> str:
        return "static"

    @classmethod
    def klass(cls, request: Request) -> str:
        return cls.__name__


def call(target: Any) -> Any:
    endpoint, _, _ = make_endpoint(target, packages=(), describe="route")
    return endpoint(Request(create_environ(path="/p")), {}, DefaultResolver())


def test_endpoints_for_every_kind_of_callable() -> None:
    assert call(ModuleController.show) == "ModuleController /p"  # class built per request
    assert call(ModuleController().show) == "ModuleController /p"
    assert call(ModuleController.static) == "static"
    assert call(ModuleController.klass) == "ModuleController"
    assert call(lambda request: "lambda") == "lambda"


def test_unbound_method_builds_a_new_instance_each_time() -> None:
    seen: list[int] = []

    class Counter:
        def __call__(self, request: Request) -> str:
            seen.append(id(request))
            return "ok"

    assert call(Counter()) == "ok"
    assert len(seen) == 1


def test_method_of_a_local_class_is_refused() -> None:
    class Local:
        def show(self) -> str:
            return "x"

    with pytest.raises(ControllerResolutionError, match="class defined inside a function"):
        make_endpoint(Local.show, packages=(), describe="route")
    # A bound method of it is fine.
    assert call(Local().show) == "x"


def test_endpoint_name_for_controller_strings(make_package: PackageFactory) -> None:
    package = make_package({"http/controllers/WelcomeController.py": WELCOME})
    endpoint, name, _ = make_endpoint(
        "WelcomeController@show", packages=[f"{package}.http.controllers"], describe="route"
    )
    assert name.endswith("WelcomeController.WelcomeController.show")
    request = Request(create_environ(path="/w"))
    assert endpoint(request, {}, DefaultResolver()) == "welcome /w"
