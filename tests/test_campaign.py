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

from composer.campaign.deadlines import add_months, overview, progress
from composer.campaign.model import CAMPAIGN_VERSION, Campaign, Event, Status, parse_status, statuses_for
from composer.campaign.report import CSV_COLUMNS, export_csv, report_rows
from composer.campaign.store import CampaignStore, load_campaign
from composer.operations.campaign import attach_reply, new_campaign, record, undo_last
from composer.cli import main
from composer.errors import ComposerError, FileProblem
from composer.forces import load_directory
from composer.library import save_request
from composer.model import Act, Part, Request

SENT = date(2026, 11, 20)  # due 2026-12-21 in England (St Andrew's Day counts) and in Scotland


def _request() -> Request:
    return Request(title="Risk scoring", parts=[Part(text="Do you use a risk-scoring system?")])


def _campaign(forces: str = "the_met,police_scotland,kent_police") -> Campaign:
    return new_campaign(name="Risk scoring 2026", request=_request(),
                        forces=load_directory().resolve(forces), sent=SENT).value


# -- deadlines from the history -----------------------------------------------------------------
def test_a_new_campaign_has_every_force_due_on_the_statutory_date():
    c = _campaign("territorial")
    assert len(c.forces) == 45
    states = {p.force_id: p for p in overview(c, today=date(2026, 12, 1))}
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
    c = record(c, force_id="the_met", status="clarification-asked", on=date(2026, 11, 25)).value
    held = progress(c.tracked("the_met"), today=date(2027, 2, 1))
    assert held.due is None and not held.overdue and held.waiting_on == "you"
    c = record(c, force_id="the_met", status=Status.CLARIFIED, on=date(2027, 3, 1)).value
    restarted = progress(c.tracked("the_met"), today=date(2027, 3, 2))
    assert restarted.clock_start == date(2027, 3, 1)
    assert restarted.due == date(2027, 4, 1)  # the FOIA date for a request received 1 March 2027


def test_clarified_without_a_request_for_clarification_is_refused():
    with pytest.raises(ComposerError, match="has not asked for clarification"):
        record(_campaign(), force_id="kent_police", status="clarified", on=date(2026, 12, 1))


def test_a_date_before_sending_is_refused():
    with pytest.raises(ComposerError, match="before the request was sent"):
        record(_campaign(), force_id="kent_police", status="answered", on=date(2026, 11, 1))


def test_response_late_and_the_internal_review_dates():
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 5), sections=["s31", "section 40(2)"],
           reference="FOI/123").value
    p = progress(c.tracked("kent_police"), today=date(2027, 1, 6))
    assert p.responded == date(2027, 1, 5)
    # 22, 23, 24, 29, 30, 31 December and 5 January: 25, 28 Dec, 1 Jan and the Scottish 4 Jan are not.
    assert p.late_by == 7
    assert p.sections == ("s31", "s40(2)") and p.reference == "FOI/123"
    assert p.review_ask_by == date(2027, 3, 2)  # 40 working days after the response
    assert p.next_step.startswith("if not satisfied, ask for an internal review")
    assert p.waiting_on == "you" and not p.overdue

    c = record(c, force_id="kent_police", status="review-asked", on=date(2027, 3, 1)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 3, 30))
    assert p.review_due == date(2027, 4, 1)  # 20 FOIA working days: St Patrick's Day and Easter skipped
    assert not p.overdue
    p = progress(c.tracked("kent_police"), today=date(2027, 4, 2))
    assert p.overdue and "review is late" in p.next_step

    c = record(c, force_id="kent_police", status="review-answered", on=date(2027, 4, 20)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 4, 21))
    assert p.complain_by == date(2027, 6, 1)  # six weeks: the ICO's own practice
    assert "complain to the ICO" in p.next_step
    c = record(c, force_id="kent_police", status="complained", on=date(2027, 5, 1)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 9, 1))
    assert p.status_label == "complained to the ICO" and p.waiting_on == "commissioner" and not p.overdue


def test_scotland_review_and_commissioner_dates():
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 10)).value
    c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 3, 1)).value
    p = progress(c.tracked("police_scotland"), today=date(2027, 3, 2))
    assert p.review_due == date(2027, 3, 30)  # FOISA s21(1): Easter Monday is not a Scottish holiday
    c = record(c, force_id="police_scotland", status="review-answered", on=date(2027, 8, 31)).value
    p = progress(c.tracked("police_scotland"), today=date(2027, 9, 1))
    assert p.complain_by == date(2028, 2, 29)  # s47(4)(a): six months
    assert "Scottish Information Commissioner" in p.next_step


def test_scotland_unanswered_can_require_a_review():
    p = progress(_campaign().tracked("police_scotland"), today=date(2027, 1, 10))
    assert p.overdue and p.review_ask_by is not None and "require a review" in p.next_step


