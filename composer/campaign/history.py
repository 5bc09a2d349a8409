"""What forces did with a part before: your own campaigns as evidence for the request you compose.

The checker reads a request as an FOI officer might; a campaign records what the forces really
did with it. When a part you are writing is one you have sent before (the same words, or nearly:
most of its three-word runs shared), the forces' replies to it are the best foresight there is,
since the same request tends to meet the same answer. This module gathers, from every saved
campaign, each part's replies (the coverage matrix: recorded statuses and the reply readings you
confirmed; no reply file is read, so it is quick) and turns them into findings on the matching
parts of a request: on each ground, how many of the forces that replied met the part that way
(refused it on cost, as personal data, under another exemption or as vexatious, or asked what was
meant). Where more than half of at least three replies met the part on one ground, that is a
warning (more likely than not, on real replies); under an exemption, more than half of any replies
(`MIN_REPLIES_ON`); where a quarter or more did, a note; a ground
fewer met it on is left unsaid, so a part that mostly went through is not cluttered.

Qt-free: the app's main window reads the campaigns and hands the history to the findings panel,
and the CLI's `check` reads it too. bench/corpus_eval.py does not use it: it asks about requests
never seen.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from composer import law
from composer.campaign.model import Campaign, Status
from composer.checker.findings import Finding
from composer.checker.patterns import MONTHS, Memo
from composer.coverage import WHOLE_WORDS, Coverage, State, coverage, ground_of, read_attachments
from composer.dates import EARLIEST, LATEST
from composer.law import section_under
from composer.model import PAST_GROUNDS, Act, PastPart, Request, counted

# A part you compose matches a part sent before when this share of the shorter one's three-word
# runs is in the longer one: a reworded sentence or a changed date still matches; a different ask does not.
SAME_PART = 0.8
MIN_REPLIES = 3  # fewer replies than this say too little for a warning ...
# ... except on an exemption or a neither-confirm-nor-deny stance, where one reply can be enough.
# A force that gets a request sent to many forces can refer it to the National Police Chiefs'
# Council's Central Referral Unit, which advises forces how to answer it so that they answer alike;
# it advised on 1,706 requests in the first three months of 2024, about one in eleven, and has
# told forces to neither confirm nor deny and to withdraw answers already given (BBC Shared Data
# Unit, March 2025: github.com/BBC-Data-Unit/police-transparency). A stance on a sensitive
# subject is that advice, not the force's own records; how long a search takes is each force's
# own, so cost keeps the three. On the campaigns gathered in session 10, when one force met a
# request under an exemption another did so 18 times in 19 pairs, on cost 8 in 18.
MIN_REPLIES_ON = {"exemption": 1}
_ADVISED = ("Forces are advised nationally how to answer a request sent to many of them, so that they answer "
            "it alike: one force's stance on an exemption is likely to be the others'.")
NOTE_SHARE = 0.25  # a ground fewer forces than this share met the part on is left unsaid: it went through

GROUNDS = PAST_GROUNDS
_GROUND_WORDS = {"cost": "refused it on cost", "clarity": "asked what you meant",
                 "personal_data": "withheld it as personal data",
                 "exemption": "refused it under another exemption or would neither confirm nor deny",
                 "tone": "refused it as vexatious or repeated"}
# What to do about a request forces met as a whole on a ground.
_WHOLE_ADVICE = {
    "clarity": "say what you mean in the request",
    "cost": "cut the request down or split it (a force may add the cost of its parts together)",
    "tone": "check its tone and that it does not repeat a request the forces have already answered",
    "exemption": "ask for figures and policies that do not depend on whether a particular operation, tactic or "
                 "source exists",
    "personal_data": "ask for figures about groups of people, not about anyone who could be identified",
}
# Each ground's section, as the checker's sections name it (personal data: FOIA s40, FOISA s38),
# and whether its finding cites the whole section rather than the subsection the checker's does.
_TOPIC = {"cost": ("cost", False), "clarity": ("clarify", False), "personal_data": ("personal", True),
          "tone": ("vexatious", True)}


def _law(ground: str, act: Act) -> str:
    """The law a finding on `ground` cites: `FOISA s38`; another exemption cites the Part that holds them."""
    if ground not in _TOPIC:
        return law.LAW["exemptions"][act]
    topic, whole = _TOPIC[ground]
    return law.short(topic, act, whole=whole)


_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class PartRecord:
    """What the forces of one campaign did with one part."""

    campaign: str  # "" for a record a shared template carried (it names no campaign)
    part: str  # its number in that campaign's letter ("" in a template's record)
    sent: str  # the day it went (YYYY-MM-DD), or the month for a template's record; "" if unknown
    replied: int  # forces that answered, refused, said not held or asked what was meant
    met: dict[str, int] = field(default_factory=dict)  # ground -> forces that met the part on it
    answered: int = 0  # in full or in part
    sections: tuple[str, ...] = ()  # the sections cited, most cited first
    # ground -> forces that met the whole request on it (`coverage.WHOLE_WORDS`), counted once per
    # request and not in `met`; None: a format 3 template's record, which folded them into `met`
    whole: dict[str, int] | None = field(default_factory=dict)
    partly: int | None = 0  # of `answered`, those that answered it only in part; None: a format 3 record kept none

    def words(self) -> str:
        """`Your campaign in 'PP 2026' (sent 2026-01-05), part 3: of the 30 forces that replied, …`."""
        when = f" (sent {self.sent})" if self.sent else ""
        bits = [f"{n} {_GROUND_WORDS[g]}" for g, n in sorted(self.met.items(), key=lambda kv: -kv[1]) if n]
        bits += [f"{n} {WHOLE_WORDS[g]}" for g, n in sorted((self.whole or {}).items(), key=lambda kv: -kv[1]) if n]
        cited = f"; sections cited: {', '.join(self.sections)}" if self.sections else ""
        where = (f"Your campaign in '{self.campaign}'{when}, part {self.part}" if self.campaign else
                 f"The record this template carries{when}")
        answered = (f"{self.answered} answered it ({self.partly} of them only in part)" if self.partly
                    else f"{self.answered} answered it")
        return (f"{where}: of the {counted(self.replied, 'force')} that replied, {answered}"
                + "".join(f", {bit}" for bit in bits) + cited + ".")

    def sending(self) -> tuple[str, ...]:
        """Which sending this record is of: its campaign, or for a record a template carries (which
        names none) the month it went and how many forces replied, so that each sending a template
        carries counts once, and each once only."""
        return (self.campaign,) if self.campaign else ("", self.sent, str(self.replied))

    def counts(self) -> tuple:
        """What a shared template keeps of this record, bar its words and sections, in a form the
        same sending carried by a format 3 template (which folded `whole` into `met`) also has."""
        met = Counter({g: n for g, n in self.met.items() if n})
        met.update(self.whole or {})
        return self.sent[:7], self.replied, self.answered, tuple(sorted((g, n) for g, n in met.items() if n))

    @classmethod
    def carried(cls, past: PastPart) -> PartRecord:
        """A record a shared template carried."""
        return cls("", "", past.sent, past.replied, dict(past.met), past.answered, tuple(past.sections),
                   None if past.whole is None else dict(past.whole), past.partly)

    def to_share(self, text: str) -> PastPart:
        """This record as a shared template carries it: the counts and the month, no name."""
        return PastPart(text=text, sent=self.sent[:7], replied=self.replied, answered=self.answered,
                        met={g: n for g, n in self.met.items() if n}, sections=list(self.sections),
                        partly=self.partly, whole={g: n for g, n in (self.whole or {}).items() if n}
                        if self.whole is not None else None)


def records(campaign: Campaign, cov: Coverage) -> dict[str, PartRecord]:
    """Per part number of `campaign`'s letter, what its forces did with it. A force that met the
    request as a whole (`Coverage.whole`: asked what it all meant, refused all of it on cost or as
    vexatious, would neither confirm nor deny any of it) is counted once for the request in `whole`,
    not as meeting each part on that ground: one such reply put a note on every part of the letter."""
    first = min((item.sent for item in campaign.forces), default=None)
    sent = first.isoformat() if first else ""
    out: dict[str, PartRecord] = {}
    for part in cov.parts:
        met: Counter[str] = Counter()
        whole: Counter[str] = Counter()
        answered = replied = partly = 0
        cited: Counter[str] = Counter()
        for force_id, _ in cov.forces:
            cell = cov.cell(force_id, part)
            clarified = force_id in cov.asked_first or cell.state is State.CLARIFY
            if cell.state in (State.WAITING, State.OVERDUE, State.ATTACHED) and not clarified:
                # (an answer in an attachment not read says nothing of what was done yet)
                continue
            replied += 1
            act = cov.acts.get(force_id, Act.FOIA)
            if force_id in cov.whole:
                whole[cov.whole[force_id]] += 1
            elif clarified:
                met["clarity"] += 1
            if cell.state in (State.ANSWERED, State.PARTLY):
                answered += 1
                partly += cell.state is State.PARTLY
            elif cell.state is State.REFUSED:
                if force_id not in cov.whole:
                    met[ground_of(cell.sections, cell.ncnd, act)] += 1
                cited.update(section_under(section, act) for section in cell.sections)
        if replied:
            out[part] = PartRecord(campaign.name, part, sent, replied, dict(met), answered,
                                   tuple(s for s, _ in cited.most_common()), dict(whole), partly)
    return out


_MONTH_WORDS = frozenset(MONTHS) | {month[:3] for month in MONTHS} | {"sept"}
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and EARLIEST.year <= int(word) <= LATEST.year


def _words(text: str) -> list[str]:
    """The words of `text` with its dates made alike, so that a part sent again for another period
    ("between 1 April 2024 and 31 March 2025" for "… 1 January 2023 and 31 December 2023", "2024/25"
    for "2022/23") is the same part: a year is "year", a month written beside a day or a year is
    "month", that day "day" (a month name elsewhere, "may", stays a word)."""
    words = _WORD.findall(text.lower())
    out: list[str] = []
    for i, word in enumerate(words):
        before, after = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
        if _is_year(word) or (len(word) == 2 and word.isdigit() and _is_year(before)):  # 2023, 2022/23
            word = "year"
        elif word in _MONTH_WORDS and (_DAY.fullmatch(before) or _is_year(after)):
            word = "month"
        elif _DAY.fullmatch(word) and after in _MONTH_WORDS:
            word = "day"
        out.append(word)
    return out


def _runs(text: str) -> frozenset[tuple[str, ...]]:
    words = _words(text)
    return frozenset(zip(words, words[1:], words[2:])) if len(words) >= 3 else frozenset({tuple(words)})


def _share(a: frozenset, b: frozenset) -> float:
    """The share of the shorter text's three-word runs found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def likeness(a: str, b: str) -> float:
    """How nearly two parts' words are the same part (`SAME_PART` and over: the same), as a part
    you compose is matched to one sent before."""
    return _share(_runs(a), _runs(b))


