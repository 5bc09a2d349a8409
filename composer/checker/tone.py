"""Tone and vexatiousness (FOIA s14; FOISA s14).

A force may refuse a request as vexatious, weighing four things the Upper Tribunal set out in
Dransfield ([2012] UKUT 440 (AAC), upheld [2015] EWCA Civ 454): the burden on the force, the
requester's motive, the value or serious purpose of the request, and any harassment or distress
of its staff; it may also decline the same request again from the same person (s14(2)). Most of
that turns on what no letter shows: how many requests came before, and how the exchange has gone.
So the checker warns only on what a letter does show (the ICO's guidance, "Dealing with vexatious
requests (section 14)", lists these among its indicators):

- abusive or aggressive wording, threats, and accusations of wrongdoing put as fact;
- a burden that would be grossly oppressive: every document on a subject with no dates, where the
  time goes in reading and redacting, which the cost limit does not count (IPCC v IC, EA/2011/0222;
  Cabinet Office v IC and Ashton [2018] UKUT 208 (AAC));
- the same request sent again;

and when a letter points at earlier dealings, it adds a note saying what a force weighs and that
the checker cannot see that history.
"""

from __future__ import annotations

import re

from composer.checker.patterns import AnyOf, Gate
from composer.checker.engine import Context, PartView, Rule, part_rule, request_rule
from composer.checker.reading import read_part
from composer.model import Act

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


# Wrongdoing put as fact or belief about the force or its staff: "it is my view that officers may
# have perverted the course of justice". The ICO lists unfounded accusations among the indicators
# of a vexatious request; asking how many officers were investigated for an offence is not one.
_ALLEGES = Gate(
    r"\b(?:i\s+(?:believe|am\s+(?:sure|certain|convinced)|know|suspect|think)|in\s+my\s+(?:view|opinion)|"
    r"it\s+is\s+(?:my\s+view|clear|obvious|evident)|clearly|obviously|evidently)\b[^.?!\n]{0,160}?"
    r"\b(?:officers?|police|force|you|your\s+\w+|staff|constabulary|service)\b[^.?!\n]{0,60}?"
    r"\b(?:may\s+have|must\s+have|have|has|had|were|was|are|is|did)\s+(?:\w+\s+){0,2}?"
    r"(?:perverted\s+the\s+course\s+of\s+justice|fabricated|falsified|tampered|conspired|colluded|"
    r"committed\s+perjury|perjured|lied|covered\s+up|destroyed\s+evidence|planted|corrupt(?:ly)?)\b",
    ("perverted", "fabricated", "falsified", "tampered", "conspired", "colluded", "perjury", "perjured", "lied",
     "covered", "destroyed", "planted", "corrupt", "corruptly"),
)


@part_rule("tone.alleges", "tone", "warning", law="vexatious", title="Accuses the force of wrongdoing", intro=True)
def alleges(rule: Rule, ctx: Context, item: PartView):
    match = _ALLEGES.search(item.low)
    if not match:
        return None
    return rule.at(
        ctx, item,
        f"{item.label} accuses the force or its officers of wrongdoing "
        f"('{item.text[match.start():match.end()][-70:]}'). The ICO counts unfounded accusations among "
        f"the signs of a vexatious request ({ctx.section('vexatious')}); with a history of requests on the "
        "same matter, a force may refuse this one outright.",
        suggestion="Leave the accusation out and ask only for the records: the request is judged on what "
        "it asks, and an allegation belongs in a complaint to the force or the police complaints body.",
        span=match.span(),
    )


# Every document on a subject: "all documents relating to …", "any emails about …".
_EVERY_DOCUMENT = Gate(
    r"\b(?:all|any|every)\s+(?:(?:of\s+)?(?:the|your)\s+)?(?:(?:other|internal|external|written|related|relevant)\s+)?"
    r"(?:documents?|documentation|correspondence|communications?|emails?|e-mails?|papers|paperwork|files|"
    r"notes|messages|memos?|letters|minutes)\b",
    (("all", "any", "every"), ("document", "documents", "documentation", "correspondence", "communication",
                               "communications", "email", "emails", "e", "mails", "papers", "paperwork", "files",
                               "notes", "messages", "memo", "memos", "letters", "minutes")),
)
_BETWEEN_NAMED = Gate(r"\bbetween\s+(?:the\s+)?[\w\s'-]{2,60}?\s+and\s+", ("between",))


