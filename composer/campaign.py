"""The campaign tracker: one request sent to many forces, and what each force has done with it.

A campaign file (`<name>.campaign.json` under the data folder's `campaigns/`) holds a copy of the
request as sent and, per force, a dated history of what happened: sent, acknowledged, asked for
clarification, answered, refused, reviewed, complained about. Status, due dates and the overdue
flag are worked out from that history whenever they are asked for, never stored, so a correction
to a date or to the bank-holiday calendar can never leave a stale deadline behind.

Deadlines (DOMAIN.md; FOIA s10, s45 code of practice part 5, s50; FOISA s10, s20, s21, s47):
- the answer: 20 working days after receipt; when the force asks for clarification the clock stops,
  and restarts from the day the clarification is received (s1(3));
- FOIA only: a force weighing the public interest in a qualified exemption may take "such time as
  is reasonable" (s10(3)), if within the 20 working days it sends a notice naming the exemption
  and estimating when it will decide (s17(2)). The estimate becomes the due date, but never later
  than 20 further working days after the statutory one, the most the ICO expects. A notice sent
  after the 20 working days is kept, with a warning, and does not move the date. FOISA has no
  such extension: its s10 deadlines stand;
- an internal review: ask within 40 working days of the response; the force should answer within
  20 working days (FOIA: the code allows 40 at most; FOISA s21(1): 20);
- then: the ICO asks for complaints within six weeks of the final response (its own practice, not
  statute); the Scottish Information Commissioner takes applications within six months (s47(4)).

Files are written atomically through `composer.storage`. A campaign file that is corrupt or from a
newer version of the app is refused with a message and left exactly where it is.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from composer import paths, storage
from composer.calendar import Calendar, default_calendar
from composer.errors import ComposerError, FileProblem
from composer.library import slug
from composer.model import Act, Force, Request
from composer.responses import normalise_section, unique_sections

CAMPAIGN_VERSION = 2  # 2: the public-interest extension (Status.EXTENDED, Event.until)
SUFFIX = ".campaign.json"
ANSWER_DAYS = 20
EXTENSION_DAYS = 20  # FOIA s10(3): the most further working days the ICO expects
REVIEW_ASK_DAYS = 40
REVIEW_ANSWER_DAYS = 20
REVIEW_OUTER_DAYS = 40  # FOIA: the s45 code's limit for a complex review
ICO_WEEKS = 6
SIC_MONTHS = 6


class Status(StrEnum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    EXTENDED = "extended"  # FOIA s10(3)/s17(2): more time to weigh the public interest
    CLARIFICATION_ASKED = "clarification-asked"
    CLARIFIED = "clarified"  # you sent the clarification: the clock starts again
    ANSWERED = "answered"
    PARTLY_ANSWERED = "partly-answered"
    REFUSED = "refused"
    REVIEW_ASKED = "review-asked"
    REVIEW_ANSWERED = "review-answered"
    COMPLAINED = "complained"  # to the ICO, or an application to the SIC

    def label(self, act: Act | None = None) -> str:
        if self is Status.COMPLAINED:
            if act is Act.FOISA:
                return "applied to the Scottish Information Commissioner"
            if act is Act.FOIA:
                return "complained to the ICO"
            return "complained to the Commissioner"
        return _LABELS[self]


_LABELS = {
    Status.SENT: "sent",
    Status.ACKNOWLEDGED: "acknowledged",
    Status.EXTENDED: "extended (public interest)",
    Status.CLARIFICATION_ASKED: "clarification asked",
    Status.CLARIFIED: "clarification sent",
    Status.ANSWERED: "answered",
    Status.PARTLY_ANSWERED: "partly answered",
    Status.REFUSED: "refused",
    Status.REVIEW_ASKED: "internal review asked",
    Status.REVIEW_ANSWERED: "review answered",
}

RESPONSES = frozenset({Status.ANSWERED, Status.PARTLY_ANSWERED, Status.REFUSED})


def parse_status(text: str) -> Status:
    key = text.strip().lower().replace("_", "-").replace(" ", "-")
    aliases = {"clarification": Status.CLARIFICATION_ASKED, "partly": Status.PARTLY_ANSWERED,
               "partial": Status.PARTLY_ANSWERED, "review": Status.REVIEW_ASKED,
               "complaint": Status.COMPLAINED, "ico": Status.COMPLAINED, "sic": Status.COMPLAINED,
               "clarification-sent": Status.CLARIFIED, "extension": Status.EXTENDED,
               "extend": Status.EXTENDED, "pit": Status.EXTENDED, "public-interest": Status.EXTENDED,
               "s10(3)": Status.EXTENDED, "s17(2)": Status.EXTENDED}
    try:
        return aliases.get(key) or Status(key)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise ComposerError(f"unknown status {text!r}; use one of: {known}") from None


def statuses_for(act: Act) -> list[Status]:
    """The statuses that can be recorded for a force under `act` (FOISA has no extension)."""
    return [s for s in Status if not (s is Status.EXTENDED and act is not Act.FOIA)]


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class Event(_Model):
    status: Status
    on: date
    note: str = ""
    until: date | None = Field(default=None, description="extended: the force's estimated date")


class Attachment(_Model):
    file: str = Field(description="path inside the campaign's folder, with / separators")
    added: date
    note: str = ""


class Tracked(_Model):
    """One force's part in a campaign. Name and Act are copied in when the request is sent."""

    force_id: str
    force_name: str
    act: Act
    reference: str = ""
    sections: list[str] = Field(default_factory=list)
    notes: str = ""
    history: list[Event] = Field(min_length=1)
    attachments: list[Attachment] = Field(default_factory=list)

    @field_validator("sections")
    @classmethod
    def _sections(cls, value: list[str]) -> list[str]:
        return unique_sections(value)

    @property
    def events(self) -> list[Event]:
        """The history in date order (same-day events keep the order they were recorded in)."""
        return sorted(self.history, key=lambda e: e.on)

    @property
    def status(self) -> Status:
        return self.events[-1].status

    @property
    def sent(self) -> date:
        return self.events[0].on


