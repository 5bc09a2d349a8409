"""The checker reads the product's own questions the way an FOI officer would (session 8). Words inside a
definition describe the subject, not a breakdown; a request for copies of documents has no breakdowns;
"the date of each" asks for a field, not figures by day; a kind of bias ("racial bias") or a purpose ("for
the purpose of crime mapping") is what a thing is about, not a split; and under "Has the body used any
such system? If yes, …" a part asks about the body's own system, so an oversight body that runs none is
not told to send it elsewhere. Every sentence is written for this test; each principle has sentences that
must change and near-misses (other subjects and phrasings) that must not."""

from __future__ import annotations

import pytest

from composer.bank import build_request
from composer.checker import check
from composer.checker.engine import Context
from composer.checker.reading import read_part, read_text, request_from_text
from composer.forces import load_directory
from composer.model import Part, Request
from tests.conftest import seed_text


def breakdowns(text: str) -> set[str]:
    return set(read_text(text).breakdowns)


# -- (A) words inside a definition describe the subject -------------------------------------------------

# (text, a breakdown that must no longer be read)
DEFINITION_CHANGES = [
    ("Does the force use any risk tool? By this I mean software that gives a person a score, rank or "
     "risk level for reoffending.", "rank"),
    ("Has the force bought any profiling software? By which I mean a program that sorts people by age, "
     "sex or ethnicity into risk bands.", "ethnicity"),
    ("Do you hold any records of 'automated decisions'? By 'automated decisions' I mean choices a computer "
     "makes about a person's grade or role without an officer.", "rank"),
    ("Does the force run a gang matrix, that is, a list that rates young men by age and ethnicity for "
     "the harm they may cause?", "age"),
    ("Please say whether you use facial recognition, i.e. cameras that match faces of any race or gender "
     "against a watchlist.", "sex"),
    ("Does the service use a triage algorithm? By this I mean a tool that sorts calls by the caller's "
     "disability or mental health to decide the response.", "disability"),
    ("Is any vetting tool in use? By this I mean a system which scores applicants by nationality or "
     "religion.", "religion"),
]

# Definitions that themselves ask for figures, and breakdowns outside any definition: still read.
DEFINITION_STAYS = [
    ("How many arrests were made in 2023? By this I mean the number of arrests broken down by ethnicity.",
     "ethnicity"),
    ("Please give the number of officers by rank who hold a taser licence.", "rank"),
    ("By 'the figures' I mean totals for each year from 2019 to 2023, broken down by age.", "age"),
    ("How many stop and searches were carried out, broken down by the ethnicity of the person searched? "
     "By 'search' I mean a search under section 1 of PACE.", "ethnicity"),
    ("How many people were recorded in the gang matrix on 1 April 2024, by age and by sex?", "sex"),
    ("For each year since 2020, how many complaints were made against officers, by the officer's rank?", "rank"),
    ("How many staff left the force in 2022, by grade? That is, how many left, counted for each grade.", "rank"),
]


# -- (B) a request for copies of documents has no breakdowns ----------------------------------------------

DOCUMENTS_CHANGE = [
    "Please provide a copy of the equality impact assessment on how the policy affects people of each age, "
    "sex and ethnicity.",
    "Please send me copies of any reports on whether the custody risk tool treats disabled detainees "
    "differently.",
    "Please provide a copy of the guidance given to officers on stops of people of a different ethnicity or "
    "gender from their own.",
    "Copies of the minutes of meetings of the race and religion advisory group held in 2023, please.",
    "Please provide copies of any research into how the recruitment test affects candidates by age.",
    "Please provide a copy of each audit of the intelligence database that looked at nationality and "
    "immigration status.",
]

TABLES_STAY = [
    ("Please provide a copy of the statistics on arrests in 2023, broken down by ethnicity.", "ethnicity"),
    ("How many people were stopped and searched in 2022, by age and by sex?", "age"),
    ("Please send the figures for each year from 2019 to 2023 of officers dismissed, by rank.", "rank"),
    ("Please provide a spreadsheet with the number of taser uses in each month of 2023.", "month"),
    ("Please give the total number of hate crimes recorded in each year since 2020, split by ethnicity "
     "of the victim.", "ethnicity"),
    ("How many custody detainees in 2021 were recorded as disabled?", "disability"),
]


@pytest.mark.parametrize("text", DOCUMENTS_CHANGE)
def test_copies_of_documents_have_no_breakdowns(text):
    reading = read_text(text)
    assert reading.action == "copy"
    assert reading.breakdowns == ()


@pytest.mark.parametrize("text,dimension", TABLES_STAY)
def test_a_table_keeps_its_breakdowns(text, dimension):
    assert dimension in breakdowns(text)