@part_rule("tone.burden", "tone", "warning", law="vexatious", title="A burden the cost limit does not count")
def burden(rule: Rule, ctx: Context, item: PartView):
    """Every document on a subject, with no dates and no named senders: the work is in reading
    and redacting each page, which the cost limit leaves out, so a force facing hundreds of pages
    may refuse as vexatious on the burden alone."""
    match = _EVERY_DOCUMENT.search(item.low)
    if not match or _BETWEEN_NAMED.search(item.low):
        return None
    reading = read_part(ctx, item)
    if reading.period is not None:
        return None
    # Deciding what must be withheld is left out of the cost limit under both Acts (FOIA: the Fees
    # Regulations count only finding, retrieving and extracting; FOISA: reg 3 leaves out deciding
    # whether the applicant is entitled to it). Burden alone can make a request vexatious: under
    # FOIA, IPCC v IC (EA/2011/0222); under FOISA, the Scottish Commissioner's guidance on section 14
    # names "a significant burden" first among the circumstances.
    authority = ("IPCC v IC, EA/2011/0222" if ctx.act is Act.FOIA
                 else f"the {ctx.law.regulator.name}'s guidance on {ctx.section('vexatious').split('(')[0]}: "
                 "a significant burden")
    return rule.at(
        ctx, item,
        f"{item.label} asks for '{item.text[match.start():match.end()]}' on a subject with no dates. The time "
        "spent reading each page to decide what must be withheld does not count towards the cost limit, so "
        f"where that is the work a force may refuse the request as vexatious on its burden alone "
        f"({ctx.section('vexatious')}; {authority}), rather than on cost.",
        suggestion="Give the dates the documents fall between, and name the kinds you want (the business case, "
        "the minutes of a named board) or the people who sent them.",
        span=match.span(),
    )


# The same request sent again: "I am resubmitting my request", "for the third time I ask".
_AGAIN = Gate(
    r"\b(?:i\s+am|i'm|i\s+have)\s+(?:now\s+)?(?:re-?submit\w*|re-?send\w*|repeat\w*|re-?mak\w*)\s+(?:my|the|this)\s+"
    r"(?:previous\s+|earlier\s+|original\s+)?(?:request|question|foi)\b"
    r"|\b(?:re-?submit\w*|re-?send\w*|repeat\w*)\s+(?:my|the)\s+(?:previous|earlier|original|last)\s+(?:request|foi)\b"
    r"|\bfor\s+the\s+(?:second|third|fourth|fifth|umpteenth|\d+(?:st|nd|rd|th))\s+time\b"
    r"|\b(?:same|identical)\s+(?:request|questions?)\s+(?:as|that)\s+(?:i|my)\b"
    r"|\bi\s+(?:have\s+)?(?:already\s+)?asked\s+(?:you\s+)?(?:this|these\s+questions|for\s+this)\s+(?:before|previously|already)\b",
    ("resubmit", "resubmitting", "re", "resend", "resending", "repeat", "repeating", "remake", "remaking", "second",
     "third", "fourth", "fifth", "umpteenth", "time", "same", "identical", "asked"),
)


@part_rule("tone.repeated", "tone", "warning", law="repeated", title="The same request again", intro=True)
def repeated(rule: Rule, ctx: Context, item: PartView):
    match = _AGAIN.search(item.low)
    if not match:
        return None
    return rule.at(
        ctx, item,
        f"{item.label} says it repeats an earlier request ('{item.text[match.start():match.end()]}'). A force that "
        "has already answered the same request from you need not answer it again until a reasonable interval "
        f"has passed ({ctx.section('repeated')}).",
        suggestion="If the first answer was wrong or incomplete, ask for an internal review of it instead; if "
        "time has passed, say what is new (a later period, information created since).",
        span=match.span(),
    )


# A letter that points at the requester's own earlier dealings with the force.
# ("Further to my previous request, the figures for 2024" is routine, and is not among them.)
_HISTORY = Gate(
    r"\b(?:my|our)\s+(?:many|numerous|repeated|several|other|previous|earlier)\s+(?:\w+\s+)?"
    r"(?:complaints|requests|letters|emails)\b|\b(?:my|our)\s+(?:previous\s+|earlier\s+|original\s+)?"
    r"(?:complaint|grievance)\b|\bmy\s+(?:case|dealings)\s+with\b"
    r"|\bas\s+(?:the\s+force|you|(?:\w+\s+){1,3}(?:police|constabulary))\s+(?:is|are)\s+(?:well\s+)?aware\b"
    r"|\byou\s+(?:have\s+)?(?:repeatedly\s+)?(?:refused|failed|ignored)\b",
    ("my", "our", "aware", "refused", "failed", "ignored"),
)


@request_rule("tone.history", "tone", "info", law="vexatious", title="What a force weighs that a letter does not show")
def history(rule: Rule, ctx: Context):
    """Vexatiousness turns on the history of dealings and the burden, which one letter rarely
    shows; when a letter points at that history, say what a force weighs, honestly."""
    if ctx.intro_view is not None and _HISTORY.search(ctx.intro_low):
        where, low = ctx.intro_view, ctx.intro_low
    else:
        where = next((i for i in ctx.items if _HISTORY.search(i.low)), None)
        if where is None:
            return None
        low = where.low
    match = _HISTORY.search(low)
    return rule.at(
        ctx, None,
        f"The letter refers to earlier dealings with the force ('{where.text[match.start():match.end()]}'). "
        f"Whether a request is vexatious ({ctx.section('vexatious')}) turns mostly on what the checker cannot "
        "see: how many requests and complaints came before on the same matter and how that exchange has gone, "
        "the burden of this request on top of them, its purpose and value, and any distress to staff "
        "(Dransfield v IC and Devon County Council, [2012] UKUT 440 (AAC)). One polite request with a serious "
        "purpose is rarely vexatious; a long run of overlapping ones on a settled matter can be.",
        suggestion="Keep the letter to the information wanted and why it matters; if earlier requests were "
        "answered, ask for what is new rather than the same again.",
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
