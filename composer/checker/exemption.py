"""Exemptions that lead to "neither confirm nor deny" (FOIA s1(1)(a) with s23(5), s24(2), s30(3),
s31(3); FOISA s18): when even saying whether information is held would reveal something about
covert methods, the security bodies, a specific operation or investigation, a force refuses
to confirm or deny. The rules look for wording that narrows a question that far."""

from __future__ import annotations

import re
from dataclasses import dataclass

from composer.checker import glossary, knowledge, track
from composer.checker import patterns as p
from composer.checker.engine import Context, PartView, Rule, part_rule
from composer.checker.findings import SOURCE
from composer.checker.knowledge import Subject
from composer.checker.personal_data import letter_furniture
from composer.checker.reading import asks, blank_form, read_part, read_text, request_talk
from composer.checker.sections import LAW, ncnd_pair
from composer.errors import FileProblem

# -- sensitive subjects, from the regulators' doctrine (resources/sensitive.toml) ---------------

_TOPIC_SECTION = {"covert": "law_enforcement", "operation": "law_enforcement", "security": "security",
                  "investigation": "investigation", "health_safety": "health_safety",
                  "law_enforcement": "law_enforcement"}


# Background told, not asked: a public scandal, an inquiry or a news report the request starts from. A word
# in it ("the undercover policing scandal") says what prompted the request, not what the force is asked to
# reveal; only a word in what is asked can make a force refuse.
_NARRATED = re.compile(r"\bscandals?\b|\binquir(?:y|ies)\b|\brevelations?\b|\baffair\b|\bcontrovers\w+|"
                       r"\b(?:widely|publicly|recently)\s+reported\b|\breported\s+(?:in|by)\s+(?:the\s+)?(?:press|media|news|"
                       r"[A-Z]\w+)\b|\b(?:news|press|media)\s+(?:reports?|articles?|stories|coverage)\b|\bdocumentary\b|"
                       r"\bexposed\b|\brevealed\b", re.IGNORECASE)
_LEAD_IN = re.compile(r"(?:^|[.?!\n:;]\s*)(?:following|after|in\s+(?:the\s+)?light\s+of|given|in\s+view\s+of|further\s+to|"
                      r"as\s+(?:was\s+)?(?:reported|revealed)|prompted\s+by)\b[^,.?!\n;:]*$", re.IGNORECASE)
_SENTENCE_EDGE = re.compile(r"[.?!\n]")
_LEAD_IN_CLAUSE = re.compile(r"(?:^|(?<=[.?!\n]))\s*(?:following|after|in\s+(?:the\s+)?light\s+of|in\s+view\s+of|further\s+to)\b"
                             r"[^,.?!\n;:]*,", re.IGNORECASE)


def _background(text: str, start: int) -> bool:
    """Whether the word at `start` of `text` is in background the request tells rather than asks: a
    lead-in clause ("Following the … scandal, …") or a sentence that asks nothing, about a public event."""
    begin = max((m.end() for m in _SENTENCE_EDGE.finditer(text, 0, start)), default=0)
    end_match = _SENTENCE_EDGE.search(text, start)
    end = end_match.end() if end_match else len(text)
    lead = _LEAD_IN.search(text, begin, start)
    if lead is not None:
        clause_end = min((i for i in (text.find(",", start), end) if i >= 0), default=end)
        return _NARRATED.search(text, lead.start(), clause_end) is not None
    sentence = text[begin:end]
    return _NARRATED.search(sentence) is not None and not asks(sentence)


@p.remembered
def subjects_in(text: str) -> tuple[tuple[Subject, tuple[int, int], bool], ...]:
    """The sensitive subjects `text` touches: (subject, span, softened by `unless`). A word only in
    background the request tells (`_background`) does not count."""
    found = []
    spelt = glossary.spelt_out(text)  # "LFR" read as "live facial recognition": what is said, whichever way
    for subject in knowledge.SUBJECTS:
        match = next((m for m in subject.pattern.finditer(text) if not _background(text, m.start())), None)
        if match is None:
            continue
        if subject.requires is not None and subject.requires.search(spelt) is None:
            continue
        softened = subject.unless is not None and subject.unless.search(spelt) is not None
        if subject.topic == "investigation" and (p.POLICY_REVIEW.search(text) or blank_form(text.lower())):
            softened = True  # the force's learning after it, or its blank form: not what the case file says
        if softened and subject.unless_clears:
            continue
        found.append((subject, match.span(), softened))
    return tuple(found)


# Words a match may end on that mean nothing quoted alone: "the arrest of", "the investigation into".
_LOOSE_END = re.compile(r"(?:\s+(?:of|into|in|on|at|to|for|with|by|from|about|against|involving|concerning|"
                        r"regarding|relating|which|that|the|a|an|and|or))+\s*$", re.IGNORECASE)


def _quoted(text: str, span: tuple[int, int]) -> str:
    """The words at `span` as a finding quotes them: without a dangling "of" or "into" at the end."""
    said = text[span[0]:span[1]].strip()
    return _LOOSE_END.sub("", said) or said


