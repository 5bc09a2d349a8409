"""Follow-up letters, pre-filled from the campaign tracker.

Four kinds: a reply to a request for clarification, a chaser when an answer (or a review) is
late, a request for internal review (FOISA: a requirement for review), and a complaint to the
Information Commissioner (FOISA: an application to the Scottish Information Commissioner).

`follow_up_letter()` is pure: it takes the campaign, the force's entry and the date, and returns
a `composer.letters.Letter`, so a follow-up goes through the same templates and writers (Word,
text, email, PDF) as the request itself. The law it cites:
- FOIA s1(3) and s10(6) (the clock restarts on clarification), s10(1) (20 working days), s10(3)
  and s17(2) (more time to consider the public interest: a notice within the 20 working days with
  an estimate; the ICO expects no more than 20 further working days), s17
  (refusal notices), s16 (advice and assistance), s50 (complaint to the Commissioner) and the
  code of practice under s45, part 5 (review asked within 40 working days, answered within 20,
  40 at most);
- FOISA s1(3) and s10(1)(b), s10(1), s16 and s19, s15, s20 (requirement for review, within 40
  working days), s21(1) (review answered within 20 working days), s47 (application to the
  Scottish Information Commissioner, within six months: s47(4)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from composer.calendar import Calendar, default_calendar, working_days
from composer.campaign.deadlines import CHASER_GRACE_DAYS, Progress, due_once_clarified, progress
from composer.campaign.model import RESPONSES, Campaign, Status, Tracked
from composer.campaign.store import CampaignStore
from composer.errors import ComposerError
from composer.forces import missing_address, online_form, unconfirmed_address
from composer.law import (
    CLARIFY_PROMPTLY,
    LAWS,
    NAME,
    Law,
    law_for,
    number as _number,
    ordinal,
    readable,
    section,
    sections,
    sets_aside_confirm_or_deny,
    short,
)
from composer.letters.letter import Item, Letter, Recipient, format_date
from composer.library import slug
from composer.model import Act, Force, Request, Requester, joined
from composer.outline import letter_body
from composer.responses import (
    Element,
    ResponseCheck,
    check_response,
    provision,
    split_cite,
)

FORMATS = ("docx", "txt", "eml", "pdf")


class FollowUpKind(StrEnum):
    CLARIFICATION = "clarification"
    CHASER = "chaser"
    REVIEW = "review"
    COMPLAINT = "complaint"

    def label(self, act: Act) -> str:
        if self is FollowUpKind.CLARIFICATION:
            return "Clarification"
        if self is FollowUpKind.CHASER:
            return "Chaser"
        if self is FollowUpKind.REVIEW:
            return "Internal review" if act is Act.FOIA else "Requirement for review"
        regulator = law_for(act).regulator
        return f"{regulator.complaint} to the {regulator.short}"


def regulator_recipient(act: Act) -> Recipient:
    """The Commissioner a complaint under `act` goes to, as a letter is addressed."""
    regulator = law_for(act).regulator
    return Recipient(name=regulator.office, postal_address=list(regulator.postal_address),
                     greeting=regulator.greeting)


def _is_regulator(recipient: Recipient) -> bool:
    return recipient.name in {law.regulator.office for law in LAWS.values()}


def parse_kind(text: str) -> FollowUpKind:
    try:
        return FollowUpKind(text.strip().lower())
    except ValueError:
        raise ComposerError(
            f"unknown follow-up {text!r}; use one of: {', '.join(k.value for k in FollowUpKind)}"
        ) from None


def available_kinds(p: Progress) -> list[FollowUpKind]:
    """The follow-ups that fit where a force stands (what `follow_up_letter` will write)."""
    kinds: list[FollowUpKind] = []
    if p.status is Status.CLARIFICATION_ASKED and p.responded is None:
        kinds.append(FollowUpKind.CLARIFICATION)
    if p.overdue and not _chaser_running(p):
        kinds.append(FollowUpKind.CHASER)
    if p.status in RESPONSES or (p.responded is None and p.overdue and p.status is not Status.REVIEW_ASKED):
        kinds.append(FollowUpKind.REVIEW)
    foia_early = p.act is Act.FOIA and (p.status in RESPONSES or (p.responded is None and p.overdue))
    review_late = p.status is Status.REVIEW_ASKED and (p.overdue or bool(
        p.review_due and p.today and p.today > p.review_due))  # late, if past the usual time too
    if p.status is Status.REVIEW_ANSWERED or review_late or foia_early:
        kinds.append(FollowUpKind.COMPLAINT)
    return kinds


def _chaser_running(p: Progress) -> bool:
    """A chaser sent before the letter's day whose ten working days have not run out: a second
    one would only repeat it (the same day's letter may be written again)."""
    return bool(p.chased and p.chaser_ends and p.today and p.chased < p.today <= p.chaser_ends)


# -- wording helpers ----------------------------------------------------------------------------
def _d(day: date) -> str:
    return format_date(day)


def _section(cite: str, act: Act) -> str:
    """`s40(2)` -> `section 40(2) (personal information)`."""
    number, limbs = split_cite(cite)
    found = provision(act, cite)
    return f"section {number}{limbs}" + (f" ({found.title})" if found else "")


def _sections(cites: list[str] | tuple[str, ...], act: Act) -> str:
    return joined([_section(c, act) for c in cites])


def _notice_owed(act: Act) -> str:
    """What a force owes in place of the information: `a refusal notice under section 17` (FOIA);
    `a notice under section 16 or 17` (FOISA: a refusal, or a notice that it is not held)."""
    topics = [t for t in ("refusal_notice", "not_held_notice") if act in NAME[t]]
    return f"{'a refusal notice' if len(topics) == 1 else 'a notice'} under {sections(topics, act, joiner='or')}"


def _ref(item: Tracked) -> str:
    return f" (your reference {item.letter_reference})" if item.letter_reference.strip() else ""


def request_title(request: Request, force: Force | None) -> str:
    """The request's title as the force's letter gave it (its `{fields}` filled for `force`,
    else in words)."""
    return readable(request.title, request, force).strip()


def _about(c: _Context) -> str:
    title = request_title(c.campaign.request, c.force)
    return "" if not title or title == "Untitled request" else f" about ‘{title}’"


def _subject(kind: FollowUpKind, request: Request, act: Act, force_name: str, force: Force | None) -> str:
    title = request_title(request, force)
    topic = "Freedom of Information request" + (f": {title}" if title and title != "Untitled request" else "")
    if kind is FollowUpKind.CLARIFICATION:
        return f"Clarification of my {topic}"
    if kind is FollowUpKind.CHASER:
        return f"Overdue: {topic}"
    if kind is FollowUpKind.REVIEW:
        return ("Request for internal review: " if act is Act.FOIA else "Requirement for review: ") + topic
    law = LAWS[act]
    what = f"{law.regulator.complaint} under {section('complaint', act)}"
    return f"{what} of the {law.title}: {force_name}"


def _cap(text: str) -> str:
    """`text` to begin a sentence: "the Metropolitan Police Service" -> "The Metropolitan …"."""
    return text[:1].upper() + text[1:]


def _extension_story(p: Progress, you: str = "you") -> list[str]:
    """What the force said about needing more time, and what that did to the due date (FOIA s10(3),
    s17(2)). `you` names the force: "you" in a letter to it, its name in a complaint."""
    if p.extension_notice is None or p.statutory_due is None:
        return []
    it = "you" if you == "you" else "it"
    said = (f"On {_d(p.extension_notice)} {you} told me that {it} needed more time to consider the "
            "public interest")
    if p.extension_notice > p.statutory_due:
        days = law_for(p.act).working_days
        return [f"{said}. That notice came after the {days} working days of {section('answer', p.act)} had "
                f"ended on {_d(p.statutory_due)}; {section('extension_notice', Act.FOIA)} requires it within them, so it did not "
                "extend the time for the answer."]
    if p.extended_to is None:
        said += (f", under {section('extension', Act.FOIA)} of the Act, but gave no estimate of when {it} would decide, "
                 f"as {section('extension_notice', Act.FOIA)} requires.")
    else:
        said += (f", under {section('extension', Act.FOIA)} of the Act, and estimated that {it} would decide by "
                 f"{_d(p.extended_to)}.")
    story = [said]
    if p.extension_limit is not None and p.due == p.extension_limit:
        story.append(f"{_cap(section('extension', Act.FOIA))} allows only such further time as is "
                     "reasonable. The "
                     f"{LAWS[Act.FOIA].regulator.name}'s guidance is that this should be no more than "
                     f"{LAWS[Act.FOIA].extension_days} working days beyond the "
                     f"{LAWS[Act.FOIA].working_days} of {section('answer', Act.FOIA)}, which ended on "
                     f"{_d(p.statutory_due)}; that further time ended on {_d(p.extension_limit)}.")
    return story


def _request_items(request: Request, force: Force | None) -> list[Item]:
    body = letter_body(request, force)
    return [Item(p.number, p.text, p.depth) for p in body.parts]


WHOLE_REQUEST = ""  # the key `ncnd_parts` gives a neither-confirm-nor-deny of the whole request


def ncnd_parts(item: Tracked) -> dict[str, tuple[str, ...]]:
    """The parts the force neither confirmed nor denied it holds, with the sections it relied on
    for each, from the latest reply whose reading was confirmed part by part. A reply read whole
    that cites a section setting aside the duty to confirm or deny (FOISA s18, as Police
    Scotland's notices do; FOIA s23(5), s24(2) …) is one for the whole request (`WHOLE_REQUEST`)."""
    from composer.replies import Outcome, PartReading

    for attachment in reversed(item.attachments):
        if attachment.parts:
            readings = {label: PartReading.parse(what) for label, what in attachment.parts.items()}
            return {label: r.sections for label, r in readings.items() if r.outcome is Outcome.NCND}
    ncnd = [c for c in item.sections if sets_aside_confirm_or_deny(c, item.act)]
    if not ncnd:
        return {}
    # FOISA s18 is claimed together with the exemptions that would apply: they are its grounds
    return {WHOLE_REQUEST: tuple(item.sections if item.act is Act.FOISA else ncnd)}


def _ncnd_ground(parts: dict[str, tuple[str, ...]], act: Act, *, to_force: bool,
                 force_name: str) -> tuple[str, set[str]]:
    """One ground for every part the force would neither confirm nor deny, and the section
    numbers it covers (so they are not argued again as if information had been withheld). What
    is excluded there is the duty to say whether information is held (FOIA s1(1)(a), s2(1)(b);
    FOISA s18(1)), not the information itself: the challenge is to the exclusion."""
    cites = list(dict.fromkeys(c for sections in parts.values() for c in sections))
    labels = list(parts)
    which = ("part " if len(labels) == 1 else "parts ") + joined(labels)
    relying = f", relying on {_sections(cites, act)}" if cites else ""
    if labels == [WHOLE_REQUEST]:
        said = (f"You neither confirmed nor denied that you hold the information I asked for{relying}."
                if to_force else f"{_cap(force_name)} neither confirmed nor denied that it holds the "
                f"information I asked for{relying}.")
    elif to_force:
        said = f"For {which} you neither confirmed nor denied that you hold the information{relying}."
    else:
        said = (f"For {which} {force_name} neither confirmed nor denied that it holds the "
                f"information{relying}.")
    qualified = [c for c in cites if (found := provision(act, c)) and found.kind.value == "qualified"]
    duty = section("ncnd", act)
    if act is Act.FOIA:
        law_says = (f"{_cap(duty)} entitles me to be told whether information is held; that duty is "
                    "set aside only where saying whether it is held would itself reveal what an "
                    "exemption protects")
        numbers = ("section " if len(qualified) == 1 else "sections ") + joined(
            [c.removeprefix("s") for c in qualified]) if qualified else ""
        weigh = (f"and, for {numbers}, whether the public interest in maintaining "
                 "the exclusion of the duty to confirm or deny outweighs the public interest in "
                 f"saying whether the information is held ({section('ncnd_public_interest', act)})") if qualified else ""
    else:
        law_says = (f"{_cap(duty)} allows a force to refuse to reveal whether information exists "
                    "or is held only where revealing it would be contrary to the public interest "
                    "and the information, if held, would be exempt")
        # the force is asked why; the Commissioner is asked to decide whether
        weigh = (f"and {'why' if to_force else 'whether'} revealing whether it is held would be "
                 "contrary to the public interest")
    # FOIA's test is whether saying so would itself reveal what is protected; FOISA s18 has two
    # limbs: the information, if held, exempt, and revealing whether it is held contrary to the
    # public interest (`weigh`).
    if to_force:
        test = ("how saying whether you hold it would do that here" if act is Act.FOIA
                else "why the information, if you hold it, would be exempt")
        ask = (f"Please explain {test}, given what is already public about the use of such systems "
               "by police forces" + (f", {weigh}" if weigh else ""))
    else:
        test = ("saying whether it is held would do that here" if act is Act.FOIA
                else "the information, if held, would be exempt")
        ask = f"I ask the Commissioner to decide whether {test}" + (f", {weigh}" if weigh else "")
    return f"{said} {law_says}. {ask}.", {split_cite(c)[0] for c in cites}


def _grounds(p: Progress, act: Act, check: ResponseCheck | None, *, to_force: bool,
             force_name: str = "the force", ncnd: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """What is wrong with the force's handling, one ground per item, from the tracker and the
    check: asked of the force itself (a review) or put to the Commissioner (a complaint).
    `ncnd`: the parts the force neither confirmed nor denied it holds (`ncnd_parts`)."""
    out: list[str] = []
    no_advice = check is not None and any(r.element is Element.ADVICE for r in check.missing)
    if p.extended and p.due is not None:
        allowed = (f"the end of the further time taken under {section('extension', Act.FOIA)} to consider the public "
                   "interest")
        if p.responded is None:
            out.append(f"I have had no answer to my request, although it was due no later than "
                       f"{_d(p.due)}, {allowed}.")
        elif p.late_by:
            out.append(f"The answer came {working_days(p.late_by)} after {_d(p.due)}, {allowed}.")
    elif p.responded is None and p.due is not None:
        out.append(f"I have had no answer to my request, although it was due no later than "
                   f"{_d(p.due)} ({section('answer', act)}).")
    elif p.late_by and p.due is not None:
        out.append(f"The answer came {working_days(p.late_by)} after the last day allowed by "
                   f"{section('answer', act)}, {_d(p.due)}.")
    if p.extension_notice is not None and p.statutory_due is not None and (
            p.extension_notice > p.statutory_due):
        whose = "Your" if to_force else f"{_cap(force_name)}'s"
        out.append(f"{whose} notice that more time was "
                   f"needed to consider the public interest came on {_d(p.extension_notice)}, after "
                   f"the {law_for(act).working_days} working days had ended on {_d(p.statutory_due)}, "
                   f"although {section('extension_notice', Act.FOIA)} requires it within them.")
    argued: set[str] = set()
    if ncnd:
        ground, argued = _ncnd_ground(ncnd, act, to_force=to_force, force_name=force_name)
        out.append(ground)
    for cite in p.sections:
        number, _ = split_cite(cite)
        if number in argued:
            continue
        found = provision(act, cite)
        name = _section(cite, act)
        personal = number == str(_number("personal", act))
        if number == str(_number("cost", act)):
            rate = law_for(act).hourly_rate_pounds
            counts = ("finding out whether the information is held, locating, retrieving and "
                      f"extracting it, at £{rate} an hour, and not redaction or deciding on exemptions"
                      if law_for(act).whether_held_counts else
                      f"locating, retrieving and providing the information, at no more than £{rate} "
                      "an hour, and not deciding whether it is held")
            advice = law_for(act).advice_section
            if no_advice and to_force:
                out.append(f"On {name}: you gave me no advice on what you could provide within the "
                           f"limit, which {advice} requires of a refusal on cost. Please tell me what "
                           f"you could provide within it, and check that the estimate counts only "
                           f"{counts}.")
            elif no_advice:
                out.append(f"{_cap(force_name)} refused under {name} without advising me what it could "
                           f"provide within the limit, as {advice} requires. I ask the Commissioner "
                           f"to check that its estimate counts only {counts}.")
            elif to_force:
                out.append(f"On {name}: please check that the estimate counts only {counts}, and "
                           f"tell me what you could provide within the limit, as {advice} requires.")
            else:
                out.append(f"{_cap(force_name)} refused under {name}. I ask the Commissioner to check that "
                           f"its estimate counts only {counts}, and whether it gave the advice and "
                           f"assistance {advice} requires.")
        elif number == str(_number("published", act)):
            # FOIA s21, FOISA s25: only what the requester can reasonably get another way
            if to_force:
                out.append(f"On {name}: the exemption covers only information I can reasonably obtain "
                           "in another way. Please tell me exactly where each part of it can be found, "
                           "and release any part that cannot.")
            else:
                out.append(f"{_cap(force_name)} relied on {name}. The exemption covers only information "
                           "I can reasonably obtain in another way; I ask the Commissioner to decide "
                           "whether each part of what I asked for can be, and where.")
        elif number == str(_number("vexatious", act)):
            out.append(f"{'On ' + name + ': m' if to_force else _cap(force_name) + ' relied on ' + name + '. M'}"
                       "y request has a serious purpose and value to the public; it is not meant to "
                       "cause disruption or annoyance, and should be judged on what it asks.")
        elif personal:
            if to_force:
                out.append(f"On {name}: the exemption covers only information that identifies living "
                           "people. Please release what can be given as totals or with identifying "
                           "details removed, and say which condition of the exemption you rely on.")
            else:
                out.append(f"{_cap(force_name)} relied on {name}. The exemption covers only information "
                           "that identifies living people; much of what I asked for could be given as "
                           "totals or with identifying details removed.")
        elif found and found.kind.value == "qualified":
            if to_force:
                out.append(f"On {name}: this is a qualified exemption. Please show that any harm you "
                           "foresee is real and specific, and reconsider whether, in all the "
                           "circumstances, the public interest in maintaining the exemption outweighs "
                           "the public interest in disclosure, including the public interest in "
                           "openness about what my request asks about.")
            else:
                out.append(f"{_cap(force_name)} relied on {name}, a qualified exemption. I do not accept "
                           "that the harm it foresees is real and specific, or that the public "
                           "interest in maintaining the exemption outweighs the public interest in "
                           "disclosure, which includes openness about what my request asks "
                           "about.")
        else:
            if to_force:
                out.append(f"On {name}: please explain how it applies to each part of the information "
                           "withheld, and release every part to which it does not apply.")
            else:
                out.append(f"{_cap(force_name)} relied on {name} without showing how it applies to each "
                           "part of the information withheld.")
    # Nothing was withheld where the force would only neither confirm nor deny: its notice's
    # reasons and public interest are for that exclusion, not for "information withheld".
    only_ncnd = bool(argued) and all(split_cite(c)[0] in argued for c in p.sections)
    if check is not None:
        for req in check.missing:
            if req.element is Element.ADVICE and any(split_cite(c)[0] == str(_number("cost", act))
                                                     for c in p.sections):
                continue  # said with the refusal on cost above
            lacks = (_NCND_LACKS.get(req.element) if only_ncnd else None) or _NOTICE_LACKS[req.element]
            out.append(f"The response did not {lacks(act, to_force)} "
                       f"({_cite_words(req.citation)} of the Act).")
    return out


def _lacks(foia_force: str, foisa_force: str, foia_other: str, foisa_other: str):
    return lambda act, to_force: (foia_force if to_force else foia_other) if act is Act.FOIA \
        else (foisa_force if to_force else foisa_other)


_NOTICE_LACKS = {
    Element.EXEMPTION: lambda act, to_force: "name the exemption relied on",
    Element.REASONS: lambda act, to_force: "say why the exemption applies to the information withheld",
    Element.PUBLIC_INTEREST: lambda act, to_force: ("give the public interest reasons for maintaining "
                                                    "the qualified exemption"),
    Element.REVIEW: _lacks("give particulars of your internal review procedure",
                           "give particulars of my right to require a review",
                           "give particulars of the force's internal review procedure",
                           "give particulars of my right to require a review"),
    Element.COMPLAINT: lambda act, to_force: (
        f"{'give particulars of' if to_force else 'tell me of'} my right to {LAWS[act].regulator.complain} to "
        f"the {LAWS[act].regulator.name if to_force else LAWS[act].regulator.greeting}"),
    Element.ADVICE: lambda act, to_force: "advise me how to bring the request within the cost limit",
}


# A notice that neither confirms nor denies: under FOISA (s18) the exemption is the one that would
# apply if the information were held (s16(1)(c) and (d) still apply, s18(2)); under FOIA it is the
# exemption whose limb excludes the duty to confirm or deny.
_NCND_LACKS = {
    Element.EXEMPTION: lambda act, to_force: (
        "name the exemption that would apply if the information were held" if act is Act.FOISA
        else "name the exemption relied on to neither confirm nor deny holding the information"),
    Element.REASONS: lambda act, to_force: (
        "say why that exemption would apply to the information, if it were held" if act is Act.FOISA
        else "say why the exemption relied on applies"),
    Element.PUBLIC_INTEREST: lambda act, to_force: ("give the public interest reasons for excluding the duty "
                                                    "to confirm or deny"),
}


def _cite_words(citation: str) -> str:
    """`s17(7)(b) and s50` -> `sections 17(7)(b) and 50`."""
    numbers = re.findall(r"s(\d+[A-Z]?(?:\(\w+\))*)", citation)
    if len(numbers) == 1:
        return f"section {numbers[0]}"
    return "sections " + joined(numbers)


@dataclass(frozen=True)
class _Context:
    campaign: Campaign
    item: Tracked
    p: Progress
    act: Act
    law: Law
    force: Force | None
    today: date
    cal: Calendar

    @property
    def in_text(self) -> str:
        """The force's name as it reads mid-sentence ("the Metropolitan Police Service")."""
        return self.force.name_in_text if self.force is not None else self.item.force_name


# -- the four letters ---------------------------------------------------------------------------
def _clarification(c: _Context, message: str | None) -> tuple[list[str], list[Item], list[str], list[str]]:
    events = c.item.events
    at = next((i for i in range(len(events) - 1, -1, -1) if events[i].status is Status.CLARIFICATION_ASKED), None)
    if at is None:
        raise ComposerError(f"{c.item.force_name} has not asked for clarification (record it with "
                            "`campaign update … --status clarification-asked --date …`)")
    asked = events[at].on
    if c.today < asked:
        raise ComposerError(f"{c.today.isoformat()} is before {c.item.force_name} asked for clarification "
                            f"({asked.isoformat()}): date the letter on or after that day")
    clarified = next((e.on for e in reversed(events[at + 1:]) if e.status is Status.CLARIFIED), None)
    if clarified is not None and clarified != c.today:  # a later letter would promise a later day
        due = c.p.due.isoformat() if c.p.due else "?"
        raise ComposerError(f"{c.item.force_name}: your clarification is recorded as sent on "
                            f"{clarified.isoformat()}, and the answer is due by {due}; to write that "
                            f"letter again, date it {clarified.isoformat()}; if the force asked "
                            "again, record that ('clarification-asked') first")
    warnings: list[str] = []
    text = (message or "").strip()
    if not text:
        text = "[Write your clarification here: what you meant, in the force's words if you can.]"
        warnings.append("the clarification itself is a placeholder: write it before sending")
    due = due_once_clarified(c.item, c.today, c.cal)
    if c.act is Act.FOIA:
        clock = (f"Under {section('clarify', c.act)} of the Act you need not answer until you have this "
                 f"clarification, and under {section('clock_restart', c.act)} the {c.law.working_days} "
                 "working days for your answer run from the day you receive it.")
    else:
        clock = (f"Under {sections(('clarify', 'clock_restart'), c.act)} of the Act the "
                 f"{c.law.working_days} working days for your answer run from the day you receive "
                 "this further information.")
    before = [
        f"Thank you for your message of {_d(asked)} asking me to clarify my request of "
        f"{_d(c.item.sent)}{_ref(c.item)}.",
        *_asked_late(c, asked),
        text,
        f"{clock}" + (f" If it reaches you on {_d(c.today)}, your answer is due no later than {_d(due)}."
                      if due else ""),
        "My request is set out again below, numbered as before.",
    ]
    after = [f"If anything else is unclear, please tell me straight away: your duty to advise and "
             f"assist under {c.law.advice_section} of the Act applies to this too."]
    return before, _request_items(c.campaign.request, c.force), after, warnings


def _asked_late(c: _Context, asked: date) -> list[str]:
    """What the reply to a request for clarification says when the request came after the answer
    was due: the clarification still starts the clock again, but the force had let its time run
    out first, and the Act asks for an answer promptly (s10(1)). The ICO's guidance is that a
    force asks for clarification as soon as possible (`law.CLARIFY_PROMPTLY`); nothing was found
    from the Scottish Commissioner, so a FOISA letter says only what happened."""
    was_due = c.p.asked_after_due
    if was_due is None or c.p.clarification_asked != asked:
        return []
    said = (f"Your message came after the {c.law.working_days} working days for your answer had "
            f"ended on {_d(was_due)}.")
    if c.act in CLARIFY_PROMPTLY:
        said += (f" The {c.law.regulator.name}'s guidance is that a force should ask for "
                 "clarification as soon as possible.")
    said += (f" {_cap(section('answer', c.act))} of the Act requires an answer promptly: please do "
             f"not take a further {c.law.working_days} working days unless you need them.")
    return [said]


def _chaser(c: _Context) -> tuple[list[str], list[Item], list[str], list[str]]:
    p, act, cal = c.p, c.act, c.cal
    by = cal.add_working_days(c.today, CHASER_GRACE_DAYS, act)
    if p.status is Status.REVIEW_ASKED and p.review_due is not None:
        if c.today <= p.review_due:
            raise ComposerError(f"the review by {c.item.force_name} is not due until "
                                f"{p.review_due.isoformat()}; a chaser can wait until after that")
        asked = p.review_asked
        assert asked is not None
        if act is Act.FOIA:
            outer = cal.add_working_days(asked, c.law.review_outer_days or 0, act)
            before = [
                f"On {_d(asked)} I asked for an internal review of your response to my request of "
                f"{_d(c.item.sent)}{_ref(c.item)}.",
                f"The code of practice issued under {section('code_of_practice', act)} of the Act says that a "
                f"review should normally be completed within {c.law.review_answer_days} working days of the request "
                f"for it, and should in no case take more than {c.law.review_outer_days}. "
                f"The {c.law.review_answer_days} working days ended on {_d(p.review_due)} and I "
                "have not had the outcome.",
            ]
            if c.today > outer:
                after = [f"The {c.law.review_outer_days} working days ended on {_d(outer)}. Please send "
                         "the outcome now; I "
                         f"intend to complain to the {c.law.regulator.name} under "
                         f"{section('complaint', act)} of the Act."]
            else:
                after = ["Please send the outcome without further delay. If I do not have it by "
                         f"{_d(outer)}, {c.law.review_outer_days} working days after my request for "
                         "review, I will "
                         f"complain to the {c.law.regulator.name} under {section('complaint', act)} of the Act."]
        else:
            before = [
                f"On {_d(asked)} I required a review under {section('review', act, whole=True)} of the Act of "
                "your handling of "
                f"my request of {_d(c.item.sent)}{_ref(c.item)}.",
                f"{_cap(section('review_answer', act))} of the Act required you to respond within "
                f"{c.law.review_answer_days} "
                "working days of receiving "
                f"my requirement, by {_d(p.review_due)}. That day has passed without a response.",
            ]
            after = [f"Please send your response without further delay. Under {section('complaint', act)} of "
                     f"the Act I may now apply to the {c.law.regulator.name} for a decision, "
                     f"and I will do so if I do not have your response by {_d(by)}."]
        return before, [], after, []

    if p.responded is not None or p.status in RESPONSES:
        raise ComposerError(f"{c.item.force_name} has answered ({p.status_label}); a chaser is for "
                            "an answer that has not come")
    if p.due is None:
        raise ComposerError(f"{c.item.force_name} is waiting for your clarification: send that, "
                            "not a chaser (kind 'clarification')")
    if c.today <= p.due:
        raise ComposerError(f"the answer from {c.item.force_name} is not due until "
                            f"{p.due.isoformat()}; a chaser can wait until after that")
    if _chaser_running(p):
        raise ComposerError(f"you chased {c.item.force_name} on {p.chased.isoformat()}, and the "
                            f"{CHASER_GRACE_DAYS} working days it gave run to {p.chaser_ends.isoformat()}; "
                            "a second chaser can wait until after that")
    if p.still_wanted_asked is not None:
        return _still_wanted(c, by)
    late = c.cal.working_days_between(p.due, c.today, act)
    before = [f"On {_d(c.item.sent)} I asked {c.in_text} for information under the "
              f"{c.law.title}{_about(c)}{_ref(c.item)}."]
    clarified = p.clock_start if p.clock_start != c.item.sent else None
    if clarified:
        asked = (f" only on {_d(p.clarification_asked)}, after your answer had been due on "
                 f"{_d(p.asked_after_due)}," if p.asked_after_due and p.clarification_asked else ",")
        before.append(f"You asked me to clarify it{asked} and my clarification reached you on "
                      f"{_d(clarified)}; the time for your answer runs from that day "
                      f"({sections(('clarify', 'clock_restart'), act)}).")
    notice = _notice_owed(act)
    if p.extended:
        before += _extension_story(p)
        which = "That further time" if p.due == p.extension_limit else "That date"
        before.append(f"{which} passed {working_days(late)} ago, and I have had neither the information "
                      "nor your decision on the public interest.")
    else:
        before.append(
            f"{_cap(section('answer', act))} of the Act required you to answer promptly and in any event no later than "
            f"the {ordinal(c.law.working_days)} working day after receipt. That day was {_d(p.due)}. It passed "
            f"{working_days(late)} ago, and I have had neither the information nor {notice}.")
        before += _extension_story(p)  # a notice that came too late to extend anything
    if act is Act.FOIA and p.extension_notice is None:
        before.append("Nor have you told me that you need more time to weigh the public "
                      f"interest: {section('extension_notice', Act.FOIA)} required that within those "
                      f"{c.law.working_days} working days, with an estimate of when you would "
                      "decide, so the time for your answer has not been extended.")
    before.append("My request is repeated below for ease of reference.")
    return before, _request_items(c.campaign.request, c.force), [_send_it_by(c, by)], []


def _send_it_by(c: _Context, by: date) -> str:
    """A chaser's last word: the answer now, and what follows if it has not come by `by`."""
    if c.act is Act.FOIA:
        then = (f"I intend to complain to the {c.law.regulator.name} under {section('complaint', c.act)} "
                "of the Act")
    else:
        then = (f"I will require a review under {section('review', c.act, whole=True)} of the Act and, if "
                f"need be, apply to the {c.law.regulator.name} under {section('complaint', c.act, whole=True)}")
    return f"Please send your answer without further delay. If I do not have it by {_d(by)}, {then}."


def _still_wanted(c: _Context, by: date) -> tuple[list[str], list[Item], list[str], list[str]]:
    """The answer to a late force's "do you still want it?" letter (added by replies11): yes, and
    the answer is overdue. A chaser in all but its first words: sent, it is recorded as one."""
    p, act = c.p, c.act
    assert p.due is not None and p.still_wanted_asked is not None
    late = c.cal.working_days_between(p.due, c.today, act)
    before = [f"On {_d(c.item.sent)} I asked {c.in_text} for information under the "
              f"{c.law.title}{_about(c)}{_ref(c.item)}. On {_d(p.still_wanted_asked)} you asked whether "
              "I still want it. I do: please do not treat my request as withdrawn.",
              f"Your answer was due by {_d(p.due)}, {working_days(late)} ago, and I have had neither the "
              f"information nor {_notice_owed(act)}."]
    return before, [], [_send_it_by(c, by)], []


def _what_happened(c: _Context, force: str | None = None) -> str:
    """What the force did with the request, said to it ("You responded on …") or, given its name
    `force`, to the Commissioner ("Kent Police responded on …")."""
    p = c.p
    if p.responded is None:
        said = "You have not answered it" if force is None else f"{_cap(force)} has not answered the request"
        return f"{said}, although the answer was due no later than {_d(p.due)}." if p.due else f"{said}."
    how = {Status.REFUSED: ", refusing it", Status.PARTLY_ANSWERED: ", answering it in part"}
    response = next((e.status for e in c.item.events if e.status in RESPONSES), Status.ANSWERED)
    cited = f" and relying on {_sections(p.sections, c.act)}" if p.sections else ""
    return f"{'You' if force is None else _cap(force)} responded on {_d(p.responded)}{how.get(response, '')}{cited}."


def _review(c: _Context, message: str | None,
            check: ResponseCheck | None) -> tuple[list[str], list[Item], list[str], list[str]]:
    p, act = c.p, c.act
    if p.responded is None and not c.p.overdue:
        raise ComposerError(f"{c.item.force_name} has not answered yet and is not late: an internal "
                            "review is for a response (or a failure to respond)")
    warnings: list[str] = []
    grounds = _grounds(p, act, check, to_force=True, ncnd=ncnd_parts(c.item))
    if message and message.strip():
        grounds.append(message.strip())
    if not grounds:
        grounds = ["[Say why you are not satisfied: what is missing from the answer, or what you "
                   "think is wrong with it.]"]
        warnings.append("the reasons for the review are a placeholder: write them before sending")
    if act is Act.FOIA:
        before = [f"I am writing to ask for an internal review of {c.in_text}'s handling of "
                  f"my request for information of {_d(c.item.sent)}{_ref(c.item)}{_about(c)}."]
    else:
        before = [f"Under {section('review', act)} of the {c.law.title} I require {c.in_text} to review "
                  f"its actions and decisions in relation to my request for information of "
                  f"{_d(c.item.sent)}{_ref(c.item)}{_about(c)}."]
    if p.responded is not None:  # a missing answer is said once, as the first reason below
        before.append(_what_happened(c))
    before.append("I am dissatisfied for the following reason." if len(grounds) == 1
                  else "I am dissatisfied for the following reasons.")
    items = [Item(str(i), text) for i, text in enumerate(grounds, start=1)]
    answer_by = c.cal.add_working_days(c.today, c.law.review_answer_days, act)
    after: list[str] = []
    ask_by = p.review_ask_by
    if ask_by is not None and c.today > ask_by:
        warnings.append(f"the {c.law.review_ask_days} working days for asking for a review ended on "
                        f"{ask_by.isoformat()}: "
                        "the force may decline to review")
    if act is Act.FOIA:
        if ask_by is not None and c.today <= ask_by:
            after.append(f"The code of practice issued under {section('code_of_practice', act)} of the Act "
                         "asks that a review "
                         f"be requested within {c.law.review_ask_days} working days of the response; "
                         "the last day is "
                         f"{_d(ask_by)}, so this request is in time.")
        if p.responded is None:  # no first decision to look at afresh
            after.append("Please see that my request is answered now, and send me the outcome of this "
                         f"review within {c.law.review_answer_days} working days, as the code of "
                         f"practice expects: by {_d(answer_by)}.")
        else:
            after.append("Please review the whole request afresh, by someone not involved in the first "
                         f"decision, and send me the outcome within {c.law.review_answer_days} working "
                         f"days, as the code of practice expects: by {_d(answer_by)}.")
    else:
        if ask_by is not None and c.today <= ask_by:
            after.append(f"{_cap(section('review_ask', act))} of the Act allows {c.law.review_ask_days} working days for "
                         f"this requirement; the last day is {_d(ask_by)}, so it is in time.")
        after.append(f"{_cap(section('review_answer', act))} of the Act requires you to respond within "
                     f"{c.law.review_answer_days} working days of receiving this requirement: by "
                     f"{_d(answer_by)}.")
    return before, items, after, warnings


def _complaint(c: _Context, message: str | None,
               check: ResponseCheck | None) -> tuple[list[str], list[Item], list[str], list[str]]:
    p, act, name = c.p, c.act, c.in_text
    warnings = [law_for(act).regulator.how_to_send]
    if p.responded is None and not p.overdue and p.review_asked is None:
        due = f" until {p.due.isoformat()}" if p.due else ""
        raise ComposerError(f"the answer from {name} is not due{due}: there is nothing to complain "
                            "about yet")
    if p.review_asked is None:
        if act is Act.FOISA:
            raise ComposerError(f"apply to {law_for(act).regulator.in_text} only after requiring "
                                f"{name} to review the request ({short('complaint', act)}): send a review first")
        if p.responded is not None:
            warnings.append(f"{law_for(act).regulator.in_text} normally expects you to have asked for an "
                            "internal review first")
        elif p.chased is None:
            # ICO: with no answer after 20 working days, follow it up with the authority first.
            warnings.append(f"{law_for(act).regulator.in_text} asks you to have followed up a missing "
                            "answer with the force before you complain: send a chaser first (kind "
                            "'chaser') and keep a copy to send with this")
    before = [f"I am applying under {section('complaint', act)} of the {c.law.title} for a decision whether "
              f"{name} has dealt with my request for information in accordance with "
              f"{section('access', act)} of the Act."]
    # To the Commissioner: the reference is the force's, not "your reference".
    theirs = f" ({name}'s reference {c.item.letter_reference})" if c.item.letter_reference.strip() else ""
    story = [f"I made the request to {name} on {_d(c.item.sent)}{theirs}{_about(c)}."]
    asked = next((e.on for e in c.item.events if e.status is Status.CLARIFICATION_ASKED), None)
    if asked and p.clock_start != c.item.sent:
        if p.asked_after_due and asked == p.clarification_asked:  # asked only once the time had run out
            story.append(f"{_cap(name)} asked for clarification on {_d(asked)}, after its answer had "
                         f"been due on {_d(p.asked_after_due)}; my clarification reached it on "
                         f"{_d(p.clock_start)}.")
        else:
            story.append(f"{_cap(name)} asked for clarification on {_d(asked)}, which it received on "
                         f"{_d(p.clock_start)}.")
    story += _extension_story(p, name)
    story.append(_what_happened(c, name))
    if p.responded is None and p.chased is not None:
        story.append(f"I wrote on {_d(p.chased)} to say that the answer was overdue, and have had no "
                     "answer since.")
    if p.review_asked:
        review = ("I asked for an internal review" if act is Act.FOIA
                  else f"I required a review under {section('review', act, whole=True)}")
        if p.review_answered:
            story.append(f"{review} on {_d(p.review_asked)}, and had the outcome on "
                         f"{_d(p.review_answered)}.")
        elif p.review_due:
            story.append(f"{review} on {_d(p.review_asked)}; I have had no outcome, although it "
                         f"was due by {_d(p.review_due)}.")
    before.append(" ".join(s for s in story if s))
    grounds = _grounds(p, act, check, to_force=False, force_name=name, ncnd=ncnd_parts(c.item))
    if p.review_asked and not p.review_answered and p.review_due and c.today > p.review_due:
        limit = (section("review_answer", act) if act is Act.FOISA
                 else f"the {section('code_of_practice', act)} code of practice")
        grounds.append(f"The review was not completed within the time allowed by {limit}.")
    if message and message.strip():
        grounds.append(message.strip())
    if not grounds:
        grounds = ["[Say what you want the Commissioner to decide: which information was wrongly "
                   "withheld, and why.]"]
        warnings.append("the grounds of the complaint are a placeholder: write them before sending")
    before.append("My complaint is as follows." if act is Act.FOIA
                  else "The grounds of my application are as follows.")  # FOISA s47(1): an application
    items = [Item(str(i), text) for i, text in enumerate(grounds, start=1)]
    papers = ["my request"]
    if p.responded is None and p.chased is not None:
        papers.append("my letter saying the answer was overdue")
    if p.responded:
        papers.append(f"{name}'s response")
    if p.review_asked:
        papers.append("my request for review" if act is Act.FOIA else "my requirement for review")
    if p.review_answered:
        papers.append("the outcome of the review")
    after = [f"I enclose copies of {joined(papers)}."]
    if p.complain_by is not None:
        if c.today > p.complain_by:
            warnings.append(f"the usual time for this ended on {p.complain_by.isoformat()}: say why "
                            "it is late in the letter")
        elif act is Act.FOIA:
            after.append(f"I am making this complaint within {c.law.complaint_window_text} of the final response.")
        else:
            after.append(f"This application is made within the {c.law.complaint_window_text} allowed by "
                         f"{section('complaint_window', act)} of the Act.")
    after.append("Please write to me at the address below.")
    return before, items, after, warnings


def follow_up_letter(
    campaign: Campaign,
    force_id: str,
    kind: FollowUpKind | str,
    *,
    requester: Requester,
    today: date,
    force: Force | None = None,
    message: str | None = None,
    check: ResponseCheck | None = None,
    calendar: Calendar | None = None,
) -> Letter:
    """The follow-up letter of `kind` for one force, dated `today`, pre-filled from the tracker.

    `force` supplies the recipient's address (the campaign keeps only its name and Act);
    `message` is the requester's own words (the clarification, or extra grounds); `check` is a
    refusal-notice check whose missing parts become grounds for a review or complaint.
    Raises ComposerError when the letter does not fit where the force stands (a chaser before the
    due date, a clarification nobody asked for, a Scottish application before a review).
    """
    kind = kind if isinstance(kind, FollowUpKind) else parse_kind(kind)
    item = campaign.tracked(force_id)
    cal = calendar or default_calendar()
    p = progress(item, today, cal)
    c = _Context(campaign, item, p, item.act, LAWS[item.act], force, today, cal)
    if kind is FollowUpKind.CLARIFICATION:
        before, items, after, warnings = _clarification(c, message)
    elif kind is FollowUpKind.CHASER:
        before, items, after, warnings = _chaser(c)
    elif kind is FollowUpKind.REVIEW:
        before, items, after, warnings = _review(c, message, check)
    else:
        before, items, after, warnings = _complaint(c, message, check)
    before, after = _name_the_act(before, after, c.law.title)
    if kind is FollowUpKind.COMPLAINT:
        recipient = regulator_recipient(item.act)
    elif force is not None:
        recipient = Recipient.for_force(force)
        if (unaddressed := missing_address(force)) is not None:
            warnings.append(unaddressed)
        if (form := online_form(force)) is not None:
            warnings.append(form)
        if kind is FollowUpKind.CHASER and (unconfirmed := unconfirmed_address(force)) is not None:
            # a request sent to an address the force no longer reads never started its clock
            warnings.append(f"{unconfirmed}; a force that has not answered may never have had the request")
    else:
        recipient = Recipient(name=item.force_name)
    if (problem := item.reference_problem) is not None:
        warnings.append(problem)
    if not requester.is_known:
        warnings.append("no name in your profile: sign the letter with your real name "
                        "(`foi-composer profile --name …`)")
    if kind in (FollowUpKind.REVIEW, FollowUpKind.COMPLAINT) and not requester.has_address:
        warnings.append("no address for correspondence in your profile: the force or Commissioner "
                        "needs one to reply (`foi-composer profile --email …`)")
    letter = Letter(
        date=today,
        recipient=recipient,
        subject=_subject(kind, campaign.request, item.act, item.force_name, force),
        salutation=recipient.salutation,
        before=before,
        items=items,
        after=after,
        requester=requester,
        reference=_reference(kind, item.letter_reference, c.in_text),
        force=force,
    )
    letter.warnings[:0] = warnings
    return letter


def _reference(kind: FollowUpKind, reference: str | None, force_name: str) -> str | None:
    """The letter's "Reference:" line: the force's reference; to the Commissioner, said to be the force's
    (the Commissioner's own reference comes only once the complaint is logged)."""
    reference = (reference or "").strip()
    if not reference:
        return None
    return f"{reference} ({force_name}'s reference)" if kind is FollowUpKind.COMPLAINT else reference


def _name_the_act(before: list[str], after: list[str], title: str) -> tuple[list[str], list[str]]:
    """The first "of the Act" names it in full, unless the letter has named it already: a
    reviewer or the Commissioner may read the letter without the request."""
    paragraphs = [*before, *after]
    short = " of the Act"
    for i, text in enumerate(paragraphs):
        named, at = text.find(title), text.find(short)
        if named >= 0 and (at < 0 or named < at):
            break
        if at >= 0:
            paragraphs[i] = f"{text[:at]} of the {title}{text[at + len(short):]}"
            break
    return paragraphs[:len(before)], paragraphs[len(before):]


# -- with the files -----------------------------------------------------------------------------
def check_tracked(item: Tracked, text: str, calendar: Calendar | None = None) -> ResponseCheck:
    """Check a force's response against what the tracker knows: its sections, and whether it came
    in time, counting a public-interest extension (s10(3)) the force gave itself in time."""
    p = progress(item, calendar=calendar)
    return check_response(text, act=item.act, sections=item.sections, calendar=calendar,
                          received=p.clock_start if p.responded else None, responded=p.responded,
                          due=p.due if p.extended else None)


def file_name(kind: FollowUpKind, day: date, force_name: str, act: Act, title: str, fmt: str) -> str:
    """`2027-01-10 Kent Police - Chaser - Risk scoring.docx`"""
    return f"{day.isoformat()} {slug(force_name)} - {kind.label(act)} - {slug(title)}.{fmt}"


def write_follow_up(letter: Letter, path: Path, fmt: str = "docx", template=None) -> Path:
    """Write through the letters package's writers: the same templates as the request. Never
    over an existing file (a hand-edited letter stays): a taken name becomes "name (2)"."""
    from composer import letters

    fmt = fmt.lower().lstrip(".")
    if fmt == "docx":
        return letters.write_docx(letter, path, template)
    if fmt == "txt":
        complaint = _is_regulator(letter.recipient)
        return letters.write_txt(letter, path, heading=complaint, contact=complaint)
    if fmt == "eml":
        if not letter.recipient.email and _is_regulator(letter.recipient):
            raise ComposerError(f"the {letter.recipient.name} is written to through its website or by "
                                "post, not by a drafted email: write the complaint as .docx or .txt")
        return letters.write_eml(letter, path)
    if fmt == "pdf":
        return letters.write_pdf(letter, path, template)
    raise ComposerError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
