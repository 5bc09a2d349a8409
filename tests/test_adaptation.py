"""A request written for one force, fitted to every force: seeds imported and exported to five
forces, each letter naming only its own force, Act, duty, limit and advice section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from composer import cli
from composer.adaptation import describe
from composer.force_names import find_forces, find_systems
from composer.library import load_request, save_request
from composer.model import Part, Request
from composer.operations.fitting import fit_request, undo_change
from tests.conftest import seed_text

FIVE = ["the_met", "police_scotland", "psni", "dyfed_powys_police", "wmp"]
NAMES = {
    "the_met": "Metropolitan Police Service",
    "police_scotland": "Police Scotland",
    "psni": "Police Service of Northern Ireland",
    "dyfed_powys_police": "Dyfed-Powys Police",
    "wmp": "West Midlands Police",
}
ME = ["--name", "Ann Example", "--email", "ann@example.org", "--date", "2026-11-21"]


def import_seed(number: str, tmp_path: Path, capsys, *extra: str) -> tuple[Path, str]:
    source = tmp_path / f"seed{number}.txt"
    source.write_text(seed_text(number), "utf-8")
    out = tmp_path / f"seed{number}.foi.json"
    assert cli.main(["import", str(source), "-o", str(out), *extra]) == 0
    return out, capsys.readouterr().err


def export(path: Path, folder: Path, capsys, *extra: str) -> tuple[int, dict[str, str], str]:
    code = cli.main(["export", str(path), "--forces", ",".join(FIVE), "--to", str(folder),
                     "--format", "txt", *ME, *extra])
    out, err = capsys.readouterr()
    letters = {}
    for line in out.splitlines():
        name = Path(line).name
        force = next(f for f, n in NAMES.items() if f" {n} - " in name)
        letters[force] = Path(line).read_text("utf-8")
    return code, letters, err


@pytest.mark.parametrize("number", ["000", "001", "003", "004"])
def test_seed_letters_fit_each_force(number, tmp_path, capsys):
    path, _ = import_seed(number, tmp_path, capsys)
    code, letters, err = export(path, tmp_path / "out", capsys)
    assert code == 0, err
    assert sorted(letters) == sorted(FIVE)
    for force, text in letters.items():
        owners = {s.force_id for s in find_systems(text)}
        named = {m.force_id for m in find_forces(text)} - owners
        assert named == {force} or (named == set() and force not in text), (force, named)
        assert NAMES[force] in text
        scottish = force == "police_scotland"
        if scottish:
            assert "Freedom of Information (Scotland) Act 2002" in text
            assert "Freedom of Information Act 2000" not in text
            assert "£600, or 40 hours of staff time at £15 an hour" in text and "£450" not in text
            assert "section 15" in text and "section 16" not in text
            assert "prescribed in regulations made under section 12" in text
        else:
            assert "Freedom of Information Act 2000" in text and "(Scotland)" not in text
            assert "£450, or 18 hours of staff time at £25 an hour" in text and "£600" not in text
            assert "section 16" in text and "section 15" not in text
        if force == "psni":
            assert "149" not in text and "Public Sector Equality Duty" not in text
        if "equality duty" in text.lower():
            duty = ("section 75 of the Northern Ireland Act 1998" if force == "psni"
                    else "section 149 of the Equality Act 2010")
            assert duty in text and (force == "psni") == ("section 75" in text)


def test_seed_003_keeps_the_requesters_cost_wording_and_adds_each_acts_facts(tmp_path, capsys):
    path, err = import_seed("003", tmp_path, capsys)
    assert "changed: part 1: \u201cthe MPS\u201d is now {force_name}" in err
    # QA-S8: every "changed:" line is a change; the way to keep the wording is a note
    assert all("is now" in line for line in err.splitlines() if line.startswith("changed:")), err
    assert "note: to keep every word as written, import with --keep-wording" in err
    _, letters, _ = export(path, tmp_path / "out", capsys)
    scot = letters["police_scotland"]
    assert "when processed in the order presented above" in scot
    assert "Please disclose the name of each company Police Scotland has used" in scot
    assert "Does the Police Service of Northern Ireland have oversight" in letters["psni"]
    assert ("under section 12 of the Freedom of Information (Scotland) Act 2002: £600, or 40 hours "
            "of staff time at £15 an hour. Under section 15 of that Act, please also advise") in scot


def test_seed_000_keeps_the_mets_own_programme_and_the_checker_says_so(tmp_path, capsys):
    path, _ = import_seed("000", tmp_path, capsys)
    from composer.model import Requester
    from composer.profile import save_profile

    save_profile(Requester(name="Ann Example", email="ann@example.org"))
    assert cli.main(["check", str(path), "--force", "police_scotland"]) == 0  # warnings only
    shown = " ".join(capsys.readouterr().out.split())  # as read, not as wrapped to the terminal
    assert "V100" in shown and "belongs to the Metropolitan Police Service" in shown
    request = load_request(path)
    assert "deployed by the MPS" in request.introduction


def test_keep_wording_turns_adaptation_off(tmp_path, capsys):
    path, err = import_seed("003", tmp_path, capsys, "--keep-wording", "--title", "Met seed")
    assert "changed:" not in err
    request = load_request(path)
    assert request.title == "Met seed"
    assert "the MPS has used" in request.parts[0].text


def test_reordered_seed_001_csv_clause_names_the_new_numbers(tmp_path, capsys):
    path, _ = import_seed("001", tmp_path, capsys)
    request = load_request(path)
    assert "{format_parts}" in request.options.format_wording
    request.parts[1].priority = 1  # part 2 is now asked first
    save_request(path, request)
    _, letters, _ = export(path, tmp_path / "out", capsys)
    for text in letters.values():
        assert "For questions 1f, 1g and 2f please provide the information in the form of a csv" in text
        first = text.index("\n1. ")
        assert "individual risk assessment" in text[first:text.index("\n", first + 1)]


def test_export_with_an_unfilled_field_exits_1_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "r.foi.json"
    save_request(path, Request(title="Contracts", parts=[Part(text="Please provide contract {contract_ref}.")]))
    folder = tmp_path / "letters"
    code, letters, err = export(path, folder, capsys)
    assert code == 1 and letters == {} and not folder.exists()
    assert "not written: all 5 letters: part 1:" in err and "{contract_ref}" in err
    assert "Fix: Fill in 'contract_ref'" in err
    code, letters, _ = export(path, folder, capsys, "--anyway")
    assert code == 0 and len(letters) == 5


def test_each_change_can_be_undone_alone():
    request = Request(parts=[Part(text="Has the MPS used it? Does the MPS hold the MPS's policy?")])
    fitted, changes = fit_request(request)
    assert fitted.parts[0].text == (
        "Has {force_name} used it? Does {force_name} hold {force_name_possessive} policy?")
    assert [c.before for c in changes] == ["the MPS", "the MPS", "the MPS's"]
    assert describe(fitted, changes[1]).startswith("part 1: \u201cthe MPS\u201d is now {force_name}")
    back, rest = undo_change(fitted, changes[1], changes)
    assert back.parts[0].text == "Has {force_name} used it? Does the MPS hold {force_name_possessive} policy?"
    back, rest = undo_change(back, rest[1], rest)
    assert back.parts[0].text == "Has {force_name} used it? Does the MPS hold the MPS's policy?"
    assert len(rest) == 1


def test_grammar_of_the_force_name_in_each_letter():
    from composer.forces import load_directory
    from composer.outline import letter_body

    request = Request(parts=[Part(text="Does WMP use it. WMP's list? West Midlands Police's duty")])
    fitted, _ = fit_request(request)
    d = load_directory()
    met = letter_body(fitted, d.get("the_met")).parts[0].text
    assert met == ("Does the Metropolitan Police Service use it. The Metropolitan Police Service's "
                   "list? The Metropolitan Police Service's duty")
    scot = letter_body(fitted, d.get("police_scotland")).parts[0].text
    assert scot == "Does Police Scotland use it. Police Scotland's list? Police Scotland's duty"


def test_a_force_name_inside_another_bodys_name_is_not_the_force():
    assert find_forces("the West Midlands Police and Crime Commissioner") == ()
    assert [m.said for m in find_forces("the Metropolitan Police Service (MPS) said")] == [
        "the Metropolitan Police Service (MPS)"]
    assert find_forces("we met the team") == ()
    assert re.search("PSNI", "PSNI") and [m.force_id for m in find_forces("PSNI and the Met")] == ["psni", "the_met"]


def test_only_the_force_it_was_written_for_becomes_a_field():
    request = Request(parts=[Part(text="Does the MPS hold data from WMP?"),
                             Part(text="Has the MPS shared it?")])
    fitted, changes = fit_request(request)
    assert [p.text for p in fitted.parts] == ["Does {force_name} hold data from WMP?",
                                              "Has {force_name} shared it?"]
    assert {c.before for c in changes} == {"the MPS"}


def test_fit_and_put_back_are_operations():
    from composer.operations.fitting import fit_to_every_force, put_back

    request = Request(parts=[Part(text="Under the Freedom of Information Act 2000, has the MPS used it?")])
    done = fit_to_every_force(request)
    assert done.value.parts[0].text == "Under the {act_name}, has {force_name} used it?"
    assert done.what == "Fit to every force (2 changes)" and request.parts[0].text.startswith("Under the Free")
    back = put_back(done.value, change=done.changes[1], changes=done.changes)
    assert back.value.parts[0].text == "Under the {act_name}, has the MPS used it?"
    assert back.changes == (done.changes[0],)
    from composer.operations import Refused

    edited = back.value.model_copy(deep=True)
    edited.parts[0].text = "rewritten"
    with pytest.raises(Refused, match="no longer there"):
        put_back(edited, change=back.changes[0], changes=back.changes)


def test_a_possessive_keeps_the_writers_own_apostrophe():
    from composer.forces import load_directory
    from composer.outline import letter_body

    fitted, _ = fit_request(Request(parts=[Part(text="What is WMP’s policy on it?")]))
    assert fitted.parts[0].text == "What is {force_name_possessive} policy on it?"
    text = letter_body(Request(parts=[Part(text="Is it {force_name_possessive} own? It’s fine.")]),
                       load_directory().get("police_scotland")).parts[0].text
    assert text == "Is it Police Scotland\u2019s own? It\u2019s fine."


def test_a_title_with_fields_is_filled_per_force_and_an_unfilled_one_stops_export(tmp_path, capsys):
    path = tmp_path / "r.foi.json"
    save_request(path, Request(title="Systems at {force_name}", parts=[Part(text="Which systems?")]))
    code, letters, err = export(path, tmp_path / "ok", capsys)
    assert code == 0, err
    assert sorted(letters) == sorted(FIVE)  # each file named after its own force's title
    names = sorted(p.name for p in (tmp_path / "ok").iterdir())
    assert "2026-11-21 Police Scotland - Systems at Police Scotland.txt" in names
    assert "2026-11-21 Metropolitan Police Service - Systems at the Metropolitan Police Service.txt" in names
    save_request(path, Request(title="Contract {contract_ref}", parts=[Part(text="Which systems?")]))
    code, letters, err = export(path, tmp_path / "no", capsys)
    assert code == 1 and letters == {} and not (tmp_path / "no").exists()
    assert "not written: all 5 letters: the whole request: The title has the field {contract_ref}" in err


def test_every_field_fitting_makes_reads_in_words_where_no_force_fills_it():
    """The outline, the order and coverage tables show a fitted part for no force in
    particular: each field fitting can write reads in words there, never in braces."""
    from composer.law import FORCE_FIELDS, readable

    text = " ".join(f"{{{name}}}" for name in sorted(FORCE_FIELDS))
    shown = readable(text, Request(parts=[Part(text=text)]))
    assert "{" not in shown, shown
    comply = "to comply with {force_name_possessive} {equality_duty_bare}?"
    assert readable(comply, Request()) == "to comply with the force's equality duty?"


def test_order_for_a_force_reads_the_fitted_parts_as_that_force_will(tmp_path, capsys):
    path, _ = import_seed("001", tmp_path, capsys)
    assert cli.main(["order", str(path), "--force", "police_scotland"]) == 0
    out = capsys.readouterr().out
    assert "{" not in out
    assert "1e. What guidance/policies does Police Scotland have to govern the usage of the" in out


def test_import_can_save_the_forces_and_says_when_it_has_none(tmp_path, capsys):
    """An imported request is fitted to every force but names none: import says so, and
    `--forces` saves them so that export needs no --forces."""
    path, err = import_seed("003", tmp_path, capsys)
    assert "note: no forces are saved with it: export with --forces" in err
    path, err = import_seed("001", tmp_path, capsys, "--forces", "the_met,police_scotland", "--replace")
    assert "no forces are saved" not in err
    assert load_request(path).forces == ["the_met", "police_scotland"]
    code, letters, _ = (cli.main(["export", str(path), "--to", str(tmp_path / "o"), "--format", "txt", *ME]),
                        None, capsys.readouterr())
    assert code == 0
    assert cli.main(["import", str(tmp_path / "seed001.txt"), "-o", "-", "--forces", "nowhere"]) == 2
    assert "unknown force id 'nowhere'" in capsys.readouterr().err


def test_a_text_letter_given_to_show_and_export_is_fitted_as_import_fits_it(tmp_path, capsys):
    """README: show and export take "a .foi.json request or a plain-text letter". A letter
    written to West Midlands Police and given as text reads as Police Scotland's own, as it
    would after `import`, instead of naming WMP and FOIA (and export refusing it)."""
    source = tmp_path / "wmp.txt"
    source.write_text(seed_text("001"), "utf-8")
    assert cli.main(["show", str(source), "--force", "police_scotland"]) == 0
    shown = capsys.readouterr().out
    assert "West Midlands" not in shown and "Freedom of Information Act 2000" not in shown
    assert "from Police Scotland" in shown
    code = cli.main(["export", str(source), "--forces", "police_scotland", "--to", str(tmp_path / "o"),
                     "--format", "txt", *ME])
    out, err = capsys.readouterr()
    assert code == 0, err
    letter = Path(out.strip()).read_text("utf-8")
    assert "Freedom of Information (Scotland) Act 2002" in letter and "West Midlands" not in letter
    assert "fitted to every force" in err


def test_check_of_a_text_letter_is_the_judgement_export_makes(tmp_path, capsys):
    """check and export stay one judgement: a letter written to West Midlands Police and given
    to `check --force police_scotland` as text is fitted as export fits it, so check reports
    the errors export would refuse on, and not the FOIA citation fitting has already turned
    into Police Scotland's own Act."""
    import json

    from composer.commands import open_for_letters
    from composer.forces import load_directory
    from composer.letters.judgement import judge_forces
    from composer.model import Requester

    source = tmp_path / "wmp.txt"
    source.write_text(seed_text("001"), "utf-8")
    code = cli.main(["check", str(source), "--force", "police_scotland", "--json"])
    out, err = capsys.readouterr()
    checked = {(f["rule"], f["message"]) for f in json.loads(out)["findings"] if f["severity"] == "error"}
    request = open_for_letters(source)
    capsys.readouterr()
    scotland = load_directory().get("police_scotland")
    judged = {(f.rule, f.message) for f in judge_forces(request, [scotland], Requester())[0].errors}
    assert checked == judged
    assert "jurisdiction.wrong-act" not in {rule for rule, _ in checked}
    assert code == (1 if judged else 0)
    assert "fitted to every force" in err


