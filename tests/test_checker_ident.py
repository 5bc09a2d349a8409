"""How the identifiability and neither-confirm-nor-deny findings are graded: whether they warn, and
whether they foresee a refusal to confirm or deny (the sentences are written for these tests)."""

from __future__ import annotations

import pytest
from checker_cases_ident import ask

from composer.checker import check
from composer.forces import load_directory
from composer.model import Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def loud(request, category: str, force: str | None = None):
    """The warnings of `category` on `request`."""
    forced = load_directory().get(force) if force else None
    return [f for f in check(request, force=forced, requester=JANE)
            if f.category == category and f.severity != "info"]


def test_the_name_of_one_officer_in_one_matter_is_neither_confirmed_nor_denied():
    found = loud(ask("What is the name of the inspector who authorised the search of my house?"), "personal_data")
    assert found and found[0].ncnd and "40(5B)" in found[0].law


def test_the_names_of_officers_in_general_are_withheld_not_neither_confirmed_nor_denied():
    found = loud(ask("Please give the names and ranks of the officers in the traffic unit."), "personal_data")
    assert found and not any(f.ncnd for f in found)


def test_ones_own_data_is_neither_confirmed_nor_denied_under_the_act_of_the_force():
    found = loud(ask("Please send me a copy of my custody record."), "personal_data")
    assert found and found[0].ncnd and "s40(5A)" in found[0].law
    scottish = loud(ask("Please send me a copy of my custody record."), "personal_data", force="police_scotland")
    assert scottish and "FOISA s38(1)(a)" in scottish[0].law


def test_one_case_foresees_neither_confirm_nor_deny_and_says_why():
    found = loud(ask("Is the camera on the lamp post in Mercer Street recording?"), "exemption")
    assert found and found[0].ncnd
    assert any("Mercer Street" in line for line in found[0].reasoning)
    assert any(line.startswith("Source: https://") for line in found[0].reasoning)


def test_the_cost_of_a_named_operation_draws_no_exemption_warning():
    assert loud(ask("How much did Operation Larkspur cost in 2022?"), "exemption") == []


def test_words_that_look_like_a_number_plate_are_not_one_vehicle():
    assert loud(ask("How many vehicles did the force buy under the FOI 2000 framework in 2023?"), "exemption") == []


def test_senior_ranks_message_uses_the_size_of_the_force():
    small = loud(ask("Please break down the force's officers by rank and ethnicity."), "personal_data",
                 force="cumbria_police")
    large = loud(ask("Please break down the force's officers by rank and ethnicity."), "personal_data",
                 force="the_met")
    assert small and large and small[0].message != large[0].message


def test_discipline_among_a_few_colleagues_over_a_few_weeks_is_neither_confirmed_nor_denied():
    found = loud(ask("How many officers at Harbour Street police station were suspended between 1 June 2024 and "
                     "30 June 2024?"), "personal_data")
    assert found and found[0].ncnd
    yearly = loud(ask("How many officers were suspended in each year from 2019 to 2023?"), "personal_data")
    assert not any(f.ncnd for f in yearly)


# What forces give in aggregate on the subjects they withhold (a note at most), and the same subject
# asked so that the answer would reveal it (a warning).
@pytest.mark.parametrize(("text", "warns"), [
    ("How many people were arrested for terrorism offences in 2023?", False),
    ("Has MI5 asked the force to arrest anyone at the protest?", True),
    ("How many domestic abuse refuges are there in the county?", False),
    ("Where are the domestic abuse refuges in the county?", True),
    ("How many fraud cases is the economic crime unit currently investigating?", False),
    ("How many officers in the unit are currently under investigation?", True),
    ("How many firearms incidents did armed officers attend in 2023?", False),
    ("What is the force's policy on undercover officers' relationships?", False),
    ("Which groups have the force's undercover officers joined?", True),
    ("How many directed surveillance authorisations did the force grant in 2023?", False),
    ("How much did the force pay phone companies for call records in 2023?", False),
    ("Which phone companies did the force ask for subscriber details in 2023?", True),
])
def test_aggregate_or_revealing(text, warns):
    assert bool(loud(ask(text), "exemption")) is warns


def test_the_requesters_own_address_above_the_letter_is_not_what_it_asks_about():
    letterhead = "Jane Smith\n14 Orchard Lane\nHexham NE46 3PQ\n\nDear Northumbria Police,"
    assert loud(ask("How many arrests did the force make in 2023?", intro=letterhead), "exemption") == []
    about = "Dear Northumbria Police, my questions are about the house at 14 Orchard Lane, Hexham NE46 3PQ."
    assert loud(ask("Were any arrests made there in 2023?", intro=about), "exemption")


@pytest.mark.parametrize(("intro", "part"), [
    ("Dear Mr Jones,\nI write under the Freedom of Information Act.", "How many arrests did the force make in 2023?"),
    ("Ms Jane Smith\n1 High Street\n\nDear Sir or Madam,", "How many arrests did the force make in 2023?"),
    (None, "Thank you.\nYours sincerely,\nDr Jane Smith"),
    (None, "How many arrests did the force make in 2023?\n\nYours faithfully,\nJane Smith\n14 Orchard Lane\n"
           "Hexham NE46 3PQ"),
])
def test_the_person_written_to_or_signing_is_not_one_identifiable_subject(intro, part):
    assert loud(ask(part, intro=intro), "personal_data") == []
    assert loud(ask(part, intro=intro), "exemption") == []


def test_a_person_the_request_is_about_still_is():
    assert loud(ask("Has PC Brown been disciplined since the complaint?"), "personal_data")
    assert loud(ask("Was he dismissed?", intro="Please tell me whether PC Brown was disciplined in 2023."),
                "personal_data")


def test_a_list_after_one_by_is_a_breakdown_by_each_item():
    from composer.checker.reading import breakdowns_in

    # "by" said once for the whole list: the custody suite is as much a breakdown as the ethnicity
    assert "place_fine" in breakdowns_in("how many children were strip searched, broken down by ethnicity and custody suite?")
    assert "place_fine" in breakdowns_in("how many officers have convictions, by age, sex and station?")
    # a list that ends where the sentence goes on adds nothing
    assert "place_fine" not in breakdowns_in("how many arrests were made by officers and staff who work at the "
                                             "station near the custody suite?")
    assert "place_fine" not in breakdowns_in("how many searches were there in 2023, by month and outcome?")
