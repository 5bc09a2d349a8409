"""The main window: the outline, the editor for the selected part, the live preview and the
findings, with the File, Edit, View and Help menus.

Panels only talk to the document (and through it to each other): selecting a part in the
outline shows it in the editor and highlights it in the preview; clicking a finding selects its
part. The window remembers its size and panel layout in the settings.
"""

from __future__ import annotations

import importlib.util
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.errors import ComposerError, NewerFile
from composer.model import Requester, counted
from composer.profile import load_profile, save_profile
from composer.ui.qt import (
    QAction,
    QByteArray,
    QGroupBox,
    QKeySequence,
    QLabel,
    QMainWindow,
    QFrame,
    QScrollArea,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QUndoGroup,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_access import announce
from composer.ui.qt_autosaver import DELAY_MS, QtAutosaver
from composer.ui.qt_document import QtDocument
from composer.ui.qt_file_actions import QtFileActions
from composer.ui.qt_findings import QtFindings
from composer.ui.qt_outline import QtOutline
from composer.ui.qt_part_editor import QtPartEditor
from composer.ui.qt_preview import QtPreview
from composer.ui.qt_request_details import QtRequestDetails
from composer.ui.settings import Settings, save_changes

if TYPE_CHECKING:  # each Qt class costs its first use a little: these are only annotations
    from composer.ui.qt import QCloseEvent, QDragEnterEvent, QDropEvent, QRect, QResizeEvent

HOW = ("<ol><li><b>File › New request</b> asks what you want to know and builds the questions."
       "</li><li>Edit the parts in the outline; the preview shows the letter as the chosen force "
       "will read it.</li><li>Work through the findings: click one to go to its part and read "
       "why; the button beside it makes the suggested change (Ctrl+Z undoes it).</li>"
       "<li><b>File › Export letters</b> writes one letter per force into a folder.</li>"
       "<li><b>File › New campaign</b> starts following the letters you sent: the <b>Follow up"
       "</b> tab shows each force's due date and what to do next (record a reply, send a chaser, "
       "ask for a review), and <b>Coverage</b> shows which forces answered which parts.</li></ol>")


def about_text() -> str:
    """The About box: what the app is, its version (to give when reporting a problem) and the
    folder that holds the user's requests, profile and campaigns (to back up)."""
    from html import escape

    from composer import __version__, paths

    return (f"<b>FOI Composer {escape(__version__)}</b><p>Compose one good multi-part Freedom of "
            "Information request, check it the way an FOI officer will read it, and write a "
            "letter for every force it goes to.</p><p>Everything stays on this computer: nothing "
            "is sent anywhere. Your requests, your details and your campaigns are kept in "
            f"{escape(str(paths.data_location()))}</p>")


FOLLOW_UP = "Follow &up"
NARROW = 1200  # pixels: below this the preview shares a tab with the outline
NARROWEST = 960  # and below this the request and part fields too (large text, a scaled screen)
EDITING = "Re&quest and part"  # that tab's title


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Shift+Z and Ctrl+Y, and the platform's own redo keys, each once: a key given to one
    action twice is ambiguous to Qt, which then does nothing at all."""
    keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"),
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    return list({k.toString(): k for k in keys if not k.isEmpty()}.values())


def _panel(title: str, widget: QWidget, parent: QWidget) -> QGroupBox:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box


class QtMainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, *, autosave_delay_ms: int = DELAY_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self._settings_read = self.settings  # what changed since is written over the file's own
        self.remembers_layout = True  # False for a one-off window (a screenshot)
        self.requester, self.profile_problem = self._read_profile()
        self.document = QtDocument(parent=self)
        self.autosaver = QtAutosaver(self.document, delay_ms=autosave_delay_ms, parent=self)
        self.autosaver.failed.connect(lambda problem: self.notify(problem, 15000))
        self.files = QtFileActions(self, self.document, self.autosaver)

        self.outline = QtOutline(self.document, self)
        self.bank_panel: QWidget | None = None
        self.details = QtRequestDetails(self.document, self)
        self.editor = QtPartEditor(self.document, self)
        self.preview = QtPreview(self.document, self.requester, self)
        self.findings = QtFindings(self.document, force=lambda: self.preview.force,
                                   requester=lambda: self.requester, parent=self)

        self.left = QTabWidget(self)
        self.left.setAccessibleName("Outline and question bank")
        self.left.addTab(self.outline, "Out&line")
        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_panel("Request", self.details, middle))
        column.addWidget(_panel("Selected part", self.editor, middle), 1)
        # On a short screen the request and part fields scroll instead of pushing the findings out.
        self.middle = QScrollArea(self)
        self.middle.setWidget(middle)
        self.middle.setWidgetResizable(True)
        self.middle.setFrameShape(QFrame.Shape.NoFrame)
        self.middle.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; it scrolls to them
        self.middle.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.middle.setMinimumWidth(middle.minimumSizeHint().width()
                                    + self.middle.verticalScrollBar().sizeHint().width())
        self.preview_box = _panel("Preview", self.preview, self)
        self.findings_box = _panel("Findings", self.findings, self)
        self.top_split = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.left, self.middle, self.preview_box):
            self.top_split.addWidget(widget)
        self.top_split.setStretchFactor(0, 3)
        self.top_split.setStretchFactor(1, 3)
        self.top_split.setStretchFactor(2, 3)
        self.main_split = QSplitter(Qt.Orientation.Vertical, self)
        self.main_split.addWidget(self.top_split)
        self.main_split.addWidget(self.findings_box)
        self.main_split.setStretchFactor(0, 3)
        self.main_split.setStretchFactor(1, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.main_split, "&Compose")
        self.campaign_panel: QWidget | None = None
        self.coverage_view: QWidget | None = None
        self.overdue: dict[str, int] | None = None  # forces overdue by campaign: show_overdue
        self.overdue_watch = None  # a QtOverdueWatch, once show_overdue has counted
        self.clock = datetime.now  # what "today" is (a test sets its own)
        if importlib.util.find_spec("composer.ui.qt_campaign") is not None:
            self.tabs.addTab(QWidget(self), FOLLOW_UP)  # built when first opened
            self.tabs.addTab(QWidget(self), "C&overage")
            self.tabs.currentChanged.connect(self._tab_opened)
        else:
            self.tabs.tabBar().setVisible(False)
        # Smaller than everything's least size (a 1280x720 screen at 200% is 640x360 to Qt), the
        # window scrolls rather than run off the screen.
        self.room = QScrollArea(self)
        self.room.setWidget(self.tabs)
        self.room.setWidgetResizable(True)
        self.room.setFrameShape(QFrame.Shape.NoFrame)
        self.room.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCentralWidget(self.room)
        self.setAcceptDrops(True)  # a letter or a request file dropped on the window opens
        self.counts = QLabel(self)  # parts and forces; a passing message covers it for a while
        self.counts.setAccessibleName("Parts and forces")
        self.statusBar().addWidget(self.counts)
        self.status = QLabel(self)
        self.status.setAccessibleName("Findings summary")
        self.statusBar().addPermanentWidget(self.status)
        # A passing message ("Saved …", why an edit was refused) is said to a screen reader too.
        self.statusBar().messageChanged.connect(lambda text: announce(self.statusBar(), text))
        self._notices: list[str] = []  # the passing messages showing now, joined (`notify`)

        self.outline.currentPartChanged.connect(self._part_selected)
        self.outline.partAdded.connect(lambda _id: self.edit_part())
        self.editor.startRequested.connect(self.files.new_request)
        self.findings.partActivated.connect(self.select_part)
        self.findings.checked.connect(lambda _n: self.status.setText(self.findings.summary.text()))
        self.preview.forceChanged.connect(lambda _f: self.findings.schedule())
        self.document.refused.connect(lambda why: self.notify(why, 8000))
        self.document.pathChanged.connect(self._update_title)
        self.document.changed.connect(self._update_title)
        self.document.forcesChanged.connect(self._forces_changed)
        self._build_menus()
        self._restore_layout()
        self._update_title()

    # -- menus ------------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.files.fill_menu(self.file_menu)
        self.export_action = self._action(self.file_menu, "&Export letters…", self.export_letters,
                                          "Ctrl+E")
        self.file_menu.insertAction(self.files.quit_separator, self.export_action)
        self.new_campaign_action = self._action(self.file_menu, "New &campaign…", self.new_campaign)
        self.new_campaign_action.setToolTip("Follow the letters of this request: due dates, replies, "
                                            "chasers")
        self.file_menu.insertAction(self.files.quit_separator, self.new_campaign_action)

        edit = bar.addMenu("&Edit")
        # One Undo for the window: the request's history on the Compose tab, the campaign's on
        # the Follow up tab.
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.document.undo_stack)
        self.undo_group.setActiveStack(self.document.undo_stack)
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(redo_keys())
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self.paste_new_action = self._action(edit, "&Paste as new request",
                                             lambda: self.files.paste_as_new(), "Ctrl+Shift+V")
        self.paste_new_action.setToolTip("Read the request you copied (from WhatDoTheyKnow, a "
                                         "disclosure log, an email) into parts, your wording kept")
        edit.addSeparator()
        for action in self.outline.actions_in_menu:
            edit.addSeparator() if action is None else edit.addAction(action)
        edit.addSeparator()
        self.bank_action = self._action(edit, "Add questions from the &bank…", self.show_bank, "Ctrl+B")
        self.fit_action = self._action(edit, "&Fit this request to every force…", self.fit_to_every_force)
        self.order_action = self._action(edit, "&Order for the cost limit…",
                                         self.suggest_order)
        edit.addSeparator()
        self._action(edit, "Your &details…", self.edit_profile)
        self._action(edit, "Forces' FOI &addresses…", self.edit_force_address)

        view = bar.addMenu("&View")
        for box, text in ((self.preview_box, "&Preview"), (self.findings_box, "&Findings")):
            toggle = view.addAction(text)
            toggle.setCheckable(True)
            toggle.setChecked(True)
            toggle.toggled.connect(box.setVisible)
        self._action(view, "&Check now", self.findings.run_check, "F5")

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&How it works", self.show_how_it_works,
                     QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "&About FOI Composer", self.show_about)

    def show_how_it_works(self) -> None:
        self.help_box("how").exec()

    def show_about(self) -> None:
        self.help_box("about").exec()

    def help_box(self, which: str):
        """The How it works or About box, not yet shown. Its text can be selected with the
        keyboard as with the mouse (the data folder's path, the version, to copy), and Escape or
        Enter closes it."""
        from composer.ui.qt import QMessageBox

        box = QMessageBox(self)
        box.setTextFormat(Qt.TextFormat.RichText)
        if which == "about":
            box.setWindowTitle("About FOI Composer")
            box.setText(about_text())
            box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        else:
            box.setWindowTitle("How FOI Composer works")
            box.setText(HOW)
            box.setIcon(QMessageBox.Icon.Information)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setEscapeButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        return box

    def _tab_opened(self, index: int) -> None:
        if index == 1 and self.campaign_panel is None:
            self.campaign_panel = self._build_tab(1, self._campaign_panel)
        elif index == 2 and self.coverage_view is None:
            self.coverage_view = self._build_tab(2, self._coverage_view)  # the campaign being followed
        elif index == 2 and hasattr(self.coverage_view, "refresh"):
            # campaigns and replies may have changed since; the one being followed is shown
            self.coverage_view.refresh(getattr(self.campaign_panel, "name", None))
        self._follow_tab(index)

    def _build_tab(self, index: int, build) -> QWidget:
        try:
            widget = build()
        except Exception as exc:  # a follow-up panel failing must not take the editor with it
            from composer.errors import unexpected

            widget = QLabel(f"This panel could not open: {unexpected(exc)}", self)
            widget.setWordWrap(True)
        title, tip, icon = self.tabs.tabText(index), self.tabs.tabToolTip(index), self.tabs.tabIcon(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, icon, title)  # as the placeholder was marked (show_overdue)
        self.tabs.setTabToolTip(index, tip)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        return widget

    def _campaign_panel(self) -> QWidget:
        from composer.campaign.store import CampaignStore
        from composer.ui.qt_campaign import QtCampaignPanel

        panel = QtCampaignPanel(CampaignStore(), self, today=self.clock().date())
        self.undo_group.addStack(panel.document.undo_stack)
        panel.new_campaign_requested.connect(self.new_campaign)
        panel.campaign_changed.connect(lambda: self._campaign_changed(panel))
        if self.remembers_layout:  # campaigns named alike are asked about once the tab shows (not in a screenshot)
            QTimer.singleShot(0, panel.offer_alike)
        return panel

    # -- overdue forces, said on the Follow up tab without building it ----------------------------
    def show_overdue(self, today: date | None = None, *, learn: bool = True) -> str | None:
        """Read the campaigns (once the window is up: start-up does not wait for it) and say on
        the Follow up tab how many forces are overdue; the sentence, or None, comes back. From
        then on it is said again on a new day and when a campaign changes (QtOverdueWatch)."""
        from composer.campaign.deadlines import overdue_by_campaign
        from composer.campaign.store import CampaignStore

        today = today or self.clock().date()
        try:
            store = CampaignStore()
            listing = store.list()
        except (ComposerError, OSError) as exc:  # an unreadable data folder: the tab will say why
            self.notify(f"The campaigns could not be read: {exc}", 15000)
            return None
        for problem in listing.problems:  # a damaged file, set aside as the tab would set it aside
            self.notify(problem, 15000)
        self.overdue = overdue_by_campaign([e.campaign for e in listing.entries], today)
        if learn:
            self._learn_from([e.campaign for e in listing.entries])
        self._watch_overdue(store.root, today)
        return self._mark_overdue()

    def _watch_overdue(self, folder: Path, today: date) -> None:
        from composer.ui.qt_overdue_watch import QtOverdueWatch

        if self.overdue_watch is None:
            self.overdue_watch = QtOverdueWatch(folder, today, clock=self.clock, parent=self)
            self.overdue_watch.day_changed.connect(self._new_day)
            self.overdue_watch.campaigns_changed.connect(
                lambda: self.show_overdue(self.overdue_watch.today, learn=False))
        self.overdue_watch.today = today

    def _new_day(self, today: date) -> None:
        """Past midnight: forces become overdue by the day, so count again, and the Follow up tab
        (if built) works from the new day too."""
        if self.campaign_panel is not None and hasattr(self.campaign_panel, "set_today"):
            self.campaign_panel.set_today(today)
        self.show_overdue(today, learn=False)

    def _learn_from(self, campaigns) -> None:
        """What forces did with each part of the saved campaigns (`campaigns`, or a function that
        reads them), shown on the same parts as you compose (campaign.history); the check runs
        again with it. Campaigns that cannot be read leave the findings as they were, and say why."""
        from composer.campaign.history import history_of

        try:
            past = history_of(campaigns() if callable(campaigns) else campaigns)
        except (ComposerError, OSError) as exc:
            self.notify(f"What forces did with your earlier requests could not be read: {exc}", 15000)
            return
        self.findings.learn_from(past)

    def _campaign_changed(self, panel) -> None:
        """A step on the Follow up tab: that campaign is counted again, the others as read."""
        from composer.campaign.deadlines import overdue_by_campaign

        if self.overdue is not None and panel.campaign is not None:
            name = panel.campaign.name
            self.overdue = {n: late for n, late in self.overdue.items() if n != name}
            self.overdue.update(overdue_by_campaign([panel.campaign], panel.today))
            self._mark_overdue()
            self._learn_from(lambda: [e.campaign for e in panel.store.list().entries])

    def _mark_overdue(self) -> str | None:
        from composer.campaign.deadlines import overdue_in_brief
        from composer.ui.qt import QIcon, QStyle  # the findings' warning sign: drawn after start-up

        if self.tabs.count() < 2:  # no Follow up tab in this build
            return None
        late = dict(sorted((self.overdue or {}).items(), key=lambda pair: pair[0].lower()))
        sentence = overdue_in_brief(late)
        index = self.tabs.indexOf(self.campaign_panel) if self.campaign_panel else 1
        self.tabs.setTabText(index, f"{FOLLOW_UP} ({sum(late.values())} overdue)" if late else FOLLOW_UP)
        self.tabs.setTabToolTip(index, sentence or "")
        warning = QStyle.StandardPixmap.SP_MessageBoxWarning
        self.tabs.setTabIcon(index, self.style().standardIcon(warning) if late else QIcon())
        return sentence

    def _coverage_view(self) -> QWidget:
        from composer.campaign.store import CampaignStore
        from composer.coverage import stored_coverage
        from composer.ui.qt_coverage import QtCoverageView

        store = CampaignStore()
        return QtCoverageView(lambda name: stored_coverage(store, name),
                              lambda: [e.name for e in store.list().entries], self,
                              wanted=getattr(self.campaign_panel, "name", None))

    # -- a request dropped on the window --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        data = event.mimeData()
        if self.tabs.currentIndex() == 0 and (data.hasUrls() or data.hasText()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """A request file opens; a text file or dropped text is read as a new request."""
        data = event.mimeData()
        files = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
        event.acceptProposedAction()
        if files:
            self.files.open_file(files[0])
        elif data.hasText():
            self.files.paste_as_new(data.text())

    # -- fitting the screen --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_width(event.size().width())

    @property
    def narrow(self) -> bool:
        """The preview is folded into a tab beside the outline (on a screen under NARROW wide)."""
        return self.left.indexOf(self.preview_box) >= 0

    @property
    def one_column(self) -> bool:
        """The request and part fields are folded into a tab too (under NARROWEST wide)."""
        return self.left.indexOf(self.middle) >= 0

    def fit_width(self, width: int) -> None:
        """Below NARROW pixels three columns leave each too thin to read: the preview folds into
        a tab beside the outline, so the outline and the part being edited keep their room.
        Below NARROWEST (large text, or a screen scaled to 150 or 200%) the request and part
        fields fold in as well, after the outline: one column, each page of it whole. With a
        larger font each fold comes sooner: when the columns' least widths no longer fit."""
        outline = self.fontMetrics().averageCharWidth() * 60  # a part's title, readable
        between = 2 * self.top_split.handleWidth() + 24  # handles and margins
        three = max(NARROW, outline + self.middle.minimumWidth() + self.preview_box.minimumSizeHint().width() + between)
        two = max(NARROWEST, outline + self.middle.minimumWidth() + between)
        if width < three and not self.narrow:
            self.left.addTab(self.preview_box, "Previe&w")
        elif width >= three and self.narrow:
            self.left.removeTab(self.left.indexOf(self.preview_box))
            self.top_split.addWidget(self.preview_box)
            self.preview_box.show()
        if width < two and not self.one_column:
            current = self.left.currentWidget()
            self.left.insertTab(self.left.indexOf(self.outline) + 1, self.middle, EDITING)
            self.left.setCurrentWidget(current)
        elif width >= two and self.one_column:
            current = self.left.currentWidget()
            self.left.removeTab(self.left.indexOf(self.middle))
            self.top_split.insertWidget(1, self.middle)
            self.middle.show()
            self.left.setCurrentWidget(current if current is not self.middle else self.outline)

    def _follow_tab(self, index: int) -> None:
        """Undo and redo act on what the tab shows: the request, or the campaign."""
        document = getattr(self.campaign_panel, "document", None) if index == 1 else None
        self.undo_group.setActiveStack(document.undo_stack if document else self.document.undo_stack)

    # -- panels talking to each other -------------------------------------------------------------
    def _part_selected(self, part_id: str | None) -> None:
        self.editor.show_part(part_id)
        self.preview.show_part(part_id)

    def edit_part(self) -> None:
        """The keyboard to the selected part's text (in one column: on the tab that holds it)."""
        if self.one_column:
            self.left.setCurrentWidget(self.middle)
        self.editor.focus_text()

    def select_part(self, part_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.left.setCurrentWidget(self.outline)
        self.outline.select_part(part_id)

    def _forces_changed(self) -> None:
        forces = self.document.forces
        current = self.preview.force
        if forces and (current is None or current.id not in forces):
            self.preview.set_force(forces[0])
        self._update_title()

    NOTICE_GAP = "  ·  "

    def notify(self, text: str, ms: int) -> None:
        """Show `text` in the status bar for `ms` milliseconds. A notice that comes while an earlier
        one still shows is added to it, not put in its place: at start-up a damaged settings file,
        a newer profile and a campaign set aside each have a line, and each used to hide the one
        before it."""
        bar = self.statusBar()
        if not (self._notices and bar.currentMessage() == self.NOTICE_GAP.join(self._notices)):
            self._notices = []  # what showed has gone, or something else replaced it
        if text not in self._notices:
            self._notices.append(text)
        bar.showMessage(self.NOTICE_GAP.join(self._notices), ms)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — FOI Composer")
        self.setWindowModified(self.document.is_modified)
        forces = self.document.forces
        parts = len(self.document.request.parts)
        chosen = f"{len(forces)} force{'s' if len(forces) != 1 else ''} chosen" if forces else "no forces chosen yet"
        self.counts.setText(f"{parts} part{'s' if parts != 1 else ''} · {chosen}")

    # -- features that open their own window ------------------------------------------------------
    def show_bank(self) -> None:
        from composer.ui.qt_bank import QtBankBrowser

        if self.bank_panel is None:
            self.bank_panel = QtBankBrowser(self.document, lambda: self.outline.current_part_id, self)
            self.bank_panel.added.connect(self.select_part)
            self.left.addTab(self.bank_panel, "Question &bank")
        self.left.setCurrentWidget(self.bank_panel)
        self.bank_panel.search.setFocus()

    def fit_to_every_force(self) -> None:
        """Turn what the request says of one force into fields each letter fills for its own
        force, and list the changes with an undo each."""
        from composer.ui.qt_fit import QtFitChanges

        if getattr(self, "fit_changes", None) is not None:
            self.fit_changes.close()
            self.fit_changes.deleteLater()
        self.fit_changes = QtFitChanges(self.document, self)  # not modal: the request stays editable
        self.fit_changes.show()

    def export_letters(self) -> None:
        from composer.ui.qt_export import QtExportDialog

        # A request saved before it had forces starts from the ones last chosen.
        proposed = self.document.forces or self.settings.forces
        _summary, choice = QtExportDialog.ask(self, self.document.request, proposed,
                                              self.requester, self.settings)
        self.settings = self.settings.model_copy(update={
            "export_format": choice.fmt,
            "export_template": choice.template or self.settings.export_template,
            "export_folder": str(choice.folder.parent),
            "forces": choice.forces,
        })
        self.document.set_forces(choice.forces)
        if choice.track:
            self.new_campaign(choice.track)

    def new_campaign(self, forces: list[str] | None = None) -> str | None:
        """Start a campaign for the open request (after an export: the forces written to), and
        show it in the Follow up tab. Its file name comes back, or None."""
        from datetime import date

        from composer.campaign.store import CampaignStore
        from composer.ui.qt_new_campaign import QtNewCampaignDialog, start_campaign

        store = CampaignStore()
        choice = QtNewCampaignDialog.ask(
            self, request=self.document.request, sent=date.today(),
            forces=list(forces or self.document.forces or self.settings.forces),
            taken=[e.campaign.name for e in store.list().entries])
        if choice is None:
            return None
        path = self.document.path
        try:
            name = start_campaign(store, self.document.request, choice, str(path) if path else None)
        except ComposerError as exc:
            self.notify(str(exc), 10000)
            return None
        self.tabs.setCurrentIndex(1)
        if hasattr(self.campaign_panel, "show_campaign"):
            self.campaign_panel.search.clear()  # a campaign just started shows every force it went to
            self.campaign_panel.show_campaign(name)
            self.campaign_panel.take_keyboard()
        self.notify(f"Started the campaign '{choice.name}': "
                                     f"{counted(len(choice.forces), 'force')}, sent {choice.sent.isoformat()}.",
                                     10000)
        return name

    def suggest_order(self) -> None:
        from composer.ui.qt_order import QtOrderDialog

        QtOrderDialog.ask(self, self.document, force=self.preview.force)

    def edit_profile(self) -> None:
        from composer.ui.qt_requester import QtProfileDialog

        requester = QtProfileDialog.ask(self, self.requester)
        if requester is not None:
            self.set_requester(requester)

    def edit_force_address(self) -> None:
        from composer.ui.qt_force_address import QtForceAddressDialog

        done = QtForceAddressDialog.ask(self)  # opens on the first force with no address known
        if done is not None:
            self.notify(done.what, 10000)

    @staticmethod
    def _read_profile() -> tuple[Requester, str | None]:
        """The saved requester and a note; a profile written by a newer FOI Composer is left as
        it is (nothing typed here is saved over it) and the note says to update the app."""
        try:
            return load_profile()
        except NewerFile as exc:
            return Requester(), str(exc)

    def set_requester(self, requester) -> None:
        self.requester = requester
        try:
            save_profile(requester)
        except ComposerError as exc:  # a newer app's profile, a read-only disk: used, not saved
            self.notify(f"Your details are used in this window but not saved: {exc}",
                                         15000)
        self.preview.requester = requester
        self.preview.refresh()
        self.findings.schedule()

    # -- layout memory and closing ----------------------------------------------------------------
    def _restore_layout(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        else:
            self.resize(1280, 800)
        line = self.fontMetrics().lineSpacing()
        self.main_split.setSizes([line * 24, line * 14])  # room for several findings
        for name, splitter in (("top", self.top_split), ("main", self.main_split)):
            if name in self.settings.splitters:
                splitter.restoreState(QByteArray.fromBase64(self.settings.splitters[name].encode()))
        if self.settings.preview_force:
            self.preview.set_force(self.settings.preview_force)

    def fit_to(self, room: QRect) -> None:
        """At first start (no size remembered), keep the window inside `room`, the screen's free
        area: the first size, 1280x800, runs off a 1366x768 or 1024x700 laptop screen. Room is
        left for the frame and title bar a window manager adds."""
        width, height = min(self.width(), room.width() - 20), min(self.height(), room.height() - 50)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(room.left() + (room.width() - width) // 2, room.top())

    def remember_layout(self) -> None:
        force = self.preview.force
        self.settings = self.settings.model_copy(update={
            "window_geometry": bytes(self.saveGeometry().toBase64()).decode(),
            "splitters": {name: bytes(s.saveState().toBase64()).decode()
                          for name, s in (("top", self.top_split), ("main", self.main_split))},
            "preview_force": force.id if force else None,
        })
        try:
            self.settings = self._settings_read = save_changes(self._settings_read, self.settings)
        except ComposerError:  # a newer app's settings file stays as it is; nothing to remember it in
            pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.files.may_discard():
            event.ignore()
            return
        if self.remembers_layout:
            self.remember_layout()
        self.autosaver.finish()
        event.accept()
