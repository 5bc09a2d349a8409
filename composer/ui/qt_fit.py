"""The list of changes that fitted a request to every force, each with its own undo.

"Fit this request to every force" (and opening a letter written as text) turns what the text says
of one force into fields each letter fills for its own force. This panel says what changed, where
and why, and puts back the user's own words for any one change with its "Undo" button. Every
change goes through `composer.operations.fitting`, as one step on the document's undo stack.
"""

from __future__ import annotations

import re

from composer.adaptation import Change, place_label
from composer.law import FIELD_WORDS, FIELD_WORDS_EDITING, field_in_words
from composer.operations import fitting
from composer.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Qt,
)
from composer.ui.qt_access import QtFitsScreen
from composer.ui.qt_document import QtDocument
from composer.ui.qt_part_editor import field_tint


class QtFitChanges(QDialog):
    """Fits the document's request when opened; lists the changes that stand."""

    def __init__(self, document: QtDocument, parent: QWidget | None = None, *, fit: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fitted to every force")
        self.document = document
        self.changes: tuple[Change, ...] = ()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What was fitted")
        self.rows = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(self.rows)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from Undo to Undo inside it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().lineSpacing() * 28)
        if fit:
            self.fit()
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    def fit(self) -> int:
        """Fit the request as one undoable step; the number of changes made."""
        done = fitting.fit_to_every_force(self.document.request)
        if done.changes:
            self.document.edit(done.what, lambda _request: done)
        self._show(done.changes)
        return len(done.changes)

    def undo_change(self, index: int) -> bool:
        """Put back the user's words for change `index` (one step on the undo stack)."""
        change = self.changes[index]
        result: list[fitting.Fitted] = []

        def put_back(request):
            result.append(fitting.put_back(request, change=change, changes=self.changes))
            return result[0]

        done = self.document.edit(f"Put back \u201c{change.before}\u201d", put_back)
        if done and result:
            self._show(result[0].changes)
        return bool(done and result)

    def _show(self, changes: tuple[Change, ...]) -> None:
        self.changes = tuple(changes)
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not self.changes:
            self.summary.setText("Nothing in this request is written for one force only: every "
                                 "letter already names its own force, Act and duty.")
            return
        self.summary.setText(
            f"{len(self.changes)} place{'s' if len(self.changes) != 1 else ''} in this request "
            "named one force, its Act or its duty. Each is now a field that every letter fills "
            "for the force it goes to. Undo any change to keep your own words there.")
        request = self.document.request
        for index, change in enumerate(self.changes):
            row = QWidget(self.rows)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(
                f"<b>{_html(place_label(request, change.place))}</b>: \u201c{_html(change.before)}\u201d "
                f"\u2192 {self._in_words(change.after)}<br><small>{_html(change.why)}</small>", row)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            undo = QPushButton("Undo", row)
            undo.setAccessibleName(f"Undo: keep \u201c{change.before}\u201d in {place_label(request, change.place)}")
            undo.clicked.connect(lambda _checked=False, i=index: self.undo_change(i))
            line.addWidget(text, 1)
            line.addWidget(undo)
            self.rows_layout.addWidget(row)

    def _in_words(self, after: str) -> str:
        """What a change put in, each field in words on the tint the part editor gives a field
        ("the force's name", not {force_name})."""
        tint = field_tint(self.palette())
        out = []
        for i, piece in enumerate(re.split(r"\{(\w+)\}", after)):
            if i % 2 == 0:
                out.append(_html(piece))
                continue
            words = FIELD_WORDS_EDITING.get(piece) or FIELD_WORDS.get(piece) or field_in_words(piece)
            out.append(f'<span style="background-color:{tint.name()}">{_html(words)}</span>')
        return "".join(out)

    @classmethod
    def ask(cls, parent: QWidget | None, document: QtDocument) -> QtFitChanges:
        dialog = cls(document, parent)
        dialog.exec()
        return dialog


def _html(text: str) -> str:
    from html import escape

    return escape(text)
