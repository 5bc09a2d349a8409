"""Write follow-up letters for forces in a campaign: the one sequence the command line's
`followup` and the app's campaign tab both run (find the force in the directory, read the
latest attached response, write the letter, name the file)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from composer import storage
from composer.campaign.model import RESPONSES, Campaign, Status, Tracked
from composer.campaign.store import CampaignStore
from composer.errors import ComposerError
from composer.forces import Directory, load_directory
from composer.letters.followups import (
    FORMATS,
    FollowUpKind,
    check_tracked,
    file_name,
    follow_up_letter,
    parse_kind,
    request_title,
    write_follow_up,
)
from composer.letters.templates import emoji_note
from composer.model import Requester
from composer.operations.result import Refused
from composer.replies import READABLE, Outcome, PartReading, ReplyKind, reply_text
from composer.responses import ResponseCheck


@dataclass
class FollowUpsWritten:
    written: list[Path] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)  # the ids of the forces written to
    problems: list[str] = field(default_factory=list)  # "Kent Police: …", one per force or warning
    names: list[str] = field(default_factory=list)  # the forces' names, as `problems` begin with them

    @property
    def said(self) -> list[str]:
        """`problems` as a reader takes them: one that holds for several forces said once, naming them."""
        from composer.letters.judgement import shared_messages

        return shared_messages(self.problems, self.names)


NOT_NOTICES = frozenset({ReplyKind.ACKNOWLEDGEMENT, ReplyKind.CLARIFICATION, ReplyKind.EXTENSION,
                         ReplyKind.ANSWERED, ReplyKind.NOT_HELD, ReplyKind.STILL_WANTED})
"""Replies confirmed as something other than a refusal: what either Act asks of a
refusal notice is no ground against them."""


def latest_check(store: CampaignStore, campaign: Campaign, force_id: str) -> ResponseCheck | None:
    """The refusal check of the latest reply attached for a force that can be read (text, an
    email, a Word file or a PDF, as forces send them) and is not confirmed as something other
    than a refusal (an acknowledgement, a full answer); None if none can."""
    item = campaign.tracked(force_id)
    readable = [a for a in item.attachments if Path(a.file).suffix.lower() in READABLE
                and a.kind not in NOT_NOTICES]
    for attachment in reversed(readable):
        try:
            text = reply_text(store.attachment_path(campaign, attachment))
        except ComposerError:
            continue  # a damaged or missing copy: an earlier reply may still say what is lacking
        return check_tracked(item, text)
    return None  # without the words there is nothing to say what the notice lacks


def refused(item: Tracked) -> bool:
    """Whether the force's latest response refused the request, in whole or in part: only then
    are a refusal notice's gaps grounds for a review or a complaint (a late or missing answer is
    one whatever the notice says)."""
    responses = [e.status for e in item.events if e.status in RESPONSES]
    if not responses or responses[-1] not in (Status.REFUSED, Status.PARTLY_ANSWERED):
        return False
    if responses[-1] is Status.REFUSED or item.sections:
        return True
    # answered in part with no section cited: a refusal only if a part was refused (a part not
    # held is no refusal, and needs no notice naming an exemption), or where nothing says
    read = next((a.parts for a in reversed(item.attachments) if a.parts), {})
    return not read or any(PartReading.parse(what).outcome in (Outcome.REFUSED, Outcome.NCND)
                           for what in read.values())


def format_for(output: Path, fmt: str | None) -> str:
    """The format asked for, else the file's extension, else Word."""
    if fmt:
        return fmt.lower().lstrip(".")
    suffix = output.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS and not output.is_dir() else "docx"


def write_follow_ups(
    campaign: Campaign,
    *,
    store: CampaignStore,
    force_ids: Iterable[str],
    kind: FollowUpKind | str,
    requester: Requester,
    today: date,
    folder: Path | None = None,
    path: Path | None = None,
    fmt: str | None = None,
    template=None,
    message: str | None = None,
    directory: Directory | None = None,
) -> FollowUpsWritten:
    """One letter of `kind` per force, dated `today`, into `folder` (each letter gets its own
    file name there, never over an existing file) or, for one force, to the file `path`.
    A force whose letter does not fit where it stands is named in `problems`; the others are
    still written. Nothing in the campaign changes."""
    kind = kind if isinstance(kind, FollowUpKind) else parse_kind(kind)
    ids = list(force_ids)
    items = [campaign.tracked(force_id) for force_id in ids]  # an unknown force: nothing written
    if (folder is None) == (path is None):
        raise Refused("give either a folder for the letters or, for one force, a file")
    if path is not None and len(items) != 1:
        raise Refused(f"{path}: several letters go into a folder, not one file")
    fmt = format_for(Path(path or folder), fmt)
    if fmt not in FORMATS:
        raise Refused(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    directory = directory or load_directory()
    if folder is not None:
        storage.writable_folder(folder)  # a folder no letter can go in: one line, not one per force
    result = FollowUpsWritten()
    for item in items:
        result.names.append(item.force_name)
        try:
            try:
                force = directory.get(item.force_id)
            except ComposerError:
                force = None  # no longer in the directory: the letter is addressed by name only
            check = (latest_check(store, campaign, item.force_id)
                     if kind in (FollowUpKind.REVIEW, FollowUpKind.COMPLAINT) and refused(item)
                     else None)
            letter = follow_up_letter(campaign, item.force_id, kind, requester=requester,
                                      today=today, force=force, message=message, check=check)
            target = path
            if folder is not None:
                name = file_name(kind, today, item.force_name, item.act, request_title(campaign.request, force), fmt)
                target = Path(folder) / name  # a taken name becomes "name (2)" as it is written
            result.written.append(write_follow_up(letter, target, fmt, template))
            result.forces.append(item.force_id)
            result.problems += [f"{item.force_name}: {w}" for w in letter.warnings]
            if fmt in ("docx", "pdf") and (emoji := emoji_note(letter)) and emoji not in result.problems:
                result.problems.append(emoji)
        except ComposerError as exc:
            if len(items) == 1:
                raise
            result.problems.append(f"{item.force_name}: {exc}")
    return result
