"""What a follow-up letter puts as grounds, checked against the law for each step of a campaign
(session 10: a campaign followed through to the Met, West Midlands, Police Scotland and PSNI)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import seed_text

from composer.campaign.store import CampaignStore
from composer.cli import main
from composer.forces import load_directory
from composer.letters import letter_as_text
from composer.model import Part, Request
from composer.operations.campaign import attach_reply, new_campaign, record
from composer.operations.followups import latest_check

SENT = date(2026, 11, 20)  # due 2026-12-21 under both Acts


def _campaign(ids="kent_police,wmp,police_scotland,psni"):
    request = Request(title="Risk scoring", parts=[
        Part(text="Do you use a risk-scoring system?"),
        Part(text="What is it called?", condition="if_yes"),
    ])
    return new_campaign(name="Risk", request=request, forces=load_directory().resolve(ids),
                        sent=SENT).value


def _attach(store, campaign, force_id, tmp_path, text, kind=""):
    path = tmp_path / f"{force_id}-{len(campaign.tracked(force_id).attachments)}.txt"
    path.write_text(text, "utf-8")
    return attach_reply(campaign, force_id=force_id, file=store.copy_in(campaign, force_id, path),
                        kind=kind).value


def _write(kind, force_id, today, tmp_path, capsys) -> str:
    out = tmp_path / f"{force_id}-{kind}.txt"
    assert main(["followup", "Risk", force_id, "--kind", kind, "-o", str(out), "--today", today]) == 0
    capsys.readouterr()
    return out.read_text("utf-8")


ACKNOWLEDGEMENT = """Our reference: K/2026/55

Thank you for your email, received on 20 November 2026. Your request is being dealt with under
the Freedom of Information Act 2000 and you will have a reply within 20 working days.
"""


def test_a_review_of_a_full_answer_asks_nothing_of_a_refusal_notice(tmp_path, capsys):
    """An answer in full needs no refusal notice (s17 is for refusals): a review of it put the
    missing parts of one (no exemption named, no reasons, no review procedure) as four grounds,
    from West Midlands Police's answer in an attachment (seed 001, read from ../shared/seeds)."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="wmp", status="answered", on=date(2026, 12, 18)).value
    answer = seed_text("001")
    c = _attach(store, c, "wmp", tmp_path, answer[answer.index("Response"):], kind="answered")
    store.create(c)
    assert latest_check(store, c, "wmp") is None
    text = _write("review", "wmp", "2027-01-04", tmp_path, capsys)
    assert "section 17" not in text and "The response did not" not in text
    assert "[Say why you are not satisfied" in text  # the reasons are the requester's to give
    assert main(["campaign", "check", "Risk", "wmp"]) == 2
    assert "no refusal notice is attached for West Midlands Police" in capsys.readouterr().err


def test_a_complaint_about_no_answer_reads_no_acknowledgement_as_a_refusal(tmp_path, capsys):
    """A force that acknowledged the request and then said nothing more: the complaint to the ICO
    is about the missing answer (s10(1)), not about what the acknowledgement lacks as a refusal
    notice (it said, wrongly, that the 'response' named no exemption and gave no reasons)."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="acknowledged", on=SENT).value
    c = _attach(store, c, "kent_police", tmp_path, ACKNOWLEDGEMENT, kind="acknowledgement")
    store.create(c)
    text = _write("complaint", "kent_police", "2027-01-20", tmp_path, capsys)
    assert "I have had no answer to my request, although it was due no later than 21 December 2026" in text
    assert "The response did not" not in text and "section 17(1)" not in text


def test_a_refusal_notice_is_still_checked_when_an_acknowledgement_came_after_it(tmp_path, capsys):
    """The gaps of the refusal notice itself stay grounds, even when a later, lesser message (an
    acknowledgement of the review request) is the latest file attached."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 18), sections=["s31"]).value
    notice = ("Our reference: K/2026/55\n\nI am refusing your request under section 31(1)(a) of the "
              "Freedom of Information Act 2000 (law enforcement), as disclosure would prejudice the "
              "prevention of crime.\n")
    c = _attach(store, c, "kent_police", tmp_path, notice, kind="refused")
    c = _attach(store, c, "kent_police", tmp_path, ACKNOWLEDGEMENT, kind="acknowledgement")
    store.create(c)
    check = latest_check(store, c, "kent_police")
    assert check is not None and any(c.startswith("s31") for c in check.cited)
    text = _write("review", "kent_police", "2027-01-04", tmp_path, capsys)
    assert "did not give particulars of your internal review procedure (section 17(7)(a)" in text