class Campaign(_Model):
    schema_version: int = CAMPAIGN_VERSION
    kind: Literal["foi-campaign"] = "foi-campaign"
    name: str = Field(min_length=1)
    created: date = Field(default_factory=date.today)
    request: Request
    request_source: str | None = Field(default=None, description="the file the request came from")
    forces: list[Tracked] = Field(default_factory=list)

    @field_validator("schema_version")
    @classmethod
    def _read_as_current(cls, version: int) -> int:
        # Newer files are refused before validation (storage.parse_model); a version 1 file needs
        # only the defaults (no extension events, no `until`) and is written back as the current one.
        return CAMPAIGN_VERSION

    @model_validator(mode="after")
    def _unique(self) -> Campaign:
        ids = [t.force_id for t in self.forces]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"force listed twice: {', '.join(dupes)}")
        return self

    def tracked(self, force_id: str) -> Tracked:
        key = force_id.strip().lower()
        for item in self.forces:
            if item.force_id == key:
                return item
        known = ", ".join(t.force_id for t in self.forces)
        raise ComposerError(f"{force_id!r} is not in the campaign {self.name!r} ({known})")


# -- working out where each force stands ---------------------------------------------------------
Party = Literal["force", "you", "commissioner"]


@dataclass(frozen=True)
class Progress:
    force_id: str
    force_name: str
    act: Act
    status: Status
    sent: date
    clock_start: date  # receipt of the request, or of the latest clarification
    due: date | None  # None while the force waits for your clarification
    responded: date | None  # the first answer or refusal
    late_by: int  # working days late: answered late, or still unanswered past the due date
    review_ask_by: date | None
    review_asked: date | None
    review_due: date | None
    review_answered: date | None
    complain_by: date | None
    next_step: str
    next_date: date | None
    waiting_on: Party | None
    overdue: bool
    reference: str = ""
    sections: tuple[str, ...] = ()
    notes: str = ""
    attachments: tuple[str, ...] = field(default_factory=tuple)

    statutory_due: date | None = None  # the s10(1) date, before any extension
    extended_to: date | None = None  # the force's own estimate, from its s17(2) notice
    extension_limit: date | None = None  # 20 further working days: the ICO's expectation
    extension_notice: date | None = None  # the day the (first) extension notice came
    warnings: tuple[str, ...] = ()  # what the tracker will not accept silently

    @property
    def status_label(self) -> str:
        return self.status.label(self.act)

    @property
    def extended(self) -> bool:
        """The force has a public-interest extension that moves its due date."""
        return None not in (self.due, self.statutory_due) and self.due != self.statutory_due


