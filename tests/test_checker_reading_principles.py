"""The principles the checker's reading was mended at when one request in two wordings got different
findings (tests/test_checker_same_request.py). Each principle has sentences that must and must not
trigger it, written for this test on subjects other than the pairs'."""

from __future__ import annotations

import pytest

from composer.checker import check, glossary
from composer.checker.exemption import subjects_in
from composer.checker.reading import read_text
from composer.model import Part, Request, Requester

ASKER = Requester(name="A Requester", email="requester@example.org")


def loud(text: str) -> set[str]:
    """The rules that warn (or err) on `text` as one part."""
    request = Request(parts=[Part(text=text)])
    return {f.rule for f in check(request, requester=ASKER) if f.severity in ("warning", "error")}


def undefined(text: str) -> str:
    """The messages of the warnings on terms `text` uses without saying what they mean."""
    request = Request(parts=[Part(text=text)])
    return " ".join(f.message for f in check(request, requester=ASKER) if f.rule == "clarity.undefined-term")


# -- the people first, their names asked after them -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Which detectives were moved out of the fraud squad last year? Please give their names.",
    "How many special constables resigned in 2022, and what were their full names?",
    "Who is on the force's list of prolific shoplifters at present?",
    "Who are currently listed on your domestic abuse perpetrator register?",
])
def test_names_asked_after_the_people_are_names(text):
    assert "personal_data.names" in loud(text)


@pytest.mark.parametrize("text", [
    "For each system used by officers, please list the suppliers and their names.",
    "Please list how many officers work in each team, the teams and their names.",
    "Who is on the force's ethics committee?",
    "How many people are on the force's list of prolific shoplifters?",
])
def test_names_of_things_or_a_count_of_people_are_not(text):
    assert "personal_data.names" not in loud(text)


# -- what a force's system made of the requester is about the requester ---------------------------------

@pytest.mark.parametrize("text", [
    "What harm score has your domestic abuse tool given me since 2021?",
    "Which risk grading has been assigned to me by the force's gang tool?",
    "Please tell me what flag the force's system attached to me in 2021.",
])
def test_a_score_given_me_is_my_own_data(text):
    assert "personal_data.own-data" in loud(text)


@pytest.mark.parametrize("text", [
    "How many people were given a harm score by the force's tool in 2023?",
    "Please send me the number of gradings assigned to offenders in 2022.",
    "Could you give me the number of people the force's tool gave a harm score in 2023?",
])
def test_a_score_given_others_sent_to_me_is_not(text):
    assert "personal_data.own-data" not in loud(text)


# -- a score made by a tool the request names is that tool's score -----------------------------------------

@pytest.mark.parametrize("text", [
    "How many people were given a risk score by the force's offender management tool in 2023?",
    "What is the highest risk score that your gang violence tool produced in 2022?",
    "How many of the risk scores your harm tool gave out in 2022 were above 50?",
    "How many people did the force's offender management tool give an individual risk score in 2023?",
    "In 2022, how many children did your gang system assign a risk rating?",
])
def test_a_risk_score_from_the_forces_own_tool_is_defined(text):
    assert "risk score" not in undefined(text)


@pytest.mark.parametrize("text", [
    "How many people were given a risk score in 2023?",
    "Please provide the number of risk scores in your area in 2023.",
    "How many people did officers give a risk score in 2022?",
])
def test_a_risk_score_from_no_named_source_is_still_asked_about(text):
    assert "risk score" in undefined(text)


# -- "like" as the verb of asking is no example ----------------------------------------------------------

def test_i_would_like_is_asking_not_giving_an_example():
    text = "I would like the number of searches made with the algorithm in 2023."
    assert "algorithm" in glossary.first_uses(text)
    assert "algorithm" in glossary.first_uses("We'd like the algorithm's documentation for 2023.")


def test_like_as_such_as_still_gives_an_example():
    assert "algorithm" not in glossary.first_uses("Please provide your policies on tools like an algorithm, for 2023.")


# -- an abbreviation reads as the words it stands for -------------------------------------------------------

def test_an_abbreviation_is_spelt_out_for_reading():
    spelt = glossary.spelt_out("How many LFR vans and BWV cameras, and DA incidents? IT and DAs.")
    assert "LFR (live facial recognition)" in spelt
    assert "BWV (body worn video)" in spelt
    assert "DA (domestic abuse)" in spelt and "DAs (domestic abuse)" in spelt
    assert "IT (" not in spelt
    assert glossary.spelt_out("the data in lfr format") == "the data in lfr format"  # in capitals only


