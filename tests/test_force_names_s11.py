"""Session 11: the names campaigners write for each force, the police bodies outside the UK Acts,
and what a letter says when its force's FOI address is only as WhatDoTheyKnow listed it."""

from __future__ import annotations

import json

import pytest

from composer.errors import NotSubjectToFOI
from composer.force_names import find_forces
from composer.forces import (address_confirmed, listing_page, load_directory, save_override, set_email,
                             unconfirmed_address)

# Two or three ways each force is written: its name, its short forms, the older names in
# WhatDoTheyKnow's list, "&" for "and". Every body in the directory is here (checked below).
SPELLINGS = {
    "avon_and_somerset_police": ["Avon and Somerset Police", "Avon & Somerset", "Avon and Somerset Constabulary"],
    "bedfordshire_police": ["Bedfordshire Police", "Beds Police", "Bedfordshire Constabulary"],
    "cambridgeshire_police": ["Cambridgeshire Constabulary", "Cambs Police", "Cambridgeshire Police"],
    "cheshire_police": ["Cheshire Constabulary", "Cheshire Police"],
    "city_of_london_police": ["the City of London Police", "City of London Police"],
    "cleveland_police": ["Cleveland Police", "Cleveland Constabulary"],
    "cumbria_police": ["Cumbria Constabulary", "Cumbria Police"],
    "derbyshire_police": ["Derbyshire Constabulary", "Derbyshire Police"],
    "devon_and_cornwall_police": ["Devon and Cornwall Police", "Devon & Cornwall Police", "Devon and Cornwall"],
    "dorset_police": ["Dorset Police", "Dorset Constabulary"],
    "durham_police": ["Durham Constabulary", "Durham Police"],
    "dyfed_powys_police": ["Dyfed-Powys Police", "Dyfed Powys Police", "Heddlu Dyfed-Powys"],
    "essex_police": ["Essex Police", "Essex Constabulary"],
    "gloucestershire_police": ["Gloucestershire Constabulary", "Gloucestershire Police"],
    "gmp": ["GMP", "Greater Manchester Police", "Greater Manchester Constabulary"],
    "gwent_police": ["Gwent Police", "Gwent Constabulary", "Heddlu Gwent"],
    "hampshire_police": ["Hampshire and Isle of Wight Constabulary", "Hampshire & Isle of Wight Constabulary",
                         "Hampshire Constabulary", "Hampshire Police"],
    "hertfordshire_police": ["Hertfordshire Constabulary", "Herts Police", "Hertfordshire Police"],
    "humberside_police": ["Humberside Police", "Humberside Constabulary"],
    "kent_police": ["Kent Police", "Kent Constabulary"],
    "lancashire_police": ["Lancashire Constabulary", "Lancashire Police"],
    "leicestershire_police": ["Leicestershire Police", "Leics Police", "Leicestershire Constabulary"],
    "lincolnshire_police": ["Lincolnshire Police", "Lincs Police"],
    "merseyside_police": ["Merseyside Police", "Merseyside Constabulary"],
    "the_met": ["the Met", "MPS", "Metropolitan Police Service", "Met Police", "Scotland Yard"],
    "norfolk_police": ["Norfolk Constabulary", "Norfolk Police"],
    "north_wales_police": ["North Wales Police", "North Wales Constabulary", "Heddlu Gogledd Cymru"],
    "nyp": ["North Yorkshire Police", "NYP"],
    "northamptonshire_police": ["Northamptonshire Police", "Northants Police"],
    "northumbria_police": ["Northumbria Police", "Northumbria Constabulary"],
    "nottinghamshire_police": ["Nottinghamshire Police", "Notts Police", "Nottinghamshire Constabulary"],
    "south_wales_police": ["South Wales Police", "South Wales Constabulary", "Heddlu De Cymru"],
    "syp": ["South Yorkshire Police", "SYP", "South Yorks Police"],
    "staffordshire_police": ["Staffordshire Police", "Staffordshire Constabulary"],
    "suffolk_police": ["Suffolk Constabulary", "Suffolk Police"],
    "surrey_police": ["Surrey Police", "Surrey Constabulary"],
    "sussex_police": ["Sussex Police", "Sussex Constabulary"],
    "thames_valley_police": ["Thames Valley Police", "Thames Valley Constabulary"],
    "warwickshire_police": ["Warwickshire Police", "Warwickshire Constabulary"],
    "west_mercia_police": ["West Mercia Police", "West Mercia Constabulary"],
    "wmp": ["WMP", "West Midlands Police", "West Midlands Constabulary"],
    "west_yorkshire_police": ["West Yorkshire Police", "West Yorkshire Constabulary"],
    "wiltshire_police": ["Wiltshire Police", "Wiltshire Constabulary"],
    "psni": ["PSNI", "the Police Service of Northern Ireland", "Police Service for Northern Ireland"],
    "police_scotland": ["Police Scotland", "the Police Service of Scotland", "PSoS"],
    "btp": ["BTP", "British Transport Police"],
    "mdp": ["MDP", "the Ministry of Defence Police", "MoD Police"],
    "cnc": ["CNC", "the Civil Nuclear Constabulary"],
    "northern_ireland_policing_board": ["Northern Ireland Policing Board", "NIPB"],
    "scottish_police_authority": ["the Scottish Police Authority", "SPA", "Scottish Police Authority"],
}


