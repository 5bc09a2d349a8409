"""A warning needs what it protects, not a word: the scope of what a part asks decides it.

A breakdown field asked of every case is not one investigation; an offence's statutory name is not
the security bodies' information; officers based at a station are its standing establishment, not
who was there at a moment; misconduct proceedings are the force's personnel matter, not a criminal
investigation (s30). Each change has sentences that must change and, beside them, the nearest
sentences that must still warn. Every sentence is written for the test, on subjects of its own.
"""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def warned(text: str, intro: str = "") -> dict[str, bool]:
    """{rule: neither-confirm-nor-deny?} for each warning or error on a one-part request."""
    request = Request(introduction=intro or None, parts=[Part(text=text)])
    return {f.rule: bool(f.ncnd) for f in check(request, requester=JANE) if f.severity in ("warning", "error")}


def assert_quiet(text: str, rule: str, intro: str = "") -> None:
    assert rule not in warned(text, intro), text


def assert_warns(text: str, rule: str, intro: str = "") -> None:
    assert rule in warned(text, intro), text


# -- principle 9: misconduct is not a criminal investigation ----------------------------------------

MISCONDUCT = [
    "How many officers are currently suspended from duty?",
    "How many constables are currently under investigation for gross misconduct?",
    "How many officers who retired between 2012 and 2018 were subject to misconduct proceedings when they left?",
    "Of those, how many have been subject to disciplinary proceedings?",
    "How many members of staff are still subject to an ongoing misconduct investigation?",
]
CRIMINAL = [
    "How many officers are currently under criminal investigation?",
    "How many officers are currently under investigation for assault?",
    "Of those, how many are awaiting trial?",
    "How many members of staff are now subject to criminal proceedings?",
]


@pytest.mark.parametrize("text", MISCONDUCT)
def test_misconduct_counts_are_not_an_investigation_ncnd(text):
    assert_quiet(text, "exemption.subject")


@pytest.mark.parametrize("text", CRIMINAL)
def test_people_under_criminal_investigation_still_warn(text):
    assert_warns(text, "exemption.subject")


def test_discipline_in_one_unit_is_neither_confirmed_nor_denied_as_personal_data():
    """The few colleagues of one unit: 'none' says something about each, so s40(5B), not s30."""
    request = Request(parts=[Part(text="How many officers currently work in the force's marine unit?"),
                             Part(text="Of those, how many have been subject to disciplinary proceedings?")])
    found = [f for f in check(request, requester=JANE) if f.rule == "personal_data.staff-matters"]
    assert found and found[-1].ncnd and "40(5B)" in found[-1].message


def test_discipline_across_the_force_is_not_neither_confirmed_nor_denied():
    found = warned("How many officers were dismissed for gross misconduct in each of 2021 and 2022?")
    assert not any(found.values())


# -- principle 3: the protected subject, not the word ------------------------------------------------

FIELD_OF_EVERY_CASE = [
    "For each police pursuit in 2023, please give the type of vehicle involved and whether it crashed.",
    "In every collision recorded last year, what was the make of the car involved?",
    "Please give, for each deployment of the helicopter in 2022, the number of officers involved.",
]
ONE_CASE = [
    "Was anyone arrested after the collision at Mill Lane on 3 May 2023, and what happened to the vehicle involved?",
    "Which officers were involved in the arrest at Bexford market on 2 June 2021?",
]


@pytest.mark.parametrize("text", FIELD_OF_EVERY_CASE)
def test_a_field_asked_of_every_case_is_not_one_investigation(text):
    assert_quiet(text, "exemption.subject")


@pytest.mark.parametrize("text", ONE_CASE)
def test_one_incident_still_warns(text):
    found = warned(text)
    assert any(rule.startswith(("exemption.", "personal_data.")) and ncnd for rule, ncnd in found.items()), text


OFFENCE_COUNTS = [
    "How many people were prosecuted in 2022 for membership of a proscribed organisation?",
    "How many files were sent to the prosecutor in 2019 and 2020 for offences under section 58 of the Terrorism Act 2000?",
]
SECURITY = [
    "Has the force shared information with MI5 about members of proscribed organisations?",
    "Please provide the minutes of meetings with the Security Service about counter-terrorism in 2021.",
]


@pytest.mark.parametrize("text", OFFENCE_COUNTS)
def test_counts_under_an_offence_are_open_court_figures(text):
    assert_quiet(text, "exemption.subject")


@pytest.mark.parametrize("text", SECURITY)
def test_the_security_bodies_still_warn(text):
    assert_warns(text, "exemption.subject")