def progress(item: Tracked, today: date | None = None, calendar: Calendar | None = None) -> Progress:
    """Where one force stands on `today`: its deadlines, whose move it is, and whether it is late."""
    cal = calendar or default_calendar()
    today = today or date.today()
    act = item.act
    events = item.events
    clock_start = item.sent
    paused = False
    first_response = last_response = review_asked = review_answered = complained = None
    extensions: list[Event] = []
    for event in events:
        s = event.status
        if s is Status.CLARIFICATION_ASKED and first_response is None:
            paused = True
        elif s is Status.CLARIFIED and first_response is None:
            clock_start, paused = event.on, False
            extensions = []  # a notice about the old clock has nothing left to extend
        elif s is Status.EXTENDED and first_response is None:
            extensions.append(event)
        elif s in RESPONSES:
            first_response = first_response or event.on
            last_response = event.on
            paused = False
        elif s is Status.REVIEW_ASKED:
            review_asked = event.on
        elif s is Status.REVIEW_ANSWERED:
            review_answered = event.on
        elif s is Status.COMPLAINED:
            complained = event.on

    statutory_due = None if paused else cal.due_date(clock_start, act, ANSWER_DAYS)
    ext = _extension(extensions, statutory_due, act, cal)
    due = ext.due
    late_by = 0
    if due is not None:
        until = first_response or (today if today > due else None)
        if until is not None and until > due:
            late_by = cal.working_days_between(due, until, act)

    review_ask_by = None
    if last_response is not None:
        review_ask_by = cal.add_working_days(last_response, REVIEW_ASK_DAYS, act)
    elif act is Act.FOISA and due is not None and today > due:
        review_ask_by = cal.add_working_days(due, REVIEW_ASK_DAYS, act)  # s20(5)(a): no answer at all
    review_due = cal.add_working_days(review_asked, REVIEW_ANSWER_DAYS, act) if review_asked else None

    complain_by = None
    if act is Act.FOIA and review_answered:
        complain_by = review_answered + timedelta(weeks=ICO_WEEKS)
    elif act is Act.FOISA and review_answered:
        complain_by = add_months(review_answered, SIC_MONTHS)  # s47(4)(a)
    elif act is Act.FOISA and review_due and today > review_due:
        complain_by = add_months(review_due, SIC_MONTHS)  # s47(4)(b)

    regulator = "the ICO" if act is Act.FOIA else "the Scottish Information Commissioner"
    status = item.status
    waiting_on: Party | None
    next_date: date | None
    if status is Status.COMPLAINED:
        next_step, next_date, waiting_on = f"wait for {regulator}'s decision", None, "commissioner"
    elif status is Status.REVIEW_ANSWERED:
        verb = "complain to" if act is Act.FOIA else "apply to"
        next_step, next_date, waiting_on = f"if still not satisfied, {verb} {regulator}", complain_by, "you"
    elif status is Status.REVIEW_ASKED:
        next_step, next_date, waiting_on = "the review's outcome is due", review_due, "force"
        if review_due and today > review_due:
            next_step = "the review is late: send a chaser"
            if act is Act.FOIA and today > cal.add_working_days(review_asked, REVIEW_OUTER_DAYS, act):
                next_step = "the review is over 40 working days late: complain to the ICO"
            elif act is Act.FOISA:
                next_step = "the review is late: apply to the Scottish Information Commissioner"
    elif status in RESPONSES:
        next_step, next_date = "if not satisfied, ask for an internal review", review_ask_by
        waiting_on = None if status is Status.ANSWERED else "you"
    elif paused:
        next_step, next_date, waiting_on = "reply to the request for clarification", None, "you"
    else:
        next_step, next_date, waiting_on = "the answer is due", due, "force"
        if due != statutory_due:
            next_step = "the answer is due (time extended for the public interest test)"
        if due and today > due:
            next_step = "the answer is late: send a chaser"
            if act is Act.FOISA and review_ask_by:
                next_step += f", or require a review by {review_ask_by.isoformat()}"
    overdue = waiting_on == "force" and next_date is not None and today > next_date

    return Progress(
        force_id=item.force_id, force_name=item.force_name, act=act, status=status,
        sent=item.sent, clock_start=clock_start, due=due, responded=first_response,
        late_by=late_by, review_ask_by=review_ask_by, review_asked=review_asked,
        review_due=review_due, review_answered=review_answered, complain_by=complain_by,
        next_step=next_step, next_date=next_date, waiting_on=waiting_on, overdue=overdue,
        reference=item.reference, sections=tuple(item.sections), notes=item.notes,
        attachments=tuple(a.file for a in item.attachments),
        statutory_due=statutory_due, extended_to=ext.estimate, extension_limit=ext.limit,
        extension_notice=ext.notice, warnings=tuple(ext.warnings),
    )