class History:
    """Every saved campaign's parts and what forces did with them, looked up by a part's words."""

    def __init__(self, entries: Iterable[tuple[str, PartRecord]] = ()) -> None:
        self._entries: dict[frozenset, list[PartRecord]] = {}  # the same words sent again share one entry
        self._gather((_runs(text), record) for text, record in entries)
        self._seen = Memo(4096)  # (text, number) -> the records about it
        self._found = Memo(16384)  # a part as read -> its findings

    def _gather(self, entries: Iterable[tuple[frozenset, PartRecord]]) -> None:
        """Each record under its part's three-word runs."""
        for runs, record in entries:
            self._entries.setdefault(runs, []).append(record)

    def plus(self, carried: Iterable[PastPart]) -> History:
        """This history and the records a shared template carries, as one."""
        merged = History()
        merged._entries = {runs: list(records) for runs, records in self._entries.items()}
        for past in carried:
            merged._entries.setdefault(_runs(past.text), []).append(PartRecord.carried(past))
        return merged

    def __len__(self) -> int:
        return sum(len(records) for records in self._entries.values())

    def about(self, text: str, number: str = "") -> tuple[PartRecord, ...]:
        """The records of parts sent before with (nearly) these words, one per campaign: the
        closest, and of equally close ones the part numbered `number` (a request may ask the same
        sub-question of two systems). Remembered per text, so a keystroke looks up only the part
        being typed in."""
        return self._seen.recall((text, number), self._about, text, number)

    def _about(self, text: str, number: str) -> tuple[PartRecord, ...]:
        runs = _runs(text)
        best: dict[tuple, tuple[float, bool, PartRecord]] = {}
        for seen, records in self._entries.items():
            share = _share(runs, seen)
            if share < SAME_PART:
                continue
            for record in records:
                rank = (share, record.part == number, record)
                sending = record.sending()
                if sending not in best or rank[:2] > best[sending][:2]:
                    best[sending] = rank
        found = [rank[2] for rank in best.values()]
        # A template you shared and opened again carries your own campaign's counts: count them once.
        yours = {record.counts() for record in found if record.campaign}
        return tuple(r for r in found if r.campaign or r.counts() not in yours)

    def findings(self, request: Request, act: Act = Act.FOIA, numbered=None) -> list[Finding]:
        """One finding per ground per part of `request` that forces met on that ground before.
        Remembered per part (its words, number and the request's fields), so a keystroke redoes
        only the part being typed in."""
        if not self._entries:
            return []
        fields = tuple(sorted(request.fields.items()))
        out: list[Finding] = []
        for numbered in numbered if numbered is not None else request.numbered():
            key = (numbered.part.text, numbered.number, numbered.part.id, act, fields)
            out.extend(self._found.recall(key, self._part_findings, numbered, request, act))
        return out

    def request_findings(self, request: Request, act: Act = Act.FOIA, numbered=None) -> list[Finding]:
        """One finding per ground on which forces met the request as a whole when it was sent before
        (in a campaign, or a sending a shared template carries, whose parts it shares): asked what it
        meant, refused all of it on cost or as vexatious, would neither confirm nor deny any of it.
        A format 3 template's record (`whole` None) kept these on each part: it counts there."""
        from composer.law import readable

        per: dict[tuple, PartRecord] = {}  # sending -> its record with the most forces replying
        for numbered_part in numbered if numbered is not None else request.numbered():
            for r in self.about(readable(numbered_part.part.text, request), numbered_part.number):
                if r.whole is not None:
                    sending = r.sending()
                    kept = per.get(sending)
                    if kept is None:
                        per[sending] = PartRecord(r.campaign, "", r.sent, r.replied, whole=dict(r.whole))
                        continue
                    if kept.replied >= r.replied and all(kept.whole.get(g, 0) >= n for g, n in r.whole.items()):
                        continue  # every part of one sending carries the same record of the whole: nothing new
                    whole = dict(kept.whole)
                    for ground, n in r.whole.items():
                        whole[ground] = max(n, whole.get(ground, 0))  # the most of each
                    per[sending] = PartRecord(r.campaign, "", r.sent, max(r.replied, kept.replied), whole=whole)
        replied = sum(r.replied for r in per.values())
        when = "you sent it" if per and all(r.campaign for r in per.values()) else "it was sent before"
        yours = next((r.campaign for r in per.values() if r.campaign), None)
        out: list[Finding] = []
        for ground in GROUNDS:
            met = sum(r.whole.get(ground, 0) for r in per.values())
            if not met or met < NOTE_SHARE * replied:
                continue
            likely = replied >= MIN_REPLIES_ON.get(ground, MIN_REPLIES) and met * 2 > replied
            words = "asked what you meant before answering" if ground == "clarity" else WHOLE_WORDS[ground]
            read = (f"Read what they {'asked' if ground == 'clarity' else 'said'} (Follow up › Coverage in the app, "
                    f"or `foi-composer campaign coverage \"{yours}\"`)" if yours else
                    "Ask whoever shared the template what the forces said")
            out.append(Finding(
                rule=f"history.{ground}", category=ground, severity="warning" if likely else "info", part_id=None,
                law=_law(ground, act), ncnd=ground in ("exemption", "personal_data"),
                message=(f"Forces have met this request before: {met} of the {counted(replied, 'force')} that "
                         f"replied when {when} {words}" + (", so it is more likely than not again." if likely else ".")),
                suggestion=f"{read} and {_WHOLE_ADVICE[ground]} before sending it again.",
                reasoning=tuple(
                    (f"Your campaign in '{r.campaign}'" if r.campaign else
                     f"The record this template carries{f' (sent {r.sent})' if r.sent else ''}")
                    + f": {r.whole[ground]} of the {counted(r.replied, 'force')} that replied {WHOLE_WORDS[ground]}."
                    for r in per.values() if r.whole.get(ground))
                + ((_ADVISED,) if likely and replied < MIN_REPLIES else ())))
        return out

    def _part_findings(self, numbered, request: Request, act: Act) -> tuple[Finding, ...]:
        from composer.law import readable

        found = self.about(readable(numbered.part.text, request), numbered.number)
        if not found:
            return ()
        out: list[Finding] = []
        replied = sum(r.replied for r in found)
        yours = next((r.campaign for r in found if r.campaign), None)
        if yours:
            # Replies to a sending a template carried are someone else's: "you sent it" only when all are yours.
            when = "you sent it" if all(r.campaign for r in found) else "it was sent before"
            suggestion = (f"Read how those forces put it (Follow up › Coverage in the app, or `foi-composer campaign "
                          f"coverage \"{yours}\"`) and reword the part before sending it again.")
        else:  # only the record a shared template carries: someone else sent it
            when = "it was sent before"
            suggestion = ("Reword the part before sending it, or ask whoever shared the template how the forces "
                          "put it.")
        for ground in GROUNDS:
            met = sum(r.met.get(ground, 0) for r in found)
            if not met or met < NOTE_SHARE * replied:
                continue
            likely = replied >= MIN_REPLIES_ON.get(ground, MIN_REPLIES) and met * 2 > replied
            out.append(Finding(
                rule=f"history.{ground}", category=ground, severity="warning" if likely else "info",
                part_id=numbered.part.id, law=_law(ground, act),
                message=(f"Forces have met this part before: {met} of the {counted(replied, 'force')} that "
                         f"replied when {when} {_GROUND_WORDS[ground]}"
                         + (", so it is more likely than not again." if likely else ".")),
                suggestion=suggestion,
                reasoning=tuple(r.words() for r in found) + ((_ADVISED,) if likely and replied < MIN_REPLIES else ())))
        return tuple(out)


