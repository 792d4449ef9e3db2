from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dist_check
import pytest
from release import Package


@pytest.fixture
def isolated_hatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HATCH_DATA_DIR", str(tmp_path / "hatch-data"))
    monkeypatch.setenv("HATCH_CACHE_DIR", str(tmp_path / "hatch-cache"))


def check(root: Path, tmp_path: Path, *parts: str) -> int:
    return dist_check.main(
        [
            *parts,
            "--root",
            str(root),
            "--dist-dir",
            str(tmp_path / "dist"),
            "--wheelhouse",
            str(tmp_path / "wheelhouse"),
        ]
    )


def test_source_files_keeps_dotfiles_and_skips_bytecode(tmp_path: Path) -> None:
    for name in ("a.py", "template/.env-tpl", "template/dot-gitignore", "stubs/x.py-tpl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-312.pyc").write_bytes(b"")
    (tmp_path / "b.pyc").write_bytes(b"")
    assert dist_check.source_files(tmp_path) == [
        "a.py",
        "stubs/x.py-tpl",
        "template/.env-tpl",
        "template/dot-gitignore",
    ]


def test_third_party_requirements_come_from_wheel_metadata(tmp_path: Path) -> None:
    wheel = tmp_path / "masonite_x-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(
            "masonite_x-0.1.0.dist-info/METADATA",
            "Metadata-Version: 2.3\nName: masonite-x\nVersion: 0.1.0\n"
            "Requires-Dist: masonite-request<0.2,>=0.1\n"
            "Requires-Dist: jinja2<4,>=3.1\n"
            "Requires-Dist: tomli>=1; python_version < '3.11'\n"
            "Requires-Dist: sphinx>=7; extra == 'docs'\n"
            "Requires-Dist: Masonite_Routing>=0.1\n",
        )
    assert dist_check.third_party_requirements([wheel]) == [
        "jinja2<4,>=3.1",
        "tomli>=1; python_version < '3.11'",
    ]


def fake_built(tmp_path: Path) -> dist_check.Built:
    folder = tmp_path / "packages" / "masonite-alpha"
    src = folder / "src" / "masonite" / "alpha"
    (src / "template").mkdir(parents=True)
    for name in ("__init__.py", "py.typed", "template/.keep"):
        (src / name).write_text("", encoding="utf-8")
    package = Package("masonite-alpha", folder)
    return dist_check.Built(package, "0.1.0", tmp_path / "w.whl", tmp_path / "s.tar.gz")


def good_report(venv: Path) -> dict[str, Any]:
    location = venv / "lib" / "site-packages" / "masonite" / "alpha"
    (location / "template").mkdir(parents=True)
    return {
        "errors": [],
        "location": str(location),
        "files": ["__init__.py", "py.typed", "template/.keep"],
        "namespace_file": None,
        "module_version": "0.1.0",
        "metadata_version": "0.1.0",
        "modules": ["masonite.alpha"],
        "scripts": [],
        "template": str(location / "template"),
        "installed": {"masonite-alpha": "0.1.0", "Jinja2": "3.1.6"},
    }


def test_compare_installed_accepts_a_complete_install(tmp_path: Path) -> None:
    built = fake_built(tmp_path)
    venv = tmp_path / "venv"
    dist_check.compare_installed(built, good_report(venv), venv)
    assert built.problems == []
    assert built.summary == (
        "masonite-alpha 0.1.0: 3 files, 1 modules imported; brought Jinja2 3.1.6"
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda r, v: r["files"].remove("template/.keep"),
            "installed package lacks template/.keep",
        ),
        (lambda r, v: r["files"].remove("py.typed"), "installed package lacks py.typed"),
        (
            lambda r, v: r.update(namespace_file="/x/masonite/__init__.py"),
            "masonite is a regular package (/x/masonite/__init__.py), not a namespace",
        ),
        (
            lambda r, v: r.update(metadata_version="0.0.9"),
            "installed metadata version is 0.0.9, not 0.1.0",
        ),
        (
            lambda r, v: r.update(location="/work/src/masonite/alpha", template=None),
            "masonite.alpha was imported from /work/src/masonite/alpha, not from the fresh venv",
        ),
        (lambda r, v: r.update(scripts=["alpha"]), "console script alpha was not installed"),
        (
            lambda r, v: r.update(template="/elsewhere"),
            "template_path() is /elsewhere, not a folder of the installed package",
        ),
        (
            lambda r, v: r["errors"].append("import masonite.alpha.x: ImportError: no"),
            "installed alone: import masonite.alpha.x: ImportError: no",
        ),
    ],
)
def test_compare_installed_reports(
    tmp_path: Path, change: Callable[[dict[str, Any], Path], None], problem: str
) -> None:
    built = fake_built(tmp_path)
    venv = tmp_path / "venv"
    report = good_report(venv)
    change(report, venv)
    dist_check.compare_installed(built, report, venv)
    assert built.problems == [f"masonite-alpha: {problem}"]


