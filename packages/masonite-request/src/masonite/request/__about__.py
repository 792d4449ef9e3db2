"""Version of the masonite-request distribution."""

__version__ = "0.1.0"
