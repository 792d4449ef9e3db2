"""Session use from controllers."""

from masonite.providers import View
from masonite.request import Request


class SessionController:
    def show(self, request: Request) -> dict:
        return {"all": request.session.all(), "has_name": request.session.has("name")}

    def store(self, request: Request) -> dict:
        for key, value in request.all().items():
            if key != "__token":
                request.session.set(key, value)
        return {"stored": sorted(request.session.all())}

    def flash(self, request: Request) -> str:
        request.session.flash("notice", request.input("notice"))
        return "flashed"

    def reset(self, request: Request) -> str:
        request.session.reset(flash_only=request.input("flash_only") == "1")
        return "reset"

    def regenerate(self, request: Request) -> str:
        request.session.regenerate()
        return "regenerated"

    def big(self, request: Request) -> str:
        request.session.set("big", "x" * 5000)
        return "too big"

    def form(self, view: View) -> str:
        return view.render("form")
