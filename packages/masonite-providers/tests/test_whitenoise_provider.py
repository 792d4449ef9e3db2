from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from masonite.request.testing import Client


def test_static_files_are_served_under_their_prefix(client: Client) -> None:
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.text == "body { color: red; }\n"
    assert response.headers["Content-Type"].startswith("text/css")
    assert client.get("/static/css/nope.css").status_code == 404


def test_missing_folders_are_skipped_and_autorefresh_follows_debug(
    make_client: Callable[..., Client], caplog: pytest.LogCaptureFixture
) -> None:
    make_client()
    assert sys.modules["wsgi"].application.whitenoise.autorefresh is False
    assert "storage/missing does not exist" in caplog.text
    debug_client = make_client(APP_DEBUG="true")
    assert debug_client.get("/static/css/app.css").status_code == 200
    assert sys.modules["wsgi"].application.whitenoise.autorefresh is True


def _static_app(tmp_path: Path, *, autorefresh: bool) -> Any:
    from whitenoise import WhiteNoise

    from masonite.providers.whitenoise_provider import static_files_app

    (tmp_path / "app.css").write_text("ascii")
    (tmp_path / "caf\xe9.css").write_text("utf-8 name")

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [])
        return [b"from the app"]

    static = WhiteNoise(application, autorefresh=autorefresh)
    static.add_files(str(tmp_path), prefix="static/")
    return static_files_app(static)


@pytest.mark.parametrize("autorefresh", [False, True])
def test_static_files_by_ascii_and_utf8_paths(tmp_path: Path, autorefresh: bool) -> None:
    static = _static_app(tmp_path, autorefresh=autorefresh)
    seen: list[str] = []

    def get(path: str) -> bytes:
        environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "QUERY_STRING": ""}
        body = static(environ, lambda status, headers, exc_info=None: seen.append(status))
        data = b"".join(body)
        getattr(body, "close", lambda: None)()
        return data

    assert get("/static/app.css") == b"ascii"
    # WSGI gives the path's UTF-8 bytes as Latin-1 text; WhiteNoise decodes it itself.
    assert get("/static/caf\xe9.css".encode().decode("latin-1")) == b"utf-8 name"
    assert get("/") == b"from the app"
    assert get("/static/nope.css") == b"from the app"
    assert seen == ["200 OK"] * 4
