from __future__ import annotations

from masonite.providers import ProviderError, View
from masonite.request.testing import Client


def test_view_is_injectable_with_route_and_request_globals(client: Client) -> None:
    page = client.get("/page?name=<script>")
    assert "<h1>Hello &lt;script&gt;</h1>" in page.text
    assert '<a href="/users/7">user</a>' in page.text
    assert "<p>/page</p>" in page.text


def test_csrf_globals_need_a_request(client: Client) -> None:
    import pytest
    import wsgi

    view: View = wsgi.container.make("View")
    with pytest.raises(ProviderError, match="only available while a request is served"):
        view.render("form")
