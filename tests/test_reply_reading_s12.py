"""Reading a force's reply and following it through (session 12): an answer that is only a pointer
to an attachment, parts named in the force's own sentences, the "do you still want it?" letter's
own status, and a review of a FOISA s18 notice that names no exemption. Every reply here is
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from composer.model import Act
from composer.replies import Outcome, ReplyKind, read_reply


# -- item 4: a review of an s18 notice that cites s18 alone -------------------------------------------
BARE_S18 = ("Dear Jo Tester,\n\nWe can neither confirm nor deny that we hold the records you describe; "
            "section 18 of the Act applies.\n\nYou may require us to review this decision within 40 "
            "working days, and may then apply to the Scottish Information Commissioner.\n")


@pytest.mark.parametrize("kind", ["review", "complaint"])
def test_a_review_of_a_bare_s18_notice_asks_for_the_exemption_that_would_apply(tmp_path, capsys, kind):
    """It said 'did not name the exemption relied on (section 16(1)(c))': an s18 notice relies on
    s18, and what it owes is the exemption that would apply if the information were held."""
    from test_followups_grounds import _attach, _campaign, _write

    from composer.campaign.store import CampaignStore
    from composer.operations.campaign import record

    store = CampaignStore()
    c = record(_campaign(), force_id="police_scotland", status="refused", on=date(2026, 12, 18),
               sections=["s18"]).value
    c = _attach(store, c, "police_scotland", tmp_path, BARE_S18, kind="refused")
    if kind == "complaint":  # the review answered, and upheld
        c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 1, 4)).value
        c = record(c, force_id="police_scotland", status="review-answered", on=date(2027, 1, 25)).value
    store.create(c)
    text = " ".join(_write(kind, "police_scotland", "2027-02-01", tmp_path, capsys).split())
    assert "name the exemption that would apply if the information were held (section 16(1)(c)" in text
    assert "exemption relied on (section 16(1)(c)" not in text
    assert "say why that exemption would apply to the information, if it were held (section 16(1)(d)" in text


# -- item 3: "do you still want it?" has a status of its own -------------------------------------------
def _kent_campaign():
    from composer.forces import load_directory
    from composer.model import Part, Request
    from composer.operations.campaign import new_campaign

    request = Request(title="Patrol software", parts=[Part(text="Which patrol-planning software do you use?"),
                                                      Part(text="What did it cost in 2025?")])
    return new_campaign(name="Patrols", request=request, sent=date(2026, 11, 2),
                        forces=load_directory().resolve("kent_police,wmp")).value


def test_a_version_3_file_keeps_the_still_wanted_letter_as_an_acknowledgement_and_reads_it_as_its_own():
    """Session 11 kept the letter as 'acknowledged' with the day the force waits until; the Status
    column said 'acknowledged'. Read now, the same event is the still-wanted status, shown so."""
    import json

    from composer.campaign.deadlines import progress
    from composer.campaign.model import CAMPAIGN_VERSION, Status
    from composer.campaign.store import CampaignStore

    store = CampaignStore()
    old = json.loads(_kent_campaign().model_dump_json())
    old["schema_version"] = 3
    kent = old["forces"][0]
    kent["history"] += [{"status": "acknowledged", "on": "2026-11-04", "note": ""},
                        {"status": "acknowledged", "on": "2027-01-20", "note": "asks whether you still want it",
                         "until": "2027-02-03"}]
    store.path_for("Patrols").write_text(json.dumps(old), "utf-8")
    item = store.load("Patrols").tracked("kent_police")
    assert [e.status for e in item.events] == [Status.SENT, Status.ACKNOWLEDGED, Status.STILL_WANTED]
    assert item.status.label() == "asked if you still want it"
    p = progress(item, date(2027, 1, 25))
    assert p.overdue and p.still_wanted_by == date(2027, 2, 3)
    assert p.next_step.endswith("the force asked whether you still want it: say you do by 2027-02-03")
    store.save(store.load("Patrols"))
    saved = json.loads(store.path_for("Patrols").read_text("utf-8"))
    assert saved["schema_version"] == CAMPAIGN_VERSION == 4
    assert saved["forces"][0]["history"][-1]["status"] == "still-wanted"
    assert saved["forces"][0]["history"][1]["status"] == "acknowledged"  # a plain one stays one


def test_the_still_wanted_status_is_recorded_from_the_command_line(tmp_path, capsys):
    from composer.campaign.store import CampaignStore
    from composer.cli import main

    CampaignStore().create(_kent_campaign())
    assert main(["campaign", "update", "Patrols", "kent_police", "--status", "still-wanted",
                 "--date", "2027-01-20", "--until", "2027-02-03"]) == 0
    assert main(["campaign", "show", "Patrols", "--today", "2027-01-25"]) == 0
    shown = capsys.readouterr().out
    row = next(line for line in shown.splitlines() if line.startswith("kent_police"))
    assert "asked if you still want it" in row and "acknowledged" not in row
    # a still-wanted letter with no day given: the step still says what to do
    from composer.campaign.deadlines import progress
    from composer.operations.campaign import record

    c = record(_kent_campaign(), force_id="wmp", status="still-wanted", on=date(2027, 1, 20)).value
    p = progress(c.tracked("wmp"), date(2027, 1, 25))
    assert p.overdue and p.next_step.endswith("the force asked whether you still want it: say you do")
