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
from typing import TYPE_CHECKING

from composer.acts import Act, Nation

if TYPE_CHECKING:  # the models come with pydantic: counting days (the calendar) needs neither
    from composer.model import Force, Request


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
    complain: str  # what the requester does: FOIA s50 "complain to" the ICO; FOISA s47 "apply to" the SIC
    complained: str  # and has done: "complained", "applied"
    complaint: str  # what the requester sends, as a heading names it: "Complaint", "Application"


ICO = Regulator(
    name="Information Commissioner",
    short="ICO",
    office="Information Commissioner's Office",
    greeting="Information Commissioner",
    postal_address=("Wycliffe House", "Water Lane", "Wilmslow", "Cheshire", "SK9 5AF"),
    in_text="the ICO",
    how_to_send="the ICO takes complaints through its online form (ico.org.uk/make-a-complaint): "
                "paste this letter into it, or post it; attach the correspondence either way",
    complain="complain",
    complained="complained",
    complaint="Complaint",
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
    complain="apply",
    complained="applied",
    complaint="Application",
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
    # FOIA sets no time; the ICO asks for a complaint "within six weeks of receiving your final
    # response or last substantive contact with the public authority", and says an undue delay
    # will in most cases mean it does not consider the matter (s50(2)(b) lets it decline)
    # (ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/). FOISA s47(4)
    # is statute: six months from the review's outcome (a) or from the end of the time s21(1)
    # allowed for it (b) (legislation.gov.uk/asp/2002/13/section/47).
    complaint_window: tuple[int, str]
    complaint_window_text: str
    regulator: Regulator
    # Whether the time spent finding out if the information is held counts towards the cost
    # limit: it does under FOIA (Fees Regulations 2004 reg 4(3)(a)); FOISA's Fees Regulations
    # (SSI 2004/467 reg 3) count only locating, retrieving and providing it.
    whether_held_counts: bool = True
    # Which parts of one letter are added together for the cost limit: under FOIA a force may add
    # requests for the same or similar information (Fees Regulations 2004 reg 5); under FOISA the
    # parts of one letter are one request, whose whole projected cost is held to the limit (regs 3
    # and 5 of SSI 2004/467; SIC Decision 143/2010).
    adds_every_part: bool = False

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
        adds_every_part=True,
    ),
}


@dataclass(frozen=True)
class EqualityDuty:
    """The equality duty that binds a force: its name, where it is, and whom it protects."""

    name: str  # "the public sector equality duty"
    section: str  # "section 149"
    statute: str  # "the Equality Act 2010"
    protects: str  # whom the force must consider, as a sentence names them

    @property
    def in_text(self) -> str:
        """`the public sector equality duty in section 149 of the Equality Act 2010`."""
        return f"{self.name} in {self.section} of {self.statute}"

    @property
    def cited(self) -> str:
        """`Equality Act 2010 s149`."""
        return f"{self.statute.removeprefix('the ')} s{self.section.removeprefix('section ')}"


# The public sector equality duty binds police in England, Wales and Scotland; in Northern Ireland
# the statutory equality duty is section 75 of the Northern Ireland Act 1998.
GB_DUTY = EqualityDuty("the public sector equality duty", "section 149", "the Equality Act 2010",
                       "people with protected characteristics")
NI_DUTY = EqualityDuty("the statutory equality duty", "section 75", "the Northern Ireland Act 1998",
                       "the groups of people section 75 names (religious belief, political opinion, racial "
                       "group, age, marital status, sexual orientation, sex, disability and dependants)")
EQUALITY_DUTIES = {Nation.NORTHERN_IRELAND: NI_DUTY}


# -- the sections, per Act ------------------------------------------------------------------------
# Where the two Acts number a provision differently (personal data is FOIA s40 but FOISA s38), a
# rule, a letter or a message asks for the topic and gets the right citation for the force's Act.

# The regulations that set each Act's cost limit, as a citation names them.
FOIA_FEES = "Fees Regulations 2004 (SI 2004/3244)"  # the FOI and Data Protection (Appropriate Limit and Fees) Regs
FOISA_FEES = "Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 (SSI 2004/467)"


def _cited(act: Act, named: str) -> str:
    """`section 15` -> `FOISA s15`."""
    return f"{LAWS[act].short_title} s{named.removeprefix('section ')}"


def _equality_cited(duty: EqualityDuty) -> str:
    """`Equality Act 2010 s149; UK GDPR Art 35 (DPIA)`: an impact assessment's law for a force bound by `duty`."""
    return f"{duty.cited}; UK GDPR Art 35 (DPIA)"


