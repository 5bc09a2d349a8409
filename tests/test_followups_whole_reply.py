"""Follow-up letters after replies read whole (session 10 QA: a campaign to Police Scotland, the
Met and PSNI, each reply written in one shape and attached from the command line)."""

from __future__ import annotations

from datetime import date

import pytest
from test_followups_grounds import _attach, _campaign, _write

from composer.campaign.store import CampaignStore
from composer.operations.campaign import attach_reply, record


SCOTLAND_NCND = """Our Reference: IM-FOI-2026-2468

Dear Jo Tester,

In terms of section 18 of the Act, Police Scotland can neither confirm nor deny whether the
information you have requested exists or is held by us. If the information were held, it would be
exempt under sections 34(1) and 35(1)(a) of the Act, and it would be contrary to the public
interest to reveal whether the information exists or is held.
"""


@pytest.mark.parametrize("kind, today", [("review", "2027-01-04"), ("complaint", "2027-02-15")])
def test_police_scotlands_ncnd_of_the_whole_request_is_challenged_as_one(tmp_path, capsys, kind, today):
    """Police Scotland's notice neither confirms nor denies for the whole request and numbers no
    part, so the reply is read as refused with s18, s34(1) and s35(1) and no part readings: the
    review argued s18 itself as 'a qualified exemption' whose public interest in 'disclosure' be
    weighed, as if information had been withheld, and each section the same way."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 18),
               sections=["s18", "s34(1)", "s35(1)(a)"]).value
    c = _attach(store, c, "police_scotland", tmp_path, SCOTLAND_NCND, kind="refused")
    if kind == "complaint":
        c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 1, 4)).value
    store.create(c)
    text = _write(kind, "police_scotland", today, tmp_path, capsys)
    assert "neither confirmed nor denied that" in text and "information I asked for, relying on section 18" in text
    assert "Section 18 allows a force to refuse to reveal whether information exists" in text
    assert "qualified exemption. Please show" not in text and "a qualified exemption. I do not accept" not in text
    assert "For part" not in text
    if kind == "complaint":  # the Commissioner decides whether; the force is asked why
        assert "and whether revealing whether it is held would be contrary to the public interest" in text
    else:
        assert "and why revealing whether it is held would be contrary to the public interest" in text


def test_a_part_not_held_in_an_answer_is_no_refusal_notice_to_fault(tmp_path, capsys):
    """The Met answered every part but one, which it does not hold, and cited no section: the
    review put 'the response did not name the exemption relied on' and three more gaps of a
    refusal notice (s17), which a part not held does not need; a part refused still does."""
    store = CampaignStore()
    c = _campaign("the_met")
    c = record(c, force_id="the_met", status="partly-answered", on=date(2026, 12, 14)).value
    path = tmp_path / "met.txt"
    path.write_text("Question 1: Yes.\nQuestion 2: Outcomes are not recorded, so no information is held.\n",
                    "utf-8")
    c = attach_reply(c, force_id="the_met", file=store.copy_in(c, "the_met", path),
                     kind="partly-answered", parts={"1": "answered", "2": "not held"}).value
    store.create(c)
    text = _write("review", "the_met", "2027-01-04", tmp_path, capsys)
    assert "section 17" not in text and "[Say why you are not satisfied" in text
    (tmp_path / "the_met-review.txt").unlink()  # a taken name is never written over
    store.update("Risk", lambda now: attach_reply(
        now, force_id="the_met", file=store.copy_in(now, "the_met", path), kind="partly-answered",
        parts={"1": "answered", "2": "refused"}))
    text = _write("review", "the_met", "2027-01-04", tmp_path, capsys)
    assert "did not name the exemption relied on (section 17(1)(b)" in text


def test_a_foia_ncnd_of_the_whole_request_is_challenged_as_one_and_a_withholding_still_argued(tmp_path, capsys):
    """PSNI neither confirms nor denies under s23(5) and s24(2) for the whole request and withholds
    under s31(1): read whole, the review argued s24(2) as information withheld ('On section 24(2):
    this is a qualified exemption … disclosure'). Only the exclusions of the duty to confirm or
    deny are put as one NCND ground (FOIA s1(1)(a), s2(1)(b)); s31(1) keeps its own."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="psni", status="refused", on=date(2026, 12, 18),
               sections=["s23(5)", "s24(2)", "s31(1)(a)"]).value
    c = _attach(store, c, "psni", tmp_path, "PSNI can neither confirm nor deny that it holds the "
                "information (sections 23(5) and 24(2)); any statistics are withheld under "
                "section 31(1)(a).\n", kind="refused")
    store.create(c)
    text = _write("review", "psni", "2027-01-04", tmp_path, capsys)
    assert "You neither confirmed nor denied that you hold the information I asked for, relying on section 23(5)" in text
    assert "for section 24(2), whether the public interest in maintaining the exclusion" in text
    assert "On section 24(2)" not in text and "On section 31(1)(a)" in text
