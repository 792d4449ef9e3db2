from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import release

DATE = "2025-03-04"


def run(root: Path, *args: str) -> int:
    return release.main([*args, "--root", str(root), "--date", DATE])


def about(root: Path, dist: str) -> str:
    part = dist.removeprefix("masonite-")
    return release.read_version(
        root / "packages" / dist / "src" / "masonite" / part / "__about__.py"
    )


@pytest.fixture
def isolated_hatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # hatch keeps a build environment per project location; keep them out of the user's data.
    monkeypatch.setenv("HATCH_DATA_DIR", str(tmp_path / "hatch-data"))
    monkeypatch.setenv("HATCH_CACHE_DIR", str(tmp_path / "hatch-cache"))


@pytest.mark.parametrize(
    ("current", "part", "expected"),
    [
        ("0.1.0", "patch", "0.1.1"),
        ("0.1.9", "minor", "0.2.0"),
        ("0.4.2", "major", "1.0.0"),
        ("1.2.3", "1.10.0", "1.10.0"),
        ("1.2.3", "2.0.0", "2.0.0"),
        ("0.1.0", "0.1.0", "0.1.0"),  # a first release of what __about__.py holds
    ],
)
def test_next_version(current: str, part: str, expected: str) -> None:
    assert release.next_version(current, part) == expected


@pytest.mark.parametrize(
    ("current", "part", "message"),
    [
        ("1.2.3", "1.1.9", "lower than the current version 1.2.3"),
        ("1.2.3", "0.9.9", "lower than the current version 1.2.3"),
        ("1.2.3", "1.3", "expected major, minor, patch"),
        ("1.2.3", "v1.3.0", "expected major, minor, patch"),
        ("1.2.3", "1.3.0rc1", "expected major, minor, patch"),
        ("1.2.3", "release", "expected major, minor, patch"),
        ("1.2.3.dev1", "patch", "not a plain X.Y.Z"),
    ],
)
def test_next_version_refuses(current: str, part: str, message: str) -> None:
    with pytest.raises(release.ReleaseError, match=message):
        release.next_version(current, part)


def test_find_package_accepts_both_spellings(tree: Path) -> None:
    packages = tree / "packages"
    assert release.find_package(packages, "alpha").dist == "masonite-alpha"
    assert release.find_package(packages, "masonite-alpha").dist == "masonite-alpha"
    assert release.find_package(packages, "Masonite_Alpha").folder == packages / "masonite-alpha"


def test_find_package_unknown_lists_the_known(tree: Path) -> None:
    with pytest.raises(release.ReleaseError) as caught:
        release.find_package(tree / "packages", "delta")
    assert caught.value.problems == [
        "delta: no such package (known: masonite-alpha, masonite-beta, masonite-gamma)"
    ]


def test_release_changelog_moves_entries_under_a_dated_heading() -> None:
    text = (
        "# Changelog\n\nIntro.\n\n## Unreleased\n\n### Added\n- New thing.\n\n"
        "### Fixed\n\n### Changed\n- Other thing.\n\n## [0.1.0] - 2024-01-02\n\n- First.\n"
    )
    assert release.release_changelog(text, "0.2.0", DATE) == (
        "# Changelog\n\nIntro.\n\n## Unreleased\n\n## [0.2.0] - 2025-03-04\n\n"
        "### Added\n- New thing.\n\n### Changed\n- Other thing.\n\n"
        "## [0.1.0] - 2024-01-02\n\n- First.\n"
    )


def test_release_changelog_when_unreleased_is_the_last_section() -> None:
    text = "# Changelog\n\n## Unreleased\n- Only entry.\n"
    assert release.release_changelog(text, "1.0.0", DATE) == (
        "# Changelog\n\n## Unreleased\n\n## [1.0.0] - 2025-03-04\n\n- Only entry.\n"
    )


def test_release_changelog_accepts_a_bracketed_unreleased_heading() -> None:
    text = "# Changelog\n\n## [Unreleased]\n\n- Entry.\n"
    assert release.release_changelog(text, "0.1.1", DATE) == (
        "# Changelog\n\n## Unreleased\n\n## [0.1.1] - 2025-03-04\n\n- Entry.\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# Changelog\n\n## Unreleased\n\n## [0.1.0] - 2024-01-02\n- x\n", "has no entries"),
        ("# Changelog\n\n## Unreleased\n\n### Added\n\n### Fixed\n\n", "has no entries"),
        ("# Changelog\n\n## [0.1.0] - 2024-01-02\n- x\n", "no '## Unreleased' section"),
        ("## Unreleased\n- y\n\n## [0.2.0] - 2024-05-06\n- x\n", "0.2.0 exists already"),
    ],
)
def test_release_changelog_refuses(text: str, message: str) -> None:
    with pytest.raises(release.ReleaseError, match=message):
        release.release_changelog(text, "0.2.0", DATE)


