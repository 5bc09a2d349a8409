"""Reading text as a request, whatever its shape.

`request_from_text` never refuses readable text: a numbered or bulleted letter is imported with
its structure (composer.textimport); prose, or a list whose items the importer does not read as
questions, is read paragraph by paragraph, each paragraph that asks for something becoming a
part; text that asks for nothing at all is still checked, as one part, with a note saying so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from composer.checker import as_of, criteria, knowledge, patterns
from composer.checker.knowledge import RecordType
from composer.errors import ComposerError
from composer.force_names import force_acronyms
from composer.model import Force, ForceKind, Part, Request

if TYPE_CHECKING:
    from composer.checker.engine import Context, PartView

_ASKS = re.compile(
    r"\?|\b(?:please|could you|can you|would you|i would like|i request|i am requesting|i'd like|"
    r"provide|disclose|send me|tell me|how many|how much|what|which|whether|copy|copies|list|"
    r"figures?|number of|amount of|details of)\b",
    re.IGNORECASE,
)
NOT_A_REQUEST = ("this text does not read as a request (nothing in it asks for information); "
                 "it was checked as one part")


def asks(text: str) -> bool:
    """Whether `text` asks for anything: a question, a request verb, a count or a copy."""
    return _ASKS.search(text) is not None


def _paragraphs(text: str) -> list[str]:
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text)]
    return [b for b in blocks if b]


def request_from_text(text: str, source: str = "text") -> tuple[Request | None, list[str]]:
    """The request `text` holds, and notes on how it was read. None only for text that cannot be
    read at all (empty, or binary); then the note says why."""
    from composer.textimport import parse_request_with_report

    try:
        request, notes = parse_request_with_report(text, source)
        return request, _unlike_a_request(text) + notes
    except ComposerError as exc:
        problem = str(exc)
    if not isinstance(text, str) or not text.strip() or "\x00" in text[:20000]:
        return None, [problem]
    paragraphs = _paragraphs(text)
    asking = [p for p in paragraphs if _ASKS.search(p)]
    if not asking:
        return Request(parts=[Part(text=" ".join(paragraphs))]), [NOT_A_REQUEST]
    first = paragraphs.index(asking[0])
    intro = "\n\n".join(paragraphs[:first])
    texts: list[str] = []
    for paragraph in paragraphs[first:]:  # a paragraph that asks nothing stays with the part before it
        if _ASKS.search(paragraph) or not texts:
            texts.append(paragraph)
        else:
            texts[-1] += "\n\n" + paragraph
    parts = [Part(text=t) for t in texts]
    notes = [f"read as prose: {len(parts)} paragraph{'s' if len(parts) != 1 else ''} that ask for "
             "information became parts"]
    return Request(introduction=intro, parts=parts), _unlike_a_request(text) + notes


def _unlike_a_request(text: str) -> list[str]:
    """A note when `text` reads as another document: fewer than half its paragraphs ask anything and
    nothing in it says it asks a force for information."""
    paragraphs = _paragraphs(text)
    asking = sum(1 for p in paragraphs if _ASKS.search(p))
    if asking * 2 >= len(paragraphs) or _FRAMED.search(text):
        return []
    return [f"this text does not read like a request: {asking} of its {len(paragraphs)} paragraphs ask anything, "
            "and nothing in it says it asks a force for information (is it a form, a policy or a force's reply?); "
            "check that it is the request you meant"]


# What a request says of itself somewhere: that it is one, or what it asks the force to do. A form, a
# policy or an assessment asks questions of its reader but never this.
_FRAMED = re.compile(
    r"\bfreedom\s+of\s+information\b|\bfoi(?:sa)?\b|\bplease\s+(?:could\s+you\s+)?(?:provide|send|disclose|supply|"
    r"tell\s+me|confirm|let\s+me\s+know|give\s+me|release)\b|\bi\s+(?:would\s+like|request|am\s+requesting|"
    r"wish\s+to\s+(?:request|know|see|obtain|receive))\b|\b(?:could|can|would)\s+you\s+(?:please\s+)?(?:provide|send|"
    r"tell\s+me|disclose|confirm)\b",
    re.IGNORECASE)


# An introduction asks for something when it says so ("please provide", "I am looking for", "how
# many", "the following:"); else it is background: what happened, why the requester asks.
_ASKS_TOO = re.compile(r"\b(?:interested\s+in|looking\s+for|seeking|wish\s+to|want\s+to\s+know|request\w*|"
                       r"ask(?:ing)?\s+(?:about|for|you|whether|that|to)|i\s+ask|"
                       r"questions?|quer(?:y|ies)|enquir(?:y|ies)|writing\s+(?:to\s+you\s+)?(?:about|regarding|concerning|in\s+relation\s+to)|"
                       r"the\s+following|as\s+follows|all\s+(?:information|records|documents|data))\b|:\s*$",
                       re.IGNORECASE | re.MULTILINE)
# A part that leans on the background: "this incident", "the arrest mentioned above".
LEANS_ON_BACKGROUND = re.compile(
    r"\b(?:this|that|these|those|the\s+said|the\s+above|the\s+aforementioned|the\s+same)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:incidents?|events?|case|arrests?|investigations?|matters?|operations?|address|property|residence|premises|"
    r"house|persons?|individuals?|officers?|man|woman|deaths?|collisions?|crimes?|offences?|allegations?|complaints?|"
    r"decisions?|statements?|reports?|footage|videos?|calls?|raids?|search(?:es)?|protests?|seizures?|vehicles?|"
    r"shooting|stabbing|attack|assault)\b"
    r"|\b(?:above|below)[\s-]+(?:mentioned|named|described)\b|\b(?:mentioned|named|described|referred\s+to)\s+above\b"
    r"|\bin\s+question\b",
    re.IGNORECASE)


# An introduction that opens with a list number is the first item of the list, not background.
_NUMBERED = re.compile(r"^\W{0,3}(?:\d{1,2}|[a-h]|[ivx]{1,4})(?:[.):]|\s)\s*[A-Z]")


def asks_for_something(text: str) -> bool:
    """Whether `text` (an introduction) asks for anything, rather than only giving background."""
    return asks(text) or _ASKS_TOO.search(text) is not None or _NUMBERED.match(text) is not None


# --------------------------------------------------------------------------------------------
# What a part asks: the reading every assessing rule starts from
# --------------------------------------------------------------------------------------------

Action = Literal["count", "copy", "records", "list", "explain", "yes_no", "other"]


@dataclass(frozen=True, slots=True)
class Period:
    years: float  # how many years the part covers (a fraction for a month or a day)
    first: int | None  # the earliest year named, if any
    snapshot: bool = False  # "currently", "as at 31 March": a point in time
    source: str = "part"  # where it came from: "part", "parent", "introduction", "another part"
    since: str | None = None  # an event the span starts at, undated ("since it was introduced")

    @property
    def dated(self) -> bool:
        """A span of time, or a point in time with its date ("as at 31 March 2024"), not "now"."""
        return not self.snapshot or self.first is not None

    def lends_to(self, low: str) -> bool:
        """Whether a part reading `low` (lower-cased) may take this period as its own. "How many horses do you
        own" is dated by the day the force answers: "how many of them are over ten" shares it, but
        spending or events beside it ("how much was spent on feed") pile up over a period it does not give."""
        return self.dated or patterns.EVENTS.search(low) is None

    def words(self) -> str:
        if self.snapshot:
            return "one point in time"
        if self.since is not None:
            return f"the time since {self.since}"
        if self.years >= 1.5:
            return f"{self.years:.0f} years"
        if self.years >= 0.9:
            return "one year"
        if self.years >= 1 / 13:
            return f"{round(self.years * 12)} month{'s' if round(self.years * 12) != 1 else ''}"
        if self.years >= 13 / 365:
            return f"{round(self.years * 52)} weeks"
        return "a few days"


@dataclass(frozen=True, slots=True, eq=False)
class Reading:
    """What one part asks, as an FOI officer would read it. Compared by identity: the same
    reading is handed out again for the same text in the same surroundings (see `read_part`),
    so the estimate and the words made from it are worked out once, not on every keystroke."""

    action: Action
    record: RecordType | None  # the kind of record it is about, if the checker knows it
    record_inherited: bool  # taken from the parent, the introduction or the part before
    breakdowns: tuple[str, ...]  # dimension ids (resources/holdings.toml)
    free_text: str | None  # a detail only found by reading each record ("where the victim was …")
    period: Period | None  # None: no period in the part or anywhere it could borrow one from
    open_scope: bool  # "all information", "any correspondence": no edge to the search
    narrowed: int  # filters that narrow the population ("aged under 18", "fired", "of those")
    named_place: bool  # a town, street, station or site named
    identifies: str | None  # words that point at one identifiable person
    about_conduct: bool  # about allegations, investigations or discipline
    narrative: bool = False  # wants what a record says (details, a summary), not its fields
    share: float | None = None  # the share of the record's volume the population it names is
    linked: str | None = None  # another kind of record each one must be checked against (a register)
    as_at_past: bool = False  # a count as at a past date ("at the end of 2016")
    whose: bool = False  # names whose records or correspondence (a post, a person, a team)
    also: tuple[str, ...] = ()  # other kinds of record the part names, whose fields may give a breakdown
    one_case: tuple[str, str] | None = None  # (kind, words): one incident, address, vehicle, day or operation
    follows: str | None = None  # a later stage asked of each record, held in another system ("charged")
    listed: int = 0  # offence codes listed one by one ("066/23, 066/24 …"), each a search of its own
    unplaced: str | None = None  # a criterion no field of the record codes (composer/checker/criteria.py)
    item: str | None = None  # words naming the one item it is about (a reference, a dated decision, an email chain)
    searched: str | None = None  # a word or phrase the requester gives to search the records' text for
    one_way: bool = False  # each breakdown asked for on its own ("by age, by sex"), not crossed with the others
    system: str | None = None  # words naming the one system, programme or project it is about

    def describe(self) -> str:
        """The reading in a sentence, for a finding's reasoning."""
        return _DESCRIBED.recall(self, self._describe)

    def _describe(self) -> str:
        what, joint = {"count": ("a count", "of"), "copy": ("copies of documents", "about"),
                       "records": ("details of each record", "among"), "list": ("a list or a fact", "about"),
                       "explain": ("an explanation", "about"), "yes_no": ("a yes or no", "about"),
                       "other": ("information", "about")}[self.action]
        bits = [f"asks for {what}"]
        if self.record is not None:
            bits.append(f"{joint} {self.record.label}")
        if self.breakdowns:
            bits.append("broken down by " + ", ".join(b.replace("_", " ") for b in self.breakdowns))
        if self.period is None:
            bits.append("with no period")
        else:
            source = {"part": "", "another part": " (from another part)", "sub-parts": " (from its sub-parts)"}.get(
                self.period.source, f" (from the {self.period.source})")
            bits.append(f"{'at' if self.period.snapshot else 'over'} {self.period.words()}{source}")
        return "Read as: " + " ".join(bits) + "."


# Years in the name of a law are not periods, nor when a period starts: "FOI Act 2000", "(PACE 1984)",
# "the Police (Conduct) Regulations 2012", "Justice Act (Northern Ireland) 2015", "the 2003 Act",
# "SI 2012/1204". An Act or regulations named by year is often in force years after it, or before
# anything asked about happened.
_STATUTE_YEAR = re.compile(
    r"\b(?:act|acts|regulations?|order|rules|pace|ripa|code|convention|directive)\b[\s,]*"
    r"(?:\((?:scotland|northern\s+ireland|wales|england(?:\s+and\s+wales)?|amendments?(?:\s+no\.?\s*\d+)?|no\.?\s*\d+)\)"
    r"[\s,]*)*[\s(),]*(?:of\s+)?(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\s+(?:act|regulations?|order|rules|code)\b"
    r"|\b(?:s\.?\s?i\b\.?|ssi|statutory\s+instruments?)\s+(?:no\.?\s*)?(?:19|20)\d\d(?:\s*/\s*\d+|\s+no\.?\s*\d+)?"
)


def without_titles(low: str) -> str:
    """Lower-cased `low` with the years that name a law taken out (the law's name kept)."""
    return _STATUTE_YEAR.sub(_title_without_year, low) if _TITLE_YEAR.search(low) else low


_TITLE_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*/\s*\d+|\s+no\.?\s*\d+)?")


def _title_without_year(match: re.Match[str]) -> str:
    return _TITLE_YEAR.sub(" ", match.group(0))


# A span from an event the part names but does not date: "since the tactic was introduced", "since
# the Act came into force", "since its introduction", "from when the scheme went live". The force
# knows the date, so the period is given; it runs from the event to the date of the request. Not
# "since records began" or "since you started recording", which is every year held.
_EVENT_VERB = (r"(?:introduced|launched|implemented|brought\s+in|came\s+into\s+(?:force|effect|operation|use|being)|"
               r"took\s+effect|went\s+live|go(?:es)?\s+live|became\s+(?:law|operational|available|live)|commenced|"
               r"began|started|rolled\s+out|adopted|set\s+up|established|created|enacted|first\s+used|"
               r"first\s+deployed|issued)")
_SINCE_EVENT = re.compile(
    r"\b(?:since|from|after)\s+(?:the\s+(?:time|date|day|point)\s+)?(?:when\s+)?"
    r"(?!(?:records?|recording|data|figures|records\s+were)\b)"
    r"(?P<what>(?:it|they|this|these|the\s+[^.?!;\n]{1,80}?|[a-z][^.?!;\n]{0,60}?)\s+"
    r"(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|had\s+been\s+)?(?:first\s+)?" + _EVENT_VERB + r")\b"
    r"(?!\s+(?:recording|to\s+record|keeping|to\s+keep|collecting|to\s+collect|counting|logging))"
    r"|\bsince\s+(?P<own>(?:its|their|the)\s+(?:introduction|inception|launch|implementation|commencement|creation|"
    r"roll[\s-]?out|adoption|establishment|formation|enactment|coming\s+into\s+force|first\s+use)\b"
    r"(?:\s+of\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})?)"
)
# A question when something started: the counts asked beside it ("to date", or in the next part)
# run from then. "When did the cameras go live and how many notices have been issued to date?"
_WHEN_STARTED = re.compile(r"\bwhen\s+(?:was|were|did|has|have|had|is|are)\b[^.?!\n]{0,80}?\b(?:introduced|introduce|"
                           r"launched|launch|implemented|implement|go\s+live|went\s+live|start(?:ed)?|beg[ia]n|first\s+\w+|"
                           r"come\s+into|came\s+into|adopted|adopt|rolled\s+out|roll\s+out|deployed)\b")
_TO_NOW = re.compile(r"\bto\s+date\b|\bso\s+far\b|\bsince\s+(?:then|that\s+(?:date|time))\b|\bup\s+to\s+now\b|"
                     r"\buntil\s+now\b")
# A span from an undated event is taken as this long for the estimates: about half the years a
# search with no period covers (estimate.UNBOUNDED_YEARS); the force knows the date.
SINCE_EVENT_YEARS = 5.0
# One year, or a run of years, ending on a date: "the year ending 31 March 2019", "for each year up
# to 31 March 2019". The date ends a year, it is not a one-month window.
_YEAR_ENDING = re.compile(r"\b(?:(?P<each>each|every|per)\s+(?:calendar\s+|financial\s+)?year\b[^.?!\n]{0,40}?\b"
                          r"(?:up\s+to(?:\s+and\s+including)?|until|to|ending(?:\s+on)?|ended)"
                          r"|\byears?\s+(?:ending|ended|end(?:ing)?|to)(?:\s+on)?)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                          r"(?:of\s+)?)?" + patterns.MONTH_NAME + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+((?:19|20)\d\d)\b")
