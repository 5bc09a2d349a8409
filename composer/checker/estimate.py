"""An estimate of the hours a force would spend answering a part, as its FOI officer would make it.

Only the steps the Fees Regulations count go in: finding out whether the information is held
(FOIA only: `Law.whether_held_counts`), locating, retrieving and extracting it. The model is the
one forces use in refusal notices the regulators accept: a query where the system can count
what is asked, and otherwise the number of records to open times the minutes each takes to read
(`resources/holdings.toml`). Volumes are for the force's size (its officers, from
`resources/forces.json`), or for a middling force when the size is not known; the message says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from composer.checker import as_of, patterns
from composer.checker.knowledge import DIMENSIONS, RECORD_BY_ID, RecordType
from composer.checker.reading import Reading, kept_elsewhere
from composer.law import Law
from composer.model import joined

QUERY_HOURS = 1.5  # writing and checking a query on one system, with its output tidied
PER_BREAKDOWN_HOURS = 0.5
DOCUMENT_HOURS = 1.0  # finding and retrieving one named document
FACT_HOURS = 0.5  # a yes or no, a name, a date
ONE_ITEM_HOURS = 2.0  # everything about one identified item: its file, log and the emails about it
WHETHER_HELD_HOURS = 0.5  # confirming whether the information is held at all
MAILBOX_HOURS_PER_YEAR = 8.0  # searching the mailboxes and drives of the people likely to hold it
UNBOUNDED_YEARS = 10  # a search with no period covers about this many years of records
LEGACY_HOURS = 4.0  # retrieving plain totals from an older system, spreadsheets or archived returns
# Before the mid-1990s forces' papers are on paper in archives, boxed by year and department rather
# than catalogued by subject: a rough figure for searching one decade of them for a document.
PAPER_BEFORE = 1995
ARCHIVE_HOURS_PER_DECADE = 10.0
NARROWED_SHARE = 0.4  # a population narrowed by a filter the checker cannot size
# A term the requester supplies for a text search: distinctive enough to name, it turns up in about one
# record in five thousand (some seventy a year in a middling force's incident logs), and only those are read.
KEYWORD_SHARE = 0.0002
# A long list of offence codes is searched code by code: whether the force has records under each (codes
# retired, split or never used locally), then each count drawn and checked. Under FOIA finding out
# whether each is held counts towards the limit (s12(2)); under FOISA only the counting does.
LISTED_MANY = 10
PER_CODE_HOURS = 0.5


@dataclass(frozen=True, slots=True)
class Estimate:
    hours: float  # what counts towards the limit under the force's Act
    words: str  # "about 120 hours: some 7,000 records read at a minute each"
    records: int = 0  # records read by hand
    remedy: str | None = None  # what would bring it under the limit
    manual: bool = False  # needs records read by hand (or mailboxes searched)
    not_held: tuple[str, ...] = ()  # breakdowns the record holds nowhere: the answer will be "not held"
    unplaced: bool = False  # read by hand only because a criterion matched none of the coded fields


def whole_hours(h: float) -> int:
    """`h` to the nearest hour as a reader rounds the figure shown to a tenth: 2.5 is 3, as 3.5
    is 4 (Python's round() makes 2.5 two and 3.5 four, which set "2.5 h" beside "about 2 hours")."""
    return math.floor(round(h, 1) + 0.5)


def about_hours(h: float) -> str:
    """Hours as every finding words them: "under an hour", "about 3 hours", "about 95,130 hours"."""
    if h < 1:
        return "under an hour"
    if h < 10:
        return f"about {whole_hours(h)} hour{'s' if whole_hours(h) != 1 else ''}"
    if h < 100:
        return f"about {round(h / 5) * 5:.0f} hours"
    return f"about {round(h / 10) * 10:,.0f} hours"


def _count(n: float) -> str:
    if n < 100:
        return f"{n:.0f}"
    if n < 10000:
        return f"{round(n, -2):,.0f}"
    return f"{round(n, -3):,.0f}"


def _minutes(m: float) -> str:
    return "a minute" if m == 1 else f"{m:g} minutes"


def _years(reading: Reading) -> tuple[float, bool]:
    """Years of records the part covers, and whether that was assumed for want of a period."""
    period = reading.period
    if period is None:
        return float(UNBOUNDED_YEARS), True
    if period.snapshot:
        return 1.0, False
    return max(period.years, 1 / 365), False


def _uncountable(reading: Reading, record: RecordType) -> list[str]:
    """Breakdowns no field gives: neither the record's own nor that of another kind of record the
    part names (a force answers each figure from the system that holds it)."""
    others = [RECORD_BY_ID[i] for i in reading.also if i in RECORD_BY_ID]
    return [b for b in reading.breakdowns
            if DIMENSIONS[b].kind != "time" and b not in record.countable and b not in record.not_held
            and not any(b in other.countable for other in others)]


def _and(ids: list[str]) -> str:
    return joined([i.replace("_", " ") for i in ids])


def _cross_checked(record: RecordType, linked: RecordType, officers: float | None, held: float, years: float,
                   share: float) -> Estimate:
    """Records of one kind counted by what another system holds about the same people: each record of
    the smaller population is looked up in the other system, one by one."""
    def population(r: RecordType, part_share: float) -> float:
        return r.yearly_for(officers) * part_share * (1.0 if r.current_only or r.countable == frozenset() else years)

    sizes = [(population(record, share), record), (population(linked, 1.0), linked)]
    records, smaller = min(sizes, key=lambda s: s[0])
    other = linked if smaller is record else record
    minutes = max(record.minutes, linked.minutes)
    hours = held + QUERY_HOURS + records * minutes / 60
    return Estimate(hours, f"{about_hours(hours)}: some {_count(records)} {smaller.label} each checked against "
                    f"{other.label} at {_minutes(minutes)} each, because the two are held in different systems "
                    "with no shared field to count by", records=int(records), manual=True,
                    remedy="ask for each figure on its own (the counts each system can give), not one crossed with the other")


def _followed_up(reading: Reading, record: RecordType, officers: float | None, held: float, years: float,
                 share: float) -> Estimate:
    """A later stage asked of each record ("for each arrest, whether charged"): the stage is held in
    another system with nothing to count the two together by, so each record is traced there."""
    records = record.yearly_for(officers) * share * years
    hours = held + QUERY_HOURS + records * record.minutes / 60
    return Estimate(hours, f"{about_hours(hours)}: some {_count(records)} {record.label} each traced at "
                    f"{_minutes(record.minutes)} to see whether it ended '{reading.follows}', because what happened "
                    "later is recorded in another system (the crime's outcome, the court's result) with no field "
                    "that ties it to each of these", records=int(records), manual=True,
                    remedy="ask for each figure on its own (how many were arrested; how many charges, cautions or "
                    "convictions there were for the offence) rather than what became of each one")


_ESTIMATES: patterns.Memo = patterns.memo(16384)  # (reading, law, officers) -> its estimate


def estimate(reading: Reading, law: Law, officers: float | None = None) -> Estimate:
    """Hours to answer the part read as `reading`, under `law`'s rules on what counts, in a force
    of `officers` (None: a middling force). Worked out once per reading: readings are handed out
    again for unchanged parts."""
    key = (reading, law.short_title, officers)
    return _ESTIMATES.recall(key, _estimate, reading, law, officers)


def size_words(officers: float | None) -> str:
    """The force an estimate is for, in words."""
    if officers is None:
        return "a middling force; a large force holds several times more"
    return f"a force of about {round(officers, -2):,.0f} officers"


def _estimate(reading: Reading, law: Law, officers: float | None) -> Estimate:
    held = WHETHER_HELD_HOURS if law.whether_held_counts else 0.0
    record = reading.record
    if reading.item is not None and reading.action in ("copy", "records", "other", "list"):
        hours = held + ONE_ITEM_HOURS
        return Estimate(hours, f"{about_hours(hours)}: finding the few records filed under '{reading.item}' from its "
                        "reference, date or place, and the correspondence about it")
    if (record is not None and record.id == "documents" and reading.system is not None
            and reading.action in ("copy", "records", "other", "list")):
        # The manuals, slides or procedures for one named system sit in its project's or the training
        # team's library, which starts when the system came in: not a search of every mailbox.
        hours = held + DOCUMENT_HOURS * 2
        return Estimate(hours, f"{about_hours(hours)}: finding the documents about '{reading.system}' in the project's or "
                        "training team's library")
    if reading.open_scope and (reading.action in ("copy", "records", "other", "list")
                               or (record is not None and record.id == "correspondence")):
        years, assumed = _years(reading)
        hours = held + MAILBOX_HOURS_PER_YEAR * max(years, 0.5)
        span = "every year it holds" if assumed else f"{reading.period.words()}"
        return Estimate(hours, f"{about_hours(hours)}: searching the mailboxes, drives and files of everyone "
                        f"likely to hold something that fits, over {span}", manual=True,
                        remedy="name the documents you want (a policy, a report, the minutes of a named "
                        "meeting) or, for correspondence, whose and between which dates")
    first = reading.period.first if reading.period is not None and not reading.period.snapshot else None
    if (first is not None and first < PAPER_BEFORE and reading.action not in ("count", "records")
            and (record is None or record.generic)):
        last = min(PAPER_BEFORE, int(first + reading.period.years))
        decades = max(1.0, (last - first) / 10)
        hours = held + DOCUMENT_HOURS + ARCHIVE_HOURS_PER_DECADE * decades
        return Estimate(hours, f"{about_hours(hours)}: searching archived paper files from {first} onwards, which are "
                        "kept by year and department rather than by subject", manual=True,
                        remedy="say which document you want and, if you can, which department or year holds it")
    if record is not None and record.id == "correspondence" and reading.action in ("copy", "records", "other", "list"):
        # Whose it is bounds whose mailboxes; only dates bound how many years of them ("every text message your
        # command team has ever sent" is a team's mail over every year the force keeps).
        if not reading.whose or reading.period is None:
            years, assumed = _years(reading)
            hours = held + MAILBOX_HOURS_PER_YEAR * max(years, 0.5)
            span = "every year it holds" if assumed else f"{reading.period.words()}"
            whose = "the mailboxes of those it names" if reading.whose else \
                "the mailboxes of everyone who might have written or received it"
            return Estimate(hours, f"{about_hours(hours)}: searching {whose}, over {span}", manual=True,
                            remedy="say between which dates" if reading.whose
                            else "say whose correspondence (a post, a team) and between which dates")
    if reading.action == "copy" or (record is not None and record.id == "documents"):
        hours = held + DOCUMENT_HOURS
        return Estimate(hours, f"{about_hours(hours)}: finding and retrieving the document")
    if record is None and reading.action in ("count", "records"):
        hours = held + QUERY_HOURS
        return Estimate(hours, f"{about_hours(hours)}: figures drawn from the force's records")
    if reading.action in ("explain", "yes_no", "list", "other") or record is None:
        hours = held + (FACT_HOURS if record is None or reading.action != "other" else QUERY_HOURS)
        return Estimate(hours, f"{about_hours(hours)}: a fact the force can look up")

    years, assumed = _years(reading)
    share = reading.share if reading.share is not None else (NARROWED_SHARE if reading.narrowed else 1.0)
    free = reading.free_text
    if free and record.coded_since is not None and first is not None and first >= record.coded_since[0] \
            and record.coded_since[1].search(free.lower()):
        free = None  # a detail the record has held in a field since before the years asked about
    if reading.searched and free:
        share = min(share, KEYWORD_SHARE)  # only the records a text search for the requester's term returns
    yearly = record.yearly_for(officers) * share
    uncountable = _uncountable(reading, record)
    unheld = [b for b in reading.breakdowns if b in record.not_held]
    narrative = reading.action == "records" and reading.narrative
    linked = RECORD_BY_ID.get(reading.linked) if reading.linked else None
    if linked is not None and record.people and linked.people:
        # A register about people is looked up person by person; records that are about no person (a
        # flight log, a ledger, a kennel file) have no one to look up in it.
        return _cross_checked(record, linked, officers, held, years, share)
    if reading.follows is not None and record.later is not None:
        return _followed_up(reading, record, officers, held, years, share)
    if record.current_only and reading.as_at_past:
        records = record.yearly_for(officers) * share
        hours = held + QUERY_HOURS + records * record.minutes / 60
        return Estimate(hours, f"{about_hours(hours)}: some {_count(records)} {record.label} checked at "
                        f"{_minutes(record.minutes)} each, because these records show what is true now ({record.system}), "
                        "and a figure for a past date has to be rebuilt from each record's history",
                        records=int(records), manual=True,
                        remedy="ask for the figure as it stands today, or for any figure the force returned at the time")
    manual_reason = None
    if free and reading.searched:
        manual_reason = (f"a text search for '{reading.searched}' returns the records that mention it, and each "
                         "is read to see whether it fits")
    elif free:
        manual_reason = f"'{free}' is written in each record's text, not kept in a field"
    elif uncountable:
        manual_reason = (f"{', '.join(u.replace('_', ' ') for u in uncountable)} "
                         f"{'is' if len(uncountable) == 1 else 'are'} not kept in a field the force can count")
    elif narrative:
        manual_reason = "the details asked for are read from each record"
    elif reading.unplaced:
        manual_reason = (f"'{reading.unplaced}' is not among the fields {record.label} are coded by (offence, flags, "
                         "the people, place, date, outcome)")
    codes = reading.listed if reading.listed >= LISTED_MANY else 0
    code_hours = codes * (PER_CODE_HOURS + (WHETHER_HELD_HOURS if law.whether_held_counts else 0.0))
    query = held + QUERY_HOURS + PER_BREAKDOWN_HOURS * len(reading.breakdowns) + code_hours
    this_year = as_of.today().year
    fields = [b for b in reading.breakdowns if DIMENSIONS[b].kind != "time"]
    late = {b: record.since(b) for b in fields if record.since(b) > record.electronic_from}
    detail_from = max([record.electronic_from, *late.values()])

    def before(year: int) -> int:
        """Years the part covers before `year`."""
        if first is not None and first < year:
            return min(year, this_year) - first
        return max(0, UNBOUNDED_YEARS - (this_year - year)) if assumed else 0

    legacy_years, detail_years = before(record.electronic_from), before(detail_from)
    if manual_reason is None and (not detail_years or not fields):
        hours = query + (LEGACY_HOURS if legacy_years else 0.0)
        words = f"{about_hours(hours)}: a query on {record.system}" + (
            f", and totals for the years before {record.electronic_from} from older records" if legacy_years else "")
        if codes:
            whether = codes * WHETHER_HELD_HOURS if law.whether_held_counts else 0.0
            words += (f"; each of the {codes} offence codes or categories listed is its own search: whether the force holds records "
                      "under it, then its count" + (
                          f" (finding out whether each is held alone takes about {whether:.0f} hours, and that time "
                          f"counts: {law.short_title} s12(2) lets a force refuse even to say whether it holds them "
                          "when it passes the limit)" if whether >= law.cost_limit_hours else
                          " (the time spent finding out whether each is held counts towards the limit, s12(2))"
                          if whether else ""))
        if unheld:
            words += (f"; {_and(unheld)} {'is' if len(unheld) == 1 else 'are'} not recorded on these records at all, "
                      "so expect 'not held' for that")
        remedy = "ask for the offence groups the codes or categories fall under, or for the few that matter most" if codes else None
        return Estimate(hours, words, not_held=tuple(unheld), remedy=remedy, manual=bool(codes))
    paper = 0
    if manual_reason is not None:
        records = yearly * years
        # The files of a filtered few are read wherever they are: those from before the record was kept
        # electronically are found first in paper archives, boxed by year.
        paper = legacy_years if reading.share is not None else 0
    else:
        records = yearly * min(detail_years, years)
        if late and (first is None or first >= record.electronic_from):
            manual_reason = (f"before {detail_from} {_and(sorted(late))} {'was' if len(late) == 1 else 'were'} not "
                             f"a field of {record.label}")
        else:
            manual_reason = (f"before {detail_from} most forces did not hold {record.label} in a "
                             "system they can search" + (f" with {_and(sorted(late))}" if late else ""))
        legacy_years = detail_years
    hours = query + records * record.minutes / 60 + ARCHIVE_HOURS_PER_DECADE * paper / 10
    per_year = held + QUERY_HOURS + yearly * record.minutes / 60
    if assumed:
        remedy = (f"give a period: for one recent year it would be about {per_year:.0f} hours"
                  if per_year < law.cost_limit_hours else
                  "ask only for what the force's system can count, or for a sample of records")
    elif legacy_years and not free and not reading.unplaced and not uncountable:
        remedy = f"start from {detail_from}, when recording became searchable"
    elif per_year < law.cost_limit_hours and years > 1:
        remedy = f"ask for one recent year (about {per_year:.0f} hours)"
    elif free or reading.unplaced:
        remedy = (f"ask for the nearest thing the force codes (the offence group, flag or category) instead of "
                  f"'{free or reading.unplaced}', or ask first whether it records that in a field")
    else:
        remedy = "ask only for what the force's system can count, or ask first whether it records this in a field"
    words = (f"{about_hours(hours)}: some {_count(records)} {record.label} read at {_minutes(record.minutes)} each, "
             f"because {manual_reason}" + (f", those from before {record.electronic_from} found first in archived "
                                           "paper files" if paper else ""))
    by_criterion = bool(reading.unplaced) and not (free or uncountable or narrative)
    return Estimate(hours, words, records=int(records), remedy=remedy, manual=True, unplaced=by_criterion)


def limit_hours(law: Law) -> float:
    """The Act's limit in hours of staff time (from composer.law)."""
    return law.cost_limit_hours


def for_body(ctx, reading: Reading) -> Estimate:
    """`estimate` for the body the letter goes to (`ctx`: an engine.Context). A body that keeps no
    such records searches nothing: its answer is that it does not hold them."""
    if kept_elsewhere(ctx.force, reading):
        return Estimate(0.0, f"no search: {ctx.force.name} does not keep {reading.record.label}")
    return estimate(reading, ctx.law, ctx.officers)


def estimates_in(ctx) -> dict[str, Estimate]:
    """Every part's estimate, read in its request (`ctx`: an engine.Context)."""
    from composer.checker.reading import read_part

    return {item.id: for_body(ctx, read_part(ctx, item)) for item in ctx.items}


def estimates(request, force=None) -> tuple[dict[str, Estimate], Law]:
    """Every part's estimate for `request` as `force` (or, without one, the Act the text points
    to) would make it, and the Act's rules it was made under."""
    from composer.checker.engine import Context

    ctx = Context(request, force, None)
    return estimates_in(ctx), ctx.law


# -- how many people a table's cell holds (personal data: identifiability) ---------------------

_TIME_CELLS = {"month": 12, "quarter": 4, "day": 365, "time_of_day": 6}


def expected_cell(reading: Reading) -> tuple[float, int]:
    """(people expected in a typical cell of the table the part asks for, number of cells)."""
    record = reading.record
    assert record is not None
    span = max(reading.period.years, 1.0) if reading.period is not None and not reading.period.snapshot else 1.0
    # A few weeks hold a few weeks' records (a year at least for the cells a breakdown by time makes).
    within = reading.period.years if reading.period is not None and not reading.period.snapshot else 1.0
    # The population a part names within the record (hate crimes among crimes: resources/holdings.toml)
    named = reading.share if reading.share is not None else 1.0
    population = record.yearly * named * (0.3 ** min(reading.narrowed, 2)) * max(min(within, 1.0), 1 / 52) * span
    if reading.named_place:
        population /= 100  # one town, village, estate or station: a small part of a force area
    cells = 1
    own = 1  # the cells of the finest characteristic asked for on its own
    timed = False
    for b in reading.breakdowns:
        dim = DIMENSIONS[b]
        if dim.kind == "time":
            timed = True
            cells *= _TIME_CELLS.get(b, 1)
        elif reading.one_way and dim.kind == "people":
            own = max(own, dim.categories)  # each characteristic a table of its own: the finest decides
        else:
            cells *= dim.categories
    cells *= own
    if timed:
        cells *= int(round(span))
    return population / cells, cells