ESTABLISHMENT = [
    "How many officers of each rank are based at each police station in the force?",
    "How many PCSOs are posted to each neighbourhood team's station?",
    "Please list the number of staff working at each police station.",
]
MOMENT = [
    "How many officers were on duty at Northtown police station between 10pm and 11pm on 3 May 2023?",
    "How many officers were based at Northtown police station on the night of 3 May 2023?",
    "On each night shift in March, how many response officers were working from Bexford station?",
    "What are the minimum staffing levels for each police station?",
]


@pytest.mark.parametrize("text", ESTABLISHMENT)
def test_a_stations_standing_establishment_is_not_a_deployment(text):
    assert_quiet(text, "exemption.subject")


@pytest.mark.parametrize("text", MOMENT)
def test_who_was_there_at_a_moment_still_warns(text):
    assert_warns(text, "exemption.subject")


BACKGROUND = [
    ("Following the undercover policing scandal reported in the press, how many officers signed settlement "
     "agreements when they left the force in 2012?", ""),
    ("Please provide your policy on settlement agreements with senior officers.",
     "The undercover policing scandal, widely reported in 2011, showed that officers' conduct was hidden."),
]
ASKED = [
    ("Following the undercover policing scandal, how many undercover officers did the force deploy in 2012?", ""),
    ("How many devices does the force hold, and what did they cost in 2022?",
     "I am asking about the force's use of IMSI catchers."),
    ("How many devices does the force hold, and what did they cost in 2022?",
     "Press reports revealed that forces use IMSI catchers. I would like to know about your use of IMSI catchers."),
]


@pytest.mark.parametrize("text, intro", BACKGROUND)
def test_a_word_in_background_the_request_tells_is_not_what_it_asks(text, intro):
    assert_quiet(text, "exemption.subject", intro)


@pytest.mark.parametrize("text, intro", ASKED)
def test_the_same_word_in_what_is_asked_still_warns(text, intro):
    assert_warns(text, "exemption.subject", intro)


FLEET = [
    "Please provide the registration numbers of all fleet vehicles and the records of their servicing since 2020.",
    "Please list the registration number of each police car involved in a collision in 2022, and the status of "
    "any investigation.",
]
SOMEONES_CAR = [
    "Please give the registration number and the registered keeper of the car involved in the collision with my "
    "son on 3 May 2023.",
    "What is the registration number of the car the driver who hit me was driving, and was he charged?",
]


@pytest.mark.parametrize("text", FLEET)
def test_a_fleet_vehicles_plate_is_not_a_person(text):
    assert_quiet(text, "personal_data.identifies-one")


@pytest.mark.parametrize("text", SOMEONES_CAR)
def test_a_persons_car_still_identifies_them(text):
    assert_warns(text, "personal_data.identifies-one")


# -- principle 2: one identified item, a blank form, a policy question --------------------------------

POLICY_AFTER_EVENT = [
    "Following the incident in the town centre on 5 May 2009, which was widely reported, were your procedures "
    "for deploying officers reviewed?",
    "After the shooting at the Bexford Arms on 3 June 2019, what changes to firearms training did the force "
    "make, and what lessons were learned?",
]
CASE_AFTER_EVENT = [
    "Please provide the investigation report into the shooting at the Bexford Arms on 3 June 2019, and say "
    "whether procedures were reviewed.",
    "After the raid at 14 Mill Lane on 3 May 2023, was anyone arrested, and were your procedures reviewed?",
    "Following the incident in the town centre on 5 May 2009, was anyone arrested, and were the officers "
    "involved disciplined?",
]
NCND_OR_CASE = ("exemption.subject", "exemption.one-case", "personal_data.one-incident",
                "personal_data.case-documents", "personal_data.identifies-one")


@pytest.mark.parametrize("text", POLICY_AFTER_EVENT)
def test_a_review_of_procedures_after_a_public_event_is_a_policy_question(text):
    found = warned(text)
    assert not any(rule in found for rule in NCND_OR_CASE), (text, found)


@pytest.mark.parametrize("text", CASE_AFTER_EVENT)
def test_what_happened_in_the_case_still_warns(text):
    found = warned(text)
    assert any(rule in found for rule in NCND_OR_CASE), (text, found)


BLANK = [
    "Please send me a blank copy of the form officers complete when a complaint is made, showing the details "
    "recorded for each complaint.",
    "Please provide the template letter used to notify a complainant of the outcome of the investigation into "
    "their complaint.",
    "Please provide a specimen copy of the custody record form used in 2015.",
]
FILLED = [
    "Please provide copies of the completed forms for each complaint made in 2022, showing the details recorded.",
    "Please provide the investigation report for each complaint upheld in 2022.",
]
CASE_MATERIAL = ("personal_data.individual-records", "personal_data.case-documents", "exemption.subject",
                 "cost.estimate", "cost.case-records")


@pytest.mark.parametrize("text", BLANK)
def test_a_blank_form_is_a_document_not_case_material(text):
    found = warned(text)
    assert not any(rule in found for rule in CASE_MATERIAL), (text, found)


