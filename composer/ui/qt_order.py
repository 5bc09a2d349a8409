"""Suggest an order for the cost limit: which parts the force should answer first.

Shows `composer.ordering.suggest_order`'s proposal, each part with the reason for its place, and
applies it (`accept_order`) through the document, so it is one step to undo.
"""

from __future__ import annotations

from composer.law import readable
from composer.model import Request
from composer.operations.request import accept_order
from composer.ordering import OrderSuggestion, suggest_order
from composer.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_document import QtDocument
from composer.ui.qt_outline_model import one_line


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
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Suggested order")
        self.tree.setHeaderLabels(["Part", "Cost", "Why here"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        for rank, part_id in enumerate(suggestion.order, start=1):
            part = request.find(part_id)
            text = one_line(readable(part.text, request)) if part is not None else part_id
            QTreeWidgetItem(self.tree, [f"{rank}. {text}", suggestion.burden.get(part_id, ""),
                                        suggestion.reasons.get(part_id, "")])
        self.tree.header().resizeSection(0, self.fontMetrics().horizontalAdvance("M" * 24))
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton("Use this order",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Keep my order", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().lineSpacing() * 24)

    @classmethod
    def ask(cls, parent: QWidget | None, document: QtDocument) -> bool:
        """Show the suggestion; True when it was accepted (and applied to the document)."""
        if not document.request.parts:
            return False
        suggestion = suggest_order(document.request)
        if cls(document.request, suggestion, parent).exec() != QDialog.DialogCode.Accepted:
            return False
        return document.edit("Order for the cost limit", accept_order, order=suggestion.order)
