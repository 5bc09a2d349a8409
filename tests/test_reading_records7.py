"""Which record system a part is read against comes from the thing it counts, not from who acted or from
a word a sibling part used (DIAG-B, principle H): harm done by a police animal is a use-of-force report,
a strip or intimate search is a stop-and-search record outside custody and a custody record inside it,
a custody officer's decision is a custody record, and a follow-up about the holders of some posts stays
with the HR records even after a part about their cost. Every sentence is written for this test; each
change has sentences that must change and near-misses that must not."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.engine import Context
from composer.checker.estimate import estimate, estimates_in
from composer.checker.reading import read_part, read_text, request_from_text
from composer.law import law_for
from composer.model import Act


def record_of(text: str) -> str | None:
    reading = read_text(text)
    return reading.record.id if reading.record is not None else None


def cost_warnings(text: str) -> list:
    request, _ = request_from_text(text)
    return [f for f in check(request) if f.rule.startswith("cost.") and f.severity in ("warning", "error")]


# -- the thing counted names the record ---------------------------------------------------------------

# (text, the record it is read against)
MUST_CHANGE = [
    # harm done by a police animal, in any wording and word order
    ("How many members of the public were injured by police horses during public-order deployments in 2022?",
     "use_of_force"),
    ("Police dog bites on suspects: the number for each year from 2018 to 2023.", "use_of_force"),
    ("In 2021, how many bystanders were hurt by a police dog?", "use_of_force"),
    ("Please say how many people your force's dogs have bitten since April 2020.", "use_of_force"),
    ("The number of attacks by the force's general purpose dogs on protesters in 2019 and 2020.", "use_of_force"),
    ("How many times have police horses trampled spectators at football matches in the last three years?",
     "use_of_force"),
    # strip and intimate searches: the search record outside custody, the custody record inside it
    ("How many intimate searches did your officers carry out at roadside stops last year, and what was found?",
     "stop_search"),
    ("How many strip-searches of children did officers conduct outside custody in 2023?", "stop_search"),
    ("For 2022, the number of more thorough searches carried out by your officers on the street.", "stop_search"),
    ("Number of intimate searches of detainees in custody, 2019 to 2022.", "arrests"),
    ("How many strip searches were carried out at police stations in 2022, and what was found?", "arrests"),
    # a custody officer's decision is an entry in the custody record, whatever ranks are named
    ("Please confirm the number of times a custody officer's decision to refuse charge has been appealed by "
     "investigating officers to a superintendent for review, over the last 5 years.", "arrests"),
    ("In 2022, how many decisions made by custody sergeants were overruled by an inspector?", "arrests"),
]

NEAR_MISSES = [
    ("How many officers were injured while carrying out searches last year?", "officer_assaults"),
    ("How many police horses were retired because of injury in the last ten years?", "police_horses"),
    ("How many police dogs were injured on duty in 2022?", "police_dogs"),
    ("How many dog bites were recorded in 2022 and 2023?", "recorded_crime"),
    ("How many stop and searches resulted in an arrest in 2023?", "stop_search"),
    ("How many officers are trained to carry out strip searches?", "workforce"),
    ("How many officers shared a victim's details with another agency in 2024?", "workforce"),
    ("How many grievances were raised by officers in 2023?", "workforce"),
    ("How much was spent on chaplaincy posts each year since 2015?", "finance"),
    ("How many detainees had their detention authorised beyond 24 hours by a superintendent in 2023?", "arrests"),
]


@pytest.mark.parametrize("text, record", MUST_CHANGE)
def test_the_thing_counted_names_the_record(text, record):
    reading = read_text(text)
    assert reading.record is not None and reading.record.id == record
    assert "workforce" not in reading.describe()


# Officers named as the ones who acted, with no article before them: what they did is counted, not them.
@pytest.mark.parametrize("text", [
    "How many times in 2024 did officers share a victim's immigration status with the Home Office?",
    "How often did officers check a witness's immigration status in 2023?",
])
def test_officers_who_acted_are_not_the_workforce_counted(text):
    assert record_of(text) != "workforce"


@pytest.mark.parametrize("text, record", NEAR_MISSES)
def test_near_misses_keep_their_record(text, record):
    assert record_of(text) == record


@pytest.mark.parametrize("text", [text for text, record in MUST_CHANGE if record != "arrests"] + [
    "How many detainees had their detention authorised beyond 24 hours by a superintendent in 2023?",
])
def test_coded_events_are_a_query_not_a_reading(text):
    """Counted from their own form's fields, these are no cost warning (an HR or kennel-file read was)."""
    found = estimate(read_text(text), law_for(Act.FOIA))
    assert not found.manual
    assert cost_warnings(text) == []


