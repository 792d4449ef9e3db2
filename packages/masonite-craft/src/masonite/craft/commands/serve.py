"""`craft serve`: run the project under gunicorn, replacing the craft process."""

from __future__ import annotations

import re
from typing import ClassVar, NoReturn

from cleo.helpers import option
from cleo.io.inputs.argument import Argument
from cleo.io.inputs.option import Option

from masonite.craft.command import CraftCommand
from masonite.craft.errors import CraftError

# A host name, an IPv4 address or an IPv6 address (bare or in brackets); nothing that
# gunicorn could read as another option or a unix socket.
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[?[0-9A-Fa-f:.]+\]?)\Z")


class ServeCommand(CraftCommand):
    """Serve the project in the current folder with gunicorn."""

    name = "serve"
    description = "Serve the project with gunicorn (wsgi:application)."
    help = (
        "Runs <comment>gunicorn -w WORKERS -b HOST:PORT wsgi:application</comment> in the "
        "project folder,\nreplacing the craft process. <comment>--reload</comment> restarts the "
        "workers when Python code,\na template under resources/templates or a .env file changes."
    )
    arguments: ClassVar[list[Argument]] = []
    options: ClassVar[list[Option]] = [
        option("host", None, "The address to listen on.", flag=False, default="127.0.0.1"),
        option("port", "p", "The port to listen on (1-65535).", flag=False, default="8000"),
        option("workers", "w", "The number of worker processes.", flag=False, default="2"),
        option("reload", "r", "Restart the workers when the code, templates or .env change."),
    ]

    def handle(self) -> NoReturn:
        """Validate the options, then exec gunicorn: this call does not return."""
        import importlib.util
        import os
        import sys

        from masonite.craft.project import require_project
        from masonite.craft.serving import NO_CONTROL_SOCKET, gunicorn_accepts, gunicorn_argv

        host = parse_host(self.option("host"))
        port = parse_int("--port", self.option("port"), 1, 65535)
        workers = parse_int("--workers", self.option("workers"), 1, 512)
        root = require_project()
        if importlib.util.find_spec("gunicorn") is None:
            raise CraftError("gunicorn is not installed here: pip install gunicorn")
        argv = gunicorn_argv(
            sys.executable,
            root,
            host=host,
            port=port,
            workers=workers,
            reload=self.option("reload"),
            # Asked now, of the gunicorn that will run: the option exists from 25.1.
            no_control_socket=gunicorn_accepts(NO_CONTROL_SOCKET),
        )
        shown_host = f"[{host}]" if ":" in host else host
        self.line(f"<info>Serving {root.name} on http://{shown_host}:{port}</info> (Ctrl+C stops)")
        sys.stdout.flush()
        sys.stderr.flush()
        os.chdir(root)
        os.execvp(argv[0], argv)


def parse_host(value: object) -> str:
    """Return a valid ``--host`` value without IPv6 brackets.

    Raises:
        CraftError: For an empty or malformed host.
    """
    host = str(value or "").strip()
    if not host:
        raise CraftError("--host is empty")
    if not _HOST.match(host) or len(host) > 253:
        raise CraftError(f"--host {host!r} is not a host name or an IP address")
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def parse_int(name: str, value: object, low: int, high: int) -> int:
    """Return ``value`` as an int within ``low..high``.

    Raises:
        CraftError: Naming the option and the allowed range.
    """
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or int(text) < low or int(text) > high:
        raise CraftError(f"{name} must be a whole number from {low} to {high}, not {text!r}")
    return int(text)
