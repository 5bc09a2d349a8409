"""A campaign: one request sent to many forces, and a dated history of what each force has done.

Only what happened is stored (sent, acknowledged, asked for clarification, answered, refused,
reviewed, complained about); status, due dates and the overdue flag are worked out from it by
`composer.campaign.deadlines` whenever they are asked for, so a correction to a date or to the
bank-holiday calendar can never leave a stale deadline behind. Nothing here changes a campaign:
`composer.operations.campaign` does, returning a new one.
"""

from __future__ import annotations

import unicodedata
import re
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from composer.dates import EARLIEST, IN_REACH, LATEST
from composer.errors import ComposerError
from composer.law import law_for
from composer.model import Act, Request, one_line
from composer.responses import unique_sections

CAMPAIGN_VERSION = 4  # 2: the public-interest extension (Status.EXTENDED, Event.until)
# 3: a reply's confirmed reading kept with its attachment (Attachment.kind, Attachment.parts)
# 4: "do you still want it?" is a status of its own (Status.STILL_WANTED); a version 3 file kept it
#    as "acknowledged" with the day the force waits until, and is read as it now is; a reply that
#    only points to its answer in an attachment is kept so (Attachment.unread)


MAX_REFERENCE = 80
"""The longest force reference taken: forces' run to about 20 characters ("01.FOI.22.026461");
longer is a paragraph pasted with it. One kept from before the limit stays in the file, but no
letter quotes it (`Tracked.letter_reference`) and the tracker shows its start."""


MAX_NAME = 120
"""The longest campaign name taken (a name is a label: "VHA 2026", "Risk scores (Wales)")."""


def name_problem(name: str) -> str | None:
    """What is wrong with `name` as a new campaign's name, or None. A name is one line of visible
    characters, at most MAX_NAME of them; any visible character may be in it ("a/b", "..", "Ünï")
    and it is kept and shown as typed: its file name is made safe apart (`CampaignStore`)."""
    if not name.strip():
        return "a campaign needs a name"
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"} for ch in name):
        return ("a campaign's name is one line of visible characters: it holds a line break, a tab "
                "or an invisible character")
    if len(name.strip()) > MAX_NAME:
        return f"a campaign's name is at most {MAX_NAME} characters (this one has {len(name.strip())})"
    return None


def name_key(name: str) -> str:
    """How two campaign names are compared: "VHA 2026" and "vha 2026 " are one campaign."""
    return unicodedata.normalize("NFC", name).strip().casefold()


class Status(StrEnum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    # A late force asks whether you still want the answer, and will treat the request as withdrawn
    # after a day (Event.until). It is no request for clarification (s1(3)): no clock stops.
    STILL_WANTED = "still-wanted"
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
            if act is None:
                return "complained to the Commissioner"
            regulator = law_for(act).regulator
            return f"{regulator.complained} to {regulator.in_text}"
        return _LABELS[self]


_LABELS = {
    Status.SENT: "sent",
    Status.ACKNOWLEDGED: "acknowledged",
    Status.STILL_WANTED: "asked if you still want it",
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
    return [s for s in Status if not (s is Status.EXTENDED and law_for(act).extension_days is None)]


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class Event(_Model):
    status: Status
    on: date
    note: str = ""
    until: date | None = Field(default=None, description="extended: the force's estimated date; "
                               "clarification asked: the day after which the force treats the "
                               "request as withdrawn if it has no reply; still wanted: the same day, "
                               "from a force that asked whether you still want the answer")

    @model_validator(mode="before")
    @classmethod
    def _still_wanted(cls, data):
        """An acknowledgement with a day to wait until is the "do you still want it?" letter: a
        version 3 file kept it so (and `campaign update --status acknowledged --until` wrote it)."""
        if isinstance(data, dict) and data.get("status") in ("acknowledged", Status.ACKNOWLEDGED) \
                and data.get("until") is not None:
            return {**data, "status": Status.STILL_WANTED}
        return data

    @field_validator("on", "until")
    @classmethod
    def _in_reach(cls, value: date | None) -> date | None:
        """A date deadlines can count on from (a file edited by hand, or written before dates
        were bounded, is set aside as a damaged one is, not the end of every campaign command)."""
        if value is not None and not EARLIEST <= value <= LATEST:
            raise ValueError(f"{value.isoformat()} is too far off: {IN_REACH}")
        return value


class Attachment(_Model):
    file: str = Field(description="path inside the campaign's folder, with / separators")
    added: date
    note: str = ""
    kind: str = Field(default="", description="what the reply is, as the user confirmed it "
                                              "(composer.replies.ReplyKind); empty: not read")
    parts: dict[str, str] = Field(default_factory=dict,
                                  description="what the force did with each part, as confirmed: "
                                              "'1c' -> 'refused s31(1)'")
    unread: bool = Field(default=False, description="the reply only points to its answer in an "
                                                    "attachment of its own, not read: the parts it "
                                                    "says nothing of are not known")


CHASER_SENT = "chaser sent"
_CHASER_LINE = re.compile(rf"^(\d{{4}}-\d{{2}}-\d{{2}}): {CHASER_SENT}$")


def chaser_line(on: date) -> str:
    """How a chaser sent on `on` is kept in the force's notes (a chaser moves no status: the force
    is as late as it was, but the tracker counts the next step from it)."""
    return f"{on.isoformat()}: {CHASER_SENT}"


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

    @field_validator("reference")
    @classmethod
    def _reference(cls, value: str) -> str:
        return one_line(value)  # it heads letters: no line breaks, nothing that turns text round

    @property
    def reference_problem(self) -> str | None:
        """What to say of a reference longer than a reference can be (kept from an older file)."""
        if len(self.reference) <= MAX_REFERENCE:
            return None
        # said under the force's row, or after its name: the force is not named again
        return (f"the reference recorded for this force is {len(self.reference)} characters "
                f"long, more than a force's reference can be ({MAX_REFERENCE}): it is kept, but letters "
                "leave it out; give the force's reference alone (`campaign update … --reference`, "
                "or Record in the app)")

    @property
    def letter_reference(self) -> str:
        """The reference as letters quote it: empty while the one kept is too long to be one."""
        return "" if self.reference_problem else self.reference

    @property
    def events(self) -> list[Event]:
        """The history in date order (same-day events keep the order they were recorded in)."""
        return sorted(self.history, key=lambda e: e.on)

    @property
    def status(self) -> Status:
        return self.events[-1].status

    @property
    def chased(self) -> list[date]:
        """The days chasers were sent, in order, as `chaser_line` kept them in the notes."""
        days = []
        for line in self.notes.splitlines():
            match = _CHASER_LINE.match(line.strip())
            if match:
                try:
                    days.append(date.fromisoformat(match.group(1)))
                except ValueError:
                    continue  # a note typed by hand with a day that does not exist
        return sorted(days)

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
        import shlex

        from composer.forces import did_you_mean

        hint = did_you_mean(key, [t.force_id for t in self.forces])
        raise ComposerError(f"{force_id!r} is not in the campaign '{self.name}'{hint}; "
                            f"`foi-composer campaign show {shlex.quote(self.name)}` lists its forces")