# The current year so far: "this year", "this financial year", "the year to date".
_THIS_YEAR = re.compile(r"\b(?:this|the\s+current|current)\s+(?:calendar\s+|financial\s+)?year\b|\byear[\s-]+to[\s-]+date\b|"
                        r"\bytd\b")
_YEAR = re.compile(r"(?<![\d/£$])((?:19|20)\d\d)(?!\d)(?:\s*[/-]\s*(\d{2,4})\b(?!(?:st|nd|rd|th)?\s+(?:of\s+)?"
                   + patterns.MONTH_WORD + r"))?")  # "2012 - 30 January 2013": 30 is a day, not 2030
_UP_TO_NOW = re.compile(r"\bsince\b|\bto\s+(?:the\s+)?(?:present|date|now|today)\b|\buntil\s+(?:now|today|the\s+present)\b|"
                        r"\bup\s+to\s+(?:now|today)\b|\bonwards\b|\bso\s+far\b")
_RELATIVE = re.compile(r"\b(?:last|past|previous|preceding|recent)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|"
                       r"twelve|eighteen|twenty|few|several)\s+)?(?:(?:full|calendar|financial|complete|whole)\s+){0,2}"
                       r"(years?|months?|weeks?|days?|decade)\b")
_SNAPSHOT = re.compile(r"\bcurrently\b|\bon\s+the\s+date\s+(?:you|this)\b|\bat\s+present\b|\bas\s+(?:of|at)\b|\bpresently\b|\bright\s+now\b|\btoday\b|"
                       r"\bhow\s+many\b[^.?!\n]{0,60}?\b(?:do|does)\s+(?:you|your\s+\w+|the\s+\w+|it)\s+(?:currently\s+)?"
                       r"(?:have|own|hold|employ|use|operate|keep|run)\b|\bhow\s+many\b[^.?!\n]{0,60}?\b(?:are|is)\s+there\b")
_MONTH_OR_DAY = re.compile(r"\b(?:in|during|for)\s+(?:the\s+month\s+of\s+)?" + patterns.MONTH_NAME + r"\s+(?:19|20)\d\d\b|"
                           r"\b(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + patterns.MONTH_NAME
                           + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:19|20)\d\d\b")
# What the force had on a day, by any verb of having ("officers employed by the force on 31 March", "did the
# force employ on", "cameras it operated on 1 April"), or a count as at a day: a stock, whatever the word order,
# and no incident on that day (`one_case`).
_STOCK_ON_A_DAY = (r"\b(?:employ(?:s|ed|ing)?|own(?:s|ed)?|operat(?:e|es|ed|ing)|hold(?:s|ing)?|held|in\s+(?:post|service))\b"
                   r"[^.?!\n]{0,40}?\bon\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + patterns.MONTH_NAME + r"\b"
                   r"|\b(?:as\s+(?:at|of|on)|at\s+the\s+(?:end|close|start)\s+of)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                   r"(?:of\s+)?" + patterns.MONTH_NAME + r"\b")
_STOCK_DAY = re.compile(_STOCK_ON_A_DAY)
# One dated day that is a moment, not a month of events: "as at 1 April 2024", "at the end of March 2023", or
# being in a state on a day ("were on sick leave on 31 December 2023", "were in post on 1 May 2022").
_MOMENT = re.compile(r"\b(?:as\s+(?:at|of|on)|at\s+the\s+(?:end|close|start)\s+of)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                     r"(?:of\s+)?" + patterns.MONTH_NAME + r"\b"
                     r"|\b(?:were|was|are|is)\s+(?:on|in|off|absent|employed|serving)\b[^.?!\n]{0,60}?\bon\s+(?:the\s+)?"
                     r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + patterns.MONTH_NAME + r"\b")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "twelve": 12, "eighteen": 18, "twenty": 20, "few": 3, "several": 4}
_UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365, "decade": 10.0}


def _this_year() -> int:
    return as_of.today().year


# A date written in figures ("21/03/2021", "1.4.16", "01-01-16"): read as the day, month and year
# in words, so that the rules for dates in words apply (one date alone is a day, not a year).
_NUMERIC_DATE = re.compile(r"(?<![\d/.£$-])(0?[1-9]|[12]\d|3[01])([/.-])(0?[1-9]|1[0-2])\2((?:19|20)?\d\d)(?![\d/]|\.\d)")
_MONTH_NAMES = patterns.MONTHS


def _dates_in_words(text: str) -> str:
    def spelt(match: re.Match[str]) -> str:
        year = match.group(4)
        if len(year) == 2:  # "16": this century unless that is in the future
            year = f"20{year}" if 2000 + int(year) <= _this_year() else f"19{year}"
        return f"{int(match.group(1))} {_MONTH_NAMES[int(match.group(3)) - 1]} {year}"

    return _NUMERIC_DATE.sub(spelt, text) if any(c in text for c in "/.-") else text


# A span between two dates with months ("between 1 january and 30 june 2024", "from 1 april 2023 to
# 31 march 2024", "march to june 2022"): the first date may borrow its year from the second. Read to
# the day, so a half year is six months and a financial year written out in dates is one year.
_MONTH_ABBR = r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_POINT = (r"(?:(?P<{p}d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
          r"\b(?P<{p}m>(?:" + "|".join(_MONTH_NAMES) + "|" + _MONTH_ABBR + r")\b\.?)"
          r"(?:\s+(?P<{p}d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<{p}y>(?:19|20)\d\d)\b)?")
_DATE_RANGE = re.compile(r"(?:\b(?P<between>between)\s+|\bfrom\s+)?(?:the\s+)?" + _POINT.format(p="a")
                         + r"\s*(?:(?P<joined>and)|to|until|till|through|up\s+to|-|–|—)\s*(?:the\s+)?(?:end\s+of\s+)?"
                         + _POINT.format(p="b"))


def _month(word: str) -> int:
    return next(i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(word.rstrip(".")[:3]))


def _day(year: int, month: int, day: str | None, last: bool) -> date:
    final = calendar.monthrange(year, month)[1]
    return date(year, month, min(int(day), final) if day else (final if last else 1))


def _date_ranges(text: str) -> tuple[str, list[tuple[date, date]]]:
    """`text` without the spans between two dates it names, and those spans."""
    spans: list[tuple[date, date]] = []

    def taken(match: re.Match[str]) -> str:
        year_b = match.group("by")
        listed = match.group("joined") and not match.group("between")  # "in may and june 2024": two months
        abbreviated = len(match.group("am").rstrip(".")) <= 4 and match.group("am") not in _MONTH_NAMES
        if (year_b is None and match.group("between") and (match.group("ad") or match.group("ad2"))
                and (match.group("bd") or match.group("bd2")) and not abbreviated):
            # "between 23 March and 5th April": two days named without a year are a span of days or weeks
            # (taken in the current year); only the span's length is known, and it is that short.
            year_b = str(_this_year())
        if year_b is None or (abbreviated and not (match.group("ay") or match.group("ad") or match.group("ad2")
                                                   or match.group("between") or match.group(0).startswith("from"))):
            return match.group(0)  # no year to place it, or "mar" that is not a month
        first_month, last_month = _month(match.group("am")), _month(match.group("bm"))
        year_a = int(match.group("ay") or (int(year_b) - (first_month > last_month)))
        day_a, day_b = match.group("ad") or match.group("ad2"), match.group("bd") or match.group("bd2")
        start = _day(year_a, first_month, day_a, last=False)
        end = _day(int(year_b), last_month, day_b, last=True)
        if end < start:
            return match.group(0)
        if listed:  # each date as said: a day, or a whole month
            spans.extend([(start, _day(year_a, first_month, day_a, last=True)),
                          (_day(int(year_b), last_month, day_b, last=False), end)])
        else:
            spans.append((start, end))
        return " "

    if not any(name[:3] in text for name in _MONTH_NAMES):
        return text, spans
    return _DATE_RANGE.sub(taken, text), spans


# A count of what is, in the present tense: "how many officers are trained to use Taser", "how many
# PCSOs work in the force". A force answers it as of the day it replies. A present tense that
# describes events ("how many burglaries are reported") or a recurring period ("each year") is no state.
_EVENT_DONE = (r"(?:been|being|reported|recorded|made|carried|arrested|stopped|searched|charged|issued|received|"
               r"committed|logged|referred|dealt|investigated|seized|killed|injured|attended|convicted|cautioned|"
               r"detained|used|deployed|called|submitted|paid|spent|taken|given|brought|sent|seen|done|had|arisen|arose)")
# "Officers who have convictions": a population counted by events in its past, over a span the
# force must ask about (ever, or while serving?).
_PAST_EVENTS = (r"(?:convictions?|cautions?|complaints?|allegations?|arrests?|offences?|crimes?|warnings?|"
                r"disciplinar\w*|sanctions?|penalt(?:y|ies)|records?|charges?)")
_STATE = patterns.Gate(
    r"\bhow\s+many\b[^.?!\n]{0,80}?\b(?:(?:are|is)\b(?!\s+(?:\w+\s+)?" + _EVENT_DONE + r"\b)"
    r"|(?:have|has)\b(?!\s+(?:\w+\s+){0,2}(?:\w+ed|" + _EVENT_DONE + r"|" + _PAST_EVENTS + r")\b)"
    r"|(?:work|works|hold|holds|serve|serves|remain|remains|employ|employs|sit|sits)\b)",
    ("how",),
)
_RECURRING = patterns.Gate(r"\b(?:each|every|per|a)\s+(?:year|month|week|day|annum)\b|\bannual(?:ly)?\b|\bever\b",
                  ("year", "month", "week", "day", "annum", "annual", "annually", "ever"))  # "details of each search under the policy"
# The same as a noun phrase: "the number of tasers you own", "the total number of officers in your
# force", "the number of officers routinely equipped with Taser", "officers based at each station".
# Not when the part counts things that happen ("arrests by officers based at …").
_HELD = (r"(?:officers|staff|constables|sergeants|inspectors|pcsos|specials|employees|personnel|detectives|handlers|"
         r"volunteers|members(?:\s+of\s+staff)?|dogs|horses|vehicles|cars|vans|motorcycles|boats|drones|uavs|aircraft|"
         r"helicopters|tasers|devices|cameras|firearms|weapons|guns|stations|custody\s+suites|cells|posts|vacancies)")
_STATE_NOUN = patterns.Gate(
    r"\bnumbers?\s+of\s+(?:[\w-]+\s+){0,3}?" + _HELD + r"\s+(?:[\w-]+\s+){0,2}?(?:(?:are|is)\s+)?(?:currently\s+|presently\s+|"
    r"now\s+|permanently\s+|routinely\s+|substantively\s+)?(?:employed|based(?!\s+(?:on|upon)\b)|stationed|posted|attached|"
    r"assigned|authori[sz]ed|equipped|serving|in\s+post|on\s+(?:restricted|recuperative|light)\s+duties|"
    r"in\s+(?:your|the)\s+(?:force|constabulary|service|fleet)\b|"
    r"(?:that\s+|which\s+)?(?:you|your\s+force|the\s+force)\s+(?:currently\s+)?(?:owns?|have|has|holds?|employs?|operates?|keeps?|runs?))\b",
    ("number", "numbers"),
)
_STATE_WHO = patterns.Gate(r"\b(?:who|which\s+\w+)\s+(?:is|are)\s+(?:currently\s+)?(?:based(?!\s+(?:on|upon)\b)|stationed|"
                           r"posted|in\s+post)\b", ("who", "which"))


# "How many officers are there who were assaulted": people counted by what happened to them.
_WHO_WERE = re.compile(r"\b(?:who|which|that)\s+(?:were|was|have\s+been|has\s+been|had\s+been|had)\s+(?:\w+\s+)?\w+ed\b")


# What happens to people or things over time ("officers in the force disciplined for …"), unless the
# part says it asks about now ("currently on restricted duties").
_NOUN_EVENTS = re.compile(r"\b(?:disciplin|dismiss|suspen|injur|assault|complain|sanction|investigat|misconduct|resign|"
                          r"retir|recruit|joined|left\b|leav|promot|bitten|attacked|damaged|crashed|stolen|lost\b|"
                          r"involved|referred|trained\s+in\s+(?:19|20))")
_NOW = re.compile(r"\b(?:currently|at\s+present|presently|now|today|as\s+(?:of|at))\b")


def asks_what_is(low: str) -> bool:
    """Whether lower-cased `low` asks how many there are now, or who is where: a force answers as
    at the day it replies, so no period is needed."""
    if _RECURRING.search(low) or _WHO_WERE.search(low):
        return False
    if _STATE.search(low) or _STATE_WHO.search(low):
        return True
    return (_STATE_NOUN.search(low) is not None and patterns.EVENTS.search(low) is None
            and (_NOUN_EVENTS.search(low) is None or _NOW.search(low) is not None))


@patterns.remembered
def own_period(low: str) -> Period | None:
    """The period lower-cased `low` names itself, or None."""
    text, spans = _date_ranges(_dates_in_words(without_titles(low)))
    if not spans and "year" in text:
        ending = _YEAR_ENDING.search(text)
        if ending is not None and len({m.group(1) for m in _YEAR.finditer(text)}) == 1:
            # one year named, and it ends a year (or a run of years): a year ending in March starts
            # in the year before
            span = SINCE_EVENT_YEARS if ending.group("each") else 1.0
            last = int(ending.group(2)) - ("december" not in ending.group(0))
            return Period(span, last - int(span) + 1)
    if spans:
        rest = own_period(text) if _YEAR.search(text) else None
        if rest is not None and not rest.snapshot and rest.first is not None:
            spans.append((date(rest.first, 1, 1), date(rest.first + max(1, round(rest.years)) - 1, 12, 31)))
        days, reached = 0, date.min  # the days the spans cover, each day once: "20 december 2015 -
        for start, end in sorted(spans):  # 3 january 2016 and 20 december 2016 - 3 january 2017" is a month
            days += max(0, (end - max(start, reached + date.resolution)).days + 1)
            reached = max(reached, end)
        return Period(days / 365.25, min(spans)[0].year)
    relative = _RELATIVE.search(text)
    starts: list[int] = []
    ends: list[int] = []
    financial_last = False
    for match in _YEAR.finditer(text):
        start = end = int(match.group(1))
        tail = match.group(2)
        if start % 10 == 0 and not tail and text[match.end():match.end() + 1] == "s":
            end = start + 9  # "the 1980s"
        if tail:  # 2011/12, 2011-2012: a financial year, or a range
            later = int(tail) if len(tail) == 4 else int(match.group(1)[:2] + tail)
            if start < later <= start + 30:
                end = later
        starts.append(start)
        ends.append(end)
        financial_last = end == start + 1 and bool(tail) and end >= max(ends)
    now = _this_year()
    if starts:
        first = min(starts)
        up_to_now = _UP_TO_NOW.search(text) is not None
        last = max(now, max(ends)) if up_to_now else max(ends)
        span = float(max(1, last - first + (0 if financial_last and not up_to_now else 1)))
        if len(set(starts)) == 1 and not up_to_now and _MONTH_OR_DAY.search(text):
            if _MOMENT.search(text):
                return Period(0.0, first, snapshot=True)  # what stood on one day: a stock, not a month of events
            span = 1 / 12
        return Period(span, first)
    if relative:
        amount = relative.group(1)
        count = float(_NUMBERS.get(amount, amount) if amount and not amount.isdigit() else int(amount or 1))
        unit = relative.group(2).rstrip("s")
        return Period(max(count * _UNIT_YEARS[unit], 1 / 365), now - int(count * _UNIT_YEARS[unit]))
    event = since_event(text) or asset_life(text)
    if event is not None:
        return event
    if _SNAPSHOT.search(text):
        return Period(0.0, None, snapshot=True)
    if "year" in text and _THIS_YEAR.search(text):
        return Period(1.0, now)  # the year so far
    return None  # "per year" without saying which years: still no period


