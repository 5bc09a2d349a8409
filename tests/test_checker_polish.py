"""Findings that read real requests wrongly or said one thing several times (QA session 6)."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.sections import NAME, ncnd_pair
from composer.forces import load_directory
from composer.model import Act, Part, Request


def _found(request: Request, force_id: str, rule: str):
    return [f for f in check(request, force=load_directory().get(force_id)) if f.rule == rule]


# -- neither confirm nor deny names two different sections ---------------------------------------------


@pytest.mark.parametrize("act", list(Act))
@pytest.mark.parametrize("topic", ["personal_ncnd", "investigation", "law_enforcement", "security"])
def test_neither_confirm_nor_deny_never_names_one_section_twice(topic, act):
    first, second = ncnd_pair(topic, act).split(", with ")
    assert first != second and NAME["ncnd"][act] in (first, second)


def test_a_scottish_force_is_said_to_claim_section_18_with_the_personal_data_exemption():
    request = Request(title="t", parts=[Part(text="Who lives at 12 Acacia Avenue, Leeds LS6 2AB?")])
    [finding] = _found(request, "police_scotland", "exemption.one-case")
    assert "(section 18, with section 38(1)(b))" in finding.message
    [finding] = _found(request, "wmp", "exemption.one-case")
    assert "(section 40(5B), with section 1(1)(a))" in finding.message


# -- the requester's own address is not a request about one address ------------------------------------


def test_the_requesters_own_address_in_the_introduction_is_not_one_case():
    request = Request(title="t", introduction="I live at 12 Acacia Avenue, Leeds LS6 2AB and I am writing about "
                      "your use of facial recognition.",
                      parts=[Part(text="How many live facial recognition deployments did the force make in 2023?")])
    assert _found(request, "police_scotland", "exemption.one-case") == []


def test_an_address_the_introduction_asks_about_is_still_one_case():
    request = Request(title="t", introduction="Who lives at 12 Acacia Avenue, Leeds LS6 2AB?",
                      parts=[Part(text="Were any arrests made?")])
    found = _found(request, "police_scotland", "exemption.one-case")
    assert [f.message.startswith("The introduction is about one address") for f in found] == [True, False]


# -- "in each case" points back at what the part lists -----------------------------------------------


def test_in_each_case_about_companies_services_is_not_records_about_people():
    text = ("Please disclose the name of each company the force has used for predictive policing services, "
            "and the dates those services were used in each case.")
    request = Request(title="t", parts=[Part(text=text)])
    assert _found(request, "the_met", "personal_data.individual-records") == []


def test_in_each_case_about_arrests_is_still_records_about_people():
    request = Request(title="t", parts=[Part(text="Please list the arrests made under section 60 and the outcome "
                                                  "in each case.")])
    [finding] = _found(request, "the_met", "personal_data.individual-records")
    assert "'in each case'" in finding.message


def test_a_definition_naming_people_does_not_make_each_companys_case_about_people():
    text = ("Please disclose the name of each company the force has used for predictive policing (by which I mean "
            "software that forecasts which people are likely to offend or be victims) services, and the dates "
            "those services were used in each case.")
    request = Request(title="t", parts=[Part(text=text)])
    assert _found(request, "the_met", "personal_data.individual-records") == []


# -- a yes/no umbrella costs its own answer -------------------------------------------------------------


def test_an_umbrellas_costly_sub_part_is_named_with_its_own_hours():
    from composer.checker.cost import estimates_in
    from composer.checker.engine import Context
    from composer.checker.estimate import about_hours

    umbrella = Part(text="Has the force used a predictive policing system? If yes, please answer the following.",
                    subparts=[Part(text="What is the name of the system?"),
                              Part(text="Please provide all correspondence about the system.")])
    request = Request(title="t", parts=[umbrella, Part(text="Does the force have a policy on the system?")])
    force = load_directory().get("wmp")
    [finding] = _found(request, "wmp", "cost.order")
    costly = umbrella.subparts[1]
    hours = estimates_in(Context(request, force, None))[costly.id].hours
    assert finding.part_id == costly.id
    # worded as the part's own cost finding words the same hours (QA-S11: "about 95,126 hours" in this
    # note stood under "about 95,130 hours" in the warning on the same part)
    assert finding.message.startswith(f"Part 1b, under part 1, looks costly ({about_hours(hours)})")
    assert about_hours(95_126) == "about 95,130 hours"
    assert finding.fix is not None and finding.fix.order == (request.parts[1].id, umbrella.id)