# -- the public-interest extension (FOIA s10(3), s17(2)) ----------------------------------------
NOTICE = date(2026, 12, 18)  # within the 20 working days that end on 2026-12-21
# 20 further FOIA working days after 2026-12-21 skip Christmas Day, Boxing Day (28th), New Year's
# Day and Scotland's 4 January holiday (the UK-wide union counts for FOIA), so they end on 22 January.
ICO_POINT = date(2027, 1, 22)


def test_an_extension_makes_the_forces_estimate_the_due_date():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=NOTICE, until=date(2027, 1, 15), sections=["s31"]).value
    item = c.tracked("kent_police")
    assert item.history[-1].until == date(2027, 1, 15)
    p = progress(item, today=date(2027, 1, 15))
    assert p.status is Status.EXTENDED and p.status_label == "extended (public interest)"
    assert p.statutory_due == date(2026, 12, 21)
    assert p.due == p.extended_to == date(2027, 1, 15)
    assert p.extension_notice == NOTICE and p.extension_limit == ICO_POINT and p.extended
    assert not p.overdue and p.late_by == 0 and p.warnings == ()
    assert p.next_step == "the answer is due (time extended for the public interest test)"
    late = progress(item, today=date(2027, 1, 18))
    assert late.overdue and late.late_by == 1 and "chaser" in late.next_step


def test_an_estimate_on_the_ico_point_is_accepted_and_one_day_later_is_not():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extension", on=NOTICE, until=ICO_POINT).value
    p = progress(c.tracked("kent_police"), today=ICO_POINT)
    assert p.due == ICO_POINT and p.warnings == () and not p.overdue
    c = record(c, force_id="the_met", status="pit", on=NOTICE, until=date(2027, 1, 25)).value
    p = progress(c.tracked("the_met"), today=ICO_POINT)
    assert p.due == ICO_POINT and p.extended_to == date(2027, 1, 25)
    assert len(p.warnings) == 1 and "2027-01-25" in p.warnings[0] and "ICO" in p.warnings[0]


def test_an_unreasonable_estimate_is_flagged_and_the_force_is_overdue_after_the_ico_point():
    c = _campaign()
    c = record(c, force_id="the_met", status="extended", on=NOTICE, until=date(2027, 2, 26)).value
    before = progress(c.tracked("the_met"), today=ICO_POINT)
    assert not before.overdue and before.due == ICO_POINT
    assert "more than 20 working days after 2026-12-21" in before.warnings[0]
    after = progress(c.tracked("the_met"), today=date(2027, 1, 25))
    assert after.overdue and after.late_by == 1 and after.extended_to == date(2027, 2, 26)
    c = record(c, force_id="the_met", status="answered", on=date(2027, 2, 26)).value
    answered = progress(c.tracked("the_met"), today=date(2027, 3, 1))
    assert answered.late_by == 25 and not answered.overdue  # counted from the ICO point, not the estimate


def test_an_answer_within_the_extension_is_on_time():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=NOTICE, until=date(2027, 1, 15)).value
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 14), sections=["s31"]).value
    p = progress(c.tracked("kent_police"), today=date(2027, 1, 20))
    assert p.responded == date(2027, 1, 14) and p.late_by == 0 and p.due == date(2027, 1, 15)


def test_a_notice_without_an_estimate_gets_the_ico_point_and_a_warning():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=NOTICE).value
    p = progress(c.tracked("kent_police"), today=date(2027, 1, 4))
    assert p.due == ICO_POINT and p.extended_to is None
    assert "no estimated date" in p.warnings[0] and "s17(2)" in p.warnings[0]


def test_a_revised_estimate_replaces_the_first_but_the_ico_point_stays():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=NOTICE, until=date(2027, 1, 8)).value
    c = record(c, force_id="kent_police", status="extended", on=date(2027, 1, 7), until=date(2027, 1, 20)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 1, 12))
    assert p.due == date(2027, 1, 20) and p.extension_notice == NOTICE and p.warnings == ()
    assert p.extension_limit == ICO_POINT


def test_foisa_has_no_extension_and_says_so():
    c = _campaign()
    with pytest.raises(ComposerError) as caught:
        c = record(c, force_id="police_scotland", status="extended", on=NOTICE, until=date(2027, 1, 15)).value
    message = str(caught.value)
    assert "\n" not in message
    assert message == ("Police Scotland is under FOISA, which has no public-interest extension: "
                       "the 20 working days of FOISA s10 stand")
    assert len(c.tracked("police_scotland").history) == 1
    assert Status.EXTENDED not in statuses_for(Act.FOISA)
    assert Status.EXTENDED in statuses_for(Act.FOIA)


