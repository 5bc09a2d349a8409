"""Exemptions, personal data and asking, read from principles rather than from one example.

Each principle has sentences that must change and, beside them, the nearest sentences that must not.
Every sentence is written for this test, on subjects of its own; each must-change asserts the reading
fact that explains the change as well as the finding.
"""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.exemption import subjects_in
from composer.checker.reading import read_text
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def findings(*parts: str, intro: str = ""):
    request = Request(introduction=intro or None, parts=[Part(text=t) for t in parts])
    return check(request, requester=JANE)


def loud(*parts: str, intro: str = "") -> dict[str, list]:
    """{rule: [findings]} for each warning or error."""
    out: dict[str, list] = {}
    for f in findings(*parts, intro=intro):
        if f.severity in ("warning", "error"):
            out.setdefault(f.rule, []).append(f)
    return out


def security(text: str) -> tuple[bool, bool] | None:
    """(found, softened) for the security-bodies subject in `text`, or None when it is not touched."""
    for subject, _span, softened in subjects_in(text):
        if subject.id == "security-bodies":
            return True, softened
    return None


# -- E: the protected subject must be what is asked ---------------------------------------------
# Counts of justice outcomes for an offence are criminal justice figures, whatever the word order and
# wherever the period comes from; an office-holder writing or receiving official letters is not their subject.

OFFENCE_COUNTS = [
    ("Since 2018, how many people has the force reported to the prosecutor for inviting support for a proscribed "
     "organisation?",),
    ("In each year from 2016 to 2020, the number of recommendations to prosecute made for offences under section 12 "
     "of the Terrorism Act.",),
    ("Prosecutions for membership of a proscribed organisation: how many since 2015?",),
    ("How many people were cautioned for collecting information useful to terrorists?",),
    # a follow-up with no period of its own, borrowing the first part's
    ("How many people were arrested under the Terrorism Act 2000 in 2021?",
     "And how many of them were charged with belonging to a proscribed organisation?"),
    ("Terrorism charges brought by the force in 2019 and 2020: the number for each year.",),
]


@pytest.mark.parametrize("parts", OFFENCE_COUNTS)
def test_counts_of_terrorism_offences_are_not_security_body_information(parts):
    assert security(parts[-1]) == (True, True)  # the subject is read, and read as a published count
    assert "exemption.subject" not in loud(*parts)


SECURITY_ASKED = [
    "Has the force passed intelligence about the organisation to MI5?",
    "How many arrests were made by the force in 2019 after tip-offs from the Security Service?",
    "How many officers work in the Special Branch office at the port?",
    "Any correspondence with GCHQ about the charges brought in 2020.",
    "Documents about members of a proscribed organisation meeting in Westtown in 2022.",
    "Intelligence held on support for a proscribed organisation at the university in 2019.",
]


@pytest.mark.parametrize("text", SECURITY_ASKED)
def test_the_security_bodies_asked_about_still_warn(text):
    assert security(text) == (True, False)
    assert loud(text)["exemption.subject"][0].ncnd


OFFICIAL_LETTERS = [
    "Emails between Assistant Chief Constable Rhoda Small and the county council about the bridge closure.",
    "Letters from the county council to Chief Constable Peter Hale about the closure of the Westgate custody suite "
    "in 2019.",
    "Correspondence sent by Chief Superintendent Ann Lowe to the Home Office on the 2021 firearms licensing backlog.",
    "Copies of the memos PCC Jane Doe sent to the Chief Constable about the new headquarters in 2023.",
    "The minutes of meetings between Commissioner Mark Rowe and the Mayor about knife crime in 2022.",
    "All emails from the then Deputy Chief Constable Omar Reid to the fire service about the joint control room.",
]


@pytest.mark.parametrize("text", OFFICIAL_LETTERS)
def test_office_holder_writing_official_letters_is_not_their_subject(text):
    assert read_text(text).identifies is None
    warned = loud(text)
    assert "personal_data.named-person" not in warned and "personal_data.identifies-one" not in warned