def test_every_body_in_the_directory_is_tried_with_two_spellings_or_more():
    assert set(SPELLINGS) == {f.id for f in load_directory().forces}
    assert all(len(said) >= 2 for said in SPELLINGS.values())


@pytest.mark.parametrize("force_id, said", [(f, s) for f, spellings in SPELLINGS.items() for s in spellings])
def test_each_force_is_found_by_the_names_campaigners_write(force_id, said):
    # in running text, as the checker and the fitter read it …
    mentions = find_forces(f"Last year I asked {said} for the same figures.")
    assert [(m.force_id, m.said.removeprefix("the ")) for m in mentions] == [(force_id, said.removeprefix("the "))]
    # … and typed where a force is chosen (`--forces`, `--force`)
    assert load_directory().get(said).id == force_id


def test_and_written_as_an_ampersand_is_the_same_name_and_the_grammar_is_kept():
    text = "Avon & Somerset's figures and those of Devon &Cornwall Police were asked for."
    assert [(m.force_id, m.said, m.possessive) for m in find_forces(text)] == [
        ("avon_and_somerset_police", "Avon & Somerset's", True),
        ("devon_and_cornwall_police", "Devon &Cornwall Police", False)]


@pytest.mark.parametrize("text", [
    "the Avon and Somerset Police and Crime Commissioner",  # another public authority
    "Avon & Somerset Fire and Rescue Service",
    "the Devon and Cornwall Police and Crime Panel",
    "holidays in devon and cornwall",  # no capital: running text, not a name
    "Avonand Somerset Police",
])
def test_a_bare_area_name_is_not_another_body_or_a_word(text):
    assert find_forces(text) == ()


def test_forces_are_chosen_by_name_on_the_command_line_as_by_id():
    directory = load_directory()
    assert [f.id for f in directory.resolve("the Met, Avon & Somerset, PSNI,Police Scotland, Kent, wmp")] == [
        "the_met", "avon_and_somerset_police", "psni", "police_scotland", "kent_police", "wmp"]


@pytest.mark.parametrize("said, law", [
    ("Isle of Man Constabulary", "Freedom of Information Act 2015"),
    ("states_of_jersey_police", "Freedom of Information (Jersey) Law 2011"),
    ("Guernsey Police", "Freedom of Information Code"),
])
def test_crown_dependency_police_are_refused_with_their_own_law_named(said, law):
    with pytest.raises(NotSubjectToFOI) as refused:
        load_directory().resolve(f"kent_police,{said}")
    assert law in str(refused.value) and "not subject to the UK's Freedom of Information Act 2000" in str(refused.value)
    body = next(b for b in load_directory().not_foi if said in (b.id, b.name))
    assert body.source.startswith("https://") or body.source.startswith("http://"), body.id


