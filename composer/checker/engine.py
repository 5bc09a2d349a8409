"""The engine: what a rule is, what it sees, and `check()`, which runs them all.

A rule is a plain function registered with `@part_rule` (called once per part and sub-part) or
`@request_rule` (called once per request). It receives its own `Rule` (to build findings with
its id, category, severity and law) and a `Context`, which holds everything worked out once per
check: each part's text, lower-cased text and number, the Act in play, the defined terms.
Rules keep their regular expressions at module level, compiled at import, so a check on every
keystroke costs only the searches themselves.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from operator import itemgetter
from typing import Any, Literal

from composer.checker import glossary, patterns  # glossary needs Context only for type checking
from composer.checker.addressed import addressed_force, cited_acts
from composer.checker.as_of import checked_as_of
from composer.checker.calibration import DEFAULT, Calibration
from composer.checker.findings import SEVERITY_RANK, Category, Finding, Fix, Severity
from composer.checker.reading import (  # reading needs Context only for type checking
    LEANS_ON_BACKGROUND, Period, Reading, asked_if_yes, asks_for_something, kept_elsewhere, named_place, own_period,
    read_part, read_text, what_is_asked)
from composer.checker.sections import LAW, NAME
from composer.law import FIELD_WORDS, LAWS, Law, cite, field_values
from composer.model import PAST_GROUNDS, Act, Force, ForceKind, Part, Request, Requester, fill_fields
from composer.textimport import signoff_name


@dataclass(frozen=True, slots=True)
class PartView:
    """A part as a rule sees it: `text` is exactly what the user typed (spans index into it)."""

    index: int  # position in outline order, for sorting findings (-1: the introduction)
    number: str  # as the force will read it: "2g" ("" for the introduction)
    part: Part
    parent: Part | None
    text: str
    low: str
    is_intro: bool = False

    @property
    def id(self) -> str | None:
        """The part's id; None for the introduction (findings on it belong to the whole request)."""
        return None if self.is_intro else self.part.id

    @property
    def label(self) -> str:
        """How a message names it: "Part 2g" or "The introduction"."""
        return "The introduction" if self.is_intro else f"Part {self.number}"


# Topics whose findings foresee "neither confirm nor deny" rather than a refusal with reasons.
NCND_TOPICS = frozenset({"personal_ncnd", "security", "covert", "investigation"})