ABOUT_THE_PERSON = [
    ("Any complaints made against Assistant Chief Constable Rhoda Small.", "Assistant Chief Constable Rhoda Small"),
    ("Emails discussing whether PC John Smith should be disciplined.", "PC John Smith"),
    ("Emails between ACC Rhoda Small and the council about her suspension.", "ACC Rhoda Small"),
    ("The pension paid to Chief Constable Peter Hale since 2022.", "Chief Constable Peter Hale"),
    ("Did Chief Constable Peter Hale receive a complaint in 2021?", "Chief Constable Peter Hale"),
    ("Minutes of the meeting where Chief Inspector Ben Ford was interviewed about the missing exhibits.",
     "Chief Inspector Ben Ford"),
]


@pytest.mark.parametrize("text, person", ABOUT_THE_PERSON)
def test_a_named_office_holder_asked_about_is_one_whole_person(text, person):
    assert read_text(text).identifies == person  # the whole title and both names: one person
    found = loud(text)["personal_data.named-person"][0]
    assert found.ncnd and f"'{person}'" in found.message


# -- L (missed refusals): security subjects include named groups and terrorist methods ----------------

GROUPS_AND_METHODS = [
    "Intelligence reports mentioning the UVF as involved in extortion in East Belfast between 2018 and 2019.",
    "Information on the hoax ricin letters sent to constituency offices in 2005.",
    "Any documents about suspected ISIS recruiters active in your area in 2016.",
    "Records of the New IRA's activity in Derry during 2021.",
    "Any reports about white powder sent to the council offices in March 2020.",
    "Briefings on the threat from Palestine Action to defence sites in the county in 2024.",
    "What was found in the suspected dirty bomb recovered at the docks in 2017?",
]


@pytest.mark.parametrize("text", GROUPS_AND_METHODS)
def test_named_groups_and_terrorist_methods_are_security_subjects(text):
    assert security(text) == (True, False)
    found = loud(text)["exemption.subject"][0]
    assert found.ncnd and "23" in found.law


NOT_SECURITY = [
    "The number of arrests under the Terrorism Act 2000 in each year from 2018 to 2022.",
    "How many hoax 999 calls did your force record in 2023?",
    "How many malicious communications offences were recorded in 2022?",
    "How many people were arrested for supporting National Action in 2017?",
    "WHAT IS THE NUMBER OF ROBBERIES RECORDED IN 2020?",
    "How many national action plans on domestic abuse has the force adopted since 2015?",
]


@pytest.mark.parametrize("text", NOT_SECURITY)
def test_published_counts_and_ordinary_hoaxes_are_not_security_warnings(text):
    assert security(text) in (None, (True, True))
    assert "exemption.subject" not in loud(text)


# -- J (wrong warnings): the force's own overt kit and premises are not covert watching --------------

def one_case_found(text: str):
    return [f for f in findings(text) if f.rule == "exemption.one-case" and f.severity == "warning"]


def watched(text: str) -> bool:
    """Whether the one-case warning is the s31 'was this place watched' neither-confirm-nor-deny."""
    return any(f.ncnd and "31(3)" in f.law for f in one_case_found(text))


OVERT_KIT = [
    # (text, the reading's one case: the kind still found, or None when the day is an opening day)
    ("The in-car video from the traffic car that attended the crash on the bypass on 9 May 2020.", "day"),
    ("Details of faults found in the CCTV in the new cells at Northtown station after it opened on 1 March 2019.", None),
    ("The body-worn video of the officer who took my statement on 2 June 2022.", "day"),
    ("Please provide the BWV footage from PC Ames's camera recorded on 4 April 2021 at 12 Elm Road.", "address"),
    ("How often did the custody CCTV at Westgate fail between the day it opened on 6 June 2018 and 2020?", None),
    ("Camera recordings from the front counter of Hill Street police station on 3 August 2022.", "day"),
    ("Was the custody suite's recording system working when it came into use on 2 February 2021?", None),
]


@pytest.mark.parametrize("text, kind", OVERT_KIT)
def test_overt_kit_and_premises_are_not_covert_watching(text, kind):
    case = read_text(text).one_case
    assert (case[0] if case else None) == kind
    assert not watched(text)


WATCHING = [
    "Did the force fly a drone over Elm Farm on 3 May 2020?",
    "Was a CCTV camera put up to watch 22 Elm Road on 5 May 2019?",
    "Were any cameras monitoring 8 Church Lane during June 2021?",
    "Did officers carry out surveillance of 41 Ash Grove on 12 March 2020?",
    "Was the van registered as AB12 CDE tracked by ANPR on 1 May 2022?",
    "Did the force monitor the vigil on Castle Street on 6 June 2021?",
]