def test_an_extension_in_a_foisa_file_does_not_move_the_date():
    c = _campaign()
    item = c.tracked("police_scotland")  # as if the file had been edited by hand
    item.history = [*item.history, Event(status=Status.EXTENDED, on=NOTICE, until=date(2027, 1, 15))]
    p = progress(item, today=date(2026, 12, 22))
    assert p.due == date(2026, 12, 21) and p.overdue
    assert "FOISA has no public-interest extension" in p.warnings[0]


def test_a_late_notice_is_kept_with_a_warning_and_gives_no_more_time():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 23), until=date(2027, 1, 15)).value
    item = c.tracked("kent_police")
    assert item.history[-1].status is Status.EXTENDED  # the user's record is kept
    p = progress(item, today=date(2026, 12, 30))
    assert p.due == date(2026, 12, 21) and p.overdue and p.late_by == 5
    assert p.extension_notice == date(2026, 12, 23) and p.extended_to == date(2027, 1, 15)
    assert "came on 2026-12-23, after the 20 working days ended on 2026-12-21" in p.warnings[0]


def test_extensions_the_law_does_not_allow_are_refused():
    c = _campaign()
    with pytest.raises(ComposerError, match="goes only with the status 'extended'"):
        c = record(c, force_id="kent_police", status="answered", on=NOTICE, until=date(2027, 1, 15)).value
    with pytest.raises(ComposerError, match="before the extension notice"):
        c = record(c, force_id="kent_police", status="extended", on=NOTICE, until=date(2026, 12, 1)).value
    c = record(c, force_id="kent_police", status="clarification-asked", on=date(2026, 11, 25)).value
    with pytest.raises(ComposerError, match="waiting for your clarification"):
        c = record(c, force_id="kent_police", status="extended", on=NOTICE, until=date(2027, 1, 15)).value
    c = record(c, force_id="the_met", status="partly-answered", on=date(2026, 12, 10)).value
    with pytest.raises(ComposerError, match="had already responded"):
        c = record(c, force_id="the_met", status="extended", on=NOTICE, until=date(2027, 1, 15)).value
    assert [len(c.tracked(f).history) for f in ("kent_police", "the_met")] == [2, 2]


def test_a_clarification_after_an_extension_starts_the_clock_afresh():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=NOTICE, until=date(2027, 1, 15)).value
    c = record(c, force_id="kent_police", status="clarification-asked", on=date(2026, 12, 22)).value
    c = record(c, force_id="kent_police", status="clarified", on=date(2027, 3, 1)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 3, 2))
    assert p.due == date(2027, 4, 1) and p.extension_notice is None and p.warnings == ()


@pytest.mark.parametrize("text", ["extended", "Extension", "pit", "public interest", "s10(3)"])
def test_extension_aliases(text):
    assert parse_status(text) is Status.EXTENDED


def test_add_months_clamps_to_month_end():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 7, 15), 6) == date(2028, 1, 15)


def test_undo_takes_back_the_latest_event_but_never_the_sending():
    c = _campaign()
    c = record(c, force_id="the_met", status="acknowledged", on=date(2026, 11, 21)).value
    done = undo_last(c, force_id="the_met")
    assert done.what == "took back: acknowledged on 2026-11-21"
    assert len(c.tracked("the_met").history) == 2  # the campaign passed in is untouched
    c = done.value
    with pytest.raises(ComposerError, match="nothing to take back"):
        c = undo_last(c, force_id="the_met").value


def test_unknown_force_and_status_are_named():
    c = _campaign()
    with pytest.raises(ComposerError, match="'devon' is not in the campaign"):
        c.tracked("devon")
    with pytest.raises(ComposerError, match="unknown status 'lost'"):
        c = record(c, force_id="the_met", status="lost").value


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
    first = store.copy_in(c, "the_met", response)
    c = attach_reply(c, force_id="the_met", file=first, note="first answer").value
    second = store.copy_in(c, "the_met", response)
    c = attach_reply(c, force_id="the_met", file=second).value
    first_path = store.folder_for(c.name) / first
    assert first_path.read_text("utf-8") == "We refuse under section 31."
    assert first != second and first_path.parent == store.folder_for(c.name) / "the_met"
    store.save(c)
    again = store.load("Risk scoring 2026")
    assert [a.file for a in again.tracked("the_met").attachments] == [
        "the_met/response.txt", "the_met/response (2).txt"]
    assert again.request.title == "Risk scoring"
    with pytest.raises(ComposerError, match="no such file"):
        store.copy_in(c, "the_met", tmp_path / "missing.pdf")


