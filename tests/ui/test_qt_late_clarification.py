"""The tracker's row says plainly when a force asked for clarification only after its answer was
due (follow11): the warning is in the row's tooltip and in what it says to the keyboard."""

from __future__ import annotations

from datetime import date

from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record
from composer.ui.qt import Qt
from composer.ui.qt_campaign_model import CampaignTableModel


def test_a_late_request_for_clarification_is_said_on_the_row(qapp):
    c = new_campaign(name="Risk", request=Request(title="Risk scoring", parts=[Part(text="Do you use one?")]),
                     forces=load_directory().resolve("kent_police,police_scotland"), sent=date(2026, 11, 20)).value
    for force_id in ("kent_police", "police_scotland"):
        c = record(c, force_id=force_id, status="clarification-asked", on=date(2027, 1, 5)).value
    model = CampaignTableModel(c, date(2027, 1, 6))
    tips = {model.progress_at(r).force_id: model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(model.rowCount())}
    for force_id, tip in tips.items():
        assert ("warning: the force asked for clarification on 2027-01-05, after its answer was due on "
                "2026-12-21") in tip, force_id
    assert "the ICO's guidance is that a force asks for clarification as soon as possible" in tips["kent_police"]
    assert "guidance" not in tips["police_scotland"]
