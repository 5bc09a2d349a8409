"""Wording patterns shared by the rules and the cost-limit ordering, and `Gate`, which keeps them fast.

All patterns here run on lower-cased text and are compiled once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from composer import dates


_MEMO_LIMIT = 4096
_GATES: list[Gate] = []
_CACHES: list = []  # functools.lru_cache-wrapped functions of a text, registered by `remembered`


_TOKEN = re.compile(r"[a-z0-9]+")
_TOKENS: dict[str, frozenset[str]] = {}


_last: list = [None, frozenset()]  # the text asked about last: rules ask about one part in turn


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position `at` of `text` begins: after the last full stop, question
    mark or line break before it."""
    return max(text.rfind(".", 0, at), text.rfind("?", 0, at), text.rfind("\n", 0, at)) + 1


def tokens_of(low: str) -> frozenset[str]:
    """The words of lower-cased `low` (letters and digits), worked out once per text."""
    if low is _last[0]:
        return _last[1]
    words = _TOKENS.get(low)
    if words is None:
        if len(_TOKENS) >= _MEMO_LIMIT:
            _TOKENS.clear()
        words = _TOKENS[low] = frozenset(_TOKEN.findall(low))
    _last[0], _last[1] = low, words
    return words


Needles = tuple[str, ...]


class _Needles:
    """One group of needles: whole words, and stems ("covert*") found anywhere in a word."""

    __slots__ = ("words", "stems")

    def __init__(self, needles: Needles) -> None:
        self.words = frozenset(n for n in needles if not n.endswith("*"))
        self.stems = tuple(n[:-1] for n in needles if n.endswith("*"))

    def found_in(self, low: str) -> bool:
        if self.words and not self.words.isdisjoint(tokens_of(low)):
            return True
        for stem in self.stems:
            if stem in low:
                return True
        return False


class Gate:
    """A compiled pattern that is run only when the text has its needles, and at most once per
    distinct text.

    Python's regular expressions try every alternative at every position: 10-80 µs for a long
    paragraph, while looking a word up in the text's set of words costs well under a microsecond.
    `needles` is one group of needles (the text must have at least one of them) or a tuple of
    groups (it must have one from every group). A needle is a whole word ("each") or a stem
    ending in "*" ("covert*": any word containing it). Every match of the pattern must contain
    the needles, so that skipping the search can never lose a match; `needles=None` always
    searches. Results are remembered per text, so when the GUI checks on every keystroke only
    the part being typed in is searched again.
    """

    __slots__ = ("pattern", "groups", "_found", "_every")

    def __init__(self, pattern: str | re.Pattern[str], needles: Needles | tuple[Needles, ...] | None,
                 flags: int = 0) -> None:
        self.pattern = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        if needles is None:
            self.groups: tuple[_Needles, ...] = ()
        elif needles and isinstance(needles[0], tuple):
            self.groups = tuple(_Needles(g) for g in needles)  # type: ignore[arg-type]
        else:
            self.groups = (_Needles(needles),)  # type: ignore[arg-type]
        self._found: dict[str, re.Match[str] | None] = {}
        self._every: dict[str, tuple[re.Match[str], ...]] = {}
        _GATES.append(self)

    def could_match(self, low: str) -> bool:
        for group in self.groups:
            if not group.found_in(low):
                return False
        return True

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        """Search `text`; `low` is its lower-cased form when `text` is not lower-cased already."""
        found = self._found
        if text in found:
            return found[text]
        match = self.pattern.search(text) if self.could_match(text if low is None else low) else None
        if len(found) >= _MEMO_LIMIT:
            found.clear()
        found[text] = match
        return match

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match[str]]:
        every = self._every
        matches = every.get(text)
        if matches is None:
            matches = tuple(self.pattern.finditer(text)) if self.could_match(text if low is None else low) else ()
            if len(every) >= _MEMO_LIMIT:
                every.clear()
            every[text] = matches
        return iter(matches)


