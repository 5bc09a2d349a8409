from __future__ import annotations

import csv
from datetime import date

import docx
import pytest

from composer.campaign.model import Status
from composer.campaign.store import CampaignStore
from composer.letters.followups import FollowUpKind
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record
from composer.ui.qt import QApplication, QColor, QDate, Qt
from composer.ui.qt_campaign import QtCampaignPanel
from composer.ui.qt_campaign_dialogs import (
    FollowUpChoice,
    QtFollowUpDialog,
    QtPickFile,
    QtRecordDialog,
    RecordChoice,
)
from composer.ui.qt_campaign_model import (
    LATE_TINT,
    OVERDUE_ROLE,
    CampaignFilter,
    CampaignTableModel,
    _tinted,
)

SENT = date(2026, 11, 20)  # due 2026-12-21
TODAY = date(2027, 1, 6)


def _campaign():
    c = new_campaign(name="Risk 2026", request=Request(title="Risk scoring", parts=[Part(text="Do you use one?")]),
                     forces=load_directory().resolve("kent_police,essex_police,the_met,police_scotland"),
                     sent=SENT).value
    c = record(c, force_id="essex_police", status="answered", on=date(2026, 12, 3)).value
    c = record(c, force_id="the_met", status="clarification-asked", on=date(2026, 11, 25)).value
    return c


@pytest.fixture
def store():
    s = CampaignStore()
    s.create(_campaign())
    return s


