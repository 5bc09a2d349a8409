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
