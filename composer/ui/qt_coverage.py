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
    QApplication,
    QBrush,
    QBuffer,
    QByteArray,
    QColor,
    QComboBox,
    QEvent,
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
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_access import name_corner, towards

TINTS = {  # mixed into the palette's own base colour, so a dark theme stays readable
    State.ANSWERED: (40, 167, 69),
    State.PARTLY: (160, 200, 40),
    State.NOT_HELD: (90, 120, 170),
    State.REFUSED: (220, 53, 69),
    State.CLARIFY: (255, 193, 7),
    State.ATTACHED: (60, 170, 190),
    State.WAITING: (128, 128, 128),
    State.OVERDUE: (230, 90, 20),
}
_SHARE = {State.WAITING: 0.08, State.OVERDUE: 0.45}


def colour(state: State, base: QColor) -> QColor:
    """The colour of a state's cells: `base` moved towards the state's tint."""
    share = _SHARE.get(state, 0.35)
    return towards(base, QColor(*TINTS[state]), share)


def _base() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Base)


_SHORT = {
    State.ANSWERED: "yes",
    State.PARTLY: "part",
    State.NOT_HELD: "none",
    State.CLARIFY: "?",
    State.ATTACHED: "file",
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


_NO_EDIT = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


class CoverageTableModel(QStandardItemModel):
    """The matrix as a table, each cell's words, colour and tip set once when the coverage is set.

    The table's rows and columns are sized to their contents, so Qt asks every cell for eight roles
    whenever it lays the table out: held in the cells themselves, the answers need no call into
    Python (49 forces by 99 parts: some 40,000 such calls on each layout, most of the Coverage
    tab's time). A cell's colour is its state's on the palette's base colour, set again when the
    palette changes (`recolour`)."""

    def __init__(self, coverage: Coverage | None = None, parent=None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None
        self.set_coverage(coverage)

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset for the views, not a signal per cell
        try:
            self.coverage = coverage
            self.setRowCount(0)
            self.setColumnCount(0)
            if coverage is not None:
                self._fill(coverage)
        finally:
            self.blockSignals(blocked)
            self.endResetModel()

    def _fill(self, cov: Coverage) -> None:
        forces, parts = len(cov.forces), len(cov.parts)
        self.setRowCount(forces + 1)
        self.setColumnCount(parts + 1)
        bold, base = _bold(), _base()
        brushes = {state: QBrush(colour(state, base)) for state in STATES}
        centre = Qt.AlignmentFlag.AlignCenter
        for column, part in enumerate(cov.parts):
            self.setHorizontalHeaderItem(column, _item(part, f"{part}. {cov.part_texts[part]}\n{cov.summary(part)}"))
            total = _item(f"{cov.per_part(part)[State.ANSWERED]}/{forces}", cov.summary(part))
            total.setFont(bold)
            self.setItem(forces, column, total)
        self.setHorizontalHeaderItem(parts, _item("answered"))
        for row, (force_id, name) in enumerate(cov.forces):
            self.setVerticalHeaderItem(row, _item(name))
            for column, part in enumerate(cov.parts):
                cell = cov.cell(force_id, part)
                said = f"{name}, part {part}: {cell.label}"
                item = _item(short_label(cell), f"{said}\n{part}. {cov.part_texts[part]}")
                item.setData(said, Qt.ItemDataRole.AccessibleTextRole)  # "…" or "?" read aloud says nothing
                item.setBackground(brushes[cell.state])
                item.setTextAlignment(centre)
                self.setItem(row, column, item)
            counts = cov.per_force(force_id)
            spelled = "; ".join(f"{n} {s.value}" for s, n in counts.items() if n)
            total = _item(f"{counts[State.ANSWERED]}/{parts}", f"{name}: {spelled}")
            total.setFont(bold)
            self.setItem(row, parts, total)
        self.setVerticalHeaderItem(forces, _item("forces answering"))
        self.setItem(forces, parts, _item(""))  # the corner: nothing, and not to be edited

    def recolour(self) -> None:
        """Each cell's colour again, on the palette's base colour as it is now (a theme changed)."""
        cov = self.coverage
        if cov is None:
            return
        base = _base()
        brushes = {state: QBrush(colour(state, base)) for state in STATES}
        blocked = self.blockSignals(True)
        try:
            for row, (force_id, _name) in enumerate(cov.forces):
                for column, part in enumerate(cov.parts):
                    self.item(row, column).setBackground(brushes[cov.cell(force_id, part).state])
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(self.index(0, 0), self.index(len(cov.forces) - 1, len(cov.parts) - 1),
                              [Qt.ItemDataRole.BackgroundRole])


def _item(text: str, tip: str | None = None) -> QStandardItem:
    item = QStandardItem(text) if text else QStandardItem()
    item.setFlags(_NO_EDIT)
    if tip is not None:
        item.setToolTip(tip)
    return item


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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.model.recolour()  # a theme changed: the cells' colours are on its base colour
        super().changeEvent(event)

    def _explain(self, index: QModelIndex) -> None:
        cov = self.model.coverage
        if cov is None or not index.isValid() or index.column() >= len(cov.parts):
            return
        part = cov.parts[index.column()]
        whole = cov.request_summary()
        self.summary.setText(f"<b>{part}.</b> {cov.part_texts[part]}<br>{cov.summary(part)}"
                             + (f"<br>{whole}" if whole else ""))


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
