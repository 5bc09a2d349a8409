"""The request as a whole: its title, the system's name, an introduction, the reporting period,
the format wanted and the cost-limit clause. Edits go through the document like every other change."""

from __future__ import annotations

from datetime import date

from composer.law import fields_as_words, words_as_fields
from composer.dates import MONTHS
from composer.model import FIELD_PATTERN, AnswerFormat
from composer.operations import request as ops
from composer.ui.qt import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget
from composer.ui.qt_dates import NOT_SET, date_edit, date_of, set_date
from composer.ui.qt_document import QtDocument
from composer.ui.qt_part_editor import QtFieldHighlighter
from composer.ui.qt_text_box import QtTextBox

FORMAT_CHOICES = [
    (None, "No preference"),
    (AnswerFormat.CSV, "CSV (re-usable, best for statistics)"),
    (AnswerFormat.SPREADSHEET, "Spreadsheet"),
    (AnswerFormat.PDF, "PDF"),
]


def day_in_words(text: str) -> date | None:
    """`1 January 2021` (as the request keeps a period's ends) -> a date; None for other text."""
    words = text.split()
    try:
        return date(int(words[2]), MONTHS.index(words[1].capitalize()) + 1, int(words[0]))
    except (IndexError, ValueError):
        return None


def period_of(request) -> tuple[date | None, date | None]:
    """The request's reporting period as dates (None where it has none, or it is written in
    words a date cannot be read from)."""
    return (day_in_words(request.fields.get("period_start", "")),
            day_in_words(request.fields.get("period_end", "")))


class QtRequestDetails(QWidget):
    def __init__(self, document: QtDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.title = QLineEdit(self)
        self.title.setAccessibleName("Request title")
        self.system_name = QLineEdit(self)
        self.system_name.setAccessibleName("System name")
        self.system_name.setPlaceholderText("if known, e.g. the Violence Harm Assessment")
        self.system_name.setToolTip("The name every part that asks about “the system” uses; "
                                    "leave it empty and they say “the system”")
        self.introduction = QtTextBox(self)
        self.introduction.setAccessibleName("Introduction")
        self._intro_from = ""  # the introduction as last put in the box, its fields in braces
        self._intro_marks = QtFieldHighlighter(self.introduction)
        self.introduction.setPlaceholderText("Optional: a sentence before the numbered parts.")
        self.introduction.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.answer_format = QComboBox(self)
        self.answer_format.setAccessibleName("Format preference")
        for _, label in FORMAT_CHOICES:
            self.answer_format.addItem(label)
        self.period_start = date_edit(None, self, unset="not set")
        self.period_start.setAccessibleName("Reporting period: from")
        self.period_end = date_edit(None, self, unset="not set")
        self.period_end.setAccessibleName("Reporting period: to")
        for box in (self.period_start, self.period_end):
            box.setToolTip("The period every part that asks for figures is about; change it here "
                           "and every such part follows")
        period = QHBoxLayout()
        period.addWidget(self.period_start)
        period.addWidget(QLabel("to", self))
        period.addWidget(self.period_end)
        period.addStretch(1)
        self.cost_clause = QCheckBox("As&k the force to answer in order if the cost limit is reached",
                                     self)
        self.cost_clause.setAccessibleName("Cost-limit clause")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for text, widget in (("&Title:", self.title), ("&System name:", self.system_name),
                             ("&Introduction:", self.introduction), ("For&mat:", self.answer_format)):
            form.addRow(text, widget)  # a label with the field as its buddy
        period_label = QLabel("Reportin&g period:", self)
        period_label.setBuddy(self.period_start)
        form.addRow(period_label, period)
        form.addRow(self.cost_clause)

        self.title.textEdited.connect(self._title_edited)
        self.system_name.textEdited.connect(
            lambda text: document.edit("Edit system name", ops.set_field, name="system_name", value=text,
                                       merge_key="system_name"))
        self.introduction.textChanged.connect(self._intro_edited)
        self.answer_format.activated.connect(
            lambda row: document.edit("Format preference", ops.set_answer_format,
                                      fmt=FORMAT_CHOICES[row][0]))
        self.cost_clause.toggled.connect(
            lambda on: document.edit("Cost-limit clause", ops.set_cost_limit_clause, wanted=on))
        self.period_start.dateChanged.connect(self._period_edited)
        self.period_end.dateChanged.connect(self._period_edited)
        document.changed.connect(self.refresh)
        self.refresh()

    def _period_edited(self, _day=None) -> None:
        start, end = date_of(self.period_start), date_of(self.period_end)
        if start is None or end is None:  # one end chosen: the other starts at the bank's default
            from composer.bank import default_period

            first, last = (day_in_words(d) for d in default_period())
            start, end = start or min(first, end or first), end or max(last, start or last)
        self.document.edit("Reporting period", ops.set_period, start=start, end=end,
                           merge_key="period")

    def _title_edited(self, text: str) -> None:
        """Fields in the title (a fitted one: "Does {force_name} use …") show in words too."""
        known = [*self.document.request.fields, *FIELD_PATTERN.findall(self.document.request.title)]
        self.document.edit("Edit title", ops.set_title, title=words_as_fields(text, known), merge_key="title")

    def _intro_edited(self) -> None:
        """The box shows fields in words, as the part editor does; the request keeps them as fields."""
        known = [*self.document.request.fields, *FIELD_PATTERN.findall(self._intro_from)]
        self.document.edit("Edit introduction", ops.set_introduction,
                           text=words_as_fields(self.introduction.toPlainText(), known),
                           merge_key="introduction")

    def refresh(self) -> None:
        request = self.document.request
        title = fields_as_words(request.title)
        if self.title.text() != title:
            position = self.title.cursorPosition()
            self.title.setText(title)
            self.title.setCursorPosition(min(position, len(title)))
        system = request.fields.get("system_name", "")
        if self.system_name.text() != system:
            self.system_name.setText(system)
        for box, day in zip((self.period_start, self.period_end), period_of(request), strict=True):
            if date_of(box) != day:
                box.blockSignals(True)
                set_date(box, day or NOT_SET)
                box.blockSignals(False)
        intro = request.introduction or ""
        shown = fields_as_words(intro)
        if self.introduction.toPlainText() != shown:
            position = self.introduction.textCursor().position()
            self._intro_from = intro
            self.introduction.blockSignals(True)
            self.introduction.setPlainText(shown)
            cursor = self.introduction.textCursor()
            cursor.setPosition(min(position, len(shown)))
            self.introduction.setTextCursor(cursor)
            self.introduction.blockSignals(False)
        self.answer_format.setCurrentIndex(
            [fmt for fmt, _ in FORMAT_CHOICES].index(request.options.answer_format))
        self.cost_clause.blockSignals(True)
        self.cost_clause.setChecked(request.options.cost_limit_clause)
        self.cost_clause.blockSignals(False)