def saved_history(store=None) -> tuple[History, list[str]]:
    """The history of the campaigns saved in the data folder (or `store`), and a line for each
    damaged campaign file, set aside as the campaign list sets it aside."""
    from composer.campaign.store import CampaignStore

    listing = (store or CampaignStore()).list()
    return history_of(entry.campaign for entry in listing.entries), listing.problems


def shared_history() -> History | None:
    """The saved campaigns' history for a shared template to carry (counts only), or None when the
    campaigns cannot be read: the template is then shared without it."""
    from composer.errors import ComposerError

    try:
        return saved_history()[0]
    except (ComposerError, OSError):
        return None


# What each campaign holds for the history (its parts' three-word runs and records), by name: the
# digest of the campaign's JSON and what was gathered from it, so that when a reply is recorded only
# that campaign is gathered again, and only the latest of each campaign is kept.
_GATHERED: dict[str, tuple[bytes, tuple]] = {}
_GATHERED_LIMIT = 256  # campaigns remembered; when full it empties before the next
_LAST: list = [None, None]  # the entries last gathered, and the History made of them


def history_of(campaigns: Iterable[Campaign]) -> History:
    """The history in `campaigns`, from what each records and the reply readings confirmed. Each
    campaign is remembered by its content (its JSON's digest, a fraction of a millisecond), so a
    campaign unchanged since the last call is not gathered again; when no record changed, the
    History of the last call comes back, with what it found remembered."""
    entries: list[tuple[frozenset, PartRecord]] = []
    for campaign in campaigns:
        digest = hashlib.sha256(campaign.model_dump_json().encode("utf-8")).digest()
        last = _GATHERED.get(campaign.name)
        if last is None or last[0] != digest:
            if len(_GATHERED) >= _GATHERED_LIMIT:
                _GATHERED.clear()
            last = _GATHERED[campaign.name] = (digest, _gathered(campaign))
        entries.extend(last[1])
    if entries != _LAST[0]:
        history = History()
        history._gather(entries)
        _LAST[:] = entries, history
    return _LAST[1]


