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
    plan = costplan.plan(request, LAWS[Act.FOIA])  # FOIA sets similar parts apart; under FOISA every part counts
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


def test_a_damaged_data_file_ends_its_reason_in_words(data_home):
    """A campaign file cut short was set aside with "(line 6, column 3: Unterminated string starting
    at)": the decoder's message ends in "at" because it gives the place apart."""
    for text, reason in (('{"name": "A', "Unterminated string)"), ('{"a": "\x01"}', "Invalid control character)"),
                         ('{"a" 1}', "Expecting ':' delimiter)")):
        with pytest.raises(FileProblem) as caught:
            storage.parse_json(text, "campaign.json")
        assert str(caught.value).endswith(reason), str(caught.value)


def test_letters_bound_for_a_folder_under_a_file_say_what_to_do(tmp_path):
    """`export --to notes.txt/letters` said "the folder cannot be made (Not a directory)" and
    stopped there; it now says what stands in the way and what to do, as every other OS error does."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileProblem) as caught:
        export_batch(sample_request(), [force("wmp")], tmp_path / "notes.txt" / "letters", fmt="txt",
                     requester=me(), date=DAY)
    assert str(caught.value).endswith("a file stands where a folder should be: move or rename it, or "
                                      "choose another folder")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_very_long_pasted_reply_is_read_as_a_short_one_is():
    """A 5 MB text pasted into the reply dialog froze the app for about 30 s, reading it on each
    change: the sections cited were found by slicing the rest of the text at each mention, and the
    sentence on what a force would have done was sought again from every character of a line
    without one. Both now go once through the text (5 MB read in about 5 s here); what is read is
    the same, which this checks on a long reply (`bench`-free: no time is asserted)."""
    from composer.replies import read_reply
    from composer.responses import sections_in

    answer = ("Any wider search would have rendered the request exempt under section 12. The information "
              "is exempt under sections 31(1)(a), 30 and 40(2) or 43.")
    # searches under PACE and the Criminal Justice and Public Order Act: sections, but no exemptions
    filler = "".join(f"Line {n}: searches under section 1 and 60 were logged by ward\n" for n in range(3000))
    for text in (answer, filler + answer):
        reading = read_reply(text)
        assert reading.sections == ["s31(1)", "s30", "s40(2)", "s43"]  # not s12: what it would have done
        assert sections_in(text, Act.FOIA) == ["s12", "s31(1)", "s30", "s40(2)", "s43"]
    assert sections_in("exempt under s.31(1)(a) and 40(2) & 38", Act.FOIA) == ["s31(1)", "s40(2)", "s38"]


def test_a_request_file_given_where_a_library_name_belongs_says_to_save_it_first(tmp_path, monkeypatch):
    """`library export request.foi.json -o shared/` (the file just made with `import`) said only
    "no request called 'request.foi.json' in the library (…)", listing other names."""
    from composer.library import Library, save_request

    monkeypatch.chdir(tmp_path)
    save_request(tmp_path / "request.foi.json", sample_request())
    with pytest.raises(ComposerError) as caught:
        Library().load("request.foi.json")
    assert str(caught.value) == ("request.foi.json: is a file, not a request in the library: save it there first "
                                 "(`foi-composer library save request.foi.json`), then give the name "
                                 "`foi-composer library list` shows for it")
    with pytest.raises(ComposerError, match="no request called 'elsewhere' in the library"):
        Library().load("elsewhere")


def test_a_section_16_of_another_act_is_not_made_the_advice_section():
    """A pasted request asking for "stop and search records made under section 16 for each month"
    was fitted so that Police Scotland's letter read "made under section 15" (its advice section):
    a section is the Act's advice section only in a sentence about advice or the Act."""
    from composer.operations.fitting import import_text

    text = ("Dear Sir,\n\n1. Please provide the number of searches made under section 16 for each month "
            "in 2024.\n2. How many warrants were executed under s16 in 2024?\n\nIf this would exceed the "
            "cost limit, under section 16 please advise me how to narrow it.\n")
    request, _notes, changes = import_text(text)
    assert "under section 16 for each month" in request.parts[0].text
    assert "under s16 in 2024" in request.parts[1].text
    assert "{advice_section}" in (request.options.cost_limit_wording or "")  # the clause's is the Act's
    assert all("{advice_section}" not in p.text for p in request.parts)