@pytest.mark.parametrize(("short", "long"), [
    ("Please provide the date and location of each LFR deployment in 2022.",
     "Please provide the date and location of each live facial recognition deployment in 2022."),
])
def test_a_subject_softened_for_the_words_is_softened_for_the_abbreviation(short, long):
    assert [soft for *_, soft in subjects_in(short)] == [soft for *_, soft in subjects_in(long)] == [True]


def test_a_planned_deployment_is_still_warned_whichever_way_it_is_written():
    for text in ("Please provide the dates and locations of the next planned LFR deployments.",
                 "Please provide the dates and locations of the next planned live facial recognition deployments."):
        assert "exemption.subject" in loud(text)


# -- a number plate as what cameras read is no vehicle's identifier ------------------------------------------

def test_number_plate_reads_are_a_volume():
    assert "exemption.subject" not in loud("How many number plate reads did the force's cameras make in 2023?")


def test_police_vehicle_number_plates_are_still_identifiers():
    assert "exemption.subject" in loud("Please list the number plates of the force's unmarked cars in 2023.")


# -- what the force had on a day is a stock, not an incident on that day ----------------------------------

@pytest.mark.parametrize("text", [
    "How many speed cameras did the force operate on 1 April 2023?",
    "Please give the number of drones the force owned on 31 March 2024.",
    "How many CCTV cameras did the force hold as at 1 January 2024?",
])
def test_a_stock_on_a_day_is_no_one_day_case(text):
    assert read_text(text).one_case is None


@pytest.mark.parametrize("text", [
    "How many officers were deployed to watch the house on 3 May 2023?",
    "Which cameras recorded the collision on 14 February 2022?",
])
def test_what_happened_on_a_day_is_still_one_day(text):
    case = read_text(text).one_case
    assert case is not None and case[0] == "day"


# -- one event, whichever order its words take -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Please provide the investigation report on the killing of Sam Green in Eastbury in 2019.",
    "Please provide the investigation report on Sam Green's killing in Eastbury in 2019.",
])
def test_the_x_of_someone_is_someones_x(text):
    assert any(s.id == "specific-investigation" for s, *_ in subjects_in(text))


def test_a_kind_of_event_in_general_is_not_one_event():
    assert not any(s.id == "specific-investigation" for s, *_ in subjects_in(
        "How many murders of women were recorded in 2023?"))


# -- a file the police keep on one matter is case material, and wanting to see it is asking ----------------

def test_wanting_to_see_the_police_file_asks_for_case_material():
    found = loud("I want to see the police file on my neighbour's burglary last March.")
    assert "personal_data.case-documents" in found
    assert "clarity.no-ask" not in found


def test_files_asked_for_are_copies():
    assert read_text("Please send me the files about the new custody suite's design.").action == "copy"


def test_counting_police_files_is_no_case_material():
    assert "personal_data.case-documents" not in loud("How many police files on missing people were opened in 2022?")


# -- everything you have about a subject is all information held about it -----------------------------------

@pytest.mark.parametrize("text", [
    "Send me everything you have about the closure of the Westgate front counter.",
    "Please provide everything the force keeps on the use of its horses at football matches.",
])
def test_everything_you_have_about_is_broad(text):
    assert "clarity.broad" in loud(text)


def test_everything_about_one_named_document_is_not_asked_as_broad():
    assert "clarity.broad" not in loud("Please provide the minutes of the ethics panel meeting of 3 March 2023.")


# -- every email is all emails -----------------------------------------------------------------------------

def test_every_email_is_correspondence():
    assert "personal_data.correspondence" in loud(
        "Please send me every email the estates team sent to the council about the Westgate station in 2022.")


def test_the_number_of_emails_is_not():
    assert "personal_data.correspondence" not in loud(
        "How many emails did the estates team send to the council in 2022?")


# -- "the number of times officers …" counts occasions, not officers -----------------------------------

def test_times_officers_did_something_is_no_count_of_staff():
    assert "personal_data.staff-matters" not in loud(
        "Please provide the number of times officers used handcuffs on people with a mental health condition in "
        "2023.")


def test_officers_with_a_health_matter_in_one_unit_are_staff():
    assert "personal_data.staff-matters" in loud(
        "Please provide the number of officers in the dog unit on sick leave for mental health reasons in 2023.")


# -- the monitored strands of hate crime are its kind, not a person's characteristics ---------------------

def test_hate_crimes_by_the_strands_are_one_breakdown():
    text = "How many hate incidents were recorded in 2022, by race, religion, disability and sexual orientation?"
    assert "personal_data.small-counts" not in loud(text)
    assert "clarity.whose" not in loud(text)


def test_the_victims_characteristics_of_hate_crime_stay_a_persons():
    text = ("How many hate incidents were recorded in 2022, broken down by the victim's age, sex, ethnicity and "
            "religion?")
    assert "personal_data.small-counts" in loud(text)


