"""Fit a request written for one force to every force.

A request copied from one force's letter carries that force in its words: its name ("the MPS",
"West Midlands Police's"), its Act ("under the Freedom of Information Act 2000", "section 16"),
its equality duty ("s149 Equality Act 2010"), its cost limit ("£450"), and part numbers in a
format sentence that a reorder makes wrong. `fitted_texts()` finds each of these and puts a
`{field}` in its place, which every letter fills for its own force (composer.law.field_values):
the force's name with the grammar of the sentence, its Act and sections, its duty, its limit.
Words that say nothing specific to one force are kept exactly as the user wrote them. A name
next to a system that belongs to that force alone ("the V100 programme … deployed by the MPS")
is kept, and the checker tells other forces about it.

Each change is returned as a `Change` the user can read and undo on its own (`restored_text`).
Pure functions: no I/O, no Qt; they say what the new text is and never change a request:
composer.operations.fitting applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from composer.errors import ComposerError
from composer.force_names import find_forces, find_systems
from composer.law import LAWS
from composer.model import Act, Request

TITLE = "title"
INTRODUCTION = "introduction"
COST_WORDING = "cost_limit_wording"
FORMAT_WORDING = "format_wording"


@dataclass(frozen=True)
class Change:
    """One piece of a request's text turned into a field that each letter fills for its force."""

    place: str  # TITLE, INTRODUCTION, COST_WORDING, FORMAT_WORDING, or a part's id
    start: int  # where `after` starts in the place's text after the change
    before: str  # as the user wrote it
    after: str  # what it became: "{force_name}"
    why: str  # what each letter writes there, in the user's words


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    after: str
    why: str


WHY_NAME = "each letter names the force it goes to"
WHY_ACT = "each letter names the force's own Act"
WHY_SECTION = "each letter cites its own Act's section"
WHY_DUTY = "each letter names the equality duty that binds the force"
WHY_LIMIT = "each letter states its own Act's cost limit"
WHY_PARTS = "the numbers of the parts the format is for, as the letter numbers them"
WHY_CHIEF = "each letter asks about the chief officer of the force it goes to, by that force's title"
WHY_CHIEF_NAMED = ("each letter asks about the chief officer of the force it goes to, by that force's "
                   "title: the person named holds one force's office")
WHY_TITLE = "each letter gives its own force's title for its chief officer"

_ACT_TITLE = re.compile(
    r"\bFreedom\s+of\s+Information\s+(?:\(\s*Scotland\s*\)\s+)?Act(?:\s+(?:2000|2002))?(?:\s*\((?:FOIS?A)\))?",
    re.IGNORECASE,
)
_ACT_SHORT = re.compile(r"\bFOI\s+Act\b|\bFOI\s*\(\s*S\s*\)\s*A\b|\bFOIS?A\b")
_FOISA_NAMED = re.compile(r"\(\s*Scotland\s*\)\s+Act|\bFOISA\b|\bFOI\s*\(\s*S\s*\)\s*A\b|Act\s+2002", re.IGNORECASE)
_SECTION = re.compile(r"\b(?:section|s\.?)\s?(\d{1,2})(?![\d(])(?!\s+of\s+the\s+(?!Freedom|FOI)\w)", re.IGNORECASE)
_DUTY = re.compile(
    r"(?:\bthe\s+)?(?:"
    r"public\s+sector\s+equality\s+duty(?:\s*\(PSED\))?"
    r"(?:\s*,?\s*(?:under|in|of|as\s+set\s+out\s+in)\s+(?:the\s+)?(?:s\.?\s?|section\s+)149(?:\s*\(1\))?"
    r"(?:\s+of)?(?:\s+the)?\s+Equality\s+Act(?:\s+2010)?)?"
    r"|(?:s\.?\s?|section\s+)149(?:\s*\(1\))?(?:\s+of)?(?:\s+the)?\s+Equality\s+Act(?:\s+2010)?"
    r"|\bPSED\b"
    r")",
    re.IGNORECASE,
)
_POSSESSIVE_BEFORE = re.compile(r"(?:['’]s|\b(?:its|their|your|our|the\s+force's))\s+$", re.IGNORECASE)
PART_REFS = re.compile(
    r"\b(?:questions?|parts?|points?|items?|requests?)\s+"
    r"((?:Q?\d{1,2}[a-z]?)(?:\s*(?:,|and|&|or|to|-|–)\s*(?:Q?\d{1,2}[a-z]?))*)"
    r"|\bQ(\d{1,2}[a-z]?(?:\s*(?:,|and|&)\s*Q?\d{1,2}[a-z]?)*)\b",
    re.IGNORECASE,
)
"""Part numbers a sentence names: group 1 after "questions"/"parts", group 2 after a "Q"."""