RuleFunc = Callable[..., Finding | Iterable[Finding] | None]
"""A rule returns nothing, one finding, or several (a generator is fine)."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: Category
    severity: Severity
    law_topic: str  # a key of sections.LAW
    title: str
    scope: Literal["part", "request"]
    func: RuleFunc
    intro: bool = False  # a part rule that also reads the introduction
    whole: bool = False  # a part rule that reads beyond its part (see `part_rule`)

    def law(self, ctx: Context) -> str:
        """The rule's citation for the force checked against (law.cite: by its Act, and for the
        equality duty by its nation)."""
        return cite(self.law_topic, ctx.act, ctx.force)

    def at(
        self,
        ctx: Context,
        item: PartView | None,
        message: str,
        *,
        suggestion: str | None = None,
        span: tuple[int, int] | None = None,
        fix: Fix | None = None,
        part_id: str | None = None,
        severity: Severity | None = None,
        reasoning: tuple[str, ...] | None = None,
        law: str | None = None,
        ncnd: bool | None = None,
    ) -> Finding:
        """A finding of this rule, on `item` (None, or the introduction: the request as a whole;
        a span on the introduction indexes the introduction's text). `severity`, `law` and `ncnd`
        override the rule's own where the evidence decides them; a finding on a ground with no
        `reasoning` of its own shows how the checker read its part."""
        if reasoning is None:
            reasoning = ()
            if self.category in GROUNDS and item is not None and not item.is_intro:
                reasoning = (read_part(ctx, item).describe(),)
        return Finding(
            rule=self.id,
            category=self.category,
            severity=severity or self.severity,
            part_id=item.id if item is not None else part_id,
            message=message,
            law=law or self.law(ctx),
            suggestion=suggestion,
            span=span,
            fix=fix,
            ncnd=self.law_topic in NCND_TOPICS if ncnd is None else ncnd,
            reasoning=reasoning,
        )


RULES: list[Rule] = []


def _register(scope: Literal["part", "request"], rule_id: str, category: Category,
              severity: Severity, law: str, title: str, intro: bool = False,
              whole: bool = False) -> Callable[[RuleFunc], RuleFunc]:
    if law not in LAW:
        raise ValueError(f"rule {rule_id}: unknown law topic {law!r}")

    def decorate(func: RuleFunc) -> RuleFunc:
        if any(r.id == rule_id for r in RULES):
            raise ValueError(f"two rules share the id {rule_id!r}")
        RULES.append(Rule(rule_id, category, severity, law, title, scope, func, intro, whole))
        return func

    return decorate


def part_rule(rule_id: str, category: Category, severity: Severity, *, law: str, title: str,
              intro: bool = False, whole: bool = False):
    """Register `func(rule, ctx, item)`, run on every part and sub-part, and with `intro=True`
    on the introduction too (where a request often asks its main question before a list).

    A part rule's findings on a part are remembered between checks (`part_key` says by what: the
    part, its parent, sub-parts and previous sibling, its reading, the introduction, the force, the
    Act, the fields and the calibration), so a keystroke re-runs the rules only on the part typed
    in. A rule that reads anything else (other parts, the request's options, facts of the whole
    request such as its defined terms) says `whole=True` and is run on every part at every check."""
    return _register("part", rule_id, category, severity, law, title, intro, whole)


def request_rule(rule_id: str, category: Category, severity: Severity, *, law: str, title: str):
    """Register `func(rule, ctx)`, run once on the whole request."""
    return _register("request", rule_id, category, severity, law, title)


_INTRO_PART = Part(id="introduction")
# The grounds on which a force refuses or asks: one finding each per part, from all the evidence.
# They are the grounds a past reply is put on, bar a vexatious or repeated request (tone), which is
# the request's whole and is judged by the tone rules alone.
GROUNDS = frozenset(PAST_GROUNDS) - {"tone"}
# The grounds are foreseen from what is asked (and clarity: what is asked is unclear). Background
# that asks for nothing is not read by their rules, except for who the requester is: their own data,
# or someone they know, is what the whole request is then about.
_ABOUT_REQUESTER = frozenset({"personal_data.own-data", "personal_data.someone-known"})


class Context:
    """Everything worked out once per check and shared by the rules."""

    def __init__(self, request: Request, force: Force | None, requester: Requester | None,
                 calibration: Calibration = DEFAULT) -> None:
        self.request = request
        self.calibration = calibration
        self.force = force
        self.requester = requester
        items: list[PartView] = []
        for index, numbered in enumerate(request.numbered()):
            text = numbered.part.text
            items.append(PartView(index, numbered.number, numbered.part, numbered.parent, text, text.lower()))
        self.items = items
        self.by_id = {item.id: item for item in items}
        self.intro = request.introduction or ""
        self.intro_low = self.intro.lower()
        self.intro_view = (
            PartView(-1, "", _INTRO_PART, None, self.intro, self.intro_low, is_intro=True)
            if self.intro.strip() else None
        )
        self.readings: dict = {}  # part index -> reading.Reading, filled by reading.read_part
        self.around: dict = {}  # part index -> what its reading was read from (reading._surroundings)
        self._said: dict[str, str] = {}  # text as typed -> as the letter says it (see `said`)
        self._read_as: dict[str, str] | None = None  # the fields as parts are read, when shared (`own_reading`)
        self.whole = "\n".join([self.intro, *(i.text for i in items)])
        self.whole_low = self.whole.lower()

    # -- the Act in play -------------------------------------------------------------------
    @cached_property
    def act(self) -> Act:
        """The force's Act; without a force, the Act of the force the text writes to, then the
        Act the text cites, then FOIA (which covers every police body outside Scotland)."""
        if self.force is not None:
            return self.force.act
        if self.addressed is not None:
            return self.addressed.act
        cited = cited_acts(self.whole)
        if cited == {Act.FOISA}:
            return Act.FOISA
        return Act.FOIA

    @property
    def officers(self) -> float | None:
        """The size of the force, in officers, when the directory knows it (it scales the records
        the force holds); None: the checker assumes a middling force."""
        return self.force.officers if self.force is not None else None

    @cached_property
    def addressed(self) -> Force | None:
        """The force the letter itself writes to, read from its introduction or first part."""
        return addressed_force(self.intro or (self.items[0].text if self.items else ""))

    @cached_property
    def field_values(self) -> dict[str, str]:
        """Values for `{field}` placeholders: the request's own and, with a force, the force's."""
        return field_values(self.request, self.force)

    @cached_property
    def _stands_for(self) -> dict[str, str]:
        """What each `{field}` stands for when a part is read: its value, else words that read as
        what it is. An unfilled period field reads as the period the app fills in by default, so a
        part written "from {period_start} to {period_end}" is read as giving a period."""
        from composer.bank import default_period

        first, last = default_period()
        return FIELD_WORDS | {"period_start": first, "period_end": last} | self.field_values

    def said(self, text: str) -> str:
        """`text` as the letter will say it, for reading what it asks (never for spans, which
        index into the text as typed)."""
        if "{" not in text:
            return text
        found = self._said.get(text)
        if found is None:
            found = self._said[text] = fill_fields(text, self._stands_for)
        return found

    def own_reading(self, text: str):
        """`read_text(self.said(text))`: the reading of `text` alone, as the letter says it; read with
        the words for the force's names where the parts are (`_share_readings`), so shared by forces."""
        if self._read_as is not None and "{" in text:
            reading = read_text(fill_fields(text, self._read_as))
            if not _quotes_the_words(reading):
                return reading
        return read_text(self.said(text))

    def said_low(self, text: str) -> str:
        return self.said(text).lower() if "{" in text else text.lower()

    @property
    def law(self) -> Law:
        return LAWS[self.act]

    def section(self, topic: str) -> str:
        """A section as a message names it, for the Act in play: `section 40(2)`."""
        return NAME[topic][self.act]

    # -- the requester ---------------------------------------------------------------------
    @cached_property
    def signed_name(self) -> str | None:
        texts = [self.intro, self.request.notes, *(i.text for i in self.items[-1:])]
        for text in texts:
            name = signoff_name(text) if text else None
            if name:
                return name
        return None

    @property
    def requester_name(self) -> str | None:
        if self.requester is not None and self.requester.is_known:
            return self.requester.name.strip()
        return self.signed_name

    # -- shared helpers --------------------------------------------------------------------
    def texts(self) -> Iterator[tuple[str, str]]:
        """(text, lower-cased text) of the introduction and every part."""
        if self.intro:
            yield self.intro, self.intro_low
        for item in self.items:
            yield item.text, item.low

    def anywhere(self, gate: patterns.Gate | patterns.AnyOf, *, case_sensitive: bool = False) -> bool:
        """Whether `gate` matches the introduction or any part. Searching text by text, rather
        than the request joined up, lets the searches be remembered per part between keystrokes."""
        for text, low in self.texts():
            if (gate.search(text, low) if case_sensitive else gate.search(low)) is not None:
                return True
        return False

    @staticmethod
    def has_period(low: str) -> bool:
        """Whether lower-cased `low` names a period of time, or a point in time ("currently")."""
        return patterns.has_period(low)

    def parent_view(self, item: PartView) -> PartView | None:
        return self.by_id.get(item.parent.id) if item.parent is not None else None

    def top_level(self) -> Iterator[PartView]:
        return (i for i in self.items if i.parent is None)

    @cached_property
    def _periods_around(self) -> tuple[list, list]:
        """For each part, the nearest period named by a part before it, and by a part after it."""
        return self._nearest_periods(dated=False)

    @cached_property
    def _dated_periods_around(self) -> tuple[list, list]:
        """The same, leaving out counts as they stand on the day the force answers ("how many dogs do you own")."""
        return self._nearest_periods(dated=True)

    def _nearest_periods(self, dated: bool) -> tuple[list, list]:
        own = [own_period(self.said_low(item.text)) for item in self.items]
        own = [replace(p, source="another part") if p is not None and (p.dated or not dated)
               else None for p in own]
        before, after = [None] * len(own), [None] * len(own)
        last = None
        for i, period in enumerate(own):
            before[i] = last
            last = period if period is not None else last
        last = None
        for i in range(len(own) - 1, -1, -1):
            after[i] = last
            last = own[i] if own[i] is not None else last
        return before, after

    def period_anywhere_for(self, item: PartView) -> bool:
        """Whether the introduction or any part names a period `item` may take as its own."""
        return any(period is not None and period.lends_to(item.low) for period in self._own_periods)

    @cached_property
    def _own_periods(self) -> list:
        return [own_period(self.said_low(text)) for text, _ in self.texts()]

    @cached_property
    def _previous_siblings(self) -> list[int | None]:
        last: dict[str | None, int] = {}
        previous: list[int | None] = []
        for item in self.items:
            key = item.parent.id if item.parent is not None else None
            previous.append(last.get(key))
            last[key] = item.index
        return previous

    def previous_sibling(self, item: PartView) -> PartView | None:
        """The part before `item` at the same level (for "2." the part "1.", not "1d")."""
        found = self._previous_siblings[item.index]
        return self.items[found] if found is not None else None

    @cached_property
    def background_only(self) -> bool:
        """Whether the introduction only gives background: it asks for nothing, and no part leans
        on what it describes ("this incident"). Then what it mentions is not what is asked for,
        and the rules that foresee a refusal of what is asked do not read it."""
        return (self.intro_view is not None and not self.intro_asks
                and not any(LEANS_ON_BACKGROUND.search(item.text) for item in self.items))

    @cached_property
    def intro_asks(self) -> bool:
        """Whether the introduction asks for something (else it is background, or there is none)."""
        return self.intro_view is not None and asks_for_something(self.said(self.intro))

    def leans_on_intro(self, item: PartView) -> bool:
        """Whether `item` takes what the introduction names as its subject: the introduction asks for
        something, or the part (or its parent) points back at what it describes ("this incident")."""
        if self.intro_asks:
            return True
        parent = self.parent_view(item)
        return any(LEANS_ON_BACKGROUND.search(view.text) for view in (item, parent) if view is not None)

    def request_period(self, item: PartView):
        """The period another part of the request gives, for a part that gives none itself: the
        nearest part before it, else after it (a request usually states its period once)."""
        before, after = self._dated_periods_around if patterns.EVENTS.search(item.low) else self._periods_around
        return before[item.index] or after[item.index]

    @cached_property
    def defined_terms(self) -> frozenset[str]:
        return glossary.defined_terms(self)


