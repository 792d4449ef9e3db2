from __future__ import annotations

from importlib.metadata import PackageNotFoundError

import check_mindeps
import pytest

REQUIRES = {
    "masonite-top": ["masonite-mid>=0.1,<0.2", "gunicorn>=21.2", "colorama; sys_platform == 'nt'"],
    "masonite-mid": ["jinja2>=3.1,<4", "gunicorn>=20", "extra-only>=1; extra == 'docs'"],
}


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    installed = {"gunicorn": "21.2.0", "jinja2": "3.1.0"}

    def requires(name: str) -> list[str]:
        if name not in REQUIRES:
            raise PackageNotFoundError(name)
        return REQUIRES[name]

    def version(name: str) -> str:
        if name not in installed:
            raise PackageNotFoundError(name)
        return installed[name]

    monkeypatch.setattr(check_mindeps, "requires", requires)
    monkeypatch.setattr(check_mindeps, "version", version)
    return installed


@pytest.mark.parametrize(
    "argument", ["mindeps-routing", "routing", "masonite-routing", "Masonite_Routing"]
)
def test_distribution_name(argument: str) -> None:
    assert check_mindeps.distribution_name(argument) == "masonite-routing"


def test_collect_walks_siblings_and_keeps_the_highest_lower_bound(env: dict[str, str]) -> None:
    declared = check_mindeps.collect("masonite-top")
    assert sorted(declared) == ["gunicorn", "jinja2"]  # markers and extras that do not apply
    assert str(declared["gunicorn"].lower) == "21.2"
    assert declared["gunicorn"].ranges == [("masonite-top", ">=21.2"), ("masonite-mid", ">=20")]
    assert str(declared["jinja2"].lower) == "3.1"


def test_lowest_versions_pass_and_are_printed(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_mindeps.main(["check_mindeps.py", "mindeps-top"]) == 0
    out = capsys.readouterr().out
    assert "gunicorn         21.2.0     lower bound 21.2" in out
    assert "jinja2           3.1.0      lower bound 3.1" in out


def test_a_version_above_the_bound_fails(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    env["jinja2"] = "3.1.2"
    assert check_mindeps.main(["check_mindeps.py", "top"]) == 1
    assert "jinja2: installed 3.1.2, not the lower bound 3.1" in capsys.readouterr().out


def test_a_requirement_without_lower_bound_fails(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(REQUIRES, "masonite-low", ["gunicorn<23"])
    assert check_mindeps.main(["check_mindeps.py", "low"]) == 1
    assert "gunicorn: masonite-low declare no lower bound" in capsys.readouterr().out


def test_a_missing_requirement_fails(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    del env["jinja2"]
    assert check_mindeps.main(["check_mindeps.py", "top"]) == 1
    assert "jinja2: required but not installed" in capsys.readouterr().out


def test_a_package_not_installed_is_one_line(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_mindeps.main(["check_mindeps.py", "nothing"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "check_mindeps: masonite-nothing is not installed in this environment"
    )