def test_a_version_1_file_still_loads_and_is_saved_as_the_current_version():
    store = CampaignStore()
    old = {  # as the first release wrote it: no `until` on events, no extension status
        "schema_version": 1, "kind": "foi-campaign", "name": "Old one", "created": "2026-11-20",
        "request": _request().model_dump(mode="json"), "request_source": None,
        "forces": [{
            "force_id": "kent_police", "force_name": "Kent Police", "act": "FOIA", "reference": "K/1",
            "sections": ["s31"], "notes": "", "attachments": [],
            "history": [{"status": "sent", "on": "2026-11-20", "note": ""},
                        {"status": "refused", "on": "2027-01-05", "note": "by email"}],
        }],
    }
    path = store.path_for("Old one")
    path.write_text(json.dumps(old), "utf-8")
    loaded = store.load("Old one")
    item = loaded.tracked("kent_police")
    assert [e.until for e in item.history] == [None, None]
    p = progress(item, today=date(2027, 1, 6))
    assert p.due == p.statutory_due == date(2026, 12, 21) and p.late_by == 7 and p.warnings == ()
    loaded = record(loaded, force_id="kent_police", status="review-asked", on=date(2027, 1, 6)).value
    store.save(loaded)
    assert json.loads(path.read_text("utf-8"))["schema_version"] == CAMPAIGN_VERSION == 4
    assert store.load("Old one").tracked("kent_police").history[1].note == "by email"


def test_an_extension_survives_saving():
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=NOTICE, until=date(2027, 1, 15), note="s31 PIT").value
    store.create(c)
    event = store.load(c.name).tracked("kent_police").history[-1]
    assert (event.status, event.until, event.note) == (Status.EXTENDED, date(2027, 1, 15), "s31 PIT")


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not valid JSON"),
    (b'{"schema_version": 1, "kind": "foi-campaign", "name": "x"}', "request: Field required"),
])
def test_a_broken_file_is_set_aside_and_its_name_is_free_again(content, message):
    store = CampaignStore()
    store.create(_campaign())
    bad = store.root / "Bad.campaign.json"
    bad.write_bytes(content)
    listing = store.list()
    assert [e.name for e in listing.entries] == ["Risk scoring 2026"]
    assert len(listing.problems) == 1 and message in listing.problems[0]
    assert "moved to" in listing.problems[0] and not bad.exists()
    kept = list((store.root / ".set-aside").iterdir())
    assert [p.read_bytes() for p in kept] == [content]  # nothing the user had is lost
    store.create(_campaign().model_copy(update={"name": "Bad"}))  # the name can be used again
    assert store.load("Bad").name == "Bad"


def test_a_broken_file_met_on_load_is_set_aside_with_one_line():
    store = CampaignStore()
    bad = store.root / "Bad.campaign.json"
    bad.write_bytes(b"{not json")
    with pytest.raises(FileProblem, match=r"not valid JSON.*moved to .*\.set-aside"):
        store.load("Bad")
    assert not bad.exists() and len(list((store.root / ".set-aside").iterdir())) == 1
    # asked for again, it says where the damaged file went and how to use it again
    with pytest.raises(ComposerError, match=r"no campaign called 'Bad'.*set aside as .*\.set-aside.*move it back"):
        store.load("Bad")
    with pytest.raises(ComposerError) as never:
        store.load("Never")
    assert "set aside" not in str(never.value)


def test_a_file_from_a_newer_app_is_refused_and_left_where_it_is():
    store = CampaignStore()
    store.create(_campaign())
    newer = store.root / "Newer.campaign.json"
    content = b'{"schema_version": 7, "kind": "foi-campaign"}'
    newer.write_bytes(content)
    listing = store.list()
    assert len(listing.problems) == 1 and "newer FOI Composer" in listing.problems[0]
    assert "left where it is" in listing.problems[0]
    with pytest.raises(FileProblem, match="newer FOI Composer"):
        store.load("Newer")
    assert newer.read_bytes() == content
    assert not (store.root / ".set-aside").exists()


