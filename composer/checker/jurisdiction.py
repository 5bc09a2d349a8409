"""Jurisdiction: the letter must cite the Act the force answers under (FOISA for Police Scotland
and the Scottish bodies, FOIA for everyone else, FOIA s80 keeping Scottish authorities out of
FOIA), the right cost limit, no template field left unfilled, and no other force's name left
over from the letter it was copied from."""

from __future__ import annotations

import re

from composer.checker.addressed import cited_acts, named_forces
from composer.checker.engine import Context, PartView, Rule, part_rule, request_rule
from composer.checker.reading import asked_if_yes, kept_elsewhere, read_part
from composer.checker.findings import Fix
from composer.checker.patterns import Gate, remembered
from composer.force_names import SystemMention, find_forces, find_systems, force_acronyms, force_by_id
from composer.law import CENTRAL_GOVERNMENT_LIMIT_POUNDS, FORCE_FIELDS, LAWS
from composer.model import FIELD_PATTERN, Act, Force, ForceKind, joined

_FOIA_TITLE = re.compile(r"freedom\s+of\s+information\s+act(?:\s+2000)?", re.IGNORECASE)
_FOISA_TITLE = re.compile(r"freedom\s+of\s+information\s+\(scotland\)\s+act(?:\s+2002)?", re.IGNORECASE)
_POUNDS = re.compile(r"£\s?(\d{3})\b")
_HOURS = re.compile(r"\b(\d{2})\s+hours\b")
# The cost limits a letter may state, in pounds and in hours: each Act's for police, and FOIA's
# for central government (the figure letters copied from a government department's page carry).
_LIMITS_POUNDS = {law.cost_limit_pounds for law in LAWS.values()} | {CENTRAL_GOVERNMENT_LIMIT_POUNDS}
_LIMITS_HOURS = ({round(law.cost_limit_hours) for law in LAWS.values()}
                 | {round(CENTRAL_GOVERNMENT_LIMIT_POUNDS / LAWS[Act.FOIA].hourly_rate_pounds)})
_PLACEHOLDER = Gate(
    r"\[(?:insert|name\s+of|enter|add|your|force|system|the\s+force|xx+|tbc|\.\.\.|…)[^\]\n]{0,60}\]"
    r"|<(?:insert|name\s+of|force|system|enter)[^<>\n]{0,60}>|\bX{3,}\b|\bTBC\b",
    None,
    re.IGNORECASE,
)
_FIELD = Gate(FIELD_PATTERN, None)
_FORCE_FIELDS = FORCE_FIELDS
_mentions = remembered(find_forces)
_systems = remembered(find_systems)
__all__ = ["cited_acts", "force_acronyms", "named_forces"]


def _recipient(ctx: Context) -> Force | None:
    return ctx.force if ctx.force is not None else ctx.addressed


def _places(ctx: Context) -> list[tuple[PartView | None, str]]:
    """Every piece of text the force will read, with its part (None: the introduction)."""
    out: list[tuple[PartView | None, str]] = [(None, ctx.intro)] if ctx.intro else []
    out += [(item, item.text) for item in ctx.items]
    return out


