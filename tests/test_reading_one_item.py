"""One identified item is small, wherever it is named (DIAG-B-wrong, principle B): one named person's
death, disappearance or case with its year; a part pointing back with a definite noun ("the entire
correspondence", "the arrest") at the one item the introduction or the parent names; an item noun dated
by the things around it ("the decision taken after the letters of 3 May and 9 June"); a count of things
inside one singular event ("seized from an unlicensed bar in Eastfield"). Each is the few records filed
under it: no per-record or mailbox estimate, no missing period, no open scope, no broad warning, and an
event's year is when it happened, not where a search starts. A class of items keeps its warnings. The
sentences are written for the test, on subjects of their own, beside the diagnosis's own examples."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.engine import Context
from composer.checker.estimate import ONE_ITEM_HOURS, estimate
from composer.checker.reading import read_part
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")
ITEM_RULES = {"cost.estimate", "cost.no-period", "cost.open-scope", "cost.case-records", "clarity.broad",
              "clarity.no-period"}


def _request(text: str, intro: str = "") -> Request:
    return Request(introduction=intro or None, parts=[Part(text=text)])


def reading_of(text: str, intro: str = ""):
    ctx = Context(_request(text, intro), None, None)
    return ctx, read_part(ctx, ctx.items[0])


def loud(text: str, intro: str = "") -> set[str]:
    return {f.rule for f in check(_request(text, intro), requester=JANE) if f.severity in ("warning", "error")}


# (part, introduction)
ONE_ITEM = [
    # the diagnosis's own
    ("Please send all information held about the 1988 disappearance of Mary Roe, including statements.", ""),
    ("I request the entire correspondence between the two services from May to July 2022.",
     "Your officers swapped a chain of emails with the fire service about a bonfire near my house."),
    ("How many bottles were seized from an unlicensed bar in Eastfield?", ""),
    # ours: other events, word orders, possessive and titled names, a year before or after, a raid, a ruling
    ("All records held about the 1969 murder of PC Alan Dunmore, including the case papers.", ""),
    ("Copies of the investigation file into the 1994 abduction of Sarah Kell.", ""),
    ("The case file for the investigation into the death of John Fairbank in 1977.", ""),
    ("Please send the custody record and all correspondence about the arrest.",
     "On 3 March 2023 my son was arrested outside Northtown station."),
    ("How many knives were recovered in the raid on the Eastfield warehouse?", ""),
    ("Please provide all documents about the ruling of the appeals panel made after the hearings on 2 May and "
     "14 June 2022.", ""),
    ("Please provide all information about the decision of the registrar taken after the submissions of 3 May "
     "and 9 June 2021.", ""),
]


@pytest.mark.parametrize("text, intro", ONE_ITEM)
def test_one_identified_item_is_a_few_records(text, intro):
    ctx, reading = reading_of(text, intro)
    assert reading.item is not None, reading.describe()
    found = estimate(reading, ctx.law)
    assert found.hours <= ONE_ITEM_HOURS + 1 and not found.manual, found.words
    assert not loud(text, intro) & ITEM_RULES


def test_an_events_year_is_not_where_an_archive_search_starts():
    ctx, reading = reading_of("Please send all information held about the 1969 murder of PC Alan Dunmore.")
    assert "archived paper" not in estimate(reading, ctx.law).words
    assert reading.period is None or reading.period.years <= 1


# (part, introduction, a rule that must still warn)
A_CLASS = [
    # the diagnosis's own
    ("All information held about disappearances of young people since 1988.", "", "clarity.broad"),
    ("All correspondence between your force and the fire service from May to July 2022.", "", "cost.open-scope"),
    ("How many bottles were seized from unlicensed bars?", "", "cost.no-period"),
    # ours
    ("All information held about murders of women since 1969.", "", "cost.open-scope"),
    ("How many phones are seized during a search?", "", "cost.no-period"),
    ("Any correspondence about arrests made outside Northtown station.", "", "clarity.broad"),
    ("All records about the decisions of the appeals panel since 2015.", "", "cost.open-scope"),
    ("All correspondence between your force and the fire service about bonfires in 2022.",
     "Your officers swapped a chain of emails with the fire service about a bonfire near my house.",
     "cost.open-scope"),
]


@pytest.mark.parametrize("text, intro, rule", A_CLASS)
def test_a_class_of_items_keeps_its_warning(text, intro, rule):
    _, reading = reading_of(text, intro)
    assert reading.item is None, reading.item
    assert rule in loud(text, intro)