@pytest.fixture
def panel(qtbot, store):
    widget = QtCampaignPanel(store, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def _column(title: str) -> int:
    from composer.ui.qt_campaign_model import COLUMNS

    return [t for t, _ in COLUMNS].index(title)


def _shown(panel, title="Force") -> list[str]:
    col = _column(title)
    return [panel.proxy.index(r, col).data() for r in range(panel.proxy.rowCount())]


# -- the model ----------------------------------------------------------------------------------
def test_the_model_passes_qt_model_checks(qtmodeltester):
    model = CampaignTableModel(_campaign(), TODAY)
    qtmodeltester.check(model)
    proxy = CampaignFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.set_campaign(None)
    qtmodeltester.check(model)


def test_overdue_rows_are_marked_and_highlighted():
    model = CampaignTableModel(_campaign(), TODAY)
    rows = {model.progress_at(r).force_id: r for r in range(model.rowCount())}
    kent = model.index(rows["kent_police"], _column("Due"))
    essex = model.index(rows["essex_police"], _column("Due"))
    assert kent.data() == "2026-12-21" and kent.data(OVERDUE_ROLE) is True
    assert isinstance(kent.data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert essex.data(OVERDUE_ROLE) is False and essex.data(Qt.ItemDataRole.BackgroundRole) is None
    met = model.index(rows["the_met"], _column("Due"))
    assert met.data() == "on hold"
    next_step = model.index(rows["kent_police"], _column("Next")).data()
    assert next_step == "the answer is late: send a chaser (8 working days late)"

    late = _campaign()
    late = record(late, force_id="kent_police", status="answered", on=date(2027, 1, 5)).value
    model.set_campaign(late)
    answered_late = model.index(rows["kent_police"], _column("Status"))
    assert answered_late.data(OVERDUE_ROLE) is False
    assert answered_late.data(Qt.ItemDataRole.BackgroundRole) == _tinted(LATE_TINT)
    assert "7 working days late" in answered_late.data(Qt.ItemDataRole.ToolTipRole)


# -- sorting and filtering ----------------------------------------------------------------------
def test_sorted_by_the_next_date_and_filtered(panel):
    assert _shown(panel) == ["Kent Police", "Police Scotland", "Essex Police", "Metropolitan Police Service"]
    panel.view.sortByColumn(_column("Due"), Qt.SortOrder.DescendingOrder)
    assert _shown(panel)[0] == "Metropolitan Police Service"  # on hold sorts after every date
    panel.overdue.setChecked(True)
    assert sorted(_shown(panel)) == ["Kent Police", "Police Scotland"]
    panel.overdue.setChecked(False)
    panel.search.setText("scot")
    assert _shown(panel) == ["Police Scotland"]
    panel.search.setText("")
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(Status.ANSWERED.value))
    assert _shown(panel) == ["Essex Police"]
    assert "4 forces, 2 overdue on 2027-01-06" in panel.summary.text()


# -- opening ------------------------------------------------------------------------------------
def test_opened_from_a_folder_or_a_file_and_a_broken_file_is_named(qtbot, store):
    (store.root / "Broken.campaign.json").write_text("{", "utf-8")
    from_folder = QtCampaignPanel(store.root, today=TODAY)
    qtbot.addWidget(from_folder)
    assert from_folder.chooser.count() == 1 and from_folder.model.rowCount() == 4
    assert "Broken.campaign.json" in from_folder.message.text()
    from_file = QtCampaignPanel(store.path_for("Risk 2026"), today=TODAY)
    qtbot.addWidget(from_file)
    assert from_file.name == "Risk 2026" and from_file.model.rowCount() == 4
    assert "moved to" in from_folder.message.text()
    aside = list((store.root / ".set-aside").glob("Broken.campaign.json.*"))
    assert [p.read_text("utf-8") for p in aside] == ["{"]  # kept, out of the way


def test_an_empty_store_says_how_to_start(qtbot):
    widget = QtCampaignPanel(CampaignStore(), today=TODAY)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0 and "Track these letters" in widget.summary.text()
    assert "New campaign" in widget.summary.text()
    assert not widget.export_button.isEnabled()


# -- follow-up letters --------------------------------------------------------------------------
def test_buttons_follow_the_selection(panel):
    panel.select_forces(["kent_police"])
    enabled = {k for k, b in panel.buttons.items() if b.isEnabled()}
    assert enabled == {FollowUpKind.CHASER, FollowUpKind.REVIEW, FollowUpKind.COMPLAINT}
    panel.select_forces(["the_met"])
    assert {k for k, b in panel.buttons.items() if b.isEnabled()} == {FollowUpKind.CLARIFICATION}
    panel.select_forces(["the_met", "essex_police"])
    assert not panel.record_button.isEnabled()


def test_a_chaser_for_each_selected_force_is_one_click_away(qtbot, panel, monkeypatch, tmp_path):
    asked = []

    def ask(cls, parent, kind, forces, folder, fmt="docx"):
        asked.append((kind, forces))
        return FollowUpChoice(tmp_path, "docx", "")

    monkeypatch.setattr(QtFollowUpDialog, "ask", classmethod(ask))
    panel.select_forces(["kent_police", "police_scotland", "essex_police"])
    with qtbot.waitSignal(panel.letters_written) as signal:
        qtbot.mouseClick(panel.buttons[FollowUpKind.CHASER], Qt.MouseButton.LeftButton)
    assert asked == [(FollowUpKind.CHASER, ["Kent Police", "Police Scotland"])]  # Essex answered
    written = sorted(p.name for p in signal.args[0])
    assert written == ["2027-01-06 Kent Police - Chaser - Risk scoring.docx",
                       "2027-01-06 Police Scotland - Chaser - Risk scoring.docx"]
    body = "\n".join(p.text for p in docx.Document(tmp_path / written[0]).paragraphs)
    assert "That day was 21 December 2026" in body
    assert "Wrote 2 letters" in panel.message.text() and "Recorded as sent on 2027-01-06" in \
        panel.message.text()
    saved = panel.store.load("Risk 2026")
    assert "2027-01-06: chaser sent" in saved.tracked("kent_police").notes
    assert "chaser sent" not in saved.tracked("essex_police").notes
    panel.document.undo_stack.undo()  # one step for every force
    assert "chaser sent" not in panel.store.load("Risk 2026").tracked("kent_police").notes


def test_cancelling_the_dialog_writes_nothing(qtbot, panel, monkeypatch, tmp_path):
    monkeypatch.setattr(QtFollowUpDialog, "ask", classmethod(lambda cls, *a, **k: None))
    panel.select_forces(["the_met"])
    assert panel.write_follow_ups(FollowUpKind.CLARIFICATION) == []
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]