@pytest.mark.parametrize("text", [
    "Please confirm the number of times a custody officer's decision to refuse charge has been appealed by "
    "investigating officers to a superintendent for review, over the last 5 years.",
    "In 2022, how many decisions made by custody sergeants were overruled by an inspector?",
])
def test_a_step_inside_custody_is_read_from_each_custody_record(text):
    reading = read_text(text)
    assert reading.record.id == "arrests" and reading.free_text is not None
    found = estimate(reading, law_for(Act.FOIA))
    assert found.manual and found.hours > 18
    assert any(f.rule == "cost.estimate" for f in cost_warnings(text))


def test_a_question_about_strip_search_policy_is_not_a_count_of_searches():
    reading = read_text("What guidance do officers follow before carrying out a strip search?")
    assert reading.record is None or reading.record.id not in ("stop_search", "arrests")


def test_who_acted_is_not_the_record():
    """With no kind of record named but the officers who acted, the part is not read as HR records."""
    reading = read_text("How many vehicles were seized by your officers under section 165 in 2023?")
    assert reading.record is None or reading.record.id != "workforce"


# -- a follow-up on the people behind some posts keeps the HR population -------------------------------

# (request, the part whose record is asked, the record)
FOLLOW_UPS = [
    ("1. How many chaplaincy posts do you have?\n2. What do they cost?\n3. How many are held by women?", 2, "workforce"),
    ("1. How many chaplains does the force employ?\n2. What was the total cost of the chaplaincy service in 2023?\n"
     "3. Please give the sex and ethnicity of each chaplain.", 2, "workforce"),
    ("1. How many equality and diversity posts does the force have?\n2. What is the annual cost of these posts?\n"
     "3. What is the ethnicity of the post-holders?", 2, "workforce"),
    ("1) Number of vacancies in the control room on 1 May 2024.\n2) The salary budget for the control room.\n"
     "3) The age and sex of those holding the posts.", 2, "workforce"),
]
FOLLOW_UPS_KEPT = [
    # a follow-up on the money stays with the money
    ("1. How much did the force spend on agency interpreters in 2023?\n2. Please break this down by month.", 1, "finance"),
    ("1. How many chaplaincy posts do you have?\n2. What do they cost?", 1, "finance"),
]


def _reading(text: str, index: int):
    request, _ = request_from_text(text)
    ctx = Context(request, None, None)
    return ctx, read_part(ctx, ctx.items[index])


@pytest.mark.parametrize("text, index, record", FOLLOW_UPS)
def test_people_behind_posts_are_read_from_hr(text, index, record):
    ctx, reading = _reading(text, index)
    assert reading.record is not None and reading.record.id == record
    assert reading.record.people
    hours = estimates_in(ctx)[ctx.items[index].part.id].hours
    assert hours < 18  # the HR system has the fields; the ledger had none
    request, _ = request_from_text(text)
    assert not [f for f in check(request) if f.rule == "cost.estimate" and f.severity == "warning"]


@pytest.mark.parametrize("text, index, record", FOLLOW_UPS_KEPT)
def test_follow_ups_on_money_stay_with_money(text, index, record):
    _, reading = _reading(text, index)
    assert reading.record is not None and reading.record.id == record


# -- documents about one named system or project are a bounded set in its library (DIAG-B, principle N) --