@pytest.mark.parametrize("text", FILLED)
def test_forms_filled_in_for_each_case_still_warn(text):
    found = warned(text)
    assert any(rule in found for rule in CASE_MATERIAL), (text, found)


ONE_ITEM = [
    "Please provide all information you hold about the decision, made on 4 June 2019, not to record the "
    "allegation as a crime.",
    "Please provide all records relating to incident reference 2023/04512, including any correspondence about it.",
    "Please provide all emails in the chain sent between your force and the council on 12 and 13 March 2021 "
    "about the closure of Mill Lane.",
]
NO_EDGE = [
    "Please provide all correspondence sent by the force on 3 May 2023.",
    "Please provide all correspondence about the closure of police stations since 2015.",
]


@pytest.mark.parametrize("text", ONE_ITEM)
def test_everything_about_one_identified_item_is_a_few_records(text):
    found = warned(text)
    assert "cost.open-scope" not in found and "cost.estimate" not in found, (text, found)


@pytest.mark.parametrize("text", NO_EDGE)
def test_everything_on_a_subject_or_a_day_still_has_no_edge(text):
    assert_warns(text, "cost.open-scope")


# -- principle 5: the cost follows the records a search returns ----------------------------------------

def _hours(text: str) -> tuple[float, bool]:
    from composer.checker.estimate import estimate
    from composer.checker.reading import read_text
    from composer.law import law_for
    from composer.model import Act

    found = estimate(read_text(text), law_for(Act.FOIA))
    return found.hours, found.manual


SUPPLIED_TERM = [
    'How many incidents logged in 2016 contained the word "Pokemon", and how many resulted in an arrest?',
    "How many burglaries were recorded in 2023 whose log contained the phrase \"back door\"?",
    "How many incidents were logged in 2022 where the caller mentioned the word 'scarecrow'?",
]
CIRCUMSTANCE = [
    "How many burglaries were recorded in 2023 where the entry point was a back door?",
    "How many incidents were logged in 2022 where the door had been left unlocked?",
]


@pytest.mark.parametrize("text", SUPPLIED_TERM)
def test_a_term_the_requester_supplies_is_searched_and_only_the_hits_read(text):
    hours, manual = _hours(text)
    assert manual and hours < 10, (text, hours)
    assert "cost.estimate" not in warned(text)


@pytest.mark.parametrize("text", CIRCUMSTANCE)
def test_a_circumstance_only_a_reader_finds_is_still_read_in_every_record(text):
    hours, manual = _hours(text)
    assert manual and hours > 18, (text, hours)
    assert_warns(text, "cost.estimate")


def test_many_years_of_hits_still_add_up():
    hours, _ = _hours('How many incidents were logged in each year from 2010 to 2022 that mentioned the word "clown"?')
    assert hours > 18


# -- principle 6: small cells need a narrow population ------------------------------------------------

@pytest.mark.parametrize("text", [
    "How many people were arrested in the Greater Manchester area in 2022, by age band and sex?",
    "How many dog thefts were recorded in the Thames Valley area in 2021, by month?",
    "How many stop and searches were carried out in the West Midlands police area in 2023, by ethnicity?",
])
def test_the_force_named_for_a_place_is_the_whole_force_area(text):
    from composer.checker.reading import read_text

    assert read_text(text).named_place is False


@pytest.mark.parametrize("text", [
    "How many people were arrested in the Bexford area in 2022, by age band and sex?",
    "How many dog thefts were recorded at Northtown police station in 2021, by month?",
    "How many stop and searches were carried out on Mill Road in 2023, by ethnicity?",
])
def test_a_town_a_station_or_a_street_is_still_a_narrow_place(text):
    from composer.checker.reading import read_text

    assert read_text(text).named_place is True


def test_a_force_area_holds_many_more_people_a_cell_than_a_town_in_it():
    from composer.checker.estimate import expected_cell
    from composer.checker.reading import read_text

    area, _ = expected_cell(read_text("How many people aged under 18 were arrested for drug offences in the West "
                                      "Midlands area in 2022, by ethnicity and sex?"))
    town, _ = expected_cell(read_text("How many people aged under 18 were arrested for drug offences in the Bexford "
                                      "area in 2022, by ethnicity and sex?"))
    assert area >= town * 50


EVENTS_BY_WHAT_HAPPENED = [
    "How many times was Taser drawn in 2023, by month and by the reason for use?",
    "How many officers were dismissed in 2022, broken down by month and by the type of misconduct?",
]
CUT_BY_WHO_WHERE_WHEN = [
    "How many times was Taser drawn in 2023 on each day, by the age and sex of the person?",
    "How many officers were dismissed in 2022, broken down by rank and station?",
]
IDENTIFIABILITY = ("personal_data.identifiable", "personal_data.staff-matters", "personal_data.small-counts",
                   "personal_data.senior-ranks")


