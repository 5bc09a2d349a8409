"""The editor for the selected part: its wording, when it is asked, its rank, what it asks for.

Every keystroke goes through `QtDocument.edit()` (typing merges into one undo step per part),
and the editor redraws from the document, so undo, a checker fix and the outline all show the
same text; Ctrl+Z is the app's undo (see `QtTextBox`).
"""

from __future__ import annotations

from composer.law import FIELD_CLOSE, FIELD_OPEN, field_in_words, fields_as_words, words_as_fields
from composer.model import FIELD_PATTERN
from composer.operations import request as ops
from composer.ui.qt import (
    QCheckBox,
    QColor,
    QComboBox,
    QFormLayout,
    QLabel,
    QPalette,
    QPushButton,
    QSpinBox,
    QSyntaxHighlighter,
    Qt,
    QTextCursor,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_access import quiet, towards
from composer.ui.qt_document import QtDocument
from composer.ui.qt_text_box import QtTextBox

FIELD_HELP = {
    "force_name": "each letter's force by name",
    "force_short_name": "each letter's force by its short name",
    "act_name": "the Act that force answers under",
    "act": "FOIA or FOISA, as fits the force",
    "system_name": "the name under Request › System name",
    "period_start": "the first day of the reporting period",
    "period_end": "the last day of that period",
}


def field_tint(palette: QPalette) -> QColor:
    """The background a field shown in words is drawn on: a quarter of the way from the base
    colour to the highlight."""
    base = palette.color(QPalette.ColorRole.Base)
    mark = palette.color(QPalette.ColorRole.Highlight)
    return towards(base, mark, 0.25)


class QtFieldHighlighter(QSyntaxHighlighter):
    """Fields, shown in words, on a tint of the palette's highlight colour."""

    def __init__(self, box: QtTextBox) -> None:
        super().__init__(box.document())
        self._box = box
        self._tint = None  # made for the first field drawn: an empty box needs no format

    @property
    def tint(self):
        if self._tint is None:
            from composer.ui.qt import QTextCharFormat

            self._tint = QTextCharFormat()
            self._tint.setBackground(field_tint(self._box.palette()))
        return self._tint

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        start = text.find(FIELD_OPEN)
        while start >= 0:
            end = text.find(FIELD_CLOSE, start)
            if end < 0:
                break
            self.setFormat(start, end - start + 1, self.tint)
            start = text.find(FIELD_OPEN, end)


CONDITION_CHOICES = [
    (None, "Always"),
    ("if_yes", "Only if the answer is yes"),
    ("if_no", "Only if the answer is no"),
]


class QtPartEditor(QWidget):
    startRequested = Signal()  # "Start a new request…", shown while the request has no parts

    def __init__(self, document: QtDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.part_id: str | None = None
        self._shown_from = ""  # the part's text as last put in the box

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.start_button = QPushButton("Start a &new request…", self)
        self.start_button.setToolTip("Asks what you want to know and writes the questions (Ctrl+N)")
        self.start_button.clicked.connect(self.startRequested)
        self.text = QtTextBox(self)
        self.text.setAccessibleName("Question text")
        self.highlighter = QtFieldHighlighter(self.text)
        self.text.setPlaceholderText("Type the question as the force should read it.")
        self.condition = QComboBox(self)
        self.condition.setAccessibleName("When the part is asked")
        for _, label in CONDITION_CHOICES:
            self.condition.addItem(label)
        self.priority = QSpinBox(self)
        self.priority.setRange(0, 99)
        self.priority.setSpecialValueText("not ranked")
        self.priority.setAccessibleName("Priority for the cost limit")
        self.priority.setToolTip("1 is wanted most: ranked parts come first in the letter, so if the "
                                 "cost limit is reached the force answers them first.")
        self.dataset = QCheckBox("Asks for statistics or records (a dataset)", self)
        self.dataset.setAccessibleName("Asks for a dataset")
        self.fields_note = QLabel(self)
        self.fields_note.setWordWrap(True)
        quiet(self.fields_note)
        self.in_format = QCheckBox("The format preference names this part", self)
        self.in_format.setAccessibleName("Format preference names this part")

        form = QFormLayout()
        when = QLabel("&Asked:", self)
        when.setBuddy(self.condition)
        form.addRow(when, self.condition)
        rank = QLabel("Priorit&y:", self)
        rank.setBuddy(self.priority)
        form.addRow(rank, self.priority)
        form.addRow(self.dataset)
        form.addRow(self.in_format)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.fields_note)
        layout.addLayout(form)

        self.text.textChanged.connect(self._text_edited)
        self.condition.activated.connect(self._condition_chosen)
        self.priority.valueChanged.connect(self._priority_set)
        self.dataset.toggled.connect(self._dataset_set)
        self.in_format.toggled.connect(self._format_set)
        document.changed.connect(self.refresh)
        self.refresh()

    def show_part(self, part_id: str | None) -> None:
        if part_id != self.part_id:
            self.part_id = part_id
            self.refresh(moved=True)

    def refresh(self, moved: bool = False) -> None:
        request = self.document.request
        part = request.find(self.part_id) if self.part_id else None
        controls = (self.text, self.condition, self.priority, self.dataset, self.in_format)
        for control in controls:
            control.setEnabled(part is not None)
            control.blockSignals(True)
        try:
            empty = not request.parts
            self.start_button.setVisible(empty)
            if part is None:
                self.heading.setText(
                    "This request has no parts yet. The new-request wizard asks what you want to "
                    "know and writes the questions; or add a part yourself (Ctrl+Return)."
                    if empty else "Select a part in the outline, or add one (Ctrl+Return).")
                self.fields_note.hide()
                self.text.setPlainText("")
                return
            sub = ops.parent_of(request, part.id) is not None
            number = request.number_of(part.id)
            kind = "Sub-part" if sub else "Part"
            self.heading.setText(f"<b>{kind} {number}</b>")
            if self.text.toPlainText() != fields_as_words(part.text) or moved:
                self._set_text(part.text, keep_cursor=not moved)
            self._note_fields(part.text)
            self.condition.setCurrentIndex([c for c, _ in CONDITION_CHOICES].index(part.condition))
            self.priority.setEnabled(not sub)
            self.priority.setValue(part.priority or 0)
            self.dataset.setChecked(part.dataset)
            self.in_format.setEnabled(request.options.answer_format is not None)
            self.in_format.setChecked(part.id in request.options.format_parts)
        finally:
            for control in controls:
                control.blockSignals(False)

    def _note_fields(self, text: str) -> None:
        names = list(dict.fromkeys(FIELD_PATTERN.findall(text)))
        self.fields_note.setVisible(bool(names))
        if names:
            meanings = "; ".join(f"“{field_in_words(n)}” is {FIELD_HELP.get(n, 'a value of the request')}"
                                 for n in names)
            self.fields_note.setText(f"Filled in for each letter: {meanings}.")

    def _typed(self) -> str:
        """The text in the box as the request keeps it: the fields shown in words back in braces."""
        known = [*self.document.request.fields, *FIELD_PATTERN.findall(self._shown_from)]
        return words_as_fields(self.text.toPlainText(), known)

    def _set_text(self, text: str, keep_cursor: bool) -> None:
        position = self.text.textCursor().position()
        self._shown_from = text
        shown = fields_as_words(text)
        self.text.setPlainText(shown)
        if keep_cursor:
            cursor = self.text.textCursor()
            cursor.setPosition(min(position, len(shown)))
            self.text.setTextCursor(cursor)
        else:
            self.text.moveCursor(QTextCursor.MoveOperation.End)

    def focus_text(self) -> None:
        self.text.setFocus()
        self.text.moveCursor(QTextCursor.MoveOperation.End)

    # -- user edits -------------------------------------------------------------------------------
    def _text_edited(self) -> None:
        if self.part_id:
            self.document.edit("Typing", ops.set_text, part_id=self.part_id, text=self._typed(),
                               merge_key=f"text:{self.part_id}")

    def _condition_chosen(self, row: int) -> None:
        if self.part_id:
            self.document.edit("Change when asked", ops.set_condition, part_id=self.part_id,
                               condition=CONDITION_CHOICES[row][0])

    def _priority_set(self, value: int) -> None:
        if self.part_id:
            self.document.edit("Set priority", ops.set_priority, part_id=self.part_id, priority=value or None,
                               merge_key=f"priority:{self.part_id}")

    def _dataset_set(self, checked: bool) -> None:
        if self.part_id:
            self.document.edit("Mark as dataset", ops.set_dataset, part_id=self.part_id, dataset=checked)

    def _format_set(self, checked: bool) -> None:
        if self.part_id:
            self.document.edit("Format preference", ops.set_format_part, part_id=self.part_id,
                               wanted=checked)
