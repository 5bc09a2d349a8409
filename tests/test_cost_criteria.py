"""A count's filters and breakdowns placed against what police systems code (resources/coded.toml).

The list is of what IS coded, so a criterion in words nobody listed is read as needing each record
read, and one in the standards' own words is read as a query. Every sentence here is written for the
test, on subjects of its own; none names a word the checker's other lists hold for the criterion."""

from __future__ import annotations

import pytest

from composer.checker import check, criteria
from composer.checker.knowledge import RECORD_BY_ID
from composer.model import Part, Request


def R(*parts: str, intro: str | None = None) -> Request:
    return Request(parts=[Part(text=t) for t in parts], introduction=intro)


def cost_warnings(request: Request) -> set[str]:
    return {f.rule for f in check(request) if f.category == "cost" and f.severity != "info"}


def rule_severities(request: Request, rule: str) -> list[str]:
    return [f.severity for f in check(request) if f.rule == rule]


SPAN = "in each year from 2019 to 2024"

# (why, part, must it draw a cost warning?)
CASES = [
    ("a property of the thing stolen", f"How many thefts of bicycles were recorded {SPAN}, broken down by frame colour?", True),
    ("month and ward are fields", f"How many thefts of bicycles were recorded {SPAN}, broken down by month and ward?", False),
    ("self-defined ethnicity is a field of the search record",
     f"How many stop and searches were carried out {SPAN}, by self-defined ethnicity?", False),
    ("what the person searched wore is not",
     f"How many stop and searches were carried out {SPAN}, broken down by whether the person was wearing a hood?", True),
    ("a circumstance of the burglary", f"How many burglaries were recorded {SPAN} where the householder was asleep at the time?", True),
    ("local policing area is a field", f"How many burglaries were recorded {SPAN}, broken down by local policing area?", False),
    ("a circumstance of the person arrested", f"How many arrests were made {SPAN} of people who were homeless at the time?", True),
    ("how the victim lived", f"How many burglaries were recorded {SPAN} of victims aged over 80 who lived alone?", True),
    ("who the victims were by age, a field", f"How many burglaries were recorded {SPAN} of victims who were aged over 80?", False),
    ("age group and gender of arrests", f"How many arrests were made {SPAN}, broken down by age group and gender?", False),
    ("what the damage was done with", f"How many criminal damage offences {SPAN} were committed with a brick?", True),
    ("the blade's length", f"How many knife crimes were recorded {SPAN} by the length of the blade?", True),
    ("knife crime by ward", f"How many knife crimes were recorded {SPAN} by ward?", False),
    ("how the robbers travelled", f"How many robberies {SPAN} were committed by offenders on electric scooters?", True),
    ("the thing taken, where no offence names it", f"How many thefts of garden ornaments were recorded {SPAN}?", True),
    ("the offence names the thing taken", f"How many thefts of pedal cycles were recorded {SPAN}?", False),
    ("use of force by tactic and outcome", f"How many uses of force were recorded {SPAN}, broken down by tactic and by outcome?", False),
    ("complaints by allegation category", f"How many complaints against officers were recorded {SPAN}, broken down by allegation category?", False),
    ("leavers by reason for leaving", f"How many police officers left the force {SPAN}, broken down by reason for leaving and rank?", False),
    ("hate crime by strand", f"How many hate crimes were recorded {SPAN}, broken down by strand?", False),
    ("incidents by day of the week", f"How many domestic abuse incidents were recorded {SPAN} by day of the week?", False),
    ("detentions by place of safety", f"How many people were detained under section 136 of the Mental Health Act {SPAN}, by age and "
     "place of safety?", False),
    ("searches done by a named force", f"How many stop and searches were carried out by Northshire Police {SPAN}?", False),
    # The people or things counted, named before what happened to them.
    ("a kind of person arrested", f"How many military veterans were arrested {SPAN}?", True),
    ("an age group arrested", f"How many children were arrested {SPAN}?", False),
    ("a nationality arrested", f"How many foreign nationals were arrested {SPAN}?", False),
    ("a kind of person searched", f"How many university students were stopped and searched {SPAN}?", True),
    ("a part of a vehicle stolen, before the event", f"How many catalytic converter thefts were recorded {SPAN}?", True),
    ("a coded kind of theft, before the event", f"How many vehicle thefts were recorded {SPAN}?", False),
    ("a motive no flag holds", f"How many gambling-related crimes were recorded {SPAN}?", True),
    ("a motive a flag holds", f"How many alcohol-related crimes were recorded {SPAN}?", False),
    ("a topic of incidents", f"How many incidents relating to e-scooters were recorded {SPAN}?", True),
    ("a flag of incidents", f"How many incidents relating to domestic abuse were recorded {SPAN}?", False),
    ("victims by who they are", f"How many crimes against tourists were recorded {SPAN}?", True),
    ("victims by age", f"How many crimes against children were recorded {SPAN}?", False),
    ("collisions by severity", f"How many fatal collisions were recorded {SPAN}?", False),
    ("stops beside arrests", f"How many stops and arrests were made {SPAN}?", False),
    ("a definition is not a filter", f"How many crimes were 'screened out' {SPAN}? By 'screened out' I mean crimes closed on "
     "the day by a volunteer clerk.", False),
    # A filter written in the standards' own words is a field, however it is phrased.
    ("an outcome type as a filter", f"How many rapes were recorded {SPAN} where the victim did not support further action?", False),
    ("a search record's field as a filter", f"How many stop and searches {SPAN} involved the removal of more than outer clothing?",
     False),
    ("an officer as the suspect is no field", f"How many crimes were reported {SPAN} where the suspect was a police officer?", True),
    ("a property asked of each", f"How many vehicles were stolen {SPAN}, and what was the colour of each?", True),
    ("a field asked of each", f"How many stop and searches were carried out {SPAN}, and what was the outcome of each?", False),
    # What money went on: an expense heading is a field of the ledger, a thing bought is a line of an invoice.
    ("a thing bought", f"How much did the force spend on coffee pods {SPAN}?", True),
    ("an expense heading", f"How much did the force spend on overtime {SPAN}?", False),
    ("interpreters, a heading", f"How much did the force spend on interpreters from April 2019 to March 2024?", False),
    ("an operation has a cost code", f"How much was spent on this investigation {SPAN}?", False),
    ("people with a condition no custody field holds", f"How many people with hearing impairments were arrested {SPAN}?", True),
    ("the recording officer is a field of every record", f"How many stop and searches were carried out {SPAN}, broken down "
     "by the searching officer's collar number?", False),
    ("a property of a person", f"How many people were arrested {SPAN}, broken down by their height?", True),
    ("a rate per head is no criterion", f"How many burglaries were recorded {SPAN} per 1,000 residents?", False),
    ("how much by is no criterion", f"How many burglaries were recorded {SPAN}, and by how much did they fall?", False),
    ("the channel a crime came in by", f"How many burglaries were recorded {SPAN} by method of reporting?", False),
    ("where it happened, outside what", f"How many stop and searches {SPAN} took place outside fast food outlets?", True),
    ("a circumstance of the person force was used on", f"How many uses of force {SPAN} were on people who were pregnant?", True),
    ("a policy document, not a count", "Please provide a copy of your policy on recording bicycle thefts by frame colour.", False),
]


