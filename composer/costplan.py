"""The cost plan: in the order a force would answer, each part's and sub-part's estimated hours,
the running total against the force's Act's limit, and where a force would likely stop.

With the cost-limit clause a force answers the parts in the order they are numbered until the
limit (`composer.law`: 18 hours under FOIA, 40 under FOISA) is reached. The hours come from the
checker's reading of each part and its model of what police hold (`composer.checker.reading`,
`composer.checker.estimate`); parts are read once, as the request stands, and only the order
changes as the user reorders them. Counts from one system share one query, as a force would
write it once (the same rule the checker's aggregation finding uses).

`suggest` ranks the numbered parts by the user's priority and, among equals, cheapest first
(`composer.ordering.suggest_order`, which the checker's order finding uses too); within each part,
its sub-parts cheapest first. `composer.operations.request.accept_order` applies
an order. No Qt here: the order dialog and `foi-composer order` both show a `CostPlan`.
"""

from __future__ import annotations

import math

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from composer.checker.cost import SHARED_QUERY_HOURS
from composer.checker.engine import Context
from composer.checker.estimate import Estimate, estimate, size_words, whole_hours
from composer.checker.reading import read_part
from composer.checker.sections import LAW
from composer.law import LAWS, Law, law_for
from composer.model import Act, Force, Part, Request, joined, letter
from composer.ordering import suggest_order

