"""One letter per force into a folder; the export command; PDF through LibreOffice; seed 001."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import seed_text
from test_letters import DAY, force, me, sample_request

from composer import storage
from composer.cli import main
from composer.errors import ComposerError
from composer.forces import load_directory
from composer.letters import export_batch, file_name, find_soffice, letter_as_text, request_letter
from composer.library import save_request
from composer.model import Part
from composer.profile import load_profile, save_profile

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")


def test_file_names_are_readable():
    assert file_name(date(2026, 11, 21), force("wmp"), "Predictive policing", "docx") == (
        "2026-11-21 West Midlands Police - Predictive policing.docx"
    )
    assert file_name(DAY, force("wmp"), 'A/B: "c"?', "txt") == "2026-11-21 West Midlands Police - A B c.txt"


def test_a_letter_for_every_body_with_progress(tmp_path):
    forces = load_directory().resolve("all")
    calls = []
    summary = export_batch(sample_request(), forces, tmp_path / "out", fmt="docx", requester=me(),
                           date=DAY, progress=lambda done, total, f: calls.append((done, total, f.id)))
    assert summary.failed == []
    assert len(summary.written) == len(forces) == 50
    assert calls == [(i, 50, f.id) for i, f in enumerate(forces, start=1)]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in summary.written)
    for path, f in zip(summary.written, forces):
        assert path.name == f"2026-11-21 {f.name} - Risk scoring.docx"
        assert f"Dear {f.greeting}," in [p.text for p in docx.Document(str(path)).paragraphs]
    assert any(w.startswith("Gloucestershire Constabulary: the force directory has no FOI email address")
               and "foi-composer forces --set-email gloucestershire_police ADDRESS" in w
               and "Edit › Forces' FOI addresses" in w for w in summary.warnings)


def test_an_existing_file_is_never_overwritten(tmp_path):
    forces = [force("wmp"), force("police_scotland")]
    first = export_batch(sample_request(), forces, tmp_path, fmt="txt", requester=me(), date=DAY)
    before = {p: p.read_bytes() for p in first.written}
    second = export_batch(sample_request(), forces, tmp_path, fmt="txt", requester=me(name="Bo"), date=DAY)
    assert [p.name for p in second.written] == [
        "2026-11-21 West Midlands Police - Risk scoring (2).txt",
        "2026-11-21 Police Scotland - Risk scoring (2).txt",
    ]
    assert {p: p.read_bytes() for p in first.written} == before


def test_text_export_is_the_letter_as_text(tmp_path):
    summary = export_batch(sample_request(), [force("wmp")], tmp_path, fmt="txt", requester=me(), date=DAY)
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY)
    assert summary.written[0].read_text("utf-8") == letter_as_text(letter)


def test_eml_fails_only_for_the_force_without_an_address(tmp_path):
    forces = [force("wmp"), force("gloucestershire_police"), force("kent_police")]
    summary = export_batch(sample_request(), forces, tmp_path, fmt="eml", requester=me(), date=DAY)
    assert [p.name for p in summary.written] == [
        "2026-11-21 West Midlands Police - Risk scoring.eml",
        "2026-11-21 Kent Police - Risk scoring.eml",
    ]
    assert [(f.id, why) for f, why in summary.failed] == [
        ("gloucestershire_police", summary.failed[0][1])
    ]
    assert "no FOI email address for this force" in summary.failed[0][1]
    assert "--set-email gloucestershire_police ADDRESS" in summary.failed[0][1]
    assert not any("no FOI email" in w for w in summary.warnings)  # said once, where it failed


def test_one_failure_does_not_lose_the_other_letters(tmp_path, monkeypatch):
    real = storage.write_new

    def disk_full_for_kent(path, data, **kwargs):
        if "Kent" in path.name:
            raise storage.os_problem(OSError(28, "No space left on device"), path)
        return real(path, data, **kwargs)

    monkeypatch.setattr(storage, "write_new", disk_full_for_kent)
    forces = [force("wmp"), force("kent_police"), force("police_scotland")]
    summary = export_batch(sample_request(), forces, tmp_path, fmt="docx", requester=me(), date=DAY)
    assert [p.name.split(" - ")[0] for p in summary.written] == [
        "2026-11-21 West Midlands Police", "2026-11-21 Police Scotland"
    ]
    assert all(p.exists() for p in summary.written)
    assert [f.id for f, _why in summary.failed] == ["kent_police"]
    assert "No space left on device; free some disk space" in summary.failed[0][1]


def test_batch_problems_that_stop_everything_are_raised_first(tmp_path):
    target = tmp_path / "a file"
    target.write_text("x")
    with pytest.raises(ComposerError, match="is a file, not a folder"):
        export_batch(sample_request(), [force("wmp")], target, requester=me(), date=DAY)
    with pytest.raises(ComposerError, match="unknown format 'rtf'"):
        export_batch(sample_request(), [force("wmp")], tmp_path, fmt="rtf", requester=me(), date=DAY)
    with pytest.raises(ComposerError, match="no template called"):
        export_batch(sample_request(), [force("wmp")], tmp_path / "o", template="nope", requester=me(), date=DAY)
    assert not (tmp_path / "o").exists()


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("FOI_COMPOSER_SOFFICE", "")
    with pytest.raises(ComposerError, match="PDF export needs LibreOffice"):
        export_batch(sample_request(), [force("wmp")], tmp_path / "out", fmt="pdf", requester=me(), date=DAY)
    assert not (tmp_path / "out").exists()


@needs_soffice
def test_pdf_letters_through_libreoffice(tmp_path):
    calls = []
    summary = export_batch(sample_request(), [force("wmp"), force("police_scotland")], tmp_path,
                           fmt="pdf", requester=me(), date=DAY,
                           progress=lambda done, total, f: calls.append(done))
    assert summary.failed == [] and calls == [1, 2]
    assert [p.suffix for p in summary.written] == [".pdf", ".pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in summary.written)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(summary.written[1]), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Dear Police Scotland," in text and "£600" in text


# -- the command line ---------------------------------------------------------------------------


def test_export_command_prints_the_paths_written(tmp_path, capsys):
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request())
    save_profile(me())
    code = main(["export", str(source), "--forces", "wmp,police_scotland", "--to", str(tmp_path / "out"),
                 "--date", "2026-11-21"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.splitlines() == [
        str(tmp_path / "out" / "2026-11-21 West Midlands Police - Risk scoring.docx"),
        str(tmp_path / "out" / "2026-11-21 Police Scotland - Risk scoring.docx"),
    ]
    assert "Ann Example" in [p.text for p in docx.Document(out.splitlines()[0]).paragraphs]


def test_export_command_writes_to_the_forces_saved_with_the_request(tmp_path, capsys):
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request().model_copy(update={"forces": ["police_scotland", "wmp"]}))
    code = main(["export", str(source), "--to", str(tmp_path / "out"), "--format", "txt",
                 "--name", "Ann Example", "--email", "ann@example.org"])
    out, err = capsys.readouterr()
    assert code == 0, err
    names = [Path(line).name.split(" - ")[0][len("2026-11-21 "):] for line in out.splitlines()]
    assert names == ["Police Scotland", "West Midlands Police"]


def test_export_command_without_forces_anywhere_says_how_to_name_them(tmp_path, capsys):
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request())
    assert main(["export", str(source), "--to", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "does not say which forces it goes to" in err and "--forces" in err
    assert not (tmp_path / "out").exists()


def test_export_command_name_and_email_are_for_this_export_only(tmp_path, capsys):
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request())
    save_profile(me())
    code = main(["export", str(source), "--forces", "wmp", "--to", str(tmp_path), "--format", "eml",
                 "--name", "Bo Other", "--email", "bo@example.net"])
    out, _ = capsys.readouterr()
    assert code == 0
    raw = open(out.strip(), "rb").read().decode("ascii")
    assert "From: Bo Other <bo@example.net>" in raw
    assert load_profile()[0].name == "Ann Example"


def test_export_command_reports_failures_on_stderr_with_status_1(tmp_path, capsys):
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request())
    code = main(["export", str(source), "--forces", "wmp,gloucestershire_police", "--to", str(tmp_path / "o"),
                 "--format", "eml", "--anyway"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 1 and out.strip().endswith("West Midlands Police - Risk scoring.eml")
    assert "failed: Gloucestershire Constabulary: the force directory has no FOI email address" in err
    assert "warning: no requester name" in err


def test_export_command_refuses_bad_input_in_one_line(tmp_path, capsys):
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request())
    assert main(["export", str(source), "--forces", "nowhere", "--to", str(tmp_path)]) == 2
    assert main(["export", str(source), "--forces", "wmp", "--to", str(tmp_path), "--template", "nope"]) == 2
    err = capsys.readouterr().err
    assert "unknown force id 'nowhere'" in err and "no template called 'nope'" in err
    assert "Traceback" not in err


def test_templates_command_lists_checks_and_adds(tmp_path, capsys):
    from test_letters_docx import make_template

    assert main(["templates"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert any(line.startswith("formal\tbuilt-in\t") for line in listed)
    bad = make_template(tmp_path / "bad.docx", "{{ nope }}")
    assert main(["templates", "--check", str(bad)]) == 2
    assert "{{ nope }}" in capsys.readouterr().err
    good = make_template(tmp_path / "good.docx", "{{ salutation }}")
    assert main(["templates", "--add", str(good)]) == 0
    assert main(["templates"]) == 0
    assert any(line.startswith("good\tyours\t") for line in capsys.readouterr().out.splitlines())


# -- seed 001 -----------------------------------------------------------------------------------

_SEED_PART = re.compile(r"^(\d+[a-z]?)\.\s*(\S.*)$")


def test_seed_001_exported_for_west_midlands_reads_as_the_seed_does(tmp_path, capsys):
    from composer.textimport import parse_request

    text = seed_text("001")
    request_section = text.split("\nRequest\n", 1)[1].split("\nResponse\n", 1)[0]
    seed_parts = [m.groups() for line in request_section.splitlines() if (m := _SEED_PART.match(line.strip()))]
    assert len(seed_parts) == 19  # 1, 1a–1h, 2, 2a–2i

    source = tmp_path / "seed 001.txt"
    source.write_text(text, "utf-8")
    save_profile(me())
    assert main(["export", str(source), "--forces", "wmp", "--to", str(tmp_path / "out")]) == 0
    written = capsys.readouterr().out.strip()
    found = [p.text for p in docx.Document(written).paragraphs]
    numbered = [tuple(t.split(".\t", 1)) for t in found if re.match(r"^\d+[a-z]?\.\t", t)]
    # fitted to every force as import fits it: the seed's words, but its duty in each force's
    # own words (for WMP, the same duty spelt out)
    seed_duty = "West Midlands Police\u2019s Public Sector Equality Duty under s149 Equality Act 2010"
    fitted_duty = "West Midlands Police's public sector equality duty in section 149 of the Equality Act 2010"
    assert numbered == [(n, t.strip().replace(seed_duty, fitted_duty)) for n, t in seed_parts]
    assert sum(fitted_duty in t for _, t in numbered) == 2  # 1h and 2i
    assert "Dear West Midlands Police," in found
    intro = next(t for t in found if t.startswith("I am writing to you under"))
    assert "Freedom of Information Act 2000" in intro
    assert any(t.startswith("For questions 1f, 2f and 2g") for t in found)  # the seed's own format line
    clause = next(t for t in found if "appropriate limit" in t)
    assert "£450" in clause and "section 16" in clause
    assert found.index(clause) > found.index("2i.\t" + numbered[-1][1])
    assert "Ann Example" in found and "12 Chapel Street" in found
    assert parse_request(text).numbered()[0].number == "1"


def test_progress_can_stop_the_batch_keeping_what_was_written(tmp_path):
    forces = load_directory().resolve("wales")
    summary = export_batch(sample_request(), forces, tmp_path, fmt="txt", requester=me(), date=DAY,
                           progress=lambda done, total, f: done < 2)
    assert summary.stopped and len(summary.written) == 2 and summary.failed == []
    assert sorted(tmp_path.glob("*.txt")) == sorted(summary.written)
    assert not export_batch(sample_request(), forces, tmp_path / "all", fmt="txt", requester=me(),
                            date=DAY, progress=lambda *a: None).stopped


@needs_soffice
def test_a_pdf_batch_is_one_libreoffice_run_cut_back_into_letters(tmp_path, monkeypatch):
    from composer.letters import batch

    runs = []
    real = batch.convert_to_pdf
    monkeypatch.setattr(batch, "convert_to_pdf", lambda docs, *a, **k: runs.append(len(docs)) or real(docs, *a, **k))
    forces = [force("wmp"), force("police_scotland"), force("psni")]
    summary = export_batch(sample_request(), forces, tmp_path, fmt="pdf", requester=me(), date=DAY)
    assert summary.failed == [] and len(summary.written) == 3 and runs == [1]
    if shutil.which("pdftotext"):
        for path, name in zip(summary.written, ["West Midlands Police", "Police Scotland",
                                               "the Police Service of Northern Ireland"]):
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout
            assert f"Dear {name.removeprefix('the ')}," in text
            assert text.count("Dear ") == 1  # its own letter and no other
            pages = text.count("\f")
            assert f"page 1 of {pages}" in text and f"page {pages + 1} of" not in text


def test_letters_combine_into_one_document_of_sections_each_with_its_own_footer():
    import io
    import zipfile

    from composer.letters import docx_bytes, request_letter
    from composer.letters.pdf_batch import combine

    letters = [request_letter(sample_request(), force(f), me(), date=DAY) for f in ("wmp", "psni")]
    combined = combine([docx_bytes(letter, "formal") for letter in letters])
    document = docx.Document(io.BytesIO(combined))
    assert len(document.sections) == 2
    footers = ["".join(p.text for p in s.footer.paragraphs) for s in document.sections]
    assert all("page" in f for f in footers)
    with zipfile.ZipFile(io.BytesIO(combined)) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if "footer" in n and n.endswith(".xml"))
        assert b"NUMPAGES" not in xml and b"PAGEREF FoiLetterEnd0001" in xml
    texts = [p.text for p in document.paragraphs]
    assert texts.count("Dear West Midlands Police,") == 1
    assert texts.count("Dear Police Service of Northern Ireland,") == 1


def test_a_template_with_numbered_paragraphs_is_not_combined(tmp_path):
    from composer.letters import docx_bytes, request_letter
    from composer.letters.pdf_batch import combine

    path = tmp_path / "numbered.docx"
    document = docx.Document()
    document.add_paragraph("{{ salutation }}")
    document.add_paragraph("{{ sign_off }}", style="List Number")
    document.save(str(path))
    letters = [request_letter(sample_request(), force(f), me(), date=DAY) for f in ("wmp", "psni")]
    assert combine([docx_bytes(letter, path) for letter in letters]) is None


def test_export_command_says_a_finding_shared_by_every_letter_once(tmp_path, capsys):
    """With no name anywhere, every letter has the same s8 error: the export says it once for
    all of them (not once per force, 45 near-identical lines), and names the forces once."""
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request())
    code = main(["export", str(source), "--forces", "territorial", "--to", str(tmp_path / "o")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    lines = err.splitlines()
    shared = [line for line in lines if "real name" in line]
    assert len(shared) == 1, lines[:5]
    assert shared[0].startswith("foi-composer: not written: all 45 letters: the whole request: ")
    assert len(lines) <= 4, lines
    assert "45 letters not written: fix the errors above" in lines[-1]


def test_export_command_names_the_forces_a_finding_is_for(tmp_path, capsys):
    source = tmp_path / "r.foi.json"
    save_request(source, sample_request().model_copy(
        update={"parts": [*sample_request().parts, Part(text="Please send contract {contract_ref}.")]}))
    save_profile(me())
    code = main(["export", str(source), "--forces", "wmp,police_scotland", "--to", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1
    assert "not written: all 2 letters: part 2:" not in err
    assert "not written: West Midlands Police and Police Scotland: part" in err, err


def test_export_command_says_a_warning_shared_by_many_letters_once(tmp_path, capsys):
    """Seed 000 names the Met's own V100 programme: every other force's letter warns that it
    names the MPS. Said once for them all, naming the one letter without it."""
    source = tmp_path / "v100.txt"
    source.write_text(seed_text("000"), "utf-8")
    save_profile(me())
    code = main(["export", str(source), "--forces", "territorial", "--to", str(tmp_path / "o"),
                 "--format", "txt"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert len(out.splitlines()) == 45
    names_the_met = [line for line in err.splitlines() if "names the MPS" in line]
    assert names_the_met == [
        "foi-composer: warning: all 45 letters but Metropolitan Police Service's: the letter names "
        "the MPS (the introduction); check the wording is meant for each of them"], names_the_met
    assert "warning: Gloucestershire Constabulary: the force directory has no FOI email address" in err


def test_a_force_with_an_online_form_is_named_with_its_form_at_export(tmp_path):
    """Session 9: the export says which forces ask for requests through an online form, with
    its address, so the letter's text can be pasted there; a force without one gets no such line."""
    dorset = load_directory().get("dorset_police")
    summary = export_batch(sample_request(), [dorset, force("kent_police")], tmp_path, fmt="txt",
                           requester=me(), date=DAY)
    assert len(summary.written) == 2
    assert ("Dorset Police: this force asks for requests through its online form: "
            f"{dorset.foi_form}; the letter text is ready to paste") in summary.warnings
    assert not any("Kent" in w and "online form" in w for w in summary.warnings)