@pytest.mark.parametrize("text", WATCHING)
def test_watching_one_place_still_neither_confirmed_nor_denied(text):
    assert read_text(text).one_case is not None
    assert watched(text), text


# -- the message for an overt enforcement site: withheld under s31, not NCND --------------------------

ENFORCEMENT_SITES = [
    "How many tickets has the speed camera on the A338 issued each year since 2015?",
    "How many drivers were caught by the safety camera van on Station Road in 2019?",
    "The number of notices cancelled from the average speed cameras on the M4 in 2021.",
    "Red light camera activations at the junction of Mill Road in 2018, by month.",
    "How many bus lane camera fines came from Queen Street in 2022?",
    "Speed camera van deployments on London Road in 2020 and the detections at each.",
]


@pytest.mark.parametrize("text", ENFORCEMENT_SITES)
def test_enforcement_camera_site_may_be_withheld_not_ncnd(text):
    found = one_case_found(text)
    assert found and not found[0].ncnd and found[0].law == "FOIA s31(1)"
    assert "withhold it under section 31" in found[0].message and "neither confirm" not in found[0].message


def test_a_covert_camera_at_an_enforcement_site_is_still_watching():
    assert watched("Was a hidden camera watching 12 Station Road on 3 May 2021?")


# -- K (wrong warnings): words about the request itself are not its subject -----------------------

REQUEST_TALK = [
    "As the complainant in an earlier matter, I ask for the lift maintenance schedule at your Bridge Street headquarters.",
    "Further to my request of 4 May 2023, please send the minutes of the estates board.",
    "Following your reply dated 9 June 2022, please provide your policy on uniform allowances.",
    "Your reference FOI/2023/0456 refused this: please send the fleet replacement plan for Hill Street garage.",
    "On 3 March 2022 the applicant requested the audio tapes of the 1980s interviews the force says it holds.",
    "The appellant's earlier internal review of 5 July 2021 asked for the catering contract at the Park Street depot.",
    "In my email of 14 October 2020 I asked for the training schedule; please now send it.",
]


@pytest.mark.parametrize("text", REQUEST_TALK)
def test_words_about_the_request_give_no_case(text):
    assert read_text(text).one_case in (None,) or read_text(text).one_case[0] == "street"
    assert not one_case_found(text)


CASES_STILL = [
    "Any complaint made about noise at 14 Bridge Street.",
    "Records of the arrest made at 14 Bridge Street on 4 May 2023.",
    "Who complained about the flat at 3 Mill Lane on 9 June 2022?",
    "The complainant at 3 Mill Lane says officers attended on 9 June 2022: what was recorded?",
    "Further to my request, who was arrested for the burglary at 9 Elm Road on 4 May 2023?",
    "Was anyone arrested at 7 Oak Avenue after the request for help made on 2 June 2021?",
]


@pytest.mark.parametrize("text", CASES_STILL)
def test_a_case_named_beside_request_talk_still_warns(text):
    assert read_text(text).one_case is not None
    assert one_case_found(text)


# -- L (wrong warnings): a standalone description of recorded information is an ask (s8(1)(c)) -------

from composer.checker.clarity import _describes  # noqa: E402  (the reading fact behind the rule)

DESCRIPTIONS = [
    "The date on which the force first bought lidar speed guns.",
    "All CCTV footage of the front counter at Bridge Street station on 2 May 2022.",
    "The architect's drawings for the new firing range.",
    "All recorded footage of the officers' visit to 4 Park Lane on 3 June 2021.",
    "The purchase date of the drone detection system at the airport.",
    "1. The floor plans of the new custody block.",
    "Transcripts of the 999 calls made from Elm Road on 4 July 2020.",
]


@pytest.mark.parametrize("text", DESCRIPTIONS)
def test_a_description_of_information_is_an_ask(text):
    assert _describes(text.lower())
    assert "clarity.no-ask" not in loud(text)