# -- "where are …" asks where things stand, as "the locations of …" does ----------------------------------

@pytest.mark.parametrize("text", [
    "Where are the force's static speed enforcement cameras? Please list the sites.",
])
def test_where_publicised_cameras_stand_is_still_no_tactic(text):
    assert "exemption.subject" not in loud(text)


@pytest.mark.parametrize("text", [
    "Where are the force's fixed cameras sited?",
    "Please give the locations of all static ANPR cameras on the county's roads.",
])
def test_where_cameras_stand_is_deployment(text):
    assert "exemption.subject" in loud(text)


def test_where_something_was_bought_is_no_location():
    assert "exemption.subject" not in loud("Where were the force's drones bought from?")


# -- "break that number down" is a breakdown, however the figure is pointed back to -----------------------

def test_breaking_that_number_down_asks_for_figures():
    request = Request(parts=[Part(text="How many people were arrested after a dispersal order in 2023?"),
                             Part(text="Please break that number down by age, sex, ethnicity and postcode.")])
    found = {(f.rule, f.part_id) for f in check(request, requester=ASKER) if f.severity == "warning"}
    assert ("personal_data.small-counts", request.parts[1].id) in found


# -- the kinds of a matter listed after it are the matter's, not people's ------------------------------

@pytest.mark.parametrize("text", [
    "Please provide the number of working days officers lost to sickness absence in 2022-23, by reason (mental "
    "health, stress, injury).",
    "How many working days did staff lose to sickness absence in each of 2021 and 2022, by reason: mental health, "
    "injury or other?",
])
def test_whole_force_sickness_absence_by_reason_is_routine(text):
    assert "personal_data.staff-matters" not in loud(text)


@pytest.mark.parametrize("text", [
    "Please provide the number of working days officers in the dog unit lost to sickness absence in 2022-23, by "
    "reason.",
    "How many officers left through ill-health retirement in each of the last three years?",
])
def test_sickness_in_a_unit_or_a_years_retirements_are_still_few(text):
    assert "personal_data.staff-matters" in loud(text)


# -- a month or more of one street's records is many events, not one case ----------------------------------

def test_a_month_of_a_streets_records_is_no_one_case():
    assert "exemption.one-case" not in loud(
        "For each arrest on Mill Road, Eastbury, in June 2023, please give the person's age and the offence.")


@pytest.mark.parametrize("text", [
    "Please give the details of the arrest on Mill Road, Eastbury, on 4 June 2023.",
    "Please list the covert cameras watching Mill Road, Eastbury, in June 2023.",
])
def test_one_days_arrest_or_watching_a_street_is_still_one_case(text):
    found = loud(text)
    assert "exemption.one-case" in found or "exemption.subject" in found


# -- an abbreviation reads as its words wherever people are named ----------------------------------------

def test_the_names_of_abbreviated_officers_are_names():
    found = [f for f in check(Request(parts=[Part(text="Please give the names of the AFOs who policed the 2023 "
                                                       "Westgate carnival.")]),
                              requester=ASKER) if f.rule == "personal_data.names"]
    assert found and "AFOs" in found[0].message  # quoted as written, not as spelt out


def test_an_abbreviation_that_names_no_people_is_no_name():
    assert "personal_data.names" not in loud("Please give the names of the LFR vans' suppliers.")


def test_a_match_in_what_an_abbreviation_stands_for_is_placed_at_the_abbreviation():
    import re

    text = "the AFOs and LFR vans"
    start, end = glossary.spelt_search(re.compile(r"firearms officers and live"), text)
    assert text[start:end] == "AFOs and LFR"
    assert glossary.spelt_search(re.compile("vans"), "no abbreviation in these vans") is None


# -- however it is asked, and every X is all Xs -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'd like every letter the force sent to the council in 2022.",
    "I want the minutes of the March 2023 ethics board.",
    "Can I please have the contract for the custody suite cleaning?",
])
def test_asking_in_any_words_for_a_document_is_a_copy(text):
    assert read_text(text).action == "copy"


def test_every_message_is_correspondence():
    assert read_text("Please send me every message the press office sent in May 2023.").record.id == "correspondence"


# -- whose correspondence it is bounds whose mailboxes, not how many years --------------------------------

@pytest.mark.parametrize("text", [
    "Please provide every email the force's estates team has sent.",
    "Please provide all letters your estates team has sent.",
])
def test_a_named_teams_mail_with_no_dates_is_every_year_of_it(text):
    assert "cost.estimate" in loud(text)


def test_a_named_teams_mail_over_a_month_is_within_the_limit():
    assert "cost.estimate" not in loud("Please provide every email the force's estates team sent in May 2023.")
