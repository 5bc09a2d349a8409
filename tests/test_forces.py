from __future__ import annotations

import json

import pytest

from composer.errors import NotSubjectToFOI, UnknownForce
from composer.forces import load_directory, save_override
from composer.model import Act, Nation


def test_directory_has_every_body_subject_to_foi():
    d = load_directory()
    assert len(d.forces) == 50
    assert len(d.group("territorial")) == 45
    assert len({f.id for f in d.forces}) == 50
    ids = {f.id for f in d.forces}
    assert {"the_met", "wmp", "police_scotland", "psni", "btp", "mdp", "cnc",
            "northern_ireland_policing_board", "scottish_police_authority"} <= ids


def test_acts_and_groups():
    d = load_directory()
    assert [f.id for f in d.group("scotland")] == ["police_scotland", "scottish_police_authority"]
    assert all(f.act is Act.FOIA for f in d.forces if f.nation is not Nation.SCOTLAND)
    assert d.get("police_scotland").act is Act.FOISA and d.get("scottish_police_authority").act is Act.FOISA
    assert len(d.group("wales")) == 4
    assert len(d.group("england")) == 39
    assert {f.id for f in d.group("northern-ireland")} == {"psni", "northern_ireland_policing_board"}
    assert all(f.nation is Nation.UK for f in d.group("national"))


def test_every_address_is_dated_and_a_missing_one_says_where_it_was_looked_for():
    for force in load_directory().forces:
        assert force.email_checked is not None or force.foi_email is None, force.id
        if force.foi_email is None:
            looked = [c for c in force.checked if c.fact == "foi_email"]
            assert looked and looked[0].on == force.email_checked and "https://" in looked[0].source, force.id


def test_matches_the_shared_listing(shared_listing=None):
    from conftest import shared_file

    listing = {b["WDTK_ID"]: b for b in json.loads(shared_file("data", "police-bodies-2023.json").read_text())}
    changed = []
    for force in load_directory().forces:
        if force.id not in listing:  # the listing has police bodies: the Scottish Police Authority is not one
            assert force.kind.value == "oversight" and force.foi_email is None, force.id
            continue
        listed = listing[force.id]["FOI_Email_Address"]
        if force.foi_email and force.foi_email != listed:
            changed.append(force.id)
            # a newer address than the listing's names the page that gives it, and the day it was read
            why = [c for c in force.checked if c.fact == "foi_email" and force.foi_email in c.source]
            assert why and "https://" in why[-1].source and why[-1].on == force.email_checked, force.id
            assert listed in why[-1].source, f"{force.id}: the source should say what it replaces"
    assert "police_scotland" in changed  # its own police.uk domain, not the listing's pnn.police.uk


def test_every_foi_address_is_empty_or_one_well_formed_address():
    from composer.forces import is_email_address

    for force in load_directory().forces:
        assert force.foi_email is None or is_email_address(force.foi_email), (force.id, force.foi_email)
    for bad in ("foi@scotland", "FOI Unit <foi@example.police.uk>", "foi@example.police.uk; info@example.org",
                "foi @example.police.uk", ""):
        assert not is_email_address(bad), bad


def test_every_foi_address_says_where_it_was_last_looked_for():
    # each body's address was looked for on its own pages (and others) on a given day: what was found,
    # or that nothing newer than the 2023 listing was, is written beside it
    for force in load_directory().forces:
        looked = [c for c in force.checked if c.fact == "foi_email"]
        assert looked, f"{force.id}: no record of where its FOI address was looked for"
        assert all("https://" in c.source or "http://" in c.source for c in looked), force.id


def test_resolve_specs():
    d = load_directory()
    assert [f.id for f in d.resolve("wmp, the_met,wmp")] == ["wmp", "the_met"]
    assert len(d.resolve("all")) == 50
    assert len(d.resolve("wales,police_scotland")) == 5


def test_nca_is_refused_with_the_reason():
    with pytest.raises(NotSubjectToFOI, match="not subject to the Freedom of Information Act"):
        load_directory().resolve("wmp,nca")