def test_clarification_carries_your_words(qtbot, panel, monkeypatch, tmp_path):
    out = tmp_path / "letters"
    monkeypatch.setattr(QtFollowUpDialog, "ask", classmethod(
        lambda cls, *a, **k: FollowUpChoice(out, "txt", "I mean any score given to a person.")))
    panel.select_forces(["the_met"])
    [path] = panel.write_follow_ups(FollowUpKind.CLARIFICATION)
    assert "I mean any score given to a person." in path.read_text("utf-8")


# -- recording, attaching, exporting ------------------------------------------------------------
def test_recording_an_answer_updates_the_row_and_the_file(qtbot, panel, store, monkeypatch):
    monkeypatch.setattr(QtRecordDialog, "ask", classmethod(lambda cls, parent, p, today: RecordChoice(
        Status.REFUSED, date(2027, 1, 5), "K/1", ["s31"], "")))
    panel.select_forces(["kent_police"])
    with qtbot.waitSignal(panel.campaign_changed):
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    [kent] = [p for p in panel.model.rows if p.force_id == "kent_police"]
    assert kent.status is Status.REFUSED and kent.reference == "K/1" and not kent.overdue
    assert store.load("Risk 2026").tracked("kent_police").sections == ["s31"]
    assert [p.force_id for p in panel.selected()] == ["kent_police"]  # the selection stays


def test_recording_something_impossible_is_explained(qtbot, panel, monkeypatch):
    monkeypatch.setattr(QtRecordDialog, "ask", classmethod(lambda cls, parent, p, today: RecordChoice(
        Status.CLARIFIED, date(2027, 1, 5), None, None, "")))
    panel.select_forces(["kent_police"])
    panel.record_selected()
    assert "has not asked for clarification" in panel.message.text()


