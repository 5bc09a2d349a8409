"""Validity (FOIA s8; FOISA s8): a request must be in writing, give the requester's real name
and an address for correspondence, and describe the information wanted. A request to a body
outside the Acts has no force at all."""

from __future__ import annotations

import re
from functools import lru_cache

from composer.checker.engine import Context, PartView, Rule, part_rule, request_rule
from composer.checker.findings import Fix

_PSEUDONYM = re.compile(r"[@_#\d]|^(?:anon\w*|concerned|a\s+citizen|citizen|resident|taxpayer|mr\s*x)\b",
                        re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Bodies outside the Acts that people write to about policing are held with the force directory
# (resources/forces.json, `not_subject_to_foi`, each with why and where that is said): a letter
# addressed to one, by its name or another name it goes by ("NCA", "MI5"), has no force at all.
@lru_cache(maxsize=1)
def _not_foi() -> tuple[tuple[object, re.Pattern[str]], ...]:
    from composer.forces import load_directory

    out = []
    for body in load_directory().not_foi:
        forms = {re.sub(r"\s*\(.*?\)", "", re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)).strip().lower()
                 for name in (body.name, *body.names)}
        alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in sorted(forms, key=len, reverse=True))
        out.append((body, re.compile(rf"\b(?:{alternatives})\b")))
    return tuple(out)


_ADDRESSED_TO = re.compile(
    r"\bdear\s+(?:sir\s+or\s+madam\s+(?:at|of)\s+)?(?P<to>[^,\n]{2,80})"
    r"|\b(?:information|the\s+following)\s+(?:held\s+)?(?:from|by)\s+(?P<from>[^,.\n]{2,80})"
    r"|\b(?:request|requests)\s+to\s+(?P<req>[^,.\n]{2,80})",
    re.IGNORECASE,
)


def _where_addressed(ctx: Context) -> list[str]:
    """The names the letter is written to ("Dear …", "information held by …")."""
    head = ctx.intro or (ctx.items[0].text if ctx.items else "")
    out = []
    for match in _ADDRESSED_TO.finditer(head):
        out.append((match.group("to") or match.group("from") or match.group("req") or "").lower())
    return out


@request_rule("validity.no-name", "validity", "error", law="valid", title="No name for the requester")
def no_name(rule: Rule, ctx: Context):
    if ctx.requester_name:
        return
    return rule.at(
        ctx, None,
        f"The request gives no name for the person asking. Under {ctx.section('valid')} a request "
        "is valid only with the requester's real name and an address for correspondence; without "
        "them the force does not have to answer at all.",
        suggestion="Add your name and email address in your profile (they go in the letter, never "
        "in a shared template), or sign the letter with your full name.",
    )


@request_rule("validity.no-address", "validity", "warning", law="valid", title="No address for correspondence")
def no_address(rule: Rule, ctx: Context):
    req = ctx.requester
    if req is None or not req.is_known or req.has_address:
        return
    return rule.at(
        ctx, None,
        "Your profile has a name but no email or postal address. Under "
        f"{ctx.section('valid')} a request must give an address for correspondence: sent by email, "
        "the address it is sent from serves, but a letter sent by post would leave the force "
        "nowhere to reply.",
        suggestion="Add an email address or a postal address to your profile.",
    )


@request_rule("validity.address-not-usable", "validity", "error", law="valid",
              title="Address for correspondence is not an address")
def address_not_usable(rule: Rule, ctx: Context):
    req = ctx.requester
    if req is None or not req.email.strip():
        return
    email = req.email.strip()
    if _EMAIL.match(email):
        return
    return rule.at(
        ctx, None,
        f"'{email}' is not an email address. A social-media handle or a partial address does "
        f"not meet {ctx.section('valid')}'s requirement for an address for correspondence "
        "(Ghafoor v IC, 2015).",
        suggestion="Give a full email address (name@example.org) or a postal address.",
    )


@request_rule("validity.pseudonym", "validity", "warning", law="valid", title="Name looks like a pseudonym")
def pseudonym(rule: Rule, ctx: Context):
    name = ctx.requester_name
    if not name:
        return
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    looks_made_up = bool(_PSEUDONYM.search(name))
    single = len(words) == 1 and not (ctx.requester is not None and ctx.requester.organisation.strip())
    if not (looks_made_up or single):
        return
    why = "looks like a handle or a made-up name" if looks_made_up else "is a single word"
    return rule.at(
        ctx, None,
        f"The requester's name '{name}' {why}. A request made under a pseudonym is not valid under "
        f"{ctx.section('valid')} (ICO guidance), and forces refuse requests they believe use one.",
        suggestion="Use your real full name (first name and surname), or your organisation's "
        "name if you ask on its behalf.",
    )


@request_rule("validity.no-parts", "validity", "error", law="valid", title="Nothing is asked")
def no_parts(rule: Rule, ctx: Context):
    if any(item.text.strip() for item in ctx.items):
        return
    return rule.at(
        ctx, None,
        f"The request asks for nothing yet. Under {ctx.section('valid')} it must describe the "
        "information wanted.",
        suggestion="Add at least one question, or add a module from the question bank.",
    )


@part_rule("validity.empty-part", "validity", "error", law="valid", title="Empty part", whole=True)  # whether any part has text
def empty_part(rule: Rule, ctx: Context, item: PartView):
    if item.text.strip():
        return
    if item.parent is None and item.part.subparts and any(s.text.strip() for s in item.part.subparts):
        what = "has sub-parts but no question of its own; the force will read a bare number"
        fix = None
    else:
        what = "is empty"
        fix = Fix("remove_part", f"Remove part {item.number}", part_id=item.id)
    if not any(i.text.strip() for i in ctx.items):
        return  # validity.no-parts already says so once
    return rule.at(
        ctx, item,
        f"{item.label} {what}. Each numbered part is read as a separate request that must "
        f"describe the information wanted ({ctx.section('valid')}).",
        suggestion="Write the question, or remove the part.",
        fix=fix,
    )


@request_rule("validity.not-foi-body", "validity", "error", law="not_foi", title="Body not subject to FOI")
def not_foi_body(rule: Rule, ctx: Context):
    for addressed in _where_addressed(ctx):
        for body, pattern in _not_foi():
            if pattern.search(addressed):
                yield rule.at(
                    ctx, None,
                    f"The letter is addressed to {body.name}, which has no duty to answer under the Freedom "
                    "of Information Acts: " + body.why[0].lower() + body.why[1:],
                    suggestion="Send it to a police force or another public body that worked with "
                    f"{body.name} and may hold the same information.",
                    reasoning=(f"Where this is said: {body.source}",) if body.source else (),
                )
                return
