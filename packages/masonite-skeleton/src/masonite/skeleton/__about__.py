"""Version of the masonite-skeleton distribution."""

__version__ = "0.1.0"