def findings_of(text: str) -> set[str]:
    request, _ = request_from_text(text)
    # A part's findings on one ground are combined into one; the rules folded in are in `also`.
    return {rule for f in check(request) if f.severity in ("warning", "error") for rule in (f.rule, *f.also)}


NAMED_SYSTEM_DOCUMENTS = [
    "Any training materials or presentations given to staff about the new rostering software.",
    "Any internal procedures relating to the roll-out of the force's new mobile fingerprint readers.",
    "The user guide and briefing slides for the digital evidence portal introduced last year.",
    "Please provide copies of all briefing documents, presentations and correspondence relating to NLEDS.",
    "Any documents, procedures or training materials relating to the new digital interview recording system.",
    "Copies of any presentations about Project Horizon given to the command team.",
    "All user manuals and guidance for the Athena system.",
    "1. Please send any slides used to train call handlers on the replacement command and control system.\n"
    "2. When did the system go live?",
]
NOT_NAMED_OR_NOT_DOCUMENTS = [
    # (text, record, a warning that must stay)
    ("Any emails about the new rostering software sent since 2019.", "correspondence", "cost.open-scope"),
    ("Any emails and letters about fingerprint readers.", "correspondence", "cost.estimate"),
    ("All correspondence between the chief constable and the PCC about the new custody suite since 2021.",
     "correspondence", "cost.estimate"),
    ("Any internal documentation relating to IT systems.", "documents", "clarity.broad"),
    ("All information about the force's use of technology since 2000.", None, "clarity.broad"),
    ("All information held about the new rostering software.", None, "clarity.broad"),
]


@pytest.mark.parametrize("text", NAMED_SYSTEM_DOCUMENTS)
def test_documents_about_a_named_system_are_its_library(text):
    request, _ = request_from_text(text)
    ctx = Context(request, None, None)
    reading = read_part(ctx, ctx.items[0])
    assert reading.record is not None and reading.record.id == "documents"
    assert reading.system is not None
    found = estimates_in(ctx)[ctx.items[0].part.id]
    assert not found.manual and found.hours < 18
    assert "library" in found.words
    assert not {"clarity.broad", "cost.open-scope", "cost.estimate"} & findings_of(text)


@pytest.mark.parametrize("text, record, stays", NOT_NAMED_OR_NOT_DOCUMENTS)
def test_mail_or_unnamed_subjects_stay_wide(text, record, stays):
    reading = read_text(text)
    assert (reading.record.id if reading.record is not None else None) == record
    assert stays in findings_of(text)


# -- record types the checker lacked: road-traffic enforcement and forensic submissions (DIAG-B-miss, M) ---

# (text, record, the warning it must now bring)
NEW_RECORDS = [
    ("How many motorists were detected by mobile safety cameras on rural roads, and how many of them were under "
     "10% over the limit?", "traffic_enforcement", "clarity.no-period"),
    ("How many drivers were caught using average speed cameras on the A14, broken down by speed band?",
     "traffic_enforcement", "clarity.no-period"),
    ("1. How many speed awareness courses were offered?\n2. How many notices of intended prosecution were sent?",
     "traffic_enforcement", "clarity.no-period"),
    ("The number of hair samples your force submitted for toxicology analysis since 2012, and the methods used on each.",
     "forensic_submissions", "cost.estimate"),
    ("Glass and fibre exhibits sent to the laboratory for examination: how many in each year from 2015 to 2024?",
     "forensic_submissions", "cost.estimate"),
    ("For the Much Wenlock area in 2023, how many reports of vehicles parked on pavements were received, and how "
     "many warning letters were sent to keepers?", "traffic_enforcement", "personal_data.identifiable"),
    ("How many zig-zag parking offences were reported in the village of Hope in 2021 and how many advisory letters "
     "were sent?", "traffic_enforcement", "personal_data.identifiable"),
    ("Letters sent to registered keepers about parking on school keep-clear markings (Ashby area) in 2022: how many?",
     "traffic_enforcement", "personal_data.identifiable"),
]
NEW_RECORDS_QUIET = [
    # (text, record, warnings that must not appear)
    ("How many speed camera detections were recorded in each of the last three financial years?",
     "traffic_enforcement", {"clarity.no-period", "personal_data.identifiable", "cost.estimate"}),
    ("What was your force's total spend on forensic services in 2023-24?", "finance", {"cost.estimate"}),
    ("How many fixed penalty notices for mobile phone use while driving were issued force-wide in 2023?",
     "traffic_enforcement", {"personal_data.identifiable", "clarity.no-period"}),
    ("How many forensic submissions did the force make in 2023, by month?", "forensic_submissions",
     {"cost.estimate"}),
    ("How many advisory letters about pavement parking did the force send in 2022?", "traffic_enforcement",
     {"personal_data.identifiable"}),
    ("How many drones does the force own?", "air_support", {"clarity.no-period"}),
]