def _limit_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Cost-limit figures of either Act, from composer.law."""
    pounds = "|".join(sorted({str(law.cost_limit_pounds) for law in LAWS.values()}))
    hours = "|".join(sorted({f"{law.cost_limit_hours:g}" for law in LAWS.values()}))
    rates = "|".join(sorted({str(law.hourly_rate_pounds) for law in LAWS.values()}))
    return [
        (re.compile(rf"£\s?(?:{rates})(?:\.00)?(?=\s+(?:an|per|a)\s+hour)", re.IGNORECASE), "{hourly_rate}"),
        (re.compile(rf"£\s?(?:{pounds})(?:\.00)?(?!\d)"), "{cost_limit_pounds}"),
        (re.compile(rf"\b(?:{hours})(?=\s+(?:staff\s+)?hours\b)"), "{cost_limit_hours}"),
    ]


def _written_under(request: Request) -> Act:
    """The Act the request was written for: FOISA when it cites it, else FOIA."""
    texts = [request.introduction or "", request.options.cost_limit_wording or "",
             *(p.text for p in request.all_parts())]
    return Act.FOISA if any(_FOISA_NAMED.search(t) for t in texts) else Act.FOIA


def _home_force(request: Request) -> str | None:
    """The force the request was written for: the one it names most (the first, on a tie).
    Other forces it names are asked about, not written to, and stay as they are."""
    counts: dict[str, int] = {}
    for _, text in _places(request):
        for mention in find_forces(text):
            counts[mention.force_id] = counts.get(mention.force_id, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


# The advice section is cited in a sentence about advice or the Act ("Under section 16, please
# advise me …"); a "section 16" among searches or warrants is another Act's, and stays as written.
_ABOUT_ADVICE = re.compile(r"\badvi[cs]|\bassist|\bhelp|Freedom of Information|\bFOI|\bthe Act\b", re.IGNORECASE)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding text[start:end]."""
    before = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("?", 0, start))
    after = [i for i in (text.find(".", end), text.find("\n", end), text.find("?", end)) if i >= 0]
    return text[before + 1:min(after, default=len(text))]


# -- the chief officer ----------------------------------------------------------------------------
# A request sent to every force asks each about its own chief officer, by that force's title: "Sir Mark
# Rowley, the Metropolitan Police Commissioner" is the Met's alone, and Kent's letter asks about the
# Chief Constable of Kent Police. The titles and the offices the law names otherwise ("Commissioner of
# Police of the Metropolis") are the force directory's (`Force.chief_officer`, `Force.chief_office_name`). The office is found
# written with the request's own force ("the Chief Constable of West Midlands Police", "the Met
# Commissioner", "Kent Police's Chief Constable"), by the name the law gives it, or as a bare "the
# Chief Constable"; a person named beside it ("…, Sir Craig Guildford,") goes with it. An office of
# another force the request asks about stays as written; so do deputies and assistants.


@dataclass(frozen=True)
class _Offices:
    titles: re.Pattern[str]  # any force's chief officer's title
    named: re.Pattern[str] | None  # an office the law names otherwise, with a leading "the"
    named_ids: dict[str, str]  # that office's words, lower case, single spaces -> force id
    commissioners: frozenset[str]  # forces whose chief officer's title is not the usual one's


_OFFICES_READ: list[tuple[object, _Offices]] = []  # the directory's forces, and what was read from them


def _offices() -> _Offices:
    from composer.force_names import _directory_forces

    directory = _directory_forces()  # the same tuple while the directory's files stay as they are
    if _OFFICES_READ and _OFFICES_READ[0][0] is directory:
        return _OFFICES_READ[0][1]
    _OFFICES_READ[:] = [(directory, _offices_of(directory))]
    return _OFFICES_READ[0][1]