# Short citations for a finding's `law` field.
LAW: dict[str, dict[Act, str]] = {
    "valid": {
        Act.FOIA: "FOIA s8(1)",
        Act.FOISA: "FOISA s8(1)",
    },
    "described": {  # a request must describe the information wanted
        Act.FOIA: "FOIA s8(1)(c)",
        Act.FOISA: "FOISA s8(1)(c)",
    },
    "not_foi": {
        Act.FOIA: "FOIA s3 and Schedule 1",
        Act.FOISA: "FOISA s3 and Schedule 1",
    },
    "cost": {
        Act.FOIA: f"{_cited(Act.FOIA, LAWS[Act.FOIA].cost_section)}; {FOIA_FEES} regs 3-4",
        Act.FOISA: f"{_cited(Act.FOISA, LAWS[Act.FOISA].cost_section)}; {FOISA_FEES}",
    },
    "cost_clause": {
        Act.FOIA: f"{_cited(Act.FOIA, LAWS[Act.FOIA].cost_section)} and "
                  f"s{LAWS[Act.FOIA].advice_section.removeprefix('section ')}; {FOIA_FEES} reg 4",
        Act.FOISA: f"{_cited(Act.FOISA, LAWS[Act.FOISA].cost_section)} and "
                   f"s{LAWS[Act.FOISA].advice_section.removeprefix('section ')}; {FOISA_FEES}",
    },
    "personal": {
        Act.FOIA: "FOIA s40(2)",
        Act.FOISA: "FOISA s38(1)(b)",
    },
    "personal_ncnd": {
        Act.FOIA: "FOIA s40(2) and s40(5B)",
        Act.FOISA: "FOISA s38(1)(b) and s18",
    },
    "own_data": {
        Act.FOIA: "FOIA s40(1) and s40(5A); UK GDPR Art 15; Data Protection Act 2018 s45",
        Act.FOISA: "FOISA s38(1)(a) and s18; UK GDPR Art 15; Data Protection Act 2018 s45",
    },
    "security": {
        Act.FOIA: "FOIA s23(5) and s24(2)",
        Act.FOISA: "FOISA s31(1) and s18",
    },
    "covert": {
        Act.FOIA: "FOIA s31(3), s23(5) and s24(2)",
        Act.FOISA: "FOISA s35(1) and s18",
    },
    "investigation": {
        Act.FOIA: "FOIA s30(3) and s40(5B)",
        Act.FOISA: "FOISA s34 and s18",
    },
    "law_enforcement": {  # withheld for prejudice to the prevention of crime, having confirmed it is held
        Act.FOIA: "FOIA s31(1)",
        Act.FOISA: "FOISA s35(1)",
    },
    "operation": {
        Act.FOIA: "FOIA s31(1) and s31(3)",
        Act.FOISA: "FOISA s35(1) and s18",
    },
    "health_safety": {
        Act.FOIA: "FOIA s38(1)",
        Act.FOISA: "FOISA s39(1)",
    },
    "published": {
        Act.FOIA: "FOIA s21 (information accessible by other means)",
        Act.FOISA: "FOISA s25 (information otherwise accessible)",
    },
    "aggregation": {
        Act.FOIA: f"FOIA s12(4); {FOIA_FEES} reg 5",
        # FOISA: the parts of one letter are one request, whose projected cost (reg 3) is held to the
        # prescribed amount (reg 5) under s12(1) (SIC Decision 143/2010). s12(2) only empowers
        # aggregation rules, and SSI 2004/467's (reg 6) are for requests from different people.
        Act.FOISA: f"FOISA s12(1); {FOISA_FEES} regs 3 and 5",
    },
    "clarify": {
        Act.FOIA: "FOIA s1(3)",
        Act.FOISA: "FOISA s1(3)",
    },
    "recorded": {
        Act.FOIA: "FOIA s1(1) and s84 (information means recorded information)",
        Act.FOISA: "FOISA s1(1) and s73 (information means recorded information)",
    },
    "format": {
        Act.FOIA: "FOIA s11(1) and s11(1A)",
        Act.FOISA: "FOISA s11(1)",
    },
    "vexatious": {
        Act.FOIA: "FOIA s14(1); Dransfield v IC [2012]",
        Act.FOISA: "FOISA s14(1)",
    },
    "repeated": {  # the same request again from the same person, with no reasonable interval
        Act.FOIA: "FOIA s14(2)",
        Act.FOISA: "FOISA s14(2)",
    },
    "exemptions": {  # the Part of the Act that holds the exemptions, as a whole
        Act.FOIA: "FOIA Part II",
        Act.FOISA: "FOISA Part 2",
    },
    "act": {
        Act.FOIA: "FOIA s1; Scotland: FOISA s1",
        Act.FOISA: "FOISA s1; FOIA does not apply to Scottish public authorities (FOIA s80)",
    },
    "held": {  # whether the force holds the information at all (another force's system)
        Act.FOIA: "FOIA s1(1)(a)",
        Act.FOISA: "FOISA s1",
    },
    "advice": {act: f"{_cited(act, law.advice_section)} (advice and assistance)" for act, law in LAWS.items()},
    "equality": {  # for a force in Great Britain: `cite` gives the duty that binds any force
        Act.FOIA: _equality_cited(GB_DUTY),
        Act.FOISA: _equality_cited(GB_DUTY),
    },
}


