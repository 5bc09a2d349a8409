"""The campaign tab's dialogs: where and how to write follow-up letters, recording what a
force did, and whether to record a reply already attached. Each has a `@classmethod ask(...)` that tests replace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from composer.campaign.deadlines import Progress
from composer.campaign.model import Status, parse_status, statuses_for
from composer.errors import ComposerError
from composer.letters.followups import FORMATS, FollowUpKind
from composer.replies import READABLE
from composer.responses import parse_sections
from composer.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from composer.ui.qt_access import QtFitsScreen, announce, buddy
from composer.ui.qt_dates import date_edit, date_of
from composer.ui.qt_file_chooser import choose


class QtCheckedDialog(QDialog):
    """A dialog whose OK checks the answers first: `choice()` raises ComposerError with one line
    for the `problem` label, and the dialog stays open for the user to put it right."""

    problem: QLabel

    def choice(self):
        raise NotImplementedError

    def _accept(self) -> None:
        try:
            self.choice()
        except ComposerError as exc:
            self.problem.setText(str(exc))
            announce(self.problem, str(exc))  # a screen reader says it: the dialog stays open
            return
        self.accept()


@dataclass(frozen=True)
class FollowUpChoice:
    folder: Path
    fmt: str
    message: str


class QtFollowUpDialog(QDialog):
    """Where to write follow-up letters, in what format, with any words of your own."""

    def __init__(self, parent: QWidget | None, kind: FollowUpKind, forces: list[str],
                 folder: Path, fmt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{kind.value.capitalize()} letter")
        form = QFormLayout(self)
        shown = ", ".join(forces[:4]) + (f" and {len(forces) - 4} more" if len(forces) > 4 else "")
        form.addRow(QLabel(f"For: {shown}"))
        self.folder = QLineEdit(str(folder))
        self.folder.setAccessibleName("Folder to write the letters into")
        browse = QPushButton("C&hoose…")
        browse.setAccessibleName("Choose the folder")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form.addRow(buddy("&Folder", self.folder), row)
        self.format = QComboBox()
        self.format.setAccessibleName("Format of the letters")
        self.format.addItems(list(FORMATS))
        self.format.setCurrentText(fmt)
        form.addRow("F&ormat", self.format)
        self.message = QPlainTextEdit()
        self.message.setTabChangesFocus(True)  # Tab goes on to OK, as in every other box here
        self.message.setAccessibleName("Your words")
        self.message.setPlaceholderText(
            "Your clarification" if kind is FollowUpKind.CLARIFICATION
            else "Anything to add (optional): further reasons, in your own words")
        form.addRow("Your &words", self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    def _browse(self) -> None:
        chosen = choose(self, "Folder for the letters", self.folder.text(), folder=True)
        if chosen:
            self.folder.setText(chosen)

    def choice(self) -> FollowUpChoice:
        return FollowUpChoice(Path(self.folder.text().strip()), self.format.currentText(),
                              self.message.toPlainText())

    @classmethod
    def ask(cls, parent: QWidget | None, kind: FollowUpKind, forces: list[str], folder: Path,
            fmt: str = "docx") -> FollowUpChoice | None:
        dialog = cls(parent, kind, forces, folder, fmt)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class RecordChoice:
    status: Status | None
    on: date
    reference: str | None
    sections: list[str] | None
    note: str
    until: date | None = None  # the force's estimate, for a public-interest extension


# The statuses that come with a date to wait until: its label and what to put there.
_UNTIL = {
    Status.EXTENDED: ("Extended to", "The date the force says it will answer by; leave it at the "
                                     "day of the notice if the notice gave none"),
    Status.CLARIFICATION_ASKED: ("Reply by", "The day after which the force says it will treat the "
                                             "request as withdrawn; leave it at the day of its "
                                             "letter if the letter gave none"),
    Status.STILL_WANTED: ("Reply by", "The day after which the force says it will treat the request "
                                      "as withdrawn unless you say you still want the answer"),
}


class QtRecordDialog(QtCheckedDialog):
    """Record what a force did (or what you did), and when."""

    def __init__(self, parent: QWidget | None, p: Progress, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Record: {p.force_name}")
        form = QFormLayout(self)
        self.status = QComboBox()
        self.status.addItem("(no change)", None)
        self.status.setAccessibleName("What happened")
        for status in statuses_for(p.act):  # FOISA has no public-interest extension to offer
            self.status.addItem(status.label(p.act), status.value)
        form.addRow("What happened", self.status)
        self.on = date_edit(today)
        self.on.setAccessibleName("When it happened")
        form.addRow("On", self.on)
        self.until = date_edit(today)
        self.until_label = QLabel("Extended to")
        form.addRow(self.until_label, self.until)
        self.status.currentIndexChanged.connect(self._show_until)
        self._show_until()
        self.reference = QLineEdit(p.reference)
        form.addRow("Their reference", self.reference)
        self.sections = QLineEdit(" ".join(p.sections))
        self.sections.setPlaceholderText("e.g. s31 s40(2)")
        form.addRow("Sections cited", self.sections)
        self.note = QLineEdit()
        form.addRow("Note", self.note)
        self.problem = QLabel()
        self.problem.setAccessibleName("Problem")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._original = (p.reference, " ".join(p.sections))
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    def choice(self) -> RecordChoice:
        """The answers, checked; ComposerError names a bad date or section."""
        value = self.status.currentData()
        reference = self.reference.text().strip()
        sections = self.sections.text().strip()
        try:
            parsed = parse_sections(sections) if sections else []
        except ValueError as exc:
            raise ComposerError(str(exc)) from None
        status = parse_status(value) if value else None
        on = date_of(self.on)
        until = date_of(self.until) if status in _UNTIL else None
        return RecordChoice(
            status=status,
            on=on,
            until=until if until is not None and until != on else None,  # the same day: none given
            reference=reference if reference != self._original[0] else None,
            sections=parsed if sections != self._original[1] else None,
            note=self.note.text().strip(),
        )

    def _show_until(self, _row: int = 0) -> None:
        value = self.status.currentData()
        label, tip = _UNTIL.get(parse_status(value), ("", "")) if value else ("", "")
        self.until.setVisible(bool(label))
        self.until_label.setVisible(bool(label))
        if label:
            self.until_label.setText(label)
            self.until.setAccessibleName(label)
            self.until.setToolTip(tip)


    @classmethod
    def ask(cls, parent: QWidget | None, p: Progress, today: date) -> RecordChoice | None:
        dialog = cls(parent, p, today)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class QtAttachAgain(QMessageBox):
    """The reply chosen is attached already (the same content): record it a second time?"""

    def __init__(self, parent: QWidget | None, where: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Reply already attached")
        self.setText(f"{where[:1].upper()}{where[1:]}.")
        self.setInformativeText("Record it again, as a second reply? Nothing is recorded otherwise.")
        self.again = self.addButton("Record &again", QMessageBox.ButtonRole.AcceptRole)
        self.skip = self.addButton("&Don't record it", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.skip)
        self.setEscapeButton(self.skip)

    @classmethod
    def ask(cls, parent: QWidget | None, where: str) -> bool:
        box = cls(parent, where)
        box.exec()
        return box.clickedButton() is box.again


REPLY_FILES = f"Replies ({' '.join('*' + ending for ending in READABLE)})"  # the kinds a reply is read from


class QtPickFile:
    """File choosers, behind `ask`-style class methods like the dialogs."""

    @classmethod
    def ask_open(cls, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        chosen = choose(parent, title, folder, REPLY_FILES)
        return Path(chosen) if chosen else None

    @classmethod
    def ask_save(cls, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        chosen = choose(parent, title, suggested, "CSV (*.csv)", save=True, suffix="csv")
        return Path(chosen) if chosen else None