@pytest.mark.parametrize("text, record, warning", NEW_RECORDS)
def test_new_record_types_bring_their_warning(text, record, warning):
    request, _ = request_from_text(text)
    ctx = Context(request, None, None)
    reading = read_part(ctx, ctx.items[-1])
    assert reading.record is not None and reading.record.id == record
    if warning == "personal_data.identifiable":
        assert reading.named_place and reading.share is not None and reading.share < 0.01
    if warning == "cost.estimate":
        assert reading.free_text is not None
    assert warning in findings_of(text)


@pytest.mark.parametrize("text, record, absent", NEW_RECORDS_QUIET)
def test_new_record_types_near_misses(text, record, absent):
    assert record_of(text) == record
    assert not absent & findings_of(text)


@pytest.mark.parametrize("text, named", [
    ("in the village of Much Wenlock", True), ("(Ashby area)", True), ("For the Ashby area in 2023", True),
    ("covering the parish of Hope", True), ("across the Cheshire area", False), ("for the Greater Manchester area", False),
    ("in each village", False),
])
def test_places_named_by_their_kind_or_in_brackets(text, named):
    from composer.checker.reading import named_place
    assert named_place(text) is named


@pytest.mark.parametrize("text, fires", [
    ("How many catapults were seized by your officers?", True),
    ("How many people were caught riding e-scooters on pavements?", True),
    ("How many catapults were seized by your officers in 2023?", False),
    ("How many e-scooters does the force own?", False),
    ("Please provide the number of your policies on e-scooters.", False),
])
def test_a_count_of_events_needs_a_period_whatever_the_record(text, fires):
    assert ("clarity.no-period" in findings_of(text)) is fires


# -- a criterion finer than the force's codes is read from the narrative (DIAG-B-miss, N) -----------------

# (text, record, the words read as a detail of each record's text)
NARRATIVE_CRITERIA = [
    ("How many times since 2019 has your force recommended prosecution for a person who was perceived to be "
     "showing support for a banned far-right organisation?", "criminal_records", "perceived to be showing support"),
    ("Arrests in 2021 and 2022 of people believed to be members of a loyalist paramilitary group: how many?",
     "arrests", "believed to be members of"),
    ("How many people were arrested in 2022 on suspicion of offences committed on behalf of an organised crime group?",
     "arrests", "on behalf of an organised crime group"),
    ("The number of anti-semetic hate crimes reported between 2011 and 2015, by week", "hate_crime", "anti-semetic"),
    ("How many islamaphobic hate crimes were recorded in each month of 2014?", "hate_crime", "islamaphobic"),
    ("Number of anti semitic hate crimes, 2012 to 2016.", "hate_crime", "anti semitic"),
    ("In 2022, how many decisions made by custody sergeants were overruled by an inspector?", "arrests", "overruled"),
]
CODED_CRITERIA = [
    "How many religiously aggravated public order offences were recorded in each of the last five years?",
    "How many detainees had their detention authorised beyond 24 hours by a superintendent in 2023?",
    "How many hate crimes perceived by the victim to be motivated by hostility to their religion were recorded in 2023?",
    "How many racially aggravated assaults were recorded in 2023?",
    "How many people were arrested for possession of an offensive weapon in 2022?",
    "How many antisemitic hate crimes were recorded in 2023-24?",  # the targeted religion is a field since 2017
]