# A sub-part that leans on the one before it ("Of these, how many …") stays straight after it.
_LEANS_BACK = re.compile(r"^\W*(?:\w+[.)]\s*)?(?:and\s+)?(?:of|for|from|in)\s+(?:these|those|them|each\s+of\s+(?:these|those))\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class PartCost:
    """One part's (or sub-part's) own estimate, not counting its sub-parts."""

    part_id: str
    hours: float
    words: str  # "about 120 hours: some 7,000 records read at a minute each"
    reading: str  # "Read as: asks for a count of stop and search records over 5 years."
    remedy: str | None = None  # what would bring it down
    manual: bool = False  # records read by hand, or mailboxes searched
    record: str | None = None  # the kind of record (resources/holdings.toml)
    query: bool = False  # figures a query on the record's system counts: one query serves several parts
    estimate: Estimate | None = field(default=None, repr=False, compare=False)  # the checker's own


@dataclass(frozen=True)
class PlanRow:
    part_id: str
    parent_id: str | None
    number: str  # as the letter would number it in this order: "2", "2a"
    text: str
    priority: int | None  # the user's rank (numbered parts only)
    cost: PartCost
    added: float  # what it adds to the running total (less than its hours when a query is shared)
    running: float  # the running total after it
    within: bool  # answered within the limit, if the force answers in this order
    shares: str | None = None  # the number of the part whose query gives this part's figures too

    @property
    def hours(self) -> float:
        return self.cost.hours


@dataclass(frozen=True)
class CostPlan:
    law: Law
    rows: list[PlanRow]
    order: list[str]  # numbered parts, first answered first
    subparts: dict[str, list[str]]  # parent id -> its sub-parts in order
    notes: list[str] = field(default_factory=list)  # the whole request: aggregation, the clause
    reasons: dict[str, str] = field(default_factory=dict)  # from `suggest`: why a part sits there

    @property
    def total(self) -> float:
        return self.rows[-1].running if self.rows else 0.0

    @property
    def limit(self) -> float:
        return self.law.cost_limit_hours

    @property
    def stop_index(self) -> int | None:
        """The first row a force would likely not reach; None when everything fits."""
        return next((i for i, row in enumerate(self.rows) if not row.within), None)

    def answered(self) -> list[PlanRow]:
        stop = self.stop_index
        return self.rows if stop is None else self.rows[:stop]


def hours_words(hours: float) -> str:
    """Hours as a row shows them: "0.4 h", "12 h", "18.5 h", "1,391 h": to a tenth below 10, to
    the half hour below 100 (so that a running total of 18.5 never reads "18 h" beside a limit of
    18), else whole; a quarter hour goes up to the half."""
    if hours >= 100:
        return f"{whole_hours(hours):,} h"
    shown = round(hours, 1) if hours < 10 else math.floor(hours * 2 + 0.5) / 2
    return f"{shown:.0f} h" if shown == int(shown) else f"{shown:.1f} h"


def shared_words(row: PlanRow) -> str | None:
    """Why a row adds less to the running total than its own hours, in words; None when it adds
    them all."""
    if row.shares is None or row.added >= row.hours - 0.05:
        return None
    from composer.checker.knowledge import RECORD_BY_ID

    record = row.cost.record
    label = RECORD_BY_ID[record].label if record in RECORD_BY_ID else "the same records"
    return (f"Adds only {hours_words(row.added)} to the total: the query on {label} written for "
            f"part {row.shares} gives these figures too.")


def limit_words(law: Law) -> str:
    hours = law.cost_limit_hours
    shown = f"{hours:g}" if hours == int(hours) else f"about {round(hours)}"
    return f"{shown} hours ({law.short_title})"


def acts_of(request: Request) -> set[Act]:
    """The Acts the forces saved with the request answer under (none when it names no forces)."""
    if not request.forces:
        return set()
    from composer.errors import ComposerError
    from composer.forces import load_directory

    try:
        return {f.act for f in load_directory().resolve(",".join(request.forces))}
    except ComposerError:
        return set()


def law_of(request: Request, force: Force | None = None) -> Law:
    """The Act a plan is made for: the force's; else the Act every force saved with the request
    shares; else the Act the checker reads from the text (FOIA when nothing says otherwise)."""
    if force is not None:
        return law_for(force)
    acts = acts_of(request)
    if len(acts) == 1:
        return LAWS[acts.pop()]
    return LAWS[Context(request, None, None).act]


def estimates(request: Request, law: Law, force: Force | None = None) -> dict[str, PartCost]:
    """Each part's and sub-part's own estimate under `law`, read as the request stands, for
    `force`'s size (as `check --force` reads it); without a force, for a middling force."""
    ctx = Context(request, force, None)
    out: dict[str, PartCost] = {}
    for item in ctx.items:
        if not item.text.strip():
            out[item.part.id] = PartCost(item.part.id, 0.0, "nothing asked yet", "Read as: an empty part.")
            continue
        reading = read_part(ctx, item)
        est = estimate(reading, law, ctx.officers)
        record = reading.record.id if reading.record is not None else None
        query = (not est.manual and reading.action in ("count", "records")
                 and record not in (None, "documents", "correspondence"))
        out[item.part.id] = PartCost(item.part.id, est.hours, est.words, reading.describe(), est.remedy,
                                     est.manual, record, query, est)
    return out


def _current(request: Request) -> tuple[list[str], dict[str, list[str]]]:
    top = request.ordered_parts()
    return [p.id for p in top], {p.id: [s.id for s in p.subparts] for p in top if p.subparts}


def _complete(request: Request, order: Sequence[str] | None,
              subparts: Mapping[str, Sequence[str]] | None) -> tuple[list[str], dict[str, list[str]]]:
    """`order` and `subparts` made whole: unknown ids dropped, parts they leave out kept after."""
    cur_order, cur_subs = _current(request)
    top_ids = set(cur_order)
    chosen = [pid for pid in dict.fromkeys(order or ()) if pid in top_ids]
    chosen += [pid for pid in cur_order if pid not in chosen]
    subs: dict[str, list[str]] = {}
    for pid, current in cur_subs.items():
        wanted = [sid for sid in dict.fromkeys((subparts or {}).get(pid, ())) if sid in current]
        subs[pid] = wanted + [sid for sid in current if sid not in wanted]
    return chosen, subs


def plan(request: Request, law: Law, order: Sequence[str] | None = None,
         subparts: Mapping[str, Sequence[str]] | None = None,
         costs: Mapping[str, PartCost] | None = None, force: Force | None = None) -> CostPlan:
    """The plan for `request` answered in `order` (numbered parts) with `subparts` (parent id ->
    sub-part ids); either left out: as the letter numbers them now. `costs` from `estimates`
    (worked out here for `force` when not given: a dialog works them out once and replans on every
    move)."""
    costs = costs if costs is not None else estimates(request, law, force)
    order_ids, subs = _complete(request, order, subparts)
    limit = law.cost_limit_hours
    rows: list[PlanRow] = []
    running = 0.0
    query_seen: dict[str, float] = {}  # kind of record -> the longest query on it so far
    query_first: dict[str, str] = {}  # kind of record -> the number of the part that queried it first
    for i, pid in enumerate(order_ids, start=1):
        part = request.find(pid)
        sequence: list[tuple[Part, Part | None, str]] = [(part, None, str(i))]
        sequence += [(request.find(sid), part, f"{i}{letter(j)}") for j, sid in enumerate(subs.get(pid, []))]
        for item, parent, number in sequence:
            cost = costs.get(item.id) or PartCost(item.id, 0.0, "not estimated", "")
            added = cost.hours
            shares = None
            if cost.query and cost.record is not None:
                before = query_seen.get(cost.record)
                if before is not None:  # the query is written already: a further figure from it
                    added = min(cost.hours, SHARED_QUERY_HOURS + max(0.0, cost.hours - before))
                    shares = query_first[cost.record]
                query_seen[cost.record] = max(before or 0.0, cost.hours)
                query_first.setdefault(cost.record, number)
            running += added
            within = running <= limit and (not rows or rows[-1].within)
            rows.append(PlanRow(item.id, parent.id if parent else None, number, item.text,
                                item.priority if parent is None else None, cost, added, running, within,
                                shares))
    result = CostPlan(law, rows, order_ids, subs)
    result.notes.extend(_notes(request, result))
    officers = force.officers if force is not None else None
    if force is not None and officers is not None:
        result.notes.append(f"Hours are for {force.name_in_text}, {size_words(officers)}.")
    elif force is not None:
        result.notes.append(f"The force directory does not know {force.name_in_text}'s size: hours are for "
                            f"{size_words(None)}.")
    else:
        result.notes.append(f"Hours are for {size_words(None)}.")
    return result


def _numbers(rows: list[PlanRow]) -> str:
    shown = [r.number for r in rows[:8]]
    return joined(shown) + (" and others" if len(rows) > 8 else "")


def _notes(request: Request, p: CostPlan) -> list[str]:
    """What the plan means for the whole request, in words."""
    notes: list[str] = []
    limit = p.limit
    law = p.law
    cite = LAW["aggregation"][law.act]
    over_alone = [r for r in p.rows if r.hours > limit]
    stop = p.stop_index
    if stop is None:
        notes.append(f"All {len(p.rows)} parts together come to about {whole_hours(p.total):,} hours, within the limit of "
                     f"{limit_words(law)}: a force should be able to answer everything.")
    else:
        left = p.rows[stop:]
        notes.append(f"Together the parts come to about {whole_hours(p.total):,} hours against the limit of {limit_words(law)}. "
                     f"Answering in this order, a force would likely stop before part {p.rows[stop].number}: "
                     f"{len(left)} part{'s' if len(left) != 1 else ''} would go unanswered.")
        if not over_alone and len(p.rows) > 1:
            adds = (f"under {law.short_title} every part of one letter counts towards the one limit ({cite})"
                    if law.adds_every_part else
                    f"a force may add together parts that ask for similar information ({cite})")
            notes.append(f"No part alone passes the limit, but {adds}, so these modest parts together can sink the "
                         "whole request; the cost-limit clause asks it to answer them in order up to the limit instead.")
    if law.adds_every_part:
        return notes + _clause_off(request, stop)  # every part is added already: no kind of record is apart
    groups: dict[str, list[PlanRow]] = {}
    for row in p.rows:
        if row.cost.record is not None and row.hours > 0:
            groups.setdefault(row.cost.record, []).append(row)
    from composer.checker.knowledge import RECORD_BY_ID

    for key, rows in groups.items():
        together = sum(r.added for r in rows)
        if len(rows) >= 2 and together > limit:
            label = RECORD_BY_ID[key].label if key in RECORD_BY_ID else key
            notes.append(f"Parts {_numbers(rows)} {'both' if len(rows) == 2 else 'all'} ask about {label} and together come to about "
                         f"{whole_hours(together):,} hours: a force may treat them as one for the limit ({cite}).")
    return notes + _clause_off(request, stop)


def _clause_off(request: Request, stop: int | None) -> list[str]:
    if stop is not None and not request.options.cost_limit_clause:
        return ["The cost-limit clause is off: over the limit, a force may refuse the whole request "
                "instead of answering the parts in this order. Turn it on in the request's details."]
    return []


def _sub_order(part: Part, costs: Mapping[str, PartCost]) -> list[str]:
    """Sub-parts cheapest first; one that leans on the one before it stays straight after it."""
    runs: list[list[Part]] = []
    for sub in part.subparts:
        if runs and _LEANS_BACK.match(sub.text):
            runs[-1].append(sub)
        else:
            runs.append([sub])
    ranked = sorted(enumerate(runs), key=lambda item: (sum(costs[s.id].hours for s in item[1]), item[0]))
    return [s.id for _, run in ranked for s in run]


def suggest(request: Request, law: Law, costs: Mapping[str, PartCost] | None = None,
            force: Force | None = None) -> CostPlan:
    """Most wanted first (the user's priorities), and among equals the cheapest first, as
    `ordering.suggest_order` ranks the numbered parts (the same order the checker's finding
    offers); within a part, its sub-parts cheapest first. A conditional part stays after the part
    it depends on, and a sub-part that leans on the one before stays after it."""
    costs = costs if costs is not None else estimates(request, law, force)
    found = {pid: c.estimate for pid, c in costs.items() if c.estimate is not None}
    ranked = suggest_order(request, found=(found, law.cost_limit_hours, law.short_title))
    subs = {p.id: _sub_order(p, costs) for p in request.ordered_parts() if p.subparts}
    made = plan(request, law, ranked.order, subs, costs, force)
    made.reasons.update(ranked.reasons)
    return made


def is_current(request: Request, p: CostPlan) -> bool:
    """Whether the request already reads in `p`'s order."""
    order, subs = _current(request)
    return order == p.order and subs == p.subparts

