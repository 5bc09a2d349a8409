"""A count of what the force has now ("how many dogs do you own") is dated by the day the force
answers. It gives no period to spending or events asked about beside it, so those still need one;
a dated snapshot ("as at 31 March 2024") does date the request."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def period_warnings(*parts: str) -> set[str]:
    request = Request(parts=[Part(text=t) for t in parts])
    return {f"{f.rule}@{f.part_id}" for f in check(request, requester=JANE)
            if f.severity == "warning" and "no-period" in f.rule}, request


@pytest.mark.parametrize("now, flow", [
    ("How many police dogs does the force own?", "How much was spent on kennelling and food for them?"),
    ("How many drones do you currently operate?", "How many times were they deployed to search for missing people?"),
    ("How many horses do you have?", "How much have you paid to vets for the horses?"),
])
def test_a_count_as_it_stands_lends_no_period_to_spending_or_events(now, flow):
    warned, request = period_warnings(now, flow)
    second = request.parts[1].id
    assert f"clarity.no-period@{second}" in warned
    assert not any(w.endswith(request.parts[0].id) for w in warned)  # the count as it stands needs none


@pytest.mark.parametrize("dated, flow", [
    ("How many police dogs did the force own as at 31 March 2024?", "How much was spent on kennelling and food for them?"),
    ("How many police dogs does the force own?", "How much was spent on kennelling and food for them in 2023-24?"),
    # The same count as it stands, cut another way: it shares the day the force answers.
    ("How many police dogs does the force own?", "How many of them are over eight years old?"),
])
def test_a_dated_count_or_a_period_of_its_own_needs_nothing_more(dated, flow):
    warned, _ = period_warnings(dated, flow)
    assert not any(w.startswith("clarity.no-period") for w in warned)


def test_a_total_for_each_of_the_last_years_is_not_a_row_per_person():
    """The period a fix adds ("for each of the last five full calendar years") asks for a total per year,
    so the characteristics asked for stay totals, not one identifying row per person."""
    text = ("How many people were arrested as a result of the system, and their age, race and gender, "
            "for each of the last five full calendar years?")
    request = Request(parts=[Part(text=text)])
    assert not [f for f in check(request, requester=JANE) if f.rule == "personal_data.record-level"]
    per_person = Request(parts=[Part(text="For each arrest, the date, age, race and gender of the person arrested.")])
    assert [f for f in check(per_person, requester=JANE) if f.rule == "personal_data.record-level"]