GRIEVANCES = [
    "I am unhappy with how the officer spoke to my son.",
    "Your officers were rude and I want it noted.",
    "The date on my ticket was wrong and nobody listened.",
    "The officer lost my files and I want them back.",
    "The footage was never shown to me and I feel ignored.",
    "The times on the charge sheet were false and I believe the sergeant lied.",
]


@pytest.mark.parametrize("text", GRIEVANCES)
def test_a_grievance_still_asks_for_nothing(text):
    assert not _describes(text.lower())
    assert "clarity.no-ask" in loud(text)


# -- P (missed refusals): a workforce word outside the force's own split -----------------------------

def workforce_word(text: str) -> str | None:
    from composer.checker import glossary

    term = next(t for t in glossary.TERMS if t.id == "workforce-groups")
    match = term.pattern.search(text.lower())
    return match.group("word") if match else None


WORKFORCE_WORDS = [
    ("How many community cohesion roles, uniformed and non-uniformed, does your force have?", "roles"),
    ("How many employees work in your wellbeing team?", "employees"),
    ("How many plain-clothes and uniformed posts are there in the diversity unit?", "plain-clothes"),
    ("What is the number of personnel in the roads policing unit on 1 April 2024?", "personnel"),
    ("The total of workers employed by the force in its contact centre at 31 March 2023.", "workers"),
    ("How many employees of the force work in the wellbeing team?", "employees"),
]


@pytest.mark.parametrize("text, word", WORKFORCE_WORDS)
def test_workforce_words_outside_the_forces_split_ask_which_group(text, word):
    assert workforce_word(text) == word
    found = loud(text)["clarity.undefined-term"][0]
    assert f"'{word}'" in found.message and "police staff, PCSOs" in found.message


FORCES_OWN_SPLIT = [
    "How many police officers and police staff work in your diversity unit?",
    "How many PCSOs did your force employ on 31 March 2024?",
    "How many uniformed police officers are on response teams?",
    "How many posts are there in the diversity unit, split into police officers and police staff?",
    "How many officers work in plain clothes in the CID?",
    "How many employees of the county council have access to your systems?",
]


@pytest.mark.parametrize("text", FORCES_OWN_SPLIT)
def test_the_forces_own_groups_ask_nothing(text):
    assert workforce_word(text) is None
    assert not any("workforce" in f.message or "PCSOs and special constables separately" in f.message
                   for f in loud(text).get("clarity.undefined-term", []))


# -- K (missed refusals): case material is recognised by its subject, whatever the phrasing ------------

def case_investigation(text: str) -> bool:
    return any(s.id == "specific-investigation" and not soft for s, _span, soft in subjects_in(text))


CASE_MATERIAL = [
    # (text, what the reading must find: the action, and the one case that bounds it)
    ("All CCTV recorded by your officers outside 14 Mill Street, Anytown on 3 August 2021.", "address"),
    ("All BWV recorded at Tom Jones's flat on Elm Road on 9 May 2023.", "day"),
    ("2. The 999 call audio from the fire at Oak House on 12 February 2022.", "day"),
    ("Any investigation files on the stabbing at 4 Low Road on 2 March 2019.", "address"),
    ("Copies of the in-car video from the pursuit on 8 October 2020.", "day"),
    ("The interview recordings made at Westgate custody on 19 April 2022.", "day"),
]


@pytest.mark.parametrize("text, kind", CASE_MATERIAL)
def test_footage_and_files_from_one_incident_are_case_material(text, kind):
    reading = read_text(text)
    assert reading.action == "copy" and reading.one_case[0] == kind
    found = loud(text)["personal_data.case-documents"][0]
    assert "40(2)" in found.law


ONE_DEATH = [
    "Material from your 1982 files on my uncle's disappearance.",
    "Any investigation files on Mary Dunn's death in 1979.",
    "What does the force hold about Peter Grey’s murder in 1991?",
    "Please provide the papers on the boy's drowning at the quarry.",
    "Was anyone else ever questioned about this offence?",
    "Has a decision been made on this allegation yet?",
]


@pytest.mark.parametrize("text", ONE_DEATH)
def test_one_death_or_offence_named_any_way_is_an_investigation(text):
    assert case_investigation(text)
    assert loud(text)["exemption.subject"][0].ncnd