@dataclass
class _Extension:
    due: date | None
    estimate: date | None = None
    limit: date | None = None
    notice: date | None = None
    warnings: list[str] = field(default_factory=list)


def _extension(extensions: list[Event], statutory_due: date | None, act: Act,
               cal: Calendar) -> _Extension:
    """The due date once any public-interest extension notices are taken into account."""
    if not extensions or statutory_due is None:
        return _Extension(statutory_due)
    statutory = statutory_due.isoformat()
    if act is not Act.FOIA:
        return _Extension(statutory_due, warnings=[
            f"an extension is recorded, but FOISA has no public-interest extension: the answer was "
            f"still due by {statutory} (FOISA s10)"])
    notice = extensions[0].on
    estimate = next((e.until for e in reversed(extensions) if e.until is not None), None)
    limit = cal.add_working_days(statutory_due, EXTENSION_DAYS, act)
    ext = _Extension(statutory_due, estimate, limit, notice)
    if notice > statutory_due:
        ext.warnings.append(
            f"the extension notice came on {notice.isoformat()}, after the 20 working days ended on "
            f"{statutory}; s17(2) requires it within them, so it gives no more time and the answer "
            f"was due by {statutory}")
        return ext
    if estimate is None:
        ext.due = limit
        ext.warnings.append(
            f"the extension notice gave no estimated date, which s17(2) requires; the answer is "
            f"taken as due by {limit.isoformat()}, 20 working days after {statutory} (the most the "
            "ICO expects)")
    elif estimate > limit:
        ext.due = limit
        ext.warnings.append(
            f"the force's estimate, {estimate.isoformat()}, is more than 20 working days after "
            f"{statutory}; the ICO expects an extension of no more than that, so the answer is "
            f"late after {limit.isoformat()}")
    else:
        ext.due = max(estimate, statutory_due)
    return ext


def overview(campaign: Campaign, today: date | None = None,
             calendar: Calendar | None = None) -> list[Progress]:
    cal = calendar or default_calendar()
    return [progress(item, today, cal) for item in campaign.forces]