def _offices_of(directory) -> _Offices:
    forces = [f for f in directory if f.chief_officer is not None]
    titles = sorted({f.chief_officer for f in forces}, key=len, reverse=True)
    named = {" ".join(f.chief_office_name.lower().split()).removeprefix("the "): f.id for f in forces
             if f.chief_office_name and not find_forces(f.chief_office_name)}
    counts: dict[str, int] = {}
    for f in forces:
        counts[f.chief_officer] = counts.get(f.chief_officer, 0) + 1
    usual = max(counts, key=counts.__getitem__) if counts else ""
    spaced = "|".join(r"\s+".join(map(re.escape, t.split())) for t in titles)
    office_re = None
    if named:
        office_re = re.compile(r"(?:\bthe\s+)?\b(?:" + "|".join(r"\s+".join(map(re.escape, o.split()))
                                                             for o in sorted(named, key=len, reverse=True)) + r")\b",
                               re.IGNORECASE)
    return _Offices(re.compile(rf"\b(?:{spaced})\b", re.IGNORECASE), office_re, named,
                    frozenset(f.id for f in forces if f.chief_officer != usual))


_DETERMINER = re.compile(r"\b(the|your|its|our)\s+$", re.IGNORECASE)
# Under the chief officer, or another office; or a past or future holder, who is one person ("the then
# Chief Constable", "the former Commissioner"): these stay as written.
_UNDER = re.compile(r"\b(?:deputy|assistant|temporary|acting|police\s+and\s+crime|information|then|former|ex-?|late|"
                    r"previous|retired|new|incoming|outgoing|next)\s*$", re.IGNORECASE)
_BARE = re.compile(r"\bchief\s+constable\b(?![\w-])(?!\s+of\b)", re.IGNORECASE)
_COMMISSIONER = re.compile(r"\bCommissioner\b(?!\s+of\b)")