def cite(topic: str, act: Act, force: Force | None = None) -> str:
    """`LAW`'s short citation of `topic` for a force under `act`; where the law differs by nation
    rather than by Act (the equality duty: s75 NI Act 1998 in Northern Ireland), the one that
    binds `force`."""
    if topic == "equality":
        return _equality_cited(duty_of(force))
    return LAW[topic][act]

# Sections as a message names them ("section 40(2)").
NAME: dict[str, dict[Act, str]] = {
    "valid": {Act.FOIA: "section 8", Act.FOISA: "section 8"},
    "cost": {act: law.cost_section for act, law in LAWS.items()},
    "advice": {act: law.advice_section for act, law in LAWS.items()},
    "answer": {Act.FOIA: "section 10(1)", Act.FOISA: "section 10(1)"},
    "working_day": {Act.FOIA: "section 10(6)", Act.FOISA: "section 73"},
    "extension": {Act.FOIA: "section 10(3)"},  # more time for the public interest: FOISA has none
    "extension_notice": {Act.FOIA: "section 17(2)"},  # the notice that claims it, with an estimate
    "code_of_practice": {Act.FOIA: "section 45"},  # FOIA's internal review lives in the s45 code
    "review": {Act.FOISA: "section 20(1)"},  # FOISA's requirement for review is statutory
    "review_ask": {Act.FOISA: "section 20(5)"},
    "review_answer": {Act.FOISA: "section 21(1)"},
    "complaint": {Act.FOIA: "section 50", Act.FOISA: "section 47(1)"},
    "complaint_window": {Act.FOISA: "section 47(4)"},  # FOIA sets none: the ICO's practice
    "personal": {Act.FOIA: "section 40(2)", Act.FOISA: "section 38(1)(b)"},
    "personal_ncnd": {Act.FOIA: "section 40(5B)", Act.FOISA: "section 18"},
    "own_data": {Act.FOIA: "section 40(1)", Act.FOISA: "section 38(1)(a)"},
    "security": {Act.FOIA: "sections 23 and 24", Act.FOISA: "section 31"},
    "law_enforcement": {Act.FOIA: "section 31", Act.FOISA: "section 35"},
    "investigation": {Act.FOIA: "section 30", Act.FOISA: "section 34"},
    "health_safety": {Act.FOIA: "section 38", Act.FOISA: "section 39"},
    "published": {Act.FOIA: "section 21", Act.FOISA: "section 25"},
    "ncnd": {Act.FOIA: "section 1(1)(a)", Act.FOISA: "section 18"},
    "clarify": {Act.FOIA: "section 1(3)", Act.FOISA: "section 1(3)"},
    "format": {act: law.format_section for act, law in LAWS.items()},
    "dataset": {act: law.dataset_section or law.format_section for act, law in LAWS.items()},
    "vexatious": {Act.FOIA: "section 14(1)", Act.FOISA: "section 14(1)"},
    "repeated": {Act.FOIA: "section 14(2)", Act.FOISA: "section 14(2)"},
    # What a force owes when it does not give the information: FOIA one refusal notice (s17);
    # FOISA a refusal notice (s16) or a notice that the information is not held (s17).
    "refusal_notice": {Act.FOIA: "section 17", Act.FOISA: "section 16"},
    "not_held_notice": {Act.FOISA: "section 17"},
    # The 20 working days run from the clarification's receipt: FOIA s10(6)(b) ("date of receipt"),
    # FOISA s10(1)(b); with "clarify" (s1(3)) the pair a letter cites.
    "clock_restart": {Act.FOIA: "section 10(6)", Act.FOISA: "section 10(1)(b)"},
    # FOIA weighs the public interest in excluding the duty to confirm or deny under s2(1)(b).
    "ncnd_public_interest": {Act.FOIA: "section 2(1)(b)"},
    # The Part that gives the right of access and the duties a Commissioner decides on.
    "access": {Act.FOIA: "Part I", Act.FOISA: "Part 1"},
}

