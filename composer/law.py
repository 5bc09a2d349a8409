"""What differs between the two Acts: names, cost limits, time limits, the sections a letter
cites and the Commissioner a complaint goes to.

Facts from the Freedom of Information Act 2000 with the Fees Regulations 2004 (SI 2004/3244) and
the s45 code of practice (part 5), and the Freedom of Information (Scotland) Act 2002 with the Fees
Regulations 2004 (SSI 2004/467). Every letter, clause, checker message and campaign deadline takes
its law from here, so they can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from composer.model import FIELD_PATTERN, Act, Force, Nation, Request, fill_fields


@dataclass(frozen=True)
class Regulator:
    """The Commissioner who decides complaints under one Act, and how to reach them."""

    name: str  # "Information Commissioner"
    short: str  # "ICO"
    office: str  # as a letter is addressed
    greeting: str  # "Dear …"
    postal_address: tuple[str, ...]
    in_text: str  # as a sentence names them: "the ICO"
    how_to_send: str  # how a complaint reaches them, for the requester


ICO = Regulator(
    name="Information Commissioner",
    short="ICO",
    office="Information Commissioner's Office",
    greeting="Information Commissioner",
    postal_address=("Wycliffe House", "Water Lane", "Wilmslow", "Cheshire", "SK9 5AF"),
    in_text="the ICO",
    how_to_send="the ICO takes complaints through its online form (ico.org.uk/make-a-complaint): "
                "paste this letter into it, or post it; attach the correspondence either way",
)
SIC = Regulator(
    name="Scottish Information Commissioner",
    short="SIC",
    office="Scottish Information Commissioner",
    greeting="Commissioner",
    postal_address=("Kinburn Castle", "Doubledykes Road", "St Andrews", "Fife", "KY16 9DS"),
    in_text="the Scottish Information Commissioner",
    how_to_send="the Scottish Information Commissioner takes applications through its website "
                "(foi.scot), by email or by post: check its current address before sending, and "
                "enclose the correspondence",
)


@dataclass(frozen=True)
class Law:
    act: Act
    title: str  # as cited in a letter
    short_title: str
    cost_limit_pounds: int
    hourly_rate_pounds: int
    advice_section: str  # the duty to advise and assist
    cost_section: str
    format_section: str
    dataset_section: str | None
    working_days: int  # to answer a request: FOIA s10(1), FOISA s10(1)
    extension_days: int | None  # FOIA s10(3): the most further working days the ICO expects
    review_ask_days: int  # to ask for an internal review after the response
    review_answer_days: int  # for the force to answer a review
    review_outer_days: int | None  # FOIA: the s45 code's limit for a complex review
    # After the final response: ICO practice; FOISA s47(4). As relativedelta's keyword and
    # amount, (6, "weeks"): dateutil loads only when a date is worked out, not at start-up.
    complaint_window: tuple[int, str]
    complaint_window_text: str
    regulator: Regulator
    # Whether the time spent finding out if the information is held counts towards the cost
    # limit: it does under FOIA (Fees Regulations 2004 reg 4(3)(a)); FOISA's Fees Regulations
    # (SSI 2004/467 reg 3) count only locating, retrieving and providing it.
    whether_held_counts: bool = True

    def complain_by(self, day: date) -> date:
        """The last day to complain about a final response of `day` (31 Aug + 6 months: 28 Feb)."""
        from dateutil.relativedelta import relativedelta

        amount, unit = self.complaint_window
        return day + relativedelta(**{unit: amount})

    @property
    def cost_limit_hours(self) -> float:
        return self.cost_limit_pounds / self.hourly_rate_pounds

    @property
    def cost_limit_text(self) -> str:
        hours = self.cost_limit_hours
        shown = f"{hours:g}" if hours == int(hours) else f"about {round(hours)}"
        return f"£{self.cost_limit_pounds}, or {shown} hours of staff time at £{self.hourly_rate_pounds} an hour"


LAWS: dict[Act, Law] = {
    Act.FOIA: Law(
        act=Act.FOIA,
        title="Freedom of Information Act 2000",
        short_title="FOIA",
        cost_limit_pounds=450,
        hourly_rate_pounds=25,
        advice_section="section 16",
        cost_section="section 12",
        format_section="section 11",
        dataset_section="section 11(1A)",
        working_days=20,
        extension_days=20,
        review_ask_days=40,
        review_answer_days=20,
        review_outer_days=40,
        complaint_window=(6, "weeks"),
        complaint_window_text="six weeks",
        regulator=ICO,
    ),
    Act.FOISA: Law(
        act=Act.FOISA,
        title="Freedom of Information (Scotland) Act 2002",
        short_title="FOISA",
        cost_limit_pounds=600,
        hourly_rate_pounds=15,
        advice_section="section 15",
        cost_section="section 12",
        format_section="section 11",
        dataset_section=None,
        working_days=20,
        extension_days=None,
        review_ask_days=40,  # s20(5)
        review_answer_days=20,  # s21(1)
        review_outer_days=None,
        complaint_window=(6, "months"),
        complaint_window_text="six months",
        regulator=SIC,
        whether_held_counts=False,
    ),
}


def section_under(section: str, act: Act) -> str:
    """A section a force cited, named with its Act when that is FOISA: FOISA s38 is personal data,
    FOIA s38 health and safety, so sections from forces under both Acts say which is which."""
    short = LAWS[act].short_title
    if act is Act.FOIA or section.upper().startswith(short.upper()):
        return section
    return f"{short} {section}"


def law_for(force_or_act: Force | Act) -> Law:
    act = force_or_act.act if isinstance(force_or_act, Force) else force_or_act
    return LAWS[act]


EQUALITY_DUTY = {
    # The public sector equality duty binds police in England, Wales and Scotland; in Northern
    # Ireland the statutory equality duty is section 75 of the Northern Ireland Act 1998.
    Nation.NORTHERN_IRELAND: "the statutory equality duty in section 75 of the Northern Ireland Act 1998",
}
GB_EQUALITY_DUTY = "the public sector equality duty in section 149 of the Equality Act 2010"

FORCE_FIELDS = frozenset({
    "force_name", "force_name_possessive", "force_short_name", "act_name", "act",
    "equality_duty", "equality_duty_bare", "advice_section", "cost_section", "cost_limit",
    "cost_limit_pounds", "cost_limit_hours", "hourly_rate",
})
"""The `{fields}` filled from the force a letter goes to, not from the request."""


def equality_duty(force: Force) -> str:
    """The equality duty that binds `force`, as a sentence names it ("the public sector …")."""
    return EQUALITY_DUTY.get(force.nation, GB_EQUALITY_DUTY)


def field_values(request: Request, force: Force | None) -> dict[str, str]:
    """Values for `{field}` placeholders: the request's own, then the force's."""
    values = dict(request.fields)
    if force is not None:
        law = law_for(force)
        duty = equality_duty(force)
        hours = law.cost_limit_hours
        values.update(
            force_name=force.name_in_text,
            force_name_possessive=force.name_in_text + "'s",
            force_short_name=force.short_name,
            act_name=law.title,
            act=law.short_title,
            equality_duty=duty,
            equality_duty_bare=duty.removeprefix("the "),
            advice_section=law.advice_section,
            cost_section=law.cost_section,
            cost_limit=law.cost_limit_text,
            cost_limit_pounds=f"£{law.cost_limit_pounds}",
            cost_limit_hours=f"{hours:g}" if hours == int(hours) else f"{hours:.1f}",
            hourly_rate=f"£{law.hourly_rate_pounds}",
        )
    return values


FIELD_WORDS = {
    "force_name": "the force", "force_short_name": "the force", "act_name": "the Act",
    "act": "the Act", "equality_duty": "the equality duty", "system_name": "the system",
    "period_start": "the start of the period", "period_end": "the end of the period",
    "force_name_possessive": "the force's", "equality_duty_bare": "equality duty",
    "advice_section": "the advice section", "cost_section": "the cost section",
    "cost_limit": "the cost limit", "cost_limit_pounds": "the limit in pounds",
    "cost_limit_hours": "the limit's hours", "hourly_rate": "the hourly rate",
}
"""How a `{field}` reads where no letter fills it yet (the outline, tooltips, the order dialog, a
coverage table): in words, never in braces."""


# -- fields as words in the part editor --------------------------------------------------------------
FIELD_WORDS_EDITING = {
    "force_name": "the force's name", "force_short_name": "the force's short name",
    "act_name": "the Act's name", "act": "the Act's short name",
    "equality_duty": "the equality duty", "system_name": "the system",
    "period_start": "the start of the period", "period_end": "the end of the period",
}
"""How the part editor shows a `{field}`: each in different words, so the words turn back into
the field unambiguously."""

FIELD_OPEN, FIELD_CLOSE = "\u2068", "\u2069"  # Unicode isolate marks: invisible on screen
_SHOWN_FIELD = re.compile(f"{FIELD_OPEN}([^{FIELD_OPEN}{FIELD_CLOSE}]*){FIELD_CLOSE}")


def field_in_words(name: str) -> str:
    return FIELD_WORDS_EDITING.get(name, name.replace("_", " "))


_FIELD_AFTER_THE = re.compile(r"(\bthe\s+)?\{([a-z][a-z0-9_]*)\}", re.IGNORECASE)


def fields_as_words(text: str) -> str:
    """`Has {force_name} used …` -> `Has ⁨the force's name⁩ used …`: each field in words between
    invisible marks, for a person to read and edit; `words_as_fields` turns it back. After the
    writer's own "the" the words drop theirs ("under the ⁨Act's name⁩", not "the the")."""

    def shown(match: re.Match[str]) -> str:
        the, words = match.group(1) or "", field_in_words(match.group(2))
        if the and words.startswith("the "):
            words = words[len("the "):]
        return f"{the}{FIELD_OPEN}{words}{FIELD_CLOSE}"

    return _FIELD_AFTER_THE.sub(shown, text)