@pytest.mark.parametrize("why, text, expected", CASES, ids=[c[0] for c in CASES])
def test_cost_warning(why, text, expected):
    assert bool(cost_warnings(R(text))) is expected, why


def test_a_single_year_gets_a_note_not_a_warning():
    single = R("How many thefts of bicycles were recorded in 2023, broken down by frame colour?")
    assert rule_severities(single, "cost.unplaced-criterion") == ["info"]
    assert not cost_warnings(single)
    many = R(f"How many thefts of bicycles were recorded {SPAN}, broken down by frame colour?")
    assert rule_severities(many, "cost.unplaced-criterion") == ["warning"]


def test_a_small_kind_of_record_gets_a_note_not_a_warning():
    from composer.forces import load_directory

    # Few Mental Health Act detentions a year in the smallest force: reading them may fit the limit.
    request = R(f"How many people were detained under section 136 {SPAN}, broken down by the length of their hair?")
    sized = [f for f in load_directory().forces if f.officers]
    smallest = min(sized, key=lambda f: f.officers)
    assert RECORD_BY_ID["mental_health_detentions"].yearly_for(smallest.officers) < 1000
    assert [f.severity for f in check(request, force=smallest) if f.rule == "cost.unplaced-criterion"] == ["info"]
    # Recorded crime in the same force is many thousands a year: the same criterion warns.
    crimes = R(f"How many assaults were recorded {SPAN}, broken down by the length of the suspect's hair?")
    assert [f.severity for f in check(crimes, force=smallest) if f.rule == "cost.unplaced-criterion"] == ["warning"]


def test_the_message_quotes_the_criterion_and_estimates_in_words():
    request = R(f"How many burglaries were recorded {SPAN} where the householder was asleep at the time?")
    finding = next(f for f in check(request) if f.rule == "cost.unplaced-criterion")
    assert "the householder was asleep at the time" in finding.message
    assert "read at 5 minutes each" in finding.message and "hours" in finding.message
    assert finding.suggestion and "field" in finding.suggestion


def test_placing_reads_each_breakdown_in_a_list():
    crime = RECORD_BY_ID["recorded_crime"]
    assert criteria.unplaced("How many crimes, broken down by month, ward and outcome?", crime) is None
    found = criteria.unplaced("How many crimes, broken down by month, ward and the victim's shoe size?", crime)
    assert found is not None and "size" in found.uncoded and found.property


def test_a_criterion_partly_coded_is_left_to_the_force():
    crime = RECORD_BY_ID["recorded_crime"]
    # The offence is coded even if the rest is not: the force may answer by offence; no placing.
    assert criteria.unplaced("How many shoplifting offences, broken down by the type of goods stolen?", crime) is None


def test_only_kinds_of_record_with_listed_fields_are_placed():
    assert criteria.unplaced("How many reports, broken down by frame colour?", RECORD_BY_ID["documents"]) is None
    assert criteria.unplaced("How many reports, broken down by frame colour?", None) is None


def test_a_short_sub_part_under_a_breakdown_is_a_breakdown():
    def asked(*subs: str) -> list[str]:
        request = Request(parts=[Part(text=f"Please give the number of thefts of pedal cycles recorded {SPAN}, broken down by:",
                                      subparts=[Part(text=t) for t in subs])])
        return [f.severity for f in check(request) if f.rule == "cost.unplaced-criterion"]

    assert asked("a) month", "b) ward") == []
    assert asked("a) month", "b) the material of the frame") == ["warning"]