def test_unknown_force_suggests_close_ids():
    with pytest.raises(UnknownForce, match="did you mean wmp"):
        load_directory().get("wmpp")
    with pytest.raises(UnknownForce, match="unknown group"):
        load_directory().group("mars")


def test_user_override_is_laid_over_and_a_broken_one_set_aside(data_home):
    force = load_directory().get("gloucestershire_police").model_copy(
        update={"foi_email": "foi@example.org"})
    save_override(force)
    assert load_directory().get("gloucestershire_police").foi_email == "foi@example.org"
    (data_home / "forces.json").write_text("{not json")
    assert load_directory().get("gloucestershire_police").foi_email is None
    assert list((data_home / ".set-aside").iterdir())


def test_the_directory_is_read_once_and_afresh_when_a_file_changes(data_home, monkeypatch):
    from composer import storage
    from composer.force_names import force_by_id

    save_override(load_directory().get("kent_police").model_copy(update={"foi_email": "one@example.org"}))
    reads = []
    real = storage.read_json
    monkeypatch.setattr(storage, "read_json", lambda *a, **k: reads.append(a) or real(*a, **k))
    assert force_by_id("kent_police").foi_email == "one@example.org"
    for _ in range(50):  # a keystroke's worth of look-ups
        assert force_by_id("kent_police").foi_email == "one@example.org"
    assert len(reads) <= 1
    # The user corrects the address again (or a test swaps the file): the next look-up sees it.
    save_override(load_directory().get("kent_police").model_copy(update={"foi_email": "two@example.org"}))
    assert force_by_id("kent_police").foi_email == "two@example.org"
    (data_home / "forces.json").unlink()
    assert force_by_id("kent_police").foi_email != "two@example.org"
    assert force_by_id("nowhere_police") is None


def test_another_data_folder_has_its_own_corrections(tmp_path, monkeypatch):
    save_override(load_directory().get("essex_police").model_copy(update={"foi_email": "mine@example.org"}))
    assert load_directory().get("essex_police").foi_email == "mine@example.org"
    other = tmp_path / "other-home"
    other.mkdir()
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(other))
    assert load_directory().get("essex_police").foi_email != "mine@example.org"


def test_a_force_gives_its_officers_from_its_strength():
    directory = load_directory()
    met = directory.get("the_met")
    assert met.officers == met.strength.officers
    assert met.model_copy(update={"strength": None}).officers is None


# Police forces whose officers no published figure since 2020 gives (see resources/forces.json's
# "about"): the checker would estimate them as a middling force. None is left; a force whose figure
# is taken out goes here.
NO_FIGURE_FOUND: set[str] = set()
# Police forces whose figure is full-time equivalent at 31 March 2025 (27 territorial forces of
# England and Wales, BTP and Police Scotland); the other 19 give another date or measure and say why.
# Finding one more means changing it here.
AT_31_MARCH_2025_FTE = 29


def test_every_police_force_has_a_strength_with_its_source_measure_and_date():
    import re
    from datetime import date

    directory = load_directory()
    police = [f for f in directory.forces if f.kind.value in ("territorial", "national")]
    assert len(police) == 48
    assert {f.id for f in police if f.strength is None} == NO_FIGURE_FOUND
    for force in police:
        strength = force.strength
        if strength is None:
            continue
        assert re.search(r"https?://\S+", strength.source), force.id
        assert 900 <= strength.officers <= 35000, force.id  # City of London ~1,000 … the Met ~33,000
        assert strength.as_at is None or date(2020, 1, 1) <= strength.as_at <= date(2025, 12, 31), force.id
        if not (strength.measure == "FTE" and strength.as_at == date(2025, 3, 31)):
            # another measure or date: the source says why the preferred one is not there
            assert re.search(r"\bno\b[^.;]*\bfound\b|not found", strength.source), force.id
    # One measure and one date wherever it was published and found.
    preferred = [f for f in police if f.strength and f.strength.measure == "FTE"
                 and f.strength.as_at == date(2025, 3, 31)]
    assert len(preferred) == AT_31_MARCH_2025_FTE
    home_office = [f for f in preferred if f.kind.value == "territorial" and f.nation.value in ("england", "wales")]
    assert sum(f.strength.officers for f in home_office) <= 146_442  # the E&W total of the 43 forces
    size = {f.id: f.officers for f in police if f.strength}
    assert size["the_met"] > size["police_scotland"] > size["wmp"] > size["kent_police"] > size["city_of_london_police"]
    assert directory.get("northern_ireland_policing_board").strength is None  # a board has no officers


