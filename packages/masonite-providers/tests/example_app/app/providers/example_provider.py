"""An application provider: runs per request after the framework's."""

from masonite.providers import ServiceProvider
from masonite.request import Request, Response


class ExampleProvider(ServiceProvider):
    wsgi = True

    def register(self) -> None:
        self.app.bind("ExampleValue", "registered")

    def boot(self, request: Request, response: Response) -> None:
        request.environ.setdefault("example.booted", 0)
        request.environ["example.booted"] += 1
