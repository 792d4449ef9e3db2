"""The application's identity and mode."""

from masonite.providers import env

NAME = env("APP_NAME", "Masonite")
DEBUG = env("APP_DEBUG", False)
KEY = env("KEY")
URL = env("APP_URL", "http://localhost:8000")
