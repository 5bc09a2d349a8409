"""What differs between the two Acts: names, cost limits and the sections a letter cites.

Facts from the Freedom of Information Act 2000 with the Fees Regulations 2004 (SI 2004/3244),
and the Freedom of Information (Scotland) Act 2002 with the Fees Regulations 2004 (SSI 2004/467).
Every letter, clause and checker message takes its law from here, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.model import Act, Force, Nation, Request


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
    working_days: int
    regulator: str
    regulator_short: str
    # Whether the time spent finding out if the information is held counts towards the cost
    # limit: it does under FOIA (Fees Regulations 2004 reg 4(3)(a)); FOISA's Fees Regulations
    # (SSI 2004/467 reg 3) count only locating, retrieving and providing it.
    whether_held_counts: bool = True

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
        regulator="Information Commissioner",
        regulator_short="ICO",
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
        regulator="Scottish Information Commissioner",
        regulator_short="SIC",
        whether_held_counts=False,
    ),
}


def law_for(force_or_act: Force | Act) -> Law:
    act = force_or_act.act if isinstance(force_or_act, Force) else force_or_act
    return LAWS[act]


EQUALITY_DUTY = {
    # The public sector equality duty binds police in England, Wales and Scotland; in Northern
    # Ireland the statutory equality duty is section 75 of the Northern Ireland Act 1998.
    Nation.NORTHERN_IRELAND: "the statutory equality duty in section 75 of the Northern Ireland Act 1998",
}
GB_EQUALITY_DUTY = "the public sector equality duty in section 149 of the Equality Act 2010"

FORCE_FIELDS = frozenset({"force_name", "force_short_name", "act_name", "act", "equality_duty"})
"""The `{fields}` filled from the force a letter goes to, not from the request."""


def field_values(request: Request, force: Force | None) -> dict[str, str]:
    """Values for `{field}` placeholders: the request's own, then the force's."""
    values = dict(request.fields)
    if force is not None:
        law = law_for(force)
        values.update(
            force_name=force.name_in_text,
            force_short_name=force.short_name,
            act_name=law.title,
            act=law.short_title,
            equality_duty=EQUALITY_DUTY.get(force.nation, GB_EQUALITY_DUTY),
        )
    return values
