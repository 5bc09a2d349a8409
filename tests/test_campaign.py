from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from composer import campaign as cm
from composer.campaign import (
    Campaign,
    CampaignStore,
    Status,
    add_months,
    export_csv,
    new_campaign,
    progress,
    record,
    report_rows,
)
from composer.cli import main
from composer.errors import ComposerError, FileProblem
from composer.forces import load_directory
from composer.library import save_request
from composer.model import Act, Part, Request

SENT = date(2026, 11, 20)  # due 2026-12-21 in England (St Andrew's Day counts) and in Scotland


def _request() -> Request:
    return Request(title="Risk scoring", parts=[Part(text="Do you use a risk-scoring system?")])


def _campaign(forces: str = "the_met,police_scotland,kent_police") -> Campaign:
    return new_campaign("Risk scoring 2026", _request(), load_directory().resolve(forces), SENT)


# -- deadlines from the history -----------------------------------------------------------------
def test_a_new_campaign_has_every_force_due_on_the_statutory_date():
    c = _campaign("territorial")
    assert len(c.forces) == 45
    states = {p.force_id: p for p in cm.overview(c, today=date(2026, 12, 1))}
    assert {p.due for p in states.values()} == {date(2026, 12, 21)}
    assert states["police_scotland"].act is Act.FOISA
    assert not any(p.overdue for p in states.values())
    assert states["the_met"].next_step == "the answer is due"
    assert states["the_met"].waiting_on == "force"


def test_overdue_is_relative_to_today():
    item = _campaign().tracked("the_met")
    assert not progress(item, today=date(2026, 12, 21)).overdue
    late = progress(item, today=date(2026, 12, 22))
    assert late.overdue and late.late_by == 1 and "chaser" in late.next_step


def test_clarification_stops_the_clock_and_restarts_it_from_receipt():
    c = _campaign()
    record(c, "the_met", status="clarification-asked", on=date(2026, 11, 25))
    held = progress(c.tracked("the_met"), today=date(2027, 2, 1))
    assert held.due is None and not held.overdue and held.waiting_on == "you"
    record(c, "the_met", status=Status.CLARIFIED, on=date(2027, 3, 1))
    restarted = progress(c.tracked("the_met"), today=date(2027, 3, 2))
    assert restarted.clock_start == date(2027, 3, 1)
    assert restarted.due == date(2027, 4, 1)  # the FOIA date for a request received 1 March 2027


def test_clarified_without_a_request_for_clarification_is_refused():
    with pytest.raises(ComposerError, match="has not asked for clarification"):
        record(_campaign(), "kent_police", status="clarified", on=date(2026, 12, 1))


def test_a_date_before_sending_is_refused():
    with pytest.raises(ComposerError, match="before the request was sent"):
        record(_campaign(), "kent_police", status="answered", on=date(2026, 11, 1))


def test_response_late_and_the_internal_review_dates():
    c = _campaign()
    record(c, "kent_police", status="refused", on=date(2027, 1, 5), sections=["s31", "section 40(2)"],
           reference="FOI/123")
    p = progress(c.tracked("kent_police"), today=date(2027, 1, 6))
    assert p.responded == date(2027, 1, 5)
    # 22, 23, 24, 29, 30, 31 December and 5 January: 25, 28 Dec, 1 Jan and the Scottish 4 Jan are not.
    assert p.late_by == 7
    assert p.sections == ("s31", "s40(2)") and p.reference == "FOI/123"
    assert p.review_ask_by == date(2027, 3, 2)  # 40 working days after the response
    assert p.next_step.startswith("if not satisfied, ask for an internal review")
    assert p.waiting_on == "you" and not p.overdue

    record(c, "kent_police", status="review-asked", on=date(2027, 3, 1))
    p = progress(c.tracked("kent_police"), today=date(2027, 3, 30))
    assert p.review_due == date(2027, 4, 1)  # 20 FOIA working days: St Patrick's Day and Easter skipped
    assert not p.overdue
    p = progress(c.tracked("kent_police"), today=date(2027, 4, 2))
    assert p.overdue and "review is late" in p.next_step

    record(c, "kent_police", status="review-answered", on=date(2027, 4, 20))
    p = progress(c.tracked("kent_police"), today=date(2027, 4, 21))
    assert p.complain_by == date(2027, 6, 1)  # six weeks: the ICO's own practice
    assert "complain to the ICO" in p.next_step
    record(c, "kent_police", status="complained", on=date(2027, 5, 1))
    p = progress(c.tracked("kent_police"), today=date(2027, 9, 1))
    assert p.status_label == "complained to the ICO" and p.waiting_on == "commissioner" and not p.overdue