# A yearly series for one fixed asset (one camera, one alarm, one building or suite, one scheme or system) runs
# over that asset's life: "each year" then means every year since it came into use, which the force knows, so
# no period is missing. A kind of asset in general ("your cameras", "applications under the scheme") has no
# such life: the asset must be pinned to one, by its place, its own parts or being new.
_YEARLY = re.compile(r"\b(?:each|every|per)\s+(?:calendar\s+|financial\s+)?year\b|\bannually\b|\bper\s+annum\b|"
                     r"\byear\s+(?:by|on)\s+year\b|\bby\s+year\b|\byearly\b")
_ONE_ASSET = re.compile(r"\b(?:the|this|that)\s+(?:new\s+|old\s+|fixed\s+|permanent\s+|force'?s?\s+)?(?:[\w-]+\s+){0,2}?"
                        r"(?P<asset>camera|alarm|device|scheme|system|machine|site|suite|building|facility|range)"
                        # pinned to one: its place ("on Station Road", "at the museum") or its own things ("the suite's")
                        r"(?:'s|’s|(?:\s+[\w-]+)?\s+(?:on|at|in|outside|near|"  # "sited on", "southbound on"
                        r"opposite|beside)\s+(?:the\s+)?[\w-]+)(?![\w-])")
_NEW_ASSET = re.compile(r"\b(?:the|this|that)\s+new\s+(?:[\w-]+\s+){0,2}?(?P<asset>camera|alarm|device|scheme|system|machine|"
                        r"site|suite|building|facility|range)\b(?!s)")


def asset_life(low: str) -> Period | None:
    """The span of a yearly series for one fixed asset that lower-cased `low` names, or None."""
    if not _YEARLY.search(low):
        return None
    asset = _ONE_ASSET.search(low) or _NEW_ASSET.search(low)
    if asset is None:
        return None
    return Period(SINCE_EVENT_YEARS, None, since=f"the {asset.group('asset')} came into use")


def since_event(low: str) -> Period | None:
    """The span lower-cased `low` gives from an event it names without dating it, or None."""
    if "since" not in low and "from" not in low and "after" not in low and "when" not in low:
        return None
    match = _SINCE_EVENT.search(low)
    if match is not None:
        what = match.group("what") or match.group("own")
        return Period(SINCE_EVENT_YEARS, None, since=" ".join(what.split()))
    started = _WHEN_STARTED.search(low)
    if started is not None and _TO_NOW.search(low):
        return Period(SINCE_EVENT_YEARS, None, since="it started")
    return None


_COUNT = re.compile(r"\bhow\s+many\b|\b(?:ethnicit(?:y|ies)|ages?|genders?|sex|race|nationalit(?:y|ies))\s+of\s+(?:all\s+)?"
                    r"(?:those|the\s+people|people|persons|individuals|everyone|each\s+person|suspects|victims)\b|\bhow\s+much\b|\bnumbers?\s+of\b|\bfigures?\b|\bstat(?:istic)?s\b|\btotals?\b|\bamount\s+of\b|"
                    r"\bbreak\s?down\b|\bbroken\s+down\b|\bpercentage\b|\bproportion\b|\baverage\b|\bcount\b|\bhow\s+often\b|"
                    r"\bon\s+how\s+many\s+occasions\b|\bdata\s+(?:on|about|showing|for)\b|\bsum\s+of\b")
# Recorded material from an incident or a case, however it is named: footage, recordings, tapes, BWV.
_MATERIAL_WORDS = (r"footage|recordings?|video|videos|bwv|cctv|tapes?|audio|photographs?|photos|images|"
                   r"interview\s+recordings?|case\s+files?|investigation\s+files?|case\s+papers")
# However the asking is worded: "please provide", "send me", "I would like", "I'd like", "I want", "can I have".
_COPY = re.compile(r"\b(?:copy|copies)\s+of\b|\b(?:provide|disclose|send|supply|see|(?:i|we)\s+would\s+like|(?:i|we)['’]d\s+like|"
                   r"i\s+want|(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?have)\s+(?:(?:to\s+)?me\b)?"
                   r"(?:\s*,[^,.\n]{0,60},)?\s*(?:with\s+)?(?:the|a|your|any|all|every)\s+"  # "disclose to me, under the Act, any …"
                   r"(?:\w+\s+){0,3}(?:findings|reviews?|polic(?:y|ies)|guidance|assessments?|dpias?|contracts?|procedures?|reports?|minutes|"
                   r"correspondence|communications?|emails?|letters?|messages?|documents?|orders|briefings?|invoices?|bills?|"
                   r"statements?|material|information|records?|business\s+cases?|presentations?|slides|manuals?|"
                   r"user\s+guides?|training\s+materials?|documentation|handbooks?|files?|dossiers?|" + _MATERIAL_WORDS + r")\b|"
                   r"\bany\s+(?:guidance|communications?|correspondence|documents?|information|material|emails?|letters|"
                   r"presentations?|slides|manuals?|user\s+guides?|training\s+materials?|documentation|handbooks?)\b"
                   # a line that is itself the description: "All BWV recorded at …", "2. The CCTV footage of …"
                   r"|^\W*(?:\(?(?:\d{1,2}|[a-z])[.)]\s*)?(?:all|any|the|copies\s+of|a\s+copy\s+of)\s+(?:[\w'’-]+\s+){0,3}?"
                   r"(?:" + _MATERIAL_WORDS + r")\b(?!\s+(?:was|were|is|are|has|have|had|did|does|never|still)\b)")
_RECORDS = re.compile(r"\bdetails\s+of\s+(?:each|every|all|the)\b(?!\s+(?:total\s+)?(?:numbers?\b(?!\s+plates?)|figures?\b|totals?\b|amount\b|count\b))|\b(?:short|brief)\s+(?:description|summary|details)\b|"
                      r"\blist\s+(?:all|each|every)\b(?!\s+(?:\w+\s+)?(?:categor|types?\b|kinds?\b|sources?\b|systems?\b|polic|documents?\b))|\bfor\s+each\s+(?:incident|case|complaint|search|person|individual|"
                      r"officer|application|arrest|item|record|allegation|one)\b(?=.*\b(?:details?|summar|descri|what\s+happened|circumstances|"
                      r"time|postcode|location|nature)\b)|\b(?:full\s+)?log\s+of\b|\blist\s+of\s+(?:all|each|every|the)\s+"
                      r"(?:incidents?|cases?|crimes?|complaints?|searches|people|individuals|officers|arrests)\b|"
                      r"\bsummar(?:y|ies)\s+of\s+(?:each|every|the)\b|\bbrief\s+details\b|\b(?:locations?|dates?)\s+(?:and|&)\s+"
                      r"(?:dates?|times?|locations?)\s+of\s+(?:all|each|every)\b|\bdescription\s+of\s+(?:the|each)\b|"
                      r"\braw\s+data\b|\bindividual[\s-]+level\b|\brecord[\s-]+level\b")
_EACH = re.compile(r"\bfor\s+(?:each|every)\s+(?:of\s+(?:those|them|these)|incident|case|complaint|search|person|individual|"
                   r"officer|application|arrest|item|record|allegation)\b")
_EXPLAIN = re.compile(r"^\W*(?:why|how\s+(?:does|do|is|are|will|did))\b|\bexplain\b|\bdescribe\b|\bwhat\s+(?:is|are)\s+the\s+"
                      r"(?:process|procedure|criteria|purpose|reason)")
_YES_NO = re.compile(r"^\W*(?:\d+[a-z]?[.)]\s*)?(?:do|does|did|is|are|was|were|has|have|had|can|will|could\s+you\s+confirm|"
                     r"please\s+confirm|confirm\s+whether|whether)\b")
_LIST = re.compile(r"(?:^|[.?!:;]\s+|\d[.)]\s*)(?:what|which|when|who|where|please\s+(?:state|tell|confirm|list|give))\b|"
                   r"\bname\s+of\b|\blist\b|\btitles?\b|\?")

_NARROW = re.compile(r"\bunder\s+(?:the\s+age\s+of\s+)?\d+|\baged\s+(?:\d+|under|over|between)|\b\d+\s+(?:or|and)\s+(?:under|over|younger|"
                     r"older)\b|\bwhere\s+(?:the|a|an)\b|\bwho\s+(?:were|was|had|have)\b|\bof\s+(?:these|those|them)\b|\binvolving\b|"
                     r"\bresulted\s+in\b|\bled\s+to\b|\bwhich\s+(?:were|was|resulted|led)\b|\bfired\b|\bdischarged\b|\bfor\s+(?:drug|"
                     r"sexual|violent|knife|hate)\b|\bcategori[sz]ed\s+as\b")
# A place named: "in the Oakfield area", "at Northtown police station", "on Mill Road".
_NAMED_PLACE = re.compile(r"\b(?:in|at|near|on|around|outside|within)\s+(?:the\s+)?(?:[A-Z][a-z'’]+(?:\s+(?:[A-Z][a-z'’]+|le|upon|on|"
                          r"under)){0,3})\s+(?:(?:police|railway|train|bus|fire|tube)\s+)?(?:[A-Z][a-z]+|area|town|village|estate|"
                          r"road|street|drive|lane|park|station|custody\s+(?:suite|centre|block)|ward|roundabout|junction)\b|\b[A-Z][a-z]+\s+(?:Road|Street|Drive|Lane|Avenue|Park|Estate|Square|Roundabout)\b")
_PLACE_WORDS = re.compile(r"^(?:in|at|near|on|around|outside|within)\s+(?:the\s+)?|(?:\s+(?:police|force|constabulary|area|region|"
                          r"county|policing|district))+$", re.IGNORECASE)


# A place named by its kind or in brackets: "the village of Much Wenlock", "(Ashby area)", "for the Ashby
# area", "covering the parish of Hope".
_PLACE_NAMED_AS = re.compile(r"\b(?i:village|town|parish|hamlet|city|ward|suburb|district)\s+of\s+"
                             r"(?P<a>[A-Z][a-z'’-]+(?:\s+(?:[A-Z][a-z'’-]+|le|upon|on|under)){0,3})"
                             r"|\((?:the\s+)?(?P<b>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3})\s+area\)"
                             r"|\b(?i:for|of|covering|across|within|around)\s+the\s+(?P<c>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3})\s+area\b")


def named_place(text: str) -> bool:
    """Whether `text` names a place within a force area: a town, street, station or estate. The place a
    force is named for ("in the Greater Manchester area", "across Cheshire") is the whole force area."""
    from composer.force_names import force_areas

    if any(_PLACE_WORDS.sub("", m.group(0)).lower() not in force_areas() for m in _NAMED_PLACE.finditer(text)):
        return True
    return any(next(g for g in m.groups() if g).lower() not in force_areas() for m in _PLACE_NAMED_AS.finditer(text))


