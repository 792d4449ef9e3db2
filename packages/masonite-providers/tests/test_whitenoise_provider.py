from __future__ import annotations

import sys
from collections.abc import Callable

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
    assert sys.modules["wsgi"].application.autorefresh is False
    assert "storage/missing does not exist" in caplog.text
    debug_client = make_client(APP_DEBUG="true")
    assert debug_client.get("/static/css/app.css").status_code == 200
    assert sys.modules["wsgi"].application.autorefresh is True
