"""The campaign table: one row per force from `composer.campaign.deadlines.overview()`, with overdue rows
tinted (in the palette's own colours, so dark themes stay readable), and `CampaignFilter`, which
sorts by real dates and filters by text, status and "overdue only"."""

from __future__ import annotations

from datetime import date

from composer.calendar import working_days
from composer.campaign.deadlines import Progress, overview
from composer.campaign.model import Campaign, Status
from composer.ui.qt import (
    QAbstractTableModel,
    QApplication,
    QColor,
    QFont,
    QModelIndex,
    QPalette,
    QSortFilterProxyModel,
    Qt,
)

OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_TINT = (220, 53, 69)  # red, mixed into the palette's own base colour
LATE_TINT = (255, 193, 7)  # amber: answered, but late


def _tinted(rgb: tuple[int, int, int], share: float = 0.3) -> QColor:
    """The palette's base colour moved towards `rgb`: readable in light and dark themes alike,
    since the text keeps the palette's own colour."""
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    mix = [round(b * (1 - share) + t * share) for b, t in zip((base.red(), base.green(), base.blue()), rgb)]
    return QColor(*mix)


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def _replied(p: Progress) -> str | None:
    """`replied 2026-12-21`, and `(late)` after it when the answer came late: the amber tint says
    so only to those who see colours."""
    said = p.replied_in_words
    return f"{said} (late)" if said and p.answered_late else said


COLUMNS: list[tuple[str, object]] = [
    ("Force", lambda p: p.force_name),
    ("Act", lambda p: p.act.value),
    ("Status", lambda p: p.status_label),
    ("Sent", lambda p: _iso(p.sent)),
    ("Due", lambda p: _replied(p) or (
        f"{_iso(p.due)} (extended)" if p.extended else _iso(p.due) or "on hold")),
    ("Next", lambda p: p.next_in_words),  # with its date ("… by 2027-02-01"), as the command line
    ("Reference", lambda p: p.reference_shown),
    ("Sections", lambda p: " ".join(p.sections)),
]
_SORT_KEYS = {  # dates sort as dates, "on hold" and blanks last
    "Sent": lambda p: _iso(p.sent), "Due": lambda p: _iso(p.due) or "9999",
    "Next": lambda p: _iso(p.next_date) or "9999",
}


_DISPLAY, _TIP, _FONT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_SAID = int(Qt.ItemDataRole.AccessibleDescriptionRole)  # a screen reader's tooltip: the same words
_ROLES = frozenset({_DISPLAY, _TIP, _FONT, _BACKGROUND, _SAID, int(SORT_ROLE), int(OVERDUE_ROLE)})  # the rest: None
_NEXT_COLUMN = [title for title, _ in COLUMNS].index("Next")


class CampaignTableModel(QAbstractTableModel):
    """One row per force in a campaign, worked out for `today`. Read-only: changes go through
    `composer.operations.campaign` and come back with `set_campaign`.

    Each cell's words are worked out once per campaign shown: the columns are sized to their
    contents, so Qt asks every cell for eight roles whenever the table is laid out (again on each
    resize), and the next step's words were made afresh for each question."""

    def __init__(self, campaign: Campaign | None = None, today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.today = today or date.today()
        self.rows: list[Progress] = overview(campaign, self.today) if campaign else []
        self._shown = self._words(self.rows)

    def set_campaign(self, campaign: Campaign | None, today: date | None = None) -> None:
        self.beginResetModel()
        self.campaign = campaign
        self.today = today or self.today
        self.rows = overview(campaign, self.today) if campaign else []
        self._shown = self._words(self.rows)
        self.endResetModel()

    @staticmethod
    def _words(rows: list[Progress]) -> list[list[str]]:
        return [[value(p) for _, value in COLUMNS] for p in rows]  # type: ignore[operator]

    def progress_at(self, row: int) -> Progress:
        return self.rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return COLUMNS[section][0]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return self._shown[row][column]
        p = self.rows[row]
        if role == SORT_ROLE:
            title, value = COLUMNS[column]
            return _SORT_KEYS[title](p) if title in _SORT_KEYS else self._shown[row][column]
        if role == OVERDUE_ROLE:
            return p.overdue
        if role == _BACKGROUND:
            if p.overdue:
                return _tinted(OVERDUE_TINT)
            if p.answered_late:
                return _tinted(LATE_TINT)
            return None
        if role == _FONT and p.overdue and column == _NEXT_COLUMN:
            font = QFont()
            font.setBold(True)
            return font
        if role in (_TIP, _SAID):  # warnings and notes live here: not for the mouse alone
            tips = [f"{p.force_name}: {p.status_label}", f"next: {p.next_in_words}"]
            if p.late_by:
                tips.append(f"{working_days(p.late_by)} late")
            if p.review_ask_by:
                tips.append(f"review to be asked by {p.review_ask_by.isoformat()}")
            if p.extended and p.statutory_due:
                tips.append(f"extended for the public interest test from {p.statutory_due.isoformat()}")
            tips += [f"warning: {warning}" for warning in p.warnings]
            if p.notes:
                tips.append(p.notes)
            return "\n".join(tips)
        return None


class CampaignFilter(QSortFilterProxyModel):
    """Sorts by real dates; filters by words (force, status, reference), status and overdue."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.words: list[str] = []
        self.overdue_only = False
        self.status: Status | None = None

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def set_words(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "words", text.lower().split()))

    def set_overdue_only(self, on: bool) -> None:
        self._refilter(lambda: setattr(self, "overdue_only", bool(on)))

    def set_status(self, status: Status | None) -> None:
        self._refilter(lambda: setattr(self, "status", status))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CampaignTableModel) or row >= len(model.rows):
            return True
        p = model.progress_at(row)
        if self.overdue_only and not p.overdue:
            return False
        if self.status is not None and p.status is not self.status:
            return False
        haystack = " ".join([p.force_name, p.force_id, p.status_label, p.reference, *p.sections]).lower()
        return all(word in haystack for word in self.words)