def test_scotland_review_and_commissioner_dates():
    c = _campaign()
    record(c, "police_scotland", status="refused", on=date(2026, 12, 10))
    record(c, "police_scotland", status="review-asked", on=date(2027, 3, 1))
    p = progress(c.tracked("police_scotland"), today=date(2027, 3, 2))
    assert p.review_due == date(2027, 3, 30)  # FOISA s21(1): Easter Monday is not a Scottish holiday
    record(c, "police_scotland", status="review-answered", on=date(2027, 8, 31))
    p = progress(c.tracked("police_scotland"), today=date(2027, 9, 1))
    assert p.complain_by == date(2028, 2, 29)  # s47(4)(a): six months
    assert "Scottish Information Commissioner" in p.next_step


def test_scotland_unanswered_can_require_a_review():
    p = progress(_campaign().tracked("police_scotland"), today=date(2027, 1, 10))
    assert p.overdue and p.review_ask_by is not None and "require a review" in p.next_step


def test_add_months_clamps_to_month_end():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 7, 15), 6) == date(2028, 1, 15)


def test_undo_takes_back_the_latest_event_but_never_the_sending():
    c = _campaign()
    record(c, "the_met", status="acknowledged", on=date(2026, 11, 21))
    assert cm.undo_last(c, "the_met").status is Status.ACKNOWLEDGED
    with pytest.raises(ComposerError, match="nothing to take back"):
        cm.undo_last(c, "the_met")


def test_unknown_force_and_status_are_named():
    c = _campaign()
    with pytest.raises(ComposerError, match="'devon' is not in the campaign"):
        c.tracked("devon")
    with pytest.raises(ComposerError, match="unknown status 'lost'"):
        record(c, "the_met", status="lost")


# -- storing ------------------------------------------------------------------------------------
def test_store_round_trip_and_attachments(tmp_path):
    store = CampaignStore()
    c = _campaign()
    path = store.create(c)
    assert path.name == "Risk scoring 2026.campaign.json"
    with pytest.raises(ComposerError, match="already exists"):
        store.create(c)
    response = tmp_path / "response.txt"
    response.write_text("We refuse under section 31.", "utf-8")
    first = store.attach(c, "the_met", response, note="first answer")
    second = store.attach(c, "the_met", response)
    assert first.read_text("utf-8") == "We refuse under section 31."
    assert first != second and first.parent == store.folder_for(c.name) / "the_met"
    store.save(c)
    again = store.load("Risk scoring 2026")
    assert [a.file for a in again.tracked("the_met").attachments] == [
        "the_met/response.txt", "the_met/response (2).txt"]
    assert again.request.title == "Risk scoring"
    with pytest.raises(ComposerError, match="no such file"):
        store.attach(c, "the_met", tmp_path / "missing.pdf")


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not valid JSON"),
    (b'{"schema_version": 1, "kind": "foi-campaign", "name": "x"}', "request: Field required"),
    (b'{"schema_version": 7, "kind": "foi-campaign"}', "newer FOI Composer"),
])
def test_a_broken_or_newer_file_is_refused_and_kept(content, message):
    store = CampaignStore()
    store.create(_campaign())
    bad = store.root / "Bad.campaign.json"
    bad.write_bytes(content)
    listing = store.list()
    assert [e.name for e in listing.entries] == ["Risk scoring 2026"]
    assert len(listing.problems) == 1 and message in listing.problems[0] and "kept" in listing.problems[0]
    with pytest.raises(FileProblem, match=message):
        store.load("Bad")
    assert bad.read_bytes() == content  # untouched, where it was