def test_unknown_package_is_one_line(
    tree: Path, tmp_path: Path, isolated_hatch: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(tree, tmp_path, "omega") == 1
    assert capsys.readouterr().out.splitlines()[0].startswith("omega: no such package")


@pytest.fixture
def dist_tree(tmp_path: Path, add_package: Callable[..., Path]) -> Path:
    """Two packages without third-party requirements (no index needed to check them)."""
    root = tmp_path / "dtree"
    packages = root / "packages"
    packages.mkdir(parents=True)
    alpha = add_package(packages, "masonite-alpha", "0.1.0", [])
    template = alpha / "src" / "masonite" / "alpha" / "template"
    template.mkdir()
    (template / ".keep").write_text("", encoding="utf-8")
    (template / "dot-env-tpl").write_text("KEY={{ app_key }}\n", encoding="utf-8")
    (template / "app.py-tpl").write_text("name = '{{ project_name }}'\n", encoding="utf-8")
    (alpha / "src" / "masonite" / "alpha" / "__init__.py").write_text(
        "from pathlib import Path\n\nfrom masonite.alpha.__about__ import __version__\n\n\n"
        "def template_path() -> Path:\n    return Path(__file__).parent / 'template'\n",
        encoding="utf-8",
    )
    add_package(packages, "masonite-beta", "0.3.2", ["masonite-alpha>=0.1,<0.2"])
    return root


def test_a_sound_tree_builds_installs_and_imports(
    dist_tree: Path, tmp_path: Path, isolated_hatch: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(dist_tree, tmp_path) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "masonite-alpha 0.1.0: 6 files, 2 modules imported; brought nothing else"
    assert out[1] == (
        "masonite-beta 0.3.2: 3 files, 2 modules imported; brought masonite-alpha 0.1.0"
    )
    assert out[-1].startswith("dist: every distribution built")
    built = sorted(path.name for path in (tmp_path / "dist").iterdir())
    assert built == [
        "masonite_alpha-0.1.0-py3-none-any.whl",
        "masonite_alpha-0.1.0.tar.gz",
        "masonite_beta-0.3.2-py3-none-any.whl",
        "masonite_beta-0.3.2.tar.gz",
    ]


def test_every_packaging_defect_is_reported(
    dist_tree: Path,
    tmp_path: Path,
    add_package: Callable[..., Path],
    isolated_hatch: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    packages = dist_tree / "packages"
    # hatchling drops what a .gitignore above the package matches.
    (dist_tree / ".gitignore").write_text("*-tpl\n", encoding="utf-8")
    # beta: no py.typed, and a module whose import fails once installed.
    beta_src = packages / "masonite-beta" / "src" / "masonite" / "beta"
    (beta_src / "py.typed").unlink()
    (beta_src / "broken.py").write_text("import not_a_module_anywhere\n", encoding="utf-8")
    # gamma ships masonite/__init__.py; delta requires an alpha that dist/ does not hold.
    gamma = add_package(packages, "masonite-gamma", "1.0.0", [])
    (gamma / "src" / "masonite" / "__init__.py").write_text("", encoding="utf-8")
    add_package(packages, "masonite-delta", "0.1.0", ["masonite-alpha>=0.2,<0.3"])

    assert check(dist_tree, tmp_path) == 1
    out = capsys.readouterr().out
    for expected in (
        "masonite-alpha: wheel lacks template/app.py-tpl, template/dot-env-tpl",
        "masonite-alpha: sdist lacks src/masonite/alpha/template/app.py-tpl",
        "masonite-alpha: installed package lacks template/app.py-tpl, template/dot-env-tpl",
        "masonite-beta: src/masonite/beta/py.typed is missing",
        "masonite-beta: installed alone: import masonite.beta.broken: "
        "ModuleNotFoundError: No module named 'not_a_module_anywhere'",
        "masonite-gamma: wheel ships masonite/__init__.py",
        "masonite-delta: does not install from dist/ without an index",
    ):
        assert expected in out
    assert out.splitlines()[-1].startswith("dist: FAILED (")
