"""The campaign tab's document: every change is one undoable step written to the file at once,
Ctrl+Z in the app takes back a recorded reply, and a file changed on disk is read again before
anything is written over it."""

from __future__ import annotations

from datetime import date

import pytest

from composer.campaign.model import Status
from composer.campaign.store import CampaignStore
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record
from composer.ui.qt import Qt
from composer.ui.qt_campaign import QtCampaignPanel
from composer.ui.qt_campaign_dialogs import QtRecordDialog, RecordChoice
from composer.ui.qt_campaign_document import QtCampaignDocument

SENT = date(2026, 11, 20)


@pytest.fixture
def store():
    s = CampaignStore()
    s.create(new_campaign(name="Risk 2026", request=Request(title="Risk", parts=[Part(text="Any?")]),
                          forces=load_directory().resolve("kent_police,the_met"), sent=SENT).value)
    return s


def _answer(monkeypatch, status=Status.ANSWERED, on=date(2026, 12, 10)):
    monkeypatch.setattr(QtRecordDialog, "ask", classmethod(
        lambda cls, parent, p, today: RecordChoice(status, on, "K/9", ["s31"], "a reply")))


def test_recording_a_reply_in_the_app_and_pressing_ctrl_z_restores_the_campaign(
        qtbot, window, store, monkeypatch):
    before = store.load("Risk 2026")
    window.show()
    window.tabs.setCurrentIndex(1)  # the Follow up tab, built when first opened
    panel = window.campaign_panel
    assert isinstance(panel, QtCampaignPanel)
    _answer(monkeypatch)
    panel.select_forces(["kent_police"])
    with qtbot.waitSignal(panel.campaign_changed):
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert store.load("Risk 2026").tracked("kent_police").status is Status.ANSWERED
    assert window.undo_action.isEnabled() and "Kent Police" in window.undo_action.text()

    window.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    with qtbot.waitSignal(panel.campaign_changed):
        qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.campaign == before
    assert store.load("Risk 2026") == before  # the file too
    [kent] = [p for p in panel.model.rows if p.force_id == "kent_police"]
    assert kent.status is Status.SENT

    with qtbot.waitSignal(panel.campaign_changed):
        window.redo_action.trigger()
    assert store.load("Risk 2026").tracked("kent_police").reference == "K/9"
    window.tabs.setCurrentIndex(0)  # back on the request: Undo is the request's again
    assert window.undo_group.activeStack() is window.document.undo_stack


def test_a_refused_record_leaves_no_step_and_no_change(qtbot, store, monkeypatch):
    panel = QtCampaignPanel(store, today=date(2027, 1, 6))
    qtbot.addWidget(panel)
    before = store.load("Risk 2026")
    _answer(monkeypatch, Status.CLARIFIED)  # nobody asked for clarification
    panel.select_forces(["kent_police"])
    panel.record_selected()
    assert "has not asked for clarification" in panel.message.text()
    assert panel.document.undo_stack.count() == 0
    assert store.load("Risk 2026") == before == panel.campaign


def test_a_change_made_on_disk_is_read_before_the_tab_writes(qtbot, store, monkeypatch):
    panel = QtCampaignPanel(store, today=date(2027, 1, 6))
    qtbot.addWidget(panel)
    # the command line records the Met's answer while the tab is open
    store.update("Risk 2026", lambda c: record(c, force_id="the_met", status="refused",
                                               on=date(2026, 12, 4)))
    _answer(monkeypatch)
    panel.select_forces(["kent_police"])
    panel.record_selected()
    saved = store.load("Risk 2026")
    assert saved.tracked("the_met").status is Status.REFUSED  # kept, not overwritten
    assert saved.tracked("kent_police").status is Status.ANSWERED
    assert panel.campaign == saved


def test_undo_after_a_change_on_disk_takes_the_file_as_it_is(qtbot, store):
    document = QtCampaignDocument(store)
    document.open("Risk 2026")
    document.apply("ack", record, force_id="kent_police", status="acknowledged", on=date(2026, 11, 21))
    store.update("Risk 2026", lambda c: record(c, force_id="the_met", note="phoned"))
    with qtbot.waitSignal(document.reloaded):
        document.undo_stack.undo()
    on_disk = store.load("Risk 2026")
    assert on_disk.tracked("the_met").notes == "phoned"  # the other change survives
    assert on_disk.tracked("kent_police").status is Status.ACKNOWLEDGED
    assert document.campaign == on_disk and document.undo_stack.count() == 0
