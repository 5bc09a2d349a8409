"""Tone (FOIA s14(1); FOISA s14(1)): a force may refuse a request as vexatious, weighing its
burden, motive, value and any harassment of staff (Dransfield v IC, 2012). Accusations, abuse
and threats in the wording are the part a requester controls, and they count against a request
even when the question itself is fair."""

from __future__ import annotations

import re

from composer.checker.patterns import AnyOf, Gate
from composer.checker.engine import Context, PartView, Rule, part_rule

_ACCUSING = AnyOf(
    Gate(r"\bcover[\s-]*ups?\b|\bcovering\s+(?:it\s+|this\s+|things\s+)?up\b",
         (("cover", "covers", "covering", "coverup", "coverups"), ("up", "ups", "coverup", "coverups"))),
    Gate(r"\bwhitewash\w*|\bliars?\b|\blying\b|\bincompeten\w*|\bdisgrace\w*|\bshameful\b|\bshame\s+on\b|"
         r"\bthugs?\b|\bpigs\b|\bscum\b|\bpathetic\b|\bjackboot\w*|\bcriminals\s+in\s+uniform\b|"
         r"\b(?:fuck\w*|shit\w*|bastard\w*|bollocks|wank\w*|twat\w*|arsehole\w*|crap)\b",
         ("whitewash*", "liar", "liars", "lying", "incompeten*", "disgrace*", "shameful", "shame", "thug", "thugs",
          "pigs", "scum", "pathetic", "jackboot*", "criminals", "fuck*", "shit*", "bastard*", "bollocks", "wank*",
          "twat*", "arsehole*", "crap")),
    Gate(r"\bpolice\s+state\b|\bhow\s+dare\b|\byou\s+people\b|\bstop\s+(?:hiding|lying)\b|"
         r"\bwhat\s+(?:are|is)\s+(?:you|the\s+force)\s+hiding\b",
         (("police", "how", "you", "stop", "what"), ("state", "dare", "people", "hiding", "lying"))),
    Gate(r"\b(?:you|your\s+(?:force|officers|department|staff|service)|the\s+force)\s+"
         r"(?:is|are|were|was|have\s+been|has\s+been)\s+(?:\w+\s+)?"
         r"(?:corrupt|racist|liars|lying|incompetent|criminal|a\s+disgrace|useless|bent|cowards)\b",
         ("corrupt", "racist", "liars", "lying", "incompetent", "criminal", "disgrace", "useless", "bent", "cowards")),
)
_THREAT = Gate(
    r"\bi\s+(?:will|shall|am\s+going\s+to)\s+(?:sue|take\s+(?:you|the\s+force)\s+to\s+court|go\s+to\s+the\s+(?:press|media|papers)|"
    r"expose|make\s+sure\s+(?:you|everyone))\b|\bi\s+demand\b|\byou\s+(?:will|had\s+better)\s+(?:answer|regret|pay)\b|"
    r"\bor\s+else\b|\bconsequences\s+for\s+you\b",
    ("sue", "court", "press", "media", "papers", "expose", "make", "demand", "answer", "regret", "pay", "else", "consequences"),
)


@part_rule("tone.accusatory", "tone", "warning", law="vexatious", title="Accusatory or abusive wording", intro=True)
def accusatory(rule: Rule, ctx: Context, item: PartView):
    match = _ACCUSING.search(item.low)
    if not match:
        return
    return rule.at(
        ctx, item,
        f"{item.label} accuses or insults ('{item.text[match.start():match.end()]}'). Wording "
        "like this does not help the request and counts towards a refusal as vexatious under "
        f"{ctx.section('vexatious')} (Dransfield v IC, 2012), which ends the request with no answer at all.",
        suggestion="Keep to neutral words that describe the information you want; put any "
        "criticism in a separate complaint.",
        span=match.span(),
    )


@part_rule("tone.threat", "tone", "warning", law="vexatious", title="Threats or demands", intro=True)
def threat(rule: Rule, ctx: Context, item: PartView):
    match = _THREAT.search(item.low)
    if not match:
        return
    return rule.at(
        ctx, item,
        f"{item.label} reads as a threat or a demand ('{item.text[match.start():match.end()]}'). "
        "Pressure on staff is one of the signs of a vexatious request under "
        f"{ctx.section('vexatious')}; the law already gives you the deadlines and the appeal route.",
        suggestion="Leave it out. If the answer is late or refused, ask for an internal review "
        "and then complain to the regulator.",
        span=match.span(),
    )
