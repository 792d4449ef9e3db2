"""API endpoints."""


class ApiController:
    def show(self, id: int) -> dict:
        return {"item": id}

    def boom(self) -> dict:
        raise ValueError("api secret detail")