Weigher = Callable[["Context", list[Finding], Any], list[Finding]]
WEIGHERS: list[Weigher] = []
"""Run after the rules, on everything they found, returning the findings to keep: the evidence taken
together (composer.checker.evidence registers itself here, as the rule modules register their rules)."""


Annotator = Callable[[list[Finding]], list[Finding]]
ANNOTATORS: list[Annotator] = []
"""Run last, on the findings as shown: each may add to a finding's reasoning, never change what it
says or how loudly (composer.checker.track registers itself here)."""


def check(request: Request, *, force: Force | None = None, requester: Requester | None = None,
          calibration: Calibration | None = None, grounds: Any = None, as_of: date | None = None,
          for_many: bool = False) -> list[Finding]:
    """Every finding for `request` as `force` would read it, most serious first within a part.

    Findings for the whole request (part_id None) come first, then part by part in the order
    the force reads them. `grounds` weighs each part's evidence together per ground
    (`evidence.Grounds`; None: the fitted models in resources/grounds.json; `evidence.NO_GROUNDS`:
    the rules alone). `as_of`: the day the request is read as of ("since 2020" runs to its year;
    None: today, as for a request being composed). `for_many`: one of many forces checked in turn (an
    export to every force), whose parts naming the force are read once for all of them where that
    reads the same (`_share_readings`); the same findings, at a cost on each check that a keystroke
    need not pay.
    """
    if as_of is not None:
        with checked_as_of(as_of):
            return check(request, force=force, requester=requester, calibration=calibration, grounds=grounds,
                         for_many=for_many)
    with _collector_paused():
        ctx, found = run_rules(request, force, requester, calibration, for_many)
        for weigh in WEIGHERS:
            found = weigh(ctx, found, grounds)
        found = combine(found, void=nothing_to_search(ctx))
        for annotate in ANNOTATORS:
            found = annotate(found)
        index = {item.id: item.index for item in ctx.items}
        found.sort(key=lambda f: (index.get(f.part_id, -1) if f.part_id else -1,
                                  SEVERITY_RANK[f.severity], f.rule))
    return found


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the length of a check (then left as it was).

    A check builds a few objects for every part (its view, its keys, the findings and their groups)
    and holds them until it returns. On a long request they outlive the collector's young
    generations and are moved to the oldest, and each collection of that one walks everything the
    process holds, the request and the findings remembered per part among it: at 10,000 parts that
    was about two full collections per keystroke, a third of its time, and why the time per part
    grew with the request. What a check builds forms no cycles that grow with the request, so
    reference counting frees it when the check returns, and the collector, paused meanwhile, only
    sees what the check keeps. (Chosen over gc.freeze(), which would take every object in the
    process, the window's too, out of collection for good; and over fewer objects per part, which
    would lower the cost but not stop its growing faster than the request.)"""
    if not gc.isenabled():  # a caller's (or an outer check's) choice stands
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def run_rules(request: Request, force: Force | None, requester: Requester | None,
              calibration: Calibration | None, for_many: bool = False) -> tuple[Context, list[Finding]]:
    """The context of a check and every finding of every rule, before they are combined."""
    ctx = Context(request, force, requester, calibration or DEFAULT)
    found: list[Finding] = []
    extend = found.extend
    part_rules = [r for r in RULES if r.scope == "part"]
    if ctx.intro_view is not None:
        background = ctx.background_only
        for rule in part_rules:
            if rule.intro and not (background and rule.category in GROUNDS and rule.id not in _ABOUT_REQUESTER):
                extend(_collect(rule.func(rule, ctx, ctx.intro_view)))
    local_rules = [(position, rule) for position, rule in enumerate(part_rules) if not rule.whole]
    whole = [(position, rule) for position, rule in enumerate(part_rules) if rule.whole]
    remembered = _remembered(ctx)
    if for_many and not ctx.readings:  # no rule on the introduction has read a part: read in outline order
        _share_readings(ctx)
    shared = _by_act(ctx) if for_many and SHARE_FINDINGS and force is not None else None
    blind: Context | None = None
    for item in ctx.items:
        key = part_key(ctx, item)
        found_here = remembered.get(key)
        if found_here is None:
            if len(remembered) >= _PER_PART_LIMIT:
                remembered.clear()
            if shared is None:
                found_here = _findings_by_rule(ctx, item, local_rules)
            else:  # what holds for every force under the Act, and the rules that asked about this one
                entry = shared.get(key)
                if entry is None:
                    if len(shared) >= _PER_PART_LIMIT:
                        shared.clear()
                    blind = blind or _blind_to_the_force(ctx)
                    entry = shared[key] = _findings_for_the_act(blind, item, local_rules)
                same, own = entry
                found_here = sorted(same + _findings_by_rule(ctx, item, own), key=_POSITION) if own else same
            remembered[key] = found_here
        # The rules that read beyond the part run now, their findings in rule order among the rest.
        fresh = _findings_by_rule(ctx, item, whole)
        if fresh:
            found_here = sorted(found_here + fresh, key=_POSITION)
        for _, findings in found_here:
            extend(findings)
    for rule in RULES:
        if rule.scope == "request":
            extend(_collect(rule.func(rule, ctx)))
    return ctx, found


# -- readings shared between forces ---------------------------------------------------------
# A letter to every force fills each force's name into each part that says {force_name}, so each
# force's parts are different texts and were read afresh for each force: most of an export's time.
# Where a force's names read exactly as the words the checker reads the fields as ("the force"), its
# parts are read with those words instead: the same texts for every such force with the same Act,
# read once for them all. The rules still see the letter as the force will read it.
SHARE_READINGS = True  # False: every force's parts read with its own name (the tests compare the two)
_NAME_FIELDS = ("force_name", "force_name_possessive", "force_short_name")
_NEUTRAL_NAMES = {name: FIELD_WORDS[name] for name in _NAME_FIELDS}
_MARK = "force"  # in each of the words: a reading whose words hold it may quote them (`_quotes_the_words`)
# Sentences a force's names are tried in: as an actor, in a place, possessive, after "city of", with a
# title before it; each read with the names and with the words. Whether a name reads as a place ("across
# the Kent Police area") depends on the words around it, so that is tried on each part's own text.
_CARRIERS = (
    "Has {force_name} used any system that scores people? Please say for whom in {force_name} it works.",
    "How many people were stopped at {force_short_name} or near {force_name_possessive} stations in 2024?",
    "Please provide {force_name_possessive} policy on risk scores used within {force_short_name}, "
    "for the {force_short_name} area, and the emails of the Chief Constable of {force_name}.",
    "How many officers of {force_short_name} were named, and how many arrests were made across the "
    "{force_name} area or on {force_short_name} premises since it was introduced?",
)
_PLACE = Reading.__slots__.index("named_place")
_NEUTRAL_FORCES: dict[tuple[str, str], bool] = {}


def _reads_as_neutral(force: Force) -> bool:
    """Whether `force`'s names read, in every carrier sentence, exactly as the neutral words do (not
    as a place, a person or a system, say: "in City of London Police" names a place)."""
    key = (force.name_in_text, force.short_name)
    found = _NEUTRAL_FORCES.get(key)
    if found is None:
        names = {name: value for name, value in field_values(Request(), force).items() if name in _NAME_FIELDS}
        found = _NEUTRAL_FORCES[key] = all(
            _content(read_text(fill_fields(text, names)), _PLACE)
            == _content(read_text(fill_fields(text, _NEUTRAL_NAMES)), _PLACE)
            for text in _CARRIERS)
    return found


def _same_place(said: str, neutral: str) -> bool:
    """Whether a part names a place as the force will read it exactly when it does with the words."""
    return named_place(what_is_asked(said)) == named_place(what_is_asked(neutral))


_SAME_PLACE = patterns.memo(16384)  # (as said, with the words) -> whether both name a place or neither


def _content(reading: Reading, but: int = -1) -> tuple:
    return tuple(getattr(reading, name) for n, name in enumerate(Reading.__slots__) if n != but)


def _words_in(reading: Reading) -> Iterator[str]:
    """Every piece of text a reading holds (words taken from the part, which a message may quote)."""
    for value in _content(reading):
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple):
            yield from (v for v in value if isinstance(v, str))
        elif isinstance(value, Period) and value.since is not None:
            yield value.since


def _quotes_the_words(reading: Reading) -> bool:
    """Whether words the reading holds may be the neutral words, where the force's name would be."""
    return any(_MARK in words.lower() for words in _words_in(reading))


