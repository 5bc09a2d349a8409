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
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from composer import paths, storage
from composer.campaign.model import CAMPAIGN_VERSION, Attachment, Campaign, Tracked, name_key
from composer.errors import ComposerError, FileProblem
from composer.library import slug

SUFFIX = ".campaign.json"


class _Outcome(Protocol):
    """What an operation returns (`composer.operations.Done`): the new campaign, and more."""

    @property
    def value(self) -> Campaign: ...


_O = TypeVar("_O", bound=_Outcome)


_WHAT = "FOI Composer campaign"
# Per campaign file, the SHA-256 of the bytes last read from it and the campaign they held: only
# the latest, so a long session of recorded replies keeps one campaign per file, not each version.
_READ: dict[Path, tuple[bytes, Campaign]] = {}
_READ_LIMIT = 256  # files remembered; when full it empties before the next


def load_campaign(path: Path) -> Campaign:
    """The campaign in the file at `path`, read afresh each time: a file whose bytes are those
    read last time (by any window or command of this process) is not parsed again, and one changed
    on disk, by anyone, has other bytes. Campaigns are never changed in place (an operation makes
    a new one), so the one read before can be handed out again."""
    path = Path(path)
    data = storage.read_bytes(path, _WHAT)
    digest = hashlib.sha256(data).digest()
    last = _READ.get(path)
    if last is not None and last[0] == digest:
        return last[1]
    campaign = storage.parse_model(storage.json_in(data, path, _WHAT), Campaign, source=str(path), what=_WHAT,
                                   current_version=CAMPAIGN_VERSION)
    if len(_READ) >= _READ_LIMIT:
        _READ.clear()
    _READ[path] = (digest, campaign)
    return campaign


def save_campaign(path: Path, campaign: Campaign) -> None:
    storage.write_model(Path(path), campaign)


@dataclass
class CampaignEntry:
    name: str  # the campaign's name, as typed
    path: Path
    campaign: Campaign