def test_the_record_dialog_picks_dates_from_a_calendar_and_checks_sections(qtbot):
    from composer.campaign.deadlines import progress

    p = progress(_campaign().tracked("kent_police"), TODAY)
    dialog = QtRecordDialog(None, p, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.on.calendarPopup() and dialog.on.displayFormat() == "yyyy-MM-dd"
    assert dialog.on.date() == QDate(TODAY.year, TODAY.month, TODAY.day)
    dialog.status.setCurrentIndex(dialog.status.findData("refused"))
    dialog.on.setDate(QDate(2027, 1, 5))
    dialog.sections.setText("paragraph 3")
    dialog._accept()
    assert "not a section number" in dialog.problem.text() and not dialog.result()
    dialog.sections.setText("s31, s40(2)")
    choice = dialog.choice()
    assert choice == RecordChoice(Status.REFUSED, date(2027, 1, 5), None, ["s31", "s40(2)"], "")


def test_the_record_dialog_asks_for_the_extended_date_only_where_the_act_has_one(qtbot):
    from composer.campaign.deadlines import progress

    campaign = _campaign()
    kent = QtRecordDialog(None, progress(campaign.tracked("kent_police"), TODAY), TODAY)
    scotland = QtRecordDialog(None, progress(campaign.tracked("police_scotland"), TODAY), TODAY)
    for dialog in (kent, scotland):
        qtbot.addWidget(dialog)
    assert scotland.status.findData("extended") == -1  # FOISA has no public-interest extension
    assert kent.status.findData("extended") > 0 and kent.until.isHidden()
    kent.status.setCurrentIndex(kent.status.findData("extended"))
    assert not kent.until.isHidden()
    kent.on.setDate(QDate(2026, 12, 15))
    kent.until.setDate(QDate(2027, 1, 15))
    assert kent.choice() == RecordChoice(Status.EXTENDED, date(2026, 12, 15), None, None, "",
                                         until=date(2027, 1, 15))
    kent.status.setCurrentIndex(kent.status.findData("refused"))
    assert kent.choice().until is None  # a date typed for an extension is not kept for a refusal



def test_the_record_dialog_asks_when_a_force_waits_for_your_clarification_until(qtbot):
    # QA-S7: a force's "if we have not heard by …" date could be kept from a reply read, but not
    # typed in when recording a request for clarification by hand.
    from composer.campaign.deadlines import progress

    kent = QtRecordDialog(None, progress(_campaign().tracked("kent_police"), TODAY), TODAY)
    qtbot.addWidget(kent)
    kent.status.setCurrentIndex(kent.status.findData("clarification-asked"))
    assert not kent.until.isHidden() and kent.until_label.text() == "Reply by"
    kent.on.setDate(QDate(2026, 12, 10))
    kent.until.setDate(QDate(2027, 1, 15))
    assert kent.choice().until == date(2027, 1, 15)
    kent.status.setCurrentIndex(kent.status.findData("extended"))
    assert kent.until_label.text() == "Extended to"


@pytest.mark.parametrize(("until", "today", "overdue", "warned"), [
    (date(2027, 1, 15), date(2027, 1, 14), False, False),  # within 20 further working days
    (date(2027, 1, 15), date(2027, 1, 18), True, False),  # its own date has passed
    (date(2027, 2, 26), date(2027, 1, 25), True, True),  # beyond the ICO's 20 days, which have passed
])
def test_an_extension_moves_the_due_date_and_an_unreasonable_one_is_flagged(
        qtbot, panel, monkeypatch, until, today, overdue, warned):
    monkeypatch.setattr(QtRecordDialog, "ask", classmethod(lambda cls, parent, p, today: RecordChoice(
        Status.EXTENDED, date(2026, 12, 15), None, ["s31"], "", until=until)))
    panel.select_forces(["kent_police"])
    panel.record_selected()
    panel.set_today(today)
    [row] = [r for r in range(panel.model.rowCount()) if panel.model.progress_at(r).force_id == "kent_police"]
    due = panel.model.index(row, _column("Due")).data()
    tip = panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert due.endswith("(extended)") and "public interest test from 2026-12-21" in tip
    assert panel.model.progress_at(row).overdue is overdue
    assert ("\nwarning: " in tip) is warned


def confirm_as_read(monkeypatch, change=None):
    """The reply dialog, confirmed as it read the reply (after `change(dialog)`, if given)."""
    from composer.ui.qt_reply_dialog import QtReplyDialog

    def ask(cls, parent, **kwargs):
        dialog = cls(parent, **kwargs)
        if change:
            change(dialog)
        choice = dialog.choice()
        dialog.deleteLater()
        return choice

    monkeypatch.setattr(QtReplyDialog, "ask", classmethod(ask))


def test_attach_and_export(qtbot, panel, store, monkeypatch, tmp_path):
    response = tmp_path / "reply.txt"
    response.write_text("We refuse under section 31.", "utf-8")
    monkeypatch.setattr(QtPickFile, "ask_open", classmethod(lambda cls, *a: response))
    confirm_as_read(monkeypatch)
    panel.select_forces(["essex_police"])
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    essex = store.load("Risk 2026").tracked("essex_police")
    assert essex.attachments[0].file == "essex_police/reply.txt"
    assert essex.status is Status.REFUSED and essex.sections == ["s31"]  # read, then confirmed
    panel.document.undo_stack.undo()  # the reply and what it said go back in one step
    assert store.load("Risk 2026").tracked("essex_police").attachments == []
    report = tmp_path / "report.csv"
    monkeypatch.setattr(QtPickFile, "ask_save", classmethod(lambda cls, *a: report))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(report.read_text("utf-8-sig").splitlines()))
    assert {r["force_id"]: r["overdue"] for r in rows}["kent_police"] == "yes"
    assert "Report written" in panel.message.text()


