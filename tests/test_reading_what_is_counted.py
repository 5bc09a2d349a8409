"""What a part counts, read from what its words mean rather than from the first word that names a
kind of record: who made a thing is not a count of staff; armed officers sent somewhere are a
deployment, not an HR record; a bite by someone's dog is a crime, not force the police used; a flag
a system keeps is counted by a query; the days between two dates a register logs are worked out by
a query; a station named is one place. Every sentence here is written for the test, on subjects of
its own, and each change has sentences that must change and sentences that must not."""

from __future__ import annotations

import pytest

from composer.checker.estimate import estimate, expected_cell
from composer.checker.reading import read_text
from composer.law import law_for
from composer.model import Act


def record_of(text: str) -> str | None:
    reading = read_text(text)
    return reading.record.id if reading.record is not None else None


# -- who made or keeps a thing: the people offered as its makers are not the workforce counted --------

MAKERS = [
    "Who developed the system, a company or staff of the force?",
    "Who developed the app, and who supplies or maintains it now: a company (please name it), another public "
    "body (please name it), or staff of the force?",
    "Was the mobile app written by officers of the force or by a commercial firm?",
    "Who designed the training course for call handlers: the force's own staff, a university or a private company?",
]
STAFF = [
    ("How many staff of the force work on the system?", "workforce"),
    ("Who is the most senior officer responsible for the system?", "workforce"),
    ("How many officers were trained by an external company to use body-worn video in 2023?", "workforce"),
    ("Which officers approved the purchase of the drones?", "air_support"),
]


@pytest.mark.parametrize("text", MAKERS)
def test_who_made_a_thing_is_not_a_workforce_record(text):
    reading = read_text(text)
    assert reading.record is None
    assert reading.action in ("list", "yes_no")
    assert "workforce" not in reading.describe()


@pytest.mark.parametrize("text, record", STAFF)
def test_staff_counted_or_named_are_still_the_workforce(text, record):
    assert record_of(text) == record


# -- the hours: what each kind of record holds decides whether it is a query or a reading by hand -----

def hours(text: str) -> tuple[float, bool, str]:
    """(hours, read by hand?, the kind of record) for a one-part request, in a middling force."""
    reading = read_text(text)
    found = estimate(reading, law_for(Act.FOIA))
    return found.hours, found.manual, reading.record.id if reading.record is not None else ""


# (why, text, the kind of record it is read from, must it be read by hand?)
HOURS = [
    # Armed officers sent somewhere: each deployment is authorised and logged, and counted for the Home Office.
    ("armed officers sent to a town", "How many firearms officers were deployed to Northtown in 2023?",
     "firearms_operations", False),
    ("armed vehicles dispatched", "How many armed response vehicles were dispatched to incidents in Bexford during 2022?",
     "firearms_operations", False),
    ("armed deployments by month", "How many times were armed officers deployed in the force area in each month of 2024?",
     "firearms_operations", False),
    ("the armed officers the force has", "How many firearms officers does the force have?", "workforce", False),
    ("armed officers on a date, by sex", "How many authorised firearms officers were there on 31 March 2023, by sex?",
     "workforce", False),
    # A bite or attack by someone's dog is the owner's offence (Dangerous Dogs Act 1991 s3), counted by its code;
    # force used on an animal has no category on the use-of-force form.
    ("dog bites, no police dog named", "How many dog bites were recorded in 2022 and 2023?", "recorded_crime", False),
    ("people bitten by dogs", "How many people were bitten by dogs in the force area last year?", "recorded_crime", False),
    ("dog attacks on children", "How many dog attacks on children were reported in 2023?", "recorded_crime", False),
    ("the force's own dogs", "How many police dogs does the force have, by breed?", "police_dogs", False),
    ("force used on dogs", "How many uses of force in 2023 were against dogs or other animals?", "use_of_force", True),
    ("the breed of a biting dog", "How many dog attacks involving XL bullies were recorded in 2023?", "recorded_crime", True),
    # A football qualifier on the incident log is counted by a query; the kind of place is in the notes.
    ("incidents at matches", "How many incidents at football matches were recorded in 2023?", "incidents", False),
    ("football-related incidents", "How many football-related incidents were recorded in 2022?", "incidents", False),
    ("incidents at care homes", "How many incidents at care homes were recorded in 2023?", "incidents", True),
    ("crimes at grounds", "How many crimes were recorded at football grounds in 2023?", "recorded_crime", True),
    # Clare's Law: the dates are logged, so the time between them is a query; the applicant's sex was not a field.
    ("the average time taken", "For Clare's Law applications in 2023, what was the average time taken between "
     "application and disclosure?", "disclosure_schemes", False),
    ("the time it took, each year", "How long did it take on average to complete a Right to Know application in each "
     "year from 2020 to 2023, and what was the time it took in the slowest case?", "disclosure_schemes", False),
    ("the applicant's gender", "How many Clare's Law applications were made in 2023, broken down by the applicant's "
     "gender?", "disclosure_schemes", True),
    ("totals back before the log", "How many Clare's Law applications were made each year from 2014 to 2023?",
     "disclosure_schemes", False),
    ("call answering times within the log's years", "What was the average time taken to answer 999 calls in each "
     "year from 2015 to 2023?", "incidents", False),
]


@pytest.mark.parametrize("why, text, record, manual", HOURS, ids=[h[0] for h in HOURS])
def test_the_records_a_count_is_drawn_from(why, text, record, manual):
    found, by_hand, kind = hours(text)
    assert kind == record
    assert by_hand is manual
    assert (found > law_for(Act.FOIA).cost_limit_hours) is manual


def test_bites_counted_from_crimes_are_only_the_dogs_share():
    """A breed read from each record is read across crimes about dogs, not across all crimes."""
    breed = read_text("How many dog attacks involving XL bullies were recorded in 2023?")
    assert breed.share is not None and breed.share < 0.01
    assert read_text("How many offences involving knives were recorded in 2023?").share != breed.share


# -- a station named is one place ------------------------------------------------------------------

@pytest.mark.parametrize("text, named", [
    ("How many burglaries were recorded at Northtown police station in 2023?", True),
    ("How many people were held at Eastbury custody suite in 2022, by age?", True),
    ("How many assaults took place outside Kingsmere railway station last year?", True),
    ("How many crimes were recorded in the Oakfield area in 2023?", True),
    ("How many people were arrested at the police station in 2023?", False),
    ("How many people were detained at police stations in 2023?", False),
    ("How many police stations does the force have?", False),
])
def test_a_named_station_is_one_place(text, named):
    assert read_text(text).named_place is named


def test_a_named_station_narrows_the_people_in_a_table_like_a_named_town():
    station = expected_cell(read_text("How many people were arrested at Northtown police station in 2023, by age?"))
    town = expected_cell(read_text("How many people were arrested in the Northtown area in 2023, by age?"))
    everywhere = expected_cell(read_text("How many people were arrested in 2023, by age?"))
    assert station == town
    assert station[0] < everywhere[0] / 50
