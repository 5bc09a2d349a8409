"""The cost estimate built from what police records hold (resources/holdings.toml): for each
capability, wording that must draw a cost warning and wording that must not."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.calibration import LAW
from composer.checker.engine import Context
from composer.checker.estimate import estimate
from composer.checker.reading import own_period, read_part, read_text
from composer.forces import load_directory
from composer.law import law_for
from composer.model import Act, Part, Request


def R(*parts, intro=None) -> Request:
    built = []
    for item in parts:
        if isinstance(item, tuple):
            text, subs = item
            built.append(Part(text=text, subparts=[Part(text=s) for s in subs]))
        else:
            built.append(Part(text=item))
    return Request(parts=built, introduction=intro)


def cost_warnings(request: Request, force: str | None = None) -> set[str]:
    """Cost warnings at the law's own threshold (beyond the limit), so these readings are tested apart
    from the setting fitted to outcomes (resources/calibration.json), which a refit may move."""
    forced = load_directory().get(force) if force else None
    return {f.rule for f in check(request, force=forced, calibration=LAW)
            if f.category == "cost" and f.severity != "info"}


# (why, request, must it draw a cost warning?)
CASES = [
    # A population filtered by a detail finer than the field that records it: each flagged record read.
    ("sub-strand of a hate-crime flag", R("How many Islamophobic hate crimes were recorded in each year from 2013 to 2019?"), True),
    ("a monitored strand is a flag", R("How many religious hate crimes were recorded in each year from 2013 to 2019?"), False),
    ("what was stolen is in the text", R("How many thefts of dogs were reported in each of the last five years, broken down by breed?"), True),
    ("the kind of place is in the text", R("How many crimes were recorded on school premises in each of the last five years?"), True),
    ("plain totals come from a query", R("How many crimes were recorded in each of the last five years?"), False),
    ("a judgement on each record", R("What percentage of stop and searches since 2020 passed the reasonable grounds assessment, by area?"), True),
    ("the search record's own fields", R("How many stop and searches were carried out since 2020, by area and ethnicity?"), False),
    # Assaults on officers have their own classification and injury-on-duty reports.
    ("injuries to officers are recorded", R("How many assaults on police officers were recorded in 2023, broken down by the type of injury?"), False),
    # Mental Health Act detentions are returned to the Home Office each year.
    ("section 136 is counted", R("How many people were detained under section 136 of the Mental Health Act in each of the last three years?"), False),
    # Two systems crossed person by person.
    ("crimes by certificate holders", R("How many violent crimes in the last five years were committed by people holding a shotgun certificate?"), True),
    ("the licensing register alone", R("How many shotgun certificate applications were refused in each of the last five years?"), False),
    # A live list as it stood on a past date.
    ("a past day of a live list", R("How many people were wanted on outstanding arrest warrants at the end of 2016?"), True),
    ("the live list today", R("How many people are currently wanted on outstanding arrest warrants?"), False),
    # A characteristic the record never holds comes back "not held", not as hours.
    ("custody records hold no religion", R("How many people were arrested in 2023, broken down by religion?"), False),
    # Correspondence with no say whose: every mailbox searched.
    ("whose mailboxes unsaid", R("Please provide the correspondence between the force and the NPCC about weeding records since 1 January 2024."), True),
    ("whose mailboxes said", R("Please provide the emails between the Chief Constable and the PCC about the budget in March 2024."), False),
    ("the requester's own emails", R("Could you also tell me why the media office did not reply to my emails about it?"), False),
    ("asking for the reply by email", R("How many FOI requests did you receive in 2023?", "Please email your reply to me at the address above."), False),
    # Papers from before forces' records were electronic sit in archives.
    ("a document from decades ago", R("Please provide a copy of the police training syllabus used in the 1970s and 1980s."), True),
    ("a current document", R("Please provide a copy of the current training syllabus for new constables."), False),
    # Animals the force keeps: a small register, its details in each file.
    ("an injury in each dog's file", R("How many police dogs were injured on duty in each of the last ten years?"), True),
    ("how many dogs there are", R("How many police dogs does the force have?"), False),
    # One named operation bounds its own figures.
    ("one named operation", R("How much did Operation Sandpiper cost?", "How many officers worked on it?"), False),
    # A filter on something the Counting Rules give no field for.
    ("a circumstance of each burglary", R("How many burglaries were reported in 2023 where the entry point was a back door?"), True),
    ("a filter on a coded field", R("How many burglaries were reported in 2023 where the victim was aged over 80?"), False),
    ("a filter on an offence group", R("How many incidents were reported in 2023 involving violence?"), False),
    ("an incident's setting", R("How many incidents were reported in 2023 involving street drinkers?"), True),
    ("how a crime was solved", R("How many thefts were solved in 2023 with the help of CCTV footage?"), True),
    # Assaults on officers are counted; which kind of officer is in the text.
    ("assaults on specials", R("How many assaults on special constables were recorded in each of the last five years?"), True),
    # A breakdown another record named in the part holds.
    ("a breakdown from the other record named", R("How many domestic abuse incidents were logged in 2023, and the people "
                                                  "proceeded against for them, broken down by gender?"), False),
    # "Stats on" is a count like "statistics on".
    ("stats on a circumstance", R("2023 stats on burglaries not solved because of poor CCTV footage."), True),
    ("stats on a coded field", R("2023 stats on burglaries recorded, by month."), False),
    # Court results sit on each person's criminal record, not on the crime.
    ("prosecutions for an offence", R("Please disclose the number of prosecutions for modern slavery offences in each of the last five years."), True),
    ("the offences themselves", R("Please disclose the number of modern slavery offences recorded in each of the last five years."), False),
    ("an incident's circumstance before the verb", R("How many incidents involving fireworks were reported in 2023?"), True),
    ("an incident's offence group before the verb", R("How many incidents involving a vehicle were reported in 2023?"), False),
    ("an incident qualifier", R("How many incidents in 2023 involving people with mental health issues did officers attend?"), False),
    ("an ASB category", R("How many incidents of anti-social behaviour were reported in 2023 involving motorbikes?"), False),
    ("a custody field", R("How many arrests were made in 2023 where the person was a foreign national?"), False),
    # A breakdown a later form added is read from each record before that form (field_since).
    ("Taser tactics on the 2009 forms", R("How many times was a Taser drawn, aimed or arced in each year from 2010 to 2016?"), False),
    ("ages before the 2017 form", R("How many people aged under 18 had a Taser used on them in each year from 2012 to 2020?"), True),
    ("ages on the 2017 form", R("How many people aged under 18 had a Taser used on them in each year from 2019 to 2023?"), False),
    # A term the requester supplies is searched for in the text, and only the records the search returns are
    # read one by one: a year of them fits the limit, a dozen years of them does not.
    ("calls that mention something", R("How many calls to the force in 2023 mentioned Brexit?"), False),
    ("calls over many years that mention something",
     R("How many calls to the force in each year from 2012 to 2023 mentioned Brexit?"), True),
    ("crimes linked to something uncoded", R("How many crimes were linked to county lines in 2023?"), True),
    ("crimes related to an offence group", R("How many crimes were related to drugs in 2023?"), False),
    # Immigration status is on no police record.
    ("immigration status", R("How many crimes in 2023 were committed by asylum seekers?"), True),
    ("nationality on custody records", R("How many people were arrested in 2023, by nationality?"), False),
    # A victim's or suspect's trade is no field of a crime record.
    ("the victims' trade", R("How many assaults on taxi drivers were recorded in each of the last three years?"), True),
    ("officers assaulted have their own classification", R("How many assaults on police officers were recorded in 2023?"), False),
    # "Sex offenders" is a kind of offender, not a breakdown by sex.
    ("sex offenders", R("How many registered sex offenders live in the force area?"), False),
    # A filter on people by what is coded about them, or by what is not.
    ("victims by sex", R("How many crimes in 2023 were committed against victims who were women?"), False),
    ("victims by housing", R("How many crimes in 2023 were committed against people who were homeless?"), True),
    ("an officer as the victim", R("How many public order offences in 2023 were recorded where the victim was a police officer?"), False),
    ("an officer as the suspect", R("How many crimes were reported in 2023 where the suspect was a police officer?"), True),
    ("the means used", R("How many crimes in 2023 were committed using a mobile phone?"), True),
    # Vetting holds officers' convictions: no check against the Police National Computer one by one.
    ("officers' convictions", R("How many officers employed on 31 March 2024 had a criminal conviction?"), False),
    # Everything in one named mailbox over a given period is bounded.
    ("one mailbox, one period", R("Please provide all emails sent by the Chief Constable about the merger in 2023."), False),
    ("every mailbox, no period", R("Please provide all emails about the merger."), True),
    # A policy described, not records.
    ("details of a policy", R("Please provide full details of your retention policy for body-worn video footage."), False),
]


@pytest.mark.parametrize("why, request_, expected", CASES, ids=[c[0] for c in CASES])
def test_cost_warning(why, request_, expected):
    assert bool(cost_warnings(request_)) is expected, why


def test_sub_parts_of_a_count_are_counted_and_the_first_year_of_a_new_collection_is_read_by_hand():
    request = R(("In how many Taser deployments from 1 April 2017 to 31 March 2021 did the person:",
                 ["have mental health problems", "have acute behavioural disturbance"]))
    ctx = Context(request, None, None)
    sub = next(item for item in ctx.items if item.part is request.parts[0].subparts[0])
    reading = read_part(ctx, sub)
    assert reading.action == "count" and reading.record is not None and reading.record.id == "taser"
    assert "cost.estimate" in cost_warnings(request)
    # From when the use-of-force form recorded impact factors, the same question is a query.
    later = R(("In how many Taser deployments from 1 April 2019 to 31 March 2021 did the person:",
               ["have mental health problems", "have acute behavioural disturbance"]))
    assert not cost_warnings(later)


def test_dates_written_in_figures_are_periods():
    assert own_period("on 21/03/2021").years < 0.1
    period = own_period("from 01/01/16 - present day (12/02/17)")
    assert period is not None and period.first == 2016
    assert own_period("version 3 of the form") is None


def test_a_named_population_reads_only_its_share_of_the_records():
    law = law_for(Act.FOIA)
    everything = estimate(read_text("How many crimes were recorded in 2023 where the victim was a taxi driver?"), law)
    slavery = estimate(read_text("How many modern slavery crimes were recorded in 2023 where the victim was a "
                                 "taxi driver?"), law)
    assert everything.manual and slavery.manual
    assert slavery.records < everything.records / 100


def test_the_estimate_says_a_characteristic_is_not_held():
    est = estimate(read_text("How many people were arrested in 2023, broken down by religion?"), law_for(Act.FOIA))
    assert not est.manual and "not held" in est.words and est.not_held == ("religion",)
    notes = [f for f in check(R("How many people were arrested in 2023, broken down by religion?"))
             if f.rule == "cost.estimate"]
    assert notes and all(f.severity == "info" and "not held" in f.message for f in notes)
    assert not [f for f in check(R("How many people were arrested in 2023, broken down by sex?"))
                if f.rule == "cost.estimate"]


def test_few_records_to_read_make_case_wording_a_note():
    request = R("How many police horses were put down in each year from 2020 to 2024?",
                intro="I would like to know the reason for each, for example whether they were injured.")
    notes = [f for f in check(request) if f.rule == "cost.case-records"]
    assert notes and all(f.severity == "info" for f in notes)
    many = R("How many people were arrested in 2023?",
             intro="For each arrest I would like to know whether they had previous convictions.")
    assert any(f.rule == "cost.case-records" and f.severity == "warning" for f in check(many))


def test_a_part_about_those_counted_before_keeps_their_kind_of_record():
    request = R("How many people were detained under section 136 of the Mental Health Act in each of the last "
                "three years?",
                "In each of these years, how many of these detainees were kept in police custody?")
    ctx = Context(request, None, None)
    second = read_part(ctx, ctx.items[1])
    assert second.record is not None and second.record.id == "mental_health_detentions"
    assert not cost_warnings(request)


def test_the_same_information_as_described_before_is_read_from_that_description():
    detailed = Request(introduction="Another force publishes, for each misconduct hearing, the date, the allegation, a "
                       "summary of the allegation details and the outcome.",
                       parts=[Part(text="Please provide exactly the same information for your force for 2023.")])
    assert "cost.estimate" in cost_warnings(detailed)
    background = Request(introduction="I have seen that another force has published full details of its misconduct "
                         "cases, including the date, the allegation details and the outcome.",
                         parts=[Part(text="Please send me exactly the same information, set out the same way, for "
                                          "your force for 2023.")])
    assert "cost.estimate" in cost_warnings(background)
    totals = Request(introduction="Another force publishes the number of misconduct hearings each year.",
                     parts=[Part(text="Please provide the same figures for your force for 2023.")])
    assert not cost_warnings(totals)
