"""Coverage: which forces answered which parts of a campaign's request.

A force × part matrix built from the campaign (each force's recorded status and sections, and
where it stands against its deadline) and from the replies read for it (`composer.replies`). A
reply that says what happened to each part decides those parts; a reply that does not applies its
kind to every part; a force with no reply read falls back on its recorded status, and one still
waiting is "no reply yet" or, past its due date, "overdue". Counts per part and per force are what
a campaign report quotes: "31 of 45 forces answered part 1c; 9 refused it under s31".
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from composer import law, storage
from composer.calendar import Calendar
from composer.campaign.deadlines import progress
from composer.campaign.model import Campaign, Status, Tracked
from composer.campaign.store import CampaignStore
from composer.law import readable, section_under, sets_aside_confirm_or_deny
from composer.model import Act, counted
from composer.outline import letter_body
from composer.replies import (
    Outcome,
    PartReading,
    ReplyKind,
    ReplyReading,
    force_of,
    read_latest,
    reply_text,
)


class State(StrEnum):
    ANSWERED = "answered"
    PARTLY = "partly"
    NOT_HELD = "not held"
    REFUSED = "refused"
    CLARIFY = "clarification asked"
    # The reply says the answer is in an attachment ("Please find attached our response") and the
    # attachment has not been read: open it, and attach it too, to see what was done with the part.
    ATTACHED = "attached, not read"
    WAITING = "no reply yet"
    OVERDUE = "overdue"


STATES = tuple(State)  # the order of legends and count columns


@dataclass(frozen=True)
class Cell:
    state: State
    sections: tuple[str, ...] = ()
    ncnd: bool = False  # refused by neither confirming nor denying

    @property
    def label(self) -> str:
        if self.state is not State.REFUSED:
            return self.state.value
        words = "NCND" if self.ncnd else "refused"
        return " ".join([words, *self.sections])


_NUMBER = re.compile(r"(\d+)")


def ground_of(sections: Iterable[str], ncnd: bool, act: Act) -> str:
    """The checker's ground for a refusal under `sections`: cost (s12), vexatious or repeated (s14,
    the checker's tone), personal data (FOIA s40, FOISA s38), or another exemption (neither confirm
    nor deny included)."""
    numbers = {int(m.group(1)) for s in sections if (m := _NUMBER.search(s))}
    if law.number("cost", act) in numbers:
        return "cost"
    if law.number("vexatious", act) in numbers:  # or repeated: a refusal of the request itself
        return "tone"
    if law.number("personal", act) in numbers:
        return "personal_data"
    return "exemption"


WHOLE_WORDS = {"cost": "refused the whole request on cost",
               "tone": "refused the whole request as vexatious or repeated",
               "exemption": "would neither confirm nor deny anything it asked",
               "personal_data": "would neither confirm nor deny anything it asked, as personal data",
               "clarity": "asked what the request meant"}
"""What a force did that met the request as a whole, by the checker's ground (see `Coverage.whole`)."""


