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

from composer.campaign.deadlines import Progress, in_brief
from composer.campaign.model import Campaign, Status, parse_status
from composer.campaign.report import export_csv
from composer.campaign.store import CampaignStore, file_stem
from composer.errors import ComposerError
from composer.law import readable
from composer.letters.followups import FollowUpKind, available_kinds
from composer.operations.campaign import attach_reply, record, record_reply, record_sent
from composer.operations.followups import write_follow_ups
from composer.profile import load_profile
from composer.ui.qt import (
    QAbstractItemView,
    QDragEnterEvent,
    QDropEvent,
    QEvent,
    QFileSystemWatcher,
    QStandardPaths,
    QTimer,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_access import QtPair, announce, name_corner
from composer.ui.qt_campaign_dialogs import QtAttachAgain, QtFollowUpDialog, QtPickFile, QtRecordDialog
from composer.ui.qt_campaign_document import QtCampaignDocument
from composer.ui.qt_campaign_model import COLUMNS, CampaignFilter, CampaignTableModel
from composer.ui.qt_reply_dialog import QtReplyDialog

# Each action has its Alt key, none of the window's own (the File, Edit, View and Help menus,
# the Compose, Follow up and Coverage tabs): the tab is worked from the keyboard as the rest is.
_KIND_BUTTONS = [
    (FollowUpKind.CLARIFICATION, "Reply to c&larification…"),
    (FollowUpKind.CHASER, "Chase&r…"),
    (FollowUpKind.REVIEW, "&Internal review…"),
    (FollowUpKind.COMPLAINT, "Co&mplaint…"),
]


_NEXT = [title for title, _ in COLUMNS].index("Next")
# The widest a column is drawn (longer text wraps onto a second line), so that the next step, the
# column a campaigner reads, keeps the room however long a status, name or date note is.
_WIDEST = {"Force": "Gloucestershire Constabulary", "Status": "(public interest)", "Due": "2026-12-31 (ext",
           "Reference": "01.FOI.22.026461", "Sections": "s31(1) s40(2)"}
_NEXT_ROOM = 50  # characters: less than this for the next step, and the other columns wrap


class QtCampaignPanel(QWidget):
    """A campaign's forces, their deadlines and their follow-ups.

    `campaign_store_or_path`: a `CampaignStore`, a folder of campaigns, or one `.campaign.json`.
    """

    letters_written = Signal(list)  # [Path]
    campaign_changed = Signal()
    new_campaign_requested = Signal()

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
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.letters_folder = Path(documents) if documents else Path.home()

        self.model = CampaignTableModel(None, self.today, self)
        self.proxy = CampaignFilter(self)
        self.proxy.setSourceModel(self.model)

        self.chooser = QComboBox()
        # as wide as a usual name: a long one (or a long title) must not widen the window
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(30)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.chooser.setAccessibleName("Campaign")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter: force, status, reference, section")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter the forces")
        self.search.setAccessibleDescription("Shows only the forces whose name, status, reference "
                                             "or sections cited contain these words")
        self.search.textChanged.connect(self.proxy.set_words)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Any status", None)
        self.status_filter.setAccessibleName("Show forces with the status")
        for status in Status:
            self.status_filter.addItem(status.label(), status.value)
        self.status_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_status(
                parse_status(self.status_filter.currentData()) if self.status_filter.currentData() else None))
        self.overdue = QCheckBox("Overdue onl&y")
        self.overdue.toggled.connect(self.proxy.set_overdue_only)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Forces in the campaign")
        self.view.setAccessibleDescription("A row per force: its status, due date and next step. "
                                           "Select forces, then record, attach or write a letter.")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons below it
        name_corner(self.view, "Select every force")
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(_NEXT, Qt.SortOrder.AscendingOrder)  # the most pressing date first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        # Each row as tall as its wrapped words: a long next step ("apply to the Scottish
        # Information Commissioner by …") took three lines at 1024 pixels and lost its date.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized by _fit_columns
        header.setSectionResizeMode(_NEXT, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # What a row's tooltip says (its warnings, the notes), for the keyboard as for the mouse.
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.chosen.setAccessibleName("The chosen force")
        self.view.selectionModel().currentChanged.connect(lambda *_: self._say_chosen())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._select_the_keyboards_row())
        self.view.doubleClicked.connect(lambda _: self.record_selected())
        self._unfitted = True  # the columns are to be fitted to the table's width before it is painted
        self.view.viewport().installEventFilter(self)
        self.view.installEventFilter(self)  # the keyboard coming into the table: see eventFilter

        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a long title wraps rather than widen the window
        self.summary.setAccessibleName("Campaign summary")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("Campaign message")
        self.document.changed.connect(self._changed)
        self.document.refused.connect(self.message.setText)
        self.document.reloaded.connect(self.message.setText)
        self.document.refused.connect(lambda why: announce(self.message, why))

        self.buttons: dict[FollowUpKind, QPushButton] = {}
        letters = QHBoxLayout()
        for kind, text in _KIND_BUTTONS:
            button = QPushButton(text)
            button.setToolTip(f"Write a {kind.value} letter for each selected force")
            button.clicked.connect(lambda _=False, k=kind: self.write_follow_ups(k))
            letters.addWidget(button)
            self.buttons[kind] = button
        letters.addStretch(1)
        steps = QHBoxLayout()
        self.record_button = QPushButton("Recor&d…")
        self.record_button.setToolTip("Record what happened: an answer, a refusal, a review …")
        self.record_button.clicked.connect(self.record_selected)
        self.attach_button = QPushButton("&Attach reply…")
        self.attach_button.setToolTip("Open the force's reply (.txt, .eml, .docx, .pdf; or drop it "
                                      "here): it is read, and you confirm what it says")
        self.attach_button.clicked.connect(self.attach_to_selected)
        self.paste_button = QPushButton("&Paste reply…")
        self.paste_button.setToolTip("Paste the force's reply as text: it is read, and you confirm "
                                     "what it says")
        self.paste_button.clicked.connect(self.paste_reply)
        self.export_button = QPushButton("E&xport report…")
        self.export_button.setToolTip("Write the campaign's table as a CSV file")
        self.export_button.clicked.connect(self.export_report)
        for button in (self.record_button, self.attach_button, self.paste_button, self.export_button):
            steps.addWidget(button)

        self.new_button = QPushButton("&New campaign…")
        self.new_button.setToolTip("Start tracking the open request, sent to its forces")
        self.new_button.clicked.connect(self.new_campaign_requested)
        which = QHBoxLayout()
        label = QLabel("Campai&gn:")
        label.setBuddy(self.chooser)
        which.addWidget(label)
        which.addWidget(self.chooser, 1)
        which.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.overdue)
        # Each pair of rows is one row where there is room, two where there is not (large text,
        # a screen scaled to 150%): nothing squeezed to "Fil…" or run off the window.
        self.rows = [QtPair(which, filters, 2), QtPair(letters, steps)]  # as in one row before
        layout = QVBoxLayout(self)
        layout.addLayout(self.rows[0])
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.chosen)
        layout.addLayout(self.rows[1])
        layout.addWidget(self.message)

        self.reload(chosen)
        # Campaigns started or changed elsewhere (the command line, another window) show at once.
        self.setAcceptDrops(True)
        self.watcher = QFileSystemWatcher([str(self.store.root)], self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(150)  # a save is a write and a rename: look once they are done
        self._settle.timeout.connect(self.disk_changed)
        self.watcher.directoryChanged.connect(lambda _path: self._settle.start())

    # -- loading ---------------------------------------------------------------------------------
    def offer_alike(self) -> None:
        """Campaigns kept from before names were compared regardless of case ("Risk" and "risk"):
        ask whether to merge them or rename one, and list them again if anything was done. The
        window asks once the tab is open (not a screenshot's window, which nobody answers)."""
        from composer.ui.qt_alike_campaigns import offer

        try:
            done = offer(self, self.store)
        except ComposerError:
            return  # the folder cannot be read: reload has said why
        if done:
            self.reload(self.document.name)
            self.message.setText("\n".join(filter(None, [self.message.text(), *done])))

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
        files = [e.path.name for e in listing.entries]  # a campaign file opened by its path
        index = (names.index(keep) if keep in names else files.index(keep) if keep in files
                 else 0 if names else -1)
        self.chooser.setCurrentIndex(index)
        self._chosen(index)

    def disk_changed(self) -> None:
        """The campaigns folder changed: list new campaigns, and take in changes to this one."""
        listing = self.store.list()
        names = [e.name for e in listing.entries]
        shown = [self.chooser.itemData(i) for i in range(self.chooser.count())]
        if names != shown and self.document.name not in names:
            self.reload()  # the one shown is gone: show another
            return
        if names != shown:  # list the new ones; the one shown stays open with its history
            self.chooser.blockSignals(True)
            self.chooser.clear()
            for entry in listing.entries:
                self.chooser.addItem(entry.campaign.name, entry.name)
            self.chooser.setCurrentIndex(names.index(self.document.name))
            self.chooser.blockSignals(False)
        try:
            self.document.catch_up()
        except ComposerError as exc:
            self.message.setText(str(exc))

    def show_campaign(self, name: str) -> None:
        """List the campaigns again and show `name` (the file name without its suffix)."""
        self.reload(name)

    def take_keyboard(self) -> None:
        """Put the keyboard on the forces' rows, the first selected if none is: where a chaser,
        a reply or a record is worked from."""
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

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
        if self.view.isVisible():
            self._fit_columns()
        else:  # fitted once shown, to the width it has then
            self._unfitted = True
        if self.campaign is None:
            self.summary.setText("No campaign yet: after exporting letters choose “Track these "
                                 "letters”, or start one from the open request with New campaign.")
        else:
            title = readable(self.campaign.request.title, self.campaign.request)
            self.summary.setText(f"{title}: {in_brief(self.model.rows, self.today)}")
        self._update_buttons()
        self._say_chosen()

    def _fit_columns(self) -> None:
        """Each column but the next step as wide as its contents; where that leaves the next step
        too little room, each only up to its widest (`_WIDEST`, the rest wraps). The next step
        stretches over what is left."""
        self._unfitted = False
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        others = [column for column in range(len(COLUMNS)) if column != _NEXT]
        for column in others:
            self.view.resizeColumnToContents(column)
        room = self.view.viewport().width() - sum(header.sectionSize(c) for c in others)
        if room >= metrics.averageCharWidth() * _NEXT_ROOM:
            return
        for column in others:
            title = COLUMNS[column][0]
            if title in _WIDEST:
                widest = metrics.horizontalAdvance(_WIDEST[title]) + 2 * metrics.averageCharWidth()
                header.resizeSection(column, min(header.sectionSize(column), widest))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_rows(event.size().width())

    def fit_rows(self, width: int) -> None:
        """Two rows for each pair that does not fit side by side in `width`."""
        for pair in self.rows:
            pair.fit(width)

    def _say_chosen(self) -> None:
        """The line under the table: the row in hand's tooltip, said again whenever the campaign is
        redrawn (another campaign chosen, a reply recorded), not only when another row is taken."""
        current = self.view.currentIndex()
        self.chosen.setText((current.data(Qt.ItemDataRole.ToolTipRole) or "").replace("\n", " · ")
                            if current.isValid() else "")

    def _select_the_keyboards_row(self) -> None:
        """Tabbing in lands on a row (the line under the table names it) that nothing selected,
        so the chaser, record and reply buttons stayed greyed for the row in view: select it."""
        current = self.view.currentIndex()
        if (self.view.hasFocus() and current.isValid()
                and not self.view.selectionModel().hasSelection()):
            self.view.selectionModel().select(
                current, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        # The table's width changed: the columns are shared out again, once, just before it is
        # painted. Opening the tab resizes it several times as the layout settles (a scroll bar
        # comes, a height changes), and fitting each time sized every column to its contents 5 times.
        if watched is self.view and event.type() == QEvent.Type.FocusIn:
            self._select_the_keyboards_row()
        if watched is self.view.viewport():
            if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
                self._unfitted = True
            elif event.type() == QEvent.Type.Paint and self._unfitted:
                self._fit_columns()
        return super().eventFilter(watched, event)

    # -- selection -------------------------------------------------------------------------------
    def selected(self) -> list[Progress]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.progress_at(r) for r in rows]

    def select_forces(self, force_ids: list[str]) -> None:
        """Select the rows of these forces (as a click would)."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        first = None
        for row, p in enumerate(self.model.rows):
            if p.force_id in force_ids:
                proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
                if proxy_index.isValid():
                    selection.select(proxy_index, flags)
                    self.view.scrollTo(proxy_index)
                    first = proxy_index if first is None or proxy_index.row() < first.row() else first
        if first is not None and first.row() != self.view.currentIndex().row():
            selection.setCurrentIndex(first, selection.SelectionFlag.NoUpdate)  # the line under says it

    def _update_buttons(self) -> None:
        chosen = self.selected() if self.campaign else []
        fits = {kind for p in chosen for kind in available_kinds(p)}
        for kind, button in self.buttons.items():
            button.setEnabled(kind in fits)
        self.record_button.setEnabled(len(chosen) == 1)
        self.attach_button.setEnabled(len(chosen) == 1)
        self.paste_button.setEnabled(len(chosen) == 1)
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
        try:
            requester, _ = load_profile()
            result = write_follow_ups(self.campaign, store=self.store,
                                      force_ids=[p.force_id for p in chosen], kind=kind,
                                      requester=requester, today=self.today, folder=answer.folder,
                                      fmt=answer.fmt, message=answer.message)
        except ComposerError as exc:
            self.message.setText(str(exc))
            return []
        written = result.written
        done = f"Wrote {len(written)} letter{'s' if len(written) != 1 else ''} to {answer.folder}."
        if result.forces:  # the letters are sent today: recorded, one Ctrl+Z away
            sent = self.document.apply(f"{kind.value.capitalize()} sent", record_sent,
                                       force_ids=result.forces, kind=kind, on=self.today)
            if sent is not None:  # a letter written again the same day is not recorded twice
                done += (f" Recorded as sent on {self.today.isoformat()}." if sent.ids
                         else f" {sent.what[:1].upper()}{sent.what[1:]}.")
        self.message.setText("\n".join([done, *result.said]))
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
        source = QtPickFile.ask_open(self, "Attach a reply", self.letters_folder)
        if source is not None:
            self.attach_file(chosen[0].force_id, source)

    def attach_file(self, force_id: str, source: Path) -> bool:
        """Attach a reply file to a force: a reply in words is read and confirmed first."""
        from composer.replies import READABLE, reply_text

        if self.campaign is None:
            return False
        item = self.campaign.tracked(force_id)
        self.letters_folder = source.parent
        try:
            copy = self.store.already_attached(self.campaign, source)
        except ComposerError as exc:
            self.message.setText(str(exc))
            return False
        if copy and not QtAttachAgain.ask(self, copy):
            self.message.setText(f"{copy}: nothing recorded.")
            return False
        choice = None
        if source.suffix.lower() in READABLE:
            try:
                text = reply_text(source)
            except ComposerError as exc:
                self.message.setText(str(exc))
                return False
            choice = QtReplyDialog.ask(self, force_name=item.force_name, request=self.campaign.request,
                                       act=item.act, today=self.today, text=text,
                                       file_name=source.name, sent=item.sent, force_id=force_id)
            if choice is None:
                return False
        try:
            file = self.store.copy_in(self.campaign, force_id, source)
        except (ComposerError, OSError) as exc:
            self.message.setText(str(exc))
            return False
        if choice is None:
            done = self.document.apply(f"Attach: {item.force_name}", attach_reply,
                                       force_id=force_id, file=file)
        else:
            done = self.document.apply(f"Reply: {item.force_name}", record_reply, force_id=force_id,
                                       file=file, reading=choice.reading, on=choice.on)
        if done is not None:
            self.message.setText(f"{done.what}.")
        return done is not None

    def paste_reply(self) -> bool:
        """Paste a reply's words: read, confirmed, and kept as a text file with the campaign."""
        import tempfile

        chosen = self.selected()
        if self.campaign is None or len(chosen) != 1:
            return False
        item = self.campaign.tracked(chosen[0].force_id)
        choice = QtReplyDialog.ask(self, force_name=item.force_name, request=self.campaign.request,
                                   act=item.act, today=self.today, sent=item.sent,
                                   force_id=item.force_id)
        if choice is None or not choice.text.strip():
            return False
        with tempfile.TemporaryDirectory() as folder:
            pasted = Path(folder) / f"reply {choice.on.isoformat()}.txt"
            pasted.write_text(choice.text, "utf-8")
            try:
                copy = self.store.already_attached(self.campaign, pasted)
                if copy and not QtAttachAgain.ask(self, copy):
                    self.message.setText(f"{copy}: nothing recorded.")
                    return False
                file = self.store.copy_in(self.campaign, item.force_id, pasted)
            except (ComposerError, OSError) as exc:
                self.message.setText(str(exc))
                return False
        done = self.document.apply(f"Reply: {item.force_name}", record_reply, force_id=item.force_id,
                                   file=file, reading=choice.reading, on=choice.on)
        if done is not None:
            self.message.setText(f"{done.what}.")
        return done is not None

    # -- a reply dropped on the tab ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and self.campaign is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        chosen = self.selected()
        if not files:
            return
        if len(chosen) != 1:
            self.message.setText("Select the force the reply is from, then drop it again.")
            return
        event.acceptProposedAction()
        for source in files:
            self.attach_file(chosen[0].force_id, source)

    def export_report(self) -> Path | None:
        if self.campaign is None:
            return None
        suggested = self.letters_folder / f"{file_stem(self.name or '')}.csv"  # "a/b": a name, not a folder
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
