"""The profile's details go into the letters at export and nowhere else: not into a request file,
the library, an autosave, a campaign or a shared template, whether the request was built from the
bank, imported, or edited in the app."""

from __future__ import annotations

from composer.cli import main
from composer.library import Library, load_request
from composer.model import Requester
from composer.operations import request as edits
from composer.ui.autosave import autosave_files

ME = Requester(name="Zephyrine Quillfeather", email="zq@example.org",
               postal_address=["14 Acacia Avenue", "Kings Heath", "Birmingham B14 7QT"],
               organisation="Data Watch Brum")
TRACES = ("Zephyrine", "Quillfeather", "zq@example.org", "Acacia", "Kings Heath", "B14 7QT", "Data Watch Brum")


def traces_in(folder, but=()) -> dict[str, list[str]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part in path.parts for part in but):
            text = path.read_bytes().decode("utf-8", "replace")
            hits = [t for t in TRACES if t in text]
            if hits:
                found[str(path.relative_to(folder))] = hits
    return found


def test_the_profile_reaches_the_letters_and_no_other_file(window, tmp_path, data_home, qtbot, capsys):
    letter = tmp_path / "in" / "letter.txt"
    letter.parent.mkdir()
    letter.write_text("Dear Sir/Madam,\n\n1. Does the force use a risk score?\n2. What did it cost?\n\n"
                      "Yours faithfully,\n", "utf-8")
    out = tmp_path / "out"
    built, imported = out / "built.foi.json", out / "imported.foi.json"
    for args in (
        ["profile", "--name", ME.name, "--email", ME.email, "--address", "; ".join(ME.postal_address),
         "--organisation", ME.organisation],
        ["new", "--modules", "use_individual_risk(identity,cost),format", "--system", "the VHA",
         "--forces", "kent_police,wmp", "-o", str(built)],
        ["import", str(letter), "--forces", "kent_police", "-o", str(imported)],
        ["library", "save", str(built), "--name", "Built"],
        ["library", "save", str(imported), "--name", "Imported"],
        ["library", "export", "Built", "-o", str(out / "shared.foi.json")],
        ["campaign", "new", "VHA", "--request", str(built), "--sent", "2026-11-20"],
        ["export", str(built), "--format", "txt", "--to", str(out / "letters")],
    ):
        assert main(args) == 0, (args, capsys.readouterr())

    window.requester = ME
    window.document.load(Library().load("Built"), Library().path_for("Built"))
    window.document.edit("retitle", edits.set_title, title="Risk scores, edited in the app")
    qtbot.waitUntil(lambda: autosave_files() != [])
    assert "edited in the app" in autosave_files()[0].read_text("utf-8")
    assert set(traces_in(data_home)) == {"profile.json"}  # the autosave, the library, the campaign
    assert {p.parent.name for p in data_home.rglob("*.json")} >= {"library", "autosave", "campaigns"}
    assert window.files.save()
    assert load_request(Library().path_for("Built")).title == "Risk scores, edited in the app"
    assert set(traces_in(data_home)) == {"profile.json"}

    # the control: the letters do sign with the profile (a text letter, for WhatDoTheyKnow, with
    # the name alone), so the search would see it anywhere
    letters = traces_in(out / "letters")
    assert len(letters) == 2 and all("Quillfeather" in hits for hits in letters.values())
    assert traces_in(out, but=("letters",)) == {}
