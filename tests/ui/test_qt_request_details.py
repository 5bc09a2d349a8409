"""The request panel: the introduction shows its fields in words, as the part editor does, and
keeps them as fields in the request."""

from __future__ import annotations

from composer.law import field_in_words
from composer.model import Part, Request
from composer.ui.qt_document import QtDocument
from composer.ui.qt_request_details import QtRequestDetails


def panel(qtbot) -> tuple[QtDocument, QtRequestDetails]:
    document = QtDocument(Request(title="Bias", introduction="I write to {force_name} under the {act_name}.",
                                  parts=[Part(id="p1", text="Does the force use a risk score?")]))
    details = QtRequestDetails(document)
    qtbot.addWidget(details)
    return document, details


def test_the_introduction_shows_fields_in_words_not_braces(qtbot):
    _, details = panel(qtbot)
    shown = details.introduction.toPlainText()
    assert "{" not in shown and "}" not in shown
    assert field_in_words("force_name") in shown and "under the \u2068Act's name" in shown


def test_typing_in_the_introduction_keeps_its_fields(qtbot):
    document, details = panel(qtbot)
    details.introduction.moveCursor(details.introduction.textCursor().MoveOperation.End)
    qtbot.keyClicks(details.introduction, " Thank you.")
    assert document.request.introduction == "I write to {force_name} under the {act_name}. Thank you."
    assert details.introduction.textCursor().position() == len(details.introduction.toPlainText())
    document.undo_stack.undo()
    assert document.request.introduction == "I write to {force_name} under the {act_name}."
