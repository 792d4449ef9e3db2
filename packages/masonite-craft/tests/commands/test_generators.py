"""The five generators: where they write, what they refuse, and that the code runs."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cleo.commands.command import Command
from cleo.testers.command_tester import CommandTester

from masonite.craft.commands.command import CommandCommand
from masonite.craft.commands.controller import ControllerCommand
from masonite.craft.commands.middleware import MiddlewareCommand
from masonite.craft.commands.provider import ProviderCommand
from masonite.craft.commands.view import ViewCommand
from masonite.craft.generator import GeneratorCommand

GENERATORS: list[tuple[type[GeneratorCommand], str, str]] = [
    (ControllerCommand, "Blog", "app/http/controllers/BlogController.py"),
    (MiddlewareCommand, "Auth", "app/http/middleware/AuthMiddleware.py"),
    (ProviderCommand, "Blog", "app/providers/BlogProvider.py"),
    (ViewCommand, "blog.post", "resources/templates/blog/post.html"),
    (CommandCommand, "SendReport", "app/commands/SendReportCommand.py"),
]


def generate(command: type[GeneratorCommand], args: str) -> tuple[int, str, str]:
    tester = CommandTester(command())
    status = tester.execute(args)
    return status, tester.io.fetch_output(), tester.io.fetch_error()


def load(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Execute a generated module with stand-ins for the framework modules it imports."""

    class Request:
        def all(self) -> dict[str, object]:
            return {"title": "Hi"}

    class ServiceProvider:
        wsgi = True

    request_module = types.ModuleType("masonite.request")
    request_module.Request = Request  # type: ignore[attr-defined]
    providers_module = types.ModuleType("masonite.providers")
    providers_module.ServiceProvider = ServiceProvider  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "masonite.request", request_module)
    monkeypatch.setitem(sys.modules, "masonite.providers", providers_module)
    namespace: dict[str, Any] = {"__name__": "generated"}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    namespace["__Request"] = Request
    return namespace


@pytest.mark.parametrize(("command", "name", "path"), GENERATORS)
def test_generator_writes_the_conventional_path(
    project: Path, command: type[GeneratorCommand], name: str, path: str
) -> None:
    status, out, err = generate(command, name)
    assert (status, err) == (0, "")
    assert out == f"Created {path}\n"
    assert (project / path).is_file()


@pytest.mark.parametrize(("command", "name", "path"), GENERATORS)
def test_generator_never_overwrites(
    project: Path, command: type[GeneratorCommand], name: str, path: str
) -> None:
    target = project / path
    target.parent.mkdir(parents=True)
    target.write_text("mine")
    status, out, err = generate(command, name)
    assert (status, out) == (1, "")
    assert err == f"craft: {path} already exists; craft never overwrites a file\n"
    assert target.read_text() == "mine"


@pytest.mark.parametrize(("command", "name", "path"), GENERATORS)
def test_generator_outside_a_project(
    workdir: Path, command: type[GeneratorCommand], name: str, path: str
) -> None:
    status, _, err = generate(command, name)
    assert status == 1
    assert err == (
        f"craft: not inside a Masonite project: {workdir} has no wsgi.py (cd into the project)\n"
    )
    assert sorted(p.name for p in workdir.iterdir()) == []


@pytest.mark.parametrize(
    "command", [ControllerCommand, MiddlewareCommand, ProviderCommand, CommandCommand]
)
@pytest.mark.parametrize("name", ["2Blog", "_Blog", "Blog-Post", "../Blog", "class", "Blog Post"])
def test_class_generators_refuse_invalid_names(
    project: Path, command: type[GeneratorCommand], name: str
) -> None:
    before = sorted(project.rglob("*"))
    status, out, err = generate(command, f'"{name}"')
    assert (status, out) == (1, "")
    assert err.startswith(f"craft: {name!r} is not a valid name")
    assert err.count("\n") == 1
    assert sorted(project.rglob("*")) == before


@pytest.mark.parametrize("name", ["../x", "a..b", "a b", "a.-x", "ü"])
def test_view_refuses_invalid_names(project: Path, name: str) -> None:
    status, _, err = generate(ViewCommand, f'"{name}"')
    assert status == 1
    assert err.startswith(f"craft: {name!r} is not a valid view name")
    assert not (project / "resources").exists()


def test_generator_reports_an_unwritable_folder(project: Path) -> None:
    (project / "app").write_text("a file where the folder should be")
    status, _, err = generate(ControllerCommand, "Blog")
    assert status == 1
    assert err.startswith("craft: could not create app/http/controllers/BlogController.py: ")
    assert err.count("\n") == 1


