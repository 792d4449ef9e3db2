"""Version of the masonite-providers distribution."""

__version__ = "0.1.0"
