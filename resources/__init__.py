"""The bundled data: installed as the package composer.resources (see setup.py)."""
