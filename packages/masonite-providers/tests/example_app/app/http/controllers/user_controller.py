"""JSON by URL parameter."""

from masonite.request import Request


class UserController:
    def __init__(self, request: Request) -> None:
        self.request = request

    def show(self, id: int) -> dict:
        return {"id": id, "type": type(id).__name__, "path": self.request.path}

    def update(self, id: int, request: Request) -> dict:
        return {"id": id, "name": request.input("name")}
