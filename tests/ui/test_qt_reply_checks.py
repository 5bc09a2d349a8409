"""The campaign tab and preview as QA found them: a reply attached twice, a reply dated before the
request, the next step readable at 1024x700, and the preview without a force in words."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import seed_text

from composer.campaign.store import CampaignStore
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record
from composer.ui.qt_campaign import QtCampaignPanel
from composer.ui.qt_campaign_dialogs import QtAttachAgain
from composer.ui.qt_campaign_model import COLUMNS
from composer.ui.qt_document import QtDocument
from composer.ui.qt_preview import QtPreview
from composer.ui.qt_reply_dialog import QtReplyDialog
from ui.test_qt_campaign import confirm_as_read

SENT = date(2026, 11, 20)  # due 2026-12-21
TODAY = date(2026, 12, 22)


def _campaign():
    c = new_campaign(name="Risk 2026", request=Request(title="Risk scoring", parts=[Part(text="Do you use one?")]),
                     forces=load_directory().resolve("hampshire_police,kent_police,essex_police,the_met"),
                     sent=SENT).value
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 18),
               until=date(2027, 1, 15)).value
    c = record(c, force_id="essex_police", status="answered", on=date(2026, 12, 3)).value
    return record(c, force_id="the_met", status="clarification-asked", on=date(2026, 11, 25),
                  reference="2018030000615").value


@pytest.fixture
def store():
    s = CampaignStore()
    s.create(_campaign())
    return s


@pytest.fixture
def panel(qtbot, store, monkeypatch):
    confirm_as_read(monkeypatch)
    widget = QtCampaignPanel(store, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def test_a_reply_attached_again_is_recorded_only_if_the_user_says_so(panel, store, monkeypatch, tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_text("We refuse under section 31.", "utf-8")
    assert panel.attach_file("kent_police", reply)
    asked: list[str] = []

    def answer(value):
        def ask(cls, parent, where):
            asked.append(where)
            return value
        monkeypatch.setattr(QtAttachAgain, "ask", classmethod(ask))

    answer(False)
    copy = tmp_path / "same words.txt"
    copy.write_bytes(reply.read_bytes())
    assert not panel.attach_file("kent_police", copy)
    assert "already attached to Kent Police as kent_police/reply.txt" in asked[0]
    assert "already attached" in panel.message.text()
    item = store.load("Risk 2026").tracked("kent_police")
    assert len(item.attachments) == 1 and len(item.history) == 3
    assert sorted(p.name for p in (store.folder_for("Risk 2026") / "kent_police").iterdir()) == ["reply.txt"]

    answer(True)
    assert panel.attach_file("kent_police", copy)
    assert len(store.load("Risk 2026").tracked("kent_police").attachments) == 2

    other = tmp_path / "new.txt"
    other.write_text("We refuse under section 40(2).", "utf-8")
    asked.clear()
    assert panel.attach_file("kent_police", other) and asked == []  # a new reply asks nothing


def test_the_confirm_step_warns_of_a_reply_dated_before_the_request(qtbot):
    request = _campaign().request
    dialog = QtReplyDialog(None, force_name="Metropolitan Police Service", request=request,
                           act=load_directory().get("the_met").act, today=TODAY, sent=SENT,
                           text=seed_text("003"), file_name="003.txt")
    qtbot.addWidget(dialog)
    assert not dialog.warning.isHidden()
    assert "received 2018-03-16" in dialog.warning.text()
    assert "before the request was sent to Metropolitan Police Service on 2026-11-20" in dialog.warning.text()
    dialog.paste.setPlainText("Date: 3 December 2026\nThe information is not held.")
    assert dialog.warning.isHidden()


def test_a_part_written_over_several_lines_is_one_line_in_the_parts_table(qtbot):
    request = Request(title="t", parts=[Part(text="Please disclose the reports sent to the NPCC.\nI appreciate "
                                                  "that names will be redacted.")])
    dialog = QtReplyDialog(None, force_name="Metropolitan Police Service", request=request,
                           act=load_directory().get("the_met").act, today=TODAY, sent=SENT)
    qtbot.addWidget(dialog)
    shown = dialog.parts.item(0, 0).text()
    assert shown == "1. Please disclose the reports sent to the NPCC. I appreciate that names will be redacted."


def _widths(qtbot, panel, width: int) -> dict[str, int]:
    """The campaign table's column widths, by title, in a panel `width` pixels wide."""
    panel.resize(width, 700)
    with qtbot.waitExposed(panel):
        panel.show()
    header = panel.view.horizontalHeader()
    return {title: header.sectionSize(i) for i, (title, _) in enumerate(COLUMNS)}