# FOIA's exclusions of the duty to confirm or deny: the subsection of each exemption that sets
# the duty aside (FOISA has one provision for them all, section 18, cited with the exemption that
# would apply). "(5" is s40's (5A) and (5B), and (5) as it stood before 2018.
FOIA_CONFIRM_OR_DENY = {
    "22": "(2)", "22A": "(2)", "23": "(5)", "24": "(2)", "26": "(3)", "27": "(4)", "28": "(3)",
    "29": "(2)", "30": "(3)", "31": "(3)", "32": "(3)", "33": "(3)", "34": "(2)", "35": "(3)",
    "36": "(3)", "37": "(2)", "38": "(2)", "39": "(2)", "40": "(5", "41": "(2)", "42": "(2)",
    "43": "(3)", "44": "(2)",
}
_CITE = re.compile(r"^s(\d{1,2}[A-Z]?)(.*)$")


def sets_aside_confirm_or_deny(cite: str, act: Act) -> bool:
    """Whether a cited section (`s23(5)`, `s18`, as a campaign records them) is one under which a
    force neither confirms nor denies that it holds information, rather than one it withholds
    information under."""
    match = _CITE.match(cite)
    if match is None:
        return False
    number, limbs = match.group(1), match.group(2).lower()
    if act is Act.FOISA:
        return number == "18"
    limb = FOIA_CONFIRM_OR_DENY.get(number)
    return limb is not None and limbs.startswith(limb.lower())


# The exemption a topic's "neither confirm nor deny" is claimed with, where the topic's own section is
# the Act's general one (FOISA s18, which a force claims together with the exemption that would apply).
_CLAIMED_WITH = {"personal_ncnd": "personal"}


def ncnd_pair(topic: str, act: Act) -> str:
    """The sections a force cites to neither confirm nor deny on `topic`, as a message names them:
    "section 30, with section 1(1)(a)"; "section 18, with section 38(1)(b)"."""
    own, general = NAME[topic][act], NAME["ncnd"][act]
    if own == general:
        return f"{general}, with {NAME[_CLAIMED_WITH[topic]][act]}"
    return f"{own}, with {general}"


def section(topic: str, act: Act, *, whole: bool = False) -> str:
    """The section `NAME` gives for `topic` as a sentence names it, `section 47(1)`, or with
    `whole` without its subsections: `section 47`."""
    named = NAME[topic][act]
    return named.split("(")[0] if whole else named


def short(topic: str, act: Act, *, whole: bool = False, with_act: bool = True) -> str:
    """The section `NAME` gives for `topic` as a short citation with its Act: `FOISA s38(1)(b)`; with
    `whole` the section without its subsections, `FOISA s38`; without the Act, `s38`."""
    cited = _cited(act, section(topic, act, whole=whole))
    return cited if with_act else cited.split(" ", 1)[1]


def sections(topics: Iterable[str], act: Act, *, joiner: str = "and") -> str:
    """The sections of several topics under `act`, as a sentence names them together: `sections
    1(3) and 10(6)`; with `joiner` "or", `section 16 or 17` (one of them). A topic the Act does
    not have is left out: FOIA's notices are `section 17` alone."""
    numbers = [NAME[t][act].removeprefix("section ") for t in topics if act in NAME[t]]
    if len(numbers) == 1:
        return f"section {numbers[0]}"
    if joiner == "and":
        from composer.model import joined

        return "sections " + joined(numbers)
    return f"section {', '.join(numbers[:-1])} {joiner} {numbers[-1]}"


_ORDINAL_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def ordinal(n: int) -> str:
    """`20` -> `twentieth`, `45` -> `forty-fifth`: a count of days as the Acts write it ("the
    twentieth working day"), for 1 to 99. (A words-for-numbers package would be one more
    dependency in every install and in the standalone app, for the few numbers the Acts use.)"""
    if not 0 < n < 100:
        raise ValueError(f"no ordinal in words for {n}")
    if n < 20:
        return _ORDINAL_UNITS[n]
    tens, units = divmod(n, 10)
    if units == 0:
        return _TENS[tens][:-1] + "ieth"
    return f"{_TENS[tens]}-{_ORDINAL_UNITS[units]}"