@pytest.mark.parametrize("text", EVENTS_BY_WHAT_HAPPENED)
def test_force_wide_counts_split_by_what_happened_identify_no_one(text):
    found = warned(text)
    assert not any(rule in found for rule in IDENTIFIABILITY), (text, found)


@pytest.mark.parametrize("text", CUT_BY_WHO_WHERE_WHEN)
def test_counts_cut_by_who_where_or_the_day_still_warn(text):
    found = warned(text)
    assert any(rule in found for rule in IDENTIFIABILITY), (text, found)


def test_a_handful_of_settlement_agreements_a_year_still_warns():
    assert_warns("In 2020, 2021 and 2022 how many settlement agreements were made with officers and staff?",
                 "personal_data.staff-matters")


# -- principle 5 again: an offence named by its statute is counted by its code -------------------------

@pytest.mark.parametrize("text", [
    "Please provide a brief summary of each offence recorded under section 4 of the Hunting Act 2004 in 2019 and 2020.",
    "Please give a short description of each crime recorded contrary to the Protection of Badgers Act 1992 in 2021.",
])
def test_an_offence_named_by_its_statute_reads_only_its_own_crimes(text):
    hours, manual = _hours(text)
    assert manual and hours < 18, (text, hours)
    assert "cost.estimate" not in warned(text)


@pytest.mark.parametrize("text", [
    "Please give a short description of each offence recorded under the Misuse of Drugs Act 1971 in 2021.",
    "Please give a short description of each crime recorded under section 5 of the Public Order Act 1986 in 2021.",
    "Please give a short description of each offence recorded under the Protection of Badgers Act 1992 in each "
    "year from 2005 to 2024.",
])
def test_an_act_behind_a_large_group_or_many_years_of_a_rare_one_still_warn(text):
    assert_warns(text, "cost.estimate")


# -- principle 3 again: speed camera sites are publicised, other cameras are not ----------------------

def test_where_speed_camera_vans_stood_is_a_road_safety_figure():
    assert_quiet("Please list the locations where mobile speed camera vans were deployed in 2021, and the number "
                 "of collisions at each site.", "exemption.subject")


@pytest.mark.parametrize("text", [
    "Please list the locations where ANPR cameras were deployed in 2021.",
    "Please list the dates and locations where the force's drones were deployed in 2022.",
])
def test_where_other_cameras_are_deployed_still_warns(text):
    assert_warns(text, "exemption.subject")


# -- principle 5 again: a few dozen files that fit the limit are not a likely refusal -------------------

def test_a_small_population_read_within_the_limit_is_not_a_refusal():
    text = ("How many police horses died or were put down between 2004 and 2014, and what was the cause of death "
            "in each case?")
    hours, manual = _hours(text)
    assert manual and hours <= 18
    assert "cost.estimate" not in warned(text)


def test_a_small_population_read_past_the_limit_still_warns():
    assert_warns("How many police horses died or were put down between 1990 and 2024, and what was the cause of "
                 "death in each case?", "cost.estimate")


def test_hundreds_of_records_near_the_limit_still_warn():
    """Not a small population: the margin for the force's own estimate stays."""
    text = 'How many incidents were logged between 2018 and 2022 where the caller mentioned the word "scarecrow"?'
    hours, _ = _hours(text)
    assert hours > 10
    assert_warns(text, "cost.estimate")


# -- principle 6 again: one-way splits are tables of their own, not one cross-tab ----------------------

@pytest.mark.parametrize("text", [
    "How many times was Taser used on people in 2022, by age, by sex and by ethnicity?",
    "How many times was Taser used on people in 2022, broken down separately by age, sex and ethnicity?",
])
def test_characteristics_asked_one_at_a_time_are_not_crossed(text):
    from composer.checker.estimate import expected_cell
    from composer.checker.reading import read_text

    per_cell, cells = expected_cell(read_text(text))
    assert cells == 6, (text, cells)
    assert "personal_data.small-counts" not in warned(text)


@pytest.mark.parametrize("text", [
    "How many times was Taser used on people in 2022, broken down by age, sex and ethnicity?",
    "How many times was Taser used on people in the Bexford area in 2022, by age, by sex and by ethnicity?",
])
def test_a_cross_tab_or_a_narrow_place_still_warns(text):
    assert_warns(text, "personal_data.small-counts")


def test_a_place_asked_for_each_still_crosses_the_one_way_splits():
    from composer.checker.estimate import expected_cell
    from composer.checker.reading import read_text

    _, cells = expected_cell(read_text("How many times was Taser used on people in 2022 in each ward, by age, by sex "
                                       "and by ethnicity?"))
    assert cells >= 60 * 6