@dataclass
class Coverage:
    campaign_name: str
    parts: list[str]  # "1", "1a", … in the letter's order
    part_texts: dict[str, str]
    forces: list[tuple[str, str]]  # (force_id, force name) in the campaign's order
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)  # (force_id, part)
    acts: dict[str, Act] = field(default_factory=dict)  # force_id -> the Act it answers under (default FOIA)
    # force_id -> the ground on which it met the request as a whole (`WHOLE_WORDS`): it refused every
    # part on cost or as vexatious, would neither confirm nor deny any part, or asked what the
    # request (not one part) meant. Its cells still say what it did with each part.
    whole: dict[str, str] = field(default_factory=dict)
    asked_first: set[str] = field(default_factory=set)  # forces that asked what was meant before replying

    def cell(self, force_id: str, part: str) -> Cell:
        return self.cells[(force_id, part)]

    def per_part(self, part: str) -> Counter[State]:
        return Counter(self.cells[(f, part)].state for f, _ in self.forces)

    def per_force(self, force_id: str) -> Counter[State]:
        return Counter(self.cells[(force_id, p)].state for p in self.parts)

    def sections_for(self, part: str, ncnd: bool | None = None) -> Counter[str]:
        """How many forces refused `part` under each section (with `ncnd`, only those that did, or
        did not, neither confirm nor deny)."""
        out: Counter[str] = Counter()
        for force_id, _ in self.forces:
            cell = self.cells[(force_id, part)]
            if cell.state is State.REFUSED and ncnd in (None, cell.ncnd):
                act = self.acts.get(force_id, Act.FOIA)
                out.update([section_under(s, act) for s in cell.sections] or ["no section"])
        return out

    def summary(self, part: str) -> str:
        """`31 of 45 forces answered part 1c; 9 refused it (s31 9); 2 would neither confirm nor deny
        holding it (s23(5) 2)`: a force that neither confirms nor denies has refused to say whether
        it holds the information, not refused to give it, and is counted in its own words."""
        counts = self.per_part(part)
        total = len(self.forces)
        bits = [f"{counts[State.ANSWERED]} of {counted(total, 'force')} answered part {part}"]
        if counts[State.PARTLY]:
            bits.append(f"{counts[State.PARTLY]} answered in part")
        ncnd = sum(self.cells[(f, part)].ncnd for f, _ in self.forces
                   if self.cells[(f, part)].state is State.REFUSED)
        for count, words, which in ((counts[State.REFUSED] - ncnd, "refused it", False),
                                    (ncnd, "would neither confirm nor deny holding it", True)):
            if count:
                cited = ", ".join(f"{s} {n}" for s, n in self.sections_for(part, which).most_common())
                bits.append(f"{count} {words} ({cited})")
        for state in (State.NOT_HELD, State.CLARIFY, State.ATTACHED, State.WAITING, State.OVERDUE):
            if counts[state]:
                bits.append(f"{counts[state]} {state.value}")
        return "; ".join(bits)

    def request_summary(self) -> str:
        """What forces did with the request as a whole, or "" when none met it as a whole:
        `The whole request: 2 of 6 forces refused the whole request on cost (s12 2)`."""
        grounds = Counter(self.whole.values())
        if not grounds:
            return ""
        bits = []
        for ground, count in grounds.most_common():
            cited: Counter[str] = Counter()
            for force_id, g in self.whole.items():
                if g == ground and ground != "clarity":
                    act = self.acts.get(force_id, Act.FOIA)
                    cited.update(list(dict.fromkeys(section_under(s, act) for p in self.parts
                                               for s in self.cell(force_id, p).sections)))
            sections = f" ({', '.join(f'{s} {n}' for s, n in cited.most_common())})" if cited else ""
            bits.append(f"{count} {WHOLE_WORDS[ground]}{sections}")
        return f"The whole request: of {counted(len(self.forces), 'force')}, " + "; ".join(bits)

    def whole_ground(self, force_id: str) -> str | None:
        """The ground on which `force_id` met the request as a whole, or None (see `whole`)."""
        cells = [self.cell(force_id, part) for part in self.parts]
        if not cells:
            return None
        clarify = sum(cell.state is State.CLARIFY for cell in cells)
        if clarify == len(cells) or (force_id in self.asked_first and not clarify):
            return "clarity"
        if any(cell.state is not State.REFUSED for cell in cells):
            return None
        act = self.acts.get(force_id, Act.FOIA)
        grounds = {ground_of(cell.sections, cell.ncnd, act) for cell in cells}
        if len(grounds) != 1:
            return None
        [ground] = grounds
        if ground in ("cost", "tone") or all(cell.ncnd for cell in cells):
            return ground  # s12 and s14 are about the request; an NCND of every part is of all of it
        return None  # every part refused under s40 or another exemption: each on its own words


_FROM_KIND = {
    ReplyKind.ANSWERED: State.ANSWERED,
    ReplyKind.PARTLY: State.PARTLY,
    ReplyKind.REFUSED: State.REFUSED,
    ReplyKind.NOT_HELD: State.NOT_HELD,
    ReplyKind.CLARIFICATION: State.CLARIFY,
}
_FROM_OUTCOME = {
    Outcome.ANSWERED: State.ANSWERED,
    Outcome.NOT_HELD: State.NOT_HELD,
    Outcome.REFUSED: State.REFUSED,
    Outcome.NCND: State.REFUSED,
    Outcome.CLARIFY: State.CLARIFY,
}
_FROM_STATUS = {
    Status.ANSWERED: State.ANSWERED,
    Status.PARTLY_ANSWERED: State.PARTLY,
    Status.REFUSED: State.REFUSED,
}