def _with_person(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The office at `start:end` widened to take in a person named beside it: "Sir Mark Rowley, the
    Commissioner," / "the Chief Constable, Sir Craig Guildford," / "Chief Constable Sir Craig
    Guildford"; and whether it did."""
    from composer.library import name_at, name_before

    comma = re.match(r"\s*,\s*", text[end:])
    if comma:
        person = name_at(text, end + comma.end())
        if person is not None:
            after = person[1] + 1 if text[person[1]:person[1] + 1] == "," else person[1]
            return start, after, True
    gap = re.match(r"[ \t]+(?=(?:Sir|Dame|Mr|Mrs|Ms|Miss|Mx|Dr|Lord|Lady)\b|\[name\])", text[end:])
    if gap:
        person = name_at(text, end + gap.end())
        if person is not None:
            return start, person[1], True
    before = re.search(r",\s*$", text[max(0, start - 3):start])
    if before:
        person = name_before(text, start - len(before.group(0)))
        if person is not None:
            after = end + 1 if text[end:end + 1] == "," else end
            return person[0], after, True
    return start, end, False


_HELD = "kept as written"  # an edit that changes nothing and keeps other edits off its text


def _chief_edits(text: str, home: str | None, add, keep: frozenset[str] = frozenset()) -> list[str]:
    """Add the edits that make the request's own force's chief officer each letter's own; returns the
    people named with the office, for their other mentions. An office with a person in `keep` (names
    as `composer.library.name_key` gives them: a shared template's office-holder the user keeps) stays
    as written, the force's name in it too."""
    from composer.library import name_key
    offices = _offices()
    found: list[tuple[int, int, bool]] = []  # (start, end, full office)
    if offices.named is not None:
        for m in offices.named.finditer(text):
            said = " ".join(m.group(0).lower().split()).removeprefix("the ")
            if offices.named_ids.get(said) == home or home is None:
                found.append((m.start(), m.end(), True))
    for mention in find_forces(text):
        if mention.force_id != home:
            continue  # another force's chief officer, asked about
        of = re.search(r"(?:\bthe\s+)?(" + offices.titles.pattern + r")\s+of\s+$", text[:mention.start],
                       re.IGNORECASE)
        if of and not _UNDER.search(text, 0, of.start(1)):
            found.append((of.start(), mention.end, True))
            continue
        title = re.compile(r"\s+(" + offices.titles.pattern + r")(?![\w-])(?!\s+of\b)", re.IGNORECASE).match(text, mention.end)
        if title:
            found.append((mention.start, title.end(), True))
    for m in _BARE.finditer(text):
        if not _UNDER.search(text, 0, m.start()):
            found.append((m.start(), m.end(), False))
    if home in offices.commissioners:  # "Sir Mark Rowley, the Commissioner," in a request to the Met
        for m in _COMMISSIONER.finditer(text):
            if re.search(r"\bthe\s+$", text[:m.start()]):
                found.append((m.start(), m.end(), False))
    people = []
    taken: list[tuple[int, int]] = []
    for start, end, full in sorted(found):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        determiner = _DETERMINER.search(text, max(0, start - 6), start)
        whole_start = determiner.start() if determiner and not full else start
        s, e, named = _with_person(text, whole_start, end)
        if named:
            person = (text[s:whole_start] if s < whole_start else text[end:e]).strip(" ,")
            if keep and name_key(person) in keep:
                add(s, e, text[s:e], _HELD)
                continue
            people.append(person)
        if full or (named and (determiner is None or determiner.group(1).lower() == "the")):
            add(s, e, "{chief_officer}", WHY_CHIEF_NAMED if named else WHY_CHIEF)
        elif named:  # "your Chief Constable, Sir Craig Guildford,"
            add(whole_start, e, f"{determiner.group(1)} {{chief_officer_title}}", WHY_CHIEF_NAMED)
        else:
            add(start, end, "{chief_officer_title}", WHY_TITLE)
    return people


def _chiefs_named(request: Request, home: str | None, keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The people a request names with its own force's chief office, wherever it does: named again
    alone ("Did Sir Mark Rowley meet …"), they are that office-holder too."""
    people: list[str] = []
    for _, text in _places(request):
        people += _chief_edits(text, home, lambda *_: None, keep)
    return tuple(dict.fromkeys(p for p in people if p != "[name]"))


def _edits(text: str, place: str, request: Request, source: Act, home: str | None,
           chiefs: tuple[str, ...] = (), keep: frozenset[str] = frozenset()) -> list[_Edit]:
    edits: list[_Edit] = []

    def add(start: int, end: int, after: str, why: str) -> None:
        if start >= end or (text[start:end] == after and why != _HELD):
            return
        if any(start < e.end and e.start < end for e in edits):
            return  # a longer recogniser has this text already
        edits.append(_Edit(start, end, after, why))

    for m in _DUTY.finditer(text):
        start = m.start()
        if m.group(0).lower().startswith("the "):
            after = "{equality_duty}"
        elif _POSSESSIVE_BEFORE.search(text, 0, start):
            after = "{equality_duty_bare}"
        elif re.search(r"\bthe\s+$", text[:start], re.IGNORECASE):
            start -= len(re.search(r"the\s+$", text[:start], re.IGNORECASE).group(0))
            after = "{equality_duty}"
        else:
            after = "{equality_duty}"
        add(start, m.end(), after, WHY_DUTY)
    for m in _ACT_TITLE.finditer(text):
        add(m.start(), m.end(), "{act_name}", WHY_ACT)
    for m in _ACT_SHORT.finditer(text):
        after = "{act_name}" if m.group(0).lower().endswith("act") else "{act}"
        add(m.start(), m.end(), after, WHY_ACT)
    advice = LAWS[source].advice_section.split()[-1]
    for m in _SECTION.finditer(text):
        if m.group(1) == advice and _ABOUT_ADVICE.search(_sentence_around(text, m.start(), m.end())):
            add(m.start(), m.end(), "{advice_section}", WHY_SECTION)
    if place == COST_WORDING:
        for pattern, after in _limit_patterns():
            for m in pattern.finditer(text):
                add(m.start(), m.end(), after, WHY_LIMIT)
    if place == FORMAT_WORDING and request.options.format_parts:
        for m in PART_REFS.finditer(text):
            if m.group(1):
                add(m.start(1), m.end(1), "{format_parts}", WHY_PARTS)
            else:  # "Q1f and Q2g"
                add(m.start(), m.end(), "questions {format_parts}", WHY_PARTS)
    _chief_edits(text, home, add, keep)
    for person in chiefs:
        words = r"\s+".join(re.escape(w) for w in person.split())
        for m in re.finditer(rf"(?<![\w-]){words}(?![\w-])", text):
            add(m.start(), m.end(), "{chief_officer}", WHY_CHIEF_NAMED)
    owners = {s.force_id for s in find_systems(text)}
    for mention in find_forces(text):
        if mention.force_id != home or mention.force_id in owners:
            continue  # another force asked about; or "the V100 programme … by the MPS": its own system
        add(mention.start, mention.end, mention.field, WHY_NAME)
    return sorted((e for e in edits if e.why != _HELD), key=lambda e: e.start)


def _apply(text: str, place: str, edits: list[_Edit]) -> tuple[str, list[Change]]:
    out: list[str] = []
    changes: list[Change] = []
    pos = 0
    length = 0
    for edit in edits:
        out.append(text[pos:edit.start])
        length += edit.start - pos
        changes.append(Change(place, length, text[edit.start:edit.end], edit.after, edit.why))
        out.append(edit.after)
        length += len(edit.after)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out), changes


def _places(request: Request) -> list[tuple[str, str]]:
    places: list[tuple[str, str]] = []
    if request.title:  # each letter's subject and file name: "West Midlands Police's use of …"
        places.append((TITLE, request.title))
    if request.introduction:
        places.append((INTRODUCTION, request.introduction))
    places += [(part.id, part.text) for part in request.all_parts()]
    if request.options.cost_limit_wording:
        places.append((COST_WORDING, request.options.cost_limit_wording))
    if request.options.format_wording:
        places.append((FORMAT_WORDING, request.options.format_wording))
    return places


def text_at(request: Request, place: str) -> str | None:
    if place == TITLE:
        return request.title
    if place == INTRODUCTION:
        return request.introduction
    if place == COST_WORDING:
        return request.options.cost_limit_wording
    if place == FORMAT_WORDING:
        return request.options.format_wording
    part = request.find(place)
    return part.text if part is not None else None


def fitted_texts(request: Request, keep_names: tuple[str, ...] | list[str] = ()) -> list[tuple[str, str, list[Change]]]:
    """What fitting `request` to every force would write: for each place whose words say
    something of one force, `(place, its new text, the changes made there)`, in the order
    they appear. The request itself is not touched: composer.operations.fitting applies it.
    A chief officer named as one of `keep_names` stays as written, with the office."""
    from composer.library import name_key

    keep = frozenset(name_key(n) for n in keep_names)
    source = _written_under(request)
    home = _home_force(request)
    chiefs = _chiefs_named(request, home, keep)
    out = []
    for place, text in _places(request):
        edits = _edits(text, place, request, source, home, chiefs, keep)
        if edits:
            fitted, made = _apply(text, place, edits)
            out.append((place, fitted, made))
    return out


def restored_text(request: Request, change: Change, changes: list[Change]) -> tuple[str, list[Change]]:
    """The text at `change.place` with what the user wrote put back for that one change, and
    the other changes, their positions moved to match. ComposerError when the text has been
    edited there since. composer.operations.fitting puts the text into the request."""
    text = text_at(request, change.place)
    if text is None:
        raise ComposerError("that text is no longer in the request")
    start = change.start
    if text[start:start + len(change.after)] != change.after:
        found = [m.start() for m in re.finditer(re.escape(change.after), text)]
        if not found:
            raise ComposerError(f"{change.after} is no longer there: it has been edited since")
        start = min(found, key=lambda s: abs(s - change.start))
    restored = text[:start] + change.before + text[start + len(change.after):]
    shift = len(change.before) - len(change.after)
    rest = [
        replace(c, start=c.start + shift) if c.place == change.place and c.start > start else c
        for c in changes
        if c is not change
    ]
    return restored, rest


def place_label(request: Request, place: str) -> str:
    if place == TITLE:
        return "the title"
    if place == INTRODUCTION:
        return "the introduction"
    if place == COST_WORDING:
        return "the cost-limit clause"
    if place == FORMAT_WORDING:
        return "the format clause"
    number = request.number_of(place, ordered=False)
    return f"part {number}" if number else "a part"


def describe(request: Request, change: Change) -> str:
    """One line for the user: `part 2: "the MPS" is now {force_name}: each letter names …`."""
    return f"{place_label(request, change.place)}: \u201c{change.before}\u201d is now {change.after}: {change.why}"