def _share_readings(ctx: Context) -> None:
    """Fill `ctx`'s readings with the parts read with the neutral words for the force's names, when
    that reads the same: the force's names read as the words do, and no reading holds the words
    (which a message could quote, where the force's own name belongs). Else leave them to be read."""
    force = ctx.force
    if not SHARE_READINGS or force is None or not ctx.items:
        return
    names = [f"{{{name}}}" for name in _NAME_FIELDS]
    if not any(name in text for text in (ctx.intro, *(i.text for i in ctx.items)) for name in names):
        return  # no name to take out: the force's own texts are every such force's already
    if not _reads_as_neutral(force):  # asked only now: its carrier sentences take a few ms to read
        return
    neutral = Context(ctx.request, force, ctx.requester, ctx.calibration)
    neutral.__dict__["_stands_for"] = ctx._stands_for | _NEUTRAL_NAMES
    for text in {ctx.intro, *(i.text for i in ctx.items)}:
        if "{" in text and not _SAME_PLACE.recall((ctx.said(text), neutral.said(text)), _same_place,
                                                  ctx.said(text), neutral.said(text)):
            return
    readings = [read_part(neutral, item) for item in neutral.items]
    if any(_quotes_the_words(reading) for reading in readings):
        return
    ctx.readings.update(neutral.readings)
    ctx.around.update(neutral.around)
    ctx._read_as = neutral._stands_for