def coverage(campaign: Campaign, readings: Mapping[str, ReplyReading] | None = None,
             today: date | None = None, calendar: Calendar | None = None) -> Coverage:
    """The matrix for `campaign` on `today`; `readings` maps a force id to what its replies say."""
    readings = readings or {}
    body = letter_body(campaign.request)
    result = Coverage(
        campaign_name=campaign.name,
        parts=[p.number for p in body.parts],
        part_texts={p.number: readable(p.text, campaign.request) for p in body.parts},
        forces=[(t.force_id, t.force_name) for t in campaign.forces],
        acts={t.force_id: t.act for t in campaign.forces},
        asked_first={t.force_id for t in campaign.forces
                     if any(e.status is Status.CLARIFICATION_ASKED for e in t.events)},
    )
    for item in campaign.forces:
        reading = readings.get(item.force_id)
        fallback = _fallback(item, today, calendar)
        for part in result.parts:
            cell = reading_cell(reading, part) if reading is not None else None
            result.cells[(item.force_id, part)] = cell or fallback
    for item in campaign.forces:
        if (ground := result.whole_ground(item.force_id)) is not None:
            result.whole[item.force_id] = ground
    return result


def reading_cell(reading: ReplyReading, part: str) -> Cell | None:
    """What a reply's reading says of one part: its own words about the part, else about the
    whole part it belongs to ("1" covers "1c"), else the reply's kind; None when the reading has
    no kind a part can take (an acknowledgement, an extension, none). A part of a partly answered
    reply with no reading of its own is partly answered: that the reply names other parts does
    not say this one was answered in full (it was counted so until LEFT-S10). A part the reply
    gives no words about, where the reply points to its answer in an attachment, is in that
    attachment: not read (an answer in a file it does not hold answers nothing by itself)."""
    said = reading.parts.get(part) or _parent(reading.parts, part)
    if said is not None:
        return _from_part(said)
    if reading.kind is not None and reading.kind not in _FROM_KIND:
        return None
    if reading.unread:
        return Cell(State.ATTACHED)
    if reading.kind is None:
        return None
    state = _FROM_KIND[reading.kind]
    refused = state is State.REFUSED
    return Cell(state, tuple(reading.sections) if refused else (), refused and reading.ncnd)


def neither_confirms(sections: Iterable[str], act: Act) -> bool:
    """Whether a refusal recorded with `sections` (and no words to read) neither confirms nor
    denies: under FOISA it cites s18; under FOIA every section it cites is an exemption's limb
    that sets aside the duty to confirm or deny (s23(5), s24(2) …)."""
    sections = list(sections)
    if not sections:
        return False
    aside = [sets_aside_confirm_or_deny(s, act) for s in sections]
    return any(aside) if act is Act.FOISA else all(aside)


def _parent(parts: Mapping[str, PartReading], label: str) -> PartReading | None:
    """A sub-part takes what the force said about its whole part ("1" covers "1c")."""
    number = label.rstrip("abcdefghijklmnopqrstuvwxyz")
    return parts.get(number) if number != label else None


def _from_part(said: PartReading) -> Cell:
    return Cell(_FROM_OUTCOME[said.outcome], said.sections, said.outcome is Outcome.NCND)


def _fallback(item: Tracked, today: date | None, calendar: Calendar | None) -> Cell:
    """The cell for every part no reply read speaks to: the force's recorded status."""
    latest = next((e.status for e in reversed(item.events) if e.status in _FROM_STATUS), None)
    if latest is not None:
        state = _FROM_STATUS[latest]
        refused = state is State.REFUSED
        return Cell(state, tuple(item.sections) if refused else (),
                    refused and neither_confirms(item.sections, item.act))
    where = progress(item, today, calendar)
    if where.status is Status.CLARIFICATION_ASKED:
        return Cell(State.CLARIFY)
    return Cell(State.OVERDUE if where.overdue else State.WAITING)


