"""The record-a-reply dialog with a reply that only points to its answer in an attachment (session 12)."""

from __future__ import annotations

from datetime import date

from test_reply_reading_s12 import POINTER, QUOTED, _drones

from composer.model import Act
from composer.replies import ReplyKind
from composer.ui.qt_reply_dialog import QtReplyDialog


def _dialog(qtbot, text: str) -> QtReplyDialog:
    dialog = QtReplyDialog(None, force_name="Kent Police", request=_drones(), act=Act.FOIA,
                           today=date(2026, 11, 25), sent=date(2026, 11, 2), text=text)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_says_the_answer_is_in_an_attachment_not_read(qtbot):
    dialog = _dialog(qtbot, POINTER.format(quoted=QUOTED, pointer="Please find attached our response."))
    assert dialog.kind.currentData() == ReplyKind.ANSWERED.value
    assert not dialog.unread.isHidden()
    assert "attachment this reply only points to" in dialog.unread.text()
    assert {dialog.parts.cellWidget(row, 1).currentText() for row in range(4)} == {"not said"}
    chosen = dialog.choice().reading
    assert chosen.unread and chosen.parts == {}
    # pasted over with the answer in words, the note goes
    dialog.paste.setPlainText("Dear Jo Tester,\n\n1. Six.\n2. £41,000.\n3. Not held.\n4. Not held.\n")
    assert dialog.unread.isHidden() and not dialog.choice().reading.unread