@request_rule("jurisdiction.wrong-act", "jurisdiction", "error", law="act", title="Wrong Act for the force")
def wrong_act(rule: Rule, ctx: Context):
    force = _recipient(ctx)
    if force is None:
        return
    wrong = Act.FOIA if force.act == Act.FOISA else Act.FOISA
    right_title = LAWS[force.act].title
    for item, text in _places(ctx):
        if wrong not in cited_acts(text):
            continue
        if wrong == Act.FOIA:
            match = next((m for m in _FOIA_TITLE.finditer(text)
                          if not _FOISA_TITLE.match(text, m.start())), None)
            new_text = _FOIA_TITLE.sub(right_title, text) if match else None
        else:
            match = _FOISA_TITLE.search(text)
            new_text = _FOISA_TITLE.sub(right_title, text) if match else None
        fix = None
        if new_text is not None and new_text != text:
            fix = Fix("replace_text", f"Cite the {right_title}", part_id=item.id if item else None,
                      new_text=new_text)
        where = f"{item.label}" if item else "The introduction"
        yield rule.at(
            ctx, item,
            f"{where} cites the {LAWS[wrong].title}, but {force.name} answers under the "
            f"{right_title}. A request citing the wrong Act is still a valid request, but it "
            "shows the letter was not written for this force, and the deadlines, cost limit and "
            "appeal route in it are wrong.",
            suggestion=f"Cite the {right_title}, or write {{act_name}} so that each letter names "
            "the right Act.",
            span=match.span() if match and item else None,
            fix=fix,
        )


@request_rule("jurisdiction.wrong-cost-limit", "jurisdiction", "error", law="cost",
              title="Wrong cost limit for the force")
def wrong_cost_limit(rule: Rule, ctx: Context):
    force = _recipient(ctx)
    if force is None:
        return
    law = LAWS[force.act]
    right_hours = round(law.cost_limit_hours)
    texts = _places(ctx)
    if ctx.request.options.cost_limit_wording:
        texts.append((None, ctx.request.options.cost_limit_wording))
    for item, text in texts:
        low = text.lower()
        if "limit" not in low and "cost" not in low:
            continue
        wrong = [m for m in _POUNDS.finditer(text) if int(m.group(1)) in _LIMITS_POUNDS
                 and int(m.group(1)) != law.cost_limit_pounds]
        wrong += [m for m in _HOURS.finditer(text) if int(m.group(1)) in _LIMITS_HOURS
                  and abs(int(m.group(1)) - right_hours) > 1]
        if not wrong:
            continue
        where = f"{item.label}" if item else "The letter"
        yield rule.at(
            ctx, item,
            f"{where} states a cost limit of '{wrong[0].group(0)}', but for {force.name} the limit "
            f"under the {law.title} is {law.cost_limit_text}.",
            suggestion="Leave the figure out, or use the cost-limit clause, which states the right "
            "limit for each force.",
            span=wrong[0].span() if item else None,
        )
        return


@part_rule("jurisdiction.unfilled-field", "jurisdiction", "error", law="valid", title="Template field left unfilled", intro=True)
def unfilled_field(rule: Rule, ctx: Context, item: PartView):
    if "{" not in item.text and "[" not in item.text and "<" not in item.text \
            and "XXX" not in item.text and "TBC" not in item.text:
        return
    values = ctx.field_values
    for match in _FIELD.finditer(item.text):
        name = match.group(1)
        if name in values or (ctx.force is None and name in _FORCE_FIELDS):
            continue
        yield rule.at(
            ctx, item,
            f"{item.label} has the field {{{name}}}, which has no value yet, so the letter "
            "would go out with the placeholder in it.",
            suggestion=f"Fill in '{name}' in the request's fields, or write the text in.",
            span=match.span(),
        )
        return
    text = item.text
    if "[" not in text and "<" not in text and "XXX" not in text and "TBC" not in text:
        return
    match = _PLACEHOLDER.search(text)
    if match:
        yield rule.at(
            ctx, item,
            f"{item.label} still has a placeholder ('{match.group(0)}') from a template.",
            suggestion="Replace it with the real name or detail.",
            span=match.span(),
        )


def _where(items: list[PartView]) -> str:
    """The places a finding is about, as its message names them: "The introduction and parts 1
    and 2"."""
    parts = [i.number for i in items if not i.is_intro]
    words = ["the introduction"] if any(i.is_intro for i in items) else []
    if parts:
        words.append(("part " if len(parts) == 1 else "parts ") + joined(parts))
    said = " and ".join(words)
    return said[:1].upper() + said[1:]


