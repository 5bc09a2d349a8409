"""A request sent to every force asks each about its own chief officer, by that force's title.

"Sir Mark Rowley, the Metropolitan Police Commissioner" is the Met's alone: fitted to every force,
Kent's letter asks about the Chief Constable of Kent Police and the City of London's about its
Commissioner. Each body's chief officer is the force directory's fact (`Force.chief_officer`)."""

from __future__ import annotations

import pytest

from composer.forces import load_directory
from composer.law import field_values
from composer.model import ForceKind, Part, Request, fill_fields
from composer.operations.fitting import fit_request, shareable, undo_change


def fitted(text: str) -> tuple[str, list]:
    request = Request(title="Predictive policing", parts=[Part(text=text)])
    new, changes = fit_request(request)
    return new.parts[0].text, changes


def letter_text(text: str, force_id: str) -> str:
    request = Request(title="Predictive policing", parts=[Part(text=text)])
    return fill_fields(text, field_values(request, load_directory().get(force_id)))


# -- each letter fills its own body's chief officer (the directory's `chief_officer`, tests/test_directory_s12.py) --

OFFICES = [  # one of each kind of body: England, Wales, the Met, the City, Scotland, NI, national, oversight
    ("kent_police", "the Chief Constable of Kent Police", "Chief Constable"),
    ("dyfed_powys_police", "the Chief Constable of Dyfed-Powys Police", "Chief Constable"),
    ("the_met", "the Commissioner of Police of the Metropolis", "Commissioner"),
    ("city_of_london_police", "the Commissioner of Police for the City of London", "Commissioner"),
    ("police_scotland", "the Chief Constable of Police Scotland", "Chief Constable"),
    ("psni", "the Chief Constable of the Police Service of Northern Ireland", "Chief Constable"),
    ("btp", "the Chief Constable of British Transport Police", "Chief Constable"),
    ("mdp", "the Chief Constable of the Ministry of Defence Police", "Chief Constable"),
    ("cnc", "the Chief Constable of the Civil Nuclear Constabulary", "Chief Constable"),
    # an oversight body has no chief officer of police: a letter to it asks about the one it oversees
    ("northern_ireland_policing_board",
     "the chief officer of the police service the Northern Ireland Policing Board oversees", "chief officer"),
]


@pytest.mark.parametrize("force_id, office, title", OFFICES)
def test_each_letter_fills_its_own_chief_officer(force_id, office, title):
    values = field_values(Request(title="t", parts=[Part(text="x")]), load_directory().get(force_id))
    assert values["chief_officer"] == office
    assert values["chief_officer_title"] == title


def test_every_kind_of_body_is_covered_above():
    kinds = {load_directory().get(force_id).kind for force_id, _, _ in OFFICES}
    assert kinds == set(ForceKind)


# -- fitting: the request's own force's chief officer becomes each letter's own --------------------------

MET = "Has Sir Mark Rowley, the Metropolitan Police Commissioner, approved the system?"


@pytest.mark.parametrize("force_id, office, title", OFFICES)
def test_a_named_commissioner_becomes_each_forces_chief_officer(force_id, office, title):
    text, changes = fitted(MET)
    assert text == "Has {chief_officer} approved the system?"
    assert letter_text(text, force_id) == f"Has {office} approved the system?"
    assert "Rowley" not in letter_text(text, force_id)
    assert [c.before for c in changes] == ["Sir Mark Rowley, the Metropolitan Police Commissioner,"]
    assert "the person named holds one force's office" in changes[0].why


OWN_OFFICE = [  # (as written, as fitted)
    ("Has the Chief Constable of West Midlands Police, Sir Craig Guildford, approved it?",
     "Has {chief_officer} approved it?"),
    ("Letters to the Chief Constable of West Midlands Police, Sir Craig Guildford.", "Letters to {chief_officer}."),
    ("Has the Commissioner of Police of the Metropolis approved it? Has the MPS used it?",
     "Has {chief_officer} approved it? Has {force_name} used it?"),
    ("Minutes of meetings chaired by Kent Police's Chief Constable.", "Minutes of meetings chaired by {chief_officer}."),
    ("What did the Met Commissioner say about it?", "What did {chief_officer} say about it?"),
    ("Has Metropolitan Police Commissioner Sir Mark Rowley seen it?", "Has {chief_officer} seen it?"),
    ("The Metropolitan Police Commissioner's diary for May 2024.", "{chief_officer}'s diary for May 2024."),
    # no force named: the office is the letter's own force's
    ("Has Chief Constable Sir Craig Guildford seen the DPIA?", "Has {chief_officer} seen the DPIA?"),
    ("Has the Chief Constable, Sir Craig Guildford, seen it?", "Has {chief_officer} seen it?"),
    ("Has the Chief Constable approved it?", "Has the {chief_officer_title} approved it?"),
    ("Has your Chief Constable, Jane Doe, approved it?", "Has your {chief_officer_title} approved it?"),
    ("Did the chief constable's office see it?", "Did the {chief_officer_title}'s office see it?"),
]


