"""FOI Composer: multi-part Freedom of Information requests to UK police forces."""

import os

# Pydantic looks for plugins among every installed package's entry points when the first model
# is built. FOI Composer uses none, and a plugin (a telemetry one, say) would see every request
# the app validates, names and addresses included: the app loads none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"  # the one place the version is written (pyproject.toml reads it)
