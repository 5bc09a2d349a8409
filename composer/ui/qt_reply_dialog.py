"""What came back, read and shown for the user to confirm or correct before it is recorded.

`QtReplyDialog` shows what `composer.replies` read in a force's reply: its kind, the day it came,
the force's reference, the sections cited, and what the force did with each part, each of them
editable, and a warning when the reply's own dates come before the request was sent (the wrong
file, or another force's reply). With no file it starts with a box to paste the reply into, read
again as you paste.
Nothing is recorded here: `ask` returns the confirmed reading (and the pasted words) or None.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from composer.dates import in_words
from composer.errors import ComposerError
from composer.law import readable
from composer.model import Act, Request
from composer.outline import letter_body
from composer.replies import (
    UNREAD_NOTE,
    Outcome,
    PartReading,
    ReplyKind,
    ReplyReading,
    dates_before,
    force_of,
    document_note,
    read_latest,
    thread_note,
)
from composer.responses import parse_sections
from composer.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDate,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_access import QtFitsScreen
from composer.ui.qt_campaign_dialogs import QtCheckedDialog
from composer.ui.qt_dates import date_edit, date_of
from composer.ui.qt_outline_model import one_line

_NOT_SAID = "not said"


@dataclass(frozen=True)
class ReplyChoice:
    reading: ReplyReading
    on: date
    text: str  # the reply's words (what was pasted, or read from the file)


class QtReplyDialog(QtCheckedDialog):
    def __init__(self, parent: QWidget | None, *, force_name: str, request: Request, act: Act,
                 today: date, text: str = "", file_name: str = "", sent: date | None = None,
                 force_id: str = "") -> None:
        super().__init__(parent)
        self.request, self.act, self.today = request, act, today
        self.force = force_of(force_id) if force_id else None  # its letter, as the reply quotes it
        self.force_name, self.sent = force_name, sent
        self.setWindowTitle(f"Reply from {force_name}")
        self.paste = QPlainTextEdit(self)
        self.paste.setAccessibleName("The reply's words")
        self.paste.setTabChangesFocus(True)  # a reply's words hold no tabs: Tab goes on to the form
        self.paste.setPlaceholderText("Paste the force's reply here (the email or letter as it came)")
        self.paste.setPlainText(text)
        self.paste.setVisible(not file_name)
        # a long name with no spaces cannot wrap: shortened in its middle, whole in the tooltip
        shown = file_name if len(file_name) <= 60 else f"{file_name[:30]}…{file_name[-27:]}"
        source = QLabel(f"Read from {shown}. Check what was read and correct it before it is "
                        "recorded." if file_name else
                        "Paste the reply: it is read as you paste. Check what was read and correct "
                        "it before it is recorded.", self)
        source.setWordWrap(True)
        source.setToolTip(file_name)

        self.kind = QComboBox(self)
        self.kind.setAccessibleName("What kind of reply")
        self.kind.addItem("(not clear: choose)", None)
        for kind in ReplyKind:
            self.kind.addItem(kind.label, kind.value)
        self.on = date_edit(today, self)
        self.on.setAccessibleName("The day the reply came")
        self.reference = QLineEdit(self)
        self.reference.setAccessibleName("The force's reference")
        self.sections = QLineEdit(self)
        self.sections.setAccessibleName("Sections cited")
        self.sections.setPlaceholderText("e.g. s31 s40(2)")
        self.asked = QLabel(self)
        self.asked.setAccessibleName("What the force asks")
        self.asked.setWordWrap(True)
        self.asked.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # notes on what was read: an answer in an attachment not read, a thread's latest letter
        self.unread = QLabel(self)
        self.unread.setAccessibleName("Notes on the reading")
        self.unread.setWordWrap(True)
        self.parts = QTableWidget(0, 2, self)
        self.parts.setAccessibleName("What the force did with each part")
        self.parts.setHorizontalHeaderLabels(["Part", "What the force did"])
        self.parts.verticalHeader().setVisible(False)
        self.parts.setTabKeyNavigation(False)  # Tab goes from box to box, then on to Record
        self.parts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.parts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._labels: list[str] = []
        self._fill_parts_rows()

        form = QFormLayout()
        for text_, widget in (("&Kind:", self.kind), ("&Came on:", self.on),
                              ("&Their reference:", self.reference), ("&Sections cited:", self.sections)):
            form.addRow(text_, widget)  # a label with the field as its buddy
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.warning = QLabel(self)
        self.warning.setAccessibleName("Warning")  # the reply's dates before the request: wrong file or force?
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        self.record_button = buttons.addButton("&Record", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(self.warning)
        layout.addWidget(self.paste, 1)
        layout.addLayout(form)
        layout.addWidget(self.asked)
        layout.addWidget(self.unread)
        layout.addWidget(self.parts, 2)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().lineSpacing() * 40)
        self.paste.textChanged.connect(self.read_again)
        self.read_again()
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    def _fill_parts_rows(self) -> None:
        """A row per part of the request, each with what the force did (or "not said")."""
        body = letter_body(self.request)
        self.parts.setRowCount(len(body.parts))
        for row, part in enumerate(body.parts):
            self._labels.append(part.number)
            # one line: a part's own line breaks made the cell end "… from the NPCC.…"
            item = QTableWidgetItem(f"{part.number}. {one_line(readable(part.text, self.request), '')}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(item.text())
            self.parts.setItem(row, 0, item)
            box = QComboBox(self.parts)
            box.setAccessibleName(f"What the force did with part {part.number}")
            box.setEditable(True)  # "refused s31(1)": the section is typed after the outcome
            box.addItem(_NOT_SAID)
            box.addItems([o.value for o in Outcome])
            self.parts.setCellWidget(row, 1, box)

    def read_again(self) -> None:
        """Read the words in the box and show what was found."""
        text = self.paste.toPlainText()
        self.show_reading(read_latest(text, self.request, self.act, self.force) if text.strip() else ReplyReading(None))

    def show_reading(self, reading: ReplyReading) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(reading.kind.value if reading.kind else None), 0))
        came = reading.date
        if came is not None:
            self.on.setDate(QDate(came.year, came.month, came.day))
        self.reference.setText(reading.reference)
        self.sections.setText(" ".join(reading.sections))
        until = reading.dates.get("reply_by") if reading.asked else None
        self.asked.setText(f"They ask: {reading.asked}" + (f" (reply by {in_words(until)})" if until else "")
                           if reading.asked else "")
        self.asked.setVisible(bool(reading.asked))
        notes = ([UNREAD_NOTE] * reading.unread + [thread_note(reading.letters)] * (reading.letters > 1)
                 + [f"{document_note()} in the table below"] * reading.document)
        self.unread.setText(" ".join(f"Note: {note}." for note in notes))
        self.unread.setVisible(bool(notes))
        early = dates_before(reading, self.sent, self.force_name) if self.sent else None
        self.warning.setText(f"Warning: {early}" if early else "")
        self.warning.setVisible(bool(early))
        for row, label in enumerate(self._labels):
            said = reading.parts.get(label)
            self.parts.cellWidget(row, 1).setCurrentText(str(said) if said else _NOT_SAID)

    def choice(self) -> ReplyChoice:
        """The reading as confirmed; ComposerError names what cannot be recorded."""
        value = self.kind.currentData()
        sections = self.sections.text().strip()
        try:
            cited = parse_sections(sections) if sections else []
        except ValueError as exc:
            raise ComposerError(str(exc)) from None
        parts = {}
        for row, label in enumerate(self._labels):
            said = self.parts.cellWidget(row, 1).currentText().strip()
            if said and said != _NOT_SAID:
                parts[label] = PartReading.parse(said)
        text = self.paste.toPlainText()
        found = read_latest(text, self.request, self.act, self.force) if text.strip() else ReplyReading(None)
        reading = replace(found, kind=ReplyKind(value) if value else None, sections=cited,
                          reference=self.reference.text().strip(), parts=parts)
        return ReplyChoice(reading, date_of(self.on), text)


    @classmethod
    def ask(cls, parent: QWidget | None, *, force_name: str, request: Request, act: Act,
            today: date, text: str = "", file_name: str = "", sent: date | None = None,
            force_id: str = "") -> ReplyChoice | None:
        dialog = cls(parent, force_name=force_name, request=request, act=act, today=today,
                     text=text, file_name=file_name, sent=sent, force_id=force_id)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