@pytest.mark.parametrize("written, expected", OWN_OFFICE)
def test_the_requests_own_chief_officer_is_each_letters_own(written, expected):
    assert fitted(written)[0] == expected


def test_a_bare_title_reads_as_each_forces_own():
    text, _ = fitted("Has the Chief Constable approved it?")
    assert letter_text(text, "kent_police") == "Has the Chief Constable approved it?"
    assert letter_text(text, "city_of_london_police") == "Has the Commissioner approved it?"
    assert letter_text(text, "the_met") == "Has the Commissioner approved it?"


def test_the_person_named_again_alone_is_the_office_holder_too():
    request = Request(title="t", introduction="I write about Sir Mark Rowley, the Metropolitan Police Commissioner.",
                      parts=[Part(text="What did Sir Mark Rowley say about the system?")])
    new, _ = fit_request(request)
    assert new.introduction == "I write about {chief_officer}."
    assert new.parts[0].text == "What did {chief_officer} say about the system?"


def test_the_commissioner_alone_is_the_chief_officer_only_in_a_request_to_a_commissioners_force():
    text, _ = fitted("Has Sir Mark Rowley, the Commissioner, approved it? Has the MPS used it?")
    assert text == "Has {chief_officer} approved it? Has {force_name} used it?"
    text, _ = fitted("Has the Commissioner approved it? Has Kent Police used it?")
    assert text == "Has the Commissioner approved it? Has {force_name} used it?"


STAYS = [  # other offices, deputies, many chief constables, another force's chief officer
    "Did the Deputy Chief Constable see the DPIA?",
    "Did the Assistant Commissioner for Met Operations see it?",
    "Did the Police and Crime Commissioner approve the budget?",
    "Has the Information Commissioner been consulted?",
    "Did the Chief Constables of every force meet in 2023?",
    "Has the Chief Constable of a neighbouring force been told?",
    "All emails from the then Chief Constable Omar Reid to the fire service.",
    "Did the former Chief Constable, Sir Ian Example, sign the contract?",
    "Will the incoming Chief Constable review the policy?",
]


@pytest.mark.parametrize("written", STAYS)
def test_other_offices_stay_as_written(written):
    text, changes = fitted(written)
    assert "chief_officer" not in text, changes


def test_another_forces_chief_officer_asked_about_stays():
    text, _ = fitted("Emails between the Metropolitan Police and the MPS board, and letters from the "
                     "Chief Constable of Kent Police to the Metropolitan Police.")
    assert "the Chief Constable of Kent Police" in text and "{chief_officer}" not in text


def test_each_change_is_listed_and_can_be_put_back():
    request = Request(title="t", parts=[Part(text=MET + " Did the Chief Constable of Kent Police see it?")])
    new, changes = fit_request(request)
    assert new.parts[0].text.startswith("Has {chief_officer} approved")
    restored, rest = undo_change(new, changes[0], changes)
    assert restored.parts[0].text == request.parts[0].text
    assert rest == []


def test_a_shared_template_asks_every_force_about_its_own_chief_officer():
    request = Request(title="Predictive policing", parts=[Part(text=MET)])
    shared, removed, changes = shareable(request, None)
    assert shared.parts[0].text == "Has {chief_officer} approved the system?"
    assert "Rowley" not in shared.model_dump_json()
    assert any("Sir Mark Rowley" in line for line in removed)  # the list still says a name was taken out


def test_an_office_holder_the_user_keeps_in_a_shared_template_keeps_the_office_as_written():
    request = Request(title="Predictive policing",
                      parts=[Part(text=MET), Part(text="What did Sir Mark Rowley say? Has the MPS used it?")])
    shared, removed, _ = shareable(request, None, keep_names=["Sir Mark Rowley"])
    assert shared.parts[0].text == MET  # not "…, {force_name} Commissioner": the person and the office stay
    assert shared.parts[1].text == "What did Sir Mark Rowley say? Has {force_name} used it?"
    assert removed == []
    shared, _, _ = shareable(request, None)  # not kept: each force's own chief officer
    assert shared.parts[0].text == "Has {chief_officer} approved the system?"
