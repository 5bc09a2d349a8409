"""Cost (FOIA s12 with the Fees Regulations 2004; FOISA s12): a force may refuse a request that
would take more than the appropriate limit to answer (£450, 18 hours, for a police force in
England, Wales and Northern Ireland; £600 at £15 an hour in Scotland). Only finding, locating,
retrieving and extracting count, so the rules look for wording that makes those steps long:
open-ended scope, no period, and facts that sit only in case files."""

from __future__ import annotations

import re

from composer.checker import as_of, knowledge, track
from composer.checker import patterns as p
from composer.checker.engine import Context, PartView, Rule, part_rule, request_rule
from composer.checker.estimate import Estimate, about_hours, estimates_in, for_body, size_words, whole_hours
from composer.checker.findings import Fix
from composer.checker.reading import Reading, one_item_asked, read_part, read_text, without_titles
from composer.model import Act, Part

_TRAILING = re.compile(r"[\s.?!;:]*$")
_CLAUSE_IN_TEXT = p.Gate(r"\bcost\s+limit|\bappropriate\s+limit|\bsection\s+12\b|\bs\.?\s?12\b", None)


def _quote(text: str, span: tuple[int, int]) -> str:
    return text[span[0]:span[1]].strip()


@part_rule("cost.open-scope", "cost", "warning", law="cost", title="Open-ended scope", intro=True)
def open_scope(rule: Rule, ctx: Context, item: PartView):
    match = p.OPEN_SCOPE.search(item.low)
    if not match:
        return
    if not item.is_intro:
        reading = read_part(ctx, item)
        if reading.whose and reading.period is not None and not reading.period.snapshot:
            return  # "all emails the Chief Constable sent in March 2024": one mailbox, one period
        if reading.system is not None and reading.record is not None and reading.record.id == "documents":
            return  # "any procedures for the new fingerprint readers": one named system's library
        parent = ctx.parent_view(item)
        if one_item_asked(ctx, item):
            return  # "all records about incident 2023/0451": one item's file, found from its reference
    elif read_text(ctx.said(item.text)).item is not None:
        return
    said = _quote(item.text, match.span())
    return rule.at(
        ctx, item,
        f"'{said}' has no edge: to answer, the force must search every system, mailbox and file "
        f"for anything that might fit, and wording like this is the commonest reason for a "
        f"{ctx.section('cost')} refusal (the limit is {ctx.law.cost_limit_text}).",
        suggestion="Name what you want instead: the specific documents (a policy, the DPIA, the "
        "contract, the minutes of a named board) or, for correspondence, whose emails and between "
        "which dates.",
        span=match.span(),
    )


def _has_period(ctx: Context, item: PartView) -> bool:
    """A period in the part, its parent, the introduction, or another part of the request."""
    if item.is_intro:
        return ctx.has_period(ctx.said_low(item.text))
    return read_part(ctx, item).period is not None


def _with_period(text: str) -> str:
    body = _TRAILING.sub("", text)
    end = text[len(body):].strip()
    return f"{body}, for each of the last five full calendar years{end or '.'}"


# One named operation, investigation or event: its own dates bound what is counted.
_ONE_MATTER = re.compile(r"\b[Oo]peration\s+[A-Z][a-z]+|\b(?:this|that|the\s+said)\s+(?:investigation|operation|"
                         r"inquiry|enquiry|incident|event|protest|case|review)\b")


def _about_one_matter(ctx: Context, item: PartView) -> bool:
    parent = ctx.parent_view(item)
    return any(_ONE_MATTER.search(text) for text in (item.text, parent.text if parent is not None else "", ctx.intro))


