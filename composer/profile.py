"""The requester's own details, kept in the data folder on this machine and nowhere else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from composer import paths, storage
from composer.errors import ComposerError
from composer.model import Requester


def profile_path() -> Path:
    return paths.data_dir() / "profile.json"


def load_profile() -> tuple[Requester, str | None]:
    """The saved requester (empty if none) and a message if a broken profile was set aside."""
    return storage.load_or_set_aside(profile_path(), Requester, what="requester profile",
                                     instead="a new profile is started")


def save_profile(requester: Requester) -> Path:
    """Write the whole profile (the app's form holds every field), under its lock."""
    path = profile_path()
    with storage.locked(path):
        storage.write_model(path, requester)
    return path


def update_profile(change: Callable[[Requester], Requester]) -> tuple[Requester, str | None]:
    """Change the saved profile as a read-modify-write under its lock, so a change made at the
    same time elsewhere is kept; the message says if a broken profile was set aside."""
    return storage.update_model(profile_path(), Requester, change, what="requester profile")


def with_changes(
    requester: Requester,
    *,
    name: str | None = None,
    email: str | None = None,
    address: list[str] | None = None,
    organisation: str | None = None,
) -> Requester:
    """The requester with the given details replaced (None leaves one as it is).

    Address entries may hold several lines separated by ';'. An email without '@' is refused."""
    changes: dict = {}
    if name is not None:
        changes["name"] = name.strip()
    if email is not None:
        if email.strip() and "@" not in email:
            raise ComposerError(f"{email!r} is not an email address")
        changes["email"] = email.strip()
    if address is not None:
        lines = [line.strip() for chunk in address for line in chunk.split(";")]
        changes["postal_address"] = [line for line in lines if line]
    if organisation is not None:
        changes["organisation"] = organisation.strip()
    return Requester.model_validate(requester.model_dump() | changes) if changes else requester