def _gathered(campaign: Campaign) -> tuple[tuple[frozenset, PartRecord], ...]:
    cov = coverage(campaign, read_attachments(campaign, locate=None))
    return tuple((_runs(cov.part_texts[part]), record) for part, record in records(campaign, cov).items())


def with_history(findings: list[Finding], request: Request, history: History | None,
                 act: Act = Act.FOIA) -> list[Finding]:
    """`findings` with what forces did before on the parts they met, each placed with its part's
    own findings (request-wide findings first, then part by part in the letter's order)."""
    history = _with_carried(history, request.past)
    if history is None or not len(history):
        return findings
    numbered = request.numbered()
    past = [*history.request_findings(request, act, numbered), *history.findings(request, act, numbered)]
    if not past:
        return findings
    order = {n.part.id: i for i, n in enumerate(numbered)}
    return sorted([*findings, *past], key=lambda f: -1 if f.part_id is None else order.get(f.part_id, len(order)))


_MERGED: dict[tuple, tuple[History | None, History]] = {}


def _with_carried(history: History | None, carried: list[PastPart]) -> History | None:
    """`history` with the records the request itself carries (a shared template's), remembered
    while neither changes, so that a keystroke keeps the findings remembered per part."""
    if not carried:
        return history
    key = (id(history), tuple(p.model_dump_json() for p in carried))
    kept = _MERGED.get(key)
    if kept is None or kept[0] is not history:
        kept = (history, (history or History()).plus(carried))
        _MERGED.clear()  # one request is checked at a time
        _MERGED[key] = kept
    return kept[1]


