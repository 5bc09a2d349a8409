"""The Follow up tab asks about campaigns whose names differ only in case (TEMPL-S11)."""

from __future__ import annotations

from datetime import date

from composer.campaign.store import CampaignStore
from composer.ui.qt_alike_campaigns import QtAlikeCampaigns
from composer.ui.qt_campaign import QtCampaignPanel
from tests.test_campaign_alike import _old_pair


def _panel(qtbot, store):
    widget = QtCampaignPanel(store, today=date(2026, 10, 1))
    qtbot.addWidget(widget)
    return widget


def test_opening_the_tab_asks_and_merges_only_when_told(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path))
    store = CampaignStore()
    _old_pair(store)
    asked = []
    monkeypatch.setattr(QtAlikeCampaigns, "ask", classmethod(lambda cls, parent, keep, other: asked.append(
        (keep.name, other.name))))  # not now
    widget = _panel(qtbot, store)
    assert asked == [("Risk", "risk")]
    assert [widget.chooser.itemText(i) for i in range(widget.chooser.count())] == ["Risk", "risk"]  # both kept
    monkeypatch.setattr(QtAlikeCampaigns, "ask", classmethod(lambda cls, parent, keep, other: "merge"))
    widget = _panel(qtbot, store)
    assert [widget.chooser.itemText(i) for i in range(widget.chooser.count())] == ["Risk"]
    assert "merged 'risk' into 'Risk'" in widget.message.text()
    merged = store.load("Risk")
    assert len(merged.tracked("kent_police").attachments) == 2 and merged.tracked("wmp")


def test_the_tab_renames_one_when_told_and_a_real_dialog_offers_the_three_choices(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path))
    store = CampaignStore()
    _old_pair(store, second="How many were scored?")
    entries = store.list().entries
    box = QtAlikeCampaigns(None, entries[0], entries[1])
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] and box.defaultButton() is box.later
    assert {box.merge.text(), box.rename.text()} == {"&Merge 'risk' into 'Risk'", "&Rename 'risk'…"}
    monkeypatch.setattr(QtAlikeCampaigns, "ask", classmethod(lambda cls, parent, keep, other: "rename"))
    monkeypatch.setattr(QtAlikeCampaigns, "ask_name", classmethod(lambda cls, parent, other: "risk 2025"))
    widget = _panel(qtbot, store)
    assert sorted(widget.chooser.itemText(i) for i in range(widget.chooser.count())) == ["Risk", "risk 2025"]
    assert "renamed 'risk' to 'risk 2025'" in widget.message.text()
