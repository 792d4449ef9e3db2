"""Sessions: the driver and how long a session lives."""

from masonite.providers import env

DRIVER = env("SESSION_DRIVER", "cookie")
LIFETIME = env("SESSION_LIFETIME", 3600)
