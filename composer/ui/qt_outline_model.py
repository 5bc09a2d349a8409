"""The request's parts as a tree for Qt views: numbered parts at the top, sub-parts under them.

The model follows the document: on every change it redraws (a full reset only when parts were
added, removed or moved; typing just refreshes the rows). Changes made through the view, by
dragging a part or typing a priority, go back through `QtDocument.edit()` like every other edit.
"""

from __future__ import annotations

from composer.law import readable
from composer.model import Part
from composer.operations import request as ops
from composer.ui.qt import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt
from composer.ui.qt_document import QtDocument

MIME = "application/x-foi-composer-part"
PART_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Part", "Priority", "Asked")
CONDITIONS = {None: "", "if_yes": "if yes", "if_no": "if no"}


def one_line(text: str, empty: str = "(empty: type the question)") -> str:
    flat = " ".join(text.split())
    return flat or empty




class QtOutlineModel(QAbstractItemModel):
    def __init__(self, document: QtDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._shape = self._shape_of()
        self._numbers = self._numbers_of()
        self._rows = self._rows_of()
        document.changed.connect(self._on_changed)

    # -- following the document -------------------------------------------------------------
    def _shape_of(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(p.id, tuple(s.id for s in p.subparts)) for p in self.document.request.parts]

    def _numbers_of(self) -> dict[str, str]:
        return {n.part.id: n.number for n in self.document.request.numbered()}

    def _rows_of(self) -> dict[str, tuple]:
        """What each row shows (number, text with the request's fields filled in, priority,
        condition), kept so that only the rows that changed are redrawn."""
        request = self.document.request
        return {p.id: (self._numbers.get(p.id, "?"), one_line(readable(p.text, request)),
                       p.priority, p.condition)
                for p in self.document.request.all_parts()}

    def _on_changed(self) -> None:
        shape = self._shape_of()
        if shape != self._shape:
            self.beginResetModel()
            self._shape = shape
            self._numbers = self._numbers_of()
            self._rows = self._rows_of()
            self.endResetModel()
            return
        self._numbers = self._numbers_of()
        rows = self._rows_of()
        changed = [part_id for part_id, row in rows.items() if self._rows.get(part_id) != row]
        self._rows = rows
        last = len(COLUMNS) - 1
        for part_id in changed:  # typing changes one row; a new priority renumbers several
            first = self.index_of(part_id)
            self.dataChanged.emit(first, first.siblingAtColumn(last))

    # -- finding parts ----------------------------------------------------------------------
    def part_at(self, index: QModelIndex) -> Part | None:
        if not index.isValid():
            return None
        parts = self.document.request.parts
        if index.internalId() == 0:
            return parts[index.row()] if index.row() < len(parts) else None
        top = parts[index.internalId() - 1]
        return top.subparts[index.row()] if index.row() < len(top.subparts) else None

    def index_of(self, part_id: str, column: int = 0) -> QModelIndex:
        for row, (top_id, subs) in enumerate(self._shape):
            if top_id == part_id:
                return self.index(row, column)
            if part_id in subs:
                return self.index(subs.index(part_id), column, self.index(row, 0))
        return QModelIndex()

    # -- the tree -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | None = None):  # QObject.parent() when called bare
        if index is None:
            return super().parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._shape)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._shape[parent.row()][1])

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        part = self.part_at(index)
        if part is None:
            return None
        column = index.column()
        if role == PART_ID_ROLE:
            return part.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                number, text, _, _ = self._rows[part.id]
                return f"{number}.  {text}"
            if column == 1:
                return str(part.priority) if part.priority else ""
            return CONDITIONS[part.condition]
        if role == Qt.ItemDataRole.EditRole and column == 1:
            return part.priority or 0
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:  # fields in words, not braces
            return readable(part.text, self.document.request) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return "Rank for the cost limit: 1 is wanted most. Sub-parts go with their part."
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == 0:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.column() == 1:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        part = self.part_at(index)
        if part is None or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            priority = int(value) if str(value).strip() else None
        except ValueError:
            return False
        return self.document.edit(
            "Set priority", ops.set_priority, part_id=part.id,
            priority=priority if priority and priority > 0 else None
        )

    # -- drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        part = next((self.part_at(i) for i in indexes if i.isValid()), None)
        if part is not None:
            data.setData(MIME, QByteArray(part.id.encode()))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex):
        if not data.hasFormat(MIME):
            return None
        part_id = bytes(data.data(MIME).data()).decode()
        if self.document.request.find(part_id) is None:
            return None
        if parent.isValid() and parent.internalId() != 0:  # dropped onto a sub-part: after it
            row, parent = parent.row() + 1, parent.parent()
        parent_part = self.part_at(parent.sibling(parent.row(), 0)) if parent.isValid() else None
        return part_id, (parent_part.id if parent_part else None), row

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        part_id, parent_id, _ = target
        part = self.document.request.find(part_id)
        return parent_id is None or (parent_id != part_id and not part.subparts)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        """Move the part through the document. Returns False so that the view does not also
        remove the dragged rows itself: the document's change already redrew the tree."""
        target = self._drop_target(data, row, parent)
        if target is None or action == Qt.DropAction.IgnoreAction:
            return False
        part_id, parent_id, row = target
        self.document.edit("Move part", ops.move_part, part_id=part_id, parent_id=parent_id, row=row)
        return False