@part_rule("cost.no-period", "cost", "warning", law="cost", title="Statistics with no period")
def no_period(rule: Rule, ctx: Context, item: PartView):
    low = item.low
    stats = p.STATISTICS.search(low)
    if (not stats or not p.EVENTS.search(low) or _has_period(ctx, item) or _about_one_matter(ctx, item)
            or one_item_asked(ctx, item)):
        return
    if read_part(ctx, item).action not in ("count", "records"):
        return  # figures named in passing (a definition, a yes or no question)
    return rule.at(
        ctx, item,
        f"{item.label} asks for figures but gives no period, so the force would have to "
        f"count across every year it holds records; that alone can exceed the {ctx.section('cost')} "
        "cost limit, or the force may ask you to narrow it first.",
        suggestion="Add a period, for example 'for each of the last five full calendar years' "
        "or 'from 1 April 2020 to 31 March 2025'.",
        span=stats.span(),
        fix=Fix("replace_text", "Add 'for each of the last five full calendar years'",
                part_id=item.id, new_text=_with_period(item.text)),
    )


@part_rule("cost.case-records", "cost", "warning", law="cost", title="Needs case files read one by one", intro=True)
def case_records(rule: Rule, ctx: Context, item: PartView):
    low = item.low
    demo = p.DEMOGRAPHICS.search(low)
    cause = p.BECAUSE_OF.search(low) if demo else None
    if demo and cause:
        span = (min(demo.start(), cause.start()), max(demo.end(), cause.end()))
        message = (
            f"{item.label} asks for the characteristics of people who were affected by "
            f"something ('{_quote(item.text, cause.span())}'). Forces rarely record that link in a "
            "field they can count, so answering means reading case records one by one, which "
            f"quickly passes the {ctx.section('cost')} cost limit."
        )
        suggestion = (
            "Ask first whether the force records the link in a searchable field; if it does, ask "
            "for the figures from that field, and if not, for any summary statistics or "
            "evaluation reports about the people affected."
        )
    else:
        match = p.PER_PERSON_LOOKUP.search(low) or p.CASE_BY_CASE.search(low)
        if not match:
            return
        span = match.span()
        message = (
            f"{item.label} needs a fact looked up for each person or case "
            f"('{_quote(item.text, span)}'). Extracting it record by record is counted towards "
            f"the {ctx.section('cost')} cost limit and soon exceeds it."
        )
        suggestion = (
            "Ask for totals the force's systems can count directly (for example the number "
            "with a recorded previous conviction), or for a small sample."
        )
    if not item.is_intro and one_item_asked(ctx, item):
        return None  # the file of one identified case is found from what names it, not looked up case by case
    severity = None
    reading, est = _intro_estimate(ctx) if item.is_intro else part_estimate(ctx, item)
    if reading.record is not None and (not est.manual or est.hours <= ctx.law.cost_limit_hours):
        # The wording suggests case files, but the kind of record asked about keeps this in fields
        # a query counts, or there are few enough to read within the limit: a sign to weigh, not a
        # likely refusal on its own.
        severity = "info"
    return rule.at(ctx, item, message, suggestion=suggestion, span=span, severity=severity)


_UP_TO_NOW = p.Gate(r"\bsince\b|\bto\s+(?:the\s+)?(?:present|date|now)\b|\buntil\s+now\b|\bup\s+to\s+now\b",
                    ("since", "present", "date", "now"))
LONG_PERIOD_YEARS = 7


@request_rule("cost.long-period", "cost", "info", law="cost", title="A long run of years")
def long_period(rule: Rule, ctx: Context):
    """Records from many years back often sit on older systems or on paper."""
    this_year = as_of.today().year
    places = ([ctx.intro_view] if ctx.intro_view is not None else []) + list(ctx.items)
    seen: set[int] = set()
    for item in places:
        low = without_titles(item.low)  # "the Police Act 1996" names a law, not a first year
        first = p.earliest_year(low)
        if first is None or first in seen:
            continue
        years = [int(y) for y in p._YEAR.findall(low)]
        last = this_year if _UP_TO_NOW.search(low) else max(years)
        if last - first + 1 < LONG_PERIOD_YEARS:
            continue
        seen.add(first)
        yield rule.at(
            ctx, item,
            f"{item.label} goes back to {first}, {last - first + 1} years of records. Older records "
            "often sit on systems the force has replaced, or on paper, and searching them counts "
            f"towards the {ctx.section('cost')} cost limit; forces often refuse the whole part "
            "because of the earliest years.",
            suggestion="Ask for the most recent five years, or ask the force to start from the most "
            "recent year and go back as far as the cost limit allows.",
        )