def test_the_next_step_has_the_room_at_1024_by_700(qtbot, panel):
    widths = _widths(qtbot, panel, 1024)
    header = panel.view.horizontalHeader()
    titles = [t for t, _ in COLUMNS]
    longest = max((panel.proxy.index(r, titles.index("Next")).data() for r in range(panel.proxy.rowCount())),
                  key=len)
    room = panel.view.fontMetrics().horizontalAdvance(longest) // 2  # two lines at most
    assert widths["Next"] >= room, widths
    assert widths["Next"] == max(widths.values()), widths
    assert header.length() <= panel.view.viewport().width() + 1  # nothing runs off to the right
    metrics = panel.view.fontMetrics()  # a reference (one word) and a status's longer word are whole
    assert widths["Reference"] > metrics.horizontalAdvance("2018030000615"), widths
    assert widths["Status"] > metrics.horizontalAdvance("(public interest)"), widths


def test_a_wide_window_wraps_nothing_it_need_not(qtbot, panel):
    widths = _widths(qtbot, panel, 1600)
    header = panel.view.horizontalHeader()
    titles = [t for t, _ in COLUMNS]
    metrics = panel.view.fontMetrics()
    assert widths["Due"] > metrics.horizontalAdvance("replied 2026-12-03")
    assert widths["Force"] > metrics.horizontalAdvance("Hampshire and Isle of Wight Constabulary")
    panel.resize(1024, 700)  # and narrowed again, the next step keeps its room (fitted before it is painted)
    qtbot.waitUntil(lambda: header.length() <= panel.view.viewport().width() + 1
                    and header.sectionSize(titles.index("Due")) < metrics.horizontalAdvance("replied 2026-12-03"))


def test_the_next_step_says_by_when_as_the_command_line_does(panel):
    titles = [t for t, _ in COLUMNS]
    assert "By" not in titles  # its date is in the next step's words (it repeated Due)
    rows = {panel.model.progress_at(r).force_id: r for r in range(panel.model.rowCount())}
    next_step = panel.model.index(rows["essex_police"], titles.index("Next"))
    assert next_step.data() == "if not satisfied, ask for an internal review by 2027-02-03"
    late = panel.model.index(rows["hampshire_police"], titles.index("Next")).data()
    assert late == "the answer is late: send a chaser (1 working day late)"
    shown = [panel.proxy.index(r, titles.index("Force")).data() for r in range(panel.proxy.rowCount())]
    assert shown[0] == "Hampshire and Isle of Wight Constabulary"  # sorted by the next step's date: most pressing first


def test_a_force_that_replied_shows_its_reply_date_as_the_command_line_does(panel):
    titles = [t for t, _ in COLUMNS]
    rows = {panel.model.progress_at(r).force_id: r for r in range(panel.model.rowCount())}
    assert panel.model.index(rows["essex_police"], titles.index("Due")).data() == "replied 2026-12-03"
    assert panel.model.index(rows["hampshire_police"], titles.index("Due")).data() == "2026-12-21"


def test_the_preview_without_a_force_reads_fields_in_words(qtbot):
    document = QtDocument(Request(title="Bias", introduction="I write under the {act_name}.", parts=[
        Part(id="a", text="Does {force_name} use a risk score?", subparts=[
            Part(id="a1", text="How does it meet {force_name_possessive} {equality_duty_bare}?")])]))
    preview = QtPreview(document)
    qtbot.addWidget(preview)
    shown = preview.text.toPlainText()
    assert "{" not in shown
    assert "I write under the Act." in shown
    assert "1. Does the force use a risk score?" in shown
    assert "How does it meet the force's equality duty?" in shown
    preview.show_part("a1")
    (selection,) = preview.text.extraSelections()
    assert selection.cursor.selectedText() == "1a. How does it meet the force's equality duty?"


