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
    widget.offer_alike()  # as the window does once the tab shows
    return widget


def _names(widget) -> list[str]:
    return [widget.chooser.itemText(i) for i in range(widget.chooser.count())]


def test_opening_the_tab_asks_and_merges_only_when_told(qtbot, tmp_path, monkeypatch, window):
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path))
    store = CampaignStore()
    _old_pair(store)
    asked = []
    monkeypatch.setattr(QtAlikeCampaigns, "ask", classmethod(lambda cls, parent, keep, other: asked.append(
        (keep.name, other.name))))  # not now
    window.tabs.setCurrentIndex(1)  # the Follow up tab, built when first opened, asks once it shows
    qtbot.waitUntil(lambda: asked == [("Risk", "risk")])
    assert _names(window.campaign_panel) == ["Risk", "risk"]  # both kept
    monkeypatch.setattr(QtAlikeCampaigns, "ask", classmethod(lambda cls, parent, keep, other: "merge"))
    widget = _panel(qtbot, store)
    assert _names(widget) == ["Risk"]
    assert "merged 'risk' into 'Risk'" in widget.message.text() and ".merged" in widget.message.text()
    merged = store.load("Risk")
    assert len(merged.tracked("kent_police").attachments) == 2 and merged.tracked("wmp")


def test_the_tab_renames_one_when_told_and_a_real_dialog_offers_the_three_choices(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path))
    store = CampaignStore()
    _old_pair(store, second="How many were scored?")
    entries = store.list().entries
    box = QtAlikeCampaigns(None, entries[0], entries[1])
    qtbot.addWidget(box)
    assert box.defaultButton() is box.later and box.escapeButton() is box.later  # nothing done by a stray key
    assert (box.merge.text(), box.rename.text()) == ("&Merge 'risk' into 'Risk'", "&Rename 'risk'…")
    monkeypatch.setattr(QtAlikeCampaigns, "ask", classmethod(lambda cls, parent, keep, other: "merge"))
    widget = _panel(qtbot, store)  # not the same request: said, and nothing merged
    assert _names(widget) == ["Risk", "risk"] and "not the same request" in widget.message.text()
    monkeypatch.setattr(QtAlikeCampaigns, "ask", classmethod(lambda cls, parent, keep, other: "rename"))
    monkeypatch.setattr(QtAlikeCampaigns, "ask_name", classmethod(lambda cls, parent, other: "risk 2025"))
    widget = _panel(qtbot, store)
    assert sorted(_names(widget)) == ["Risk", "risk 2025"]
    assert "renamed 'risk' to 'risk 2025'" in widget.message.text()


def test_a_screenshot_of_the_follow_up_tab_asks_nothing(qtbot, tmp_path, monkeypatch, window):
    # Nobody answers a screenshot's window: a question there would wait for ever.
    from composer.ui.app import save_screenshot

    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path))
    _old_pair(CampaignStore())
    assert save_screenshot(window, tmp_path / "shot.png", "campaign") == 0  # the conftest fails any question
    assert (tmp_path / "shot.png").stat().st_size > 0