@part_rule("jurisdiction.kept-elsewhere", "jurisdiction", "warning", law="held",
           title="Records this body does not keep")
def kept_elsewhere_here(rule: Rule, ctx: Context, item: PartView):
    """An oversight body asked for the operational records of the service it oversees: it keeps
    reports on them, not the records, and will answer that it does not hold them."""
    force = ctx.force
    if force is None or force.kind != ForceKind.OVERSIGHT:
        return
    reading = read_part(ctx, item)
    if not kept_elsewhere(force, reading) or asked_if_yes(ctx, item):
        # Under "Has the Board used any such system? If yes, …" the part asks about the Board's own system's
        # records: a Board that runs none answers "no" above, and the part falls away (nothing to send on).
        return
    record = reading.record
    service = _overseen(force)
    yield rule.at(
        ctx, item,
        f"{item.label} asks about {record.label}, which {force.short_name or force.name} does not keep: they "
        f"are {service}'s records, and it oversees {service}. It is likely to answer that it does not hold them.",
        suggestion=f"Send this part to {service}, or ask {force.short_name or force.name} for the reports on "
        "it that it receives and publishes.",
    )


def _overseen(force: Force) -> str:
    """The police service an oversight body oversees (its `oversees` in the force directory)."""
    service = force_by_id(force.oversees) if force.oversees else None
    return (service.short_name or service.name) if service is not None else "the police service"


def _pair(force: Force, other_id: str) -> bool:
    """Whether `force` and the body `other_id` are a force and the body that oversees it, either way
    round: a letter to one names the other as a matter of course ("the reports you gave the Policing
    Board", "what Police Scotland told the Authority"), not as a force it was written for."""
    other = force_by_id(other_id)
    return force.oversees == other_id or (other is not None and other.oversees == force.id)


@request_rule("jurisdiction.other-force", "jurisdiction", "warning", law="held", title="Names a different force")
def other_force(rule: Rule, ctx: Context):
    """Another force's name is warned about where it stands, each with its own fix; another force's
    system, which is kept as written, once for the request, naming every place it is asked about."""
    force = ctx.force
    if force is None:
        return
    asked: dict[str, tuple[SystemMention, list[PartView]]] = {}
    for item in [ctx.intro_view] * (ctx.intro_view is not None) + ctx.items:
        text = item.text
        systems = [s for s in _systems(text) if s.force_id != force.id]
        owners = {s.force_id for s in systems}
        mention = next((m for m in _mentions(text)
                        if m.force_id != force.id and m.force_id not in owners and not _pair(force, m.force_id)),
                       None)
        if mention is not None:
            said = mention.said
            new_text = text[:mention.start] + mention.field + text[mention.end:]
            yield rule.at(
                ctx, item,
                f"{_where([item])} names {said}, but this letter goes to {force.name}. If the text "
                "was written for another force, the answer will be about the wrong force or the part "
                "will be refused as unclear.",
                suggestion="Write {force_name} where the force's own name belongs, so that every "
                "letter names the force it goes to; keep the other name only if you really ask about it.",
                span=mention.span,
                fix=Fix("replace_text", f"Name each letter's own force instead of {said}",
                        part_id=item.id, new_text=new_text),
            )
        elif systems:
            system = systems[0]
            asked.setdefault(system.said, (system, []))[1].append(item)
    for system, items in asked.values():
        owner = force_by_id(system.force_id)
        owner_name = owner.name_in_text if owner else "another force"
        first = items[0]
        yield rule.at(
            ctx, first,
            f"{_where(items)} {'asks' if len(items) == 1 else 'ask'} about {system.said}, which "
            f"belongs to {owner_name}, but this letter goes to {force.name}, which may hold nothing "
            "about it and may say only that.",
            suggestion="It is kept as written, since it names that force's own system; ask about "
            f"{force.name}'s own systems in general words if that is what you want.",
            span=(system.start, system.end) if len(items) == 1 else None,
        )
