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
    QDialog,
    QDialogButtonBox,
    QFont,
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
        self.limit_label = QLabel(self.limit_text(request, suggestion), self)
        self.limit_label.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Suggested order")
        self.tree.setHeaderLabels(["Part", "Hours", "Running total", "Why here"])
        self.tree.setRootIsDecorated(False)
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
            if past_limit:  # a force would likely stop before this part
                font = QFont(row.font(0))
                font.setItalic(True)
                for column in range(4):
                    row.setFont(column, font)
        self.tree.header().resizeSection(0, self.fontMetrics().horizontalAdvance("M" * 24))
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton("Use this order",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Keep my order", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
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
        if cls(document.request, suggestion, parent).exec() != QDialog.DialogCode.Accepted:
            return False
        return document.edit("Order for the cost limit", accept_order, order=suggestion.order)
