"""Recording what came back: `campaign attach` reads a reply, --apply records it; the
operations that record a confirmed reply and a follow-up letter sent."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import seed_text

from composer.campaign.model import Status
from composer.campaign.store import CampaignStore
from composer.cli import main
from composer.commands.campaign import _REPLY_KINDS
from composer.coverage import State, coverage, read_attachments
from composer.forces import load_directory
from composer.letters.followups import FollowUpKind
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record_reply, record_sent
from composer.operations.result import Refused
from composer.replies import PartReading, ReplyKind, ReplyReading

SENT = date(2026, 11, 20)


def _campaign():
    request = Request(title="Risk", parts=[Part(text="Do you use a risk tool?", subparts=[
        Part(text="What is it called?"), Part(text="What did it cost?")])])
    forces = load_directory().resolve("the_met,kent_police")
    return new_campaign(name="Risk", request=request, forces=forces, sent=SENT).value


def test_the_kinds_the_parser_names_are_the_reply_kinds():
    assert _REPLY_KINDS == tuple(k.value for k in ReplyKind)


def test_attach_prints_the_reading_and_changes_nothing_without_apply(tmp_path, capsys):
    CampaignStore().create(_campaign())
    reply = tmp_path / "met.txt"
    reply.write_text(seed_text("004"), "utf-8")
    assert main(["campaign", "attach", "Risk", "the_met", str(reply), "--json"]) == 0
    out = capsys.readouterr()
    reading = json.loads(out.out)
    assert set(reading) == {"kind", "sections", "reference", "dates", "parts"}
    assert reading["kind"] == "partly-answered" and reading["sections"] == ["s31(1)", "s40(2)"]
    assert reading["reference"] == "01.FOI.22.026461"
    assert "nothing recorded" in out.err
    assert CampaignStore().load("Risk").tracked("the_met").attachments == []


def test_attach_apply_records_the_reply_with_corrections(tmp_path, capsys):
    CampaignStore().create(_campaign())
    reply = tmp_path / "kent.txt"
    reply.write_text("Our ref: K-2026-9\n1a. Patrolwise.\n1b. Withheld under section 43(2).\n", "utf-8")
    assert main(["campaign", "attach", "Risk", "kent_police", str(reply), "--apply",
                 "--on", "2026-12-10", "--part", "1=answered"]) == 0
    assert "recorded: Kent Police: partly answered on 2026-12-10" in capsys.readouterr().out
    item = CampaignStore().load("Risk").tracked("kent_police")
    assert item.status is Status.PARTLY_ANSWERED and item.reference == "K-2026-9"
    assert item.sections == ["s43(2)"]
    assert item.attachments[0].kind == "partly-answered"
    assert item.attachments[0].parts == {"1": "answered", "1a": "answered", "1b": "refused s43(2)"}
    assert (CampaignStore().folder_for("Risk") / item.attachments[0].file).is_file()


def test_attach_refuses_bad_corrections_in_one_line(tmp_path, capsys):
    CampaignStore().create(_campaign())
    reply = tmp_path / "kent.txt"
    reply.write_text("Please find attached our response.", "utf-8")
    assert main(["campaign", "attach", "Risk", "kent_police", str(reply), "--kind", "lost"]) == 2
    assert "unknown kind 'lost'" in capsys.readouterr().err
    assert main(["campaign", "attach", "Risk", "kent_police", str(reply), "--part", "1c"]) == 2
    assert "PART=WHAT" in capsys.readouterr().err
    sheet = tmp_path / "figures.xlsx"
    sheet.write_bytes(b"PK")
    assert main(["campaign", "attach", "Risk", "kent_police", str(sheet)]) == 2
    assert "add --apply to attach this file as it is" in capsys.readouterr().err
    assert main(["campaign", "attach", "Risk", "kent_police", str(sheet), "--apply"]) == 0
    assert CampaignStore().load("Risk").tracked("kent_police").status is Status.SENT


def test_a_confirmed_reading_is_what_coverage_shows():
    c = _campaign()
    reading = ReplyReading(kind=ReplyKind.PARTLY, sections=["s31"],
                           parts={"1a": PartReading.parse("answered"),
                                  "1b": PartReading.parse("refused s31")})
    c = record_reply(c, force_id="the_met", file="the_met/reply.pdf", reading=reading,
                     on=date(2026, 12, 3)).value
    readings = read_attachments(c, lambda _item, _file: pytest.fail("a confirmed reply is not re-read"))
    cov = coverage(c, readings, today=date(2026, 12, 4))
    # part 1, of which the partly answered reply says nothing, is partly answered (LEFT-S10)
    assert [cov.cell("the_met", p).label for p in cov.parts] == ["partly", "answered", "refused s31"]
    assert cov.cell("kent_police", "1").state is State.WAITING


def test_a_refused_reply_leaves_the_campaign_unchanged():
    c = _campaign()
    before = c.model_dump()
    with pytest.raises(Refused):
        record_reply(c, force_id="the_met", file="../outside.txt", reading=ReplyReading(kind=None),
                     on=date(2026, 12, 3))
    with pytest.raises(Refused):  # before the request was sent
        record_reply(c, force_id="the_met", file="the_met/r.txt",
                     reading=ReplyReading(kind=ReplyKind.ANSWERED), on=date(2026, 11, 1))
    assert c.model_dump() == before


def test_follow_ups_sent_are_recorded_in_one_step():
    c = _campaign()
    done = record_sent(c, force_ids=["the_met", "kent_police"], kind=FollowUpKind.CHASER,
                       on=date(2026, 12, 22))
    assert done.ids == ("the_met", "kent_police")
    assert "2026-12-22: chaser sent" in done.value.tracked("kent_police").notes
    reviewed = record_sent(c, force_ids=["the_met"], kind=FollowUpKind.REVIEW, on=date(2026, 12, 22))
    assert reviewed.value.tracked("the_met").status is Status.REVIEW_ASKED
    with pytest.raises(Refused):  # a clarification nobody asked for
        record_sent(c, force_ids=["the_met"], kind=FollowUpKind.CLARIFICATION, on=date(2026, 12, 22))
    assert c.tracked("the_met").status is Status.SENT


def test_followup_sent_records_it(tmp_path, capsys):
    CampaignStore().create(_campaign())
    out = tmp_path / "letters"
    out.mkdir()
    assert main(["followup", "Risk", "kent_police", "--kind", "chaser", "-o", str(out),
                 "--format", "txt", "--today", "2027-01-10"]) == 0
    assert "chaser sent" not in CampaignStore().load("Risk").tracked("kent_police").notes  # not asked
    assert main(["followup", "Risk", "kent_police", "--kind", "chaser", "-o", str(out),
                 "--format", "txt", "--today", "2027-01-10", "--sent"]) == 0
    assert "recorded: chaser sent: 1 force" in capsys.readouterr().err
    assert "2027-01-10: chaser sent" in CampaignStore().load("Risk").tracked("kent_police").notes
