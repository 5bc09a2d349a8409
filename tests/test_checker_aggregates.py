"""General questions forces answer in full draw no refusal warning; the same subject narrowed to one
officer, one case or one death still does. Sentences written here, on subjects of their own."""

import pytest

from composer.checker import check
from composer.model import Part, Request


def _loud(text: str) -> set[str]:
    request = Request(title="Questions", parts=[Part(text=text)])
    return {f.rule for f in check(request) if f.severity != "info"}


# -- staff outcomes: yearly, force-wide counts the national statistics hold ---------------------

@pytest.mark.parametrize("text", [
    "How many officers were dismissed after disciplinary hearings in each of the last five years?",
    "How many complaints against officers were recorded in each year from 2019 to 2023, broken down by outcome?",
    "How many police staff were dismissed for gross misconduct in 2022 and 2023?",
    "How many misconduct hearings were held in each of the last three years, and how many ended in dismissal?",
    "How many officers in the force were dismissed in each of the last three years?",
])
def test_yearly_counts_of_staff_outcomes_are_not_small_counts(text):
    assert "personal_data.staff-matters" not in _loud(text)


@pytest.mark.parametrize("text", [
    # what the statistics do not count: a handful of people a year
    "How many settlement agreements did the force sign with departing staff in each of the last three years?",
    "How many grievances were raised by police staff in each of the last three years?",
    "How many officers left the force through ill-health retirement in each of the last three years?",
    # a published outcome narrowed to a rank, a unit, a month or an uncoded kind of misconduct
    "How many misconduct hearings were held in 2023, by rank of the officer?",
    "How many officers who were disciplined in the dog unit in 2023 were dismissed?",
    "How many officers in the dog unit were disciplined in 2023?",
    "How many officers at Northtown police station were dismissed in 2023?",
    "How many officers from the roads policing unit have been suspended since 2022?",
    "How many officers who were dismissed in March 2024 had been disciplined before?",
    "How many officers were dismissed for sexual misconduct in each of the last three years?",
    # why staff were off sick, in one station, unit or control room: a few colleagues
    "How many officers at Northtown police station are off sick with stress?",
    "How many officers in the dog unit have been diagnosed with PTSD?",
    "How many staff in the control room took sick leave for anxiety in 2023?",
])
def test_staff_matters_still_warns_where_the_people_are_few(text):
    assert "personal_data.staff-matters" in _loud(text)


def test_staff_off_sick_for_a_reason_across_the_force_over_a_year_is_many_people():
    assert "personal_data.staff-matters" not in _loud("How many officers were off sick with stress in 2023?")


def test_one_named_officers_discipline_still_warns():
    assert _loud("What disciplinary action was taken against PC Jane Doe after the hearing in March 2023?") & {
        "personal_data.named-person", "personal_data.staff-matters"}


# -- what a part asks, and whether the rule should warn: (rule, text, warns) ------------------------

