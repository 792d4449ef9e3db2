"""The gunicorn command line that `craft serve` runs."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = ("resources", "templates")
ENV_FILES = (".env", ".env-example")


def gunicorn_argv(
    python: str, root: Path, *, host: str, port: int, workers: int, reload: bool
) -> list[str]:
    """Return the argv that serves ``wsgi:application`` of the project in ``root``.

    gunicorn runs as ``python -m gunicorn`` with the interpreter running craft, so it
    is the gunicorn installed next to craft whatever ``PATH`` holds. With ``reload``,
    every file under ``resources/templates`` and the ``.env`` files are watched too
    (gunicorn already watches the Python modules it has imported).
    """
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    argv = [python, "-m", "gunicorn", "--chdir", str(root), "-w", str(workers), "-b", bind]
    if reload:
        argv.append("--reload")
        for path in watched_files(root):
            argv += ["--reload-extra-file", str(path)]
    argv.append("wsgi:application")
    return argv


def watched_files(root: Path) -> list[Path]:
    """The templates and ``.env`` files of the project, in a stable order."""
    templates = root.joinpath(*TEMPLATES)
    files = sorted(p for p in templates.rglob("*") if p.is_file()) if templates.is_dir() else []
    files += [root / name for name in ENV_FILES if (root / name).is_file()]
    return files
