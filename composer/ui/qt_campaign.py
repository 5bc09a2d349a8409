"""The campaign tab: every force's status and deadline at a glance, and its follow-up letters.

`CampaignTableModel` shows `composer.campaign.overview()` (one row per force), with overdue rows
highlighted; `CampaignFilter` sorts it by real dates and filters it by text, status and
"overdue only". `QtCampaignPanel` puts them together with the actions: record what happened,
attach a response, export the report, and write a follow-up for the selected forces through the
letters package. Every dialog has a `@classmethod ask(...)` that tests replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from composer import storage
from composer.calendar import parse_date
from composer.campaign import (
    Campaign,
    CampaignStore,
    Progress,
    Status,
    export_csv,
    overview,
    parse_status,
    record,
)
from composer.errors import ComposerError
from composer.followups import (
    FORMATS,
    FollowUpKind,
    available_kinds,
    file_name,
    follow_up_letter,
    latest_check,
    write_follow_up,
)
from composer.forces import load_directory
from composer.profile import load_profile
from composer.responses import parse_sections
from composer.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QApplication,
    QCheckBox,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFont,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPalette,
    QPlainTextEdit,
    QPushButton,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
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


def _next(p: Progress) -> str:
    if p.overdue and p.late_by and p.status is not Status.REVIEW_ASKED:
        return f"{p.next_step} ({p.late_by} working day{'s' if p.late_by != 1 else ''} late)"
    return p.next_step


COLUMNS: list[tuple[str, object]] = [
    ("Force", lambda p: p.force_name),
    ("Act", lambda p: p.act.value),
    ("Status", lambda p: p.status_label),
    ("Sent", lambda p: _iso(p.sent)),
    ("Due", lambda p: _iso(p.due) or "on hold"),
    ("Next", _next),
    ("By", lambda p: _iso(p.next_date)),
    ("Reference", lambda p: p.reference),
    ("Sections", lambda p: " ".join(p.sections)),
]
_SORT_KEYS = {  # dates sort as dates, "on hold" and blanks last
    "Sent": lambda p: _iso(p.sent), "Due": lambda p: _iso(p.due) or "9999",
    "By": lambda p: _iso(p.next_date) or "9999",
}


class CampaignTableModel(QAbstractTableModel):
    """One row per force in a campaign, worked out for `today`. Read-only: changes go through
    `composer.campaign` and come back with `set_campaign`."""

    def __init__(self, campaign: Campaign | None = None, today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.today = today or date.today()
        self.rows: list[Progress] = overview(campaign, self.today) if campaign else []

    def set_campaign(self, campaign: Campaign | None, today: date | None = None) -> None:
        self.beginResetModel()
        self.campaign = campaign
        self.today = today or self.today
        self.rows = overview(campaign, self.today) if campaign else []
        self.endResetModel()

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
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        p = self.rows[index.row()]
        title, value = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value(p)  # type: ignore[operator]
        if role == SORT_ROLE:
            return _SORT_KEYS.get(title, value)(p)  # type: ignore[operator]
        if role == OVERDUE_ROLE:
            return p.overdue
        if role == Qt.ItemDataRole.BackgroundRole:
            if p.overdue:
                return _tinted(OVERDUE_TINT)
            if p.responded and p.late_by:
                return _tinted(LATE_TINT)
            return None
        if role == Qt.ItemDataRole.FontRole and p.overdue and title == "Next":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [f"{p.force_name}: {p.status_label}", f"next: {_next(p)}"]
            if p.late_by:
                tips.append(f"{p.late_by} working days late")
            if p.review_ask_by:
                tips.append(f"review to be asked by {p.review_ask_by.isoformat()}")
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


# -- dialogs --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUpChoice:
    folder: Path
    fmt: str
    message: str


class QtFollowUpDialog(QDialog):
    """Where to write follow-up letters, in what format, with any words of your own."""

    def __init__(self, parent: QWidget | None, kind: FollowUpKind, forces: list[str],
                 folder: Path, fmt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{kind.value.capitalize()} letter")
        form = QFormLayout(self)
        shown = ", ".join(forces[:4]) + (f" and {len(forces) - 4} more" if len(forces) > 4 else "")
        form.addRow(QLabel(f"For: {shown}"))
        self.folder = QLineEdit(str(folder))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form.addRow("Folder", row)
        self.format = QComboBox()
        self.format.addItems(list(FORMATS))
        self.format.setCurrentText(fmt)
        form.addRow("Format", self.format)
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText(
            "Your clarification" if kind is FollowUpKind.CLARIFICATION
            else "Anything to add (optional): further reasons, in your own words")
        form.addRow("Your words", self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder for the letters", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def choice(self) -> FollowUpChoice:
        return FollowUpChoice(Path(self.folder.text().strip()), self.format.currentText(),
                              self.message.toPlainText())

    @classmethod
    def ask(cls, parent: QWidget | None, kind: FollowUpKind, forces: list[str], folder: Path,
            fmt: str = "docx") -> FollowUpChoice | None:
        dialog = cls(parent, kind, forces, folder, fmt)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class RecordChoice:
    status: Status | None
    on: date
    reference: str | None
    sections: list[str] | None
    note: str


class QtRecordDialog(QDialog):
    """Record what a force did (or what you did), and when."""

    def __init__(self, parent: QWidget | None, p: Progress, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Record: {p.force_name}")
        form = QFormLayout(self)
        self.status = QComboBox()
        self.status.addItem("(no change)", None)
        for status in Status:
            self.status.addItem(status.label(p.act), status.value)
        form.addRow("What happened", self.status)
        self.on = QLineEdit(today.isoformat())
        form.addRow("On (YYYY-MM-DD)", self.on)
        self.reference = QLineEdit(p.reference)
        form.addRow("Their reference", self.reference)
        self.sections = QLineEdit(" ".join(p.sections))
        self.sections.setPlaceholderText("e.g. s31 s40(2)")
        form.addRow("Sections cited", self.sections)
        self.note = QLineEdit()
        form.addRow("Note", self.note)
        self.problem = QLabel()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._original = (p.reference, " ".join(p.sections))

    def choice(self) -> RecordChoice:
        """The answers, checked; ComposerError names a bad date or section."""
        value = self.status.currentData()
        reference = self.reference.text().strip()
        sections = self.sections.text().strip()
        try:
            parsed = parse_sections(sections) if sections else []
        except ValueError as exc:
            raise ComposerError(str(exc)) from None
        return RecordChoice(
            status=parse_status(value) if value else None,
            on=parse_date(self.on.text(), "date"),
            reference=reference if reference != self._original[0] else None,
            sections=parsed if sections != self._original[1] else None,
            note=self.note.text().strip(),
        )

    def _accept(self) -> None:
        try:
            self.choice()
        except ComposerError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, p: Progress, today: date) -> RecordChoice | None:
        dialog = cls(parent, p, today)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class QtPickFile:
    """File choosers, behind `ask`-style class methods like the dialogs."""

    @classmethod
    def ask_open(cls, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder))
        return Path(chosen) if chosen else None

    @classmethod
    def ask_save(cls, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "CSV (*.csv)")
        return Path(chosen) if chosen else None


# -- the panel ------------------------------------------------------------------------------------
_KIND_BUTTONS = [
    (FollowUpKind.CLARIFICATION, "Reply to clarification…"),
    (FollowUpKind.CHASER, "Chaser…"),
    (FollowUpKind.REVIEW, "Internal review…"),
    (FollowUpKind.COMPLAINT, "Complaint…"),
]


class QtCampaignPanel(QWidget):
    """A campaign's forces, their deadlines and their follow-ups.

    `campaign_store_or_path`: a `CampaignStore`, a folder of campaigns, or one `.campaign.json`.
    """

    letters_written = Signal(list)  # [Path]
    campaign_changed = Signal()

    def __init__(self, campaign_store_or_path: CampaignStore | Path | str, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(parent)
        source = campaign_store_or_path
        chosen: str | None = None
        if isinstance(source, CampaignStore):
            self.store = source
        else:
            path = Path(source)
            if path.name.endswith(".campaign.json"):
                self.store, chosen = CampaignStore(path.parent), path.name
            else:
                self.store = CampaignStore(path)
        self.today = today or date.today()
        self.campaign: Campaign | None = None
        self.name: str | None = None
        self.letters_folder = Path.home()

        self.model = CampaignTableModel(None, self.today, self)
        self.proxy = CampaignFilter(self)
        self.proxy.setSourceModel(self.model)

        self.chooser = QComboBox()
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter: force, status, reference, section")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_words)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Any status", None)
        for status in Status:
            self.status_filter.addItem(status.label(), status.value)
        self.status_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_status(
                parse_status(self.status_filter.currentData()) if self.status_filter.currentData() else None))
        self.overdue = QCheckBox("Overdue only")
        self.overdue.toggled.connect(self.proxy.set_overdue_only)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # the most pressing date first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(lambda _: self.record_selected())

        self.summary = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons: dict[FollowUpKind, QPushButton] = {}
        actions = QHBoxLayout()
        for kind, text in _KIND_BUTTONS:
            button = QPushButton(text)
            button.setToolTip(f"Write a {kind.value} letter for each selected force")
            button.clicked.connect(lambda _=False, k=kind: self.write_follow_ups(k))
            actions.addWidget(button)
            self.buttons[kind] = button
        actions.addStretch(1)
        self.record_button = QPushButton("Record…")
        self.record_button.setToolTip("Record what happened: an answer, a refusal, a review …")
        self.record_button.clicked.connect(self.record_selected)
        self.attach_button = QPushButton("Attach response…")
        self.attach_button.clicked.connect(self.attach_to_selected)
        self.export_button = QPushButton("Export report…")
        self.export_button.clicked.connect(self.export_report)
        for button in (self.record_button, self.attach_button, self.export_button):
            actions.addWidget(button)

        top = QHBoxLayout()
        top.addWidget(QLabel("Campaign"))
        top.addWidget(self.chooser, 1)
        top.addWidget(self.search, 2)
        top.addWidget(self.status_filter)
        top.addWidget(self.overdue)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        self.reload(chosen)

    # -- loading ---------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """List the store's campaigns again; a file that cannot be read is named, not opened."""
        listing = self.store.list()
        keep = select or self.name
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for entry in listing.entries:
            self.chooser.addItem(entry.campaign.name, entry.name)
        self.chooser.blockSignals(False)
        self.message.setText("\n".join(listing.problems))
        names = [e.name for e in listing.entries]
        wanted = keep[: -len(".campaign.json")] if keep and keep.endswith(".campaign.json") else keep
        index = names.index(wanted) if wanted in names else (0 if names else -1)
        self.chooser.setCurrentIndex(index)
        self._chosen(index)

    def _chosen(self, index: int) -> None:
        name = self.chooser.itemData(index) if index >= 0 else None
        self.name = name
        try:
            self.campaign = self.store.load(name) if name else None
        except ComposerError as exc:
            self.campaign = None
            self.message.setText(str(exc))
        self._show()

    def set_today(self, today: date) -> None:
        self.today = today
        self._show()

    def _show(self) -> None:
        self.model.set_campaign(self.campaign, self.today)
        if self.campaign is None:
            self.summary.setText("No campaign yet: start one with `foi-composer campaign new`.")
        else:
            rows = self.model.rows
            overdue = sum(p.overdue for p in rows)
            self.summary.setText(f"{self.campaign.request.title}: {len(rows)} forces, {overdue} overdue "
                                 f"on {self.today.isoformat()}")
        self._update_buttons()

    # -- selection -------------------------------------------------------------------------------
    def selected(self) -> list[Progress]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.progress_at(r) for r in rows]

    def select_forces(self, force_ids: list[str]) -> None:
        """Select the rows of these forces (as a click would)."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row, p in enumerate(self.model.rows):
            if p.force_id in force_ids:
                proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
                if proxy_index.isValid():
                    selection.select(proxy_index, flags)
                    self.view.scrollTo(proxy_index)

    def _update_buttons(self) -> None:
        chosen = self.selected() if self.campaign else []
        fits = {kind for p in chosen for kind in available_kinds(p)}
        for kind, button in self.buttons.items():
            button.setEnabled(kind in fits)
        self.record_button.setEnabled(len(chosen) == 1)
        self.attach_button.setEnabled(len(chosen) == 1)
        self.export_button.setEnabled(self.campaign is not None)

    # -- actions ---------------------------------------------------------------------------------
    def _save(self, message: str) -> None:
        assert self.campaign is not None
        self.store.save(self.campaign)
        keep = [p.force_id for p in self.selected()]
        self._show()
        self.select_forces(keep)
        self.message.setText(message)
        self.campaign_changed.emit()

    def write_follow_ups(self, kind: FollowUpKind) -> list[Path]:
        """One letter of `kind` per selected force that it fits; the rest are named as skipped."""
        if self.campaign is None:
            return []
        chosen = [p for p in self.selected() if kind in available_kinds(p)]
        if not chosen:
            return []
        answer = QtFollowUpDialog.ask(self, kind, [p.force_name for p in chosen], self.letters_folder)
        if answer is None:
            return []
        self.letters_folder = answer.folder
        requester, _ = load_profile()
        directory = load_directory()
        written: list[Path] = []
        problems: list[str] = []
        for p in chosen:
            try:
                try:
                    force = directory.get(p.force_id)
                except ComposerError:
                    force = None
                check = latest_check(self.store, self.campaign, p.force_id) if kind in (
                    FollowUpKind.REVIEW, FollowUpKind.COMPLAINT) else None
                letter = follow_up_letter(self.campaign, p.force_id, kind, requester=requester,
                                          today=self.today, force=force, message=answer.message,
                                          check=check)
                name = file_name(kind, self.today, p.force_name, p.act, self.campaign.request.title,
                                 answer.fmt)
                path = storage.unique_path(answer.folder / name)
                written.append(write_follow_up(letter, path, answer.fmt))
                problems += [f"{p.force_name}: {w}" for w in letter.warnings]
            except ComposerError as exc:
                problems.append(f"{p.force_name}: {exc}")
        done = f"Wrote {len(written)} letter{'s' if len(written) != 1 else ''} to {answer.folder}."
        self.message.setText("\n".join([done, *problems]))
        if written:
            self.letters_written.emit(written)
        return written

    def record_selected(self) -> None:
        chosen = self.selected()
        if self.campaign is None or len(chosen) != 1:
            return
        p = chosen[0]
        answer = QtRecordDialog.ask(self, p, self.today)
        if answer is None:
            return
        try:
            record(self.campaign, p.force_id, status=answer.status, on=answer.on,
                   reference=answer.reference, sections=answer.sections, note=answer.note or None)
        except ComposerError as exc:
            self.message.setText(f"{p.force_name}: {exc}")
            return
        self._save(f"{p.force_name}: recorded.")

    def attach_to_selected(self) -> None:
        chosen = self.selected()
        if self.campaign is None or len(chosen) != 1:
            return
        source = QtPickFile.ask_open(self, "Attach a response", self.letters_folder)
        if source is None:
            return
        try:
            target = self.store.attach(self.campaign, chosen[0].force_id, source)
        except ComposerError as exc:
            self.message.setText(str(exc))
            return
        self._save(f"Attached {target.name} to {chosen[0].force_name}.")

    def export_report(self) -> Path | None:
        if self.campaign is None:
            return None
        suggested = self.letters_folder / f"{self.name}.csv"
        dest = QtPickFile.ask_save(self, "Export the campaign report", suggested)
        if dest is None:
            return None
        try:
            written = export_csv(self.campaign, dest, self.today)
        except (ComposerError, OSError) as exc:
            self.message.setText(f"The report could not be written: {exc}")
            return None
        self.message.setText(f"Report written to {written}.")
        return written