def _with_emoji():
    request = sample_request()
    request.title = "Patrol cars 🚓"
    request.parts[1].text = "How many 🚓 patrols 😀 used it in 2023? © and ™ stay."
    return request


def test_emoji_are_written_as_words_in_word_letters_and_kept_in_text_ones(tmp_path):
    """Session 9 (qa8 saw 🚓 drawn as a box): the fonts a Word or PDF letter is drawn with have no
    pictures for most emoji, so those letters write each one as its name in words and the export
    says so once; the text letter keeps what was typed, and © and ™ (every font has them) stay."""
    word = export_batch(_with_emoji(), [force("wmp"), force("kent_police")], tmp_path / "w", fmt="docx",
                        requester=me(), date=DAY)
    document = docx.Document(str(word.written[0]))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "How many (police car) patrols (grinning face) used it in 2023? © and ™ stay." in body
    assert "Freedom of Information request: Patrol cars (police car)" in body
    assert "\U0001f693" not in body and "\U0001f600" not in body
    assert document.core_properties.title.endswith("Patrol cars (police car)")
    note = ("the Word and PDF letters write 2 emoji as their names, “(police car)” and “(grinning face)”: "
            "letter fonts have no pictures for them (the text and email letters keep what you typed)")
    assert word.warnings.count(note) == 1
    text = export_batch(_with_emoji(), [force("wmp")], tmp_path / "t", fmt="txt", requester=me(), date=DAY)
    assert "How many 🚓 patrols 😀 used it" in text.written[0].read_text("utf-8")
    assert note not in text.warnings
    plain = export_batch(sample_request(), [force("wmp")], tmp_path / "p", fmt="docx", requester=me(), date=DAY)
    assert not any("letter fonts" in w for w in plain.warnings)


@needs_soffice
def test_a_pdf_letter_draws_an_emoji_as_words(tmp_path):
    from pypdf import PdfReader

    summary = export_batch(_with_emoji(), [force("wmp")], tmp_path, fmt="pdf", requester=me(), date=DAY)
    text = " ".join(page.extract_text() for page in PdfReader(str(summary.written[0])).pages)
    assert "(police car) patrols (grinning face)" in " ".join(text.split())
    assert "\U0001f693" not in text
