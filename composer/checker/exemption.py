"""Exemptions that lead to "neither confirm nor deny" (FOIA s1(1)(a) with s23(5), s24(2), s30(3),
s31(3); FOISA s18): when even saying whether information is held would reveal something about
covert methods, the security bodies, a specific operation or investigation, a force refuses
to confirm or deny. The rules look for wording that narrows a question that far."""

from __future__ import annotations


from composer.checker import knowledge
from composer.checker import patterns as p
from composer.checker.engine import Context, PartView, Rule, part_rule
from composer.checker.knowledge import Subject
from composer.checker.sections import LAW

# -- sensitive subjects, from the regulators' doctrine (resources/sensitive.toml) ---------------

_TOPIC_SECTION = {"covert": "law_enforcement", "operation": "law_enforcement", "security": "security",
                  "investigation": "investigation", "health_safety": "health_safety"}


@p.remembered
def subjects_in(text: str) -> tuple[tuple[Subject, tuple[int, int], bool], ...]:
    """The sensitive subjects `text` touches: (subject, span, softened by `unless`)."""
    found = []
    for subject in knowledge.SUBJECTS:
        match = subject.pattern.search(text)
        if match is None:
            continue
        if subject.requires is not None and subject.requires.search(text) is None:
            continue
        softened = subject.unless is not None and subject.unless.search(text) is not None
        if softened and subject.unless_clears:
            continue
        found.append((subject, match.span(), softened))
    return tuple(found)


@part_rule("exemption.subject", "exemption", "warning", law="covert", title="A subject forces withhold", intro=True)
def sensitive_subject(rule: Rule, ctx: Context, item: PartView):
    found = subjects_in(item.text)
    if not found:
        return None
    # The most serious first: a warning over a note, neither-confirm-nor-deny over withholding.
    subject, span, softened = min(found, key=lambda f: (f[2] or f[0].level != "warning", not f[0].ncnd))
    warn = subject.level == "warning" and not softened
    section = ctx.section(_TOPIC_SECTION[subject.topic])
    answer = (f"neither confirm nor deny holding it ({section}, with {ctx.section('ncnd')})" if subject.ncnd
              else f"withhold it under {section}")
    said = item.text[span[0]:span[1]]
    message = (f"{item.label} touches on a subject forces {'usually ' if warn else 'sometimes '}{answer}: "
               f"'{said}'. {subject.why[0].upper()}{subject.why[1:]}.")
    reasoning = tuple(f"{s.id.replace('-', ' ')}: '{item.text[sp[0]:sp[1]]}'" + (" (asked in aggregate)" if soft else "")
                      for s, sp, soft in found) + tuple(f"Source: {url}" for url in subject.sources)
    return rule.at(ctx, item, message, suggestion=f"Instead, {subject.instead}.", span=span,
                   severity="warning" if warn else "info", law=LAW[subject.topic][ctx.act],
                   ncnd=subject.ncnd, reasoning=reasoning)
