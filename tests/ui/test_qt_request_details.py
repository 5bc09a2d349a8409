"""The request panel: the introduction shows its fields in words, as the part editor does, and
keeps them as fields in the request."""

from __future__ import annotations

from composer.law import field_in_words
from composer.model import Part, Request
from composer.operations.request import set_title
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


def test_a_fitted_title_shows_its_fields_in_words_and_keeps_them_when_typed_in(qtbot):
    """QA-S6: fitting now fits the title ("Does {force_name} use …"); the title box showed the
    braces where the introduction below it shows words."""
    document, details = panel(qtbot)
    document.edit("Fit", set_title, title="Does {force_name} use it?")
    assert details.title.text() == f"Does \u2068{field_in_words('force_name')}\u2069 use it?"
    details.title.end(False)
    qtbot.keyClicks(details.title, " Now")
    assert document.request.title == "Does {force_name} use it? Now"
    assert details.title.cursorPosition() == len(details.title.text())
