"""API routes: matched after the web routes; their errors answer in JSON."""

from masonite.routing import Get

ROUTES = [
    Get("/api/items/@id:int", "ApiController@show"),
    Get("/api/boom", "ApiController@boom"),
]