@pytest.mark.parametrize("text, record, words", NARRATIVE_CRITERIA)
def test_a_criterion_finer_than_the_codes_is_read_from_each_record(text, record, words):
    reading = read_text(text)
    assert reading.record is not None and reading.record.id == record
    assert reading.free_text is not None and reading.free_text.lower() == words
    assert estimate(reading, law_for(Act.FOIA)).manual
    assert "cost.estimate" in findings_of(text)


@pytest.mark.parametrize("text", CODED_CRITERIA)
def test_coded_criteria_stay_a_query(text):
    reading = read_text(text)
    assert reading.free_text is None or not estimate(reading, law_for(Act.FOIA)).manual
    assert "cost.estimate" not in findings_of(text)


# -- an offence named with "incidents" names the log and the crime record both (DIAG-B-miss, Q) ------------

@pytest.mark.parametrize("text, words", [
    ("The number of burglary incidents reported to your force each year from 2015 to 2024.", "burglary incidents"),
    ("How many robbery incidents were reported in 2023?", "robbery incidents"),
    ("The number of criminal damage incidents reported at the bus station in 2022.", "criminal damage incidents"),
    ("Shoplifting incidents at the Tesco store in Ely, 2021: how many?", "Shoplifting incidents"),
    ("How many vehicle theft incidents were there in each month of 2022?", "vehicle theft incidents"),
    ("2023: the number of cycle-theft incidents at the railway station.", "theft incidents"),
])
def test_an_offence_with_incidents_asks_which_is_meant(text, words):
    request, _ = request_from_text(text)
    found = [f for f in check(request) if f.rule == "clarity.undefined-term" and f.severity == "warning"]
    assert found and f"'{words.lower()}'" in found[0].message.lower()


@pytest.mark.parametrize("text", [
    "The number of burglaries recorded each year from 2015 to 2024.",
    "The number of recorded burglaries, and the number of calls reporting a burglary, in 2023.",
    "The number of wildlife crime incidents in 2023.",
    "How many domestic incidents were logged in 2023?",
    "How many incidents of anti-social behaviour were reported in 2022?",
    "How many burglaries were recorded in 2023, and how many calls about burglary did the control room take?",
])
def test_no_offence_joined_to_incidents_no_warning(text):
    request, _ = request_from_text(text)
    assert not [f for f in check(request) if f.rule == "clarity.undefined-term" and f.severity == "warning"]


# -- injuries to the public at an event sit in no police field (DIAG-B-miss, O) ------------------------------

@pytest.mark.parametrize("text", [
    "How many spectators were injured at the city derby on 3 March 2023, and how many went to hospital?",
    "How many people at the summer festival needed medical treatment, and for what injuries?",
    "How many fans at the cup final were taken to hospital?",
    "At the anti-war march on 12 June 2021, how many demonstrators were hurt?",
    "Number of concert-goers injured during the New Year concert in 2019.",
    "During last year's carnival, how many members of the public received first aid?",
])
def test_injuries_to_the_public_at_an_event_are_read_from_its_records(text):
    reading = read_text(text)
    assert reading.record is not None and reading.record.id == "event_injuries"
    assert reading.free_text is not None
    assert estimate(reading, law_for(Act.FOIA)).manual
    assert "cost.estimate" in findings_of(text)


@pytest.mark.parametrize("text, record", [
    ("How many officers were injured at the city derby on 3 March 2023?", "officer_assaults"),
    ("How many uses of force on protesters at the march resulted in injury, by type of force?", "use_of_force"),
    ("How many arrests were made at the summer festival?", "arrests"),
    ("How many protesters were injured by police dogs at the march on 1 May 2021?", "use_of_force"),
    ("How many people were injured in road collisions in 2023?", None),
    ("How many spectators attended the city derby on 3 March 2023?", None),
])
def test_other_injuries_and_other_counts_at_events_keep_their_record(text, record):
    assert record_of(text) == record
