"""The settings every session driver shares, read once from ``config/session.py``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_COOKIE_BYTES", "SessionSettings"]

# Browsers keep at least 4096 bytes per cookie for name, value and attributes together;
# 4093 for ``name=value`` leaves room for the separator the way common clients count it.
MAX_COOKIE_BYTES = 4093


@dataclass(frozen=True)
class SessionSettings:
    """How the session cookie is written and how long a session lives.

    Attributes:
        cookie_name: The cookie that carries the session (or its id).
        lifetime: Seconds a session lives after it was last saved; enforced on the server.
        secure: Send the cookie over HTTPS only; None (the default) does so when the
            request came over HTTPS.
        same_site: The cookie's ``SameSite`` attribute (``"Lax"``, ``"Strict"``, ``"None"``).
        path: The cookie's path.
        domain: The cookie's domain, or None for the current host only.
        max_sessions: The most sessions the memory driver keeps (oldest dropped first).
    """

    cookie_name: str = "session"
    lifetime: int = 7200
    secure: bool | None = None
    same_site: str = "Lax"
    path: str = "/"
    domain: str | None = None
    max_sessions: int = 10_000

    def __post_init__(self) -> None:
        if not self.cookie_name or not self.cookie_name.replace("_", "").isalnum():
            raise ValueError(f"session cookie name {self.cookie_name!r} must be letters/digits/_")
        if self.lifetime <= 0:
            raise ValueError(
                f"session lifetime must be a positive number of seconds, got {self.lifetime}"
            )
        if self.max_sessions <= 0:
            raise ValueError(f"max_sessions must be positive, got {self.max_sessions}")
