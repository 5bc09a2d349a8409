"""The campaign tab: every force's status and deadline at a glance, and its follow-up letters.

`QtCampaignPanel` shows a campaign's table (`qt_campaign_model`) with its filters, and the
actions: record what happened, attach a response, export the report, and write a follow-up for
the selected forces (`composer.operations.followups`, as the command line does). Every change
goes through the open campaign's `QtCampaignDocument`, so it is written at once and one Ctrl+Z
takes it back. Its dialogs are in `qt_campaign_dialogs`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from composer.campaign.deadlines import Progress
from composer.campaign.model import Campaign, Status, parse_status
from composer.campaign.report import export_csv
from composer.campaign.store import CampaignStore
from composer.errors import ComposerError
from composer.letters.followups import FollowUpKind, available_kinds
from composer.operations.campaign import attach_reply, record
from composer.operations.followups import write_follow_ups
from composer.profile import load_profile
from composer.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_campaign_dialogs import QtFollowUpDialog, QtPickFile, QtRecordDialog
from composer.ui.qt_campaign_document import QtCampaignDocument
from composer.ui.qt_campaign_model import CampaignFilter, CampaignTableModel

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
        self.document = QtCampaignDocument(self.store, self)
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
        self.document.changed.connect(self._changed)
        self.document.refused.connect(self.message.setText)
        self.document.reloaded.connect(self.message.setText)

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
        keep = select or self.document.name
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

    @property
    def campaign(self) -> Campaign | None:
        return self.document.campaign

    @property
    def name(self) -> str | None:
        return self.document.name

    def _chosen(self, index: int) -> None:
        name = self.chooser.itemData(index) if index >= 0 else None
        try:
            self.document.open(name)
        except ComposerError as exc:
            self.message.setText(str(exc))

    def _changed(self) -> None:
        """The campaign changed (a step, an undo, a reload): redraw, keeping the selection."""
        keep = [p.force_id for p in self.selected()] if self.model.rows else []
        self._show()
        self.select_forces(keep)
        self.campaign_changed.emit()

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
        try:
            result = write_follow_ups(self.campaign, store=self.store,
                                      force_ids=[p.force_id for p in chosen], kind=kind,
                                      requester=requester, today=self.today, folder=answer.folder,
                                      fmt=answer.fmt, message=answer.message)
        except ComposerError as exc:
            self.message.setText(str(exc))
            return []
        written = result.written
        done = f"Wrote {len(written)} letter{'s' if len(written) != 1 else ''} to {answer.folder}."
        self.message.setText("\n".join([done, *result.problems]))
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
        done = self.document.apply(
            f"Record: {p.force_name}", record, force_id=p.force_id, status=answer.status,
            on=answer.on, until=answer.until, reference=answer.reference, sections=answer.sections,
            note=answer.note or None)
        if done is not None:
            self.message.setText(f"{p.force_name}: recorded.")

    def attach_to_selected(self) -> None:
        chosen = self.selected()
        if self.campaign is None or len(chosen) != 1:
            return
        source = QtPickFile.ask_open(self, "Attach a response", self.letters_folder)
        if source is None:
            return
        p = chosen[0]
        try:
            file = self.store.copy_in(self.campaign, p.force_id, source)
        except (ComposerError, OSError) as exc:
            self.message.setText(str(exc))
            return
        if self.document.apply(f"Attach: {p.force_name}", attach_reply, force_id=p.force_id,
                               file=file) is not None:
            self.message.setText(f"Attached {Path(file).name} to {p.force_name}.")

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