# -- findings shared between forces under one Act -------------------------------------------------
# Most part rules read only the part and the Act: their findings are the same for every force under it.
# Others read the force itself (its size scales the estimates; its name, its systems, its kind and nation
# decide others), and each force is judged by those. Which rule reads the force is found by trying the
# rules once per Act on a stand-in force that knows only its Act and stops a rule that asks it anything
# else; a rule that is stopped runs for each force, as every rule did before.
SHARE_FINDINGS = True  # False: every part rule runs for every force (the tests compare the two)


class _AskedTheForce(BaseException):
    """A rule asked the stand-in force something beyond its Act (a BaseException, so that no rule's
    own `except Exception` takes it for a failure of its own)."""


class _ActOnly:
    """A force of which only the Act is known (`_findings_for_the_act`)."""

    __slots__ = ("act",)

    def __init__(self, act: Act) -> None:
        self.act = act

    def __getattr__(self, name: str):
        raise _AskedTheForce(name)

    def __eq__(self, other: object) -> bool:
        raise _AskedTheForce("==")

    def __hash__(self) -> int:
        raise _AskedTheForce("hash")


_BY_ACT = patterns.memo(16)  # what every part shares, but the force (see `_by_act`) -> part_key -> findings


def _by_act(ctx: Context) -> dict:
    """The part rules' findings remembered for every force under `ctx`'s Act, with its calibration,
    introduction and fields: per part (`part_key`), the findings of the rules that asked nothing of
    the force, and the rules that did."""
    setting = (ctx.act, ctx.calibration, ctx.intro, tuple(ctx.request.fields.items()))
    entry = _BY_ACT.get(setting)
    if entry is None:
        if len(_BY_ACT) >= _BY_ACT.limit:
            _BY_ACT.clear()
        entry = _BY_ACT[setting] = {}
    return entry


