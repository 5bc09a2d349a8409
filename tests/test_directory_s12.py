"""Session 12: the force directory's facts about who runs and who oversees each body (the chief
officer's title, the policing body), the Scottish Police Authority, and the sources each keeps."""

from __future__ import annotations

from composer.checker import check
from composer.forces import load_directory, missing_address
from composer.model import ForceKind, Part, Request
from composer.textimport import parse_request


def _sources(force, fact: str) -> list[str]:
    return [c.source for c in force.checked if c.fact == fact]


def test_every_force_has_a_chief_officer_title_with_its_statute():
    for force in load_directory().forces:
        if force.kind is ForceKind.OVERSIGHT:
            assert force.chief_officer is None and force.chief_office is None, force.id
            continue
        assert force.chief_officer in {"Chief Constable", "Commissioner"}, force.id
        sources = _sources(force, "chief_officer")
        assert len(sources) == 1 and "legislation.gov.uk" in sources[0], force.id


def test_only_the_two_london_forces_are_led_by_a_commissioner():
    led_by_commissioner = {f.id for f in load_directory().forces if f.chief_officer == "Commissioner"}
    assert led_by_commissioner == {"the_met", "city_of_london_police"}


def test_the_office_as_a_sentence_names_it():
    directory = load_directory()
    assert directory.get("kent_police").chief_office == "the Chief Constable of Kent Police"
    assert directory.get("psni").chief_office == "the Chief Constable of the Police Service of Northern Ireland"
    assert directory.get("the_met").chief_office == "the Commissioner of Police of the Metropolis"
    assert directory.get("city_of_london_police").chief_office == "the Commissioner of Police for the City of London"
    assert directory.get("Police Scotland").chief_office == "the Chief Constable of Police Scotland"


# -- who holds each chief officer to account -------------------------------------------------------

MAYORS = {"gmp": "the Mayor of Greater Manchester", "west_yorkshire_police": "the Mayor of West Yorkshire",
          "syp": "the Mayor of South Yorkshire", "nyp": "the Mayor of York and North Yorkshire"}


def test_every_force_has_the_body_that_holds_it_to_account_with_its_source():
    directory = load_directory()
    for force in directory.forces:
        body = directory.policing_body(force)
        if force.kind is ForceKind.OVERSIGHT:
            assert body is None and not _sources(force, "policing_body"), force.id
            continue
        assert body and body.startswith("the "), force.id
        if force.policing_body:  # held here, with where it comes from
            sources = _sources(force, "policing_body")
            assert len(sources) == 1 and "https://" in sources[0], force.id
        else:  # held once, by the directory's body that oversees it
            assert [b.id for b in directory.forces if b.oversees == force.id], force.id


def test_commissioners_mayors_and_authorities_as_of_2024():
    directory = load_directory()
    by_id = {f.id: directory.policing_body(f) for f in directory.forces}
    for force_id, mayor in MAYORS.items():  # the commissioner's functions passed to a mayor (2017, 2021, 2024)
        assert by_id[force_id] == mayor
    # England and Wales elected 37 commissioners in May 2024, four of them also over the fire service
    commissioners = {i for i, body in by_id.items() if body and "Crime Commissioner for" in body}
    assert len(commissioners) == 37
    assert {i for i in commissioners if "Fire" in by_id[i]} == {
        "cumbria_police", "essex_police", "northamptonshire_police", "staffordshire_police"}
    # the West Midlands kept its commissioner (the transfer to the mayor was held unlawful), and the
    # East Midlands mayor did not take over Nottinghamshire's or Derbyshire's
    assert by_id["wmp"] == "the Police and Crime Commissioner for West Midlands"
    assert "Commissioner for Nottinghamshire" in by_id["nottinghamshire_police"]
    assert by_id["hampshire_police"].endswith("for Hampshire and Isle of Wight")  # the area renamed in 2022
    assert by_id["the_met"] == "the Mayor's Office for Policing and Crime"
    assert by_id["psni"] == "the Northern Ireland Policing Board"
    assert by_id["police_scotland"] == "the Scottish Police Authority"
    assert by_id["btp"] == "the British Transport Police Authority"


def test_every_body_says_which_schedule_lists_it():
    for force in load_directory().forces:
        sources = _sources(force, "act")
        assert len(sources) == 1, force.id
        assert ("ukpga/2000/36" in sources[0]) == (force.act.value == "FOIA"), force.id


# -- the Scottish Police Authority --------------------------------------------------------------------

