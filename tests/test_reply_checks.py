"""What `campaign attach` and `campaign show` tell the user before and after recording a reply:
a reply already attached, a reply dated before the request was sent, the "recorded:" line, and
the due column of a force that has replied."""

from __future__ import annotations

from datetime import date

from conftest import seed_text

from composer.campaign.store import CampaignStore
from composer.cli import main
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record
from composer.replies import ReplyKind, ReplyReading, dates_before

SENT = date(2026, 11, 20)  # due 2026-12-21


def _campaign():
    request = Request(title="Risk", parts=[Part(text="Do you use a risk tool?")])
    forces = load_directory().resolve("the_met,kent_police")
    return new_campaign(name="Risk", request=request, forces=forces, sent=SENT).value


def _attach(path, *extra):
    return main(["campaign", "attach", "Risk", "the_met", str(path), "--apply", *extra])


def test_the_same_reply_attached_twice_is_recorded_once(tmp_path, capsys):
    CampaignStore().create(_campaign())
    reply = tmp_path / "met.txt"
    reply.write_text("Our ref: M-1\nWe need to clarify what you mean by a risk tool.\n", "utf-8")
    assert _attach(reply, "--on", "2026-11-25") == 0
    capsys.readouterr()
    renamed = tmp_path / "met again.txt"  # the same words under another name: same content
    renamed.write_bytes(reply.read_bytes())
    assert _attach(renamed, "--on", "2026-11-26") == 2
    err = capsys.readouterr().err
    assert "already attached to Metropolitan Police Service as the_met/met.txt" in err
    assert "--again" in err
    item = CampaignStore().load("Risk").tracked("the_met")
    assert len(item.attachments) == 1 and len(item.history) == 2
    assert sorted(p.name for p in (CampaignStore().folder_for("Risk") / "the_met").iterdir()) == ["met.txt"]

    # reading it without --apply says so too, and --again records it a second time
    assert main(["campaign", "attach", "Risk", "the_met", str(reply)]) == 0
    assert "already attached" in capsys.readouterr().err
    assert _attach(reply, "--on", "2026-11-26", "--again") == 0
    item = CampaignStore().load("Risk").tracked("the_met")
    assert len(item.attachments) == 2 and len(item.history) == 3


def test_a_reply_to_another_force_is_named(tmp_path, capsys):
    CampaignStore().create(_campaign())
    reply = tmp_path / "kent.txt"
    reply.write_text("Please find attached our response.", "utf-8")
    assert main(["campaign", "attach", "Risk", "kent_police", str(reply), "--apply"]) == 0
    capsys.readouterr()
    assert _attach(reply) == 2
    assert "already attached to Kent Police as kent_police/kent.txt" in capsys.readouterr().err
    assert CampaignStore().load("Risk").tracked("the_met").attachments == []


def test_dates_before_the_request_was_sent_are_named():
    reading = ReplyReading(ReplyKind.ANSWERED, dates={"received": date(2018, 3, 16),
                                                      "reply_by": date(2018, 5, 11)})
    warning = dates_before(reading, SENT)
    assert warning is not None
    assert "received 2018-03-16" in warning and "reply by 2018-05-11" in warning
    assert "2026-11-20" in warning and "wrong file" in warning and "another force" in warning
    assert dates_before(ReplyReading(ReplyKind.ANSWERED, dates={"dated": SENT}), SENT) is None
    assert dates_before(ReplyReading(None), SENT) is None


def test_attach_warns_of_a_reply_dated_before_the_request(tmp_path, capsys):
    CampaignStore().create(_campaign())
    reply = tmp_path / "003.txt"
    reply.write_text(seed_text("003"), "utf-8")
    assert main(["campaign", "attach", "Risk", "the_met", str(reply)]) == 0
    err = capsys.readouterr().err
    assert "warning: the reply's own dates (received 2018-03-16" in err
    assert "before the request was sent to Metropolitan Police Service on 2026-11-20" in err


def test_the_recorded_line_names_the_reference_and_the_file(tmp_path, capsys):
    CampaignStore().create(_campaign())
    reply = tmp_path / "met reply.txt"
    reply.write_text("Our ref: M-2026-1\nThe information is withheld under section 31(1).\n", "utf-8")
    assert _attach(reply, "--on", "2026-12-10") == 0
    out = capsys.readouterr().out
    assert ("recorded: Metropolitan Police Service: refused on 2026-12-10, reference M-2026-1, "
            "sections s31(1), file met reply.txt") in out
    assert "the reference" not in out


def test_show_gives_a_force_that_replied_its_reply_date_not_its_due_date(capsys):
    c = record(_campaign(), force_id="kent_police", status="answered", on=date(2026, 12, 3)).value
    CampaignStore().create(c)
    assert main(["campaign", "show", "Risk", "--today", "2026-12-04"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert "replied 2026-12-03" in lines["kent_police"] and "due " not in lines["kent_police"]
    assert "due 2026-12-21" in lines["the_met"]
