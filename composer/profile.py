"""The requester's own details, kept in the data folder on this machine and nowhere else."""

from __future__ import annotations

from pathlib import Path

from composer import paths, storage
from composer.errors import FileProblem
from composer.model import Requester


def profile_path() -> Path:
    return paths.data_dir() / "profile.json"


def load_profile() -> tuple[Requester, str | None]:
    """The saved requester (empty if none) and a message if a broken profile was set aside."""
    path = profile_path()
    if not path.exists():
        return Requester(), None
    try:
        return storage.read_model(path, Requester, what="requester profile"), None
    except FileProblem as exc:
        moved = storage.set_aside(path)
        return Requester(), f"{exc}; it was moved to {moved} and a new profile started"


def save_profile(requester: Requester) -> Path:
    path = profile_path()
    storage.write_model(path, requester)
    return path