def _blind_to_the_force(ctx: Context) -> Context:
    """`ctx` as the rules see it with only the force's Act known: the same parts, read the same way
    (the readings are in `part_key`); everything else worked out afresh, without the force."""
    blind = Context(ctx.request, _ActOnly(ctx.act), ctx.requester, ctx.calibration)  # type: ignore[arg-type]
    blind.readings, blind.around = ctx.readings, ctx.around
    return blind


def _findings_for_the_act(blind: Context, item: PartView, rules: list[tuple[int, Rule]]) -> tuple[list, list]:
    """The findings of `rules` on `item` that do not depend on which force under the Act it is, and the
    rules that asked about the force (or failed: they run again with the force, and fail there as
    before)."""
    same: list[tuple[int, tuple[Finding, ...]]] = []
    own: list[tuple[int, Rule]] = []
    for position, rule in rules:
        try:
            result = rule.func(rule, blind, item)
            findings = () if result is None else (result,) if isinstance(result, Finding) else tuple(result)
        except (_AskedTheForce, Exception):
            own.append((position, rule))
            continue
        if findings:
            same.append((position, findings))
    return same, own


def _collect(result) -> list[Finding]:
    """A rule's result (nothing, a finding, or several) as a list of findings."""
    if result is None:
        return []
    if isinstance(result, Finding):
        return [result]
    return list(result)


