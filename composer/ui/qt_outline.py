"""The outline panel: the request's parts as a tree, with the actions that reshape it.

Drag a part to reorder it or to drop it under another part; the buttons and the Edit menu do the
same from the keyboard (Alt+arrows move and indent, Delete removes the selected part).
"""

from __future__ import annotations

from composer.model import new_id
from composer.operations import request as ops
from composer.ui.qt import (
    QAbstractItemView,
    QAction,
    QHeaderView,
    QItemSelectionModel,
    QKeySequence,
    QMimeData,
    QPoint,
    Qt,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_document import QtDocument
from composer.ui.qt_outline_model import MIME, PART_ID_ROLE, QtOutlineModel


class _OutlineTree(QTreeView):
    """The outline's tree, which gives a drop to `QtOutline.drop_above_first` before Qt's own
    rules. (Overriding the handler, rather than filtering the viewport's events, spares the
    start-up the viewport's first wrapping, which builds every QtWidgets class's enums.)"""

    def __init__(self, outline: QtOutline) -> None:
        super().__init__(outline)
        self._outline = outline

    def dropEvent(self, event) -> None:  # noqa: N802
        if not self._outline.drop_above_first(event.mimeData(), event.position().toPoint()):
            super().dropEvent(event)


class QtOutline(QWidget):
    currentPartChanged = Signal(object)  # part id, or None when nothing is selected
    partAdded = Signal(str)  # a new, empty part the user will want to type into

    def __init__(self, document: QtDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = QtOutlineModel(document, self)
        self._current: str | None = None

        self.tree = _OutlineTree(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Request outline")
        self.tree.setAccessibleDescription(
            "The numbered parts of the request and their sub-parts. Drag to reorder."
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setWordWrap(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that would measure every row on
        # every keystroke.
        for column, sample in ((1, "Priority"), (2, "if yes")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 24)
        self.tree.expandAll()

        self.add_action = self._action("Add part", "Ctrl+Return", self.add_part,
                                       "Add a numbered part after the selected one")
        self.followup_action = self._action("Add “if yes” follow-up", "Ctrl+Shift+Return",
                                            self.add_followup,
                                            "Add a sub-part asked only if the answer is yes")
        self.delete_action = self._action("Delete part", QKeySequence.StandardKey.Delete,
                                          self.delete_part, "Delete the selected part")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.up_action = self._action("Move up", "Alt+Up", lambda: self._reshape("Move part up", ops.move_up))
        self.down_action = self._action("Move down", "Alt+Down",
                                        lambda: self._reshape("Move part down", ops.move_down))
        self.indent_action = self._action("Make sub-part", "Alt+Right",
                                          lambda: self._reshape("Make sub-part", ops.indent),
                                          "Put the part under the part before it")
        self.outdent_action = self._action("Make numbered part", "Alt+Left",
                                           lambda: self._reshape("Make numbered part", ops.outdent),
                                           "Lift a sub-part out to be a numbered part")
        self.actions_in_menu = [self.add_action, self.followup_action, self.delete_action, None,
                                self.up_action, self.down_action, self.indent_action, self.outdent_action]

        # A toolbar, not a row of buttons: when the panel is narrow (or the text large) the
        # buttons that do not fit move into its » menu instead of widening the window.
        self.toolbar = QToolBar("Outline", self)
        self.toolbar.setAccessibleName("Outline actions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_action, self.followup_action, self.delete_action, self.up_action,
                       self.down_action, self.indent_action, self.outdent_action):
            self.toolbar.addAction(action)
        more = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # the » of what does not fit
        if more is not None:
            more.setAccessibleName("More outline actions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.toolbar)

        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.model.modelReset.connect(self._restore)
        self._update_actions()

    def drop_above_first(self, data: QMimeData, point: QPoint) -> bool:
        """A numbered part dropped on the upper half of the first part goes above it; True when
        it did. Qt would make it a sub-part: the strip above the first row where Qt drops
        "above" is only a few pixels high, so the top of the outline could not be reached by
        dragging."""
        first = self.model.index(0, 0)
        target = self.tree.indexAt(point)
        if not data.hasFormat(MIME) or not first.isValid() or target.row() != 0 or \
                target.parent().isValid():
            return False
        rect = self.tree.visualRect(target)
        part_id = bytes(data.data(MIME).data()).decode()
        if point.y() >= rect.center().y() or ops.parent_of(self.document.request, part_id) is not None \
                or self.document.request.find(part_id) is None:
            return False
        self.document.edit("Move part", ops.move_part, part_id=part_id, parent_id=None, row=0)
        self.select_part(part_id)
        return True

    def _action(self, text: str, shortcut, slot, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip or text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- selection ------------------------------------------------------------------------------
    @property
    def current_part_id(self) -> str | None:
        return self._current

    def select_part(self, part_id: str | None) -> None:
        index = self.model.index_of(part_id) if part_id else None
        if index is None or not index.isValid():
            self.tree.selectionModel().clearSelection()
            self._set_current(None)
            return
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(index)

    def _on_current(self, current, _previous) -> None:
        self._set_current(current.data(PART_ID_ROLE) if current.isValid() else None)

    def _set_current(self, part_id: str | None) -> None:
        if part_id != self._current:
            self._current = part_id
            self.currentPartChanged.emit(part_id)
        self._update_actions()

    def _restore(self) -> None:
        """After the tree was rebuilt: expand it and keep the same part selected if it is there."""
        self.tree.expandAll()
        keep = self._current if self._current and self.document.request.find(self._current) else None
        self._current = None
        self.select_part(keep)

    def _update_actions(self) -> None:
        request = self.document.request
        has = self._current is not None and request.find(self._current) is not None
        sub = has and ops.parent_of(request, self._current) is not None
        for action in (self.followup_action, self.delete_action, self.up_action, self.down_action):
            action.setEnabled(has)
        self.indent_action.setEnabled(has and not sub and request.parts[0].id != self._current)
        self.outdent_action.setEnabled(bool(sub))

    # -- actions ----------------------------------------------------------------------------------
    def add_part(self) -> str:
        part_id = new_id()
        if self.document.edit("Add part", ops.add_part, new_id=part_id, after=self._current):
            self.select_part(part_id)
            self.partAdded.emit(part_id)
        return part_id

    def add_followup(self) -> str | None:
        if self._current is None:
            return None
        part_id = new_id()
        if self.document.edit("Add follow-up", ops.add_followup, parent_id=self._current, new_id=part_id):
            self.select_part(part_id)
            self.partAdded.emit(part_id)
        return part_id

    def delete_part(self) -> None:
        if self._current is None:
            return
        request = self.document.request
        group = ops.siblings(request, self._current)
        row = [p.id for p in group].index(self._current)
        parent = ops.parent_of(request, self._current)
        after = group[row + 1] if row + 1 < len(group) else group[row - 1] if row else parent
        if self.document.edit("Delete part", ops.remove_part, part_id=self._current):
            self.select_part(after.id if after else None)

    def _reshape(self, label: str, change) -> None:
        if self._current is not None:
            part_id = self._current
            self.document.edit(label, change, part_id=part_id)
            self.select_part(part_id)
