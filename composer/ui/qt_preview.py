"""The live preview: the letter as the chosen force will read it, numbered and filled in.

With a force chosen it is the letter itself, as `composer.letters` writes it in text form
(`request_letter` + `letter_as_text`); without one, the body from `composer.outline.letter_body`,
which the letters are built from too, with its fields in words (`composer.law.readable`). So the preview cannot disagree with what is sent. The
letters package (it brings the Word machinery) is loaded just after the window first shows,
not before. The selected part is highlighted in the palette's highlight colour, so a dark theme
stays dark.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date

from composer.forces import load_directory
from composer.model import Force, Requester
from composer.outline import LetterBody, body_as_text, readable_body
from composer.ui.qt import (
    QComboBox,
    QFontMetricsF,
    QHBoxLayout,
    QLabel,
    QPalette,
    QTextCursor,
    QTextEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_document import QtDocument
from composer.ui.qt_first_paint import when_on_screen


class QtPreview(QWidget):
    forceChanged = Signal(object)  # the Force now previewed, or None

    def __init__(self, document: QtDocument, requester: Requester | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.requester = requester or Requester()
        self.part_id: str | None = None
        self._loading = False
        self._shown = ""
        self._hung = False  # some block has a hanging indent of ours
        self._positions: dict[str, tuple[int, int]] = {}
        self._forces: list[Force] = sorted(load_directory().forces, key=lambda f: f.name)

        self.force_box = QComboBox(self)
        self.force_box.setAccessibleName("Preview as force")
        self._fill_forces()
        label = QLabel("&Read as:", self)
        label.setBuddy(self.force_box)
        # A QTextEdit, not a QPlainTextEdit: each part is one long paragraph, and the plain
        # editor scrolls by paragraph, so it cannot bring a wrapped part fully into view.
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.text.setAccessibleName("Letter preview")
        self.text.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.force_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)

        self.force_box.currentIndexChanged.connect(self._force_chosen)
        document.forcesChanged.connect(self._fill_forces)
        document.changed.connect(self.refresh)
        self.refresh()

    def _fill_forces(self) -> None:
        """The request's own forces first (in its order), then every other force by name."""
        chosen = list(self.document.forces)
        current = self.force_box.currentData()
        ours = [f for i in chosen for f in self._forces if f.id == i]
        others = [f for f in self._forces if f.id not in chosen]
        self.force_box.blockSignals(True)
        self.force_box.clear()
        self.force_box.addItem("No particular force", None)
        for force in ours:
            self.force_box.addItem(force.name, force.id)
        if ours and others:
            self.force_box.insertSeparator(self.force_box.count())
        for force in others:
            self.force_box.addItem(force.name, force.id)
        self.force_box.setCurrentIndex(max(self.force_box.findData(current), 0) if current else 0)
        self.force_box.blockSignals(False)

    @property
    def force(self) -> Force | None:
        force_id = self.force_box.currentData()
        return next((f for f in self._forces if f.id == force_id), None)

    def set_force(self, force_id: str | None) -> None:
        row = self.force_box.findData(force_id) if force_id else 0
        self.force_box.setCurrentIndex(max(row, 0))

    def _force_chosen(self, _row: int) -> None:
        self.refresh()
        self.forceChanged.emit(self.force)

    def show_part(self, part_id: str | None) -> None:
        self.part_id = part_id
        self._highlight(scroll=True)

    def letter_text(self, body: LetterBody | None = None) -> str:
        """The text shown: the whole letter for a force; the body and sign-off without one."""
        force = self.force
        letters = sys.modules.get("composer.letters")
        if force is not None and letters is not None:
            letter = letters.request_letter(self.document.request, force, self.requester,
                                            date=date.today(), body=body)
            return letters.letter_as_text(letter, heading=True)
        if force is not None and not self._loading:
            self._loading = True
            # composer.letters (Word and PDF libraries: ~80 ms) loads once the window is on
            # screen: a preview force remembered from last time must not hold the window back.
            when_on_screen(self, self._load_letters)
        body_text = body_as_text(body or self.body())
        greeting = f"Dear {force.greeting},\n\n" if force else ""
        name = self.requester.name.strip() or "[your name]"
        return f"{greeting}{body_text}\nYours faithfully,\n\n{name}\n"

    def body(self) -> LetterBody:
        """The body as the chosen force reads it; with no force, each field in words."""
        return readable_body(self.document.request, self.force)

    def _load_letters(self) -> None:
        import composer.letters.batch  # noqa: F401  (the letters' writers, loaded before the first export)

        self.refresh()
        self._highlight(scroll=True)  # the letter replaced the body: bring the part into view

    def refresh(self) -> None:
        body = self.body()
        text = self.letter_text(body)
        self._positions = {}
        astral = _ASTRAL.search(text) is not None
        offset = 0
        for part in body.parts:
            found = text.find(f"{part.number}. {part.text}", offset)
            if found >= 0:
                end = found + len(part.number) + 2 + len(part.text)
                span = (found, end)
                if astral:
                    span = (_qt_position(text, found), _qt_position(text, end))
                self._positions[part.part_id] = span
                offset = end
        if text != self._shown:
            self._replace_changed(self._shown, text)
            self._shown = text
            self._hang_numbers()
        self._highlight(scroll=False)

    def _replace_changed(self, old: str, new: str) -> None:
        """Replace only the span that differs, so typing does not lay out the whole letter again
        (and the view does not jump)."""
        if not old or _ASTRAL.search(old) or _ASTRAL.search(new):
            self.text.setPlainText(new)  # Qt counts UTF-16 units; emoji would shift positions
            return
        limit = min(len(old), len(new))
        start = _shared_length(lambda n: old[:n] == new[:n], limit)
        end = _shared_length(lambda n: old[len(old) - n:] == new[len(new) - n:], limit - start)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(len(old) - end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new[start:len(new) - end])

    def _hang_numbers(self) -> None:
        """Give each numbered part a hanging indent, as the Word letter has: wrapped lines start
        under the part's text, not under its number. Parts at one level (1, 2 … or 1a, 1b …)
        share one indent, the widest label's, so their wrapped lines line up. Only blocks whose
        indent is wrong are changed."""
        metrics = None  # measured once there is a number (a letter with no parts has none)
        blocks, widest = [], {}
        block = self.text.document().begin()
        while block.isValid():
            number = _NUMBERED.match(block.text())
            level = number.group(1) if number else None
            if number:
                metrics = metrics or QFontMetricsF(self.text.document().defaultFont())
                width = metrics.horizontalAdvance(number.group(0))
                widest[level] = max(widest.get(level, 0.0), width)
            blocks.append((block, level))
            block = block.next()
        if not widest and not self._hung:
            return  # no numbers, and no indent of ours left to undo (the empty letter at start)
        cursor = QTextCursor(self.text.document())
        for block, level in blocks:
            indent = widest[level] if level is not None else 0.0
            layout = block.blockFormat()
            if layout.leftMargin() != indent or layout.textIndent() != -indent:
                layout.setLeftMargin(indent)
                layout.setTextIndent(-indent)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(layout)
        self._hung = bool(widest)

    def _highlight(self, scroll: bool) -> None:
        span = self._positions.get(self.part_id) if self.part_id else None
        if span is None:
            self.text.setExtraSelections([])
            return
        from composer.ui.qt import QTextFormat  # first needed when a part is selected

        selection = QTextEdit.ExtraSelection()
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        colour.setAlpha(70)
        selection.format.setBackground(colour)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.text.setExtraSelections([selection])
        if scroll:  # the end into view, then the start: the whole part shows if it fits
            view = QTextCursor(self.text.document())
            for position in (span[1], span[0]):
                view.setPosition(position)
                self.text.setTextCursor(view)
                self.text.ensureCursorVisible()


_NUMBERED = re.compile(r"^(\s*)\d+[a-z]?\.\s")
"""The start of a numbered part's paragraph in the letter's text: "1. ", "  1a. "; the leading
space says the level."""

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
"""Characters outside the Basic Multilingual Plane (emoji): two UTF-16 units each in Qt."""


def _shared_length(same: Callable[[int], bool], limit: int) -> int:
    """The largest n <= limit for which same(n) holds (same(0) always does, and once it fails
    it fails for every larger n): a binary search, so a keystroke in a long letter compares a
    few slices instead of stepping through every character in Python."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if same(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _qt_position(text: str, index: int) -> int:
    """A Python string index as Qt's text position (which counts UTF-16 units)."""
    return index + len(_ASTRAL.findall(text, 0, index))
