"""Version of the masonite-craft distribution."""

__version__ = "0.1.0"