CASES = [
    # a contract mentions equipment; it is not a case's material
    ("personal_data.case-documents", "Please send me a copy of the contract with the company that supplies your "
     "body-worn video cameras.", False),
    ("personal_data.case-documents", "Please send me the invoices for the body-worn video cameras bought in 2023.", False),
    ("personal_data.case-documents", "Please provide the tender specification for the custody records system the "
     "force bought in 2021.", False),
    # one death or incident, not a kind of event in general
    ("exemption.subject", "What guidance do officers follow after the death of a person in police custody?", False),
    ("exemption.subject", "How does the force review the investigation into any complaint of excessive force?", False),
    ("exemption.subject", "How many deaths in custody occurred in each of the last five years?", False),
    ("exemption.subject", "What happened after the death of a man in custody at Northtown police station?", True),
    ("exemption.subject", "Please send the investigation report into the death of Mr Adam Jones in custody in 2021.", True),
    ("exemption.subject", "Who carried out the investigation into the shooting in Mill Road last Tuesday?", True),
    # spending and policies are answered; what shows capability or identifies a vehicle is not
    ("exemption.subject", "How much did the force spend on surveillance equipment in 2022/23?", False),
    ("exemption.subject", "How much did the force spend on its automatic number plate recognition cameras in each "
     "of the last three years?", False),
    ("exemption.subject", "Please send me the force's policy on the use of unmarked police cars.", False),
    ("exemption.subject", "Please list the surveillance equipment the force has bought since 2020.", True),
    ("exemption.subject", "Please give the registration numbers of the force's unmarked police cars.", True),
    ("exemption.subject", "Which streets did the force's number plate cameras watch in June 2023?", True),
    # discharges are counted force by force in the Home Office's firearms statistics; stocks are not
    ("exemption.subject", "How many times did officers discharge a firearm in each of the last five years?", False),
    ("exemption.subject", "How many rounds of ammunition does the force hold?", True),
    # what IT security cost is given; attacks on the force's systems are not
    ("exemption.subject", "How much did the force spend on its new firewall in 2023?", False),
    ("exemption.subject", "How many cyber attacks on the force's systems were there in 2023?", True),
    # which version, operating system or back end a system runs, or when it was patched, shows what is
    # unpatched (SIC 084/2016); which version of a policy is current is a document's edition
    ("exemption.subject", "What software does the force use to read seized phones, and which version is "
     "installed?", True),
    ("exemption.subject", "Which operating system do the force's laptops run, and when were they last patched?", True),
    ("exemption.subject", "Which version of the stop and search policy is in force now?", False),
    # the plates on a hotlist warn their users; how many entries it holds is given
    ("exemption.subject", "Please list every vehicle registration flagged on the force's ANPR hotlist.", True),
    ("exemption.subject", "How many vehicles were on the force's ANPR hotlists on 1 March 2024?", False),
    # the plans for an event still to come; figures about one that has happened are given
    ("exemption.subject", "Please send the force's threat assessment for the upcoming Pride march.", True),
    ("exemption.subject", "Please send the operational order for the forthcoming county show.", True),
    ("exemption.subject", "How many officers were deployed to last year's county show, and at what cost?", False),
    ("exemption.subject", "What software does the force use to record crimes?", False),
    # a policy on communications data is answered (and is no correspondence to search); whose records
    # the force asked phone companies for is not
    ("exemption.subject", "Please send me the force's policy on communications data requests.", False),
    ("cost.estimate", "Please send me the force's policy on communications data requests.", False),
    ("exemption.subject", "Which phone companies did the force ask for communications data in 2023?", True),
    # a term that says which: the IOPC's deaths during or following police contact, live facial recognition
    ("clarity.undefined-term", "How many live facial recognition deployments did the force carry out in 2023?", False),
    ("clarity.undefined-term", "How many retrospective facial recognition searches did the force run in 2023?", False),
    ("clarity.undefined-term", "How many times did the force use facial recognition in 2023?", True),
    ("clarity.undefined-term", "How many people died in police custody or after police contact in each of the "
     "last five years?", False),
    ("clarity.undefined-term", "How many police contacts did people with autism have in 2023?", True),
]


def test_communications_between_people_are_still_correspondence():
    from composer.checker.reading import read_text

    asked = read_text("Please send me all communications between the chief constable and the PCC about drones.")
    assert asked.record is not None and asked.record.id == "correspondence"
    strategy = read_text("Please send me the force's communications strategy for 2024.").record
    assert strategy is None or strategy.id != "correspondence"


@pytest.mark.parametrize(("rule", "text", "warns"), CASES)
def test_a_rule_warns_on_one_case_and_not_on_the_general_question(rule, text, warns):
    assert (rule in _loud(text)) is warns


@pytest.mark.parametrize("text", [
    "Please send me the body-worn video footage from the arrest of a cyclist in Mill Road on 2 March 2024.",
    "Please provide the investigation report into the collision between a patrol car and a cyclist last May.",
])
def test_one_cases_material_still_warns(text):
    # the case material, or the one incident it comes from (the checker gives the stronger finding)
    assert _loud(text) & {"personal_data.case-documents", "personal_data.one-incident"}
