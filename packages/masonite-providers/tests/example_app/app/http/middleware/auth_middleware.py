"""Redirects guests to / unless ?user= is given; the controller then never runs."""

from masonite.request import Request


class AuthMiddleware:
    def __init__(self, request: Request) -> None:
        self.request = request

    def before(self) -> None:
        user = self.request.query("user")
        if not user:
            self.request.redirect("/")
            return
        self.request.user = user
