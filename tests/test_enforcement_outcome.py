"""The glossary's "offender outcome" term: counts of people "caught", "fined", "prosecuted" or
"convicted" name stages a force does not record (the prosecutor and the courts do, or no one), so
the force must ask which of its own outcomes is meant. Naming one of its outcomes settles it."""

from __future__ import annotations

import pytest

from composer.checker import check, glossary
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")
TERM = next(t for t in glossary.TERMS if t.id == "enforcement-outcome")


def term_warnings(*parts: str) -> list:
    request = Request(parts=[Part(text=t) for t in parts])
    return [f for f in check(request, requester=JANE)
            if f.rule == "clarity.undefined-term" and f.severity == "warning" and "prosecutor" in f.message]


ASKS_WHICH = [
    ("How many drivers were caught speeding on the A487 in 2023?", "caught"),
    ("The number of motorists fined for using a mobile phone while driving in 2024.", "fined"),
    ("How many people were convicted of drink driving in each year from 2019 to 2023?", "convicted"),
    ("Total number of prosecutions for dog fouling in 2022.", "prosecutions"),
    ("Figures for cyclists prosecuted for riding on the pavement, 2020 to 2024.", "prosecuted"),
]


@pytest.mark.parametrize("text, word", ASKS_WHICH)
def test_a_count_of_a_stage_the_force_does_not_record_asks_which_outcome(text, word):
    match = TERM.pattern.search(text.lower())
    assert match is not None and match.group("word") == word
    [found] = term_warnings(text)
    assert f"'{word}'" in found.message and found.law.endswith("s1(3)")
    assert found.fix is not None and "outcome types" in found.fix.new_text


OWN_OUTCOMES = [
    # The sentence names the force's own outcomes: nothing to ask.
    "How many drivers caught speeding were given a conditional offer of a fixed penalty in 2023?",
    "How many people were charged or summonsed for drink driving in 2022, and how many convicted?",
    "The number of prosecutions for shoplifting, by outcome code, in 2021.",
    # No count of offenders: a policy, or a word used in passing.
    "Please send your policy on when officers are prosecuted for driving offences.",
    "Has the force ever been fined by the Information Commissioner?",
    "A copy of the guidance on convictions spent under the Rehabilitation of Offenders Act.",
]


@pytest.mark.parametrize("text", OWN_OUTCOMES)
def test_the_forces_own_outcomes_or_no_count_ask_nothing(text):
    assert term_warnings(text) == []


def test_applying_the_definition_raises_no_new_finding():
    text = ASKS_WHICH[2][0]
    [found] = term_warnings(text)
    assert term_warnings(found.fix.new_text) == []
