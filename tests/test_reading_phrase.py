"""A word is read inside its phrase (DIAG-B-wrong, principle D): "details of the number of …" asks for a
count, not the details of each record; a characteristic word inside the name of an offence, a harm or a
group of victims ("race hate crime", "sex grooming", "age discrimination") is no breakdown by that
characteristic; a word inside the public name of a scandal or inquiry, or used of a group a named inquiry
or report fixes, is not a term the requester must define. The sentences are written for the test, on
subjects of their own, beside the diagnosis's own examples."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.estimate import estimate
from composer.checker.reading import read_text
from composer.law import law_for
from composer.model import Act, Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def warnings(text: str) -> set[str]:
    request = Request(parts=[Part(text=text)])
    return {f.rule for f in check(request, requester=JANE) if f.severity in ("warning", "error")}


# -- "details of the number of …" is a count -------------------------------------------------------------

COUNTS = [
    "Please provide details of the number of civilian investigators currently on career breaks.",
    "Could you give me details of the total number of firearms certificates revoked in 2022?",
    "Details of the figures for vehicles seized under section 165 in 2021, please.",
    "In 2020, 2021 and 2022: details of the numbers of special constables who resigned.",
]


@pytest.mark.parametrize("text", COUNTS)
def test_details_of_a_number_is_a_count(text):
    assert read_text(text).action == "count"


def test_details_of_the_number_suspended_is_counted_from_the_fields():
    """The Met suspensions shape: length of suspension, rank and sex are fields of the case and of HR."""
    text = ("Please provide details of the number of officers suspended on full pay in the last three years, with "
            "the length of suspension, rank and sex.")
    reading = read_text(text)
    assert reading.action == "count" and reading.free_text is None
    assert reading.record is not None and reading.record.id == "complaints_misconduct"
    assert not estimate(reading, law_for(Act.FOIA)).manual
    assert "cost.estimate" not in warnings(text)


PER_RECORD = [
    "Please provide details of each civilian investigator on a career break: grade and department.",
    "Details of the officers suspended in 2023, with the reason for each suspension.",
    "Details of the number plates of vehicles seized in 2022.",
    "Full details of every complaint made against the firearms unit in 2021.",
]


@pytest.mark.parametrize("text", PER_RECORD)
def test_details_of_each_record_is_still_per_record(text):
    assert read_text(text).action == "records"


# -- a characteristic inside an offence, harm or victim compound is no breakdown -------------------------

# (sentence, the breakdown it must not be read as asking for)
COMPOUNDS = [
    ("How much compensation has the force paid to victims of race hate crime since 2015?", "ethnicity"),
    ("How many sex grooming offences were recorded in 2021?", "sex"),
    ("How much did the force pay out in race discrimination settlements to staff in 2020-2023?", "ethnicity"),
    ("What did the force spend on age discrimination claims in 2023?", "age"),
    ("In 2022, what did the force pay victims of sex trafficking rings in compensation?", "sex"),
    ("What has the force's religious hate crime unit cost each year since 2019?", "religion"),
    ("How much has the force paid to the victims of the Northtown sex grooming gangs, in total, since 2012?", "sex"),
]


@pytest.mark.parametrize("text, dimension", COMPOUNDS)
def test_a_characteristic_inside_a_compound_is_no_breakdown(text, dimension):
    reading = read_text(text)
    assert dimension not in reading.breakdowns, reading.describe()
    assert "cost.estimate" not in warnings(text)


REAL_SPLITS = [
    ("How much compensation has the force paid since 2015, broken down by the sex of the recipient?", "sex"),
    ("How many hate crimes were recorded in 2022, by race and religion of the victim?", "ethnicity"),
    ("How many victims of sexual offences in 2023 were under 18, by sex?", "sex"),
    ("How many discrimination claims did staff bring in 2023, by the age of the claimant?", "age"),
    ("Race hate crimes recorded in 2021, with the sex of each victim.", "sex"),
    ("Settlements paid in 2022 to victims of sex trafficking, by the victim's ethnicity.", "ethnicity"),
]


@pytest.mark.parametrize("text, dimension", REAL_SPLITS)
def test_a_real_split_by_a_characteristic_stays(text, dimension):
    assert dimension in read_text(text).breakdowns


def test_a_split_finance_does_not_hold_still_costs():
    assert "cost.estimate" in warnings(
        "How much compensation has the force paid since 2015, broken down by the sex of the recipient?")


# -- a word in the public name of a scandal or inquiry is not a term to define -------------------------

NAMED_GROUPS = [
    "How much has the force paid in settlements to people exploited by the drug gangs named in the 2019 Example "
    "Inquiry report?",
    "How many officers were disciplined after the Northtown grooming gangs inquiry?",
    "What compensation has been paid to victims of the Eastfield gang scandal since 2016?",
    "Since 2018, how many claims have victims of the gangs identified by the Southport serious case review brought?",
    "Please provide the number of officers who gave evidence to the Westvale gang-violence inquest in 2021.",
    "Settlements paid in 2023 to the victims of the 'county lines gang affair' in Northtown.",
]


@pytest.mark.parametrize("text", NAMED_GROUPS)
def test_a_term_in_a_scandal_or_inquiry_name_is_not_undefined(text):
    assert "clarity.undefined-term" not in warnings(text)


UNDEFINED = [
    "How many gang members live in Northtown?",
    "How many gangs were active in Eastfield in 2023, as reported in the local paper?",
    "How many arrests in 2022 were of gang members?",
    "How many gangs operate in the force area, and what inquiries has the force made into them?",
    "List the gangs the force investigated in 2021.",
    "How many crimes in 2023 were gang-related?",
]


@pytest.mark.parametrize("text", UNDEFINED)
def test_a_term_the_request_leaves_open_still_needs_defining(text):
    assert "clarity.undefined-term" in warnings(text)