def add_months(d: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter (31 Aug + 6 = 28 Feb)."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    last_day = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(d.day, last_day))


# -- changing a campaign ------------------------------------------------------------------------
def new_campaign(name: str, request: Request, forces: Iterable[Force], sent: date,
                 request_source: str | None = None) -> Campaign:
    campaign = Campaign(name=name.strip(), request=request.model_copy(deep=True),
                        request_source=request_source)
    add_forces(campaign, forces, sent)
    if not campaign.forces:
        raise ComposerError("a campaign needs at least one force")
    return campaign


def add_forces(campaign: Campaign, forces: Iterable[Force], sent: date) -> list[Tracked]:
    """Add forces sent the request on `sent`; ones already in the campaign are left alone."""
    have = {t.force_id for t in campaign.forces}
    added = [
        Tracked(force_id=f.id, force_name=f.name, act=f.act, history=[Event(status=Status.SENT, on=sent)])
        for f in forces
        if f.id not in have
    ]
    campaign.forces = [*campaign.forces, *added]
    return added


def record(
    campaign: Campaign,
    force_id: str,
    *,
    status: Status | str | None = None,
    on: date | None = None,
    reference: str | None = None,
    sections: Iterable[str] | None = None,
    note: str | None = None,
    until: date | None = None,
) -> Tracked:
    """Record what a force did (or what you did) on `on` (default today), and any details.

    `until` goes with `Status.EXTENDED`: the date the force's notice estimates for its decision
    on the public interest (it may be left out if the notice gave none; `progress` then warns).
    """
    item = campaign.tracked(force_id)
    if status is not None and not isinstance(status, Status):
        status = parse_status(status)
    if until is not None and status is not Status.EXTENDED:
        raise ComposerError("an estimated date goes only with the status 'extended' (a notice "
                            "that the force needs more time to consider the public interest)")
    if status is not None:
        when = on or date.today()
        if when < item.sent:
            raise ComposerError(
                f"{when.isoformat()} is before the request was sent to {item.force_name} "
                f"({item.sent.isoformat()})")
        if status is Status.EXTENDED:
            _check_extension(item, when, until)
        earlier = {e.status for e in item.history if e.on <= when}
        if status is Status.CLARIFIED and Status.CLARIFICATION_ASKED not in earlier:
            raise ComposerError(f"{item.force_name} has not asked for clarification; record "
                                "'clarification-asked' first, with the date they asked")
        if status is Status.REVIEW_ANSWERED and Status.REVIEW_ASKED not in earlier:
            raise ComposerError(f"no internal review was asked of {item.force_name}; record "
                                "'review-asked' first, with the date you asked")
        item.history = [*item.history, Event(status=status, on=when, note=(note or "").strip(),
                                             until=until)]
    elif note:
        item.notes = f"{item.notes}\n{note.strip()}".strip() if item.notes else note.strip()
    if reference is not None:
        item.reference = reference.strip()
    if sections is not None:
        try:
            item.sections = [normalise_section(s) for s in sections]
        except ValueError as exc:
            raise ComposerError(str(exc)) from None
    if status is None and note is None and reference is None and sections is None:
        raise ComposerError("nothing to record: give a status, a reference, sections or a note")
    return item


def _check_extension(item: Tracked, when: date, until: date | None) -> None:
    """Refuse an extension the law does not allow. A late one is accepted: `progress` warns."""
    if item.act is not Act.FOIA:
        raise ComposerError(f"{item.force_name} is under FOISA, which has no public-interest "
                            "extension: the 20 working days of FOISA s10 stand")
    paused = False
    for event in item.events:
        if event.on > when:
            break
        if event.status in RESPONSES:
            raise ComposerError(f"{item.force_name} had already responded ({event.status.label(item.act)}"
                                f" on {event.on.isoformat()}); an extension is for an answer still to "
                                "come")
        if event.status is Status.CLARIFICATION_ASKED:
            paused = True
        elif event.status is Status.CLARIFIED:
            paused = False
    if paused:
        raise ComposerError(f"{item.force_name} is waiting for your clarification, so its clock is "
                            "stopped and there is nothing to extend")
    if until is not None and until < when:
        raise ComposerError(f"the estimated date {until.isoformat()} is before the extension notice "
                            f"({when.isoformat()})")


def undo_last(campaign: Campaign, force_id: str) -> Event:
    """Take back the latest recorded event (never the first: the request was sent)."""
    item = campaign.tracked(force_id)
    if len(item.history) < 2:
        raise ComposerError(f"nothing to take back for {item.force_name}")
    removed = item.history[-1]
    item.history = item.history[:-1]
    return removed


# -- the report ---------------------------------------------------------------------------------
CSV_COLUMNS = [
    "force", "force_id", "act", "reference", "status", "sent", "clock_started", "due", "statutory_due",
    "extension_notice", "extended_to", "extension_limit", "responded", "working_days_late", "overdue",
    "next_step", "next_date", "sections", "review_ask_by", "review_asked", "review_due",
    "review_answered", "complain_by", "warnings", "notes", "attachments",
]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def report_rows(campaign: Campaign, today: date | None = None,
                calendar: Calendar | None = None) -> list[dict[str, str]]:
    rows = []
    for p in overview(campaign, today, calendar):
        rows.append({
            "force": p.force_name, "force_id": p.force_id, "act": p.act.value,
            "reference": p.reference, "status": p.status_label, "sent": _iso(p.sent),
            "clock_started": _iso(p.clock_start), "due": _iso(p.due),
            "statutory_due": _iso(p.statutory_due), "extension_notice": _iso(p.extension_notice),
            "extended_to": _iso(p.extended_to), "extension_limit": _iso(p.extension_limit),
            "responded": _iso(p.responded),
            "working_days_late": str(p.late_by) if p.late_by else "",
            "overdue": "yes" if p.overdue else "", "next_step": p.next_step,
            "next_date": _iso(p.next_date), "sections": " ".join(p.sections),
            "review_ask_by": _iso(p.review_ask_by), "review_asked": _iso(p.review_asked),
            "review_due": _iso(p.review_due), "review_answered": _iso(p.review_answered),
            "complain_by": _iso(p.complain_by), "warnings": "; ".join(p.warnings), "notes": p.notes,
            "attachments": "; ".join(p.attachments),
        })
    return rows


def report_csv(campaign: Campaign, today: date | None = None, calendar: Calendar | None = None) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(report_rows(campaign, today, calendar))
    return buffer.getvalue()


def export_csv(campaign: Campaign, dest: Path, today: date | None = None,
               calendar: Calendar | None = None) -> Path:
    """Write the report atomically; UTF-8 with a byte-order mark so spreadsheets read accents."""
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"{slug(campaign.name)}.csv"
    storage.atomic_write_bytes(dest, report_csv(campaign, today, calendar).encode("utf-8-sig"))
    return dest


# -- the files ----------------------------------------------------------------------------------
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
    problems: list[str] = field(default_factory=list)  # files refused, left in place


class CampaignStore:
    """Campaign files under the data folder; each campaign's attachments in a folder of its name."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root else paths.subdir("campaigns")
        self.root.mkdir(parents=True, exist_ok=True)

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
                listing.problems.append(f"{exc} (the file is kept as it is)")
                continue
            listing.entries.append(CampaignEntry(path.name[: -len(SUFFIX)], path, campaign))
        return listing

    def load(self, name: str) -> Campaign:
        path = self.path_for(name)
        if not path.exists():
            known = ", ".join(e.name for e in self.list().entries) or "none yet"
            raise ComposerError(f"no campaign called {name!r} ({known})")
        return load_campaign(path)

    def save(self, campaign: Campaign) -> Path:
        path = self.path_for(campaign.name)
        save_campaign(path, campaign)
        return path

    def create(self, campaign: Campaign) -> Path:
        path = self.path_for(campaign.name)
        if path.exists():
            raise ComposerError(f"a campaign called {campaign.name!r} already exists ({path})")
        save_campaign(path, campaign)
        return path

    def attach(self, campaign: Campaign, force_id: str, source: Path, note: str = "",
               on: date | None = None) -> Path:
        """Copy a response file into the campaign's folder and list it against the force.
        The caller saves the campaign afterwards."""
        item = campaign.tracked(force_id)
        source = Path(source)
        if not source.is_file():
            raise ComposerError(f"{source}: no such file to attach")
        folder = self.folder_for(campaign.name) / item.force_id
        target = storage.unique_path(folder / source.name)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{target.name}.copying"
        shutil.copyfile(source, tmp)
        tmp.replace(target)
        relative = target.relative_to(self.folder_for(campaign.name)).as_posix()
        item.attachments = [*item.attachments,
                            Attachment(file=relative, added=on or date.today(), note=note.strip())]
        return target

    def attachment_path(self, campaign: Campaign, attachment: Attachment) -> Path:
        return self.folder_for(campaign.name) / attachment.file