def test_a_killed_save_loop_always_leaves_a_complete_file(tmp_path):
    """A real process saving over and over is killed; every read, and the file left, is whole."""
    store = CampaignStore()
    store.create(_campaign("all"))
    path = store.path_for("Risk scoring 2026")
    script = textwrap.dedent("""
        import sys
        from composer.campaign.store import CampaignStore
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
    final = load_campaign(path)
    assert len({item.notes for item in final.forces}) == 1
    assert int(final.forces[0].notes.split()[1]) >= saves
    assert [e.name for e in store.list().entries] == ["Risk scoring 2026"]  # a stray temp file is ignored


# -- the report ---------------------------------------------------------------------------------
def test_csv_report(tmp_path):
    c = _campaign()
    c = record(c, force_id="kent_police", status="partly-answered", on=date(2026, 12, 18), sections=["s40(2)"],
           note="=tables only").value
    c = record(c, force_id="the_met", note="chased by phone").value
    dest = export_csv(c, tmp_path / "report.csv", today=date(2027, 1, 10))
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_id = {r["force_id"]: r for r in rows}
    assert list(rows[0]) == CSV_COLUMNS
    assert by_id["kent_police"]["status"] == "partly answered"
    assert by_id["kent_police"]["working_days_late"] == "" and by_id["kent_police"]["overdue"] == ""
    assert by_id["kent_police"]["sections"] == "s40(2)"
    assert by_id["the_met"]["overdue"] == "yes" and by_id["the_met"]["notes"] == "chased by phone"
    assert by_id["police_scotland"]["act"] == "FOISA" and by_id["police_scotland"]["due"] == "2026-12-21"
    assert report_rows(c, today=date(2027, 1, 10)) == rows
    assert by_id["police_scotland"]["statutory_due"] == "2026-12-21"
    assert by_id["police_scotland"]["extended_to"] == "" and by_id["police_scotland"]["warnings"] == ""


def test_csv_report_shows_an_extension_and_its_warning():
    c = _campaign()
    c = record(c, force_id="the_met", status="extended", on=NOTICE, until=date(2027, 2, 26)).value
    row = {r["force_id"]: r for r in report_rows(c, today=date(2027, 1, 25))}["the_met"]
    assert (row["status"], row["due"], row["statutory_due"]) == (
        "extended (public interest)", "2027-01-22", "2026-12-21")
    assert (row["extension_notice"], row["extended_to"], row["extension_limit"]) == (
        "2026-12-18", "2027-02-26", "2027-01-22")
    assert row["overdue"] == "yes" and row["working_days_late"] == "1"
    assert "more than 20 working days" in row["warnings"]


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


def test_campaign_update_extended_and_show(tmp_path, capsys):
    request_file = tmp_path / "r.foi.json"
    save_request(request_file, _request())
    name = "Risk 2026"
    assert main(["campaign", "new", name, "--request", str(request_file),
                 "--forces", "the_met,kent_police,police_scotland", "--sent", "2026-11-20"]) == 0
    capsys.readouterr()
    assert main(["campaign", "update", name, "kent_police", "--status", "extended", "--date",
                 "2026-12-18", "--until", "2027-01-15", "--sections", "s31"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("kent_police: extended (public interest); next: the answer is due")
    assert "by 2027-01-15" in captured.out and captured.err == ""
    assert main(["campaign", "update", name, "the_met", "--status", "pit", "--date", "2026-12-18",
                 "--until", "2027-02-26"]) == 0
    assert "warning: the force's estimate, 2027-02-26" in capsys.readouterr().err

    assert main(["campaign", "show", name, "--today", "2027-01-18"]) == 0
    lines = capsys.readouterr().out.splitlines()
    kent = next(i for i, line in enumerate(lines) if line.startswith("kent_police"))
    assert "due 2027-01-15" in lines[kent] and "OVERDUE" in lines[kent]
    assert "force's estimate 2027-01-15" in lines[kent + 1] and "statutory date 2026-12-21" in lines[kent + 1]
    met = next(i for i, line in enumerate(lines) if line.startswith("the_met"))
    assert "due 2027-01-22" in lines[met] and "OVERDUE" not in lines[met]
    assert "warning: the force's estimate, 2027-02-26" in lines[met + 2]

    assert main(["campaign", "show", name, "--today", "2027-01-18", "--json"]) == 0
    rows = {r["force_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["kent_police"]["extended_to"] == "2027-01-15" and rows["kent_police"]["overdue"] == "yes"

    assert main(["campaign", "update", name, "police_scotland", "--status", "extended",
                 "--date", "2026-12-18", "--until", "2027-01-15"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "FOISA, which has no public-interest extension" in err
    assert main(["campaign", "update", name, "kent_police", "--status", "refused", "--until",
                 "2027-01-15"]) == 2
    assert "only with the status 'extended'" in capsys.readouterr().err
    assert main(["campaign", "update", name, "kent_police", "--status", "extended", "--date",
                 "2026-12-18", "--until", "31/11/2027"]) == 2
    assert "--until '31/11/2027' is not a real date" in capsys.readouterr().err
    saved = CampaignStore().load(name)
    assert [e.status for e in saved.tracked("police_scotland").history] == [Status.SENT]
    assert saved.tracked("kent_police").history[-1].until == date(2027, 1, 15)


def test_the_update_commands_list_of_statuses_is_every_status_in_order():
    from composer.commands.campaign import _STATUSES

    assert list(_STATUSES) == [s.value for s in Status]


def test_a_window_that_has_closed_is_named_as_closed_not_as_a_date_to_act_by():
    """QA-S6: a year on, the tracker still said 'require a review by 2025-12-29' and 'ask for an
    internal review by …' with dates long gone; it says the time ended, and asks nothing."""
    c = _campaign()
    late = progress(c.tracked("police_scotland"), today=date(2027, 6, 1))
    assert late.review_ask_by == date(2027, 2, 19) and late.overdue
    assert late.next_in_words.startswith(
        "the answer is late: send a chaser; the time to require a review ended on 2027-02-19 (")
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 5)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 3, 3))  # review asked by 2027-03-02
    assert p.next_in_words == "the time to ask for an internal review ended on 2027-03-02"
    assert p.waiting_on is None and p.next_date is None and not p.overdue
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 10)).value
    p = progress(c.tracked("police_scotland"), today=date(2026, 12, 11))
    assert p.next_in_words.startswith("if not satisfied, require a review by ")  # FOISA s20's words
    c = record(c, force_id="kent_police", status="review-asked", on=date(2027, 3, 1)).value
    c = record(c, force_id="kent_police", status="review-answered", on=date(2027, 4, 20)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 6, 2))
    assert p.next_in_words == "the time to complain to the ICO ended on 2027-06-01"


