"""The bundled Word templates: installed as the package composer.templates (see setup.py)."""
