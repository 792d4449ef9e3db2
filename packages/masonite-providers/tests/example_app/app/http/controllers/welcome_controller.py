"""Pages of the example app."""

from masonite.providers import View
from masonite.request import Request, Response


class WelcomeController:
    def show(self) -> str:
        return "Hello, World"

    def page(self, view: View, request: Request) -> str:
        return view.render("page", {"name": request.query("name", "guest")})

    def boom(self) -> str:
        raise RuntimeError("secret <detail> from the database")

    def teapot(self, response: Response) -> Response:
        return response.status(418)

    def dashboard(self, request: Request) -> str:
        return f"dashboard of {request.user}"

    def tagged(self, name: str, request: Request) -> dict:
        return {"name": name, "tags": request.tags}
