"""A senior official's official expenses and pay are the office's, not a private matter of theirs.

Forces publish their chief officers' expenses and registers of gifts and hospitality, their accounts name
senior officers' pay, and the ICO's guidance on requests for personal data about public authority employees
expects a senior official's to be disclosed. So asking for them is no neither-confirm-nor-deny matter, with
or without the office named. A junior officer's are withheld (s40(2)), not neither confirmed nor denied;
and whether anyone was complained about, investigated or disciplined, their health and their pension stay
their own, as before."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.reading import read_text
from composer.model import Part, Request


def personal(text: str) -> list:
    return [f for f in check(Request(title="t", parts=[Part(text=text)])) if f.category == "personal_data"]


THE_OFFICES_MONEY = [  # named with a senior office: nothing to warn of
    "The expenses claimed by Chief Constable Peter Hale in 2022.",
    "What expenses did Commissioner Sir Mark Rowley claim in 2023?",
    "The gifts and hospitality accepted by Assistant Chief Constable Rhoda Small in 2023.",
    "What was the salary of Chief Constable Jane Hale in 2023?",
]


@pytest.mark.parametrize("text", THE_OFFICES_MONEY)
def test_a_senior_officials_expenses_and_pay_named_with_the_office_draw_no_warning(text):
    assert read_text(text).identifies is not None  # still read as naming one person
    assert [f for f in personal(text) if f.severity != "info"] == []


NO_OFFICE = [  # named without the office: a note, never the neither-confirm-nor-deny warning
    ("What expenses did Sir Mark Rowley claim in 2023?", "expenses"),
    ("How much was Sir Mark Rowley paid in 2023, and what hospitality did he accept?", "pay"),
    ("Please provide the salary of Mr John Smith.", "pay"),
]


@pytest.mark.parametrize("text, money", NO_OFFICE)
def test_named_without_the_office_their_expenses_get_a_note_not_a_warning(text, money):
    found = personal(text)
    assert [(f.severity, f.ncnd) for f in found] == [("info", False)]
    assert f"the {money} of" in found[0].message and "publish" in found[0].message
    assert "40(2)" in found[0].law and "40(5" not in found[0].law


JUNIOR = [
    "What expenses did PC John Smith claim in 2023?",
    "How much did DCI Ben Ford claim in overtime and expenses in 2022?",
]


@pytest.mark.parametrize("text", JUNIOR)
def test_a_junior_officers_expenses_are_withheld_not_neither_confirmed_nor_denied(text):
    found = personal(text)
    assert [(f.severity, f.ncnd) for f in found] == [("warning", False)]
    assert "40(2)" in found[0].law and "40(5" not in found[0].law


THEIR_OWN = [  # their own matters warn as before, money or not
    "Any complaints made against Sir Mark Rowley in 2023.",
    "Did Sir Mark Rowley take sick leave in 2023?",
    "Was Sir Mark Rowley disciplined over his expenses claims?",
    "Has the Chief Constable, Sir Ian Example, been investigated for misconduct over his expenses?",
    "What pension will Chief Constable Peter Hale receive?",
    "What expenses did Mr John Smith claim as a witness at the inquest?",
]


@pytest.mark.parametrize("text", THEIR_OWN)
def test_their_own_matters_still_warn_neither_confirm_nor_deny(text):
    found = [f for f in personal(text) if f.severity == "warning"]
    assert found and found[0].ncnd and "40(5B)" in found[0].law