def test_dry_run_checks_and_writes_nothing(
    tree: Path,
    snapshot: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(tree)
    assert run(tree, "alpha", "patch", "--dry-run") == 0
    out = capsys.readouterr().out
    assert snapshot(tree) == before
    assert "masonite-alpha: would bump 0.1.0 → 0.1.1" in out
    assert "admitted by the ranges of: masonite-beta, masonite-gamma" in out
    assert out.splitlines()[-1] == "masonite-alpha-v0.1.1"


def test_release_bumps_version_with_hatch_and_dates_the_changelog(
    tree: Path, isolated_hatch: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tree, "masonite-beta", "minor") == 0
    out = capsys.readouterr().out
    assert about(tree, "masonite-beta") == "0.4.0"
    changelog = (tree / "packages" / "masonite-beta" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog == (
        "# Changelog: masonite-beta\n\nIntro text that stays where it is.\n\n"
        "## Unreleased\n\n## [0.4.0] - 2025-03-04\n\n"
        "### Added\n- masonite-beta does a new thing.\n\n"
        "## [0.1.0] - 2024-01-02\n\n### Added\n- The first release.\n"
    )
    assert "no sibling depends on it" in out
    assert out.splitlines()[-1] == "masonite-beta-v0.4.0"
    # The others are untouched.
    assert about(tree, "masonite-alpha") == "0.1.0"


def test_refuses_when_a_sibling_range_excludes_the_new_version(
    tree: Path,
    snapshot: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(tree)
    assert run(tree, "alpha", "minor") == 1
    out = capsys.readouterr().out
    assert snapshot(tree) == before
    assert out.splitlines() == [
        "release refused, nothing was changed:",
        "  masonite-beta: masonite-alpha>=0.1,<0.2 → widen to admit 0.2.0",
    ]


def test_refusal_lists_every_failed_check(
    tree: Path,
    snapshot: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    changelog = tree / "packages" / "masonite-alpha" / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## Unreleased\n\n### Added\n", encoding="utf-8")
    before = snapshot(tree)
    assert run(tree, "alpha", "major") == 1
    assert snapshot(tree) == before
    assert capsys.readouterr().out.splitlines() == [
        "release refused, nothing was changed:",
        "  masonite-alpha: CHANGELOG.md: '## Unreleased' has no entries; nothing to release",
        "  masonite-beta: masonite-alpha>=0.1,<0.2 → widen to admit 1.0.0",
        "  masonite-gamma: masonite-alpha >=0.1, <1 → widen to admit 1.0.0",
    ]


def test_an_already_broken_range_shows_why(
    tree: Path, add_package: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    add_package(tree / "packages", "masonite-delta", "0.1.0", ["masonite-alpha==0.1.0"])
    assert run(tree, "alpha", "patch", "--dry-run") == 1
    out = capsys.readouterr().out
    assert "masonite-delta: masonite-alpha==0.1.0 → widen to admit 0.1.1; " in out
    assert "pinned with ==; siblings take ranges" in out


def test_refuses_an_existing_tag(
    tree: Path,
    snapshot: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    git = ["git", "-C", str(tree), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "start"], check=True)
    subprocess.run([*git, "tag", "masonite-gamma-v1.0.1"], check=True)
    before = snapshot(tree)
    assert run(tree, "gamma", "patch") == 1
    assert snapshot(tree) == before
    assert "tag masonite-gamma-v1.0.1 exists already" in capsys.readouterr().out


def test_hatch_writing_another_version_restores_the_version_file(
    tree: Path, tmp_path: Path
) -> None:
    fake = tmp_path / "hatch"
    about_file = (
        tree / "packages" / "masonite-alpha" / "src" / "masonite" / "alpha" / "__about__.py"
    )
    fake.write_text(
        f"#!/bin/sh\necho '__version__ = \"9.9.9\"' > {about_file}\necho 'boom' >&2\nexit 1\n",
        encoding="utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    original = about_file.read_text(encoding="utf-8")
    changelog = tree / "packages" / "masonite-alpha" / "CHANGELOG.md"
    before = changelog.read_text(encoding="utf-8")
    plan = release.plan_release(tree, "alpha", "patch", DATE)
    with pytest.raises(release.ReleaseError, match=r"hatch version 0\.1\.1 failed: boom"):
        release.apply(plan, str(fake))
    assert about_file.read_text(encoding="utf-8") == original
    assert changelog.read_text(encoding="utf-8") == before


def test_missing_hatch_is_one_clear_line(
    tree: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    snapshot: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(release.sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    before = snapshot(tree)
    assert run(tree, "alpha", "patch") == 1
    assert snapshot(tree) == before
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("release refused, nothing was changed: hatch not found on PATH")


def test_command_line_usage_errors_exit_2(tree: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        run(tree, "alpha")
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        release.main(["alpha", "patch", "--date", "2025-02-30", "--root", str(tree)])
    assert caught.value.code == 2


def test_script_runs_standalone(tree: Path) -> None:
    script = Path(release.__file__)
    result = subprocess.run(
        [sys.executable, str(script), "gamma", "2.0.0", "--dry-run", "--root", str(tree)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "masonite-gamma-v2.0.0"


def test_first_release_dates_the_changelog_without_bumping(
    tree: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # No bump, so no hatch is needed at all.
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(release.sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    (tree / "packages" / "masonite-alpha" / "CHANGELOG.md").write_text(
        "# Changelog\n\n## Unreleased\n\n### Added\n- Everything.\n", encoding="utf-8"
    )
    assert run(tree, "alpha", "0.1.0") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "masonite-alpha: released 0.1.0 as __about__.py holds it (packages/masonite-alpha)"
    )
    assert out[-1] == "masonite-alpha-v0.1.0"
    assert about(tree, "masonite-alpha") == "0.1.0"
    changelog = tree / "packages" / "masonite-alpha" / "CHANGELOG.md"
    assert changelog.read_text(encoding="utf-8") == (
        "# Changelog\n\n## Unreleased\n\n## [0.1.0] - 2025-03-04\n\n### Added\n- Everything.\n"
    )


def test_a_released_version_cannot_be_released_again(
    tree: Path,
    snapshot: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The fixture's changelogs already hold a [0.1.0] section.
    before = snapshot(tree)
    assert run(tree, "alpha", "0.1.0") == 1
    assert snapshot(tree) == before
    assert "masonite-alpha: CHANGELOG.md: a section for 0.1.0 exists already" in (
        capsys.readouterr().out
    )