def test_on_the_day_a_deadline_falls_the_next_step_says_today():
    """QA-S7: on 5 January 2027, the day 49 letters sent on 2 December fell due, the tracker read
    "the answer is due by 2027-01-05" as on every other day; the morning it is due, it says so."""
    c = _campaign()
    due = progress(c.tracked("kent_police"), today=date(2026, 11, 20)).due
    assert progress(c.tracked("kent_police"), today=due).next_in_words == (
        f"the answer is due today ({due.isoformat()})")
    the_day_before = date.fromordinal(due.toordinal() - 1)
    assert progress(c.tracked("kent_police"), today=the_day_before).next_in_words == (
        f"the answer is due by {due.isoformat()}")
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 10)).value
    ask_by = progress(c.tracked("kent_police"), today=date(2026, 12, 10)).review_ask_by
    assert progress(c.tracked("kent_police"), today=ask_by).next_in_words == (
        f"if not satisfied, ask for an internal review today ({ask_by.isoformat()})")


def test_a_campaign_to_one_force_says_1_force(capsys):
    """QA-S7: a campaign to the Met alone read "(1 forces, 0 overdue …)" in list and show."""
    CampaignStore().create(_campaign("the_met"))
    assert main(["campaign", "list"]) == 0
    assert "\t1 force\t0 overdue\t" in capsys.readouterr().out
    assert main(["campaign", "show", "Risk scoring 2026", "--today", "2026-11-23"]) == 0
    assert "(1 force, 0 overdue on 2026-11-23)" in capsys.readouterr().out.splitlines()[0]


def test_a_sent_day_after_today_is_named(capsys, tmp_path):
    """QA-S7: `campaign new --sent 2027-12-02` (the year mistyped in December) was taken silently,
    and every force's deadline moved a year on; it is still taken (a campaign may be set up the
    day before the letters go), and named."""
    path = tmp_path / "r.foi.json"
    save_request(path, _request())
    assert main(["campaign", "new", "Next year", "--request", str(path), "--forces", "kent_police",
                 "--sent", "2099-12-02"]) == 0
    err = capsys.readouterr().err
    assert "--sent 2099-12-02 is after today" in err and "is the year right?" in err
    assert CampaignStore().load("Next year").tracked("kent_police").sent == date(2099, 12, 2)
    assert main(["campaign", "add", "Next year", "--forces", "wmp", "--sent", "2099-12-03"]) == 0
    assert "--sent 2099-12-03 is after today" in capsys.readouterr().err
    assert main(["campaign", "new", "This year", "--request", str(path), "--forces", "kent_police",
                 "--sent", date.today().isoformat()]) == 0
    assert "after today" not in capsys.readouterr().err


def test_the_campaign_at_a_glance_counts_the_forces_due_today(capsys):
    """QA-S7: the heading of `campaign show` and of the tab said "49 forces, 0 overdue" on the
    day 44 answers fell due; it now says how many are due that day."""
    from composer.campaign.deadlines import in_brief

    c = _campaign()
    CampaignStore().create(c)
    due = progress(c.tracked("kent_police"), today=SENT).due  # the same day for all three
    assert in_brief(overview(c, due), due) == f"3 forces, 0 overdue, 3 due today on {due.isoformat()}"
    assert main(["campaign", "show", "Risk scoring 2026", "--today", due.isoformat()]) == 0
    assert f"(3 forces, 0 overdue, 3 due today on {due.isoformat()})" in capsys.readouterr().out
    the_day_before = date.fromordinal(due.toordinal() - 1)
    assert in_brief(overview(c, the_day_before), the_day_before).endswith(
        f"0 overdue on {the_day_before.isoformat()}")


