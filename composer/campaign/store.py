"""Campaign files: `<name>.campaign.json` under the data folder's `campaigns/`, and each
campaign's attachments in a folder of its name.

Files are written atomically through `composer.storage`, each change as a read-modify-write
under the campaign's lock, so changes made at once by the app and the command line are all kept.
A campaign file that does not read is refused with a message: a damaged one is moved into
`.set-aside` beside it (kept, out of the way, so its name can be used again); one written by a
newer version of the app stays where it is. The store reads and writes whole campaigns; what
changes one is `composer.operations.campaign`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from composer import paths, storage
from composer.campaign.model import CAMPAIGN_VERSION, Attachment, Campaign, Tracked
from composer.errors import ComposerError, FileProblem
from composer.library import slug

SUFFIX = ".campaign.json"


class _Outcome(Protocol):
    """What an operation returns (`composer.operations.Done`): the new campaign, and more."""

    @property
    def value(self) -> Campaign: ...


_O = TypeVar("_O", bound=_Outcome)


def load_campaign(path: Path) -> Campaign:
    return storage.read_model(Path(path), Campaign, what="FOI Composer campaign",
                              current_version=CAMPAIGN_VERSION)


def save_campaign(path: Path, campaign: Campaign) -> None:
    storage.write_model(Path(path), campaign)


@dataclass
class CampaignEntry:
    name: str  # the file name without the suffix
    path: Path
    campaign: Campaign


@dataclass
class CampaignListing:
    entries: list[CampaignEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files refused: set aside or left


class CampaignStore:
    """Campaign files under the data folder; each campaign's attachments in a folder of its name."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = paths.made(Path(root)) if root else paths.subdir("campaigns")

    def path_for(self, name: str) -> Path:
        name = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
        return self.root / f"{slug(name)}{SUFFIX}"

    def folder_for(self, name: str) -> Path:
        return self.root / self.path_for(name).name[: -len(SUFFIX)]

    def list(self) -> CampaignListing:
        listing = CampaignListing()
        for path in sorted(self.root.glob(f"*{SUFFIX}"), key=lambda p: p.name.lower()):
            try:
                campaign = load_campaign(path)
            except FileProblem as exc:
                listing.problems.append(storage.put_aside(path, exc))
                continue
            listing.entries.append(CampaignEntry(path.name[: -len(SUFFIX)], path, campaign))
        return listing

    def load(self, name: str) -> Campaign:
        path = self.path_for(name)
        if not path.exists():
            known = ", ".join(e.name for e in self.list().entries) or "none yet"
            raise ComposerError(f"no campaign called {name!r} ({known}){storage.missing_but_set_aside(path)}")
        try:
            return load_campaign(path)
        except FileProblem as exc:
            raise FileProblem(storage.put_aside(path, exc)) from None

    def save(self, campaign: Campaign) -> Path:
        path = self.path_for(campaign.name)
        with storage.locked(path):
            save_campaign(path, campaign)
        return path

    def create(self, campaign: Campaign) -> Path:
        path = self.path_for(campaign.name)
        with storage.locked(path):
            if path.exists():
                raise ComposerError(f"a campaign called {campaign.name!r} already exists ({path})")
            save_campaign(path, campaign)
        return path

    def update(self, name: str, change: Callable[[Campaign], _O]) -> _O:
        """Read the campaign as it is on disk now, apply `change` (an operation) and write its
        new value: the one read-modify-write, so a change never overwrites another made since the
        caller loaded the campaign. `change` raises, and nothing is written, when it is refused.
        What `change` returned comes back."""
        path = self.path_for(name)
        if not path.exists():
            self.load(name)  # names the campaigns there are
        with storage.locked(path):  # another process's change waits, then reads this one's
            outcome = change(load_campaign(path))
            save_campaign(path, outcome.value)
        return outcome

    def copy_in(self, campaign: Campaign, force_id: str, source: Path) -> str:
        """Copy a response file into the campaign's folder, beside the force's other files; its
        path inside the folder comes back (with / separators) for the campaign to list."""
        item = campaign.tracked(force_id)
        source = Path(source)
        if not source.is_file():
            raise ComposerError(f"{source}: no such file to attach")
        folder = self.folder_for(campaign.name) / item.force_id
        name = storage.safe_name(source.name, default="reply")
        target = storage.write_new(folder / name, storage.read_bytes(source, "reply"))
        return target.relative_to(self.folder_for(campaign.name)).as_posix()

    def attached_copy(self, campaign: Campaign, source: Path) -> tuple[Tracked, Attachment] | None:
        """The force and attachment already holding the same content as `source` (compared by
        SHA-256, whatever the file is called), or None. Files missing from the folder are skipped."""
        wanted = storage.read_bytes(Path(source), "reply")
        digest = hashlib.sha256(wanted).digest()
        for item in campaign.forces:
            for attachment in item.attachments:
                try:
                    path = self.attachment_path(campaign, attachment)
                    if path.stat().st_size != len(wanted):
                        continue
                    if hashlib.sha256(path.read_bytes()).digest() == digest:
                        return item, attachment
                except (ComposerError, OSError):
                    continue
        return None

    def already_attached(self, campaign: Campaign, source: Path) -> str | None:
        """A line saying where the same content as `source` is attached already, or None."""
        found = self.attached_copy(campaign, source)
        if found is None:
            return None
        item, attachment = found
        return (f"{Path(source).name} is already attached to {item.force_name} as {attachment.file} "
                f"(the same content, added {attachment.added.isoformat()})")

    def attachment_path(self, campaign: Campaign, attachment: Attachment) -> Path:
        """The attached file; refused if the campaign file names one outside its folder."""
        folder = self.folder_for(campaign.name)
        path = folder / attachment.file
        if not path.resolve().is_relative_to(folder.resolve()):
            raise ComposerError(f"{attachment.file!r} is not inside the campaign's folder {folder}; "
                                "the campaign file has been changed by hand")
        return path
