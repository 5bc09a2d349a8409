"""Where things live: the data that ships with the app, and the user's own data directory.

The shipped data (question bank, force directory, clauses, glossary, Word templates) sits in the
repository's top-level `resources/` and `templates/` folders; setup.py maps them into the package
as `composer.resources` and `composer.templates`, so an editable install, a wheel and the
standalone app all find them through importlib.resources. `bundled()` is the one place that asks.
"""

from __future__ import annotations

import errno
import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "foi-composer"

_BUNDLED_FOLDERS = {"resources": "composer.resources", "templates": "composer.templates"}


def bundled(folder: str) -> Path:
    """The shipped folder `resources` or `templates`, wherever the app was installed from."""
    found = resources.files(_BUNDLED_FOLDERS[folder])
    if not isinstance(found, Path):  # e.g. run from a zip: nothing here is built to do that
        raise RuntimeError(f"the app's {folder} folder is not on disk ({found}); reinstall the app")
    return found


RESOURCES = bundled("resources")
TEMPLATES = bundled("templates")


def data_location() -> Path:
    """Where the user's data directory is, without making it; `FOI_COMPOSER_HOME` overrides it."""
    override = os.environ.get("FOI_COMPOSER_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


_CANNOT_WRITE = {errno.EROFS, errno.EACCES, errno.EPERM}


def made(folder: Path) -> Path:
    """`folder`, made if missing. One that may not be made (a read-only disk, a folder the user
    may not write to) is returned all the same: to what only reads it is an empty folder, and the
    first write to it stops with one line saying why (storage.os_problem). A file standing where
    it should be is an error at once (`OSError`): read as empty, it would hide the user's data."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno not in _CANNOT_WRITE:
            raise
    return folder


def data_dir() -> Path:
    """The user's data directory, made if missing and if it can be (see `made`);
    `FOI_COMPOSER_HOME` overrides it (tests use that)."""
    return made(data_location())


def subdir(name: str) -> Path:
    return made(data_dir() / name)
