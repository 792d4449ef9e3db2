"""masonite-request: the form case against parse_qs by hand, Falcon and Werkzeug.

The form case: a POST of 10 urlencoded fields to a URL with 5 query parameters; the
handler reads one field and one query parameter and answers with a small text
response (status line, headers and body handed to start_response). Every case starts
from a fresh copy of the same environ with a fresh ``wsgi.input``, so each one parses
from scratch, as in a real request.

- floor: ``urllib.parse.parse_qs`` on the body and the query string by hand.
- masonite: ``Request(environ)``, ``input()``, ``query()``, ``response.view()``,
  ``to_wsgi()``.
- falcon: ``falcon.Request`` with ``get_media()`` and ``get_param()``, a
  ``falcon.Response`` rendered by hand (Falcon has no public to-WSGI step outside its App).
- falcon App: the same through a one-route ``falcon.App`` (its real minimum).
- werkzeug: ``werkzeug.Request`` (``form``, ``args``) and ``werkzeug.Response``.

Target: masonite no slower than falcon. Run: ``make bench BENCH=bench_request`` (or
``python bench/bench_request.py`` with masonite-request, falcon and werkzeug importable).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import falcon
import werkzeug
from _timing import report

from masonite.request import Request

BODY = urlencode({f"field{i}": f"value number {i}" for i in range(10)}).encode()
QUERY = urlencode({f"q{i}": f"v{i}" for i in range(5)})
TEMPLATE: dict[str, Any] = {
    "REQUEST_METHOD": "POST",
    "SCRIPT_NAME": "",
    "PATH_INFO": "/contact",
    "QUERY_STRING": QUERY,
    "CONTENT_TYPE": "application/x-www-form-urlencoded",
    "CONTENT_LENGTH": str(len(BODY)),
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "8000",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "HTTP_HOST": "localhost:8000",
    "HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8",
    "HTTP_USER_AGENT": "bench",
    "REMOTE_ADDR": "127.0.0.1",
    "wsgi.version": (1, 0),
    "wsgi.url_scheme": "http",
    "wsgi.errors": sys.stderr,
    "wsgi.multithread": False,
    "wsgi.multiprocess": False,
    "wsgi.run_once": False,
}


def environ() -> dict[str, Any]:
    env = TEMPLATE.copy()
    env["wsgi.input"] = io.BytesIO(BODY)
    return env


def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
    return None


def floor() -> object:
    env = environ()
    body = env["wsgi.input"].read(int(env["CONTENT_LENGTH"]))
    form = parse_qs(body.decode())
    query = parse_qs(env["QUERY_STRING"])
    text = f"Thanks, {form['field3'][0]} ({query['q2'][0]})".encode()
    start_response(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(text)))]
    )
    return [text]


def masonite() -> object:
    env = environ()
    request = Request(env)
    text = f"Thanks, {request.input('field3')} ({request.query('q2')})"
    status, headers, body = request.response.view(text).to_wsgi(env)
    start_response(status, headers)
    return body


class Contact:
    def on_post(self, request: falcon.Request, response: falcon.Response) -> None:
        form = request.get_media()
        response.text = f"Thanks, {form['field3']} ({request.get_param('q2')})"
        response.content_type = "text/html; charset=utf-8"


falcon_app = falcon.App()
falcon_app.add_route("/contact", Contact())


def falcon_objects() -> object:
    env = environ()
    request = falcon.Request(env, options=falcon_app.req_options)
    form = request.get_media()
    response = falcon.Response(options=falcon_app.resp_options)
    response.text = f"Thanks, {form['field3']} ({request.get_param('q2')})"
    response.content_type = "text/html; charset=utf-8"
    data = response.render_body() or b""
    headers = [*response.headers.items(), ("Content-Length", str(len(data)))]
    start_response(response.status, headers)
    return [data]


def falcon_full() -> object:
    return falcon_app(environ(), start_response)


def werkzeug_objects() -> object:
    env = environ()
    request = werkzeug.Request(env)
    text = f"Thanks, {request.form['field3']} ({request.args['q2']})"
    return werkzeug.Response(text, content_type="text/html; charset=utf-8")(env, start_response)


def check() -> None:
    """Every case must answer the same text before it is timed."""
    expected = b"Thanks, value number 3 (v2)"
    for case in (floor, masonite, falcon_objects, falcon_full, werkzeug_objects):
        got = b"".join(case())  # type: ignore[call-overload]
        assert got == expected, (case.__name__, got)


def main() -> None:
    check()
    report(
        "Form POST: 10 urlencoded fields + 5 query params, read one of each, small text response",
        [
            ("floor: parse_qs by hand", floor),
            ("masonite-request", masonite),
            ("falcon Request/Response", falcon_objects),
            ("falcon App (1 route)", falcon_full),
            ("werkzeug Request/Response", werkzeug_objects),
        ],
    )


if __name__ == "__main__":
    main()