def test_overdue_tint_follows_a_dark_palette(qapp):
    from composer.ui.qt import QColor, QPalette
    from composer.ui.qt_campaign_model import OVERDUE_TINT, _tinted

    original = qapp.palette()
    try:
        dark = QPalette(original)
        dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
        qapp.setPalette(dark)
        on_dark = _tinted(OVERDUE_TINT)
        assert on_dark.lightness() < 110 and on_dark.red() > on_dark.green()
        light = QPalette(original)
        light.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
        qapp.setPalette(light)
        on_light = _tinted(OVERDUE_TINT)
        assert on_light.lightness() > 180 and on_light.red() > on_light.green()
    finally:
        qapp.setPalette(original)


# -- replies read and confirmed; campaigns that appear on disk -----------------------------------
def test_a_pasted_reply_is_read_corrected_and_recorded_in_one_step(qtbot, panel, monkeypatch):
    from composer.ui.qt_reply_dialog import QtReplyDialog

    def paste_and_correct(dialog: QtReplyDialog):
        dialog.paste.setPlainText("Our ref: 01/FOI/77\n1. We do not hold this information.\n")
        assert dialog.kind.currentData() == "not-held"  # read as it was pasted
        assert dialog.reference.text() == "01/FOI/77"
        dialog.on.setDate(QDate(2027, 1, 4))
        dialog.parts.cellWidget(0, 1).setCurrentText("refused s31")  # the user corrects it
        dialog.kind.setCurrentIndex(dialog.kind.findData("refused"))
        dialog.sections.setText("s31")

    confirm_as_read(monkeypatch, paste_and_correct)
    panel.select_forces(["kent_police"])
    assert panel.paste_reply()
    kent = panel.store.load("Risk 2026").tracked("kent_police")
    assert kent.status is Status.REFUSED and kent.events[-1].on == date(2027, 1, 4)
    assert kent.reference == "01/FOI/77" and kent.sections == ["s31"]
    assert kent.attachments[0].parts == {"1": "refused s31"} and kent.attachments[0].kind == "refused"
    kept = panel.store.folder_for("Risk 2026") / kent.attachments[0].file
    assert "do not hold" in kept.read_text("utf-8")


def test_the_reply_dialog_shows_a_request_for_clarification(qtbot):
    from conftest import seed_text

    from composer.replies import force_letters
    from composer.ui.qt_reply_dialog import QtReplyDialog

    dialog = QtReplyDialog(None, force_name="Metropolitan Police Service", request=_campaign().request,
                           act=load_directory().get("the_met").act, today=TODAY,
                           text=force_letters(seed_text("003"))[1], file_name="reply.eml")
    qtbot.addWidget(dialog)
    assert dialog.paste.isHidden()  # read from a file: its words are not retyped here
    assert dialog.kind.currentData() == "clarification-asked"
    assert "predictive policing" in dialog.asked.text().lower()
    assert dialog.reference.text() == "2018030000615"
    dialog.parts.cellWidget(0, 1).setCurrentText("lost it")
    dialog._accept()
    assert "not what a force does" in dialog.problem.text() and not dialog.result()


def test_a_campaign_started_elsewhere_shows_at_once(qtbot, panel, store):
    assert panel.chooser.count() == 1
    other = new_campaign(name="Second", request=_campaign().request,
                         forces=load_directory().resolve("wmp"), sent=SENT).value
    store.create(other)  # as the command line would
    panel.document.apply("note", record, force_id="kent_police", note="called them")
    qtbot.waitUntil(lambda: panel.chooser.count() == 2, timeout=5000)
    assert panel.name == "Risk 2026"  # still showing the one chosen
    assert panel.document.undo_stack.canUndo()  # a new campaign elsewhere keeps this one's history
    store.update("Risk 2026", lambda c: record(c, force_id="the_met", status="answered",
                                               on=date(2027, 1, 5)))
    qtbot.waitUntil(lambda: panel.campaign.tracked("the_met").status is Status.ANSWERED, timeout=5000)


