"""Version of the masonite-container distribution."""

__version__ = "0.1.0"