# The Commissioners' guidance that a force should ask for clarification at once, where found: the
# ICO's "you must contact the requester as soon as possible for clarification"
# (ico.org.uk/for-organisations/foi/guide-to-managing-an-foi-request/how-to-know-whats-being-requested/).
# Nothing found from the Scottish Information Commissioner on the point, so FOISA has none here.
CLARIFY_PROMPTLY: dict[Act, str] = {
    Act.FOIA: "ico.org.uk/for-organisations/foi/guide-to-managing-an-foi-request/how-to-know-whats-being-requested/",
}


def number(topic: str, act: Act) -> int:
    """The number of the section `NAME` gives for `topic`: personal data is 40 under FOIA, 38 under FOISA."""
    return int(section(topic, act, whole=True).removeprefix("section "))


# FOIA's appropriate limit for the government departments in Schedule 1 Part I (Fees Regulations
# 2004 reg 3(2)); police forces have the £450 above (reg 3(3)). Letters copied from a department's
# guidance carry it.
CENTRAL_GOVERNMENT_LIMIT_POUNDS = 600


def section_under(section: str, act: Act) -> str:
    """A section a force cited, named with its Act when that is FOISA: FOISA s38 is personal data,
    FOIA s38 health and safety, so sections from forces under both Acts say which is which."""
    short = LAWS[act].short_title
    if act is Act.FOIA or section.upper().startswith(short.upper()):
        return section
    return f"{short} {section}"


def law_for(force_or_act: Force | Act) -> Law:
    act = force_or_act if isinstance(force_or_act, Act) else force_or_act.act
    return LAWS[act]


FORCE_FIELDS = frozenset({
    "force_name", "force_name_possessive", "force_short_name", "act_name", "act",
    "equality_duty", "equality_duty_bare", "advice_section", "cost_section", "cost_limit",
    "cost_limit_pounds", "cost_limit_hours", "hourly_rate", "chief_officer", "chief_officer_title",
})
"""The `{fields}` filled from the force a letter goes to, not from the request."""


def equality_duty(force: Force) -> str:
    """The equality duty that binds `force`, as a sentence names it ("the public sector …")."""
    return duty_of(force).in_text


def duty_of(force: Force | None) -> EqualityDuty:
    """The equality duty that binds `force` (None: a force in Great Britain)."""
    return EQUALITY_DUTIES.get(force.nation, GB_DUTY) if force is not None else GB_DUTY


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
        if force.chief_officer is not None:
            values.update(chief_officer=force.chief_office, chief_officer_title=force.chief_officer)
        else:  # an oversight body has no chief officer of police: it asks about the one it oversees
            values.update(chief_officer=f"the chief officer of the police service {force.name_in_text} oversees",
                          chief_officer_title="chief officer")
    return values


FIELD_WORDS = {
    "force_name": "the force", "force_short_name": "the force", "act_name": "the Act",
    "act": "the Act", "equality_duty": "the equality duty", "system_name": "the system",
    "period_start": "the start of the period", "period_end": "the end of the period",
    "force_name_possessive": "the force's", "equality_duty_bare": "equality duty",
    "advice_section": "the advice section", "cost_section": "the cost section",
    "cost_limit": "the cost limit", "cost_limit_pounds": "the limit in pounds",
    "cost_limit_hours": "the limit's hours", "hourly_rate": "the hourly rate",
    "chief_officer": "the force's chief officer", "chief_officer_title": "chief officer",
}
"""How a `{field}` reads where no letter fills it yet (the outline, tooltips, the order dialog, a
coverage table): in words, never in braces."""


# -- fields as words in the part editor --------------------------------------------------------------
FIELD_WORDS_EDITING = {
    "force_name": "the force's name", "force_short_name": "the force's short name",
    "act_name": "the Act's name", "act": "the Act's short name",
    "equality_duty": "the equality duty", "system_name": "the system",
    "period_start": "the start of the period", "period_end": "the end of the period",
    "chief_officer": "the force's chief officer", "chief_officer_title": "the chief officer's title",
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

    from composer.model import fill_fields

    return fill_fields(_THE_FIELD.sub(once, text), FIELD_WORDS | values)