def _findings_by_rule(ctx: Context, item: PartView,
                      rules: list[tuple[int, Rule]]) -> list[tuple[int, tuple[Finding, ...]]]:
    """The findings of `rules` on `item`, each with the rule's position among the part rules (only
    the rules that found something)."""
    out = []
    for position, rule in rules:
        result = rule.func(rule, ctx, item)
        if result is None:
            continue
        findings = (result,) if isinstance(result, Finding) else tuple(result)
        if findings:
            out.append((position, findings))
    return out


_POSITION = itemgetter(0)
_PER_PART_LIMIT = 16384
_BY_SETTING = patterns.memo(16)  # what every part shares (see `_remembered`) -> (force, part_key -> findings)


def _remembered(ctx: Context) -> dict:
    """Findings per part remembered for checks that share `ctx`'s force, Act, calibration,
    introduction and fields."""
    setting = (id(ctx.force), ctx.act, ctx.calibration, ctx.intro, tuple(ctx.request.fields.items()))
    entry = _BY_SETTING.get(setting)
    if entry is None or entry[0] is not ctx.force:  # the force compares by identity: held to keep its id
        if len(_BY_SETTING) >= _BY_SETTING.limit:
            _BY_SETTING.clear()
        entry = _BY_SETTING[setting] = (ctx.force, {})
    return entry[1]