def test_a_follow_up_recorded_as_sent_on_a_day_to_come_is_named(tmp_path, capsys):
    """Letting deadlines pass with `followup … --today 2026-12-03 --sent` on 2 December recorded
    48 chasers sent tomorrow: the tracker then said "send a chaser" beside each until the day came,
    and nothing said why. A day after today is now named, as `campaign new --sent` names one."""
    from datetime import date, timedelta

    from composer.campaign.store import CampaignStore
    from composer.cli import main
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign

    store = CampaignStore()
    sent = date.today() - timedelta(days=60)
    store.create(new_campaign(name="Risk", request=Request(title="Risk", parts=[Part(text="Do you use one?")]),
                              forces=load_directory().resolve("kent_police"), sent=sent).value)
    later = (date.today() + timedelta(days=400)).isoformat()
    assert main(["followup", "Risk", "kent_police", "--kind", "chaser", "-o", str(tmp_path / "c.txt"),
                 "--today", later, "--sent"]) == 0
    err = capsys.readouterr().err
    assert f"--today {later} is after today ({date.today().isoformat()}): is the year right?" in err
    assert "recorded: chaser sent: 1 force" in err
    assert main(["followup", "Risk", "kent_police", "--kind", "chaser", "-o", str(tmp_path / "d.txt"),
                 "--sent"]) == 0
    assert "is after today" not in capsys.readouterr().err


def test_a_template_that_is_no_word_file_says_so_in_words_a_user_knows(tmp_path):
    """`templates --check empty.docx` said "is not a Word document (.docx): not a zip archive"."""
    from composer.letters.templates import TemplateProblem, check_template

    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(TemplateProblem) as caught:
        check_template(empty)
    assert str(caught.value).endswith("is not a Word document (.docx): it is empty (0 bytes); open it in Word "
                                      "or LibreOffice and save it as .docx again")
    text = tmp_path / "notes.docx"
    text.write_text("just text", encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        check_template(text)
    assert "it is damaged or cut short, or another kind of file; open it in Word" in str(caught.value)
    assert "zip" not in str(caught.value)


def test_similar_parts_added_together_give_their_hours_with_a_thousands_separator():
    """The checker's finding on similar parts said "together they come to about 2492 hours", beside
    findings that write "about 95,130 hours"."""
    from composer.checker import check
    from composer.checker.calibration import LAW
    from composer.model import Requester

    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    parts = [Part(text=f"Please give brief details of each drone flight in {m} {y}.")
             for y in range(2015, 2026) for m in months]
    found = [f for f in check(Request(title="Drones", parts=parts), force=None,
                              requester=Requester(name="Jane Doe", email="jane@example.org"), calibration=LAW)
             if f.rule == "cost.aggregate"]
    assert found, "the similar parts were not added together"
    hours = found[0].message.split("together they come to about ")[1].split(" hours")[0]
    assert int(hours.replace(",", "")) >= 1000 and "," in hours
    assert "(the whole request: about " in found[0].message and "," in found[0].message.split("whole request")[1]


def test_follow_ups_bound_for_a_folder_that_cannot_be_written_in_say_so_once(tmp_path, monkeypatch, capsys):
    """`followup NAME overdue -o rodir/` would have said the same thing once for each late force."""
    from datetime import date, timedelta

    from composer.campaign.store import CampaignStore
    from composer.cli import main
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign

    store = CampaignStore()
    store.create(new_campaign(name="Risk", request=Request(title="Risk", parts=[Part(text="Do you use one?")]),
                              forces=load_directory().resolve("kent_police,essex_police,wmp"),
                              sent=date.today() - timedelta(days=90)).value)
    folder = tmp_path / "read-only"
    folder.mkdir()

    def denied(where, data, private):
        raise PermissionError(13, "Permission denied", str(where / ".~foi-1-abcdef012345.tmp"))

    monkeypatch.setattr(storage, "_temp_file", denied)
    assert main(["followup", "Risk", "overdue", "--kind", "chaser", "-o", f"{folder}/", "--sent"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"foi-composer: error: {folder}: this folder cannot be written in (Permission denied); "
                   "check you may write there, or choose a folder you own"]
    assert all(not t.events[1:] for t in store.load("Risk").forces)  # nothing recorded as sent