# -- where the directory differs from WhatDoTheyKnow's 2023 list, the force's own pages decide ---------

def test_each_name_that_differs_from_the_shared_listing_carries_the_page_that_decided_it():
    from conftest import shared_file

    listing = {b["WDTK_ID"]: b for b in json.loads(shared_file("data", "police-bodies-2023.json").read_text())}
    differ = [f for f in load_directory().forces if f.id in listing and listing[f.id]["Name"] != f.name]
    assert differ, "the shared listing and the directory agree on every name: drop this test"
    for force in differ:
        names = [c for c in force.checked if c.fact == "name"]
        assert names, f"{force.id}: named {force.name!r}, listed as {listing[force.id]['Name']!r}, with no source"
        assert names[0].source.startswith("https://") and force.name in names[0].source, force.id


@pytest.mark.parametrize("said, force_id", [
    ("Avon and Somerset Constabulary", "avon_and_somerset_police"),  # the listing's names are still known
    ("Leicestershire Constabulary", "leicestershire_police"),
    ("Dyfed Powys Police", "dyfed_powys_police"),  # as the force writes it on its own pages, unhyphenated
    ("Devon & Cornwall Police", "devon_and_cornwall_police"),
])
def test_the_names_forces_and_the_listing_use_are_recognised(said, force_id):
    from composer.force_names import find_forces

    assert [m.force_id for m in find_forces(f"I wrote to {said} last year.")] == [force_id]


def test_an_address_found_by_the_user_is_kept_dated_and_a_wrong_one_refused(data_home):
    from datetime import date

    from composer.errors import ComposerError
    from composer.forces import missing_address, set_email

    glos = load_directory().get("gloucestershire_police")
    assert "--set-email gloucestershire_police ADDRESS" in missing_address(glos)
    for wrong in ("not an address", "foi@", "a@b@c.uk", "Name <foi@example.org>"):
        with pytest.raises(ComposerError, match="not an email address"):
            set_email("gloucestershire_police", wrong)
    assert not (data_home / "forces.json").exists()  # nothing saved
    set_email("gloucestershire_police", " foi@example.org ", today=date(2026, 12, 2))
    glos = load_directory().get("gloucestershire_police")
    assert (glos.foi_email, glos.email_checked) == ("foi@example.org", date(2026, 12, 2))
    assert missing_address(glos) is None


def test_the_command_line_adds_the_address_and_then_the_email_can_be_written(data_home, tmp_path, capsys):
    from composer.cli import main

    assert main(["forces", "--group", "gloucestershire_police"]) == 0
    listed = capsys.readouterr()
    assert "(no FOI email known)" in listed.out and "--set-email gloucestershire_police" in listed.err
    assert main(["forces", "--set-email", "gloucestershire_police", "foi@example.org"]) == 0
    assert "foi@example.org" in capsys.readouterr().out
    assert main(["forces", "--group", "gloucestershire_police"]) == 0
    listed = capsys.readouterr()
    assert "<foi@example.org>" in listed.out and "--set-email" not in listed.err


