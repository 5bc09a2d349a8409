"""The requester's own details, kept in the data folder on this machine and nowhere else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import field_validator

from composer import paths, storage
from composer.errors import ComposerError
from composer.model import Requester

PROFILE_VERSION = 1
"""Version of the profile's format. Bump it, and add a migration, on any change.

1: the requester's name, email, postal address and organisation. Profiles written before the
format carried a version hold exactly these, so a file without one reads as version 1."""

WHAT = "requester profile"


class StoredProfile(Requester):
    """The requester as the profile file holds it: with the format's version."""

    schema_version: int = PROFILE_VERSION

    @field_validator("schema_version")
    @classmethod
    def _read_as_current(cls, version: int) -> int:
        # A newer profile is refused before validation (storage.parse_model); an older one is
        # read with the defaults and written back in the current format.
        return PROFILE_VERSION

    def requester(self) -> Requester:
        return Requester.model_validate(self.model_dump(exclude={"schema_version"}))


def profile_path() -> Path:
    return paths.data_dir() / "profile.json"


def load_profile() -> tuple[Requester, str | None]:
    """The saved requester (empty if none) and a message if a broken profile was set aside.

    A profile written by a newer FOI Composer is refused (`NewerFile`: update the app) and left
    as it is: read with an empty requester instead, letters would go unsigned and a shared
    template would keep the personal details it should lose."""
    stored, problem = storage.load_or_set_aside(
        profile_path(), StoredProfile, what=WHAT, current_version=PROFILE_VERSION,
        unversioned=PROFILE_VERSION, instead="a new profile is started", refuse_newer=True)
    return stored.requester(), problem


def save_profile(requester: Requester) -> Path:
    """Write the whole profile (the app's form holds every field), under its lock; a profile
    written by a newer FOI Composer is refused (`NewerFile`), not written over."""
    update_profile(lambda _: requester)
    return profile_path()


def update_profile(change: Callable[[Requester], Requester]) -> tuple[Requester, str | None]:
    """Change the saved profile as a read-modify-write under its lock, so a change made at the
    same time elsewhere is kept; the message says if a broken profile was set aside. A profile
    written by a newer FOI Composer is refused (`NewerFile`) and left as it is."""
    stored, problem = storage.update_model(
        profile_path(), StoredProfile,
        lambda current: StoredProfile.model_validate(change(current.requester()).model_dump()),
        what=WHAT, current_version=PROFILE_VERSION, unversioned=PROFILE_VERSION)
    return stored.requester(), problem


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