def to_share(request: Request, shared: Request, history: History | None) -> list[PastPart]:
    """What a shared copy of `request` carries of what forces did with it: for each part of
    `shared` (the cleaned copy, whose words it keeps), the records of the same part of `request`
    in `history`, and the records it already carried (as cleaned in `shared`). Counts and months
    only."""
    from composer.law import readable

    out = list(shared.past)  # carried in before, as cleaned for sharing
    if history is not None and len(history):
        before = {n.part.id: n for n in request.numbered()}
        for numbered in shared.numbered():
            original = before.get(numbered.part.id)
            if original is None:
                continue
            text = readable(numbered.part.text, shared)
            for record in history.about(readable(original.part.text, request), original.number):
                if record.campaign:  # not a record carried in from elsewhere: that one is in request.past
                    out.append(record.to_share(text))
    unique: dict[str, PastPart] = {}
    for past in out:
        unique.setdefault(past.model_dump_json(), past)
    return list(unique.values())


def carried_words(shared: Request, *, yours: bool = True) -> str | None:
    """What a shared template carries of forces' replies, in words (`yours`: records of your own
    campaigns are in it; otherwise only what it carried when you received it); None when it carries
    nothing."""
    if not shared.past:
        return None
    parts = counted(len({past.text for past in shared.past}), "part")
    return (f"what forces did with {parts} when {'you sent them' if yours else 'they were sent before'} "
            "(counts of forces and the month; no campaign name, force or person)")


def adds_yours(request: Request, shared: Request) -> bool:
    """Whether `shared` (a copy of `request` to share) carries records of your own campaigns, not
    only those `request` carried in from a template you received."""
    return len(shared.past) > len(request.past)