def test_the_scottish_police_authority_is_an_oversight_body_under_the_scottish_act():
    directory = load_directory()
    spa = directory.get("Scottish Police Authority")
    assert spa is directory.get("SPA") is directory.get("scottish_police_authority")
    assert (spa.kind, spa.nation.value, spa.act.value, spa.oversees) == (
        ForceKind.OVERSIGHT, "scotland", "FOISA", "police_scotland")
    assert spa.name_in_text == "the Scottish Police Authority" and spa.chief_officer is None
    # no email address is published in what was read: the letter is posted, and says where
    assert spa.foi_email is None and spa.postal_address[-1] == "Glasgow G51 1DZ"
    said = missing_address(spa)
    assert "1 Pacific Quay" in said and "for this body" in said and "the body's own FOI page" in said
    assert "for this force" in missing_address(directory.get("gloucestershire_police"))
    # chosen with Police Scotland, as the Northern Ireland Policing Board is with the PSNI
    assert [f.id for f in directory.group("scotland")] == ["police_scotland", "scottish_police_authority"]
    assert directory.describe("scotland") == "Police Scotland and the Scottish Police Authority"


def test_its_letter_and_its_clock_are_the_scottish_acts():
    from datetime import date

    from composer.law import law_for
    from composer.letters.letter import request_letter
    from composer.letters.text import letter_as_text
    from composer.model import Requester

    spa = load_directory().get("scottish_police_authority")
    request = Request(title="Cyber kiosks", parts=[Part(text="Please provide the minutes of every meeting at "
                                                             "which cyber kiosks were discussed in 2024.")])
    text = letter_as_text(request_letter(request, spa, Requester(name="Ann Example", email="ann@example.org"),
                                         date=date(2026, 12, 2)))
    assert "Dear Scottish Police Authority," in text
    assert "Freedom of Information (Scotland) Act 2002" in text and "section 12 of the Freedom of Information Act" not in text
    assert law_for(spa) is law_for(load_directory().get("police_scotland"))
    assert "Scottish Information Commissioner" in law_for(spa).regulator.name


def _kept_elsewhere(text: str, force_id: str) -> list[str]:
    found = check(parse_request(text), force=load_directory().get(force_id))
    return [f.message for f in found if f.rule == "jurisdiction.kept-elsewhere"]


def test_asked_for_police_scotlands_records_it_is_told_to_ask_police_scotland():
    told = _kept_elsewhere("How many times was live facial recognition used in 2024, by month?",
                           "scottish_police_authority")
    assert len(told) == 1 and "Police Scotland's records" in told[0]
    assert not _kept_elsewhere("How many times was live facial recognition used in 2024, by month?",
                               "police_scotland")
    # what the Authority keeps itself: its own spending and papers
    assert not _kept_elsewhere("How much did the Authority spend on consultants in 2024?",
                               "scottish_police_authority")


def test_forensic_records_are_the_authoritys_own_but_not_the_boards():
    # the Authority runs Scotland's forensic services; the Northern Ireland Policing Board runs none
    text = "How many forensic submissions were sent for laboratory examination in 2024, by type of exhibit?"
    assert not _kept_elsewhere(text, "scottish_police_authority")
    assert _kept_elsewhere(text, "northern_ireland_policing_board")


# -- a force and the body that oversees it name each other as a matter of course ---------------------

def _other_force(text: str, force_id: str) -> list[str]:
    found = check(parse_request(text), force=load_directory().get(force_id))
    return [f.message for f in found if f.rule == "jurisdiction.other-force"]


def test_a_letter_to_a_force_may_name_the_body_that_oversees_it_and_the_other_way_round():
    to_board = "Please provide the reports on facial recognition you gave to the Northern Ireland Policing Board in 2024."
    to_authority = "Please provide the reports on cyber kiosks you gave to the Scottish Police Authority in 2024."
    assert not _other_force(to_board, "psni")
    assert not _other_force(to_authority, "police_scotland")
    assert not _other_force("Please provide the reports Police Scotland gave the Authority on cyber kiosks in 2024.",
                            "scottish_police_authority")
    # another force's overseer is still another body: a Kent letter naming the Scottish Police Authority
    # was written for Scotland, and the Policing Board is not Police Scotland's
    told = _other_force(to_authority, "kent_police")
    assert len(told) == 1 and "names the Scottish Police Authority" in told[0]
    assert _other_force(to_board, "police_scotland")