def test_controller_runs(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(ControllerCommand, "Blog")
    code = load(project / "app/http/controllers/BlogController.py", monkeypatch)
    controller = code["BlogController"]()
    assert controller.show(code["__Request"]()) == "BlogController"
    source = (project / "app/http/controllers/BlogController.py").read_text()
    assert 'Get("/blog", "BlogController@show")' in source


def test_controller_exact_and_nested(project: Path) -> None:
    assert generate(ControllerCommand, "admin.Dashboard --exact")[1] == (
        "Created app/http/controllers/admin/Dashboard.py\n"
    )
    source = (project / "app/http/controllers/admin/Dashboard.py").read_text()
    assert "class Dashboard:" in source
    assert '"admin.Dashboard@show"' in source
    assert 'Get("/admin/dashboard"' in source


def test_controller_keeps_a_given_suffix(project: Path) -> None:
    assert generate(ControllerCommand, "BlogPostController")[1] == (
        "Created app/http/controllers/BlogPostController.py\n"
    )
    source = (project / "app/http/controllers/BlogPostController.py").read_text()
    assert 'Get("/blog_post", "BlogPostController@show")' in source


def test_resource_controller_runs(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert generate(ControllerCommand, "Post --resource")[0] == 0
    code = load(project / "app/http/controllers/PostController.py", monkeypatch)
    controller, request = code["PostController"](), code["__Request"]()
    assert controller.index(request) == {"data": []}
    assert controller.create(request) == "The form that creates a post."
    assert controller.store(request) == {"created": {"title": "Hi"}}
    assert controller.show(request, id=3) == {"id": 3}
    assert controller.edit(request, id=3) == "The form that edits the post 3."
    assert controller.update(request, id=3) == {"id": 3, "updated": {"title": "Hi"}}
    assert controller.destroy(request, id=3) == {"id": 3, "deleted": True}
    source = (project / "app/http/controllers/PostController.py").read_text()
    assert 'Delete("/post/@id:int", "PostController@destroy")' in source


def test_generated_controller_does_not_postpone_annotations(project: Path) -> None:
    # The resolver injects by annotation; string annotations would need extra lookups.
    generate(ControllerCommand, "Blog -r")
    assert "from __future__" not in (project / "app/http/controllers/BlogController.py").read_text()


def test_middleware_runs(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(MiddlewareCommand, "Auth")
    code = load(project / "app/http/middleware/AuthMiddleware.py", monkeypatch)
    request = code["__Request"]()
    middleware = code["AuthMiddleware"](request)
    assert middleware.request is request
    assert middleware.before() is None
    assert middleware.after() is None


def test_provider_subclasses_service_provider(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(ProviderCommand, "Blog")
    code = load(project / "app/providers/BlogProvider.py", monkeypatch)
    provider = code["BlogProvider"]
    assert provider.__mro__[1].__name__ == "ServiceProvider"
    assert provider.wsgi is False
    assert provider().register() is None
    assert provider().boot() is None


def test_command_is_a_working_cleo_command(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(CommandCommand, "SendReport")
    code = load(project / "app/commands/SendReportCommand.py", monkeypatch)
    command = code["SendReportCommand"]()
    assert isinstance(command, Command)
    assert command.name == "send-report"
    tester = CommandTester(command)
    assert tester.execute("Ada") == 0
    assert tester.io.fetch_output() == "Hello, Ada!\n"
    assert tester.execute("") == 0
    assert tester.io.fetch_output() == "Hello, world!\n"


def test_view_is_standalone_html_without_a_layout(project: Path) -> None:
    generate(ViewCommand, "blog.post-list")
    html = (project / "resources/templates/blog/post-list.html").read_text()
    assert html.startswith("<!doctype html>")
    assert "<title>Post list</title>" in html
    assert "{{" not in html


def test_view_extends_the_base_layout_when_there_is_one(project: Path) -> None:
    templates = project / "resources" / "templates"
    templates.mkdir(parents=True)
    (templates / "base.html").write_text("{% block content %}{% endblock %}")
    generate(ViewCommand, "about")
    html = (templates / "about.html").read_text()
    assert html.startswith('{% extends "base.html" %}')
    assert "{% block title %}About{% endblock %}" in html
    assert "<h1>About</h1>" in html


def test_generated_view_renders_with_jinja(project: Path) -> None:
    jinja2 = pytest.importorskip("jinja2")
    templates = project / "resources" / "templates"
    generate(ViewCommand, "blog.post")
    (templates / "base.html").write_text(
        "<title>{% block title %}{% endblock %}</title>{% block content %}{% endblock %}"
    )
    generate(ViewCommand, "about")
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True)
    assert environment.get_template("about.html").render() == (
        "<title>About</title>\n<h1>About</h1>\n"
    )
    assert "<h1>Post</h1>" in environment.get_template("blog/post.html").render()


@pytest.mark.parametrize(
    ("alias", "path"),
    [
        ("make:controller Blog", "app/http/controllers/BlogController.py"),
        ("make:middleware Auth", "app/http/middleware/AuthMiddleware.py"),
        ("make:provider Blog", "app/providers/BlogProvider.py"),
        ("make:view welcome", "resources/templates/welcome.html"),
        ("make:command Hello", "app/commands/HelloCommand.py"),
    ],
)
def test_generators_are_reachable_by_their_make_alias(
    craft: Callable[[str], Any], project: Path, alias: str, path: str
) -> None:
    result = craft(alias)
    assert (result.status, result.err) == (0, "")
    assert (project / path).is_file()


@pytest.mark.parametrize("name", ["controller", "middleware", "provider", "view", "command"])
def test_generators_usage_errors_and_help(craft: Callable[[str], Any], name: str) -> None:
    result = craft(name)
    assert result.status == 1
    assert (
        result.err == f'craft: Not enough arguments (missing: "name") (see: craft {name} --help)\n'
    )
    for args in (f"{name} --help", f"help {name}", f"make:{name} --help"):
        help_result = craft(args)
        assert help_result.status == 0
        assert f"make:{name}" in help_result.out
