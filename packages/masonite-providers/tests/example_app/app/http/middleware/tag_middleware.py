"""Route middleware with alias arguments and an injected after()."""

from masonite.request import Request, Response


class TagMiddleware:
    def __init__(self, request: Request) -> None:
        self.request = request

    def before(self, first: str, second: str) -> None:
        self.request.tags = [first, second]

    def after(self, response: Response, first: str, second: str) -> None:
        response.header("X-Tags", f"{first}+{second}")