# -- (C) "the date of each" asks for a field, not a breakdown by day --------------------------------------

DATE_OF_EACH_CHANGES = [
    "Has the force consulted any community group about body-worn video? If so, please give the date of each.",
    "Please list each review of the drone policy, with the date of each.",
    "Has the force held any meetings with the supplier? Please give the date of each meeting.",
    "Please name each audit carried out of the firearms licensing team, and the date of each audit.",
    "Please list every evaluation of the mental health triage scheme, giving the date of every one.",
    "Has any inspection of the custody suites been made since 2020? Please state the date of each inspection.",
]

BY_DAY_STAYS = [
    "How many 999 calls did the force receive each day in December 2023?",
    "Please give the daily number of officers on duty at the festival.",
    "How many arrests were made at the match, by date?",
    "Please provide the number of stop and searches on each date from 1 to 14 March 2024.",
    "How many drone flights were made every day in July 2023?",
    "Please provide the date and time of each pursuit that ended in a collision in 2022.",
]


@pytest.mark.parametrize("text", DATE_OF_EACH_CHANGES)
def test_the_date_of_each_is_no_breakdown_by_day(text):
    assert "day" not in breakdowns(text)


@pytest.mark.parametrize("text", BY_DAY_STAYS)
def test_figures_by_day_stay_by_day(text):
    assert "day" in breakdowns(text)


# -- (D) a kind of bias, or what a thing is for, is the subject -----------------------------------------

SUBJECT_CHANGES = [
    ("Does the force check its stop and search tool for racial bias?", "ethnicity"),
    ("Has the algorithm been audited for racial or other bias?", "ethnicity"),
    ("Is there any review of gender bias in promotion boards?", "sex"),
    ("Has the force done any work on age profiling in its recruitment?", "age"),
    ("Does the force use drones for the purpose of searching for missing people?", "reason"),
    ("Has any software been bought for the purposes of crime mapping?", "reason"),
]

SUBJECT_STAYS = [
    ("How many stop and searches were there in 2023, by ethnicity?", "ethnicity"),
    ("Please give the race of each person tasered in 2022.", "ethnicity"),
    ("How many officers were promoted in 2021, broken down by gender?", "sex"),
    ("Please give the number of missing people found by drone each year, with their age.", "age"),
    ("Please state the purpose of each drone flight made in 2023.", "reason"),
    ("What were the reasons for each dismissal of a special constable in 2022?", "reason"),
]


@pytest.mark.parametrize("text,dimension", DEFINITION_CHANGES + SUBJECT_CHANGES)
def test_a_definition_a_kind_of_bias_or_a_purpose_names_no_breakdown(text, dimension):
    assert dimension not in breakdowns(text)


@pytest.mark.parametrize("text,dimension", DEFINITION_STAYS + SUBJECT_STAYS)
def test_breakdowns_asked_for_stay(text, dimension):
    assert dimension in breakdowns(text)


# -- (F) crime foreseen by a tool, or left out of the subject, is no record asked about -------------------

def record_of(text: str) -> str | None:
    reading = read_text(text)
    return reading.record.id if reading.record is not None else None


FORESEEN_CHANGES = [
    "Does the force use any software for predictive crime mapping?",
    "Is there a list of young people deemed to be at a higher risk of committing a crime?",
    "Does the force score people on their risk of committing offences against children?",
    "Has the force bought any system that forecasts crime hotspots for patrols?",
    "Does any algorithm estimate the likelihood that someone will commit a violent offence?",
    "Does the force use any tool for future crime forecasting? Burglaries that have already happened are "
    "not included.",
]

RECORDED_STAYS = [
    "How many crimes were recorded in Leeds in 2023?",
    "Is there a list of people who have committed a crime while on bail in 2022?",
    "How many offences of burglary were recorded in each month of 2021?",
    "How many offences of criminal damage were recorded in Hull in 2022?",
    "Does the force record how many thefts from shops were reported in 2022?",
    "How many crimes of violence against the person were reported in 2020, by ward?",
]


@pytest.mark.parametrize("text", FORESEEN_CHANGES)
def test_crime_a_tool_foresees_is_no_recorded_crime(text):
    assert record_of(text) != "recorded_crime"


@pytest.mark.parametrize("text", RECORDED_STAYS)
def test_crime_that_happened_is_still_recorded_crime(text):
    assert record_of(text) == "recorded_crime"


# -- (E) under "Has the body used any such system? If yes, …", the body's own system ---------------------

BOARD = load_directory().get("northern_ireland_policing_board")

