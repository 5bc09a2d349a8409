"""The force × part coverage matrix, its counts and its CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from conftest import seed_text

from composer.coverage import State, coverage, coverage_csv, export_coverage_csv, read_attachments
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import attach_reply, new_campaign, record
from composer.replies import read_reply

SENT = date(2026, 11, 20)  # due 2026-12-21


def _campaign():
    request = Request(title="Risk scoring", parts=[
        Part(text="Do you use a risk-scoring system?", subparts=[
            Part(text="What is it called?"), Part(text="What did it cost?"),
            Part(text="How many people were scored?")])])
    forces = load_directory().resolve("the_met,kent_police,wmp,police_scotland,essex_police")
    return new_campaign(name="Risk 2026", request=request, forces=forces, sent=SENT).value


def _readings():
    return {
        "the_met": read_reply("1. Yes.\n1a. It is called Patrolwise.\n1b. Not held.\n"
                              "1c. Withheld under section 40(2).\n"),
        "kent_police": read_reply("Please find attached the information you asked for."),
        "wmp": read_reply("1. We neither confirm nor deny that we hold this, under section 24(2).\n"),
    }


def test_the_matrix_from_replies_and_statuses():
    c = _campaign()
    c = record(c, force_id="essex_police", status="refused", on=date(2026, 12, 10), sections=["s12"]).value
    cov = coverage(c, _readings(), today=date(2026, 12, 22))
    assert cov.parts == ["1", "1a", "1b", "1c"]
    assert cov.cell("the_met", "1a").state is State.ANSWERED
    assert cov.cell("the_met", "1b").state is State.NOT_HELD
    assert cov.cell("the_met", "1c").label == "refused s40(2)"
    assert cov.cell("kent_police", "1c").state is State.ANSWERED  # the whole reply answers all
    assert cov.cell("wmp", "1b").label == "NCND s24(2)"  # part 1 covers its sub-parts
    assert cov.cell("essex_police", "1").label == "refused s12"  # recorded, no reply read
    assert cov.cell("police_scotland", "1").state is State.OVERDUE  # due 21 December
    assert coverage(c, _readings(), today=date(2026, 12, 1)).cell("police_scotland", "1").state \
        is State.WAITING
    counts = cov.per_part("1c")
    assert counts[State.ANSWERED] == 1 and counts[State.REFUSED] == 3 and counts[State.OVERDUE] == 1
    assert cov.per_force("the_met")[State.ANSWERED] == 2
    assert cov.summary("1c") == ("1 of 5 forces answered part 1c; 2 refused it (s40(2) 1, s12 1); 1 would "
                                 "neither confirm nor deny holding it (s24(2) 1); 1 overdue")


def test_clarification_asked_shows_on_every_part():
    c = _campaign()
    c = record(c, force_id="kent_police", status="clarification-asked", on=date(2026, 11, 25)).value
    cov = coverage(c, {"the_met": read_reply(seed_text("003").split("Bibi Karim")[0]
                                             .split("Dear Mr Balakumaran")[-1])},
                   today=date(2026, 12, 1))
    assert {cov.cell("kent_police", p).state for p in cov.parts} == {State.CLARIFY}
    assert {cov.cell("the_met", p).state for p in cov.parts} == {State.CLARIFY}


def test_seed_004_refusal_counts_its_sections():
    c = _campaign()
    cov = coverage(c, {"wmp": read_reply(seed_text("004"))}, today=date(2026, 12, 1))
    assert cov.cell("wmp", "1a").state is State.PARTLY


def test_coverage_csv_one_row_per_force_one_column_per_part(tmp_path):
    c = _campaign()
    cov = coverage(c, _readings(), today=date(2026, 12, 22))
    rows = list(csv.reader(io.StringIO(coverage_csv(cov))))
    assert rows[0] == ["force", "force_id", "1", "1a", "1b", "1c"]
    assert len(rows) == 1 + 5
    met = next(r for r in rows if r[1] == "the_met")
    assert met[2:] == ["answered", "answered", "not held", "refused s40(2)"]
    path = export_coverage_csv(cov, tmp_path / "coverage.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfforce,force_id,1,1a")


def test_attached_replies_are_read_in_order(tmp_path):
    c = _campaign()
    (tmp_path / "ack.txt").write_text("Dear Ms Example\nYour request will now be considered.\n", "utf-8")
    (tmp_path / "answer.txt").write_text("1a. Patrolwise.\n1b. Not held.\n", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    for name in ("ack.txt", "answer.txt", "photo.jpg"):
        c = attach_reply(c, force_id="kent_police", file=name, on=SENT).value
    readings = read_attachments(c, lambda _item, name: tmp_path / name)
    assert set(readings) == {"kent_police"}
    cov = coverage(c, readings, today=date(2026, 12, 1))
    # the reply answers 1a and says 1b is not held: partly answered. 1 and 1c, of which it says
    # nothing, are partly answered too (LEFT-S10: they were counted as answered)
    assert [cov.cell("kent_police", p).label for p in cov.parts] == [
        "partly", "answered", "not held", "partly"]


def test_the_summary_says_which_act_a_section_is_under():
    # s38 is personal data under FOISA, health and safety under FOIA: "s38 2" mixed the two (reuse9).
    forces = load_directory().resolve("the_met,police_scotland,wmp")
    c = new_campaign(name="Acts", request=Request(title="Acts", parts=[Part(text="How many arrests?")]),
                     forces=forces, sent=SENT).value
    c = record(c, force_id="the_met", status="refused", on=date(2026, 12, 10), sections=["s38(1)"]).value
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 10), sections=["s38(1)(b)"]).value
    c = record(c, force_id="wmp", status="refused", on=date(2026, 12, 10), sections=["s12"]).value
    cov = coverage(c, {}, today=date(2026, 12, 11))
    assert cov.sections_for("1") == {"s38(1)": 1, "FOISA s38(1)(b)": 1, "s12": 1}
    assert "3 refused it (" in cov.summary("1") and "FOISA s38(1)(b) 1" in cov.summary("1")
    assert cov.cell("police_scotland", "1").label == "refused s38(1)(b)"  # its own row says the Act already


def test_a_whole_reply_neither_confirming_nor_denying_marks_every_part_so():
    from composer.coverage import reading_cell

    reading = read_reply("Dear Ms Example\nThe force neither confirms nor denies that it holds "
                         "any of this, under section 23(5).")
    cell = reading_cell(reading, "1b")
    assert cell.state is State.REFUSED and cell.ncnd and cell.label == "NCND s23(5)"
    c = _campaign()
    matrix = coverage(c, {"wmp": reading}, today=date(2026, 11, 25))
    assert {matrix.cell("wmp", p).label for p in matrix.parts} == {"NCND s23(5)"}
    assert reading_cell(read_reply("Your request will now be considered."), "1") is None


def test_a_part_a_partly_answered_reply_says_nothing_of_is_partly_answered_in_every_figure(tmp_path):
    """LEFT-S10: in a partly answered reply, a part with no reading of its own (confirmed or read
    from the file) was counted as answered: in the matrix, the per-part summary, the counts, the
    CSV, and what your campaigns say to the checker."""
    from composer.campaign.history import history_of, records
    from composer.coverage import counts_table
    from composer.operations.campaign import record_reply
    from composer.replies import PartReading, ReplyKind, ReplyReading

    c = _campaign()
    reading = ReplyReading(kind=ReplyKind.PARTLY, parts={"1c": PartReading.parse("refused s40(2)")})
    c = record_reply(c, force_id="kent_police", file="kent.pdf", reading=reading, on=date(2026, 12, 10)).value
    (tmp_path / "met.txt").write_text("1c. Withheld under section 40(2).\n1b. Not held.\n1a. Patrolwise.\n")
    c = attach_reply(c, force_id="the_met", file="met.txt", on=date(2026, 12, 11)).value
    readings = read_attachments(c, lambda _item, name: tmp_path / name)
    cov = coverage(c, readings, today=date(2026, 12, 12))
    assert [cov.cell("kent_police", p).label for p in cov.parts] == ["partly", "partly", "partly", "refused s40(2)"]
    assert cov.cell("the_met", "1").state is State.PARTLY
    assert cov.per_part("1")[State.PARTLY] == 2 and cov.per_part("1")[State.ANSWERED] == 0
    assert cov.summary("1").startswith("0 of 5 forces answered part 1; 2 answered in part")
    header, *rows = counts_table(cov)
    assert dict(zip(header, rows[0], strict=True))["partly"] == "2"
    assert next(r for r in csv.reader(io.StringIO(coverage_csv(cov))) if r[1] == "kent_police")[2] == "partly"
    record = records(c, cov)["1"]
    assert (record.replied, record.answered, record.partly) == (2, 2, 2)
    assert "2 answered it (2 of them only in part)" in record.words()
    assert history_of([c])  # and the checker's record is built from the same cells