@part_rule("exemption.subject", "exemption", "warning", law="covert", title="A subject forces withhold", intro=True)
def sensitive_subject(rule: Rule, ctx: Context, item: PartView):
    found = subjects_in(item.text)
    if not found:
        return None
    # The most serious first: a warning over a note, neither-confirm-nor-deny over withholding.
    subject, span, softened = min(found, key=lambda f: (f[2] or f[0].level != "warning", not f[0].ncnd))
    warn = subject.level == "warning" and not softened
    topic = _TOPIC_SECTION[subject.topic]
    answer = (f"neither confirm nor deny holding anything ({ncnd_pair(topic, ctx.act)})" if subject.ncnd
              else f"withhold information under {ctx.section(topic)}")
    said = _quoted(item.text, span)
    often = "usually " if warn and track.likely(rule.id) else "sometimes "  # no more than its record bears out
    message = (f"{item.label} touches on a subject on which forces {often}{answer}: "
               f"'{said}'. {subject.why[0].upper()}{subject.why[1:]}.")
    reasoning = tuple(f"{s.id.replace('-', ' ').capitalize()}: '{_quoted(item.text, sp)}'"
                      + (" (asked in aggregate, so only a note)" if soft else "")
                      for s, sp, soft in found) + tuple(f"{SOURCE}{url}" for url in subject.sources)
    return rule.at(ctx, item, message, suggestion=f"Instead, {subject.instead}.", span=span,
                   severity="warning" if warn else "info", law=LAW[subject.topic][ctx.act],
                   ncnd=subject.ncnd, reasoning=reasoning)


# -- one case: a part about one incident, address, vehicle, day or operation ---------------------

@dataclass(frozen=True)
class OneCase:
    """What asking about one case reveals, from `[[one_case]]` in resources/sensitive.toml."""

    id: str
    topic: str
    reveals: re.Pattern[str]
    kinds: frozenset[str]
    counts: bool
    why: str
    instead: str
    sources: tuple[str, ...]
    ncnd: bool = True  # false: forces confirm they hold it and withhold it (s31 prejudice), not NCND
    overt: re.Pattern[str] | None = None  # the force's own overt kit: a reveal word inside it reveals nothing


def _load_one_cases() -> tuple[OneCase, ...]:
    path = knowledge.SENSITIVE_PATH
    out = []
    for entry in knowledge._read(path).get("one_case", []):
        try:
            if not entry.get("sources"):
                raise KeyError("no sources")
            if entry["topic"] not in LAW:
                raise KeyError(f"unknown topic {entry['topic']!r}")
            out.append(OneCase(entry["id"], entry["topic"],
                               knowledge._compile(path, entry["id"], entry["reveals"], re.IGNORECASE),
                               frozenset(entry["kinds"]), bool(entry["counts"]), entry["why"], entry["instead"],
                               tuple(entry["sources"]), bool(entry.get("ncnd", True)),
                               knowledge._compile(path, entry["id"], entry.get("overt"), re.IGNORECASE)))
        except (KeyError, TypeError) as exc:
            raise FileProblem(f"{path}: one_case {entry.get('id', '?')!r} is malformed ({exc})") from exc
    return tuple(out)


ONE_CASES = _load_one_cases()
# A case named in the introduction or the parent carries to the parts under it ("About the incident at
# 4 Mill Lane on 3 May: 1. Were arrests made?"); a bare date there is usually background, so not that.
_CARRIED = frozenset({"address", "street", "institution", "vehicle", "specified", "reference", "operation"})
_INVESTIGATED = re.compile(r"\b(?:investigation|case|crime|offence|arrest|report|complaint|allegation|incident)\b",
                          re.IGNORECASE)
_INVESTIGATED_ANY = re.compile(r"\binvestigat\w*|\bprosecut\w*|\bcomplain\w*|\ballegation\w*|\breported\b|\bcharged\b|"
                              r"\barrest\w*|\bfined\b|\bwarned\b|\bcautioned\b")
_SECTION_OF = {"covert": "law_enforcement", "investigation": "investigation", "personal_ncnd": "personal_ncnd",
               "security": "security", "law_enforcement": "law_enforcement"}
_KIND_WORDS = {"address": "one address", "street": "one street or road", "company": "one named company",
               "institution": "one named school, hospital, club or home", "vehicle": "one vehicle",
               "specified": "one specified case", "reference": "one recorded incident", "operation": "one named operation",
               "day": "one incident on one day", "event": "one event on one day"}


# The force's own overt kit or premises named (an entry's `overt`), a bare camera, CCTV or recording word is
# that kit; drones, covert devices, tracking and the like are still asked about.
_RECORDING = re.compile(r"cameras?|cctv|recording|monitor\w*", re.IGNORECASE)


