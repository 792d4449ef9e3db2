"""API endpoints."""

from masonite.request import NotFound


class ApiController:
    def show(self, id: int) -> dict:
        if id == 0:
            raise NotFound(f"no item {id}")
        return {"item": id}

    def boom(self) -> dict:
        raise ValueError("api secret detail")
