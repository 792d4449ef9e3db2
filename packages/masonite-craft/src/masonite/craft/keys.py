"""Application keys: making one, and storing it in a project's `.env` file."""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

# `KEY=...`, `KEY = ...` and `export KEY=...`; other names that merely start with KEY
# (KEY_ID=...) do not match.
_KEY_LINE = re.compile(r"^(\s*(?:export\s+)?)KEY\s*=.*?(\r?\n)?\Z", re.DOTALL)


def generate_key() -> str:
    """Return a new application key: 32 random bytes, URL-safe base64 (44 characters).

    This is the format of a Fernet key (``cryptography.fernet.Fernet(key)`` accepts it
    as it is), which is what the framework's encrypted cookies use.
    """
    # PERF: os.urandom is what secrets.token_bytes calls; importing `secrets` (hmac,
    # random, hashlib) cost ~8 ms of the ~100 ms a `craft --help` takes.
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def with_key(env_text: str, key: str) -> str:
    """Return ``env_text`` with its ``KEY`` set to ``key``.

    The first ``KEY=`` line is rewritten in place (keeping an ``export`` prefix and its
    line ending); any later ``KEY=`` lines are dropped so the file has one value; when
    there is none, ``KEY=...`` is appended. Every other line is kept byte for byte.
    """
    lines = env_text.splitlines(keepends=True)
    out: list[str] = []
    found = False
    for line in lines:
        match = _KEY_LINE.match(line)
        if match is None:
            out.append(line)
        elif not found:
            found = True
            out.append(f"{match.group(1)}KEY={key}{match.group(2) or ''}")
    if not found:
        if out and not out[-1].endswith("\n"):
            out.append("\n")
        out.append(f"KEY={key}\n")
    return "".join(out)


def store_key(env_path: Path, key: str) -> None:
    """Write ``key`` into the ``.env`` file at ``env_path``, creating it when missing.

    The file is replaced atomically (a temporary file renamed over it), so a crash
    never leaves half a file; an existing file keeps its permissions, a new one is
    readable by its owner only, since it holds secrets.
    """
    # A symlinked .env stays a symlink: the file it points to is the one rewritten.
    env_path = env_path.resolve()
    try:
        text = env_path.read_text(encoding="utf-8")
        mode: int | None = env_path.stat().st_mode & 0o7777
    except FileNotFoundError:
        text, mode = "", None
    write_private(env_path, with_key(text, key), mode)


def write_private(path: Path, text: str, mode: int | None = None) -> None:
    """Atomically write ``text`` to ``path`` with ``mode`` (owner-only by default)."""
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