@part_rule("cost.durations", "cost", "info", law="cost", title="Durations worked out record by record", intro=True)
def durations(rule: Rule, ctx: Context, item: PartView):
    match = p.DURATIONS.search(item.low)
    if not match:
        return None
    return rule.at(
        ctx, item,
        f"{item.label} asks how long things took ('{_quote(item.text, match.span())}'). Unless the "
        "force records the duration as a figure, it has to work it out from the dates in each "
        f"record, which counts towards the {ctx.section('cost')} cost limit.",
        suggestion="Ask first whether the force records the duration or publishes it (for example "
        "in a performance report); if not, ask for the numbers in a few bands instead of each case.",
        span=match.span(),
    )


@part_rule("cost.unrecorded-attribute", "cost", "info", law="cost",
           title="Counting by a detail written in the record", intro=True)
def unrecorded_attribute(rule: Rule, ctx: Context, item: PartView):
    match = p.UNRECORDED_ATTRIBUTE.search(item.low)
    if not match:
        return None
    return rule.at(
        ctx, item,
        f"{item.label} counts records by a circumstance of the people in them "
        f"('{_quote(item.text, match.span())}'). Forces record such details in the text of a report, "
        "not in a field they can count, so even finding out whether they hold the figure can "
        f"exceed the {ctx.section('cost')} cost limit.",
        suggestion="Ask whether the force records this as a searchable category (a flag or a "
        "code), and for the figure only if it does.",
        span=match.span(),
    )


def _clause_in_text(ctx: Context) -> bool:
    return ctx.anywhere(_CLAUSE_IN_TEXT)


@request_rule("cost.no-clause", "cost", "warning", law="cost_clause", title="Many parts, no cost-limit clause")
def no_clause(rule: Rule, ctx: Context):
    options = ctx.request.options
    asked = [i for i in ctx.items if i.text.strip()]
    if options.cost_limit_clause or options.cost_limit_wording or len(asked) < 5 or _clause_in_text(ctx):
        return
    return rule.at(
        ctx, None,
        f"The request has {len(asked)} parts and no cost-limit clause. If answering all of them "
        f"would exceed the {ctx.section('cost')} limit ({ctx.law.cost_limit_text}), the force may "
        "refuse the whole request rather than answer the parts it can.",
        suggestion="Turn on the cost-limit clause: it asks the force to answer the parts in order "
        f"up to the limit and, under {ctx.section('advice')}, to advise how to narrow the rest.",
        fix=Fix("set_option", "Add the cost-limit clause", name="cost_limit_clause", value=True),
    )


_ORDERS: p.Memo = p.memo(256)  # the order, while no part's hours change


def _suggest_order(ctx: Context, found):
    from composer import ordering  # ordering reads parts with the checker: imported when used

    return ordering.suggest_order(ctx.request, found=(found, ctx.law.cost_limit_hours, ctx.law.short_title))


