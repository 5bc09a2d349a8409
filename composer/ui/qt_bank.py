"""The question bank browser: search the bank's ready-worded questions and add them to the
outline, as new numbered parts or as sub-parts of the selected part.

A question comes with its "if so" follow-ups; a topic adds its usual questions. The addition is
one undoable step, and fills in `{system_name}` (and a period) if the request has none yet.
"""

from __future__ import annotations

from collections.abc import Callable

from composer.bank import load_bank
from composer.errors import ComposerError
from composer.law import readable
from composer.model import Part, Request
from composer.operations import request as ops
from composer.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_document import QtDocument

ITEM_ID = Qt.ItemDataRole.UserRole


class QtBankBrowser(QWidget):
    added = Signal(str)  # the first part added, to select it

    def __init__(self, document: QtDocument, selected: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._selected = selected
        self.bank = load_bank()

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search the questions…")
        self.search.setAccessibleName("Search the question bank")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Question bank")
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        blank = Request()
        for module in self.bank.modules:
            if not module.questions:
                continue
            top = QTreeWidgetItem(self.tree, [module.title])
            top.setData(0, ITEM_ID, module.id)
            top.setToolTip(0, module.why)
            for question in module.questions:
                # Fields in words, as the outline shows them: "Who developed the system", not
                # "Who developed {system_name}".
                shown = readable(question.text, blank)
                child = QTreeWidgetItem(top, [shown])
                child.setData(0, ITEM_ID, question.id)
                child.setToolTip(0, question.help or shown)
        self.add_button = QPushButton("Add as new &parts", self)
        self.add_button.setToolTip("Add after the selected part (or at the end)")
        self.under_button = QPushButton("A&dd under the selected part", self)
        self.under_button.setToolTip("Add as lettered sub-parts, asked if the answer is yes")
        self.note = QLabel(self)
        self.note.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.under_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)

        self.search.textChanged.connect(self.filter)
        self.add_button.clicked.connect(lambda: self.add_selected(under=False))
        self.under_button.clicked.connect(lambda: self.add_selected(under=True))
        self.tree.itemActivated.connect(lambda *_: self.add_selected(under=False))

    def filter(self, text: str) -> None:
        found = {q.id for q in self.bank.search(text)}
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            title_hit = bool(needle) and needle in top.text(0).casefold()
            shown = 0
            for j in range(top.childCount()):
                child = top.child(j)
                hit = not needle or title_hit or child.data(0, ITEM_ID) in found
                child.setHidden(not hit)
                shown += hit
            top.setHidden(shown == 0)
            top.setExpanded(bool(needle) and shown > 0)

    def select_ids(self, item_ids: list[str]) -> None:
        self.tree.clearSelection()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for item in [top, *(top.child(j) for j in range(top.childCount()))]:
                item.setSelected(item.data(0, ITEM_ID) in item_ids)

    def parts_for(self, item_ids: list[str], *, nested: bool) -> list[Part]:
        parts: list[Part] = []
        for item_id in item_ids:
            module = self.bank.module(item_id.split(".", 1)[0])
            if module.umbrella:  # its one question, to put other questions under
                parts.append(module.questions[0].to_part())
            else:
                parts.extend(self.bank.parts_for(item_id, nested=nested))
        return parts

    def add_selected(self, *, under: bool) -> bool:
        ids = [item.data(0, ITEM_ID) for item in self.tree.selectedItems()]
        modules = {i for i in ids if "." not in i}
        ids = [i for i in ids if "." not in i or i.split(".", 1)[0] not in modules]
        if not ids:
            self.note.setText("Select a topic or a question first.")
            return False
        selected = self._selected()
        if under and selected is None:
            self.note.setText("Select the part in the outline to add them under.")
            return False
        try:
            parts = self.parts_for(ids, nested=under)
        except ComposerError as exc:
            self.note.setText(str(exc))
            return False

        where = {"under": selected} if under else {"after": selected}
        if not self.document.edit("Add from the question bank", ops.add_from_bank, parts=parts, **where):
            return False
        count = sum(1 + len(p.subparts) for p in parts)
        self.note.setText(f"Added {count} question{'s' if count != 1 else ''}.")
        self.added.emit(parts[0].id)
        return True
