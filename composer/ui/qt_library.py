"""The library: saved requests to open, duplicate, rename, delete (to a bin they can be restored
from), and shareable templates to import and export. A thin face over `composer.library`.

Every action takes its answer as an argument when it has one (a test passes it); without, it
asks with a small Qt dialog.
"""

from __future__ import annotations

from pathlib import Path

from composer.errors import ComposerError
from composer.law import readable
from composer.library import SUFFIX, Library, write_template
from composer.model import Requester
from composer.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_access import QtFitsScreen
from composer.ui.qt_file_chooser import REQUESTS, choose
from composer.ui.qt_prompts import QtShareReview

NAME = Qt.ItemDataRole.UserRole


class QtLibraryDialog(QDialog):
    def __init__(self, library: Library, requester: Requester | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library")
        self.library = library
        self.requester = requester or Requester()
        self.chosen: Path | None = None

        self.saved = QListWidget(self)
        self.saved.setAccessibleName("Saved requests")
        self.binned = QListWidget(self)
        self.binned.setAccessibleName("Deleted requests")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.saved, "&Saved requests")
        self.tabs.addTab(self.binned, "&Bin")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Library messages")

        actions = QVBoxLayout()
        self.buttons = {}
        for key, text, slot in (
            ("open", "&Open", self.open_selected),
            ("duplicate", "&Duplicate", self.duplicate),
            ("rename", "&Rename…", self.rename),
            ("delete", "Mo&ve to bin", self.delete),
            ("restore", "Res&tore", self.restore),
            ("import", "&Import a template…", self.import_template),
            ("share", "S&hare as template…", self.share),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.tabs, 1)
        row.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.saved.itemActivated.connect(lambda _item: self.open_selected())
        self.tabs.currentChanged.connect(self._update_buttons)
        self.saved.currentRowChanged.connect(self._update_buttons)
        self.binned.currentRowChanged.connect(self._update_buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().lineSpacing() * 24)
        self.reload()
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls
        # Tab goes as the eye reads: the tabs, the list under them, then the buttons beside it.
        QWidget.setTabOrder(self.tabs.tabBar(), self.saved)
        QWidget.setTabOrder(self.saved, self.binned)

    # -- listing --------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        listing = self.library.list()
        self.saved.clear()
        for entry in listing.entries:
            n = len(entry.request.parts)
            item = QListWidgetItem(f"{entry.name}  —  {readable(entry.request.title, entry.request)} ({n} part{'s' if n != 1 else ''})")
            item.setData(NAME, entry.name)
            self.saved.addItem(item)
            if entry.name == select:
                self.saved.setCurrentItem(item)
        if select is None and self.saved.count():
            self.saved.setCurrentRow(0)
        self.binned.clear()
        for path in self.library.binned():
            item = QListWidgetItem(path.name[: -len(SUFFIX)])
            item.setData(NAME, path.name)
            self.binned.addItem(item)
        if listing.problems:
            self.message.setText("\n".join(listing.problems))
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.saved.item(i).data(NAME) for i in range(self.saved.count())]

    def current_name(self) -> str | None:
        item = self.saved.currentItem()
        return item.data(NAME) if item is not None else None

    def select(self, name: str) -> None:
        for i in range(self.saved.count()):
            if self.saved.item(i).data(NAME) == name:
                self.saved.setCurrentRow(i)

    def _update_buttons(self, *_args) -> None:
        in_bin = self.tabs.currentWidget() is self.binned
        has = self.current_name() is not None and not in_bin
        for key in ("open", "duplicate", "rename", "delete", "share"):
            self.buttons[key].setEnabled(has)
        self.buttons["restore"].setEnabled(in_bin and self.binned.currentItem() is not None)

    def _do(self, action, done: str, select=None) -> bool:
        try:
            result = action()
        except (ComposerError, OSError) as exc:
            self.message.setText(str(exc))
            return False
        self.reload(select(result) if select else None)
        self.message.setText(done.format(result=result))
        return True

    # -- actions --------------------------------------------------------------------------------
    def open_selected(self) -> None:
        name = self.current_name()
        if name is not None:
            self.chosen = self.library.path_for(name)
            self.accept()

    def duplicate(self) -> bool:
        name = self.current_name()
        return name is not None and self._do(
            lambda: self.library.duplicate(name), "Copied as “{result.name}”.",
            lambda path: path.name[: -len(SUFFIX)])

    def rename(self, new_name: str | None = None) -> bool:
        name = self.current_name()
        if name is None:
            return False
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, "Rename", "New name:", text=name)
            if not ok or not new_name.strip():
                return False
        return self._do(lambda: self.library.rename(name, new_name), "Renamed to “{result.name}”.",
                        lambda path: path.name[: -len(SUFFIX)])

    def delete(self) -> bool:
        name = self.current_name()
        return name is not None and self._do(
            lambda: self.library.delete(name),
            f"“{name}” moved to the bin; Restore brings it back.")

    def restore(self, binned_name: str | None = None) -> bool:
        item = self.binned.currentItem()
        binned_name = binned_name or (item.data(NAME) if item is not None else None)
        if binned_name is None:
            return False
        return self._do(lambda: self.library.restore(binned_name), "Restored “{result.name}”.",
                        lambda path: path.name[: -len(SUFFIX)])

    def import_template(self, source: Path | None = None) -> bool:
        if source is None:
            chosen = choose(self, "Import a shared template", Path.home(), REQUESTS)
            if not chosen:
                return False
            source = Path(chosen)
        def add():
            path, removed = self.library.import_template(source, self.requester)
            self._removed = removed
            return path

        self._removed: list[str] = []
        done = self._do(add, "Imported as “{result.name}”.", lambda path: path.name[: -len(SUFFIX)])
        if done and self._removed:
            self.message.setText(f"{self.message.text()} Removed: {', '.join(self._removed)}.")
        return done

    def share(self, dest: Path | None = None) -> bool:
        """Write the selected request as a template without personal details. A file chosen in
        the save dialog (which asks before replacing) is replaced; a file passed in never is."""
        name = self.current_name()
        if name is None:
            return False
        replace = dest is None
        if dest is None:
            chosen = choose(self, "Share as a template", Path.home() / f"{name}{SUFFIX}", REQUESTS,
                            save=True, suffix=SUFFIX)
            if not chosen:
                return False
            dest = Path(chosen)

        from composer.campaign.history import shared_history
        from composer.operations.fitting import shareable

        try:
            request = self.library.load(name)
            past = shared_history()
            shared, removed, changes = shareable(request, self.requester, past=past)
        except ComposerError as exc:
            self.message.setText(str(exc))
            return False

        def reshare(keep_names):
            return shareable(request, self.requester, past=past, keep_names=keep_names)[:2]

        confirmed = QtShareReview.confirm(self, request, shared, removed, reshare)
        if confirmed is None:
            return False
        shared, carried, removed = confirmed

        def write():
            path = write_template(shared, dest, replace=replace)
            removed_text = f" Removed: {', '.join(removed)}." if removed else ""
            fitted = " Fitted for every force, as an import is." if changes else ""
            carrying = f" It carries {carried}." if carried else ""
            return f"Template written to {path}, without your personal details.{removed_text}{fitted}{carrying}"

        return self._do(write, "{result}", lambda _r: name)

    @classmethod
    def ask(cls, parent: QWidget | None, library: Library,
            requester: Requester | None = None) -> Path | None:
        """The library; returns the saved request to open, or None."""
        dialog = cls(library, requester, parent)
        dialog.exec()
        return dialog.chosen
