"""What a part counts, read from what its words mean rather than from the first word that names a
kind of record: who made a thing is not a count of staff; officers sent to an incident are a
deployment, not an HR record; a bite by a police dog is force used, a bite by someone's dog is a
crime; a flag a system keeps is counted by a query; the days between two dates a register logs are
worked out by a query; a station named is one place. Every sentence here is written for the test,
on subjects of its own, and each change has sentences that must change and sentences that must not."""

from __future__ import annotations

import pytest

from composer.checker.reading import read_text


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