class AnyOf:
    """Several gates read as one pattern: the earliest match of any of them."""

    __slots__ = ("gates",)

    def __init__(self, *gates: Gate) -> None:
        self.gates = gates

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        best = None
        for gate in self.gates:
            match = gate.search(text, low)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best


def remembered(func):
    """`functools.lru_cache` for a pure function of a part's text, cleared by `forget()`."""
    cached = lru_cache(maxsize=_MEMO_LIMIT)(func)
    _CACHES.append(cached)
    return cached


_MEMOS: list[dict] = []  # other per-text memos (readings, estimates), registered by `memo`


class Memo(dict):
    """Results remembered by key, at most `limit` of them: when full it empties before the next."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def recall(self, key, work: Callable[..., Any], *args: Any) -> Any:
        """The result remembered for `key`, else `work(*args)` remembered (results are never None).
        Arguments rather than a closure: a hit, the usual case on a keystroke, then builds nothing."""
        found = self.get(key)
        if found is None:
            if len(self) >= self.limit:
                self.clear()
            found = self[key] = work(*args)
        return found


def memo(limit: int) -> Memo:
    """A `Memo` for remembering results per part text, emptied by `forget()` with the rest."""
    found = Memo(limit)
    _MEMOS.append(found)
    return found


def forget() -> None:
    """Drop every remembered search result (the benchmark uses it to time a cold check)."""
    for found in _MEMOS:
        found.clear()
    for gate in _GATES:
        gate._found.clear()
        gate._every.clear()
    for cached in _CACHES:
        cached.cache_clear()
    _TOKENS.clear()
    _last[0], _last[1] = None, frozenset()


# Things held everywhere, in every system and mailbox: "all" of them has no edge. (Named kinds
# of document, "any reports", "any data on …", are narrower and left to the other rules.)
_DOCS = (
    r"information|info|correspondence|communications?|comms|emails?|e-mails?|records|documents?|"
    r"documentation|material|materials|files|notes|messages|papers|paperwork|memos?|texts|letters"
)
_DOC_WORDS = (
    "information", "info", "correspondence", "communication", "communications", "comms", "email", "emails",
    "mail", "mails", "records", "document", "documents", "documentation", "material", "materials",
    "files", "notes", "messages", "papers", "paperwork", "memo", "memos", "texts", "letters",
)

OPEN_SCOPE = AnyOf(
    Gate(
        r"\b(?:all|any|every)\s+(?:(?:of\s+)?(?:the|your)\s+)?(?:(?:other|related|relevant|associated|internal|"
        r"external|written|electronic|recorded|such)\s+)?(?:" + _DOCS + r")\b"
        r"(?!\s+(?:protection|sharing|processing|impact|subjects?|controllers?|retention|quality))",
        (("all", "any", "every"), _DOC_WORDS),
    ),
    # "every email" is "all emails": the determiner, not the number of the noun, says how many
    Gate(
        r"\bevery\s+(?:single\s+)?(?:(?:other|related|relevant|associated|internal|external|written|electronic|recorded|"
        r"such)\s+)?(?:e-?mail|message|letter|document|record|file|note|memo|communication)\b"
        r"(?!\s+(?:protection|sharing|processing|impact|subjects?|controllers?|retention|quality))",
        ("every",),
    ),
    Gate(
        r"\b(?:the\s+)?full\s+set\s+of\b"
        r"|\beverything\s+(?:held|you\s+hold|that\s+is\s+held|relating|related|about|on|regarding)\b"
        # by any verb of holding: "everything you have on", "everything the force keeps about"
        r"|\beverything\s+(?:that\s+)?(?:you|the\s+force|your\s+force|it)\s+(?:have|has|hold|holds|held|keep|keeps|kept|"
        r"possess|possesses)\b"
        r"|\bwhatever\s+(?:information|records|documents)\b",
        ("full", "everything", "whatever"),
    ),
)

# A question about the force's own practice after an event: whether its procedures, policy or training
# were reviewed or changed, what lessons were learned. It asks for the force's learning, not for what the
# event's file says about the people in it (ICO: information about the handling of an incident in general).
POLICY_REVIEW = re.compile(
    r"\b(?:procedures?|polic(?:y|ies)|guidance|training|practices?|protocols?|processes)\b[^.?!\n]{0,60}?\b(?:reviewed|revised|"
    r"changed|updated|amended|altered|re-?examined|reconsidered)\b"
    r"|\b(?:reviews?|revisions?|changes?|amendments?|updates?)\s+(?:of|to)\s+(?:your\s+|its\s+|the\s+(?:force'?s?\s+)?)?"
    r"(?:\w+\s+)?(?:procedures?|polic(?:y|ies)|guidance|training|practices?|protocols?|processes)\b"
    r"|\blessons?\s+(?:were\s+|have\s+been\s+)?(?:learn[te]d|identified)\b|\bdebrief\w*", re.IGNORECASE)

STATISTICS = Gate(
    r"\bhow\s+many\b|\bhow\s+much\b|\bnumbers?\s+of\b|\bfigures?\b|\bstatistic|\bbreak\s?down\b|"
    r"\bbreak\s+(?:this|these|it|them|that|those)(?:\s+(?:numbers?|figures?|totals?|counts?|data))?\s+down\b|"
    r"\bbroken\s+down\b|\btotals?\b|"
    r"\bdata\s+(?:on|about|showing|for|relating|regarding)\b|\bper\s+(?:year|month|annum|week)\b|"
    r"\bproportion\s+of\b|\bpercentage\s+of\b|\baverage\b|\bcount\s+of\b|\bdemographics?\b",
    ("many", "much", "number", "numbers", "figure", "figures", "statistic*", "break", "breakdown", "broken",
     "total", "totals", "data", "per", "proportion", "percentage", "average", "count", "demographic",
     "demographics"),
)

# Things that happen (and so pile up over time), as opposed to a count of what exists now.
EVENTS = Gate(
    r"\b(?:arrest(?:s|ed)?|stop(?:s|ped)?|search(?:es|ed)|incidents?|crimes?|offences?|reported|"
    r"recorded|complaints?|applications?|referrals?|referred|requests?|charged?|charges|"
    r"prosecut\w*|convict\w*|cautions?|cautioned|deploy\w*|used|uses|calls?|cases|investigations?|"
    r"warrants?|fines?|payments?|paid|spent|spend|spending|interactions?|flagged|identified|"
    r"issued|made|received|seized|tasered|detained|dismissed|suspended)\b",
    None,
)

MONTHS = tuple(month.lower() for month in dates.MONTHS)
# The months as regular expressions, for rules that look for dates in lower-cased text: a month's name
# written out ("march"), and a month written out or shortened to its first three letters or more
# ("mar", "sept", "sept."; the caller adds any full stop).
MONTH_NAME = "(?:" + "|".join(MONTHS) + ")"
MONTH_WORD = "(?:" + "|".join(m[:3] for m in MONTHS) + ")[a-z]*"
# Words that on their own give a period (or a point in time, for a count of what exists now).
_PERIOD_WORDS = frozenset({"since", "between", "currently", "presently", "now", "timeframe", "period", "ytd"})
_PERIOD_PHRASES = AnyOf(
    Gate(r"\bfrom\s+\S+.{0,40}?\b(?:to|until|till)\b", (("from",), ("to", "until", "till"))),
    Gate(r"\b(?:last|past|previous|preceding|recent|this|current)\s+(?:\w+\s+){0,2}"
         r"(?:years?|months?|weeks?|days?|decade|quarters?)\b",
         ("year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "quarter", "quarters")),
    Gate(r"\bto\s+date\b|\bat\s+present\b|\b(?:financial|calendar)\s+years?\b|\btime\s?-?frame\b|"
         r"\bdate\s+range\b|\bin\s+" + MONTH_NAME + r"\b",
         ("date", "present", "financial", "calendar", "time", "frame", *MONTHS)),
)


# "How many … do you have", "are there": a count of what exists now needs no period.
_SNAPSHOT = Gate(
    r"\bhow\s+many\b[^.?!\n]{0,60}?\b(?:do|does)\s+(?:you|your\s+\w+|the\s+\w+|it)\s+"
    r"(?:currently\s+)?(?:have|own|hold|employ|use|operate|keep|run)\b"
    r"|\bhow\s+many\b[^.?!\n]{0,60}?\b(?:are|is)\s+there\b",
    (("many",), ("do", "does", "are", "is")),
)


def _is_year(token: str) -> bool:
    return len(token) == 4 and token[:2] in ("19", "20") and token.isdigit()


@remembered
def has_period(low: str) -> bool:
    """Whether lower-cased `low` names a period of time, or a point in time ("currently")."""
    tokens = tokens_of(low)
    if not _PERIOD_WORDS.isdisjoint(tokens) or any(_is_year(t) for t in tokens):
        return True
    return _PERIOD_PHRASES.search(low) is not None or _SNAPSHOT.search(low) is not None


# "Of these", "of those", "in Q1": a part that borrows the period of the one before.
REFERS_BACK = Gate(
    r"\b(?:of\s+(?:these|those|them)|these\s+\w+|referenced\s+in|mentioned\s+(?:in|above)|above|"
    r"(?:in|from|to)\s+(?:q(?:uestion)?\s*\d+|part\s+\d+))\b",
    None,
)

DEMOGRAPHICS = Gate(
    r"\b(?:ages?|race|racial|ethnicity|ethnic(?:\s+origin)?|gender|sex|religion|religious|disabilit(?:y|ies)|"
    r"nationality|sexual\s+orientation|demographics?)\b",
    ("age", "ages", "race", "racial", "ethnicity", "ethnic", "gender", "sex", "religion", "religious", "disability",
     "disabilities", "nationality", "sexual", "demographic", "demographics"),
)

# How people came to be counted: via a system's output, which no force records in a field.
BECAUSE_OF = Gate(
    r"\bas\s+a\s+(?:direct\s+)?result\s+of\b|\bresult(?:ing|ed)\s+from\b|\bbecause\s+of\b|"
    r"\b(?:identified|flagged|selected|targeted|prompted|triggered|generated|highlighted)\s+(?:by|through|using|via)\b|"
    r"\bon\s+the\s+basis\s+of\s+(?:the|its|this|a)\b|\bfollowing\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"(?:score|prediction|alert|flag|output|assessment)\b",
    ("result", "resulting", "resulted", "because", "identified", "flagged", "selected", "targeted", "prompted",
     "triggered", "generated", "highlighted", "basis", "following"),
)

# Facts about each person that sit in separate records and must be looked up one by one.
PER_PERSON_LOOKUP = Gate(
    r"\bwhether\s+(?:they|each|the\s+(?:person|individual|suspect|offender)s?|these\s+\w+|those\s+\w+)\s+"
    r"(?:has|have|had|was|were)\b"
    r"|\bwhether\s+(?:the|each|this|that)\s+\w+\s+(?:resulted\s+in|led\s+to|gave\s+rise\s+to)\b"
    r"|\b(?:previous|prior)\s+(?:criminal\s+record|convictions?|offending)\b",
    ("whether", "previous", "prior"),
)

_RECORD_NOUNS = ("case", "cases", "record", "records", "file", "files", "report", "reports", "crime", "crimes",
                 "incident", "incidents", "log", "logs", "application", "referral", "complaint", "investigation")
# Reading the files themselves.
CASE_BY_CASE = AnyOf(
    Gate(r"\b(?:review|read|check|examine|go\s+through|look\s+at)\s+(?:each|every|all|the\s+individual)\s+"
         r"(?:case|record|file|report|crime|incident|log)s?\b",
         (("review", "read", "check", "examine", "go", "look"), _RECORD_NOUNS)),
    Gate(r"\bmanual(?:ly)?\s+(?:search|review|check|trawl|read)\w*\b", ("manual", "manually")),
    Gate(r"\b(?:each|every)(?<!\bin\seach)(?<!\bin\severy)\s+"
         r"(?:individual\s+)?(?:case|record|file|application|referral|incident|complaint|investigation|report)\b"
         r"(?!\s+(?:types?|categor(?:y|ies)|years?|months?|quarters?|areas?|districts?|divisions?|forces?|"
         r"stations?|wards?|boroughs?))",
         (("each", "every"), _RECORD_NOUNS)),
    Gate(r"\bcase\s+(?:files?|notes)\b", (("case",), ("file", "files", "notes"))),
)

# Trawling mailboxes: emails and correspondence are held person by person, not in one place.
CORRESPONDENCE = Gate(
    r"\b(?:correspondence|communications?|emails?|e-mails?|messages|texts|letters|memos?|whatsapp)\b",
    ("correspondence", "communication", "communications", "email", "emails", "mail", "mails", "messages", "texts",
     "letters", "memo", "memos", "whatsapp"),
)

YES_NO = Gate(
    r"^\s*(?:\d+[a-z]?[.)]\s*)?(?:have|has|had|is|are|was|were|does|do|did|will|can|could\s+you\s+confirm|"
    r"please\s+confirm|confirm\s+whether|has\s+there)\b",
    None,
)

SIMPLE_FACT = Gate(
    r"\bwhat\s+is\s+the\s+(?:name|title|cost|date|price|value)\b|\bwhen\s+(?:was|were|did)\b|"
    r"\bname\s+of\s+the\s+(?:system|tool|software|supplier|company|vendor|product|programme|program)\b|"
    r"\blist\s+(?:all|each|every|the)\s+(?:\w+\s+)?(?:types?|categories|kinds?)\b|"
    r"\bwho\s+(?:supplies|supplied|provides|provided|developed|built|makes)\b",
    ("what", "when", "name", "list", "who"),
)
COPY_OF_DOCUMENT = Gate(
    r"\b(?:copy|copies)\s+of\b|\bplease\s+(?:provide|disclose|send)\s+(?:the|your|any)\s+"
    r"(?:\w+\s+){0,3}(?:assessments?|dpias?|policy|policies|guidance|contracts?|procedures?|reports?|minutes)\b",
    ("copy", "copies", "please"),
)

# The requester has already dealt with small counts: separate totals, "5 or fewer" accepted.
SMALL_COUNTS_HANDLED = Gate(
    r"\bnot\s+cross[\s-]*tabulated\b|\bseparately\b|\b(?:5|five)\s+or\s+(?:fewer|less)\b|"
    r"\bfewer\s+than\s+(?:5|five|6|six)\b|\bsuppress\w*|\brounded\b",
    ("cross", "separately", "fewer", "less", "suppress*", "rounded"),
)

# Durations: worked out from two dates in each record, unless the force records them as a figure.
DURATIONS = Gate(
    r"\b(?:time|how\s+long)\s+(?:it\s+)?(?:took|takes|taken|has\s+taken)\s+(?:to|for)\b|\baverage\s+(?:time|length|duration)\b"
    r"|\blongest\s+(?:period|time)\b|\bshortest\s+(?:period|time)\b",
    ("time", "long", "average", "longest", "shortest"),
)

# Counting records by a circumstance of the people in them ("where the complainant was an MP"),
# which is written in the record's text, not kept in a field the force can count.
UNRECORDED_ATTRIBUTE = Gate(
    r"\bwhere\s+the\s+(?:victim|complainant|suspect|offender|person|subject|caller|individual)\s+"
    r"(?:was|were|is|had|has)\s+(?:a|an|the|in|on|from|known|of)\b"
    r"|\b(?:victims?|complainants?|suspects?|offenders?|subjects?|persons?|people)\s+who\s+(?:was|were|is|are|had|have)\s+"
    r"(?:a|an)\s+(?!child|adult|man|woman|male|female)\w+",
    ("where", "who"),
)

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@remembered
def earliest_year(low: str) -> int | None:
    """The earliest year a text names (1990-2099), or None."""
    years = [int(y) for y in _YEAR.findall(low)]
    return min(years) if years else None
