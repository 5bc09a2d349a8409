"""An introduction that only gives background asks for nothing: what it mentions is not what the
request asks for, so it raises no warning of a refusal, unless a part points back at it."""

from __future__ import annotations

from composer.checker import check
from composer.checker.calibration import LAW
from composer.checker.reading import asks_for_something
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")
GROUNDS = ("cost", "exemption", "personal_data", "clarity")

SEARCH = "Officers from the force searched the home of a councillor at 9 Beech Road on 2 June 2023."


def _loud(intro: str, *parts: str) -> list[tuple[str, bool]]:
    request = Request(introduction=intro, parts=[Part(text=t) for t in parts])
    return [(f.rule, f.part_id is None) for f in check(request, requester=JANE, calibration=LAW)
            if f.severity != "info" and f.category in GROUNDS]


def test_background_with_a_policy_question_raises_nothing():
    assert _loud(SEARCH, "What is the force's policy on searching the homes of elected members?") == []


def test_a_part_pointing_back_at_the_background_still_warns():
    found = _loud(SEARCH, "Was anything seized during the search mentioned above?")
    assert ("exemption.one-case", True) in found  # on the introduction: the search is what is asked about


def test_an_introduction_that_asks_still_warns():
    asked = "Please tell me whether anything was seized when officers searched 9 Beech Road on 2 June 2023."
    assert ("exemption.one-case", True) in _loud(asked, "What is the force's policy on searching homes?")


def test_background_does_not_lend_its_case_to_a_part_that_does_not_lean_on_it():
    flood = ("Last winter the river burst its banks at 22 Quay Street and residents were moved out by officers "
             "on 8 January 2024, as the local paper reported.")
    assert _loud(flood, "Does the force have a written plan for moving residents out during floods?",
                 "Was that plan reviewed afterwards?") == []
    # the nearest wording that is about the flood itself: the part says so
    assert any(rule.startswith(("exemption", "personal_data")) for rule, _ in _loud(
        flood, "Please send me the log of this incident, with the names of the officers who attended."))


def test_what_counts_as_asking():
    assert asks_for_something("Please provide the following:")
    assert asks_for_something("I am interested in the radio found in the car.")
    assert asks_for_something("My questions are about the house at 3 Elm Close.")
    assert asks_for_something("I am asking about the force's use of number plate readers.")
    assert asks_for_something("I am writing about the assault outside the bus station on 4 May 2024.")
    assert asks_for_something("1 Recorded crimes where the location is a school")  # a list's first item
    assert not asks_for_something("The issue of road closures worries many drivers in the county.")
    assert not asks_for_something("In 2023 the force replaced its radio system, as the local paper reported.")