def test_a_campaign_started_from_a_text_letter_holds_it_fitted(tmp_path, capsys):
    """`campaign new --request letter.txt` keeps the request each force's follow-ups quote as
    export would write it: fitted to every force, not naming West Midlands Police."""
    from composer.campaign.store import CampaignStore

    source = tmp_path / "wmp.txt"
    source.write_text(seed_text("001"), "utf-8")
    assert cli.main(["campaign", "new", "Fitted", "--request", str(source), "--forces",
                     "police_scotland,the_met", "--sent", "2026-11-20"]) == 0
    capsys.readouterr()
    request = CampaignStore().load("Fitted").request
    words = " ".join([request.introduction, *(p.text for p in request.all_parts())])
    assert "West Midlands Police" not in words and "{force_name}" in words


def test_the_title_is_fitted_too_so_no_letter_is_headed_with_another_force(tmp_path, capsys):
    """QA-S6: a letter to West Yorkshire Police read in with no heading took its title from its
    first part, and Police Scotland's letter was named and headed 'Does West Yorkshire Police
    use …'."""
    fitted, changes = fit_request(Request(title="West Midlands Police's use of risk scores",
                                          parts=[Part(text="Does WMP score people?")]))
    assert fitted.title == "{force_name_possessive} use of risk scores"
    assert describe(fitted, changes[0]).startswith("the title: \u201cWest Midlands Police's\u201d is now")
    back, _ = undo_change(fitted, changes[0], changes)
    assert back.title == "West Midlands Police's use of risk scores"

    source = tmp_path / "letter.txt"
    source.write_text("Dear West Midlands Police,\n\nUnder the Freedom of Information Act 2000:\n\n"
                      "1. Does West Midlands Police use any algorithm to score people?\n"
                      "2. Please provide its DPIA.\n\nYours faithfully,\nAnn Example\n", "utf-8")
    path = tmp_path / "letter.foi.json"
    assert cli.main(["import", str(source), "-o", str(path)]) == 0
    assert "the title: \u201cWest Midlands Police\u201d is now {force_name}" in capsys.readouterr().err
    code, letters, err = export(path, tmp_path / "out", capsys)
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "2026-11-21 Police Scotland - Does Police Scotland use any algorithm to….txt" in names, names
    for name in names:  # each title names the force its letter goes to, and no other
        force, title = name[len("2026-11-21 "):].split(" - ", 1)
        assert {m.force_id for m in find_forces(title)} == {f for f, n in NAMES.items() if n == force}, name
    assert cli.main(["check", str(path), "--force", "police_scotland"]) in (0, 1)
    assert capsys.readouterr().out.startswith("Does Police Scotland use any algorithm to…: 2 parts checked")
    assert cli.main(["library", "save", str(path)]) == 0
    assert "is taken" not in capsys.readouterr().err
    assert cli.main(["library", "list"]) == 0
    assert "Does the force use any algorithm to…" in capsys.readouterr().out