def test_an_address_already_known_is_not_replaced_silently(data_home, capsys):
    """Session 8: `--set-email` over a known address said only the new one; it now names the
    address it replaces (the app's dialog takes the same step, composer.operations.forces)."""
    from composer.cli import main

    kent = load_directory().get("kent_police").foi_email
    assert kent
    assert main(["forces", "--set-email", "kent_police", "foi-new@example.org"]) == 0
    out = capsys.readouterr().out
    assert "Kent Police: FOI address set to foi-new@example.org, checked" in out
    assert f"it replaces {kent}" in out
    assert main(["forces", "--set-email", "kent_police", "FOI-new@example.org"]) == 0
    assert "kept, now checked" in capsys.readouterr().out


def test_an_online_form_is_recorded_only_with_the_page_that_shows_it(capsys):
    """Session 9: many forces prefer an online form. A form's address is held once, as
    `Force.foi_form`, and only beside a `foi_form` checked entry naming the page that shows it
    (never guessed from a pattern); the force list says it."""
    from composer.cli import main
    from composer.forces import online_form
    from composer.model import Force

    directory = load_directory()
    formed = [f for f in directory.forces if f.foi_form]
    assert "dorset_police" in [f.id for f in formed]
    for force in formed:
        why = [c for c in force.checked if c.fact == "foi_form" and force.foi_form in c.source]
        assert why and why[-1].source.startswith("https://"), force.id
    # a force whose page mentions a form but whose address no stored page shows records the look, not a URL
    essex = directory.get("essex_police")
    assert essex.foi_form is None and any(c.fact == "foi_form" for c in essex.checked)
    assert online_form(essex) is None
    dorset = directory.get("dorset_police")
    assert online_form(dorset) == ("this force asks for requests through its online form: "
                                   f"{dorset.foi_form}; the letter text is ready to paste")
    for bad in ("www.dorset.police.uk/foi", "http://example.org/form", "https://example org/", "javascript:x"):
        with pytest.raises(ValueError, match="is not a web address"):
            Force.model_validate(dorset.model_dump() | {"foi_form": bad})
    assert main(["forces", "--group", "dorset_police,kent_police"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].endswith("<foi@dorset.pnn.police.uk>  unconfirmed: check "
                              f"https://www.whatdotheyknow.com/body/dorset_police  online form: {dorset.foi_form}")
    assert "online form" not in listed[1]


def test_a_form_address_found_by_the_user_is_set_and_cleared_from_the_command_line(data_home, capsys):
    """Session 9: a campaigner who finds a force's online form had no way to record it. `forces
    --set-form` takes the step `--set-email` takes: checked, dated, kept in the data folder, an
    address it replaces named; a bad address or unknown force is one line and nothing is saved;
    `--clear-form` removes one (a form the force has closed)."""
    from datetime import date

    from composer.cli import main
    from composer.operations.forces import clear_online_form, set_online_form

    for bad, said in (("www.kent.police.uk/foi", "is not a web address"),
                      ("http://www.kent.police.uk/foi/form", "is not a web address"),
                      ("foi@kent.police.uk", "is not a web address"),
                      ("https://kent police/form", "is not a web address")):
        assert main(["forces", "--set-form", "kent_police", bad]) != 0
        err = capsys.readouterr().err.strip()
        assert said in err and "https://" in err and "Traceback" not in err
        assert len(err.splitlines()) == 1, err
    assert main(["forces", "--set-form", "kent_polize", "https://www.kent.police.uk/foi/form"]) != 0
    err = capsys.readouterr().err.strip()
    assert "unknown force id 'kent_polize'" in err and "kent_police" in err and len(err.splitlines()) == 1
    assert not (data_home / "forces.json").exists()  # nothing saved

    assert main(["forces", "--set-form", "kent_police", " https://www.kent.police.uk/foi/form "]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("Kent Police: online form set to https://www.kent.police.uk/foi/form, checked ")
    kent = load_directory().get("kent_police")
    assert kent.foi_form == "https://www.kent.police.uk/foi/form" and kent.foi_email  # the email stays
    said = [c for c in kent.checked if c.fact == "foi_form"]
    assert len(said) == 1 and kent.foi_form in said[0].source and said[0].on == date.today()
    assert main(["forces", "--group", "kent_police"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("online form: https://www.kent.police.uk/foi/form")

    dorset = load_directory().get("dorset_police")
    done = set_online_form("dorset_police", "https://www.dorset.police.uk/foi/new-form", today=date(2026, 12, 2))
    assert done.what == ("Dorset Police: online form set to https://www.dorset.police.uk/foi/new-form, "
                         f"checked 2026-12-02; it replaces {dorset.foi_form}")  # never silently
    again = set_online_form("dorset_police", "https://www.dorset.police.uk/foi/new-form", today=date(2026, 12, 3))
    assert again.what.endswith("kept, now checked 2026-12-03")
    moved = load_directory().get("dorset_police")
    assert [c.on for c in moved.checked if c.fact == "foi_form"] == [date(2026, 12, 3)]  # the old look replaced

    assert main(["forces", "--clear-form", "dorset_police"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == ("Dorset Police: online form https://www.dorset.police.uk/foi/new-form removed; "
                   f"letters go to {dorset.foi_email}")
    cleared = load_directory().get("dorset_police")
    assert cleared.foi_form is None and cleared.foi_email == dorset.foi_email
    assert main(["forces", "--group", "dorset_police"]) == 0
    assert "online form" not in capsys.readouterr().out
    assert clear_online_form("essex_police").what == "Essex Police: no online form was recorded; nothing changed"
    assert "essex_police" not in (data_home / "forces.json").read_text()


def test_the_readme_names_every_way_the_forces_command_changes_the_directory():
    """Session 9: each of `forces`' options is described where the README says how to set a
    force's addresses, so `--set-form` and `--clear-form` are found where `--set-email` is."""
    from pathlib import Path

    from composer.cli import build_parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    options = [o for a in sub.choices["forces"]._actions for o in a.option_strings if o.startswith("--set")
               or o.startswith("--clear")]
    assert {"--set-email", "--set-form", "--clear-form"} <= set(options)
    for option in options:
        assert f"forces {option}" in readme or f"`{option}" in readme, option


def test_a_force_with_no_foi_email_says_where_to_post_the_letter_from_its_own_pages(tmp_path, capsys):
    """LEFT-S10: Gloucestershire's FOI email is empty (no current page and not WhatDoTheyKnow's
    list gives one), and its letter was headed by its name alone: nothing said where to send it.
    A postal address is recorded only with a checked entry naming the pages that give it; the
    letter carries it at its head and the export says to post it there."""
    import docx

    from composer.cli import main
    from composer.forces import missing_address
    from composer.library import save_request
    from composer.model import Part, Request

    directory = load_directory()
    for force in directory.forces:
        if force.postal_address:  # never without its source, and only where no email is known
            why = [c for c in force.checked if c.fact == "postal_address"]
            assert why and "https://" in why[-1].source and force.foi_email is None, force.id
    glos = directory.get("gloucestershire_police")
    assert glos.foi_email is None and glos.postal_address[-1] == "Gloucester GL2 2AN"
    said = missing_address(glos)
    assert said.startswith("the force directory has no FOI email address for this force: post the "
                           "letter to Freedom of Information, Gloucestershire Constabulary Headquarters, "
                           "1 Waterwells Drive, Gloucester GL2 2AN (a Word or PDF letter is headed with it)")
    assert "--set-email gloucestershire_police ADDRESS" in said
    request = tmp_path / "r.foi.json"
    save_request(request, Request(title="Scores", parts=[Part(text="How many people were scored?")]))
    for fmt in ("txt", "docx"):
        assert main(["export", str(request), "--forces", "gloucestershire_police", "--to",
                     str(tmp_path / fmt), "--format", fmt, "--name", "Jo Bloggs",
                     "--email", "jo@example.org"]) == 0
        assert "post the letter to Freedom of Information" in capsys.readouterr().err
    lines = [p.text for p in docx.Document(str(next((tmp_path / "docx").iterdir()))).paragraphs]
    head = lines[lines.index("Gloucestershire Constabulary"):][:5]
    assert head == ["Gloucestershire Constabulary", *glos.postal_address], head