def test_each_address_not_confirmed_since_the_listing_sends_the_campaigner_to_check_it():
    from conftest import shared_file

    listing = {b["WDTK_ID"]: b for b in json.loads(shared_file("data", "police-bodies-2023.json").read_text())}
    directory = load_directory()
    unconfirmed = [f for f in directory.forces if unconfirmed_address(f)]
    for force in unconfirmed:
        assert force.foi_email == listing[force.id]["FOI_Email_Address"], force.id  # only the list's own
        assert listing_page(force) == listing[force.id]["WDTK_Org_Page_URL"], force.id
    assert address_confirmed(directory.get("police_scotland"))  # a page of 2026 gives it
    assert unconfirmed_address(directory.get("gloucestershire_police")) is None  # none: missing_address says so
    # every address that no source newer than the list gives is among them
    assert {f.id for f in unconfirmed} == {f.id for f in directory.forces if f.foi_email and not address_confirmed(f)}


def test_the_export_says_once_which_addresses_to_check_and_where(data_home, tmp_path, capsys):
    from datetime import date

    from composer.cli import main
    from composer.library import save_request
    from composer.model import Part, Request

    request = tmp_path / "r.foi.json"
    save_request(request, Request(title="Scores", parts=[Part(text="How many people were scored?")]))
    args = ["export", str(request), "--forces", "btp,bedfordshire_police,police_scotland", "--format", "eml",
            "--name", "Jo Bloggs", "--email", "jo@example.org", "--to"]
    assert main([*args, str(tmp_path / "one")]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if "WhatDoTheyKnow listed" in line]
    assert err == ["foi-composer: warning: British Transport Police and Bedfordshire Police: FOI address as "
                   "WhatDoTheyKnow listed it in October 2023, and no newer source confirms it: before "
                   "sending, check it on the force's own FOI page or its WhatDoTheyKnow page (the tooltip in "
                   "the app's list of forces and `foi-composer forces` give that page), and if it has changed, "
                   "set the new one with FOI address… or `foi-composer forces --set-email`"], err
    letters = {p.name: p.read_text() for p in (tmp_path / "one").iterdir()}
    assert any("To: British Transport Police <foi@btp.pnn.police.uk>" in text for text in letters.values())  # still addressed, never emptied

    set_email("btp", "foi@btp.police.uk", today=date(2026, 12, 2))  # the campaigner checked it
    assert main([*args, str(tmp_path / "two")]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if "WhatDoTheyKnow listed" in line]
    assert len(err) == 1 and err[0].startswith("foi-composer: warning: Bedfordshire Police: FOI address as")
    assert main(["forces", "--group", "btp,bedfordshire_police"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].endswith("<foi@btp.police.uk>")
    assert lines[1].endswith("<foi@bedfordshire.pnn.police.uk>  unconfirmed: check "
                             "https://www.whatdotheyknow.com/body/bedfordshire_police")
    assert "Bedfordshire Police's FOI address is unconfirmed" in out.err


def test_an_address_a_user_set_before_sources_were_kept_counts_as_confirmed(data_home):
    (data_home / "forces.json").write_text(json.dumps({"kent_police": {"foi_email": "mine@example.org",
                                                                       "email_checked": "2025-01-02"}}))
    kent = load_directory().get("kent_police")
    assert kent.foi_email == "mine@example.org" and unconfirmed_address(kent) is None
    save_override(kent)  # saved again: the source it was given goes with it
    assert "mine@example.org (the address you gave)" in (data_home / "forces.json").read_text()


def test_the_export_dialog_says_a_warning_shared_by_several_forces_once(tmp_path):
    pytest.importorskip("PySide6")
    from composer.letters.batch import ExportSummary
    from composer.ui.qt_export import _report_html

    directory = load_directory()
    forces = [directory.get(i) for i in ("btp", "bedfordshire_police", "police_scotland")]
    summary = ExportSummary()
    for force in forces:
        if (said := unconfirmed_address(force)) is not None:
            summary.warn(f"{force.name}: {said}")
    html = _report_html(summary, tmp_path, [f.name for f in forces])
    assert html.count("WhatDoTheyKnow listed") == 1
    assert "British Transport Police and Bedfordshire Police: FOI address as" in html


def test_a_chaser_to_a_force_whose_address_is_unconfirmed_says_the_request_may_not_have_arrived():
    from datetime import date

    from composer.letters.followups import follow_up_letter
    from composer.model import Part, Request, Requester
    from composer.operations.campaign import new_campaign

    directory = load_directory()
    campaign = new_campaign(name="Risk", request=Request(title="Risk", parts=[Part(text="Do you score people?")]),
                            forces=directory.resolve("kent_police,police_scotland"), sent=date(2026, 11, 20)).value
    me = Requester(name="Alex Example", email="alex@example.org")

    def chaser(force_id):
        return follow_up_letter(campaign, force_id, "chaser", requester=me, today=date(2027, 1, 6),
                                force=directory.get(force_id))

    kent = [w for w in chaser("kent_police").warnings if "WhatDoTheyKnow listed" in w]
    assert kent == [unconfirmed_address(directory.get("kent_police"))
                    + "; a force that has not answered may never have had the request"]
    assert not any("WhatDoTheyKnow" in w for w in chaser("police_scotland").warnings)  # confirmed in 2026


def test_each_body_has_its_act_and_equality_duty():
    from composer.law import duty_of
    from composer.model import Act, Nation

    for force in load_directory().forces:
        assert force.act is (Act.FOISA if force.nation is Nation.SCOTLAND else Act.FOIA), force.id
        # Northern Ireland: s75 Northern Ireland Act 1998; elsewhere s149 Equality Act 2010
        northern = force.nation is Nation.NORTHERN_IRELAND
        assert duty_of(force).cited == ("Northern Ireland Act 1998 s75" if northern else "Equality Act 2010 s149"), force.id
    assert {f.id for f in load_directory().forces if f.nation is Nation.NORTHERN_IRELAND} == {
        "psni", "northern_ireland_policing_board"}


def test_chasers_to_many_forces_say_a_shared_warning_once(tmp_path):
    from datetime import date

    from composer.campaign.store import CampaignStore
    from composer.model import Part, Request, Requester
    from composer.operations.campaign import new_campaign
    from composer.operations.followups import write_follow_ups

    directory = load_directory()
    campaign = new_campaign(name="Risk", request=Request(title="Risk", parts=[Part(text="Do you score people?")]),
                            forces=directory.resolve("kent_police,essex_police,police_scotland"),
                            sent=date(2026, 11, 20)).value
    result = write_follow_ups(campaign, store=CampaignStore(), force_ids=["kent_police", "essex_police",
                                                                          "police_scotland"],
                              kind="chaser", requester=Requester(name="Alex Example", email="alex@example.org"),
                              today=date(2027, 1, 6), folder=tmp_path)
    assert len(result.written) == 3
    assert sum("WhatDoTheyKnow listed" in p for p in result.problems) == 2  # one each, as written
    shared = [p for p in result.said if "WhatDoTheyKnow listed" in p]
    assert len(shared) == 1 and shared[0].startswith("Kent Police and Essex Police: FOI address as")


def test_the_islands_police_are_refused_by_the_names_people_write():
    """'Jersey Police' got "did you mean merseyside_police?"; each island's police, by the name people
    write, is refused with its own law named (qa11)."""
    from composer.forces import NotSubjectToFOI

    for said, law in (("Jersey Police", "Jersey"), ("Isle of Man Police", "Isle of Man"),
                      ("Guernsey Police", "Guernsey")):
        with pytest.raises(NotSubjectToFOI) as refused:
            load_directory().get(said)
        assert law in str(refused.value) and "merseyside" not in str(refused.value)