def test_a_letter_named_at_start_up_is_fitted_as_opening_it_is(qtbot, tmp_path):
    from composer.ui.app import build_window

    letter = tmp_path / "met.txt"
    letter.write_text(seed_text("003"), encoding="utf-8")
    window, _notes = build_window(letter)
    qtbot.addWidget(window)
    assert window.document.request.parts[0].text.startswith(
        "Please disclose the name of each company {force_name}")
    assert len(window.fit_changes.changes) == 5  # listed, each with its undo
    window.document.undo_stack.undo()  # the fit is one step
    assert "{force_name}" not in window.document.request.parts[0].text
    window.document.load(Request(title="Closed"), None)  # nothing unsaved to ask about on closing


def test_a_reply_pasted_twice_asks_before_it_is_recorded_again(panel, store, monkeypatch):
    from composer.replies import ReplyReading
    from composer.ui.qt_reply_dialog import ReplyChoice

    words = "Thank you for your request, which will now be considered."
    monkeypatch.setattr(QtReplyDialog, "ask", classmethod(
        lambda cls, *a, **k: ReplyChoice(ReplyReading(None), date(2026, 11, 23), words)))
    asked: list[str] = []
    monkeypatch.setattr(QtAttachAgain, "ask", classmethod(lambda cls, parent, where: asked.append(where)))
    panel.select_forces(["hampshire_police"])
    assert panel.paste_reply() and asked == []
    assert not panel.paste_reply()
    assert "already attached to Hampshire and Isle of Wight Constabulary" in asked[0]
    assert len(store.load("Risk 2026").tracked("hampshire_police").attachments) == 1


def test_a_long_next_step_is_shown_whole_with_its_date_on_a_narrow_table(qtbot, store):
    # Police Scotland after its review: "if still not satisfied, apply to the Scottish Information
    # Commissioner by 2027-08-03" needed three lines; the row had room for two and showed
    # "… Commissioner by ..." without the date (at 1024 pixels, with long names and references
    # in the other columns; here the table is made narrow enough for three lines).
    from composer.ui.qt import QRect, Qt
    from composer.ui.qt_campaign import QtCampaignPanel

    from composer.operations.campaign import add_forces

    c = add_forces(store.load("Risk 2026"), forces=load_directory().resolve("police_scotland"), sent=SENT).value
    for status, on in (("refused", date(2026, 11, 27)), ("review-asked", date(2026, 12, 1)),
                       ("review-answered", date(2026, 12, 15))):
        c = record(c, force_id="police_scotland", status=status, on=on).value
    store.save(c)
    panel = QtCampaignPanel(store, today=TODAY)
    qtbot.addWidget(panel)
    _widths(qtbot, panel, 820)
    titles = [t for t, _ in COLUMNS]
    rows = {panel.proxy.index(r, 0).data(): r for r in range(panel.proxy.rowCount())}
    row = rows["Police Scotland"]
    text = panel.proxy.index(row, titles.index("Next")).data()
    assert text.endswith("Scottish Information Commissioner by 2027-06-15")
    width = panel.view.columnWidth(titles.index("Next")) - 8  # the cell's margins
    needed = panel.view.fontMetrics().boundingRect(QRect(0, 0, width, 10_000),
                                                   Qt.TextFlag.TextWordWrap, text).height()
    assert panel.view.rowHeight(row) >= needed > 2 * panel.view.fontMetrics().lineSpacing()


def test_a_long_file_name_does_not_widen_the_reply_dialog_past_the_screen(qtbot):
    """QA-S9: "Read from FOI_2026_1234_Response_…pdf." wraps only at spaces, so a long file name
    with none (forces' and WhatDoTheyKnow's often use underscores) made the dialog 1,933 pixels
    wide at its narrowest: its buttons off a laptop screen."""
    name = "FOI_2026_001234_Response_Letter_" + "Predictive_Policing_Systems_" * 12 + "Final.pdf"
    dialog = QtReplyDialog(None, force_name="Metropolitan Police Service", request=_campaign().request,
                           act=load_directory().get("the_met").act, today=TODAY, sent=SENT,
                           text=seed_text("003"), file_name=name)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.minimumSizeHint().width() < 1000, dialog.minimumSizeHint()
    assert name in dialog.toolTip() or any(name in w.toolTip() for w in dialog.findChildren(type(dialog.warning)))
