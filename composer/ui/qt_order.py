"""Suggest an order for the cost limit: which parts the force should answer first.

Shows `composer.ordering.suggest_order`'s proposal: each part with its estimated hours, the
running total against the Act's limit, where a force would likely stop answering, and the reason
for its place. Accepting applies it (`accept_order`) through the document, so it is one step to
undo, and the letter's cost-limit clause then asks the force to answer in that order.
"""

from __future__ import annotations

from composer.law import readable
from composer.model import Request
from composer.operations.request import accept_order
from composer.ordering import OrderSuggestion, suggest_order
from composer.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDropEvent,
    QFont,
    QLabel,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_document import QtDocument
from composer.ui.qt_outline_model import one_line


PART_ID = Qt.ItemDataRole.UserRole


class QtOrderTree(QTreeWidget):
    """The order as a tree that can be dragged: parts among parts, and a sub-part only among the
    sub-parts of its own part (a letter numbers 1a, 1b under 1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        if dragged is None or not self.may_drop(dragged, target, self.dropIndicatorPosition()):
            event.ignore()
            return
        super().dropEvent(event)

    @staticmethod
    def may_drop(dragged: QTreeWidgetItem, target: QTreeWidgetItem | None, where) -> bool:
        """Only among its own siblings: a part between parts, a sub-part between its part's."""
        def key(item):
            return None if item is None else item.data(0, PART_ID)

        Position = QAbstractItemView.DropIndicatorPosition
        if where == Position.OnViewport or target is None:
            lands_in = None
        elif where == Position.OnItem:
            lands_in = target
        else:
            lands_in = target.parent()
        return key(dragged.parent()) == key(lands_in)

    def order(self) -> tuple[list[str], dict[str, list[str]]]:
        """The parts in the order shown, and each part's sub-parts in theirs."""
        tops = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        return ([t.data(0, PART_ID) for t in tops],
                {t.data(0, PART_ID): [t.child(j).data(0, PART_ID) for j in range(t.childCount())]
                 for t in tops if t.childCount()})


class QtOrderDialog(QDialog):
    def __init__(self, request: Request, suggestion: OrderSuggestion,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Order for the cost limit")
        self.suggestion = suggestion
        intro = QLabel(
            "If answering everything would cost more than the limit, the cost-limit clause asks "
            "the force to answer the parts in order until it is reached. This order puts the "
            "parts you ranked first and, among equals, the cheapest first."
            if suggestion.changed else
            "Your parts are already in the suggested order; accepting it ranks them 1, 2, 3 …",
            self)
        drag = QLabel("Drag a part to move it, or a sub-part within its part.", self)
        intro.setWordWrap(True)
        self.limit_label = QLabel(self.limit_text(request, suggestion), self)
        self.limit_label.setWordWrap(True)
        self.tree = QtOrderTree(self)
        self.tree.setAccessibleName("Suggested order")
        self.tree.setAccessibleDescription("Drag a part, or a sub-part within its part, to change "
                                           "the order")
        self.tree.setHeaderLabels(["Part", "Hours", "Running total", "Why here"])
        self.tree.setWordWrap(True)
        past_limit = False
        for rank, part_id in enumerate(suggestion.order, start=1):
            part = request.find(part_id)
            text = one_line(readable(part.text, request)) if part is not None else part_id
            past_limit = past_limit or part_id == suggestion.stop_at
            running = suggestion.running.get(part_id, 0.0)
            total = f"{running:.0f} of {suggestion.limit_hours:g}" + (" (past the limit)" if past_limit else "")
            row = QTreeWidgetItem(self.tree, [f"{rank}. {text}", f"{suggestion.hours.get(part_id, 0.0):.1f}",
                                              total, suggestion.reasons.get(part_id, "")])
            row.setToolTip(0, f"{suggestion.burden.get(part_id, '')} cost")
            row.setData(0, PART_ID, part_id)
            for sub in part.subparts if part is not None else []:
                child = QTreeWidgetItem(row, [one_line(readable(sub.text, request))])
                child.setData(0, PART_ID, sub.id)
            if past_limit:  # a force would likely stop before this part
                font = QFont(row.font(0))
                font.setItalic(True)
                for column in range(4):
                    row.setFont(column, font)
        self.tree.header().resizeSection(0, self.fontMetrics().horizontalAdvance("M" * 24))
        self.tree.expandAll()
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton("Use this order",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Keep my order", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(drag)
        layout.addWidget(self.limit_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().lineSpacing() * 24)

    @staticmethod
    def limit_text(request: Request, suggestion: OrderSuggestion) -> str:
        """Where a force would likely stop, in words."""
        total = max(suggestion.running.values(), default=0.0)
        limit = f"{suggestion.limit_hours:g} hours under {suggestion.act}"
        if suggestion.stop_at is None:
            return (f"Estimated total: about {total:.0f} hours, within the limit of {limit}: a force "
                    "should be able to answer every part.")
        reached = suggestion.order.index(suggestion.stop_at)
        answered = ("no part in full" if reached == 0 else
                    "the first part" if reached == 1 else f"the first {reached} parts")
        return (f"Estimated total: about {total:.0f} hours against the limit of {limit}. In this order a "
                f"force would likely answer {answered} and advise on how to narrow the rest (the rows in "
                "italics).")

    @classmethod
    def ask(cls, parent: QWidget | None, document: QtDocument) -> bool:
        """Show the suggestion; True when it was accepted (and applied to the document)."""
        if not document.request.parts:
            return False
        suggestion = suggest_order(document.request)
        dialog = cls(document.request, suggestion, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        order, subparts = dialog.tree.order()
        return document.edit("Order for the cost limit", accept_order, order=order, subparts=subparts)
