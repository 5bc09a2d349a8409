"""Where things live: the project's bundled data, and the user's own data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "foi-composer"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
TEMPLATES = PROJECT_ROOT / "templates"


def data_dir() -> Path:
    """The user's data directory; `FOI_COMPOSER_HOME` overrides it (tests use that)."""
    override = os.environ.get("FOI_COMPOSER_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def subdir(name: str) -> Path:
    path = data_dir() / name
    path.mkdir(parents=True, exist_ok=True)
    return path