def part_key(ctx: Context, item: PartView) -> tuple:
    """Everything a part rule that is not `whole` may read about `item`, beyond what every part
    shares: the part (its text, number, place, fields and sub-parts), its parent and previous
    sibling, and its reading with all it was read from (`reading._surroundings`)."""
    part, parent, before = item.part, ctx.parent_view(item), ctx.previous_sibling(item)
    reading = read_part(ctx, item)
    return (item.index, item.number, part.id, item.text, part.priority, part.source, part.dataset,
            repr(part.condition) if part.condition is not None else None,
            tuple((sub.id, sub.text) for sub in part.subparts),
            None if parent is None else (parent.index, parent.number, parent.id, parent.text),
            None if before is None else (before.index, before.number, before.id, before.text),
            reading, ctx.around[item.index])


_FACTS: dict[int, tuple[dict[str, str], frozenset[str]]] = {}


def rule_facts() -> tuple[dict[str, str], frozenset[str]]:
    """Each rule's title by id, and the rules about the letter's cost clause and order (not a ground)."""
    found = _FACTS.get(len(RULES))
    if found is None:
        titles = {rule.id: rule.title for rule in RULES}
        found = _FACTS[len(RULES)] = (titles, frozenset(r.id for r in RULES if r.law_topic == "cost_clause"))
    return found


PROMOTE_AT = 3  # this many separate signs of one ground, each a note alone, make a warning together
# A part asking a body for records it does not keep (an oversight body asked for the operational
# records of the service it oversees) costs that body no search: its cost findings are void.
NOTHING_TO_SEARCH = "jurisdiction.kept-elsewhere"


def nothing_to_search(ctx: Context) -> frozenset[str]:
    """The parts that ask the body for records it does not keep at all (`reading.kept_elsewhere`), the
    ones it is not warned about too: under "Has the Board used any such system? If yes, …" a part about
    that system's records asks nothing the Board could search, so no cost finding stands on it."""
    force = ctx.force
    if force is None or force.kind != ForceKind.OVERSIGHT:
        return frozenset()
    return frozenset(item.id for item in ctx.items
                     if kept_elsewhere(force, read_part(ctx, item), under_own_use=asked_if_yes(ctx, item)))


def combine(found: list[Finding], void: frozenset[str] = frozenset()) -> list[Finding]:
    """One finding per ground per part: the most serious finding leads and the others' evidence is
    folded into its reasoning (`also` names their rules, so "fix all of this kind" still finds them).
    Several notes on one ground together make a warning: a force weighs them together too."""
    groups: dict[tuple[str | None, str], list[Finding]] = {}
    out: list[Finding] = []
    titles, about_letter = rule_facts()  # the order, the clause: not a ground
    void = void | {f.part_id for f in found if f.rule == NOTHING_TO_SEARCH}
    if void:
        found = [f for f in found if not (f.category == "cost" and f.part_id in void)]
    for finding in found:
        if finding.category in GROUNDS and finding.rule not in about_letter:
            groups.setdefault((finding.part_id, finding.category), []).append(finding)
        else:
            out.append(finding)
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        group.sort(key=lambda f: (SEVERITY_RANK[f.severity], not f.reasoning, f.fix is None))
        lead, rest = group[0], group[1:]
        severity = lead.severity
        distinct = {f.rule for f in group}
        promoted = severity == "info" and len(distinct) >= PROMOTE_AT
        reasoning = lead.reasoning + tuple(
            f"Also: {titles.get(f.rule, f.rule)} ({f.severity}): {f.message}" for f in rest)
        if promoted:
            severity = "warning"
            reasoning += (f"{len(distinct)} separate signs on this ground together make a refusal or a "
                          "question from the force more likely than any one alone.",)
        out.append(replace(
            lead, severity=severity, reasoning=reasoning,
            also=tuple(dict.fromkeys(f.rule for f in rest if f.rule != lead.rule)),
            fix=lead.fix or next((f.fix for f in rest if f.fix is not None), None),
            ncnd=lead.ncnd or any(f.ncnd for f in rest if f.severity == lead.severity),
        ))
    return out
