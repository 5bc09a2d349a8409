"""The record-a-reply dialog with a late force's "do you still want it?" letter (session 11)."""

from __future__ import annotations

from datetime import date

from test_reply_reading_s11 import STILL_WANTED

from composer.forces import load_directory
from composer.model import Part, Request
from composer.replies import ReplyKind
from composer.ui.qt_reply_dialog import QtReplyDialog


def test_the_dialog_names_the_kind_and_the_day_to_answer_by(qtbot):
    request = Request(title="Risk scoring", parts=[Part(text="Do you use one?")])
    dialog = QtReplyDialog(None, force_name="Kent Police", request=request,
                           act=load_directory().get("kent_police").act, today=date(2027, 2, 15),
                           sent=date(2026, 11, 20), text=STILL_WANTED)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == ReplyKind.STILL_WANTED.value
    assert dialog.kind.currentText() == "asks whether you still want it"
    assert not dialog.asked.isHidden()
    assert "whether you still want the information" in dialog.asked.text()
    assert dialog.asked.text().endswith("(reply by 26 February 2027)")
    chosen = dialog.choice().reading
    assert chosen.kind is ReplyKind.STILL_WANTED and chosen.dates["reply_by"] == date(2027, 2, 26)