@request_rule("cost.order", "cost", "info", law="cost_clause", title="Costly parts before cheap ones")
def order(rule: Rule, ctx: Context):
    if len(ctx.request.parts) < 2:
        return
    found = estimates_in(ctx)
    if not any(e.hours > ctx.law.cost_limit_hours / 2 for e in found.values()):
        return  # nothing costly enough to crowd out the cheap parts
    key = (tuple((p.id, p.priority, p.condition) for p in ctx.request.ordered_parts()),
           tuple(e.hours for e in found.values()), ctx.law.short_title)
    suggestion = _ORDERS.recall(key, _suggest_order, ctx, found)
    if not suggestion.changed:
        return
    current = [part.id for part in ctx.request.ordered_parts()]
    # Only a costly part read before cheaper ones puts the cheap answers at risk. (Places looked up in
    # dicts, not with list.index: a request of many costly parts stays linear.)
    now, suggested = _places(current), _places(suggestion.order)
    costly = next((pid for pid in current if suggestion.burden.get(pid) == "high"
                   and suggested[pid] > now[pid]), None)
    if costly is None:
        return
    part = ctx.by_id[costly]
    proposed = ", ".join(ctx.by_id[pid].number for pid in suggestion.order)
    # A part with sub-parts (a yes/no umbrella over its questions) costs its own answer; the hours are its
    # costliest piece's, said where they are, and the part moves with all its sub-parts.
    total = suggestion.hours.get(costly, 0.0)
    item = max(_pieces(ctx, part.part), key=lambda piece: found[piece.id].hours if piece.id in found else 0.0)
    hours = found[item.id].hours if item.id in found else 0.0
    if item is part or hours < total / 2:  # the part's own answer, or its pieces together
        where = item.label if not part.part.subparts else f"{part.label} with its sub-parts"
        item, hours = part, total
    else:
        where = f"{item.label}, under part {part.number},"
    return rule.at(
        ctx, item,
        f"{where} looks costly ({about_hours(hours)}) and comes before cheaper parts you ranked the same "
        f"or not at all. With the cost-limit clause a force answers parts in order until the "
        f"{ctx.section('cost')} limit is reached, so this part could use up the limit before the cheap parts "
        "are reached.",
        suggestion=f"Ask the parts in this order: {proposed}.",
        fix=Fix("reorder", "Use the suggested order", order=tuple(suggestion.order)),
    )


def _places(ids) -> dict[str, int]:
    """Where each id first comes in `ids` (what `list.index` says, for all of them at once)."""
    places: dict[str, int] = {}
    for place, pid in enumerate(ids):
        places.setdefault(pid, place)
    return places


def _pieces(ctx: Context, part: Part) -> list[PartView]:
    """`part` and all its sub-parts, as the rules see them."""
    out, stack = [], [part]
    while stack:
        piece = stack.pop()
        out.append(ctx.by_id[piece.id])
        stack.extend(reversed(piece.subparts))
    return out


# -- the estimate: hours against the force's limit -------------------------------------------

def part_estimate(ctx: Context, item: PartView) -> tuple[Reading, Estimate]:
    """The reading of `item` and the hours a force would likely spend answering it."""
    reading = read_part(ctx, item)
    return reading, for_body(ctx, reading)


def _intro_estimate(ctx: Context) -> tuple[Reading, Estimate]:
    """The introduction read as a part of its own when it names a kind of record; otherwise the
    costliest part's reading and estimate, since the introduction's words apply to the parts."""
    reading = read_text(ctx.said(ctx.intro))
    if reading.record is not None or not ctx.items:
        return reading, for_body(ctx, reading)
    return max((part_estimate(ctx, item) for item in ctx.items), key=lambda found: found[1].hours)


def _limit_words(ctx: Context) -> str:
    return f"{ctx.law.cost_limit_hours:g} hours under {ctx.law.short_title}" if ctx.law.cost_limit_hours == int(
        ctx.law.cost_limit_hours) else f"about {round(ctx.law.cost_limit_hours)} hours under {ctx.law.short_title}"


FEW_FILES = 100  # records read by hand below which an estimate within the limit is not a likely refusal


