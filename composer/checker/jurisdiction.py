"""Jurisdiction: the letter must cite the Act the force answers under (FOISA for Police Scotland
and the Scottish bodies, FOIA for everyone else, FOIA s80 keeping Scottish authorities out of
FOIA), the right cost limit, no template field left unfilled, and no other force's name left
over from the letter it was copied from."""

from __future__ import annotations

import re
from functools import lru_cache

from composer.checker.engine import Context, PartView, Rule, part_rule, request_rule
from composer.checker.findings import Fix
from composer.checker.patterns import Gate, remembered
from composer.law import FORCE_FIELDS, LAWS
from composer.model import FIELD_PATTERN, Act, Force

_FOISA = re.compile(r"freedom\s+of\s+information\s+\(scotland\)\s+act(?:\s+2002)?|\bfoisa\b|\bfoi\(s\)a\b")
_FOIA = re.compile(r"freedom\s+of\s+information\s+act(?:\s+2000)?|\bfoia\b")
_FOIA_TITLE = re.compile(r"freedom\s+of\s+information\s+act(?:\s+2000)?", re.IGNORECASE)
_FOISA_TITLE = re.compile(r"freedom\s+of\s+information\s+\(scotland\)\s+act(?:\s+2002)?", re.IGNORECASE)
_POUNDS = re.compile(r"£\s?(\d{3})\b")
_HOURS = re.compile(r"\b(\d{2})\s+hours\b")
_PLACEHOLDER = Gate(
    r"\[(?:insert|name\s+of|enter|add|your|force|system|the\s+force|xx+|tbc|\.\.\.|…)[^\]\n]{0,60}\]"
    r"|<(?:insert|name\s+of|force|system|enter)[^<>\n]{0,60}>|\bX{3,}\b|\bTBC\b",
    None,
    re.IGNORECASE,
)
_FIELD = Gate(FIELD_PATTERN, None)
_FORCE_FIELDS = FORCE_FIELDS
_ADDRESSED = re.compile(
    r"\bdear\s+(?P<to>[^,\n]{2,80})"
    r"|\binformation\s+(?:held\s+)?(?:from|by)\s+(?P<from>[^,.\n:]{2,80})"
    r"|\brequest\s+to\s+(?P<req>[^,.\n:]{2,80})",
    re.IGNORECASE,
)
# Everyday names for forces besides the directory's own.
_ALIASES = {
    "the_met": ["Metropolitan Police", "Met Police", "the Met"],
    "police_scotland": ["Police Service of Scotland"],
    "gmp": ["Greater Manchester Constabulary"],
    "wmp": ["West Midlands Constabulary"],
    "psni": ["Police Service for Northern Ireland"],
}


@lru_cache(maxsize=1)
def _directory():
    from composer.forces import load_directory

    return load_directory()


@lru_cache(maxsize=1)
def force_acronyms() -> frozenset[str]:
    """Short names written in capitals (MPS, WMP, PSNI …): every FOI officer knows them."""
    return frozenset(f.short_name for f in _directory().forces if f.short_name.isupper())


@lru_cache(maxsize=1)
def _force_names() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(names pattern on lower-cased text, acronyms pattern on the text as typed, name -> id)."""
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for force in _directory().forces:
        names[force.name.lower()] = force.id
        short = force.short_name
        if short.isupper():
            acronyms[short] = force.id
        elif short.lower() != force.name.lower():
            for suffix in (" Police", " Constabulary"):
                names.setdefault((short + suffix).lower(), force.id)
        for alias in _ALIASES.get(force.id, []):
            names.setdefault(alias.lower(), force.id)
    ordered = sorted(names, key=len, reverse=True)  # longest first: "metropolitan police service"
    name_re = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in ordered) + r")\b")
    acr_re = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True)) + r")\b")
    return name_re, acr_re, names | acronyms


# Every force name has one of these in it (lower-cased), every short name written in capitals
# too; a text with none of them names no force, and the long pattern is not run on it.
_FORCE_NEEDLES = ("polic", "constabulary", "the met", "mps", "wmp", "gmp", "psni", "btp", "mdp", "cnc", "nipb")


@remembered
def named_forces(text: str) -> tuple[tuple[str, tuple[int, int]], ...]:
    """Forces named in `text`, as (force id, span), in order of appearance."""
    low = text.lower()
    if not any(needle in low for needle in _FORCE_NEEDLES):
        return []
    name_re, acr_re, ids = _force_names()
    found = [(ids[m.group(0)], m.span()) for m in name_re.finditer(low)]
    found += [(ids[m.group(0)], m.span()) for m in acr_re.finditer(text)]
    return tuple(sorted(found, key=lambda f: f[1][0]))


def addressed_force(ctx: Context) -> Force | None:
    """The force the letter itself writes to ("Dear West Midlands Police", "information from …")."""
    head = ctx.intro or (ctx.items[0].text if ctx.items else "")
    for match in _ADDRESSED.finditer(head):
        fragment = match.group("to") or match.group("from") or match.group("req") or ""
        named = named_forces(fragment)
        if named:
            force_id = named[0][0]
            return next((f for f in _directory().forces if f.id == force_id), None)
    return None


@remembered
def cited_acts(text: str) -> frozenset[Act]:
    low = text.lower()
    acts: set[Act] = set()
    if "foi" not in low and "freedom" not in low:
        return frozenset()
    if _FOISA.search(low):
        acts.add(Act.FOISA)
    stripped = _FOISA.sub(" ", low)
    if _FOIA.search(stripped):
        acts.add(Act.FOIA)
    return frozenset(acts)


def _recipient(ctx: Context) -> Force | None:
    return ctx.force if ctx.force is not None else addressed_force(ctx)


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
        wrong = [m for m in _POUNDS.finditer(text) if int(m.group(1)) in (450, 600)
                 and int(m.group(1)) != law.cost_limit_pounds]
        wrong += [m for m in _HOURS.finditer(text) if int(m.group(1)) in (18, 24, 40)
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


@part_rule("jurisdiction.unfilled-field", "jurisdiction", "error", law="act", title="Template field left unfilled", intro=True)
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


@part_rule("jurisdiction.other-force", "jurisdiction", "warning", law="act", title="Names a different force", intro=True)
def other_force(rule: Rule, ctx: Context, item: PartView):
    force = ctx.force
    if force is None:
        return
    for force_id, span in named_forces(item.text):
        if force_id == force.id:
            continue
        said = item.text[span[0]:span[1]]
        new_text = item.text[:span[0]] + "{force_name}" + item.text[span[1]:]
        yield rule.at(
            ctx, item,
            f"{item.label} names {said}, but this letter goes to {force.name}. If the text "
            "was written for another force, the answer will be about the wrong force or the part "
            "will be refused as unclear.",
            suggestion="Write {force_name} where the force's own name belongs, so that every "
            "letter names the force it goes to; keep the other name only if you really ask about it.",
            span=span,
            fix=Fix("replace_text", f"Use {{force_name}} instead of {said}", part_id=item.id, new_text=new_text),
        )
        return