def test_a_reply_dropped_on_the_tab_is_read_for_the_selected_force(qtbot, panel, monkeypatch, tmp_path):
    from composer.ui.qt import QMimeData, QPoint, QUrl
    from composer.ui.qt import QDropEvent as Drop

    reply = tmp_path / "reply.txt"
    reply.write_text("Please find attached our response.", "utf-8")
    confirm_as_read(monkeypatch)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(reply))])

    def drop():
        event = Drop(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier)
        panel.dropEvent(event)

    panel.view.clearSelection()
    drop()
    assert "Select the force" in panel.message.text()
    panel.select_forces(["police_scotland"])
    drop()
    assert panel.store.load("Risk 2026").tracked("police_scotland").status is Status.ANSWERED


def test_the_follow_up_tab_is_worked_from_the_keyboard(qtbot, window, store, monkeypatch, tmp_path):
    # Its buttons had no Alt keys: a chaser for the late forces took the mouse or a long Tab walk.
    import re

    from composer.ui.qt import QAbstractButton, QLabel, QMenu

    window.show()
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: hasattr(window.campaign_panel, "buttons"))
    panel = window.campaign_panel
    panel.set_today(TODAY)
    window_keys = [re.findall(r"&([^&\s])", a.text())[0].lower() for a in window.menuBar().actions()]
    window_keys += [re.findall(r"&([^&\s])", window.tabs.tabText(i))[0].lower()
                    for i in range(window.tabs.count())]
    texts = [b.text() for b in panel.findChildren(QAbstractButton) if b.isVisibleTo(panel)]
    texts += [label.text() for label in panel.findChildren(QLabel) if label.buddy() is not None]
    keys = [re.findall(r"&([^&\s])", t) for t in texts]
    assert all(keys), [t for t, k in zip(texts, keys) if not k]  # every button has its key
    keys = [k[0].lower() for k in keys]
    assert len(keys) == len(set(keys)) and not set(keys) & set(window_keys), (keys, window_keys)
    assert not [m for m in window.findChildren(QMenu) if m.isVisible()]
    asked = []
    monkeypatch.setattr(QtFollowUpDialog, "ask", classmethod(
        lambda cls, parent, kind, forces, folder, fmt="docx": asked.append((kind, forces)) or None))
    panel.select_forces(["kent_police"])
    window.activateWindow()  # a shortcut works in the active window
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(panel.view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: asked != [])  # a button's key clicks it as the mouse would, on release
    assert asked == [(FollowUpKind.CHASER, ["Kent Police"])]