OWN_USE = [
    ("Has the Board used any system that scores people for risk of offending? If yes, please answer the "
     "following.", "How many people are recorded in the system on the date you receive this request, by age?"),
    ("Does the Board use any predictive mapping software? If so, please answer these questions.",
     "For each month of 2023, how many arrests were made as a recorded result of its use?"),
    ("Has the Board trialled any facial recognition system?",
     "How many people were arrested after a match made by the system in 2022?"),
    ("Does the Board operate any automatic number plate recognition cameras? If yes:",
     "How many vehicles were stopped after an ANPR read in 2023?"),
    ("Has the Board deployed any body-worn video? If so, please say:",
     "How many arrests in 2023 were supported by the footage, by ethnicity?"),
    ("Is any risk-scoring tool in use by the Board? If yes, for each such tool:",
     "How many people in the tool's list were stopped and searched in 2023?"),
]

ELSEWHERE = [
    "How many arrests were made in Belfast in 2023, broken down by age?",
    "How many people were stopped and searched in 2022 under the Justice and Security Act?",
    "How many crimes were recorded in each district in 2023?",
    "How many people were arrested for drink driving in each year from 2019 to 2023?",
    "How many times was a taser fired in 2022?",
    "How many ANPR reads were recorded on the M1 in January 2024?",
]


def kept_elsewhere_on(request: Request) -> list[str]:
    return [f.part_id for f in check(request, force=BOARD) if f.rule == "jurisdiction.kept-elsewhere"]


@pytest.mark.parametrize("parent,sub", OWN_USE)
def test_a_part_about_the_bodys_own_system_is_not_sent_elsewhere(parent, sub):
    request = Request(title="t", parts=[Part(text=parent, subparts=[Part(text=sub)])])
    found = check(request, force=BOARD)
    assert not [f for f in found if f.rule == "jurisdiction.kept-elsewhere"]
    sub_id = request.parts[0].subparts[0].id
    assert not [f for f in found if f.part_id == sub_id and f.category == "cost"]


@pytest.mark.parametrize("text", ELSEWHERE)
def test_the_services_records_asked_outright_are_still_sent_elsewhere(text):
    request, _ = request_from_text(text)
    assert kept_elsewhere_on(request)


# -- the bank's own request and the seeds ----------------------------------------------------------------

def flagship() -> Request:
    return build_request([
        ("use_crime_mapping", ["identity", "workings", "cost", "policies", "usage_data", "assessments",
                               "bias_testing"]),
        ("use_individual_risk", ["identity", "workings", "cost", "policies", "data_categories", "individuals",
                                 "usage_data", "ranking", "assessments", "bias_testing", "oversight"]),
        "suppliers", "consultation", "public_order", "format"])


def readings(request: Request, force=None) -> dict[str, object]:
    ctx = Context(request, force, None)
    return {item.part.source or item.id: read_part(ctx, item) for item in ctx.items}


def test_the_bank_request_is_read_right():
    read = readings(flagship())
    for source, reading in read.items():
        if source.startswith("use_"):
            assert reading.breakdowns == (), source  # "score, rank or risk level" is the definition
            assert reading.record is None, source  # crime forecast or risked, not crime reports
        if source.startswith(("bias_testing", "assessments", "policies")):
            assert reading.breakdowns == (), source  # documents, "with the date of each"
        if source.startswith(("consultation", "oversight")):
            assert "day" not in reading.breakdowns and "ethnicity" not in reading.breakdowns, source
    # what should still be read as figures split by characteristics is
    assert {"age", "sex", "ethnicity"} <= set(read["usage_data.outcomes"].breakdowns)


def test_the_bank_request_sends_the_board_nothing_elsewhere():
    found = check(flagship(), force=BOARD)
    assert not [f for f in found if f.rule == "jurisdiction.kept-elsewhere"]


def test_the_seeds_read_no_breakdown_into_documents_or_definitions():
    for number in ("000", "001", "003"):  # the requests the bank was built from
        request, _ = request_from_text(seed_text(number))
        for source, reading in readings(request).items():
            if reading.action == "copy":
                assert reading.breakdowns == (), (number, source)
    request, _ = request_from_text(seed_text("001"))
    umbrellas = [r for r in readings(request).values() if r.action == "yes_no"]
    assert umbrellas and all("reason" not in r.breakdowns for r in umbrellas)


def test_seed_001_sends_the_board_nothing_under_its_own_use():
    request, _ = request_from_text(seed_text("001"))
    found = check(request, force=BOARD)
    sub_ids = {s.id for p in request.parts for s in p.subparts}
    assert not [f for f in found if f.rule == "jurisdiction.kept-elsewhere" and f.part_id in sub_ids]