@part_rule("cost.estimate", "cost", "warning", law="cost", title="Likely to take more than the cost limit")
def over_limit(rule: Rule, ctx: Context, item: PartView):
    reading, est = part_estimate(ctx, item)
    limit = ctx.law.cost_limit_hours
    if est.not_held and reading.record is not None:
        unheld = " or ".join(b.replace("_", " ") for b in est.not_held)
        return rule.at(ctx, item, f"{item.label} asks for a breakdown by {unheld}, which {reading.record.label} do "
                       "not record at all: expect that part of the answer to be 'not held' rather than a refusal.",
                       suggestion="Keep the breakdowns the records hold; ask separately whether any other record "
                       f"(a survey, a monitoring return) holds {unheld}.", severity="info")
    if est.hours <= limit * 0.5 or not est.manual or est.unplaced:
        return None  # (read by hand only for a criterion no field codes: cost.unplaced-criterion)
    # A small population read by hand (a mounted section's horses, a year of one rare offence) is a few dozen
    # files: when that fits the limit, the force's own count of them is what decides, not a margin for error.
    warn = est.hours > limit * ctx.calibration.cost_share and not (0 < est.records < FEW_FILES and est.hours <= limit)
    broad = reading.open_scope or reading.period is None
    either = (f" Worded this broadly, it may instead come back with a request to narrow it "
              f"({ctx.section('clarify')}), which restarts the clock." if broad else "")
    if not warn:
        verdict = f"It comes close to the limit, and with other parts may pass it: {ctx.section('cost')}."
    elif est.hours <= limit:
        verdict = "That is within the limit, but near enough that " + track.chance(
            rule.id, "the force's own estimate, made on its systems as they are,",
            f"pass it and bring a refusal under {ctx.section('cost')}") + "."
    else:
        verdict = track.chance(rule.id, "A force", f"refuse it under {ctx.section('cost')}") + "."
    message = f"{item.label} would take {est.words}; the limit is {_limit_words(ctx)}. " + verdict + either
    fix = None
    if reading.period is None and item.text.strip():
        fix = Fix("replace_text", "Add 'for each of the last five full calendar years'",
                  part_id=item.id, new_text=_with_period(item.text))
    reasoning = (reading.describe(), f"Estimate: {est.words} ({size_words(ctx.officers)}).",
                 f"Limit: {ctx.law.cost_limit_text}.")
    return rule.at(ctx, item, message, suggestion=f"To bring it under: {est.remedy}." if est.remedy else None,
                   fix=fix, severity="warning" if warn else "info", reasoning=reasoning)


# Below this many records a year, reading them for a criterion may well fit the limit, and a force
# with so few often keeps them in a spreadsheet with more columns than the national return asks for.
FEW_RECORDS_A_YEAR = 1000


@part_rule("cost.unplaced-criterion", "cost", "warning", law="cost",
           title="Counted by something no field holds")
def unplaced_criterion(rule: Rule, ctx: Context, item: PartView):
    """A filter or breakdown that matches none of the fields the record's data standard codes
    (resources/coded.toml) is found by reading each record. The placing is a reading of words, so
    it warns only where the estimate is far past the limit; a single year, a small kind of record
    or a point in time gets a note."""
    if read_part(ctx, item).unplaced is None:
        return None  # the usual case, decided without the estimate
    reading, est = part_estimate(ctx, item)
    if not est.unplaced or reading.record is None:
        return None
    limit = ctx.law.cost_limit_hours
    period = reading.period
    unsure = ((period is not None and (period.snapshot or period.years <= 1))
              or reading.record.yearly_for(ctx.officers) < FEW_RECORDS_A_YEAR
              or est.hours <= limit * ctx.calibration.cost_share)
    said = reading.unplaced
    message = (f"{item.label} counts {reading.record.label} by '{said}'. It would take {est.words}; the limit is "
               f"{_limit_words(ctx)}"
               + (", so " + track.chance(rule.id, "a force", f"refuse it under {ctx.section('cost')}") + "."
                  if not unsure else
                  ". Over a short period or a small set of records that may still fit; ask whether the force "
                  "records it in a field."))
    reasoning = (reading.describe(), f"Not a coded field or value: '{said}'.",
                 f"Estimate: {est.words} ({size_words(ctx.officers)}).", f"Limit: {ctx.law.cost_limit_text}.")
    return rule.at(ctx, item, message, suggestion=f"To bring it under: {est.remedy}." if est.remedy else None,
                   severity="info" if unsure else None, reasoning=reasoning)


SHARED_QUERY_HOURS = 0.5  # each further figure from a query already written