def test_a_long_title_or_campaign_name_does_not_widen_the_tab_past_the_screen(qtbot):
    """QA-S9: a campaign for a request with a long title (pasted whole: 3,000 characters) and an
    80-character name made the Follow up tab 14,901 pixels wide at its narrowest, so the window
    ran off any screen: the summary line did not wrap and the chooser grew to its longest entry."""
    title = "Live facial recognition and retrospective searches " * 60
    store = CampaignStore()
    store.create(new_campaign(name="C" * 80, request=Request(title=title, parts=[Part(text="Do you use one?")]),
                              forces=load_directory().resolve("kent_police"), sent=SENT).value)
    widget = QtCampaignPanel(store, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    assert title.strip()[:40] in widget.summary.text()  # said, if wrapped
    assert widget.minimumSizeHint().width() < 1000, widget.minimumSizeHint()


def test_opening_the_follow_up_tab_fits_its_columns_once(qtbot, window, monkeypatch):
    """Opening the tab resizes the table several times as the layout settles; the columns are
    fitted once, to the width it settles at, before it is painted (it was 5 times; see
    bench/bench_campaign.py's `fits`)."""
    from ui.every_window import campaign_store

    campaign_store()
    fitted = []
    fit = QtCampaignPanel._fit_columns
    monkeypatch.setattr(QtCampaignPanel, "_fit_columns", lambda panel: (fitted.append(
        panel.view.viewport().width()), fit(panel)))
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    window.tabs.setCurrentIndex(1)
    panel = window.campaign_panel
    qtbot.waitUntil(lambda: bool(fitted) and not panel._unfitted)
    QApplication.processEvents()
    assert fitted == [panel.view.viewport().width()]
    header = panel.view.horizontalHeader()
    assert header.length() <= panel.view.viewport().width() + 1  # fitted: nothing runs off
    window.resize(1000, 800)  # a narrower window: fitted again, once
    qtbot.waitUntil(lambda: len(fitted) == 2)
    QApplication.processEvents()
    assert fitted[1:] == [panel.view.viewport().width()]


def test_a_force_one_working_day_late_is_one_day_late_in_words():
    """QA-S12: the line under the table said "Kent Police: sent · next: … (1 working day late) ·
    1 working days late"."""
    model = CampaignTableModel(_campaign(), date(2026, 12, 22))  # Kent's answer was due 2026-12-21
    rows = {model.progress_at(r).force_id: r for r in range(model.rowCount())}
    kent = model.index(rows["kent_police"], _column("Status"))
    assert model.progress_at(rows["kent_police"]).late_by == 1
    assert "\n1 working day late" in kent.data(Qt.ItemDataRole.ToolTipRole)
    assert "1 working days" not in kent.data(Qt.ItemDataRole.ToolTipRole)


def test_the_row_the_keyboard_lands_on_is_the_one_worked_on(qtbot, panel):
    """QA-S12, keyboard only: "Kent" typed in the filter, Tab into the table: the line under it named
    Kent Police, but nothing was selected, so Chaser…, Record… and Paste reply… stayed greyed."""
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "Kent")
    assert _shown(panel) == ["Kent Police"]
    panel.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.view.hasFocus)
    assert "Kent Police" in panel.chosen.text()
    assert [p.force_id for p in panel.selected()] == ["kent_police"]
    assert panel.record_button.isEnabled() and panel.paste_button.isEnabled()


def test_the_line_under_the_table_follows_the_campaign_shown(qtbot, panel):
    """QA-S12: another campaign chosen in the Follow up tab, the line under the table still said
    the first campaign's "Metropolitan Police Service: sent · next: the answer is due by …" beside
    the second's row for the Met, which it had answered; a reply recorded left it stale too."""
    from datetime import timedelta

    later = new_campaign(name="Later 2026", request=Request(title="Later", parts=[Part(text="Do you use one?")]),
                         forces=load_directory().resolve("the_met,kent_police"), sent=SENT).value
    later = record(later, force_id="the_met", status="answered", on=SENT + timedelta(days=3)).value
    panel.store.create(later)
    panel.reload("Risk 2026")
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_forces(["kent_police"])
    assert panel.chosen.text().startswith("Kent Police: ")
    said = panel.chosen.text()
    panel.document.apply("answered", record, force_id="kent_police", status="answered", on=SENT + timedelta(days=5))
    qtbot.waitUntil(lambda: panel.chosen.text() != said)
    assert panel.chosen.text().startswith("Kent Police: answered")
    panel.chooser.setCurrentIndex(panel.chooser.findText("Later 2026"))
    qtbot.waitUntil(lambda: panel.name == "Later 2026")
    shown = panel.view.currentIndex()
    assert panel.chosen.text() == ((shown.data(Qt.ItemDataRole.ToolTipRole) or "").replace("\n", " · ")
                                   if shown.isValid() else "")
    assert "Kent Police: answered" not in panel.chosen.text()
