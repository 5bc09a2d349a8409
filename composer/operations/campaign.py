"""The operations that change a campaign: start one, add forces, record what happened, take the
latest record back, attach a reply. Each returns a new `Campaign`; the one passed in is never
touched, and a refused operation raises `Refused` before anything changes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from pydantic import ValidationError

from composer.campaign.model import (
    MAX_REFERENCE,
    RESPONSES,
    Attachment,
    Campaign,
    Event,
    Status,
    Tracked,
    chaser_line,
    name_problem,
    parse_status,
)
from composer.errors import ComposerError
from composer.law import law_for, short
from composer.letters.followups import FollowUpKind
from composer.model import Force, Request, counted, joined, one_line
from composer.operations.result import Done, Refused, operation
from composer.replies import PartReading, ReplyKind, ReplyReading
from composer.responses import normalise_section



def _tracked(campaign: Campaign, force_id: str) -> Tracked:
    try:
        return campaign.tracked(force_id)
    except ComposerError as exc:
        raise Refused(str(exc)) from None


def _replace(campaign: Campaign, item: Tracked) -> Campaign:
    """`campaign` with `item` in place of the force of the same id; the rest is shared."""
    forces = [item if t.force_id == item.force_id else t for t in campaign.forces]
    return campaign.model_copy(update={"forces": forces})


def _sent(force: Force, sent: date) -> Tracked:
    return Tracked(force_id=force.id, force_name=force.name, act=force.act,
                   history=[Event(status=Status.SENT, on=sent)])


@operation
def new_campaign(*, name: str, request: Request, forces: Iterable[Force], sent: date,
                 request_source: str | None = None) -> Done[Campaign]:
    """A campaign for `request` sent to `forces` on `sent` (a force named twice is tracked once)."""
    problem = name_problem(name)
    if problem:
        raise Refused(problem)
    name = name.strip()
    chosen = list({f.id: f for f in forces}.values())
    if not chosen:
        raise Refused("a campaign needs at least one force")
    if not any(part.text.strip() for part in request.all_parts()):  # no letter could have gone
        raise Refused("the request asks for nothing yet: write its questions, send the letters, "
                      "then track them")
    campaign = Campaign(name=name, request=request.model_copy(deep=True),
                        request_source=request_source,
                        forces=[_sent(f, sent) for f in chosen])
    return Done(campaign, f"started '{name}' with {counted(len(chosen), 'force')}",
                tuple(f.id for f in chosen))


def sent_later_than_today(sent: date, today: date | None = None) -> str | None:
    """What to say of a day the letters were sent that is after today, else None. It is taken as
    given (a campaign may be set up the day before the letters go), but named: most often it is
    the year mistyped around New Year (2027-12-02 for 2026-12-02), and every deadline counts from it."""
    today = today or date.today()
    if sent <= today:
        return None
    return f"{sent.isoformat()} is after today ({today.isoformat()}): is the year right? The deadlines count from it"


@operation
def add_forces(campaign: Campaign, *, forces: Iterable[Force], sent: date) -> Done[Campaign]:
    """Add forces sent the request on `sent`; ones already in the campaign are left alone."""
    have = {t.force_id for t in campaign.forces}
    added = [_sent(f, sent) for f in {f.id: f for f in forces if f.id not in have}.values()]
    updated = campaign.model_copy(update={"forces": [*campaign.forces, *added]})
    return Done(updated, f"added {counted(len(added), 'force')}", tuple(t.force_id for t in added))


@operation
def record(
    campaign: Campaign,
    *,
    force_id: str,
    status: Status | str | None = None,
    on: date | None = None,
    reference: str | None = None,
    sections: Iterable[str] | None = None,
    note: str | None = None,
    until: date | None = None,
) -> Done[Campaign]:
    """Record what a force did (or what you did) on `on` (default today), and any details.

    With no status, a note is added to the force's notes instead of its history. `until` goes
    with `Status.EXTENDED`: the date the force's notice estimates for its decision on the public
    interest (it may be left out if the notice gave none; the deadlines then warn); with
    `Status.CLARIFICATION_ASKED`, the day the force waits for your clarification until; with
    `Status.STILL_WANTED`, the day after which a force that asked whether you still want the
    answer will treat the request as withdrawn (the clock runs on: the force stays late; given
    with `Status.ACKNOWLEDGED`, as before it had a status of its own, it is recorded as this).
    """
    item = _tracked(campaign, force_id)
    if status is None and note is None and reference is None and sections is None:
        raise Refused("nothing to record: give a status, a reference, sections or a note")
    if status is not None and not isinstance(status, Status):
        try:
            status = parse_status(status)
        except ComposerError as exc:
            raise Refused(str(exc)) from None
    if until is not None and status is Status.ACKNOWLEDGED:
        status = Status.STILL_WANTED  # an acknowledgement that waits until a day asks if you still want it
    if until is not None and status not in (Status.EXTENDED, Status.CLARIFICATION_ASKED, Status.STILL_WANTED):
        raise Refused("a date to wait until goes only with the status 'extended' (a notice that the "
                      "force needs more time to consider the public interest), "
                      "'clarification-asked' (the day the force waits for your reply until) or "
                      "'still-wanted' (the day a force asking whether you still want the answer "
                      "waits until)")
    if until is not None and status in (Status.CLARIFICATION_ASKED, Status.STILL_WANTED) \
            and until < (on or date.today()):
        asked = "asked for clarification" if status is Status.CLARIFICATION_ASKED else "wrote"
        raise Refused(f"{until.isoformat()} is before the force {asked}: the "
                      "date to reply by comes after the letter that asks for the reply")
    try:
        cited = None if sections is None else [normalise_section(s) for s in sections]
    except ValueError as exc:
        raise Refused(str(exc)) from None
    changes: dict = {}
    what: list[str] = []
    if status is not None:
        when = on or date.today()
        _check_event(item, status, when, until)
        event = Event(status=status, on=when, note=(note or "").strip(), until=until)
        changes["history"] = [*item.history, event]
        what.append(f"{status.label(item.act)} on {when.isoformat()}")
    elif note:
        changes["notes"] = f"{item.notes}\n{note.strip()}".strip() if item.notes else note.strip()
        what.append("a note")
    if reference is not None:
        reference = one_line(reference)
        if len(reference) > MAX_REFERENCE:
            raise Refused(f"{item.force_name}: a reference of {len(reference)} characters is too long "
                          f"(at most {MAX_REFERENCE}): give the force's reference alone, as its letter writes it")
        changes["reference"] = reference
        what.append(f"reference {reference}" if reference else "reference cleared")
    if cited is not None:
        changes["sections"] = cited
        what.append(f"sections {' '.join(cited)}" if cited else "sections cleared")
    try:  # validated as the model would on assignment, on a copy
        updated = Tracked.model_validate({**item.model_dump(), **changes})
    except ValidationError as exc:
        raise Refused(f"{item.force_name}: {exc.errors()[0]['msg']}") from None
    return Done(_replace(campaign, updated), f"{item.force_name}: " + ", ".join(what or ["nothing"]),
                (item.force_id,))


def _check_event(item: Tracked, status: Status, when: date, until: date | None) -> None:
    if when < item.sent:
        raise Refused(f"{when.isoformat()} is before the request was sent to {item.force_name} "
                      f"({item.sent.isoformat()})")
    if status is Status.EXTENDED:
        _check_extension(item, when, until)
    earlier = {e.status for e in item.history if e.on <= when}
    if status is Status.CLARIFIED and Status.CLARIFICATION_ASKED not in earlier:
        raise Refused(f"{item.force_name} has not asked for clarification; record "
                      "'clarification-asked' first, with the date they asked")
    if status is Status.REVIEW_ANSWERED and Status.REVIEW_ASKED not in earlier:
        raise Refused(f"no internal review was asked of {item.force_name}; record "
                      "'review-asked' first, with the date you asked")


def _check_extension(item: Tracked, when: date, until: date | None) -> None:
    """Refuse an extension the law does not allow. A late one is accepted: the deadlines warn."""
    law = law_for(item.act)
    if law.extension_days is None:
        raise Refused(f"{item.force_name} is under {law.short_title}, which has no public-interest "
                      f"extension: the {law.working_days} working days of {short('answer', law.act, whole=True)} stand")
    paused = False
    for event in item.events:
        if event.on > when:
            break
        if event.status in RESPONSES:
            raise Refused(f"{item.force_name} had already responded ({event.status.label(item.act)} on "
                          f"{event.on.isoformat()}); an extension is for an answer still to come")
        if event.status is Status.CLARIFICATION_ASKED:
            paused = True
        elif event.status is Status.CLARIFIED:
            paused = False
    if paused:
        raise Refused(f"{item.force_name} is waiting for your clarification, so its clock is "
                      "stopped and there is nothing to extend")
    if until is not None and until < when:
        raise Refused(f"the estimated date {until.isoformat()} is before the extension notice "
                      f"({when.isoformat()})")


@operation
def undo_last(campaign: Campaign, *, force_id: str) -> Done[Campaign]:
    """Take back the latest recorded event (never the first: the request was sent)."""
    item = _tracked(campaign, force_id)
    if len(item.history) < 2:
        raise Refused(f"nothing to take back for {item.force_name}")
    removed = item.history[-1]
    updated = item.model_copy(update={"history": item.history[:-1]})
    return Done(_replace(campaign, updated),
                f"took back: {removed.status.value} on {removed.on.isoformat()}", (item.force_id,))


@operation
def attach_reply(campaign: Campaign, *, force_id: str, file: str, on: date | None = None,
                 note: str = "", kind: str = "", parts: Mapping[str, str] | None = None,
                 unread: bool = False) -> Done[Campaign]:
    """List a file already copied into the campaign's folder (`CampaignStore.copy_in`) against
    the force. `file` is its path inside the folder, with / separators. `kind` and `parts` keep
    what the user confirmed the reply says (`composer.replies`), for the coverage table;
    `unread`, that it points to its answer in an attachment of its own, not read."""
    item = _tracked(campaign, force_id)
    if not file.strip() or file.startswith("/") or ".." in file.split("/"):
        raise Refused(f"{file!r} is not a path inside the campaign's folder")
    try:
        kind = ReplyKind(kind).value if kind else ""
        read = {label.strip(): str(PartReading.parse(what)) for label, what in (parts or {}).items()}
    except (ValueError, ComposerError) as exc:
        raise Refused(str(exc) if isinstance(exc, ComposerError) else
                      f"{kind!r} is not a kind of reply; use one of: "
                      f"{', '.join(k.value for k in ReplyKind)}") from None
    attachment = Attachment(file=file, added=on or date.today(), note=note.strip(), kind=kind,
                            parts=read, unread=unread)
    updated = item.model_copy(update={"attachments": [*item.attachments, attachment]})
    return Done(_replace(campaign, updated), f"{item.force_name}: attached {file.rsplit('/', 1)[-1]}",
                (item.force_id,))


# What a reply of each kind makes of the force's status. "Not held" answers the request.
REPLY_STATUS = {
    ReplyKind.ACKNOWLEDGEMENT: Status.ACKNOWLEDGED,
    ReplyKind.CLARIFICATION: Status.CLARIFICATION_ASKED,
    ReplyKind.EXTENSION: Status.EXTENDED,
    ReplyKind.ANSWERED: Status.ANSWERED,
    ReplyKind.PARTLY: Status.PARTLY_ANSWERED,
    ReplyKind.REFUSED: Status.REFUSED,
    ReplyKind.NOT_HELD: Status.ANSWERED,
    ReplyKind.STILL_WANTED: Status.STILL_WANTED,  # with the day it waits until; no clock stops
}


def record_reply(campaign: Campaign, *, force_id: str, file: str, reading: ReplyReading,
                 on: date) -> Done[Campaign]:
    """A reply as the user confirmed it: the file listed against the force with its reading, and
    what it says recorded in one step (its kind as the force's status on `on`, the force's
    reference and the sections it cites). A reply of no kind is only attached."""
    attached = attach_reply(campaign, force_id=force_id, file=file, on=on,
                            kind=reading.kind.value if reading.kind else "",
                            parts={k: str(v) for k, v in reading.parts.items()},
                            unread=reading.unread)
    if reading.kind is None:
        return attached
    status = REPLY_STATUS[reading.kind]
    until = reading.dates.get("until") if status is Status.EXTENDED else None
    if reading.kind in (ReplyKind.CLARIFICATION, ReplyKind.STILL_WANTED):
        reply_by = reading.dates.get("reply_by")  # "if we have not heard by 11th May …": kept if it can be
        until = reply_by if reply_by and reply_by >= on else None
    note = reading.kind.label if reading.kind in (ReplyKind.NOT_HELD, ReplyKind.STILL_WANTED) else None
    recorded = record(attached.value, force_id=force_id, status=status, on=on, until=until,
                      reference=reading.reference or None, note=note,
                      sections=reading.sections if reading.sections else None)
    return Done(recorded.value, f"{recorded.what}, file {file.rsplit('/', 1)[-1]}", (force_id,))


# What writing a follow-up letter records: you did this on the day of the letter.
FOLLOW_UP_STATUS = {
    FollowUpKind.CLARIFICATION: Status.CLARIFIED,
    FollowUpKind.REVIEW: Status.REVIEW_ASKED,
    FollowUpKind.COMPLAINT: Status.COMPLAINED,
}


def record_sent(campaign: Campaign, *, force_ids: Iterable[str], kind: FollowUpKind,
                on: date) -> Done[Campaign]:
    """Follow-up letters of `kind` sent to these forces on `on`, in one step: a clarification,
    an internal review or a complaint moves each force on; a chaser is noted against it."""
    status = FOLLOW_UP_STATUS.get(kind)
    done = Done(campaign, "", ())
    ids = list(dict.fromkeys(force_ids))
    already: list[str] = []  # the same letter recorded as sent the same day: written again, not sent twice
    changed: list[str] = []
    for force_id in ids:
        item = _tracked(done.value, force_id)
        if status is None:
            line = chaser_line(on)
            if line in item.notes.splitlines():
                already.append(item.force_name)
                continue
            done = record(done.value, force_id=force_id, note=line)
        else:
            note = f"{kind.value} letter sent"
            latest = item.history[-1]
            if (latest.status, latest.on, latest.note) == (status, on, note):
                already.append(item.force_name)
                continue
            done = record(done.value, force_id=force_id, status=status, on=on, note=note)
        changed.append(force_id)
    what = status.label() if status else "chaser sent"
    said = [f"{what}: {counted(len(changed), 'force')}"] if changed or not already else []
    if already:
        said.append(f"{joined(already)}: already recorded as {what} on {on.isoformat()}, not recorded again")
    return Done(done.value, "; ".join(said), tuple(changed))


def same_request(campaign: Campaign, other: Campaign) -> str | None:
    """Why `other` cannot be merged into `campaign` (their letters ask different things), or None."""
    from composer.law import readable
    from composer.outline import letter_body

    def asked(c: Campaign) -> list[tuple[str, str]]:
        return [(p.number, " ".join(readable(p.text, c.request).split())) for p in letter_body(c.request).parts]

    mine, theirs = asked(campaign), asked(other)
    if mine == theirs:
        return None
    differ = next((a[0] for a, b in zip(mine, theirs, strict=False) if a != b), None)
    where = f"part {differ} differs" if differ else f"one has {len(mine)} parts, the other {len(theirs)}"
    return f"'{other.name}' and '{campaign.name}' are not the same request ({where})"


@operation
def merge_campaigns(campaign: Campaign, *, other: Campaign, files: Mapping[tuple[str, str], str]) -> Done[Campaign]:
    """`campaign` with `other`'s forces and all that was recorded for them: one request kept as two
    campaigns whose names differ only in case (made before names were compared so). A force in
    both keeps both histories (an event recorded in both, once), every attachment (`files`: the
    force and `other`'s file -> where it was copied in `campaign`'s folder), every section and note,
    and its reference where `campaign` has none. Refused when the two are not the same request."""
    problem = same_request(campaign, other)
    if problem:
        raise Refused(f"{problem}: give one of them another name instead")
    forces = {t.force_id: t for t in campaign.forces}
    added = 0
    for item in other.forces:
        attachments = [a.model_copy(update={"file": files.get((item.force_id, a.file), a.file)})
                       for a in item.attachments]
        mine = forces.get(item.force_id)
        if mine is None:
            forces[item.force_id] = item.model_copy(update={"attachments": attachments})
            added += 1
            continue
        events = list(mine.history) + [e for e in item.history if e not in mine.history]
        notes = "\n".join(n for n in dict.fromkeys([mine.notes.strip(), item.notes.strip()]) if n)
        forces[item.force_id] = mine.model_copy(update={
            "history": events, "attachments": [*mine.attachments, *attachments],
            "sections": [*mine.sections, *item.sections], "notes": notes,
            "reference": mine.reference or item.reference})
    merged = Campaign.model_validate({**campaign.model_dump(), "forces": [t.model_dump() for t in forces.values()]})
    both = len(other.forces) - added
    return Done(merged, f"merged '{other.name}' into '{campaign.name}': {counted(added, 'force')} added"
                + (f", {counted(both, 'force')} in both kept with both records" if both else ""),
                tuple(t.force_id for t in other.forces))