# A title and the name after it: one person. The whole title ("Assistant Chief Constable") and both names
# ("Rhoda Small") are that one person, not the last title word and the first name; a lone capital is the
# letter a report gives in a name's place ("PC A").
_NAME_WORD = r"[A-Z](?:[a-z]+|(?=['’]))(?:['’-](?!s\b)[A-Za-z]+)*"  # Smith, O'Brien, Smith-Jones; not "Ames's"
TITLED_NAME = (
    r"\b(?i:mr|mrs|ms|miss|mx|dr|pc|dc|ds|di|dci|dsu|supt|sgt|sergeant|councillor|cllr|sir|dame|lord|lady|professor|"
    r"prof|rev|reverend|(?:deputy\s+|assistant\s+)?chief\s+constable|(?:deputy\s+|assistant\s+)?commissioner|commander|"
    r"acc|dcc|pcc|(?:detective\s+)?(?:chief\s+)?(?:superintendent|inspector)|(?:detective\s+)?(?:constable|sergeant))\.?\s+"
    # not a programme, exam or post named after the rank ("Police Constable Degree Apprenticeship",
    # "Sergeant Promotion Process", "Inspector Vacancies"): a capitalised common noun is not a surname
    r"(?!(?:Degree|Apprentice\w*|Entry|Programme|Scheme|Course|Training|Recruit\w*|Development|Pathway|Framework|"
    r"Exam\w*|Assessment|Promotion|Process|Pay|Pension\w*|Vacanc\w+|Posts?|Roles?|Ranks?)\b)"
    r"(?:" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?|[A-HJ-Z](?![\w'’-]))\b")
_IDENTIFIES = re.compile(
    TITLED_NAME +
    r"|(?i:\ba\s+named\s+(?:\w+\s+){0,2}(?:officer|person|individual|inspector|constable|sergeant|detective|member\s+of\s+staff|"
    r"employee|suspect|victim|councillor|mp))"
    r"|(?i:\b(?:the|this|that)\s+(?:police\s+)?(?:officers?|individual|person|man|woman|suspect|victim|employee|boy|girl|driver|"
    r"teenager|youth|motorist|cyclist|pedestrian|rider|neighbou?r)\s+"
    r"(?:involved|concerned|who\s+(?:was|were|is|had|\w+ed|hit|shot|sent|wrote|took|made|gave|stole|drove|struck|ran|saw|told|"
    r"said|came|left|died|fled)\b|in\s+question|named|responsible|at\s+the\s+cent(?:re|er)|"
    # "the man arrested outside the station", not "was the suspect charged?" asked of every case
    r"(?:arrested|charged|detained|stopped|killed|injured|shot|found|seen|accused|convicted)\s+(?:at|in|on|outside|near|"
    r"after|during|last|yesterday|this|over|by\s+(?:pc|ds|dc|officers?))\b)\b)"
    r"|(?i:\b(?:this|that|the\s+said)\s+(?:police\s+)?officer\b)"
    r"|(?i:\b(?:collar|shoulder|warrant)\s+numbers?\b|\bdates?\s+of\s+birth\b|\bhome\s+address)"
    r"|(?i:\bregistration\s+(?:numbers?|marks?)\b)"
    # "a specified (deceased) person", "a particular officer": the request stands for one person it names
    r"|(?i:\b(?:(?:a|the|one)\s+(?:specified|particular|certain|named|identified)|a\s+specific)\s+(?:\(?\w+\)?\s+)?"
    r"(?:person|individual|officer|man|woman|child|member\s+of\s+(?:staff|the\s+public)|employee|suspect|victim|driver))\b"
    # a name the requester or an editor blanked out ("against [Redacted]", "PC-[name redacted]")
    r"|\[(?i:redacted|name\s+redacted|name\s+removed|name|named\s+\w+|name\s+supplied)\]"
    # a role pinned to one act: "the officer who sent the letter", "a Chief Inspector who had attended"
    r"|(?i:\b(?:a|the|that|this)\s+(?:police\s+|senior\s+|arresting\s+)?(?:officers?(?:/officers)?|chief\s+inspector|inspector|sergeant|"
    r"constable|detective(?:\s+\w+)?|superintendent|pcso|call\s+handler|public\s+servant|member\s+of\s+staff)"
    r"\s+(?:in\s+question\s+)?who\s+(?:\(\w+\)\s+)?(?:had\s+|has\s+|have\s+)?(?:\(\w+\)\s+)?(?:sent|wrote|signed|attended|arrested|stopped|"
    r"searched|dealt|instructed|authori[sz]ed|spoke|visited|interviewed|entered|took|made|gave|carried|handled|"
    r"was\s+responsible|is\s+responsible|decided|refused|issued))"
    # several people the requester names or has named: "three named officers", "the officers named above"
    r"|(?i:\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|some|both|these|those|the)\s+named\s+"
    r"(?:police\s+|serving\s+|former\s+|retired\s+)?(?:officers|constables|detectives|sergeants|inspectors|"
    r"members\s+of\s+staff|staff|employees|individuals|persons|people)\b)"
    r"|(?i:\b(?:officers?|constables?|detectives?|members?\s+of\s+staff|employees?|individuals?|persons?|people)\s+"
    r"(?:i\s+have\s+)?(?:named|identified|listed|mentioned)\s+(?:above|below|earlier|previously|in\s+(?:my|this|part)\b))"
    # a bare name asked about as the subject of a yes-or-no question ("Is Jo Bloggs on the register?", "Has Ann
    # Lee ever been arrested?"): two capitalised words right after the question's verb, followed by what is asked
    # of them, not by the rest of an organisation's name ("Has Kent Police ever …")
    r"|(?:(?<=\bIs )|(?<=\bWas )|(?<=\bHas )|(?<=\bHad )|(?<=\bDid )|(?<=\bDoes ))"
    r"(?!(?:[A-Z]\w+\s+)?(?:Police|Constabulary|Council|Office|Service|Authority|Government|Agency|Commissioner|Department|"
    r"Ministry|Trust|Board|Force|University|College|Yard)\b)" + _NAME_WORD + r"\s+" + _NAME_WORD
    + r"(?=,?\s+(?:\(\w+\)\s+)?(?:been|ever|got|a|an|on|in|under|known|wanted|currently|still|the\s+subject|of\s+\d|who\s+lives))"
    # the one party to a case: "the defendant in civil claim …", "the deceased"
    r"|(?i:\bthe\s+(?:defendant|claimant|accused|respondent|deceased)\b(?!s))"
    # legal action against one person: "injunction proceedings brought against a member of the public"
    r"|(?i:\b(?:proceedings|injunctions?|judg(?:e)?ments?|court\s+orders?|civil\s+(?:claims?|actions?))\s+(?:\w+\s+){0,3}against\s+"
    r"(?:a|an|one)\s+(?:member\s+of\s+the\s+public|man|woman|person|individual|resident|neighbou?r|officer|driver)\b)")
# An office-holder who wrote or received official correspondence is its author or addressee, not its subject:
# "emails between the Chief Constable and the council about the bridge closure" asks about the public business,
# and no force neither confirms nor denies that its chief officer's official letters exist. The person is the
# subject again when the sentence asks about their conduct, standing or treatment.
_CORRESPONDENCE = re.compile(r"\b(?:e-?mails?|correspondence|letters?|communications?|memos?|memoranda|messages?|"
                             r"minutes|briefings?|notes\s+of\s+(?:the\s+)?meetings?)\b", re.IGNORECASE)
_AS_WRITER = re.compile(r"\b(?:between|from|to|by|with|and|sent\s+to|copied\s+to|addressed\s+to|written\s+by|"
                        r"signed\s+by|cc)\s+(?:the\s+)?(?:(?:then|former|acting|temporary|interim|current|force'?s?|police'?s?)\s+)*$",
                        re.IGNORECASE)
_WROTE = re.compile(r"^\s*(?:had\s+|has\s+|have\s+)?(?:sent|wrote|written|received|signed|copied|exchanged|issued)\b",
                    re.IGNORECASE)
_ABOUT_THEM = re.compile(r"\bcomplain\w*|\bdisciplin\w*|\bmisconduct\b|\bconduct\b|\binvestigat\w*|\bsuspen\w+|"
                         r"\bdismiss\w*|\bsick\w*|\babsen\w+|\bgrievances?\b|\bvetting\b|\barrest\w*|\ballegation\w*|"
                         r"\bbehaviou?r\b|\bsalary\b|\bpay\b|\bexpenses\b|\bperformance\b|\bhealth\b|\bresign\w*|"
                         r"\bretire\w*|\bbonus\w*|\bappraisal\w*|\binterview\w*|\bpersonnel\s+file\b", re.IGNORECASE)
_SENTENCE_EDGE = re.compile(r"[.?!\n](?=\s|$)")


def writes_officially(text: str, match: re.Match[str]) -> bool:
    """Whether the person `match` names in `text` is only the writer or addressee of official
    correspondence in its sentence ("letters from the council to Chief Constable A B about …", "the
    memos PCC C D sent"), a sentence that asks nothing about their conduct or standing."""
    begin = max((m.end() for m in _SENTENCE_EDGE.finditer(text, 0, match.start())), default=0)
    edge = _SENTENCE_EDGE.search(text, match.end())
    sentence = text[begin:edge.start() if edge else len(text)]
    before = text[begin:match.start()]
    if _CORRESPONDENCE.search(before) is None or _ABOUT_THEM.search(sentence) is not None:
        return False
    return _AS_WRITER.search(before[-40:]) is not None or _WROTE.search(text[match.end():match.end() + 30]) is not None


# One incident, address, vehicle, day or operation (a person is `_IDENTIFIES`): saying whether anything
# is held about it tells the world something about what the police did there (ICO, "When to refuse
# to confirm or deny": the property under surveillance). Each alternative is a named group: its kind.
_STREETS = (r"(?:Road|Street|Drive|Lane|Avenue|Close|Crescent|Terrace|Gardens|Walk|Way|Place|Square|Row|Grove|Court|"
            r"Mews|Rise|Hill|View|Green|Parade|Park)")
_ONE_CASE = re.compile(
    r"(?P<specified>(?i:\b(?:(?:a|the)\s+(?:specified|particular|named|identified)|a\s+specific)\s+(?:\(?\w+\)?\s+)?"
    r"(?:address|residence|property|premises|house|flat|location|street|meeting|incident|event|date|day|night|occasion|"
    r"operation|investigation|case|crime|offence|alleged\s+offence|vehicle|car|arrest|call|collision|death|report|"
    r"complaint|allegation)\b(?!\(s\))))"
    r"|(?P<address>(?i:\b(?:entered|searched|raided|attended|visited|outside)\s+the\s+(?:property|premises|residence|"
    r"house|flat|address)\b)|\b\d{1,4}[a-z]?,?\s+[A-Z][a-z]+\s+" + _STREETS + r"\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b)"
    # a street or a stretch of road: one place, but many people pass along it
    r"|(?P<street>\b[A-Z][a-z]+\s+" + _STREETS + r"\b|\b(?:on|along|of)\s+the\s+[ABM]\d{1,4}\b)"
    # one named school, hospital, club or home: many people, but one place
    r"|(?P<institution>\b(?:St\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:School|Academy|College|Hospital|Church|Mosque|"
    r"Synagogue|Temple|Club|Hotel|Care\s+Home|Nursing\s+Home|Children's\s+Home|Hostel|Prison|Pub|Inn|Bar|Nightclub)\b)"
    # one named company or organisation ("Acme Waste Ltd"): whether it was investigated is s30(3)
    r"|(?P<company>\b[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}\s+(?:Ltd|Limited|plc|PLC|LLP)\b)"
    # one named body or business the police are asked to have investigated, raided or had intelligence about
    # ("investigated the charity Helping Hands UK", "intelligence that the Blue Lion pub …"): as a company
    r"|(?P<named>(?i:\b(?:investigated|investigating|raided|prosecuted|(?:intelligence|information|reports?|allegations?)\s+"
    r"(?:that|about|on|regarding|concerning))\s+(?:the\s+)?(?:(?:charity|company|firm|group|organi[sz]ation|business|club|"
    r"shop|pub|restaurant|bar|care\s+home|trader|landlord|church|mosque)\s+)?)"
    r"[A-Z][\w&'’-]+(?:\s+(?:[A-Z][\w&'’-]+|UK|of|and|&)){0,4}(?<!\sof)(?<!\sand))"
    r"|(?P<placeholder>[<\[](?i:named\s+|specified\s+)?(?i:location|address|estate|street|road|property|premises|house)[>\]])"
    r"|(?P<vehicle>\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,4}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b)"
    r"|(?P<operation>\b[Oo]peration\s+[A-Z][a-z]{2,}\b)"
    r"|(?P<reference>(?i:\b(?:crime|incident|log|occurrence|case)\s+(?:ref\w*|no\.?|number)\s*(?:no\.?|number)?\s*[:#]?\s*\w*\d)"
    r"|\b(?i:claim|case|court)\s+(?:(?i:ref\w*|no\.?|number)\s+)?[A-Z]*\d+[A-Z]+\d*\b)"
    r"|(?P<day>(?i:(?<!as\s)\b(?:on|during|of|at)\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:of\s+)?" + patterns.MONTH_WORD + r"\.?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)?\d\d)\b)"
    r"(?!\s*(?:-|–|to\b|and\b|until\b)))")
# Letters that look like a number plate but are words a request uses ("ACT 2000", "FOI 2023", "JAN 2024");
# the forces' own capitals ("GMP 2023") are added from the directory where they are looked for.
_NOT_PLATES = frozenset({"ACT", "FOI", "SSI", "SI", "PNC", "PND", "NPCC", "ICO", "APP", "REG", "GDPR", "DPA", "UK",
                         "PACE", "RIPA", "IPA", "ISO", "COVID", "NHS", "CPS", "HMIC", "HMICFRS", "IOPC", "IPCC", "PSD",
                         "BWV", "CAD", "FOISA", "ASB", "RTC", "TOR", "WEF", "AND", "THE", "FOR"}
                        | {month[:3].upper() for month in patterns.MONTHS})
_VEHICLE_WORDS = re.compile(r"\b(?:registrations?|registered|vehicles?|cars?|vans?|plates?|vrms?|reg|vehicle\s+reg\w*|"
                            r"number\s+plates?|insured|driver|keeper|anpr)\b")
_PUBLIC_EVENT = re.compile(r"\b(?:protests?|demonstrations?|marches|rall(?:y|ies)|matche?s?|fixtures?|festivals?|"
                           r"concerts?|celebrations?|riots?|disorder|parades?|events?|games?|carnival|vigils?)\b")


# When a part names several, the narrowest decides: a house on a day is one address, a hotel on a day one
# incident on one day.
_NARROWEST = ("address", "vehicle", "reference", "specified", "company", "named", "day", "operation", "institution",
              "street", "event")


# One identified item: its reference, its address, its plate, or a named thing on its day ("the decision made
# on 4 June 2019", "the arrest on 3 May"), or one email chain. Everything about it is a few records found from
# that, not a search of every record of its kind or of every mailbox.
_BOUNDED_KINDS = frozenset({"reference", "specified", "address", "vehicle"})
_ITEM_NOUN = re.compile(r"\b(?:the|this|that|a|an|one|your)\s+(?:[\w'-]+\s+){0,2}?(?:decision|incident|arrest|meeting|call|"
                        r"collision|crash|seizure|stop|search|raid|letter|e-?mail|complaint|report|review|visit|hearing|"
                        r"warrant|authori[sz]ation|notice|disclosure|referral|application|detention)\b")
_ONE_THREAD = re.compile(r"\b(?:e-?mail|message|correspondence|letter)s?\s+(?:chain|thread|trail|exchange)\b|"
                         r"\b(?:chain|thread|trail)\s+of\s+(?:e-?mails|messages|correspondence|letters)\b|"
                         r"\b(?:e-?mails|messages|letters)\s+(?:\w+\s+){0,2}(?:in|of|from)\s+(?:the|that|this)\s+(?:same\s+)?(?:chain|thread)\b")


# Principle B: one identified item is small, wherever and however it is named. Besides a reference, an
# address, a plate, a named thing on its day and one email chain, these name one item:
# (i) one named person's death, disappearance or case, with or without its year ("the 1988 disappearance
#     of Mary Roe", "the investigation into the death of John Smith in 1977"): the year says when it
#     happened, not where a search starts;
_NAMED_EVENT = re.compile(
    r"\b(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:(?:investigation|inquiry|enquiry|inquest|case\s+file|file|case|"
    r"review)\s+(?:in)?to\s+the\s+|(?:investigation|inquiry|case\s+file|file|case|inquest)\s+(?:of|on|for|about)\s+the\s+)?"
    r"(?i:disappearance|murder|death|killing|abduction|shooting|stabbing|kidnapping|manslaughter|rape|assault|"
    r"drowning)\s+of\s+(?:(?i:the\s+late\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+|miss\s+|pc\s+|dc\s+|sgt\.?\s+))?"
    r"(?:[A-Z][a-z'’-]+\s+){1,2}[A-Z][a-z'’-]+\b")
# (iii) an item noun dated by the things around it in the same sentence ("the decision taken after letters
#     of 3 May and 9 June 2021"): one definite, singular item and a day it is placed by;
_DATED_ITEM = re.compile(
    r"\b(?:the|this|that|your)\s+(?:[\w'-]+\s+){0,2}?(?:decision|ruling|determination|hearing|meeting|warrant|"
    r"authori[sz]ation|notice|referral|arrest|raid|seizure|visit|inspection|review)\b(?!s)"
    r"(?=[^.?!;\n]{0,120}?\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + patterns.MONTH_NAME + r"\b[^.?!;\n]{0,40}?(?:19|20)\d\d)")
# (iv) a count of things inside one singular event ("how many bottles were seized from an unlicensed bar in
#     Eastfield", "the plants found in the raid"): the event bounds the count, no period is missing.
_INSIDE_ONE = re.compile(
    r"\b(?:seized|found|recovered|taken|confiscated|removed|discovered|destroyed|stolen)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:from|in|at|during|inside)\s+(?P<art>a|an|the|one|that|this)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:raid|search|seizure|bar|pub|club|premises|property|house|flat|warehouse|farm|factory|vehicle|car|van|lorry|"
    r"boat|shop|garage|lock-?up|unit|address|operation|incident|cannabis\s+factory)\b(?![s'’-])"
    r"(?![^.?!;\n]{0,60}\b(?:each|every|per|a\s+year|annually)\b)")


# Something done to someone on one day ("on 3 March my son was arrested"): the day names that one event.
_ITEM_VERB = re.compile(r"\b(?:was|were|been|got|being)\s+(?:\w+\s+)?(?:arrested|stopped|searched|detained|cautioned|"
                        r"interviewed|charged|visited|raided|questioned|handcuffed|tasered)\b")
_PLACE_NAMED = re.compile(r"[^.?!;\n]{0,30}?\b(?:in|at|on|near|outside|off)\s+(?:the\s+)?[A-Z][a-z]{2,}")


def one_item(case: tuple[str, str] | None, low: str, text: str = "") -> str | None:
    """The words naming the one item lower-cased `low` (the words `text`) is about, given the case
    `one_case` found."""
    if case is not None and (case[0] in _BOUNDED_KINDS or (case[0] == "day" and (_ITEM_NOUN.search(low)
                                                                                  or _ITEM_VERB.search(low)))):
        return case[1]
    thread = _ONE_THREAD.search(low)
    if thread:
        return thread.group(0)
    if text:
        event = _NAMED_EVENT.search(text)
        if event:
            return event.group(0).strip()
    dated = _DATED_ITEM.search(low)
    if dated:
        return dated.group(0)
    inside = _INSIDE_ONE.search(low)
    if inside and (inside.group("art") not in ("a", "an") or case is not None
                   or _PLACE_NAMED.match(text, inside.end())):
        return inside.group(0)  # "an unlicensed bar in Eastfield": one place named; "a raid" alone is any raid
    return None


# Words about the request itself, not about what it asks: the requester's role in the exchange ("as the
# complainant", an editor's "the applicant asked"), an earlier request or reply and its date or reference
# ("further to my request of 4 May 2023", "your reply dated …", "your ref FOI/123"). They name no case, no
# day and no reveal word; `request_talk` blanks them (same length, so places in the text still hold).
_A_DATE = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
           + patterns.MONTH_WORD + r"\.?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)?\d\d|"
           + patterns.MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)")
_EXCHANGE_QUALIFIER = (r"(?:(?:foi|freedom\s+of\s+information|information|original|earlier|previous|initial|first|second|"
                       r"last|recent|subsequent|internal\s+review|review)\s+)*")
_EXCHANGE_TAIL = (r"\s*,?\s*(?:\(?(?:ref\w*|no\.?|number)\s*[:#]?\s*[\w/.-]*\d[\w/.-]*\)?\s*,?\s*)?(?:(?:dated|of|sent|made|"
                  r"submitted|received|lodged|on|from)\s+(?:on\s+)?(?:the\s+)?" + _A_DATE + r")?")
_REQUEST_TALK = re.compile(
    # a request or review, whoever's; the requester's or the force's own letters, emails and replies
    r"\b(?:my|our|your|the|this|that|an?|his|her|their)\s+" + _EXCHANGE_QUALIFIER + r"(?:requests?|internal\s+reviews?|"
    r"refusal\s+notices?|complaints?\s+to\s+the\s+(?:commissioner|ico))\b" + _EXCHANGE_TAIL
    + r"|\b(?:my|our|your)\s+" + _EXCHANGE_QUALIFIER + r"(?:applications?|e-?mails?|letters?|correspondence|replies|reply|"
    r"responses?)\b" + _EXCHANGE_TAIL
    # a request or reply named by its date alone: "(request of 3 March 2021)", "reply dated …"
    + r"|\b(?:requests?|replies|reply|internal\s+reviews?|responses?\s+dated)\s*,?\s*(?:dated|of|sent\s+on|made\s+on|"
    r"submitted\s+on|received\s+on)?\s*(?:the\s+)?" + _A_DATE
    + r"|\b(?:dated|on)\s+" + _A_DATE + r",?\s+(?:the\s+)?(?:complainant|applicant|appellant|requester|requestor|"
    r"i|we|he|she|they)\s+(?:\w+\s+){0,2}?(?:wrote|requested|asked|applied|submitted|emailed|sought|made)\b"
    r"|\b(?:requested|wrote|submitted|emailed|applied|sought\s+information)\b(?:\s+\w+){0,6}?\s+on\s+" + _A_DATE
    + r"|\b(?:as|being|i\s+am|i\s+was|we\s+are)\s+(?:the|a|an)\s+(?:\w+\s+)?(?:complainant|applicant|appellant|requester|"
    r"requestor)\b(?:\s+in\s+(?:an?\s+)?(?:earlier|previous|separate|other)\s+(?:matter|case|request))?"
    r"|\bthe\s+(?:complainant|applicant|appellant|requester|requestor)(?:'s)?\b"
    r"|\b(?:your|our|my|the\s+force's|its)\s+(?:ref(?:erence)?\.?|case\s+(?:ref(?:erence)?|number))\s*(?:no\.?|number)?\s*"
    r"[:#]?\s*[\w/.-]*\d[\w/.-]*"
    r"|\b(?:foi|foia|foisa|ico|ic|fs|ea|sic)[\s/-]*(?:ref\w*\s*)?[:#]?\s*\d[\w/-]*\d\b",
    re.IGNORECASE)


def request_talk(text: str) -> str:
    """`text` with its words about the request itself (`_REQUEST_TALK`) blanked out, same length."""
    return _REQUEST_TALK.sub(lambda m: " " * len(m.group(0)), text)


# A day that dates a facility's opening or coming into use ("after it opened on 1 March 2019") says when the
# building or system began, not that something happened there that day.
_OPENED = re.compile(r"\b(?:opened|opening|re-?opened|came\s+into\s+(?:use|service|operation|being)|commissioned|launched|"
                     r"went\s+live|was\s+introduced|handed\s+over|became\s+(?:fully\s+)?operational|began\s+(?:operating|"
                     r"operation|to\s+operate)|(?:was\s+)?first\s+(?:used|occupied)|opened\s+its\s+doors)\s+(?:\w+\s+){0,2}$",
                     re.IGNORECASE)


# A question whether something happened ("Has the force ever investigated …", "Did you receive …"), not a count.
# A question whether, or how often, the police did something to it ("Has the force ever investigated …", "How many
# times did the force raid …"): not a title in a list ("all reports on the Violence Harm Assessment").
_ASKED_WHETHER = re.compile(r"\W*(?:\w+[.)]\s*)?(?:has|have|had|did|does|do|is|was|were|are|how\s+(?:many\s+times|often)\s+"
                            r"(?:has|have|had|did|was|were)|can\s+you\s+(?:confirm|tell\s+me)\s+(?:whether|if))\b")
# Names that are not a party the police could have investigated: the force, a public body, a place or a month.
_PUBLIC_BODY = re.compile(r"\b(?:Police|Constabulary|Council|Office|Service|Authority|Government|Agency|Commissioner|"
                          r"Department|Ministry|Parliament|NHS|IOPC|CPS|Home|HMICFRS|Prevent)\b")


def _not_a_party(said: str) -> bool:
    from composer.force_names import force_areas

    name = re.sub(r"^(?i:[a-z\s]+?)(?=[A-Z])", "", said)
    return (_PUBLIC_BODY.search(name) is not None or name.lower() in force_areas()
            or name.split()[0].lower() in patterns.MONTHS)


def one_case(text: str, low: str) -> tuple[str, str] | None:
    """(kind, words) when `text` points at one incident, address, vehicle, day or operation."""
    found: list[tuple[int, int, str, str]] = []
    text = request_talk(text)
    low = text.lower()
    for match in _ONE_CASE.finditer(text):
        kind = match.lastgroup
        said = match.group(0)
        if kind == "day" and _OPENED.search(text, max(0, match.start() - 40), match.start()):
            continue  # the day a building or system opened
        if kind == "day" and any(m.start() < match.end() and match.start() < m.end()
                                 for m in _STOCK_DAY.finditer(low, max(0, match.start() - 80), match.end() + 20)):
            continue  # what the force had on a day ("officers employed on 31 March"): a stock, not an incident
        if kind == "vehicle":
            letters = re.sub(r"[\d\s]", " ", said).split()
            if (any(word in _NOT_PLATES or word in force_acronyms() for word in letters)
                    or _VEHICLE_WORDS.search(low) is None):
                continue
        if kind == "named":
            if not _ASKED_WHETHER.match(low) or _not_a_party(said):
                continue
            kind = "company"  # one body or business: whether it was investigated is s30(3), as for a company
        if kind == "placeholder":
            kind = "address"  # an address the requester or an editor blanked out
        if kind == "day" and _PUBLIC_EVENT.search(low):
            kind = "event"  # a protest or a match on one day: public, and figures about it are given
        found.append((_NARROWEST.index(kind), match.start(), kind, said.strip()))
    if not found:
        return None
    _, _, kind, said = min(found)
    return kind, said
_NARRATIVE = re.compile(r"\bdetails?\b|\bsummar(?:y|ies)\b|\bdescriptions?\b|\bnature\s+of\b|\bcircumstances\b|"
                        r"\b(?:full\s+)?log\b|\bwhat\s+happened\b|\bnarratives?\b|\bcopies\s+of\s+(?:the\s+)?(?:reports|records|files)\b")
_REFERS_BACK = re.compile(r"\b(?:of|for|from|in)\s+(?:these|those|them|this|that)\b|\bthese\s+(?:\w+\s+)?(?:cases|incidents|"
                          r"requests|applications|people|officers|figures|numbers|arrests|searches)\b|\b(?:above|aforementioned)\b|"
                          r"\b(?:q|question|part)\s*\d")
# A part asking who the people behind the records are: the holders of posts, who fills them.
_PEOPLE_ASKED = re.compile(r"\b(?:held|filled|occupied)\s+by\b|\b(?:post[\s-]?)?holders?\b|\bwho\s+(?:holds?|held|fills?|filled)\b")
_SAME_AS = re.compile(r"\b(?:the\s+)?(?:exact(?:ly)?\s+)?same\s+(?:information|details|data|figures|breakdown|records)\b")
_BREAKS_DOWN = re.compile(r"\bbr(?:eak|oken)\s*(?:this\s+|these\s+|it\s+|them\s+)?down\b|\bbreakdown\b|\bsplit\s+by\b|"
                          r"\bby\s+the\s+following\b|\bdisaggregated\b")
_CONDUCT = re.compile(r"\ballegation\w*|\binvestigat\w+|\bdisciplin\w+|\bmisconduct\b|\bsuspen\w+|\bcomplaints?\b|\bstatus\s+of\b|"
                      r"\brestricted\s+duties\b|\brepositioned\b|\bdismiss\w+|\bconvict\w+|\bcharged\b|\binterview\w*\s+under\s+caution\b")


# "Full details of the retention policy": a document wanted, not the details of each record.
_DETAILS_OF_DOCUMENT = re.compile(r"\bdetails\s+of\s+(?:the|your|any)\s+(?:\w+\s+){0,5}?(?:polic(?:y|ies)|procedures?|guidance|"
                                  r"strateg(?:y|ies)|process(?:es)?|arrangements|schemes?|contracts?|plans?|agreements?)\b")


def _action(low: str) -> Action:
    if _RECORDS.search(low):
        return "copy" if _DETAILS_OF_DOCUMENT.search(low) else "records"
    if _COUNT.search(low):
        return "count"
    if _EACH.search(low):
        return "records"
    if _COPY.search(low):
        return "copy"
    if _EXPLAIN.search(low):
        return "explain"
    if _YES_NO.search(low):
        return "yes_no"
    if _LIST.search(low):
        return "list"
    if len(low.split()) <= 15 and not re.match(r"\W*(?:i|we|my|our)\b", low) and (
            knowledge.RECORD_BY_ID["documents"].pattern.search(low)
            or knowledge.RECORD_BY_ID["correspondence"].pattern.search(low)):
        return "copy"  # "2) The investigating officer's report": a document named in a list, wanted
    return "other"


# Who made or keeps a thing: "who developed the system", "was it built in-house or by a supplier". The
# people a question like this names among organisations ("a company, another public body or staff of
# the force") are the answers it offers, the makers, not the workforce counted or listed.
_MAKING = (r"(?:develop|design|buil[dt]|creat|writ|wrot|written|made|make|produc|suppl|provid|maintain|support|"
           r"own|host|install|programm|cod|commission|manufactur|licens|sol[dl])[\w'-]*")
_MAKER = re.compile(r"\bwho\s+(?:[\w'-]+\s+){0,2}?" + _MAKING + r"\b|\b" + _MAKING + r"\s+(?:[\w'-]+\s+){0,3}?by\b"
                    r"|\bin[\s-]house\b")
_MAKERS_OFFERED = re.compile(r"\b(?:compan(?:y|ies)|suppliers?|contractors?|vendors?|firms?|third[\s-]part(?:y|ies)|"
                             r"public\s+bod(?:y|ies)|organi[sz]ations?|agenc(?:y|ies)|consultan\w+|universit(?:y|ies)|"
                             r"external(?:ly)?|commercial(?:ly)?|in[\s-]house|outsourced)\b")


def makers_asked(low: str) -> bool:
    """Whether lower-cased `low` asks who made or keeps something, offering organisations and the
    force's own people as the possible answers."""
    return _MAKER.search(low) is not None and _MAKERS_OFFERED.search(low) is not None


# The record system comes from the thing counted, not from who acted: "searches carried out by your
# officers" counts searches, so the officers named as the actors do not make it a workforce record.
_ACTORS = re.compile(r"\b(?:carried\s+out|conducted|performed|undertaken|made|used|issued|seized|searched|stopped|"
                     r"recorded|attended|deployed|detected|fired|drawn|discharged|served|given)\s+(?:\w+\s+){0,3}?by\s+"
                     r"(?:your\s+|the\s+|its\s+|police\s+|force\s+)?(?:own\s+)?(?:police\s+)?officers\b"
                     r"|\b(?:did|do|have|has|had)\s+(?:(?:your|the\s+force\x27s|its|the)\s+)?(?:police\s+)?officers\s+(?:\w+\s+)?"
                     r"(?:carr(?:y|ied)|make|made|use|used|conduct\w*|perform\w*|undert\w+|issue\w*|seize\w*|stop\w*|"
                     r"search\w*|arrest\w*|attend\w*|record\w*|deploy\w*|detect\w*|shar\w+|pass\w*|disclos\w+|refer\w*|"
                     r"report\w*|check\w*|contact\w*|notif\w+|inform\w*|sen[dt]\w*|request\w*|access\w*)\b")


# People of the force counted as such ("how many officers are trained to strip search"): the workforce
# is the thing counted, unless they are counted as the ones harmed.
_STAFF_COUNTED = re.compile(r"\b(?:how\s+many|numbers?\s+of)\s+(?:\w+\s+){0,2}?(?:officers|staff|employees|pcsos|constables|"
                            r"sergeants|handlers|trainers|instructors)\b(?!\s+(?:were|have\s+been|had\s+been)\s+"
                            r"(?:injured|bitten|hurt|attacked))")


def _only_actors(low: str, record: RecordType) -> bool:
    """Whether every place `record`'s pattern matches in `low` is inside a phrase naming who acted."""
    actors = [m.span() for m in _ACTORS.finditer(low)]
    return bool(actors) and all(any(a <= m.start() and m.end() <= b for a, b in actors) for m in record.pattern.finditer(low))


# One named system, programme or project ("the new rostering software", "NLEDS", "the roll-out of the
# mobile fingerprint readers"): documents about it are a bounded set in that project's or the training
# team's library, with a period that starts when it was brought in.
_SYSTEM_WORD = (r"(?:software|systems?|portal|app|application|database|platform|programme|program|project|scheme|tool|"
                r"readers?|devices?|network|solution|module|technology|equipment|kit|vehicles?|building|suite|centre)")
_NAMED_SYSTEM = re.compile(
    r"\b(?:new|newly[\s-]introduced|recently[\s-]introduced|replacement|upgraded)\s+(?:[\w-]+\s+){0,3}?" + _SYSTEM_WORD + r"\b"
    r"|\b(?:roll[\s-]?out|introduction|implementation|launch|procurement|deployment)\s+of\s+(?:the\s+)?(?:force(?:\x27s)?\s+|your\s+)?"
    r"(?:[\w-]+\s+){0,4}?" + _SYSTEM_WORD + r"\b"
    r"|\bthe\s+(?:[\w-]+\s+){1,3}" + _SYSTEM_WORD + r"\s+(?:that\s+was\s+|which\s+was\s+)?(?:introduced|rolled\s+out|implemented|"
    r"launched|adopted|brought\s+in|installed)\b")
# A system named by its own name: an acronym of four letters or more (NLEDS, ANPR) or a capitalised
# name before a system word ("the Athena system", "Project Nightingale").
_SYSTEM_NAME = re.compile(r"\b(?!FOIA?\b|PCSOS?\b|HMICFRS\b|NPCC\b|ACPO\b|IOPC\b|CPS\b|NHS\b)[A-Z]{4,}s?\b"
                          r"|\b(?!(?:The|Any|All|Your|Our|This|That|Which|What|Each|Every|Police|Force|New|Old|Current|"
                          r"Internal|Computer|Digital|National|Local)\b)(?:[A-Z][a-z][\w-]+|[A-Z]{3,})\s+" + _SYSTEM_WORD
                          + r"\b|\b(?:Project|Programme|Operation)\s+[A-Z][\w-]+")


def named_system(text: str, low: str) -> str | None:
    """The words naming one system, programme or project `text` is about, if it names one."""
    found = _NAMED_SYSTEM.search(low) or _SYSTEM_NAME.search(text)
    return text[found.start():found.end()] if found is not None else None


# Crime foreseen, not recorded: what a forecast or a risk score is about ("predictive crime mapping", "at a
# higher risk of committing a crime", "how likely they are to reoffend"). No crime report is asked about.
_FORESEEN_CRIME = re.compile(
    r"\b(?:predictive|predicted|forecast(?:ing|s)?|future)\s+(?:crime|offending)(?:\s+(?:mapping|hotspots?|maps?))?\b"
    r"|\b(?:risk|likel(?:y|ihood)|chance|probabilit(?:y|ies)|propensity)\s+(?:(?:that\s+)?(?:they|he|she|someone|a\s+person)"
    r"\s+(?:will|would|may|might)\s+|(?:of|to|for)\s+(?:be\s+)?)(?:\w+\s+){0,2}?(?:commit(?:s|ting)?|offend(?:s|ing)?|"
    r"re-?offend(?:s|ing)?)(?:\s+(?:a\s+|an\s+|any\s+)?(?:serious\s+|violent\s+)?(?:crimes?|offences?))?\b")


def _record_for(low: str, action: Action, system: str | None = None) -> RecordType | None:
    """The kind of record the text asks about: one whose `counted` words name it as the thing counted
    (harm done by a police dog, a strip search); else a specific kind over a generic one (officers,
    crimes, costs are named in passing), and of those the one named first (the population counted
    comes before the filters: "stop and searches that led to a complaint"). Crime foreseen by a tool
    (_FORESEEN_CRIME) names no record."""
    if "crim" in low or "offen" in low:
        low = _FORESEEN_CRIME.sub(lambda m: " " * len(m.group(0)), low)
    found = [(m.start(), r) for r in knowledge.RECORDS if (m := r.pattern.search(low))]
    if found and action not in ("count", "records") and makers_asked(low):
        found = [(at, r) for at, r in found if r.id != "workforce"]  # staff offered as who made it
    found = [(at, r) for at, r in found if r.id != "workforce" or not _only_actors(low, r)]
    documents = knowledge.RECORD_BY_ID["documents"]
    if action == "copy" and system is not None and documents.pattern.search(low):
        return documents  # training slides about one named system: its library, not everyone's mailbox
    if action == "copy" and any(r.id == "correspondence" for _, r in found):
        return knowledge.RECORD_BY_ID["correspondence"]
    counted = [(m.start(), r) for r in knowledge.RECORDS if r.counted is not None and (m := r.counted.search(low))]
    if counted and action not in ("copy", "explain") and not _STAFF_COUNTED.search(low) and not (
            action != "count" and knowledge.RECORD_BY_ID["documents"].pattern.search(low)):  # guidance on the searches
        return min(counted, key=lambda f: f[0])[1]
    if not found:
        return None
    if action != "copy":
        preferred = [(at, r) for at, r in found if r.id not in ("documents", "correspondence")]
        found = preferred if preferred or action in ("count", "records") else found
        if not found:
            return None  # "how many reports …": figures, not a document to find
    specific = [(at, r) for at, r in found if not r.generic]
    return min(specific or found, key=lambda f: f[0])[1]


# "As at 31 March 2016", "at the end of 2017", "at November 1, 2010": a count of what stood on a past day.
_AS_AT = re.compile(r"\b(?:as\s+(?:at|of|on)|at\s+the\s+(?:end|close|start)\s+of|at|on)\W+(?:\w{1,2}\s+)?(?:the\s+)?"
                    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:of\s+)?(?:(?:" + "|".join(_MONTH_NAMES) + r")\s+)?"
                    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b")
# Correspondence narrowed to whose it is: a post, a named person or a team.
_WHOSE = re.compile(r"\b(?:chief\s+constable|deputy\s+chief|assistant\s+chief|chief\s+officers?|acc|dcc|pcc|"
                    r"police\s+and\s+crime\s+commissioner|head\s+of|director|superintendent|inspector|sergeant|"
                    r"press\s+office|media\s+(?:office|team)|foi\s+(?:team|unit)|"
                    r"(?:the|your|its)\s+(?:force['’]s\s+|constabulary['’]s\s+)?\w+\s+(?:team|unit|department)|"
                    r"named|mr|mrs|ms|dr)\b")
# Kinds of record that are not a population counted but a place to look things up.
_NOT_POPULATIONS = frozenset({"documents", "correspondence", "finance", "workforce"})


def _linked(low: str, record: RecordType | None) -> str | None:
    """A register about people (criminal records, certificates) that each counted record must be
    checked against: two kinds of record named, one of them such a register."""
    if record is None:
        return None
    named = [r for r in knowledge.RECORDS if r.id not in _NOT_POPULATIONS and r is not record
             and r.id not in record.includes and r.pattern.search(low)]
    link = next((r for r in named if r.link), None)
    if link is None and record.link:
        link = next(iter(named), None)
    return link.id if link is not None else None


def _as_at_past(low: str) -> bool:
    now = _this_year()
    return any(int(m.group(1)) < now for m in _AS_AT.finditer(_dates_in_words(low)))


# A filter on the records counted: "where the entry point was a back door", "involving street
# drinkers", "because of poor CCTV". Crime and incident records code the offence, the flags, the
# people's age, sex and ethnicity, the place and the outcome (Home Office Counting Rules, NSIR);
# a filter on anything else is a circumstance written in the record's text.
_FILTER = re.compile(r"\b(?:where|in\s+which(?!\s+case\b)|whereby)\s+(?P<a>(?:the|a|an|their|his|her|its|they|he|she|it|there)\s+"
                     r"[^.?;:,()\n]{3,80})"
                     r"|\binvolv(?:ing|ed|es|e)\s+(?P<b>[^.?;:,()\n]{3,60})"
                     r"|\bwho\s+(?:were|was|are|is|had|have|has)\s+(?!been\b)(?P<d>[^.?;:,()\n]{3,60})"
                     r"|\b(?:because\s+of|due\s+to|with\s+the\s+(?:help|aid|use)\s+of|thanks\s+to|via|using|linked\s+to|"
                     r"connected\s+(?:to|with)|associated\s+with|motivated\s+by|related\s+to)\s+(?P<c>[^.?;:,()\n]{3,60})")
_CLAUSE_END = re.compile(r"\b(?:were|was|are|is|have|has|had|in|during|for|between|since|from|by|and|or|over)\b")
# Words that say how or when a record was made or ended, not a circumstance of what happened.
_PROCESS = re.compile(r"\b(?:reported|recorded|attended|arrested|charged|cautioned|convicted|prosecuted|investigated|"
                      r"closed|resolved|detected|solved|filed|created|logged|made|received|issued|used|deployed|took\s+place|"
                      r"occurred|happened|committed|stopped|searched|found|seized|identified|sentenced|released|"
                      r"dealt|outcome|result\w*|years?|months?|period|date|time|the\s+same)\b"
                      # people described by what crime and custody records code: age and sex
                      r"|\b(?:men|women|males?|females?|boys?|girls?|children|child|adults?|juveniles?|youths?|young\s+people|"
                      r"minors?|teenagers?|elderly|older\s+people|pensioners?|under\s+\d+|over\s+\d+)\b"
                      # an officer or emergency worker as the victim: an offence and a flag of its own since 2018
                      r"|\b(?:victims?|injured\s+party|complainants?)\s+(?:was|were|is|are)\s+(?:an?\s+)?(?:police\s+officers?|"
                      r"constables?|emergency\s+workers?|(?:member|members)\s+of\s+(?:police\s+)?staff)\b")
_WORD = re.compile(r"[a-z][a-z'-]+")
# Kinds of record whose fields the Counting Rules and the national standards fix.
_CODED_EVENTS = frozenset({"recorded_crime", "incidents", "arrests", "hate_crime", "officer_assaults", "stop_search",
                           "use_of_force", "mental_health_detentions"})


def _filtered_by_text(low: str, record: RecordType | None) -> str | None:
    """The first filter in lower-cased `low` on something the record has no field for, if any."""
    if record is None or record.id not in _CODED_EVENTS:
        return None
    for match in _FILTER.finditer(low):
        clause = next(g for g in match.groups() if g)
        if not match.group("a"):  # "involving X were reported in 2023": the filter is X alone
            clause = _CLAUSE_END.split(clause, maxsplit=1)[0]
        if _PROCESS.search(clause) or re.search(r"\d", clause):
            continue
        if any(d.pattern.search(clause) for d in knowledge.DIMENSIONS.values()):
            continue
        if record.share_named(clause) is not None or any(
                r.pattern.search(clause) for r in knowledge.RECORDS if not r.generic and r.id != "unknown_records"):
            continue
        words = _WORD.findall(clause)
        if any(w in knowledge.CATEGORY_WORDS or w.rstrip("s") in knowledge.CATEGORY_WORDS for w in words):
            continue
        if criteria.coded(clause, record):
            continue  # every concrete word in it is a coded field or value ("the victim did not support action")
        return match.group(0).strip()
    return None


# A kind of thing inside the counted events: "Rottweiler attacks", "thefts of Toyota vehicles", "attacks
# by huskies", "incidents involving silver cars", "suspected Staffordshire attacks". The kinds are
# semantic classes (resources/holdings.toml [kinds]); "suspected" or "alleged" before a capitalised name
# says a kind someone judged the thing to be, which no field holds either.
_SLOT_BEFORE = re.compile(r"((?:[\w'-]+\s+){1,3}?)(?:(?:dogs?|animals?|vehicles?|cars?|vans?|motorcycles?|motorbikes?|bikes?|"
                          r"bicycles?|phones?|devices?)\s+)?$")
_HEDGED = re.compile(r"\b(?:suspected|alleged|presumed)\s+((?:[A-Z][\w'-]*\s+){1,3})(?:[a-z]+\s+)?(?=\w)")
_SLOT_AFTER = re.compile(r"\s+(?:of|by|from|on|involving)\s+(?:an?\s+|the\s+)?((?:[\w'-]+\s+){0,3}[\w'-]+)")
_EVENT_RECORDS = (("recorded_crime", re.compile(r"\btheft|\bstolen|\bburglar|\brobber|\boffence|\bcrime")),
                  ("incidents", re.compile(r"\bincident|\bcollision|\bcrash")))


# A breakdown by a kind: "by breed", "by the make and model", "by the colour of the vehicle", "which species".
_KIND_ASKED = re.compile(r"\b(?:by|per|each|which|what)\s+(?:the\s+|their\s+|its\s+)?(?:breeds?|makes?|models?|brands?|colou?rs?|"
                         r"species|type\s+of\s+(?:dogs?|animals?|vehicles?|cars?|phones?|bikes?|bicycles?|livestock|property|items?))\b")


def _event_record(event: str) -> RecordType:
    """The kind of record an event word names; attacks, bites and injuries sit in crimes or incidents
    as the force judged them, so they are records the checker cannot place."""
    for rid, pattern in _EVENT_RECORDS:
        if pattern.search(event):
            return knowledge.RECORD_BY_ID[rid]
    return knowledge.RECORD_BY_ID["unknown_records"]


# Words after a kind that make it part of a place's name: "Fox Hill estate", "Green Lane", "Ford Road".
_PLACE_AFTER = re.compile(r"(?:[\s-]+[\w'-]+){0,2}?[\s-]+(?:lane|road|street|st|avenue|close|drive|way|hill|estate|park|green|"
                          r"square|court|crescent|gardens|place|terrace|row|walk|cross|bridge|farm|wood|valley|centre|"
                          r"station|village|routes?|inn|arms|ward|school|academy)\b")


def _kind_at(text: str, low: str, start: int, end: int) -> bool:
    """Whether the kind word at [start, end) of `text` is a kind, not part of a name."""
    word = low[start:end]
    if text[start:start + 1].isupper() and (word in knowledge.KIND_COLOURS or word[:-1] in knowledge.KIND_COLOURS):
        return False
    return _PLACE_AFTER.match(low, end) is None


def kind_criterion(text: str, low: str) -> tuple[str, str] | None:
    """(the words, the event) of a kind of thing inside the events counted that no field codes, if the
    text (and its lower-cased `low`) names one."""
    for event in knowledge.KIND_EVENTS.finditer(low):
        before = low[max(0, event.start() - 40):event.start()]
        found = _SLOT_BEFORE.search(before)
        if found:
            kind = knowledge.KIND_WORDS.search(found.group(1))
            if kind:
                start = event.start() - len(before) + found.start() + kind.start()
                if _kind_at(text, low, start, start + len(kind.group(0))):
                    return text[start:event.end()].strip(), event.group(0)
        after = _SLOT_AFTER.match(low, event.end())
        kind = knowledge.KIND_WORDS.search(after.group(1)) if after else None
        if kind and _kind_at(text, low, after.start(1) + kind.start(), after.start(1) + kind.end()):
            phrase = _CLAUSE_END.split(after.group(1), maxsplit=1)[0].rstrip()  # up to "were", "in", "since"
            end = after.start(1) + max(len(phrase), kind.end())
            return text[event.start():end].strip(), event.group(0)
    asked = _KIND_ASKED.search(low)
    if asked:  # "stolen in 2023, broken down by make and model": the kind as a breakdown
        event = knowledge.KIND_EVENTS.search(low)
        return text[asked.start():asked.end()].strip(), event.group(0) if event else ""
    for hedge in _HEDGED.finditer(text):
        event = knowledge.KIND_EVENTS.match(low, hedge.end())
        if event is None:
            continue
        name = hedge.group(1).split()
        if all(w.lower() in knowledge.CATEGORY_WORDS or w.lower() in _MONTH_NAMES for w in name):
            continue  # "suspected Domestic Abuse incidents": a category forces count by
        return text[hedge.start():event.end()].strip(), event.group(0)
    return None


# A later stage of each counted record's case, which another system holds: "for each arrest, whether
# charged", "of those stopped, how many were convicted". What stages a record does not hold is in its
# `later` entry (resources/holdings.toml); the words here tie the stage to each record counted.
_EACH_LINK = re.compile(r"\bof\s+(?:these|those|them|which)\b|\bfor\s+each\b|\bwhether\b|\b(?:resulted|resulting|led|leading)\s+(?:in|to)\b"
                        r"|\bsubsequently\b|\bwent\s+on\s+to\b|\blater\b|\beventually\b")
_HOW_MANY_WERE = re.compile(r"\bhow\s+many(?:\s+(?:of\s+)?(?:them|these|those|people|persons|individuals|suspects|offenders|"
                            r"drivers|detainees|children|adults))*\s+(?:were|was|had\s+been|went\s+on\s+to\s+be)"
                            r"(?:[\s:;,*\u2022\u2013-]|then|subsequently|later|eventually|ultimately)*")


def follows(low: str, record: RecordType | None, leaning: bool = False) -> str | None:
    """The later stage `low` asks of each of `record`'s records, when another system holds it. A part
    `leaning` on a count before it ("How many were convicted?") asks it of those; else only words
    that tie the stage to each record ("of those", "for each", "resulted in") do."""
    if record is None or record.later is None:
        return None
    for link in _EACH_LINK.finditer(low):
        window = re.split(r"[.?;]", low[link.end():link.end() + 80], maxsplit=1)[0]
        stage = record.later.search(window)
        if stage:
            return stage.group(0)
    for link in _HOW_MANY_WERE.finditer(low) if leaning else ():
        stage = record.later.match(low, link.end())
        if stage:
            return stage.group(0)
    return None


# Home Office offence codes listed one by one ("066/23", "125/09"): each is checked for whether the
# force has records under it before anything is counted.
_OFFENCE_CODE = re.compile(r"(?<![\d/])\d{1,3}\s?/\s?\d{1,2}(?![\d/])")
# Offence categories listed one to a line ("- Rape", "(c) Sexual assault"): each searched on its own too.
_LISTED_LINE = re.compile(r"^[ \t]*(?:[-\u2022*\u2013]|\(?[a-z0-9ivx]{1,3}[).])[ \t]*([^\n]{2,60})$", re.MULTILINE)


def _listed(low: str) -> int:
    """How many offence codes, or offence categories one to a line, `low` lists."""
    codes = len(_OFFENCE_CODE.findall(low))
    crime = knowledge.RECORD_BY_ID["recorded_crime"]
    lines = sum(1 for m in _LISTED_LINE.finditer(low) if len(m.group(1).split()) <= 6 and (
        crime.pattern.search(m.group(1)) or crime.share_named(m.group(1)) is not None
        or any(w in knowledge.CATEGORY_WORDS for w in _WORD.findall(m.group(1)))))
    return max(codes, lines)


# A definition or an example inside a part says what a word means, not what is asked for.
_ASIDE = re.compile(r"\((?:by which i mean|i\.e\.?|e\.g\.?|for example|such as|meaning|that is)(?:[^()]|\([^()]*\))*\)",
                    re.IGNORECASE)  # one level of brackets inside: "(by which I mean … (such as …) …)"


# A definition written into the sentence rather than in brackets: "By this I mean a system that gives a
# person a score, rank or risk level …", "By 'interactions' I mean …", "that is, whether it produces different
# results for people of different ethnicity …". What it says describes the subject asked about, not how the
# answer is to be split or what records it is drawn from, so it is read like a bracketed aside (to the end of
# its sentence). A definition that itself asks for figures ("by this I mean the number of arrests, broken down
# by age") is what is asked, and is read.
_DEFINITION = re.compile(r"\b(?:by\s+(?:this|which|that|these|those|it|[\"'‘“][^\"'’”]{1,40}[\"'’”])\s+i\s+mean|"
                         r"that\s+is\s*,|i\.e\.)[^.?!;]*"
                         # A sentence that only says what the term leaves out: "Maps or counts of crime that has
                         # already happened are not included." It draws the subject's edge, asks for nothing.
                         r"|(?:(?<=[.?!]\s)|^)[^.?!;]*\b(?:is|are)\s+not\s+(?:included|covered|wanted|meant)\s*[.;]", re.IGNORECASE)
_ASKS_FIGURES = re.compile(r"\bhow\s+many\b|\bnumbers?\s+of\b|\bfigures?\b|\bstatistics\b|\bcounts?\s+of\b|\btotals?\b|"
                           r"\bbr(?:eak|oken)\s*down\b|\bbreakdown\b|\bsplit\s+by\b|\b(?:each|every|per)\s+(?:year|month|quarter)\b",
                           re.IGNORECASE)


def without_definitions(text: str) -> str:
    """`text` with each definition written into it (not bracketed) blanked, offsets kept: the words that
    say what a term means describe the subject, not a breakdown or a kind of record (see _DEFINITION)."""
    def blank(match: re.Match[str]) -> str:
        said = match.group(0)
        excludes = said.rstrip(" .;").lower().endswith(("included", "covered", "wanted", "meant"))
        return said if _ASKS_FIGURES.search(said) and not excludes else " " * len(said)
    return _DEFINITION.sub(blank, text)


def without_asides(text: str) -> str:
    """`text` without its bracketed definitions and examples (what it asks, not what its words mean)."""
    return _ASIDE.sub(" ", text) if "(" in text else text


# A blank form, a template or a specimen: one document, the same for every case, holding no case's facts.
_BLANK_FORM = re.compile(r"\b(?:blank|unfilled|unused|empty|specimen|sample)\s+(?:(?:copy|copies|version|example)\s+of\s+"
                         r"(?:the\s+|a\s+|your\s+|any\s+)?)?(?:[\w'-]+\s+){0,3}?(?:forms?|templates?|pro[\s-]?formas?|"
                         r"questionnaires?|letters?|documents?|copy|copies|versions?)\b"
                         r"|\b(?:templates?|pro[\s-]?formas?)\b(?!\s+(?:for|of)\s+(?:each|every|all)\b)")


def blank_form(low: str) -> bool:
    """Whether lower-cased `low` asks for a blank form or a template: a document, not case material."""
    return _BLANK_FORM.search(low) is not None


# A word or phrase the requester supplies for the records' text: "logs containing the word 'scarecrow'",
# "calls that mentioned drones", "the keyword 'spiking'". Control-room and crime systems search their text
# for a term; the force reads only the records the search returns, not every record of the kind.
_TERM = r"(?P<{g}>[\"“‘'][^\"”’'\n]{{2,40}}[\"”’']|[A-Za-z][\w'-]{{2,}}(?:\s+[A-Z][\w'-]+)?)"
_SUPPLIED_TERM = re.compile(
    r"\b(?:contain(?:s|ed|ing)?|mention(?:s|ed|ing)?|us(?:e|es|ed|ing)|includ(?:e|es|ed|ing)|referr?(?:ing|ed|s)?\s+to|with)"
    r"\s+(?:the\s+)?(?:(?:key\s?)?words?|terms?|phrases?|search\s+terms?)\s+" + _TERM.format(g="a")
    + r"|\b(?:key\s?words?|search\s+terms?)\s*(?::|of|such\s+as|like)?\s*" + _TERM.format(g="b")
    + r"|\bmention(?:s|ed|ing)?\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|any\s+)?" + _TERM.format(g="c"), re.IGNORECASE)


# Breakdowns asked for one at a time: "by age, by sex and by ethnicity", "each separately", "not cross-tabulated".
# Each is a table of its own with a handful of cells, not one table with a cell for every combination.
# Each breakdown on its own: said so, or "by X, by Y", or one breakdown whose categories are listed in
# brackets after its name ("by the monitored strand (race, religion, disability …)", "by aggravation
# (…)"): the list spells out the values of one field, one count per value, not a cross of them all.
_ONE_WAY = re.compile(r"\bseparately\b|\bseparate\s+(?:tables?|totals?|figures|breakdowns?)\b|\bnot\s+(?:cross[\s-]?tabulated|crossed|"
                      r"combined)\b|\bby\s+[a-z][a-z ]{1,25}?,\s*(?:and\s+)?by\s+[a-z]|\bby\s+[a-z][a-z ]{1,25}?\s+and\s+by\s+[a-z]"
                      r"|\bby\s+(?:the\s+|its\s+|their\s+)?[a-z][a-z -]{1,30}?\s*\((?:[^()]*,){2,}[^()]*\)")


# A characteristic word inside the name of an offence, a harm or a group of victims ("race hate crime",
# "sex grooming gangs", "gender-based violence", "age discrimination", "victims of sex trafficking"): the
# compound names what is counted, and is no breakdown of it by that characteristic. "By sex", "the sex of
# the recipient" and "race and religion" stay breakdowns. So does a kind of bias ("racial or other bias", "age
# profiling"): what a check, a review or a complaint is about, not a split of figures.
_CHARACTERISTIC_COMPOUND = re.compile(
    r"\b(?:sex|sexual|race|racial|racially|gender|religious|religiously|faith|disability|age|ethnic)(?:\s+or\s+other)?[\s-]+"
    r"(?:hate|grooming|gangs?|exploitation|abuse|offen[cds]\w*|crimes?|trafficking|attacks?|violence|discrimination|"
    r"harassment|assaults?|based|related|motivated|aggravated|workers?|scandal|slavery|predators?|rings?|"
    r"bias(?:es|ed)?|profiling|prejudice)\b")


# The same named the other way round: "discrimination on grounds of race", "harassment because of their
# religion". The ground names the kind of complaint or offence (an allegation category, a hate strand):
# a filter on what is counted, not a breakdown by reason and by ethnicity.
_ON_GROUNDS_OF = re.compile(
    r"\b(?:discriminat\w*|harass\w*|abuse|hostility|prejudice|hate\s+crimes?|victimi[sz]ation)\s+(?:on\s+(?:the\s+)?grounds?\s+of|"
    r"because\s+of|based\s+on|by\s+reason\s+of)\s+(?:(?:their|his|her|a|the)\s+)?(?:sex|race|gender|religion(?:\s+or\s+belief)?|faith|"
    r"disability|age|ethnicity|sexual\s+orientation|nationality)\b")


def breakdowns_in(low: str) -> tuple[str, ...]:
    """The dimension ids (resources/holdings.toml) lower-cased `low` asks the figures to be split by,
    with the characteristic words that only name an offence, a harm or its victims left out."""
    for compound in (_CHARACTERISTIC_COMPOUND, _ON_GROUNDS_OF):
        if compound.search(low):
            low = compound.sub(lambda m: " " * len(m.group(0)), low)
    if " by " in low:
        low += _by_each(low)
    return tuple(d.id for d in knowledge.DIMENSIONS.values() if d.pattern.search(low))


# "By ethnicity and custody suite", "by age, sex and station": "by" is said once for the whole list, and each
# item after the first is as much a breakdown as if "by" stood before it.
_BY_LIST = re.compile(r"\bby\s+([a-z][^.?!;:\n()]{0,80})")
_LIST_ITEM = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*")
_MAX_LISTED_WORDS = 4


def _by_each(low: str) -> str:
    """`low`'s lists of breakdowns written out one by one, each after its own "by", to be matched as well."""
    extra = []
    for match in _BY_LIST.finditer(low):
        items = _LIST_ITEM.split(match.group(1))
        for item in items[1:]:
            if not item.strip() or len(item.split()) > _MAX_LISTED_WORDS:
                break  # the list has ended and the sentence goes on
            extra.append(f" . by {item.strip()} .")
    return "".join(extra)


def searched_for(text: str) -> str | None:
    """The term `text` asks the force to search its records' text for, if it supplies one."""
    match = _SUPPLIED_TERM.search(text)
    if match is None:
        return None
    return next(g for g in match.groups() if g).strip("\"“”‘’'")


def what_is_asked(text: str) -> str:
    """`text` as it is read: asides in brackets and what a term means blanked out (offsets kept)."""
    if "(" in text:
        text = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    return without_definitions(text)  # what a term means: the subject, not what is asked


# The people a named tool holds: "recorded in, scored by or tracked through Violence Harm Assessment", "flagged
# by PredPol". The name is the tool's, whatever its words say ("Violence" is no crime counted here), and the
# records are the tool's own, as when the letter says "the system".
# ("Recorded in" alone is every record's verb: "crimes recorded in Leeds", "in January".)
_TOOL_NAMED = re.compile(r"\b((?i:scored|flagged|tracked|assessed|profiled|ranked|rated)\s+"
                         r"(?i:by|on|through|using|via|with)\s+)(?:(?i:the|this|your)\s+)?"
                         r"(?!(?:" + "|".join(m.title() for m in patterns.MONTHS) + r")\b)"
                         r"(?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|of|and))*")


_NOT_A_TOOL = re.compile(r"\b(?:Police|Constabulary|Council|Service|Office|Officers?|Staff|Team|Unit|Commissioner)\b")


def _as_the_system(text: str, low: str) -> str:
    """`low` with a tool's own name, where the part says who a named tool holds, read as "the system"."""
    said = _TOOL_NAMED.sub(lambda m: m.group(0) if _NOT_A_TOOL.search(m.group(0)) else m.group(1) + "the system", text)
    return low if said == text else said.lower()


@patterns.remembered
def read_text(text: str) -> Reading:
    """The reading of one part's own text, with nothing borrowed from around it."""
    text = what_is_asked(text)
    low = text.lower()
    blank = blank_form(low)
    action = "copy" if blank else _action(low)
    system = named_system(text, low)
    record = knowledge.RECORD_BY_ID["documents"] if blank else _record_for(_as_the_system(text, low), action, system)
    breakdowns = breakdowns_in(low)
    if action == "copy" and breakdowns and not _ASKS_FIGURES.search(low):
        # Copies of documents are not a table: the ages, sexes or ethnicities a report on bias or an equality
        # assessment is about describe what the documents cover, not how an answer is to be split.
        breakdowns = ()
    free = None
    if record is None and action in ("count", "records"):
        unknown = knowledge.RECORD_BY_ID["unknown_records"]
        if unknown.free_text is not None and unknown.free_text.search(low):
            record = unknown  # figures about records it cannot place, counted by what only a reader finds
    if record is not None and record.free_text is not None and action in ("count", "records", "list"):
        match = record.free_text.search(low)
        if match:
            free = text[match.start():match.end()].strip() or record.label
    kind = kind_criterion(text, low) if action in ("count", "records", "list") else None
    if kind is not None and not kind[1] and (record is None or record.id not in _CODED_EVENTS):
        kind = None  # "the force's vehicles by make": a register of its own things, which lists the kind
    if kind is not None and (record is None or record.id not in _CODED_EVENTS):
        record = _event_record(kind[1])  # "horse attacks": the attacks are counted, not the force's horses
    if kind is not None and free is None:
        free = kind[0]
    if free is None and action in ("count", "records"):
        found = _filtered_by_text(low, record)
        if found is not None:
            free = found
    later = follows(low, record) if action in ("count", "records", "list", "yes_no") else None
    if later is None and record is not None and record.generic and action in ("count", "records", "list"):
        for other in knowledge.RECORDS:  # "arrests for … ; for each offence, how many were charged"
            if other is not record and other.later is not None and other.pattern.search(low):
                later = follows(low, other)
                if later is not None:
                    record, free = other, None
                    break
    identifies = next((m for m in _IDENTIFIES.finditer(text) if not writes_officially(text, m)), None)
    return Reading(
        action=action, record=record, record_inherited=False, breakdowns=breakdowns, free_text=free,
        period=own_period(low), open_scope=patterns.OPEN_SCOPE.search(low) is not None,
        narrowed=len(_NARROW.findall(low)), named_place=named_place(text),
        identifies=text[identifies.start():identifies.end()] if identifies else None,
        about_conduct=_CONDUCT.search(low) is not None, narrative=_NARRATIVE.search(low) is not None,
        share=record.share_named(low) if record is not None else None,
        linked=_linked(low, record) if action in ("count", "records") else None,
        as_at_past=_as_at_past(low),
        whose=_WHOSE.search(low) is not None,
        also=tuple(r.id for r in knowledge.RECORDS if record is not None and r is not record
                   and r.id not in _NOT_POPULATIONS and r.pattern.search(low)),
        one_case=(case := one_case(text, low)),
        item=one_item(case, low, text),
        follows=later,
        listed=_listed(low),
        searched=searched_for(text) if free is not None else None,
        one_way=_ONE_WAY.search(low) is not None,
        system=system,
    )


def read_part(ctx: Context, item: PartView) -> Reading:
    """The reading of a part in its request: a period, a kind of record or breakdowns the part does
    not give itself are borrowed from its parent, the introduction, or the parts around it.
    Read once per check (`ctx.readings`), and between checks remembered by the part's text and
    everything around it that the reading looks at, so a keystroke re-reads only what changed."""
    cache = ctx.readings
    found = cache.get(item.index)
    if found is not None:
        return found
    around = ctx.around[item.index] = _surroundings(ctx, item)
    found = cache[item.index] = _PARTS.recall(around, _read_part, ctx, item)
    return found


def _surroundings(ctx: Context, item: PartView) -> tuple:
    """All `_read_part` reads: the part's text, its parent's and its previous sibling's text and
    reading so far, the introduction, its sub-parts and the period the rest of the request gives.
    Readings compare by identity, so one read again for changed text makes a new key."""
    parent, before = ctx.parent_view(item), ctx.previous_sibling(item)
    return (item.text, ctx.said(item.text), ctx.said(ctx.intro), ctx.request_period(item),
            None if parent is None else (parent.text, ctx.said(parent.text), ctx.readings.get(parent.index)),
            None if before is None else (ctx.said(before.text), ctx.readings.get(before.index)),
            tuple(ctx.said(sub.text) for sub in item.part.subparts))


# A sub-part or a follow-up that opens on the set the part above it counted ("for each", "of these", "this
# includes, where recorded:", "in each case") asks about that set: it inherits the parent's filter with its
# kind of record and period, so the records read are the parent's matches, not every record of the kind.
_ON_THE_SET = re.compile(
    r"^\W*(?:(?:\d{1,2}|[a-h]|[ivx]{1,4})[.):]\s*)?(?:and\s+|also\s+|please\s+(?:provide|give|state)\s*,?\s*)?"
    r"(?:for\s+(?:each|every\s+one|these|those|them|each\s+of\s+(?:these|those|them))\b|of\s+(?:these|those|them)\b|"
    r"(?:this|these|which|it)\s+(?:should\s+)?includes?\b|including\b|in\s+each\s+case\b|where\s+(?:recorded|known|held)\b)"
    r"|\bwhere\s+(?:it\s+is\s+)?(?:recorded|known|held|available)\s*[:,]")
SHORT_SUB_PART = 15  # words: a sub-part this short names a field of its parent's records, not a subject of its own


def on_the_set(low: str) -> bool:
    """Whether lower-cased `low` opens on the set the part above it counted (principle M)."""
    return _ON_THE_SET.search(low) is not None


# (ii) A definite noun pointing back at one item named before: "the entire correspondence", "that chain",
# "the arrest", "the decision". "All correspondence", "any emails" name a class, not the item.
_POINTS_BACK = re.compile(
    r"\b(?:the|this|that|said)\s+(?:entire\s+|whole\s+|full\s+|complete\s+|same\s+|above\s+|said\s+)?"
    r"(?:[\w'-]+\s+)?(?:correspondence|e-?mail\s+(?:chain|thread|exchange)|chain|thread|exchange|arrest|incident|"
    r"decision|file|case|investigation|raid|seizure|call|collision|meeting|hearing|disappearance|death)\b(?!s)"
    r"|" + LEANS_ON_BACKGROUND.pattern, re.IGNORECASE)


def _counted_above(ctx: Context, item: PartView) -> bool:
    """Whether the part above `item` (its parent, else the part before it) counts or lists records: a set
    "for each" or "of these" can open on."""
    above = ctx.parent_view(item) or ctx.previous_sibling(item)
    if above is None:
        return False
    return (ctx.readings.get(above.index) or read_text(ctx.said(above.text))).action in ("count", "records")


def _read_part(ctx: Context, item: PartView) -> Reading:
    own = read_text(ctx.said(item.text))
    parent = ctx.parent_view(item)
    around: list[tuple[str, Reading]] = []
    if parent is not None:  # the parent is read before its sub-parts, with what it borrowed
        around.append(("parent", ctx.readings.get(parent.index) or read_text(ctx.said(parent.text))))
    if ctx.intro.strip():
        intro = read_text(ctx.said(ctx.intro))
        # An introduction that asks for something lends its record; background lends only a period,
        # unless the part asks for "the same information" the background describes.
        lends = intro.action != "other" or _SAME_AS.search(item.low) is not None
        around.append(("introduction", intro if lends else replace(intro, record=None)))
    period, record, inherited = own.period, own.record, False
    lent: Reading | None = None  # the reading the record was taken from, when it was
    on_set = on_the_set(item.low) and _counted_above(ctx, item)
    if record is not None and record.id == "unknown_records":
        record = None  # figures the part does not place itself: what is around it may say what they are
    elif record is not None and record.generic and (_REFERS_BACK.search(item.low) or on_set):
        before = ctx.previous_sibling(item)
        prior = (ctx.readings.get(before.index) or read_text(ctx.said(before.text))) if before is not None else None
        if prior is not None and prior.record is not None and not prior.record.generic:
            record = None  # "how many of these detainees …": the specific kind before, not custody in general
    if record is not None and record.generic and parent is not None and (on_set or (
            len(item.low.split()) <= SHORT_SUB_PART and own.period is None and own.action not in ("count", "copy"))):
        above = around[0][1]
        if above.record is not None and not above.record.generic:
            record = None  # "a) the rank of the officer" under a count of complaints: the complaints' field
    share = own.share
    if period is None:
        for source, other in around:
            if other.period is not None and other.period.lends_to(item.low):
                period = replace(other.period, source=source if other.period.source == "part" else other.period.source)
                break
    if period is None and item.part.subparts:
        own_periods = [own_period(ctx.said_low(sub.text)) for sub in item.part.subparts]
        dated = [p for p in own_periods if p is not None and not p.snapshot and p.first is not None]
        if dated:  # "a) 1 April 2017 to 31 March 2018 b) …": the sub-parts are the periods
            first = min(p.first for p in dated)
            last = max(p.first + p.years for p in dated)
            period = Period(float(max(1.0, last - first)), first, source="sub-parts")
    if period is None and asks_what_is(item.low):
        period = Period(0.0, None, snapshot=True)  # how many there are now, who is based where
    if period is None and own.action in ("count", "records") and not own.open_scope:
        before = ctx.previous_sibling(item)
        if before is not None and _WHEN_STARTED.search(ctx.said_low(before.text)):
            period = Period(SINCE_EVENT_YEARS, None, since="it started")  # "1. When was it introduced? 2. How many …"
        else:
            period = ctx.request_period(item)  # figures asked part by part usually share one period
    # Only a part that leans on what came before ("2. gender.", "Of these, how many …") takes its
    # kind of record from there; a part with its own subject is about that subject.
    leans = (len(item.low.split()) <= 12 or _REFERS_BACK.search(item.low) is not None or _SAME_AS.search(item.low) is not None
             or own.action == "count" or on_set)
    # A part about the people behind the records ("their ethnicity", "how many are held by women") borrows
    # only a kind of record about people: after "2. What do the posts cost?" it follows the posts (HR),
    # not the ledger, which has no field for who holds them.
    people = _PEOPLE_ASKED.search(item.low) is not None or any(
        knowledge.DIMENSIONS[d].kind == "people" for d in own.breakdowns)
    if record is None and leans:
        for _, other in around:
            if other.record is not None and (other.record.people or not people):
                record, inherited, share = other.record, True, other.share
                lent = other
                break
        else:
            before = ctx.previous_sibling(item)
            while before is not None:
                # Parts are read in order, so the part before has usually been read in full.
                prior = ctx.readings.get(before.index) or read_text(ctx.said(before.text))
                if prior.record is not None and people and not prior.record.people:
                    before = ctx.previous_sibling(before)
                    continue
                if prior.record is not None and prior.action in ("count", "records"):
                    record, inherited, share = prior.record, True, prior.share
                    if (own.period is None and prior.period is not None and prior.period.source != "another part"
                            and prior.period.lends_to(item.low)):
                        period = replace(prior.period, source="another part")
                break
    breakdowns = own.breakdowns
    if parent is not None and _BREAKS_DOWN.search(parent.low):  # "… broken down by:" with the list below
        breakdowns = tuple(dict.fromkeys(breakdowns + read_text(ctx.said(parent.text)).breakdowns))
    action = own.action
    same = lent is not None and _SAME_AS.search(item.low) is not None
    if same and action in ("other", "list", "copy", "count"):
        # "The same information": what the text before describes, details of each record if it
        # speaks of details, else what it asks for.
        action = "records" if lent.narrative else (lent.action if lent.action != "other" else action)
        breakdowns = tuple(dict.fromkeys(breakdowns + lent.breakdowns))
    if action in ("other", "list") and inherited and breakdowns:
        action = "count"  # "2. gender." under "figures broken down into:"
    elif (action in ("other", "list", "yes_no") and parent is not None and "?" not in item.text
          and len(item.low.split()) <= 12 and (ctx.readings.get(parent.index) or read_text(ctx.said(parent.text))).action == "count"):
        action = "count"  # "a) have mental health problems" under "in how many … did the person:"
    free = own.free_text
    if free is None and record is not None and record.free_text is not None and inherited and action in ("count", "records"):
        match = record.free_text.search(item.low)
        free = item.text[match.start():match.end()].strip() if match else None
    if free is None and same:
        free = lent.free_text  # "the same information": the details described before
        if free is None and record is not None and record.free_text is not None:
            described = " ".join(ctx.said(t) for t in (parent.text if parent is not None else "", ctx.intro))
            match = record.free_text.search(described.lower())
            free = described[match.start():match.end()].strip() if match else None
    if record is None and own.record is not None:
        record = own.record  # nothing around it says either
    elif own.record is not None and own.record is not record and free is not None:
        match = record.free_text.search(item.low) if record.free_text is not None else None
        free = item.text[match.start():match.end()].strip() if match else None
    if share is None and record is not None and inherited:
        share = record.share_named(item.low)
    later = own.follows
    if later is None and record is not None and record is not own.record and action in ("count", "records", "list"):
        later = follows(item.low, record, leaning=inherited)  # "2. How many were convicted?" under a count of arrests
    if later is None and record is not None and record.generic and action in ("count", "records", "list"):
        before = ctx.previous_sibling(item)
        prior = (ctx.readings.get(before.index) or read_text(ctx.said(before.text))) if before is not None else None
        if prior is not None and prior.record is not None and prior.record is not record:
            later = follows(item.low, prior.record, leaning=_REFERS_BACK.search(item.low) is not None)
            if later is not None:  # "For each offence, how many were charged?" after a count of arrests
                record, inherited, share, free = prior.record, True, prior.share, None
    outside = None
    if free is None and later is None and action in ("count", "records"):
        said = ctx.said(item.text)
        # A short sub-part under "… broken down by:" is itself a breakdown ("b) the colour of the bicycle").
        listed = parent is not None and len(item.low.split()) <= 12 and _BREAKS_DOWN.search(parent.low) is not None
        found = criteria.unplaced(_ASIDE.sub(" ", said) if "(" in said else said, record, breakdown=listed)
        outside = found.words if found is not None else None
    one = own.item
    if one is None and _POINTS_BACK.search(item.low):
        # (ii) "the entire correspondence", "the arrest": the one item the introduction or the parent names
        for _, other in around:
            if other.item is not None:
                one = other.item
                break
    if record is not None and record.motive and record.motive.intersection(breakdowns):
        breakdowns = motive_read(record, breakdowns, " ".join((item.low, parent.low if parent is not None else "",
                                                                ctx.intro.lower() if ctx.intro else "")))
    key = (own, action, record.id if record is not None else None, inherited, breakdowns, period, free, share, later,
           outside, one)
    return _READINGS.recall(key, lambda: replace(own, action=action, record=record, record_inherited=inherited,
                                                 breakdowns=breakdowns, period=period, free_text=free, share=share,
                                                 follows=later, unplaced=outside, item=one))


def motive_read(record: knowledge.RecordType, breakdowns: tuple[str, ...], low: str) -> tuple[str, ...]:
    """`breakdowns` with those `record` holds as the motive of its flag ("hate crimes by race, religion and
    disability": the monitored strands) read as one breakdown by kind of offence, unless `low` (the part and
    what it hangs from) says whose characteristic is meant ("the victim's religion")."""
    if any(re.search(rf"\b{re.escape(role)}", low) for role in record.roles):
        return breakdowns
    return tuple(dict.fromkeys("offence_type" if b in record.motive else b for b in breakdowns))


# What a part asks of records themselves (figures drawn from them, the records, a list), as against
# a question about a system, a policy or a fact that any body may answer from its own papers.
_FROM_RECORDS = frozenset({"count", "records", "list"})


def kept_elsewhere(force: Force | None, reading: Reading, *, under_own_use: bool = False) -> bool:
    """Whether the part read as `reading` asks `force` for records it does not keep at all: an
    oversight body asked for figures or records from the operational records of the service it
    oversees (not a question about a system or a policy, which it may answer from its papers)."""
    record = reading.record
    return (force is not None and force.kind == ForceKind.OVERSIGHT and record is not None
            and record.id not in knowledge.oversight_keeps(force.id) and reading.action in _FROM_RECORDS
            # "What is the system's name?" under "Does it use one?" asks about no records; under a question
            # whether the body itself uses a system (`asked_if_yes`) its records are the body's own, so a
            # body that keeps none has none whatever the part borrowed its record from
            and (under_own_use or not reading.record_inherited))


# "If yes, please answer the following for each such system", "If so, …": what comes under it is asked only
# if the body answers yes. So is what comes under a question whether the body itself uses a system or a tool
# ("Have any predictive policing systems been used … by the force?", then "a. What is its name?").
_IF_YES = re.compile(r"\bif\s+(?:yes|so)\b|\bif\s+(?:it\s+)?(?:does|has|is|did)\b|\bif\s+any\b"
                     r"|\b(?:used|uses?|using|in\s+use|deploy\w*|operat(?:es?|ed|ing)|trial(?:led|ed|s)?|pilot(?:ed|led|s)?)\b")


def asked_if_yes(ctx: Context, item: PartView) -> bool:
    """Whether `item` sits under a part that asks the body a yes or no about its own use ("Has the force
    used … any system for …? If yes, please answer the following for each such system"): it asks about
    the body's own thing, and a body with none answers the part above "no" and this one falls away."""
    parent = ctx.parent_view(item)
    if parent is None or _IF_YES.search(parent.low) is None:
        return False
    return read_part(ctx, parent).action == "yes_no"


def one_item_asked(ctx: Context, item: PartView) -> bool:
    """Whether `item`, or the part it sits under, is about one identified item (principle B)."""
    if read_part(ctx, item).item is not None:
        return True
    parent = ctx.parent_view(item)
    return parent is not None and read_part(ctx, parent).item is not None


_MEMO = 16384
_READINGS: patterns.Memo = patterns.memo(_MEMO)  # a part's own reading and what it borrowed -> its reading
_DESCRIBED: patterns.Memo = patterns.memo(_MEMO)
_PARTS: patterns.Memo = patterns.memo(_MEMO)  # a part in its surroundings (`_surroundings`) -> its reading
