"""How many officers are on duty at a time and place is a live roster figure, withheld under s31 as
showing when an area is thin; the duty management system's rosters hold each shift with its time and
place, so it is no cost matter of HR files read one by one (resources/holdings.toml, workforce)."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.model import Part, Request


def warned(text: str) -> dict[str, str]:
    found = check(Request(title="t", parts=[Part(text=text)]))
    return {f.category: f.message for f in found if f.severity == "warning"}


ON_DUTY = [
    "How many officers are on duty in Newtown between midnight and 6am?",
    "How many police officers were on duty in Newtown on the night of 3 March 2024 between midnight and 6am?",
    "How many officers were deployed at the protest on 3 March 2024?",
]


@pytest.mark.parametrize("text", ON_DUTY)
def test_officers_on_duty_at_a_time_and_place_are_withheld_not_costed(text):
    found = warned(text)
    assert "section 31" in found.get("exemption", "")
    assert "cost" not in found


def test_what_is_still_written_in_each_file_is_still_costed():
    found = warned("How many officers who took sick leave in 2023 were diagnosed with PTSD?")
    assert "read at" in found.get("cost", "") and "diagnos" in found["cost"]