def words_as_fields(shown: str, known: Iterable[str] = ()) -> str:
    """The inverse of `fields_as_words`. A marked span whose words were changed is kept as the
    words typed (nothing typed is lost), and stray marks are dropped. `known` adds the names of
    fields beyond the standard ones (a request's own, such as `contract_ref`)."""
    names = {}
    for n in [*FIELD_WORDS_EDITING, *known]:
        words = field_in_words(n)
        names[words] = n
        if words.startswith("the "):
            names.setdefault(words[len("the "):], n)

    def back(match: re.Match[str]) -> str:
        name = names.get(match.group(1))
        return f"{{{name}}}" if name else match.group(1)

    return _SHOWN_FIELD.sub(back, shown).replace(FIELD_OPEN, "").replace(FIELD_CLOSE, "")


_THE_FIELD = re.compile(r"\b(the)\s+\{(\w+)\}", re.IGNORECASE)


def readable(text: str, request: Request, force: Force | None = None) -> str:
    """`text` with each field filled from the request (and `force`, if given) or else in words;
    "the {act_name}" with no force reads "the Act", not "the the Act"."""
    values = field_values(request, force)

    def once(match: re.Match[str]) -> str:
        words = FIELD_WORDS.get(match.group(2), "")
        if match.group(2) in values or not words.startswith("the "):
            return match.group(0)
        return match.group(1) + words[len("the"):]

    return fill_fields(_THE_FIELD.sub(once, text), FIELD_WORDS | values)