def test_a_force_s_date_for_your_clarification_is_kept_and_shown():
    """QA-S7: while a force waited for a clarification the tracker said "reply to the request for
    clarification" with no date however long ago it asked, though the Met's letter (seed 003)
    says when it will treat the request as withdrawn; that date is now kept from the reply (or
    given with --until) and shown."""
    from composer.operations.campaign import record_reply
    from composer.replies import ReplyKind, ReplyReading

    c = _campaign()
    asked = ReplyReading(kind=ReplyKind.CLARIFICATION, sections=[], reference="MET/1",
                         dates={"reply_by": date(2027, 1, 15)})
    c = record_reply(c, force_id="the_met", file="the_met/ask.txt", reading=asked, on=date(2026, 12, 10)).value
    assert c.tracked("the_met").history[-1].until == date(2027, 1, 15)
    p = progress(c.tracked("the_met"), today=date(2026, 12, 11))
    assert p.next_in_words == "reply to the request for clarification by 2027-01-15" and not p.overdue
    p = progress(c.tracked("the_met"), today=date(2027, 1, 18))
    assert p.next_in_words == ("reply to the request for clarification: the force said it would "
                               "treat the request as withdrawn after 2027-01-15")
    # a date before the request for clarification (seed 003's own 2018 date) is not kept
    old = ReplyReading(kind=ReplyKind.CLARIFICATION, sections=[], reference="",
                       dates={"reply_by": date(2018, 5, 11)})
    c = record_reply(_campaign(), force_id="the_met", file="the_met/003.txt", reading=old,
                     on=date(2026, 12, 10)).value
    assert c.tracked("the_met").history[-1].until is None
    with pytest.raises(ComposerError, match="before the force asked for clarification"):
        record(_campaign(), force_id="kent_police", status="clarification-asked",
               on=date(2026, 12, 10), until=date(2026, 12, 1))
    with pytest.raises(ComposerError, match="goes only with the status"):
        record(_campaign(), force_id="kent_police", status="answered", on=date(2026, 12, 10),
               until=date(2026, 12, 20))


