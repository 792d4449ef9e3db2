"""Version of the masonite-routing distribution."""

__version__ = "0.1.0"
