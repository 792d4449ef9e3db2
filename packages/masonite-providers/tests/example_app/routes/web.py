"""Web routes."""

from masonite.routing import Get, Post, RouteGroup

ROUTES = [
    Get("/", "WelcomeController@show").name("welcome"),
    Get("/users/@id:int", "UserController@show").name("users.show"),
    Post("/users/@id:int", "UserController@update"),
    Get("/echo", "EchoController@show"),
    Post("/echo", "EchoController@store"),
    Get("/page", "WelcomeController@page"),
    Get("/boom", "WelcomeController@boom"),
    Get("/teapot", "WelcomeController@teapot"),
    Get("/session", "SessionController@show"),
    Post("/session", "SessionController@store"),
    Post("/session/flash", "SessionController@flash"),
    Post("/session/reset", "SessionController@reset"),
    Post("/session/regenerate", "SessionController@regenerate"),
    Post("/session/big", "SessionController@big"),
    Get("/form", "SessionController@form"),
    Post("/webhooks/ping", "EchoController@store"),
    RouteGroup(
        [
            Get("/dashboard", "WelcomeController@dashboard"),
            Get("/tagged/@name", "WelcomeController@tagged").middleware("tag:one,two"),
        ],
        middleware=["auth"],
    ),
]
