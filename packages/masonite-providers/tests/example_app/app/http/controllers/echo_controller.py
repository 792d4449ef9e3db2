"""Echoes what the request carried (the thread-isolation tests rely on it)."""

from masonite.request import Request, Response


class EchoController:
    def show(self, request: Request, response: Response) -> dict:
        marker = request.query("marker")
        response.header("X-Marker", str(marker))
        return {"marker": marker, "header": request.header("X-Marker")}

    def store(self, request: Request) -> dict:
        return {"input": request.all()}
