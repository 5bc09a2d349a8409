"""Finding names loads the first-name list only when a name is there to look at, and reads from it
only the names (fix12): what it finds is what the detector's list found."""

from __future__ import annotations

import pytest

from composer import library
from composer.library import COMMON_WORDS, find_names

detector = pytest.importorskip("gender_guesser.detector", reason="gender-guesser, declared in pyproject.toml, is "
                               "not installed in this environment: pip install -e '.[test]' again")


def test_the_names_read_are_the_detector_s_names():
    """Read straight from the package's list, the names are the ones its detector holds, "+" names
    ("Jun+Wei") in each of their three spellings."""
    library._given_names.cache_clear()
    by_detector = {n for n in detector.Detector(case_sensitive=True).names if n.lower() not in COMMON_WORDS}
    read = library._given_names()
    assert read == by_detector
    assert {"Priya", "Siobhan", "Jun-Wei", "Jun Wei"} <= read


@pytest.mark.parametrize("text", [
    "How many drones does the force own, and what did they cost in 2025?",
    "In April 2020 the review began; Are Avon and Somerset Police among them?",
    "Please send the Jane Doe Review.",
])
def test_no_first_name_list_is_read_for_a_text_with_no_name_to_look_at(text):
    library._given_names.cache_clear()
    assert find_names(text) == []
    assert library._given_names.cache_info().currsize == 0


def test_the_list_is_read_when_a_name_is_there():
    library._given_names.cache_clear()
    assert [n.name for n in find_names("I am also helping Priya Sharma with her request.")] == ["Priya Sharma"]
    assert library._given_names.cache_info().currsize == 1
