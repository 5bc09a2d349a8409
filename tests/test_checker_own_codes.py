"""Forces count by the codes they hold: an outcome word said of recorded crime is the outcome code
every crime carries, a marker on the crime record names its category, and the people an incident
happened to are not its category. None of these makes a force ask what was meant."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.calibration import LAW
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def _clarity(text: str) -> set[str]:
    request = Request(parts=[Part(text=text)])
    return {f.rule for f in check(request, requester=JANE, calibration=LAW)
            if f.category == "clarity" and f.severity != "info"}


@pytest.mark.parametrize("quiet, warns", [
    # an outcome word of recorded crime is its outcome code; of a missing person or a complaint it is unclear
    ("How many thefts of catalytic converters were solved in each of 2019, 2020 and 2021?",
     "How many reports of missing teenagers were resolved within a day in each of 2019, 2020 and 2021?"),
    ("What share of arson offences recorded in 2023 were cleared up?",
     "What share of complaints about noise made in 2023 were cleared up?"),
    # a marker on the crime record is the category; a crime-or-incident phrase without one is not
    ("How many rural crime incidents were recorded in the force area in 2022?",
     "How many hate crime incidents were recorded in the force area in 2022?"),
    # who it happened to, then what happened: a recognised kind is the category
    ("How many incidents involving pedestrians struck by vehicles on pavements were logged in 2023?",
     "How many incidents involving pedestrians wearing headphones were logged in 2023?"),
    ("How many incidents of members of the public being bitten by police dogs were recorded in 2021?",
     "How many incidents of members of the public filming officers were recorded in 2021?"),
])
def test_a_code_the_force_holds_needs_no_definition(quiet, warns):
    assert not _clarity(quiet) & {"clarity.undefined-term", "clarity.category"}
    assert _clarity(warns) & {"clarity.undefined-term", "clarity.category"}
