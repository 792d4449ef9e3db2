"""Start-up: what gunicorn serves as ``wsgi:application``."""

from bootstrap.start import app
from config.providers import PROVIDERS

from masonite.container import Container
from masonite.providers import boot_providers, load_config, register_providers

container = Container()
container.bind("WSGI", app)
container.bind("Container", container)
container.bind("Config", load_config(__file__))

register_providers(container, PROVIDERS)
boot_providers(container)

application = container.make("WSGI")