NOT_CASE_MATERIAL = [
    "How many hours of body-worn video did your force record in 2023?",
    "Your policy on how long BWV footage is retained.",
    "How many sudden deaths did your force refer to the coroner in 2022?",
    "How many BWV cameras does the force own?",
    "What is the force's death rate in custody compared with the national figure for 2022?",
    "How much did the force spend on CCTV recording equipment in 2021?",
]


@pytest.mark.parametrize("text", NOT_CASE_MATERIAL)
def test_kit_policy_and_counts_are_not_case_material(text):
    warned = loud(text)
    assert "personal_data.case-documents" not in warned
    assert not case_investigation(text) and "exemption.subject" not in warned


# -- J (missed refusals): one person singled out by office, by a link or by a blank is identifiable -------

def singled_out(text: str) -> str | None:
    from composer.checker.personal_data import _LINKED_ONE

    match = _LINKED_ONE.search(text.lower())
    return match.group(0) if match else None


SINGLED_OUT = [
    ("What action was taken against the owner of the dog in the attack I reported last spring?", "the owner of the dog"),
    ("All information about the recorded decision on the bribery allegation made against the chief executive of "
     "Westshire Housing Trust.", "the chief executive of westshire"),
    ("Was the keeper of the van registered as [VRM] prosecuted for the collision I reported?", "the keeper of the van"),
    ("Has [name] been charged over the fight outside the Crown pub?", "[name]"),
    ("What did the force decide about the headteacher of Hillside Primary after the parents' complaint?",
     "the headteacher of hillside"),
    ("The outcome of the fraud allegation against the Leader (then) of [Redacted] Council.", "the leader (then) of [redacted"),
]


@pytest.mark.parametrize("text, who", SINGLED_OUT)
def test_one_person_singled_out_and_what_was_done_about_them_is_ncnd(text, who):
    assert singled_out(text) == who
    found = loud(text)["personal_data.identifies-one"][0]
    assert found.ncnd and "40(5B)" in found.law


NOT_SINGLED_OUT = [
    "How many offences under the Dangerous Dogs Act were recorded in 2023?",
    "How many allegations of misconduct in public office did your force record in each of the last five years?",
    "What is your policy on investigating allegations against senior officials of public bodies?",
    "For each collision, was the driver of the vehicle prosecuted?",
    "The minutes of meetings between the chief executive of the council and the force in 2021.",
    "How many owners of dangerous dogs were prosecuted in 2022?",
]


@pytest.mark.parametrize("text", NOT_SINGLED_OUT)
def test_kinds_of_people_and_office_holders_at_work_are_not_ncnd(text):
    assert "personal_data.identifies-one" not in loud(text)


# -- A (wrong warnings): a yearly series for one fixed asset runs over that asset's life ----------------

ONE_ASSET_YEARLY = [
    ("How many penalty notices has the bus-lane camera on Station Road issued each year?", "camera"),
    ("How many false alarms has the intruder alarm at the force museum raised annually?", "alarm"),
    ("How many people have used the new custody suite's interview rooms each year?", "suite"),
    ("How many times has the ANPR camera at the Westgate junction been out of action? Give it year by year.", "camera"),
    ("How much has the force paid each year to run the Safer Streets scheme in Northtown?", "scheme"),
    ("Per year, how many repairs has the firearms range at Hill Farm needed?", "range"),
    ("How many tickets has the speed camera northbound on the A12 issued each year?", "camera"),
]


@pytest.mark.parametrize("text, asset", ONE_ASSET_YEARLY)
def test_a_yearly_series_for_one_asset_needs_no_period(text, asset):
    period = read_text(text).period
    assert period is not None and period.since == f"the {asset} came into use"
    warned = loud(text)
    assert "clarity.no-period" not in warned and "cost.no-period" not in warned


EVERY_ASSET_YEARLY = [
    "How many penalty notices have your bus-lane cameras issued each year?",
    "How many false alarms were recorded annually?",
    "How many people were interviewed under caution each year?",
    "How many speeding offences are recorded each year?",
    "How many people used custody suites each year?",
    "How many burglaries happen in a typical year?",
]


@pytest.mark.parametrize("text", EVERY_ASSET_YEARLY)
def test_a_yearly_series_of_a_kind_still_lacks_a_period(text):
    assert read_text(text).period is None
