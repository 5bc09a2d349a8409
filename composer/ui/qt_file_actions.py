"""The File menu: new, open, library, recent files, save, templates, and crash recovery.

Every path is optional, so the app asks with a file dialog and a test passes the file.
A problem (a broken file, a name already taken) is reported in one sentence; the open request
is never replaced until the new one has been read, and unsaved work is never dropped silently.
"""

from __future__ import annotations

from pathlib import Path

from composer.errors import ComposerError
from composer.law import readable
from composer.library import (
    SUFFIX,
    Library,
    open_request,
    save_request,
    slug,
    write_template,
)
from composer.model import Part, Request
from composer.ui.qt import QAction, QApplication, QKeySequence, QMenu, QObject
from composer.ui.qt_autosaver import QtAutosaver
from composer.ui.qt_document import QtDocument
from composer.ui.qt_file_chooser import REQUEST_FILES, REQUESTS, TEXT_FILES, choose



class QtFileActions(QObject):
    def __init__(self, window, document: QtDocument, autosaver: QtAutosaver) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.autosaver = autosaver
        self.library = Library()
        self._on_disk: tuple[Path, tuple[int, int] | None] | None = None
        document.pathChanged.connect(self._note_file_on_disk)

    def _problem(self, title: str, text: str) -> None:
        from composer.ui.qt_prompts import QtProblem  # its QMessageBox is built when first shown

        QtProblem.ask(self.window, title, text)

    def _note_file_on_disk(self) -> None:
        """Remember the open file as it is on disk now (opened or just saved)."""
        path = self.document.path
        if path is not None and (self._on_disk is None or self._on_disk[0] != path
                                 or not self.document.is_modified):
            self._on_disk = (path, _stamp(path))

    def _changed_elsewhere(self, path: Path) -> bool:
        """The open file was changed on disk (by another window or a command) since it was
        opened or saved here."""
        return (self._on_disk is not None and self._on_disk[0] == path
                and _stamp(path) not in (None, self._on_disk[1]))

    def fill_menu(self, menu: QMenu) -> None:
        def add(text, slot, shortcut=None) -> QAction:
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False: slot())
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            return action

        add("&New request…", self.new_request, QKeySequence.StandardKey.New)
        add("New &blank request", self.new_blank)
        add("&Open…", self.open_file, QKeySequence.StandardKey.Open)
        add("Import &text…", self.import_text)
        add("Open from &library…", self.open_from_library, "Ctrl+L")
        self.recent_menu = menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        add("&Save", self.save, QKeySequence.StandardKey.Save)
        add("Save &as…", self.save_as, QKeySequence("Ctrl+Shift+S"))
        menu.addSeparator()
        add("&Import a shared template…", self.import_template)
        add("S&hare as a template…", self.share_template)
        menu.addSeparator()
        self.quit_separator = menu.addSeparator()
        add("&Quit", self.window.close, QKeySequence.StandardKey.Quit)

    # -- keeping unsaved work ---------------------------------------------------------------------
    def may_discard(self) -> bool:
        """True when the open request may be replaced: saved, or the user chose."""
        if not self.document.is_modified:
            return True
        from composer.ui.qt_prompts import QtUnsavedPrompt

        answer = QtUnsavedPrompt.ask(self.window, self.document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def offer_recovery(self) -> bool:
        """At start: offer back the work of a session that crashed. True if some was recovered."""
        from composer.ui import autosave
        from composer.ui.qt_prompts import QtRecoveryPrompt

        for path in QtAutosaver.orphans(self.autosaver.folder):
            record = autosave.read_or_set_aside(path)
            if record is None:
                continue
            answer = QtRecoveryPrompt.ask(self.window, record)
            if answer == "discard":
                autosave.discard(path)
            elif answer == "recover" and self.may_discard():
                source = Path(record.source) if record.source else None
                self.document.load(record.with_forces(), source, modified=True)
                self.autosaver.write_now()  # ours now holds it; the old one can go
                autosave.discard(path)
                return True
        return False

    # -- new and open -----------------------------------------------------------------------------
    def new_request(self) -> bool:
        if not self.may_discard():
            return False
        from composer.ui.qt_wizard import QtNewRequestWizard

        result = QtNewRequestWizard.ask(self.window, requester=self.window.requester,
                                        forces=self.window.settings.forces)
        if result is None:
            return False
        self.document.load(result.request.model_copy(update={"forces": result.forces}), None,
                           modified=True)
        self.window.settings = self.window.settings.model_copy(update={"forces": result.forces})
        if result.requester != self.window.requester:
            self.window.set_requester(result.requester)
        return True

    def new_blank(self) -> None:
        if self.may_discard():
            self.document.load(Request(parts=[Part()], forces=self.window.settings.forces), None)

    def open_file(self, path: Path | None = None) -> bool:
        if not self.may_discard():
            return False
        if path is None:
            chosen = choose(self.window, "Open a request", self.library.root, REQUEST_FILES)
            if not chosen:
                return False
            path = Path(chosen)
        said: list[str] = []
        try:
            request = open_request(path, said)
        except ComposerError as exc:
            self._problem("Cannot open the file", str(exc))
            if str(Path(path).resolve()) in self.window.settings.recent_files and not Path(path).exists():
                self.window.settings = self.window.settings.without_recent(str(Path(path).resolve()))
            return False
        self.show_opened(request, Path(path))
        for line in said:  # a damaged record of what forces did, left out
            self.window.notify(line, 15000)
        return True

    def show_opened(self, request: Request, path: Path) -> None:
        """Show the request read from `path` (File › Open, or the file named at start-up)."""
        saved = path.name.endswith(SUFFIX)
        # A plain-text letter is imported: saving writes a new request, never over the letter.
        self.document.load(request, path if saved else None, modified=not saved)
        self._remember(path)
        if not saved:  # a letter written for one force: fit it to every force, changes listed
            self.window.fit_to_every_force()

    def import_text(self, path: Path | None = None) -> bool:
        """Read a request written as text (a letter, a WhatDoTheyKnow page) into parts."""
        if path is None:
            chosen = choose(self.window, "Import a request written as text", Path.home(), TEXT_FILES)
            if not chosen:
                return False
            path = Path(chosen)
        return self.open_file(path)

    def paste_as_new(self, text: str | None = None) -> bool:
        """The clipboard's text (or `text`) read as a new request, your wording kept."""
        from composer.textimport import parse_request

        text = QApplication.clipboard().text() if text is None else text
        if not text.strip():
            self.window.notify("The clipboard holds no text to read as a request.",
                                                8000)
            return False
        if not self.may_discard():
            return False
        try:
            request = parse_request(text, source="pasted text")
        except ComposerError as exc:
            self._problem("Cannot read the pasted text", str(exc))
            return False
        self.document.load(request.model_copy(update={"forces": self.window.settings.forces}), None,
                           modified=True)
        self.window.fit_to_every_force()
        return True

    def open_from_library(self) -> bool:
        from composer.ui.qt_library import QtLibraryDialog

        chosen = QtLibraryDialog.ask(self.window, self.library, self.window.requester)
        return self.open_file(chosen) if chosen is not None else False

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.window.settings.recent_files:
            action = self.recent_menu.addAction(Path(entry).name)
            action.setToolTip(entry)
            action.triggered.connect(lambda _checked=False, p=entry: self.open_file(Path(p)))
        self.recent_menu.setEnabled(True)
        if not self.window.settings.recent_files:
            self.recent_menu.addAction("(none yet)").setEnabled(False)

    def _remember(self, path: Path) -> None:
        self.window.settings = self.window.settings.with_recent(path)

    # -- saving -----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            try:
                path = self.library.save(self.document.request)
            except ComposerError as exc:
                self._problem("Cannot save", str(exc))
                return False
            return self._saved(path, f"Saved in your library as {path.name}")
        path = self.document.path
        if self._changed_elsewhere(path):  # keep both: ours goes beside it
            try:
                written = save_request(path, self.document.request, replace=False)
            except ComposerError as exc:
                self._problem("Cannot save", str(exc))
                return False
            return self._saved(written, f"{path.name} was changed elsewhere since it was opened; "
                                        f"your version is saved beside it as {written.name}")
        return self.save_as(path)

    def save_as(self, path: Path | None = None) -> bool:
        if path is None:
            start = self.document.path or self.library.path_for_title(readable(self.document.request.title, self.document.request))
            chosen = choose(self.window, "Save the request", start, REQUESTS, save=True, suffix=SUFFIX)
            if not chosen:
                return False
            path = Path(chosen if chosen.endswith(SUFFIX) else chosen.removesuffix(".json") + SUFFIX)
        try:  # the open file itself, or one the save dialog asked before replacing
            path = save_request(path, self.document.request, replace=True)
        except ComposerError as exc:
            self._problem("Cannot save", str(exc))
            return False
        return self._saved(Path(path), f"Saved {Path(path).name}")

    def _saved(self, path: Path, message: str) -> bool:
        self.document.mark_saved(path)
        self._remember(path)
        self.window.notify(message, 6000)
        return True

    # -- sharing ----------------------------------------------------------------------------------
    def import_template(self, path: Path | None = None) -> bool:
        if path is None:
            chosen = choose(self.window, "Import a shared template", Path.home(), REQUESTS)
            if not chosen:
                return False
            path = Path(chosen)
        try:
            added, _removed = self.library.import_template(path, self.window.requester)
        except ComposerError as exc:
            self._problem("Cannot import the template", str(exc))
            return False
        return self.open_file(added)

    def share_template(self, dest: Path | None = None) -> list[str] | None:
        """Write the open request with personal details removed; returns what was removed.
        A file chosen in the save dialog (which asks before replacing) is replaced; a file passed
        in never is (a free name is taken)."""
        from composer.ui.qt_prompts import QtShareReview

        from composer.campaign.history import shared_history
        from composer.operations.fitting import shareable

        request = self.document.request
        past = shared_history()
        shared, removed, changes = shareable(request, self.window.requester, past=past)

        def reshare(keep_names):
            return shareable(request, self.window.requester, past=past, keep_names=keep_names)[:2]

        confirmed = QtShareReview.confirm(self.window, request, shared, removed, reshare)
        if confirmed is None:
            return None
        shared, carried, removed = confirmed
        replace = dest is None
        if dest is None:
            chosen = choose(self.window, "Share as a template",
                            Path.home() / f"{slug(readable(shared.title, shared))}{SUFFIX}", REQUESTS,
                            save=True, suffix=SUFFIX)
            if not chosen:
                return None
            dest = Path(chosen)
        try:
            dest = write_template(shared, dest, replace=replace)
        except ComposerError as exc:
            self._problem("Cannot write the template", str(exc))
            return None
        note = f" (removed: {', '.join(removed)})" if removed else ""
        fitted = f"; fitted for every force ({len(changes)} change{'s' if len(changes) != 1 else ''})" if changes else ""
        carried = f"; it carries {carried}" if carried else ""
        self.window.notify(f"Template written to {dest}{note}{fitted}{carried}", 8000)
        return removed


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)