@request_rule("cost.aggregate", "cost", "warning", law="aggregation", title="Similar parts added together pass the limit")
def aggregate(rule: Rule, ctx: Context):
    """Parts asking for similar information are added together for the limit (Fees Regulations
    reg 5): many parts on one kind of record can sink the request though none does alone."""
    limit = ctx.law.cost_limit_hours
    groups: dict[str, list[tuple[PartView, Estimate]]] = {}
    for item in ctx.items:
        if not item.text.strip():
            continue
        reading, est = part_estimate(ctx, item)
        if est.hours > limit * ctx.calibration.cost_share:
            return None  # a part over the limit on its own already has its finding
        key = reading.record.id if reading.record is not None else "other"
        groups.setdefault(key, []).append((item, est))

    def together(parts: list[tuple[PartView, Estimate]]) -> float:
        # Records read by hand add up; counts from one system come from one query, a little
        # more for each further figure.
        manual = sum(e.hours for _, e in parts if e.manual)
        queries = [e.hours for _, e in parts if not e.manual]
        return manual + (max(queries) + SHARED_QUERY_HOURS * (len(queries) - 1) if queries else 0.0)

    total_all = sum(together(parts) for parts in groups.values())
    for key, parts in groups.items():
        total = together(parts)
        if len(parts) < 2 or total <= limit * ctx.calibration.cost_share:
            continue
        numbers = ", ".join(i.number for i, _ in parts[:8]) + (" …" if len(parts) > 8 else "")
        label = knowledge.RECORD_BY_ID[key].label if key in knowledge.RECORD_BY_ID else "related information"
        first = parts[0][0]
        return rule.at(
            ctx, first,
            f"Parts {numbers} all ask about {label}; a force may add similar parts together for the "
            f"cost limit, and together they come to about {whole_hours(total):,} hours against the limit of "
            f"{_limit_words(ctx)} (the whole request: about {whole_hours(total_all):,} hours). It may then refuse "
            f"all of them under {ctx.section('cost')}.",
            suggestion="Keep the cost-limit clause on and put the parts you want most first, or drop "
            "the costliest of these parts.",
            reasoning=tuple(f"Part {i.number}: {e.words}" for i, e in parts))
    return None


# Records counted only where something brought them about ("arrested as a result of its use", "stopped after
# being flagged by the system"): the published tables count every arrest, not those.
_BROUGHT_ABOUT_BY = re.compile(
    r"\b(?:as\s+an?\s+(?:\w+\s+){0,2}?result\s+of|because\s+of|follow(?:ed|ing)|prompted\s+by|arising\s+from|after)\s+"
    r"(?:its\s+use|(?:an?\s+|the\s+|its\s+)?(?:\w+\s+){0,2}?(?:alerts?|flags?|scores?|predictions?|outputs?)\b|the\s+(?:system|tool|"
    r"software|model|algorithm|matrix)\b|\{system_name\})"
    r"|\b(?:flagged|identified|scored|selected|predicted|targeted|highlighted)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+|its\s+|a\s+)?"
    r"(?:system|tool|software|model|algorithm|matrix|\{system_name\})",
    re.IGNORECASE)


@part_rule("exemption.published", "exemption", "info", law="published", title="Figures already published")
def published(rule: Rule, ctx: Context, item: PartView):
    reading = read_part(ctx, item)
    record = reading.record
    if record is None or reading.action != "count" or reading.free_text:
        return None
    nation = ctx.force.nation.value if ctx.force is not None else ("scotland" if ctx.act == Act.FOISA else None)
    where = record.published_for(nation)  # only what covers the force: no Home Office figures for Scotland
    if not where:
        return None
    if any(b not in record.countable for b in reading.breakdowns if knowledge.DIMENSIONS[b].kind != "time"):
        return None
    if reading.unplaced or reading.follows is not None or _BROUGHT_ABOUT_BY.search(item.low):
        return None  # only those a criterion or a tool picks out: no publication counts them
    named = " and ".join(pub.name for pub in where)
    return rule.at(
        ctx, item,
        f"Figures on {record.label} are routinely published: {named}. A force may point "
        f"you there instead of answering ({ctx.section('published')}), which is quicker for both.",
        suggestion="Check the published figures first and ask only for what they do not give.",
    )