def test_after_a_review_the_due_column_shows_the_review_not_the_first_reply(capsys):
    """QA-S7: Police Scotland's row read "replied 2026-12-21" in the Due column through its review
    and after its outcome; it now says when the review is due, then when it was answered."""
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 10)).value
    first = progress(c.tracked("police_scotland"), today=date(2026, 12, 11))
    assert first.replied_in_words == "replied 2026-12-10"
    c = record(c, force_id="police_scotland", status="review-asked", on=date(2026, 12, 14)).value
    asked = progress(c.tracked("police_scotland"), today=date(2026, 12, 15))
    assert asked.replied_in_words == f"review due {asked.review_due.isoformat()}"
    c = record(c, force_id="police_scotland", status="review-answered", on=date(2027, 1, 8)).value
    CampaignStore().create(c)
    assert main(["campaign", "show", "Risk scoring 2026", "--today", "2027-01-11"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("police_scotland"))
    assert "reviewed 2027-01-08" in row and "replied" not in row


def test_every_campaign_s_overdue_forces_in_one_sentence():
    """Session 8: nothing outside the Follow up tab said that forces were overdue; the main window
    now says it from one sentence over every campaign."""
    from composer.campaign.deadlines import overdue_by_campaign, overdue_in_brief

    first = _campaign()
    second = record(_campaign("kent_police,gmp").model_copy(update={"name": "Stops"}),
                    force_id="gmp", status="answered", on=date(2026, 12, 1)).value
    due = progress(first.tracked("kent_police"), today=SENT).due
    after = date.fromordinal(due.toordinal() + 1)
    assert overdue_by_campaign([first, second], due) == {}
    assert overdue_in_brief(overdue_by_campaign([first, second], due)) is None
    late = overdue_by_campaign([first, second], after)
    assert late == {"Risk scoring 2026": 3, "Stops": 1}
    assert overdue_in_brief(late) == "4 forces overdue: 3 in Risk scoring 2026, 1 in Stops"
    assert overdue_in_brief(overdue_by_campaign([second], after)) == "1 force overdue in Stops"


def test_campaign_list_says_when_there_is_no_campaign(capsys):
    """QA-S8: `campaign list` printed nothing at all before the first campaign."""
    assert main(["campaign", "list"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "No campaign yet" in captured.err and "campaign new" in captured.err


def test_a_date_no_calendar_can_count_from_is_refused_in_one_line(tmp_path, capsys):
    """QA-S9: `campaign new … --sent 9999-12-20` was taken (with a warning), and from then on
    `campaign list`, `campaign show` and the app's start each stopped with an OverflowError
    traceback: the deadlines ran past the last day Python's calendar holds. `due 2026-11-20 --days
    100000000` and `holidays list --year 99999` ended the same way."""
    request = Request(title="Risk", parts=[Part(text="Do you use a risk tool?")], forces=["wmp"])
    save_request(tmp_path / "r.foi.json", request)
    assert main(["campaign", "new", "Far", "--request", str(tmp_path / "r.foi.json"), "--sent", "9999-12-20"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--sent '9999-12-20'" in err and "1900 to 2999" in err, err
    assert main(["campaign", "new", "Near", "--request", str(tmp_path / "r.foi.json"), "--sent", "2026-11-20"]) == 0
    assert main(["campaign", "update", "Near", "wmp", "--status", "answered", "--date", "9999-12-30"]) == 2
    for command in (["due", "2026-11-20", "--act", "foia", "--days", "100000000"],
                    ["due", "9999-12-31", "--act", "foia"], ["holidays", "list", "--year", "99999"],
                    ["holidays", "list", "--year", "-1"]):
        capsys.readouterr()
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("foi-composer: error:"), (command, err)


def test_a_campaign_file_holding_such_a_date_is_set_aside_and_the_rest_still_read():
    """A file written before the dates were bounded (or edited by hand) must not stop every
    campaign command and the app: it is set aside as a damaged file is."""
    store = CampaignStore()
    store.create(_campaign())
    far = _campaign().model_copy(update={"name": "Far"})
    path = store.create(far)
    data = json.loads(path.read_text("utf-8"))
    data["forces"][0]["history"][0]["on"] = "9999-12-20"
    path.write_text(json.dumps(data), "utf-8")
    listing = store.list()
    assert [e.name for e in listing.entries] == ["Risk scoring 2026"]
    assert len(listing.problems) == 1 and "1900 to 2999" in listing.problems[0]
    assert len(list((store.root / ".set-aside").iterdir())) == 1  # kept, out of the way


def test_campaigns_it_cannot_read_are_not_called_none(capsys):
    """QA-S9: with its one campaign written by a newer FOI Composer, `campaign list` warned so and
    then said "No campaign yet: start one …"."""
    store = CampaignStore()
    path = store.create(_campaign())
    data = json.loads(path.read_text("utf-8"))
    data["schema_version"] = 99
    path.write_text(json.dumps(data), "utf-8")
    assert main(["campaign", "list"]) == 0
    err = capsys.readouterr().err
    assert "newer FOI Composer" in err and "No campaign yet" not in err, err


def test_any_name_typed_is_kept_and_shown_as_typed_in_a_file_of_its_own(tmp_path, capsys):
    """LEFT-S10: ".." was listed as "Untitled request", "a/b" as "a b", "CON" as "CON_"; and
    "a\\b" was refused as "already exists" because "a/b" had made the same file name. A name is
    one line of visible characters; it is kept and shown as typed, its file made safe apart."""
    request_file = tmp_path / "r.foi.json"
    save_request(request_file, _request())
    store = CampaignStore()
    names = ["..", ".", "a/b", "a\\b", "a:b", "CON", "../../escape", "Ünï 🚓"]
    for name in names:
        assert main(["campaign", "new", name, "--request", str(request_file), "--forces", "kent_police",
                     "--sent", "2026-11-20"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["campaign", "list", "--json"]) == 0
    assert sorted(row["name"] for row in json.loads(capsys.readouterr().out)) == sorted(names)
    assert main(["campaign", "list"]) == 0
    assert sorted(line.split("\t")[0] for line in capsys.readouterr().out.splitlines()) == sorted(names)
    files = sorted(p.name for p in store.root.iterdir() if p.is_file() and not p.name.startswith("."))
    assert len(files) == len(names) and all(f.endswith(".campaign.json") for f in files)
    assert not [p for p in tmp_path.rglob("*.campaign.json") if p.parent != store.root]
    for name in names:  # each is found by its own name, and holds it
        assert main(["campaign", "show", name]) == 0
        assert capsys.readouterr().out.startswith(f"{name}: Risk scoring")
        assert store.folder_for(name).parent == store.root
    report = tmp_path / "reports"
    report.mkdir()
    assert main(["campaign", "export", "a/b", "-o", str(report)]) == 0
    assert [p.name for p in report.iterdir()] == ["a b.csv"]
    # one campaign per name, whatever the case or the spaces around it
    assert main(["campaign", "new", " A/B ", "--request", str(request_file), "--forces", "kent_police",
                 "--sent", "2026-11-20"]) == 2
    assert "a campaign called 'A/B' already exists" in capsys.readouterr().err
    for bad, why in (("tab\there", "one line of visible characters"), ("  ", "needs a name"),
                     ("x" * 121, "at most 120 characters")):
        assert main(["campaign", "new", bad, "--request", str(request_file), "--forces", "kent_police",
                     "--sent", "2026-11-20"]) == 2
        err = capsys.readouterr().err
        assert why in err and err.count("\n") == 1, err
    # a name that is no campaign's, but a file's (as `campaign list` showed them before)
    assert main(["campaign", "show", "a b (2)"]) == 0
    assert capsys.readouterr().out.startswith("a\\b: ")