@dataclass
class CampaignListing:
    entries: list[CampaignEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files refused: set aside or left

    def alike(self) -> list[list[CampaignEntry]]:
        """The campaigns whose names differ only in case or surrounding spaces, in groups of two or
        more: files made before names were compared so (a new one is refused as taken). A name
        finds only the one spelled exactly so; `alike_advice` says what to do about each group."""
        groups: dict[str, list[CampaignEntry]] = {}
        for entry in self.entries:
            groups.setdefault(name_key(entry.name), []).append(entry)
        return [group for group in groups.values() if len(group) > 1]


def alike_advice(group: list[CampaignEntry], program: str = "foi-composer") -> str:
    """One line on campaigns whose names differ only in case, with the commands that merge them or
    give one another name (nothing is merged unasked)."""
    import shlex

    names = " and ".join(f"'{e.name}'" for e in group)
    keep, other = group[0].name, group[1].name
    return (f"the campaigns {names} have names that differ only in case, so a name typed in another "
            f"case finds only one of them: if they are the same request, merge them (every force, reply "
            f"and record is kept) with `{program} campaign merge {shlex.quote(other)} --into "
            f"{shlex.quote(keep)}`; if not, give one another name with `{program} campaign rename "
            f"{shlex.quote(other)} {shlex.quote(other + ' (2)')}`")


def file_stem(name: str) -> str:
    """The start of the file name for a campaign called `name`: made safe for every OS, so
    "a/b" is kept in "a b.campaign.json" and ".." in "campaign.campaign.json". Two names made
    the same ("a/b", "a:b") get the next free file ("a b (2)"); the name itself is in the file."""
    return slug(name, default="campaign")


class CampaignStore:
    """Campaign files under the data folder; each campaign's attachments in a folder of its name.

    A campaign is found by its name as typed (compared by `name_key`), whatever its file is
    called; a file's own name (what `campaign list` showed before names were shown as typed)
    finds it too when no campaign has that name."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = paths.made(Path(root)) if root else paths.subdir("campaigns")

    def _files_for(self, name: str) -> list[Path]:
        """The files a campaign called `name` may be in: its file stem, alone or numbered."""
        stem = file_stem(name)
        pattern = re.compile(re.escape(stem) + r"(?: \(\d+\))?" + re.escape(SUFFIX), re.IGNORECASE)
        try:
            found = [self.root / n for n in os.listdir(self.root) if pattern.fullmatch(n)]
        except OSError:
            return []
        return sorted(found, key=lambda p: (len(p.name), p.name))

    def find(self, name: str, *, by_file: bool = True) -> Path | None:
        """The file of the campaign called `name`, or None; `by_file`: or the file called so."""
        key, alike = name_key(name), None
        for path in self._files_for(name):
            try:
                held = load_campaign(path).name
            except FileProblem:
                continue
            if held == name.strip():  # two made before names were compared so: the exact one
                return path
            if alike is None and name_key(held) == key:
                alike = path
        if alike is not None:
            return alike
        if not by_file:
            return None
        if name.endswith(SUFFIX):
            name = name[: -len(SUFFIX)]
        try:
            by_file = storage.inside(self.root, name, suffix=SUFFIX)
        except ComposerError:
            return None
        return by_file if by_file.is_file() else None

    def exactly(self, name: str) -> Path:
        """The file of the campaign called exactly `name` (case and all), where names that differ
        only in case are more than one campaign; refused, naming them, when none is."""
        for path in self._files_for(name):
            try:
                if load_campaign(path).name == name.strip():
                    return path
            except FileProblem:
                continue
        found = self.find(name)
        if found is None:
            self.load(name)  # says which campaigns there are
        alike = [f"'{e.name}'" for e in self.list().entries if name_key(e.name) == name_key(name)]
        if len(alike) > 1:
            raise ComposerError(f"no campaign is called exactly '{name}': give one of {', '.join(alike)} as written")
        return found

    def path_for(self, name: str) -> Path:
        """The file of the campaign called `name`: its own if it exists, else the first free one."""
        found = self.find(name)
        if found is not None:
            return found
        return storage.unique_path(self.root / f"{file_stem(name)}{SUFFIX}")

    def folder_for(self, name: str) -> Path:
        return self.root / self.path_for(name).name[: -len(SUFFIX)]

    def list(self) -> CampaignListing:
        listing = CampaignListing()
        try:
            found = sorted(self.root.glob(f"*{SUFFIX}"), key=lambda p: p.name.lower())
        except OSError as exc:
            raise storage.os_problem(exc, self.root) from None
        for path in found:
            try:
                campaign = load_campaign(path)
            except FileProblem as exc:
                listing.problems.append(storage.put_aside(path, exc))
                continue
            listing.entries.append(CampaignEntry(campaign.name, path, campaign))
        listing.entries.sort(key=lambda e: name_key(e.name))
        return listing

    def load(self, name: str) -> Campaign:
        path = self.find(name)
        if path is None:
            known = ", ".join(f"'{e.name}'" for e in self.list().entries) or "none yet"
            missing = self.root / f"{file_stem(name)}{SUFFIX}"
            raise ComposerError(f"no campaign called '{name}' ({known}){storage.missing_but_set_aside(missing)}")
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
        """Write a new campaign in a file of its own; refused if one of the same name exists."""
        for path in storage.free_names(self.root / f"{file_stem(campaign.name)}{SUFFIX}"):
            with storage.locked(path):
                taken = self.find(campaign.name, by_file=False)
                if taken is not None:
                    raise ComposerError(f"a campaign called '{campaign.name}' already exists ({taken})")
                if path.exists():  # another name made the same file name ("a/b", "a:b")
                    continue
                save_campaign(path, campaign)
                return path
        raise AssertionError("free_names never ends")

    def update(self, name: str, change: Callable[[Campaign], _O]) -> _O:
        """Read the campaign as it is on disk now, apply `change` (an operation) and write its
        new value: the one read-modify-write, so a change never overwrites another made since the
        caller loaded the campaign. `change` raises, and nothing is written, when it is refused.
        What `change` returned comes back."""
        path = self.find(name)
        if path is None:
            self.load(name)  # names the campaigns there are
        with storage.locked(path):  # another process's change waits, then reads this one's
            outcome = change(load_campaign(path))
            save_campaign(path, outcome.value)
        return outcome

    def rename(self, name: str, new_name: str) -> Path:
        """Give the campaign called exactly `name` the name `new_name`, its file and its folder of
        replies moving with it; refused if the new name is not one or is taken. Returns the new file."""
        from composer.campaign.model import name_problem

        problem = name_problem(new_name)
        if problem:
            raise ComposerError(problem)
        new_name = new_name.strip()
        source = self.exactly(name)
        taken = self.find(new_name, by_file=False)
        if taken is not None and taken != source:
            raise ComposerError(f"a campaign called '{load_campaign(taken).name}' already exists ({taken})")
        old_folder = self.root / source.name[: -len(SUFFIX)]
        with storage.locked(source):
            campaign = load_campaign(source).model_copy(update={"name": new_name})
            for target in storage.free_names(self.root / f"{file_stem(new_name)}{SUFFIX}"):
                folder = self.root / target.name[: -len(SUFFIX)]
                if target == source or not (os.path.lexists(target) or os.path.lexists(folder)):
                    break
            if target == source:  # the same file name (only the case of a letter the slug keeps changed)
                save_campaign(source, campaign)
                return source
            with storage.locked(target):
                save_campaign(target, campaign)
                if old_folder.is_dir():
                    try:
                        os.rename(old_folder, folder)
                    except OSError as exc:
                        target.unlink(missing_ok=True)  # as it was: the old file and folder
                        raise storage.os_problem(exc, old_folder) from None
                source.unlink()
        return target

    def merge(self, name: str, into: str,
              combine: Callable[[Campaign, Campaign, dict[tuple[str, str], str]], _O]) -> tuple[Path, _O, Path]:
        """Merge the campaign called exactly `name` into the one called exactly `into` (the same
        request kept twice under names that differ only in case). `combine` (an operation:
        `operations.campaign.merge_campaigns`) makes the merged campaign from the two and where each
        of `name`'s replies was copied in `into`'s folder; it is tried first with no files, so that a
        refusal copies nothing. The merged file and its folder are kept, moved into `.merged/`.
        Returns `into`'s file, what `combine` returned and where the merged file was kept."""
        source, target = self.exactly(name), self.exactly(into)
        if source == target:
            raise ComposerError(f"'{name}' and '{into}' are one campaign: nothing to merge")
        other = load_campaign(source)
        old_folder = self.root / source.name[: -len(SUFFIX)]
        with storage.locked(target):
            campaign = load_campaign(target)
            combine(campaign, other, {})  # refused (not the same request) before a file is copied
            folder = self.root / target.name[: -len(SUFFIX)]
            files: dict[tuple[str, str], str] = {}
            for item in other.forces:
                for attachment in item.attachments:
                    copy = old_folder / attachment.file
                    if not copy.resolve().is_relative_to(old_folder.resolve()) or not copy.is_file():
                        continue  # named but not there (or outside): kept as recorded, with the old folder
                    written = storage.write_new(folder / item.force_id / copy.name, storage.read_bytes(copy, "reply"))
                    files[(item.force_id, attachment.file)] = written.relative_to(folder).as_posix()
            outcome = combine(campaign, other, files)
            save_campaign(target, outcome.value)
        kept = storage.move_new(source, self.root / ".merged" / source.name)
        if old_folder.is_dir():
            storage.move_new(old_folder, self.root / ".merged" / old_folder.name)
        return target, outcome, kept

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
