"""The profile's details go into the letters at export and nowhere else: not into a request file,
the library, an autosave, a campaign or a shared template, whether the request was built from the
bank, imported, or edited in the app; and a failure is reported without the values it quotes."""

from __future__ import annotations

import pytest

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


def _refusing_with_the_profile(*_args, **_kwargs):
    """A failure whose message quotes the values it refused, as a validation error does."""
    Requester.model_validate({"name": ["Zephyrine Quillfeather", "14 Acacia Avenue"]})


def test_a_failure_is_reported_by_kind_and_place_never_with_what_it_quotes(window, tmp_path, capsys, monkeypatch):
    """PRIVACY-S11: an unexpected failure was shown as its message, and a validation error's
    message quotes the values (the profile's name and address, the request's wording) it refused:
    on screen, and in whatever bug report it was pasted into."""
    import composer.letters.batch as batch
    from composer.library import save_request
    from composer.model import Part, Request
    from composer.profile import save_profile

    with pytest.raises(Exception) as raised:
        _refusing_with_the_profile()
    assert "Quillfeather" in str(raised.value)  # the control: the message does quote them

    save_profile(ME)
    request = save_request(tmp_path / "r.foi.json", Request(title="Risk", parts=[Part(text="Do you score people?")],
                                                          forces=["kent_police"]))
    monkeypatch.setattr(batch, "_write", _refusing_with_the_profile)
    capsys.readouterr()
    assert main(["export", str(request), "--format", "txt", "--to", str(tmp_path / "letters")]) == 1
    said = capsys.readouterr()
    assert "Quillfeather" not in said.out + said.err and "Acacia" not in said.out + said.err
    assert "ValidationError in composer/letters/batch.py line" in said.out + said.err

    window.findings._checker = _refusing_with_the_profile
    window.findings.run_check()
    shown = window.findings.summary.text()
    assert shown.startswith("The checker could not run (ValidationError in composer/ui/qt_findings.py line")
    assert "Quillfeather" not in shown


def test_a_command_that_fails_unexpectedly_says_one_line_quoting_nothing(capsys, monkeypatch):
    """PRIVACY-S11: a fault in a command printed Python's traceback, whose last line is the
    failure's message: a validation error there quotes the profile's name and address."""
    import composer.storage

    monkeypatch.setattr(composer.storage, "clean_data_folder", _refusing_with_the_profile)
    monkeypatch.delenv("FOI_COMPOSER_DEBUG", raising=False)
    assert main(["bank"]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and said.startswith("foi-composer: error: FOI Composer failed (ValidationError")
    assert "Quillfeather" not in said and "Acacia" not in said and "Traceback" not in said
    monkeypatch.setenv("FOI_COMPOSER_DEBUG", "1")  # a developer asks for the whole of it
    with pytest.raises(Exception, match="Quillfeather"):
        main(["bank"])
