"""What police records hold, read from principle (resources/holdings.toml, coded.toml): for each
principle, wording that must draw a cost warning and wording that must not, and the record the
part is read as."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.calibration import LAW
from composer.checker.engine import Context
from composer.checker.reading import read_part
from composer.model import Part, Request


def R(*parts: str) -> Request:
    return Request(parts=[Part(text=text) for text in parts])


def cost_warnings(request: Request) -> set[str]:
    """Cost warnings at the law's own threshold, apart from the setting fitted to outcomes."""
    return {f.rule for f in check(request, calibration=LAW) if f.category == "cost" and f.severity != "info"}


def record_of(request: Request, index: int = 0) -> str | None:
    ctx = Context(request, None, None)
    reading = read_part(ctx, ctx.items[index])
    return reading.record.id if reading.record is not None else None


# (why, request, must it draw a cost warning?)
CASES = [
    # A scheme's own name is no breakdown: "Sex" in the Child Sex Offender Disclosure Scheme.
    ("the scheme's name", R("How many applications did the force receive under the Child Sex Offender Disclosure "
                            "Scheme (Sarah's Law) in 2018?"), False),
    ("the applicants' sex before the national collection",
     R("How many Clare's Law applications did the force receive in each year from 2015 to 2018, broken down by the "
       "sex of the applicant?"), True),
    # A complaint about the police is a professional standards case, counted by its coded category.
    ("complaints against officers by category",
     R("The total number of complaints that were logged against officers at your force by year from 2018 to 2022, "
       "broken down by the category of the complaint."), False),
    ("details of how many is a count", R("Please provide details of how many complaints were made against officers "
                                         "in 2023."), False),
    ("a summary of every complaint", R("For each complaint made about policing at football matches since 2013, "
                                       "please provide a summary of what the complaint was."), True),
    # The allegation category narrows the cases read for their details.
    ("the few disciplined for misusing data", R("For each officer disciplined in 2023 for misuse of police data "
                                                "systems, please provide a description of the case."), False),
    ("a description of every case", R("For each misconduct case in 2023, please provide a description of the "
                                      "case."), True),
    # The Police National Computer named as a system used is the subject, not a register to check against.
    ("misuse of the PNC", R("How many officers and staff were disciplined in 2019 for misuse of the PNC?"), False),
    ("arrests checked against the PNC", R("How many people arrested in 2023 had previous convictions on the PNC?"), True),
    # Sickness absence is entered with a reason category; the diagnosis is in the fit notes.
    ("sick days by reason category", R("How many sick days did police officers take in 2023 where mental health was "
                                       "cited as the reason?"), False),
    ("a diagnosis behind each absence", R("How many work days did officers miss in each year from 2019 to 2023 due "
                                          "to diagnosed PTSD?"), True),
    # A salary sacrifice scheme is a pay element of its own in payroll.
    ("members of a salary sacrifice scheme", R("How many staff members used the Cycle to Work scheme in each of the "
                                               "last five years?"), False),
    # Shoplifting is a crime classification: the month's reports read for their details, or counted.
    ("the details of each shoplifting report", R("Full details of each shoplifting report during December 2019, "
                                                 "including the items stolen and their value."), True),
    ("shoplifting counted by month", R("How many shoplifting offences were recorded in 2023, by month?"), False),
    # A register about people is looked up person by person; a flight log has no person to look up.
    ("drone flights and prosecutions", R("How many drone flights did the force make in 2023 and how many led to a "
                                         "prosecution?"), False),
    ("crimes by certificate holders", R("How many violent crimes in the last five years were committed by people "
                                        "holding a shotgun certificate?"), True),
    # A victim's trade is no field of a crime record, whatever the trade.
    ("the victims' trade", R("How many assaults on lorry drivers were recorded in each of the last three years?"), True),
    ("threats to members of parliament", R("How many threats of violence towards Members of Parliament were "
                                           "reported to the force in each year from 2015 to 2024?"), True),
    ("threats to kill counted", R("How many threats to kill were recorded in 2023?"), False),
    ("the Metropolitan Police Service's arrests", R("How many arrests were made by the MPS in 2023?"), False),
    # Injuries to the public at an event sit in no field, whichever way round the sentence runs.
    ("injuries sustained by protesters", R("How many injuries were sustained by protesters during the protests in "
                                           "the city centre on 21 March 2021?"), True),
    # Whether officers went to a crime is on the call's log, not the crime record.
    ("crimes attended", R("How many burglaries in 2022 were attended by officers?"), True),
    ("crimes recorded", R("How many burglaries were recorded in 2022?"), False),
    ("named in tribunal claims", R("In the last 5 years how many officers have been cited in employment "
                                   "tribunal claims?"), True),
]


@pytest.mark.parametrize("why, request_, expected", CASES, ids=[c[0] for c in CASES])
def test_cost_warning(why, request_, expected):
    assert bool(cost_warnings(request_)) is expected, why


@pytest.mark.parametrize("text, record", [
    ("How many complaints were logged against officers in 2023?", "complaints_misconduct"),
    ("How many complaints have been made regarding policing at football matches since 2013?", "complaints_misconduct"),
    ("How many calls to the police in 2023 were complaints about noisy neighbours?", "incidents"),
    ("Full details of each shoplifting report during December 2019.", "recorded_crime"),
])
def test_the_kind_of_record_follows_what_is_counted(text, record):
    assert record_of(R(text)) == record
