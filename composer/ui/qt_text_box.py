"""A plain text box for the request's own words, whose Ctrl+Z belongs to the app.

Qt's text boxes keep an undo history of their own and claim Ctrl+Z before any menu shortcut
sees it. Here the box's history is off and the key goes to the app's undo stack, so undo works
the same for typing as for every other edit.
"""

from __future__ import annotations

from composer.ui.qt import QEvent, QKeySequence, QPlainTextEdit, QWidget


class QtTextBox(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return False
        return super().event(event)