# -- replies kept with the campaign ---------------------------------------------------------------
def read_attachments(campaign: Campaign, locate: Callable[[Tracked, str], Path] | None) -> dict[str, ReplyReading]:
    """What each force's attached replies say, in the order they were attached: a later reply's
    kind, sections and parts replace an earlier one's. A reply whose reading the user confirmed
    is taken as confirmed; the others are read from their files (`locate` finds one; None: only
    the confirmed readings, no file read). Files that cannot be read as a reply are passed over."""
    from composer.errors import ComposerError

    out: dict[str, ReplyReading] = {}
    for item in campaign.forces:
        merged: ReplyReading | None = None
        for attachment in item.attachments:
            if attachment.kind or attachment.parts:  # as the user confirmed it
                reading = ReplyReading(
                    kind=ReplyKind(attachment.kind) if attachment.kind else None,
                    sections=list(item.sections),
                    parts={k: PartReading.parse(v) for k, v in attachment.parts.items()},
                    ncnd=neither_confirms(item.sections, item.act), unread=attachment.unread)
            elif locate is None:
                continue
            else:
                try:
                    text = reply_text(locate(item, attachment.file))
                except ComposerError:
                    continue
                reading = read_latest(text, campaign.request, item.act, force_of(item.force_id))
            merged = reading if merged is None else _merge(merged, reading)
        if merged is not None:
            out[item.force_id] = merged
    return out


def _merge(earlier: ReplyReading, later: ReplyReading) -> ReplyReading:
    return ReplyReading(
        kind=later.kind or earlier.kind,
        sections=list(dict.fromkeys([*earlier.sections, *later.sections])),
        reference=later.reference or earlier.reference,
        dates={**earlier.dates, **later.dates},
        parts={**earlier.parts, **later.parts},
        asked=later.asked or earlier.asked,
        ncnd=later.ncnd if later.kind else earlier.ncnd,
        # the attachment itself, read later, says what the earlier pointer did not
        unread=later.unread if later.kind else earlier.unread,
    )


def stored_coverage(store: CampaignStore, name: str, today: date | None = None) -> Coverage:
    """The coverage of a saved campaign, from its recorded statuses and its attached replies."""
    campaign = store.load(name)
    folder = store.folder_for(campaign.name)
    return coverage(campaign, read_attachments(campaign, lambda _item, file: folder / file), today)


# -- the table as CSV ---------------------------------------------------------------------------
def coverage_rows(cov: Coverage) -> list[list[str]]:
    """One row per force, one column per part, after a header row."""
    rows = [["force", "force_id", *cov.parts]]
    for force_id, name in cov.forces:
        rows.append([name, force_id, *(cov.cell(force_id, p).label for p in cov.parts)])
    return rows


def coverage_csv(cov: Coverage) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(coverage_rows(cov))
    return buffer.getvalue()


def export_coverage_csv(cov: Coverage, dest: Path) -> Path:
    """Written atomically, UTF-8 with a byte-order mark so spreadsheets read accents; a taken
    name becomes "name (2)"; a folder `dest` gets a file named after the campaign. Returns the
    path written."""
    return storage.write_new(in_folder(dest, cov, ".csv"), coverage_csv(cov).encode("utf-8-sig"))


def in_folder(dest: Path, cov: Coverage, suffix: str) -> Path:
    """`dest`, or where it is a folder, a file in it named after the campaign."""
    from composer.library import slug

    dest = Path(dest)
    return dest / f"{slug(cov.campaign_name, default='campaign')} coverage{suffix}" if dest.is_dir() else dest


def counts_table(cov: Coverage, states: Iterable[State] = STATES) -> list[list[str]]:
    """Per part, how many forces are in each state (for a report)."""
    states = list(states)
    rows = [["part", *(s.value for s in states)]]
    for part in cov.parts:
        counts = cov.per_part(part)
        rows.append([part, *(str(counts[s]) for s in states)])
    return rows
