"""The coverage view: which forces answered which parts, with counts per part and per force.

`CoverageTableModel` shows a `composer.coverage.Coverage` as a table (a row per force, a column
per part, a last row and column of counts); `QtCoverageView` adds the legend, a campaign picker and
the sentence a report would quote for the chosen part. `paint_coverage` draws the same table as a
picture for a report (`foi-composer campaign coverage NAME --png FILE`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from composer import storage
from composer.coverage import STATES, Coverage, State, in_folder
from composer.errors import ComposerError
from composer.model import counted
from composer.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QApplication,
    QBrush,
    QBuffer,
    QByteArray,
    QColor,
    QComboBox,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHBoxLayout,
    QHeaderView,
    QImage,
    QIODevice,
    QLabel,
    QModelIndex,
    QPainter,
    QPalette,
    QPushButton,
    QRect,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_access import name_corner

TINTS = {  # mixed into the palette's own base colour, so a dark theme stays readable
    State.ANSWERED: (40, 167, 69),
    State.PARTLY: (160, 200, 40),
    State.NOT_HELD: (90, 120, 170),
    State.REFUSED: (220, 53, 69),
    State.CLARIFY: (255, 193, 7),
    State.WAITING: (128, 128, 128),
    State.OVERDUE: (230, 90, 20),
}
_SHARE = {State.WAITING: 0.08, State.OVERDUE: 0.45}


def colour(state: State, base: QColor) -> QColor:
    """The colour of a state's cells: `base` moved towards the state's tint."""
    share = _SHARE.get(state, 0.35)
    rgb = TINTS[state]
    return QColor(*(round(b + (t - b) * share) for b, t in zip(base.getRgb()[:3], rgb, strict=True)))


def _base() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Base)


_SHORT = {
    State.ANSWERED: "yes",
    State.PARTLY: "part",
    State.NOT_HELD: "none",
    State.CLARIFY: "?",
    State.WAITING: "…",
    State.OVERDUE: "late",
}


def short_label(cell) -> str:
    """What fits in a cell: a refusal shows its sections (or NCND)."""
    if cell.state is State.REFUSED:  # the first section; the rest are in the tooltip
        if cell.ncnd:
            return "NCND"
        return cell.sections[0] + ("+" if len(cell.sections) > 1 else "") if cell.sections else "refused"
    return _SHORT[cell.state]


_DISPLAY, _TIP, _FONT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.FontRole)
_BACKGROUND, _ALIGN = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.TextAlignmentRole)
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)  # what a screen reader says of a cell
_ROLES = frozenset({_DISPLAY, _TIP, _FONT, _BACKGROUND, _ALIGN, _SPOKEN})  # the roles the table answers; the rest None
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class CoverageTableModel(QAbstractTableModel):
    """The matrix as a table. What each cell shows is worked out once, when the coverage is set: the
    table's rows and columns are sized to their contents, so Qt asks every cell for eight roles each
    time it lays the table out (some 40,000 questions for 49 forces by 99 parts), and each answer
    used to count the states of a whole part or force again."""

    def __init__(self, coverage: Coverage | None = None, parent=None) -> None:
        super().__init__(parent)
        self._brushes: dict[tuple[State, int], QBrush] = {}
        self._take(coverage)

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.beginResetModel()
        self._take(coverage)
        self.endResetModel()

    def _take(self, coverage: Coverage | None) -> None:
        self.coverage = coverage
        if coverage is None:
            self._cells, self._per_part, self._per_force = [], [], []
            return
        self._cells = [[coverage.cell(force_id, part) for part in coverage.parts] for force_id, _ in coverage.forces]
        self._labels = [[short_label(cell) for cell in row] for row in self._cells]
        self._per_part = [coverage.per_part(part) for part in coverage.parts]
        self._per_force = [coverage.per_force(force_id) for force_id, _ in coverage.forces]
        forces, parts = len(coverage.forces), len(coverage.parts)
        self._part_answered = [f"{counts[State.ANSWERED]}/{forces}" for counts in self._per_part]
        self._force_answered = [f"{counts[State.ANSWERED]}/{parts}" for counts in self._per_force]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.coverage is None:
            return 0
        return len(self.coverage.forces) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.coverage is None:
            return 0
        return len(self.coverage.parts) + 1

    def _is_total_row(self, row: int) -> bool:
        return self.coverage is not None and row == len(self.coverage.forces)

    def _is_total_column(self, column: int) -> bool:
        return self.coverage is not None and column == len(self.coverage.parts)

    def _brush(self, state: State) -> QBrush:
        """The state's colour on the palette's base as it is now (a theme may change it)."""
        base = _base()
        key = (state, base.rgba())
        found = self._brushes.get(key)
        if found is None:
            found = self._brushes[key] = QBrush(colour(state, base))
        return found

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cov = self.coverage
        if role not in _ROLES or cov is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        total_row, total_column = row == len(cov.forces), column == len(cov.parts)
        if total_row and total_column:
            return None
        if total_row:
            if role == _DISPLAY:
                return self._part_answered[column]
            if role == _TIP:
                return cov.summary(cov.parts[column])
            if role == _FONT:
                return _bold()
            return None
        if total_column:
            if role == _DISPLAY:
                return self._force_answered[row]
            if role == _TIP:
                spelled = "; ".join(f"{n} {s.value}" for s, n in self._per_force[row].items() if n)
                return f"{cov.forces[row][1]}: {spelled}"
            if role == _FONT:
                return _bold()
            return None
        if role == _DISPLAY:
            return self._labels[row][column]
        if role == _BACKGROUND:
            return self._brush(self._cells[row][column].state)
        if role == _ALIGN:
            return _CENTRE
        if role == _SPOKEN:  # "…" or "?" read aloud says nothing
            return f"{cov.forces[row][1]}, part {cov.parts[column]}: {self._cells[row][column].label}"
        if role == _TIP:
            part = cov.parts[column]
            return f"{cov.forces[row][1]}, part {part}: {self._cells[row][column].label}\n{part}. {cov.part_texts[part]}"
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        cov = self.coverage
        if cov is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if self._is_total_column(section):
                return "answered" if role == Qt.ItemDataRole.DisplayRole else None
            part = cov.parts[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return part
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{part}. {cov.part_texts[part]}\n{cov.summary(part)}"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "forces answering" if self._is_total_row(section) else cov.forces[section][1]
        return None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class QtCoverageView(QWidget):
    """A campaign's coverage, chosen from the campaigns on this computer."""

    def __init__(self, load, names, parent: QWidget | None = None, *, wanted: str | None = None) -> None:
        """`names()` lists the campaigns; `load(name)` returns the Coverage of one. `wanted`: the
        campaign to show first (else the first listed)."""
        super().__init__(parent)
        self._load, self._names = load, names
        self.picker = QComboBox(self)
        self.picker.setAccessibleName("Campaign")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reload_button = QPushButton("&Read again", self)
        self.reload_button.setToolTip("Read the campaigns and their attached replies again")
        self.model = CoverageTableModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Coverage: forces by parts")
        self.table.setAccessibleDescription("A row per force and a column per part: what each force "
                                            "did with each part; the last row and column count the "
                                            "answers. Choose a column to hear its summary.")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        name_corner(self.table, "Select the whole table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setMinimumSectionSize(self.fontMetrics().horizontalAdvance("00/00"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("What the chosen part's column says")
        legend = QHBoxLayout()
        legend.setSpacing(4)
        for state in STATES:
            chip = QLabel(f" {state.value} ", self)
            chip.setAutoFillBackground(True)
            palette = chip.palette()
            palette.setColor(QPalette.ColorRole.Window, colour(state, _base()))
            chip.setPalette(palette)
            legend.addWidget(chip)
        legend.addStretch(1)
        top = QHBoxLayout()
        label = QLabel("Campai&gn:", self)
        label.setBuddy(self.picker)
        top.addWidget(label)
        top.addWidget(self.picker)
        top.addWidget(self.reload_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.picker.currentTextChanged.connect(self.show_campaign)
        self.reload_button.clicked.connect(self.refresh)
        self.table.selectionModel().currentColumnChanged.connect(lambda cur, _prev: self._explain(cur))
        self.refresh(wanted)

    def refresh(self, wanted: str | None = None) -> None:
        """List the campaigns again and show `wanted` (the one the Follow up tab shows), else the
        one shown before."""
        names = list(self._names())
        current = wanted if wanted in names else self.picker.currentText()
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItems(names)
        if current in names:
            self.picker.setCurrentText(current)
        self.picker.blockSignals(False)
        if names:
            self.show_campaign(self.picker.currentText())
        else:
            self.model.set_coverage(None)
            self.summary.setText("No campaign yet: start one after exporting letters "
                                 "(File › New campaign).")

    def show_campaign(self, name: str) -> None:
        if not name:
            return
        try:
            cov = self._load(name)
        except ComposerError as exc:
            self.model.set_coverage(None)
            self.summary.setText(str(exc))
            return
        self.model.set_coverage(cov)
        self.summary.setText("Choose a part's column to see what the forces did with it.")
        if cov.parts:
            self._explain(self.model.index(0, 0))

    def _explain(self, index: QModelIndex) -> None:
        cov = self.model.coverage
        if cov is None or not index.isValid() or index.column() >= len(cov.parts):
            return
        part = cov.parts[index.column()]
        self.summary.setText(f"<b>{part}.</b> {cov.part_texts[part]}<br>{cov.summary(part)}")


# -- a picture for a report ------------------------------------------------------------------------
def paint_coverage(cov: Coverage, today: date | None = None) -> QImage:
    """The table as an image: forces down, parts across, counts in the last row and column."""
    if QGuiApplication.instance() is None:
        raise ComposerError("drawing needs the app's Qt to be started first")
    font = QFont()
    font.setPointSize(9)
    bold = QFont(font)
    bold.setBold(True)
    metrics, strong = QFontMetrics(font), QFontMetrics(bold)
    line = metrics.height()
    pad = 6
    names_w = max([metrics.horizontalAdvance(n) for _, n in cov.forces] +
                  [strong.horizontalAdvance("forces answering")]) + 2 * pad
    cell_w = max([metrics.horizontalAdvance(short_label(c)) for c in cov.cells.values()] +
                 [strong.horizontalAdvance("answered"), strong.horizontalAdvance("00/00")]) + 2 * pad
    row_h = line + pad
    title_h, legend_h = line * 2, row_h + pad
    columns = len(cov.parts) + 1
    width = names_w + cell_w * columns + 2 * pad
    legend_w = sum(metrics.horizontalAdvance(s.value) + 3 * pad for s in STATES) + 2 * pad
    width = max(width, legend_w)
    height = title_h + legend_h + row_h * (len(cov.forces) + 2) + 2 * pad
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    # A picture for a report is printed on white whatever the screen's theme: black ink, grey rules.
    paper, ink, grid = QColor(255, 255, 255), QColor(0, 0, 0), QColor(150, 150, 150)
    image.fill(paper)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(ink)
    painter.setFont(bold)
    when = f" on {today.isoformat()}" if today else ""
    painter.drawText(QRect(pad, pad, width - 2 * pad, line), int(Qt.AlignmentFlag.AlignLeft),
                     f"{cov.campaign_name}: what {counted(len(cov.forces), 'force')} did with each part{when}")
    painter.setFont(font)
    x, y = pad, pad + title_h
    for state in STATES:
        w = metrics.horizontalAdvance(state.value) + 2 * pad
        painter.fillRect(QRect(x, y, w, row_h), colour(state, paper))
        painter.drawText(QRect(x, y, w, row_h), int(Qt.AlignmentFlag.AlignCenter), state.value)
        x += w + pad
    top = pad + title_h + legend_h

    def box(col: int, row: int, text: str, fill: QColor | None = None, *, strong: bool = False,
            left: bool = False) -> None:
        rx = pad if col < 0 else pad + names_w + col * cell_w
        rw = names_w if col < 0 else cell_w
        rect = QRect(rx, top + row * row_h, rw, row_h)
        if fill:
            painter.fillRect(rect, fill)
        painter.setPen(grid)
        painter.drawRect(rect)
        painter.setPen(ink)
        painter.setFont(bold if strong else font)
        flags = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignLeft if left else
                                                 Qt.AlignmentFlag.AlignHCenter)
        painter.drawText(rect.adjusted(pad, 0, -pad, 0), int(flags), text)

    box(-1, 0, "force", strong=True, left=True)
    for col, part in enumerate(cov.parts):
        box(col, 0, part, strong=True)
    box(len(cov.parts), 0, "answered", strong=True)
    for r, (force_id, name) in enumerate(cov.forces, start=1):
        box(-1, r, name, left=True)
        for col, part in enumerate(cov.parts):
            cell = cov.cell(force_id, part)
            box(col, r, short_label(cell), colour(cell.state, paper))
        box(len(cov.parts), r, f"{cov.per_force(force_id)[State.ANSWERED]}/{len(cov.parts)}", strong=True)
    last = len(cov.forces) + 1
    box(-1, last, "forces answering", strong=True, left=True)
    for col, part in enumerate(cov.parts):
        box(col, last, f"{cov.per_part(part)[State.ANSWERED]}/{len(cov.forces)}", strong=True)
    painter.end()
    return image


def save_coverage_png(cov: Coverage, dest: Path, today: date | None = None) -> Path:
    """Written atomically, like every file the app writes, and never over a file already there (a
    taken name becomes "name (2)"); a folder `dest` gets a file named after the campaign.
    Returns the path written."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    paint_coverage(cov, today).save(buffer, "PNG")
    buffer.close()
    return storage.write_new(in_folder(dest, cov, ".png"), bytes(data))
