"""The gunicorn command line that `craft serve` runs."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = ("resources", "templates")
ENV_FILES = (".env", ".env-example")
# gunicorn >= 25.1 opens a control socket at one fixed path per user
# ($XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl), which two `craft serve`
# running at once would share; a development server needs none.
NO_CONTROL_SOCKET = "--no-control-socket"


def gunicorn_accepts(flag: str) -> bool:
    """Whether the installed gunicorn knows the command-line option ``flag``.

    Asked of gunicorn's own settings table, so it follows the installed version.
    """
    try:
        from gunicorn.config import KNOWN_SETTINGS
    except ImportError:
        return False
    # Settings only read from config files have `cli = None`.
    return any(flag in (getattr(setting, "cli", None) or ()) for setting in KNOWN_SETTINGS)


def gunicorn_argv(
    python: str,
    root: Path,
    *,
    host: str,
    port: int,
    workers: int,
    reload: bool,
    no_control_socket: bool = False,
) -> list[str]:
    """Return the argv that serves ``wsgi:application`` of the project in ``root``.

    gunicorn runs as ``python -m gunicorn`` with the interpreter running craft, so it
    is the gunicorn installed next to craft whatever ``PATH`` holds. With ``reload``,
    every file under ``resources/templates`` and the ``.env`` files are watched too
    (gunicorn already watches the Python modules it has imported). With
    ``no_control_socket``, gunicorn opens no control socket (pass it only to a gunicorn
    that :func:`gunicorn_accepts` it).
    """
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    argv = [python, "-m", "gunicorn", "--chdir", str(root), "-w", str(workers), "-b", bind]
    if no_control_socket:
        argv.append(NO_CONTROL_SOCKET)
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