def test_a_killed_save_loop_always_leaves_a_complete_file(tmp_path):
    """A real process saving over and over is killed; every read, and the file left, is whole."""
    store = CampaignStore()
    store.create(_campaign("all"))
    path = store.path_for("Risk scoring 2026")
    script = textwrap.dedent("""
        import sys
        from composer.campaign import CampaignStore
        store = CampaignStore()
        campaign = store.load("Risk scoring 2026")
        n = 0
        while True:
            n += 1
            for item in campaign.forces:
                item.notes = f"save {n} " + "x" * 4000
            store.save(campaign)
            print(n, flush=True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ), cwd=tmp_path)
    try:
        first = int(child.stdout.readline() or 0)
        assert first >= 1, "the saving process stopped on its own"
        seen: set[str] = set()
        reads = 0
        while len(seen) < 5 and reads < 50_000:  # read while it writes, over several saves
            reads += 1
            data = json.loads(path.read_bytes())  # a half-written file fails here
            notes = {item["notes"] for item in data["forces"]}
            assert len(notes) == 1, "a file mixing two saves"
            seen.add(notes.pop().split(" x")[0])
        assert len(seen) == 5, "the reads never overlapped the saves"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    printed = child.stdout.read().split()
    saves = int(printed[-1]) if printed else first
    final = cm.load_campaign(path)
    assert len({item.notes for item in final.forces}) == 1
    assert int(final.forces[0].notes.split()[1]) >= saves
    assert [e.name for e in store.list().entries] == ["Risk scoring 2026"]  # a stray temp file is ignored


# -- the report ---------------------------------------------------------------------------------
def test_csv_report(tmp_path):
    c = _campaign()
    record(c, "kent_police", status="partly-answered", on=date(2026, 12, 18), sections=["s40(2)"],
           note="=tables only")
    record(c, "the_met", note="chased by phone")
    dest = export_csv(c, tmp_path / "report.csv", today=date(2027, 1, 10))
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_id = {r["force_id"]: r for r in rows}
    assert list(rows[0]) == cm.CSV_COLUMNS
    assert by_id["kent_police"]["status"] == "partly answered"
    assert by_id["kent_police"]["working_days_late"] == "" and by_id["kent_police"]["overdue"] == ""
    assert by_id["kent_police"]["sections"] == "s40(2)"
    assert by_id["the_met"]["overdue"] == "yes" and by_id["the_met"]["notes"] == "chased by phone"
    assert by_id["police_scotland"]["act"] == "FOISA" and by_id["police_scotland"]["due"] == "2026-12-21"
    assert report_rows(c, today=date(2027, 1, 10)) == rows


# -- the commands -------------------------------------------------------------------------------
def test_campaign_commands_end_to_end(tmp_path, capsys):
    request_file = tmp_path / "r.foi.json"
    save_request(request_file, _request())
    name = "Risk 2026"
    assert main(["campaign", "new", name, "--request", str(request_file), "--forces", "territorial",
                 "--sent", "2026-11-20"]) == 0
    assert main(["campaign", "update", name, "the_met", "--status", "refused", "--date", "2026-12-01",
                 "--reference", "01.FOI.26.1", "--sections", "s31,s40(2)"]) == 0
    out = capsys.readouterr().out
    assert "the_met: refused; next: if not satisfied, ask for an internal review by 2027-02-01" in out
    assert main(["campaign", "show", name, "--today", "2027-01-10"]) == 0
    out = capsys.readouterr().out
    assert "45 forces, 44 overdue on 2027-01-10" in out
    assert main(["campaign", "show", name, "--today", "2027-01-10", "--json", "--overdue"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 44 and "the_met" not in {r["force_id"] for r in rows}
    assert main(["campaign", "export", name, "-o", str(tmp_path / "out.csv"), "--today", "2027-01-10"]) == 0
    assert (tmp_path / "out.csv").exists()
    assert main(["campaign", "list"]) == 0
    assert name in capsys.readouterr().out
    assert main(["campaign", "update", name, "the_met", "--status", "clarified"]) == 2
    assert "has not asked for clarification" in capsys.readouterr().err
    assert main(["campaign", "show", "Nope"]) == 2
    assert main(["campaign", "update", name, "the_met", "--sections", "s40;banana"]) == 2
    assert "not a section number" in capsys.readouterr().err


def test_campaign_new_with_a_bad_date_changes_nothing(tmp_path, capsys):
    request_file = tmp_path / "r.foi.json"
    save_request(request_file, _request())
    assert main(["campaign", "new", "X", "--request", str(request_file), "--forces", "kent_police",
                 "--sent", "31/11/2026"]) == 2
    assert "not a real date" in capsys.readouterr().err
    assert CampaignStore().list().entries == []
