"""QA-S11, a campaigner's first day: odd input met with one line naming the problem and what to do.

Each test is a defect seen by following the README from a clean clone: what was done, what was
seen, and what a campaigner needs instead."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_letters import DAY, force, me, sample_request

from composer import costplan, storage
from composer.errors import ComposerError, FileProblem
from composer.law import LAWS
from composer.letters import export_batch
from composer.library import open_request, slug
from composer.model import Act, Part, Request
from composer.replies import reply_text
from composer.textimport import parse_request_with_report, signoff_name


def test_a_folder_that_cannot_be_written_in_is_named_once_not_its_temporary_files(tmp_path, monkeypatch):
    """Letters exported to a read-only folder gave 49 lines, one per force, each naming a hidden
    temporary file ("rodir/.~foi-5584-ba5f70d9ca17.tmp: Permission denied"), a name the user
    never chose. Now one line names the folder and the export writes nothing."""
    folder = tmp_path / "read-only"
    folder.mkdir()

    def denied(where, data, private):
        raise PermissionError(13, "Permission denied", str(where / ".~foi-1-abcdef012345.tmp"))

    monkeypatch.setattr(storage, "_temp_file", denied)
    forces = [force("wmp"), force("the_met"), force("police_scotland")]
    with pytest.raises(FileProblem) as caught:
        export_batch(sample_request(), forces, folder, fmt="txt", requester=me(), date=DAY)
    line = str(caught.value)
    assert line.startswith(f"{folder}: this folder cannot be written in (Permission denied)")
    assert "choose a folder you own" in line and ".~foi" not in line and "\n" not in line
    assert list(folder.iterdir()) == []


def test_a_request_saved_into_the_current_folder_names_it_in_full(tmp_path, monkeypatch):
    """`order FILE --save` in a read-only current folder said ".~foi-6186-667a5e678e48.tmp:
    Permission denied": the folder is "." there, so it is named as a full path."""
    monkeypatch.chdir(tmp_path)
    line = str(storage.os_problem(PermissionError(13, "Permission denied", ".~foi-9-0123456789ab.tmp")))
    assert line.startswith(f"{Path.cwd()}: this folder cannot be written in")
    # a file the user named keeps its own name
    line = str(storage.os_problem(PermissionError(13, "Permission denied", "letters/a.docx")))
    assert line.startswith("letters/a.docx: Permission denied")


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".eml"])
def test_an_empty_file_is_called_empty_not_damaged(tmp_path, suffix):
    """A 0-byte reply.docx (a download that never finished) was "damaged or cut short, or is
    another kind of file with this name": nothing was ever in it, and it says so."""
    empty = tmp_path / f"reply{suffix}"
    empty.write_bytes(b"")
    with pytest.raises(ComposerError) as caught:
        reply_text(empty)
    assert str(caught.value) == (f"{empty}: the file is empty (0 bytes); save it again from where you got "
                                 "it (an email, a web page), or paste its words")
    damaged = tmp_path / f"cut{suffix}"
    damaged.write_bytes(b"PK\x03\x04 not really" if suffix == ".docx" else b"%PDF-1.7 cut")
    if suffix != ".eml":  # (any bytes read as an email; a cut Word file or PDF does not)
        with pytest.raises(ComposerError, match="damaged or cut short"):
            reply_text(damaged)


WELSH = """Annwyl Heddlu Dyfed-Powys,

Rwy'n ysgrifennu o dan Ddeddf Rhyddid Gwybodaeth 2000 i ofyn am y wybodaeth ganlynol:

1. A yw'r heddlu wedi defnyddio unrhyw system plismona rhagfynegol?
2. Faint mae'r system wedi'i gostio ym mhob un o'r pum mlynedd ariannol diwethaf?
3. Darparwch unrhyw Asesiad Effaith ar Gydraddoldeb ar gyfer y system, gyda'i ddyddiad.

Yn gywir,
Siân ap Dafydd
"""


def test_a_request_written_in_welsh_loses_its_greeting_and_sign_off():
    """A request pasted in Welsh (forces in Wales take requests in Welsh) kept "Annwyl Heddlu
    Dyfed-Powys," as its introduction, so every letter began "Dear North Wales Police, Annwyl
    Heddlu Dyfed-Powys,", and "Yn gywir," with the writer's name stayed in the last part."""
    request, notes = parse_request_with_report(WELSH)
    assert len(request.parts) == 3
    assert "Annwyl" not in request.introduction and request.introduction.startswith("Rwy'n ysgrifennu")
    assert request.parts[2].text.endswith("gyda'i ddyddiad.")
    assert any("greeting 'Annwyl Heddlu Dyfed-Powys,' was removed" in n for n in notes)
    assert any("sign-off 'Yn gywir,'" in n for n in notes)
    assert signoff_name(WELSH) == "Siân ap Dafydd"
    for closing in ("Yr eiddoch yn gywir,", "Cofion gorau,", "Diolch yn fawr iawn,"):
        request, _ = parse_request_with_report(WELSH.replace("Yn gywir,", closing))
        assert request.parts[2].text.endswith("gyda'i ddyddiad."), closing


def test_a_long_title_is_cut_at_a_word_in_file_names():
    """A 500-character title made letters named "… risk tools — very l.docx"."""
    title = "Predictive policing: Dyfed-Powys Police's risk tools and their oversight " + "very long title " * 30
    name = slug(title)
    assert len(name) <= 80 and name == "Predictive policing Dyfed-Powys Police's risk tools and their oversight very"
    assert len(slug("x" * 500)) == 80  # one word longer than the limit is cut where it must be
    assert slug("Short title") == "Short title"


def test_parts_a_force_may_add_together_give_their_hours_as_every_other_figure_does():
    """`order` said "together come to about 4932 hours" three lines below "about 52,240 hours"."""
    costly = ("How many people were arrested as a result of the system from 2005 to 2024, broken down by "
              "age, race and gender?")
    request = Request(parts=[Part(id="a", text=costly), Part(id="b", text=costly.replace("arrested", "charged"))])
    plan = costplan.plan(request, LAWS[Act.FOISA])
    together = [n for n in plan.notes if "may treat them as one" in n]
    assert together, plan.notes
    hours = together[0].split("together come to about ")[1].split(" hours")[0]
    assert int(hours.replace(",", "")) >= 1000 and "," in hours


def test_a_damaged_request_file_says_what_to_do(tmp_path):
    """`check bad.foi.json` said only "is not valid JSON (line 1, column 26: Expecting value)"."""
    cut = tmp_path / "request.foi.json"
    cut.write_text('{"title": "x", "parts": [', encoding="utf-8")
    with pytest.raises(FileProblem) as caught:
        open_request(cut)
    assert str(caught.value).startswith(f"{cut}: is not valid JSON")
    assert str(caught.value).endswith("open your copy in the library, or import the letter again")
    newer = tmp_path / "newer.foi.json"
    newer.write_text(json.dumps({"schema_version": 999, "parts": []}), encoding="utf-8")
    with pytest.raises(FileProblem) as caught:
        open_request(newer)
    assert str(caught.value).endswith("update the app to open it")  # not damaged: no such advice