def _case_for(ctx: Context, item: PartView) -> tuple[str, str] | None:
    own = read_part(ctx, item).one_case if not item.is_intro else read_text(ctx.said(item.text)).one_case
    if own is not None and letter_furniture(item.text, max(0, item.text.find(own[1]))):
        own = None  # the requester's address under their name
    if own is not None and item.is_intro and own[0] in ("address", "street") and _own_address(item.text, own[1]):
        own = None  # where the requester lives ("I live at …"): their contact details, not what they ask about
    if own is not None or item.is_intro:
        return own
    parent = ctx.parent_view(item)
    if parent is not None:
        found = read_text(ctx.said(parent.text)).one_case
        if found is not None and found[0] in _CARRIED:
            return found
    return _intro_case(ctx) if ctx.leans_on_intro(item) else None  # background asks for nothing itself


def _intro_case(ctx: Context) -> tuple[str, str] | None:
    """The case the introduction names, worked out once per check."""
    found = ctx.__dict__.get("_intro_case", ())
    if found == ():
        found = read_text(ctx.said(ctx.intro)).one_case if ctx.intro.strip() else None
        if found is not None and (found[0] not in _CARRIED or _own_address(ctx.intro, found[1])):
            found = None
        ctx.__dict__["_intro_case"] = found
    return found


_SALUTATION = re.compile(r"\bdear\b|\bto\s+whom\b", re.IGNORECASE)
_MY_ADDRESS = re.compile(r"\b(?:i|we)\s+live\s+(?:at|in|on)\b|\bmy\s+(?:home\s+|postal\s+)?address\b|\baddress\s+for\s+"
                         r"(?:reply|correspondence)\b", re.IGNORECASE)


def _own_address(intro: str, said: str) -> bool:
    """Whether the address in the introduction is the requester's own: a letterhead above "Dear …", or
    one they say they live at (an address for the reply is not what the request is about)."""
    at = intro.find(said)
    salutation = _SALUTATION.search(intro)
    if at >= 0 and salutation is not None and at < salutation.start():
        return True
    return _MY_ADDRESS.search(intro) is not None


@part_rule("exemption.one-case", "exemption", "warning", law="investigation",
           title="About one incident, place or vehicle", intro=True)
def about_one_case(rule: Rule, ctx: Context, item: PartView):
    case = _case_for(ctx, item)
    if case is None:
        return None
    kind, said = case
    reading = read_part(ctx, item) if not item.is_intro else read_text(ctx.said(item.text))
    parent = ctx.parent_view(item)
    # Words about the request itself (the requester's role, an earlier request's date) ask nothing.
    asked = request_talk(item.low if parent is None else f"{item.low}\n{parent.low}")
    # Words inside a question about the force's procedures ("were procedures for deploying officers
    # reviewed?") ask about its practice, not what it did in the case.
    policy = [m.span() for m in p.POLICY_REVIEW.finditer(asked)]
    if policy:  # and the lead-in naming the event the review followed ("After the incident on 3 May, …")
        policy += [m.span() for m in _LEAD_IN_CLAUSE.finditer(asked)]
    for entry in ONE_CASES:
        if kind not in entry.kinds:
            continue
        overt = [m.span() for m in entry.overt.finditer(asked)] if entry.overt is not None else []
        reveal = next((m for m in entry.reveals.finditer(asked)
                       if not any(a <= m.start() < b for a, b in policy + overt)
                       and not (overt and _RECORDING.fullmatch(m.group(0)))), None)
        if reveal is None and entry.topic == "investigation" and kind == "specified":
            reveal = _INVESTIGATED.search(said)  # "a specified complaint": the case is itself an investigation
        if reveal is None and kind == "company":
            reveal = _INVESTIGATED_ANY.search(asked)  # a named company: whether it was investigated
        if reveal is None:
            continue
        if reading.action == "count" and not entry.counts:
            continue
        if reading.action == "count" and kind in ("day", "event", "operation", "street", "institution") \
                and entry.topic not in ("covert", "law_enforcement"):
            continue  # figures about a street, a school, a day or a named operation: given, unless watched or enforced
        if kind == "street" and reading.action in ("records", "list", "other") and entry.topic not in ("covert", "law_enforcement") \
                and reading.period is not None and not reading.period.snapshot and reading.period.years >= 1 / 12:
            continue  # a month or more of a street's records is many events, not one case (the people in them: s40)
        answer = (f"Forces neither confirm nor deny holding it ({ncnd_pair(_SECTION_OF[entry.topic], ctx.act)})"
                  if entry.ncnd else f"A force may confirm it holds it and still withhold it under "
                                     f"{ctx.section(_SECTION_OF[entry.topic])}")
        message = (f"{item.label} is about {_KIND_WORDS[kind]} ('{said}') and asks about '{reveal.group(0)}'. "
                   f"{entry.why[0].upper()}{entry.why[1:]}. {answer}.")
        return rule.at(ctx, item, message, suggestion=f"Instead, {entry.instead}.", law=LAW[entry.topic][ctx.act],
                       ncnd=entry.ncnd, reasoning=(f"About {_KIND_WORDS[kind]}: '{said}'.",
                                             f"Asks what would reveal it: '{reveal.group(0)}'.")
                       + tuple(f"{SOURCE}{url}" for url in entry.sources))
    return None
