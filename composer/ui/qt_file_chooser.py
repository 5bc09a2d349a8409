"""Choosing a file or a folder: every file dialog the app opens is made here.

Where the desktop has its own file dialog (Windows, macOS, a desktop portal), Qt shows that one. Where
it does not, Qt's own dialog opened at 632x412 with its size and type columns cut to "12....KiB" and
"JSO...ent"; made here, it opens larger (within the screen) with each column as wide as its contents.
A file type list always ends with "All files", so a request or reply saved under another name can
still be chosen; a save adds the expected ending when none is typed.

Qt's classes are looked up when a dialog is first made: the file types below are read at start-up.
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from composer.library import SUFFIX

if TYPE_CHECKING:
    from composer.ui.qt import QFileDialog, QWidget

ALL_FILES = "All files (*)"
REQUESTS = f"Requests (*{SUFFIX})"
REQUEST_FILES = f"{REQUESTS};;Letters (*.txt *.docx *.pdf *.eml)"
TEXT_FILES = "Letters (*.txt *.text *.md *.docx *.pdf *.eml)"
ROOM = (900, 600)  # pixels the dialog asks for, at most the screen's free area less a margin


def file_dialog(parent: QWidget | None, title: str, start: Path | str, types: str = "", *,
                save: bool = False, folder: bool = False, suffix: str = "") -> QFileDialog:
    """The dialog, not yet shown: `start` is a folder, or a file to offer (its folder opened and
    its name filled in); `types` as Qt writes them ("Requests (*.foi.json);;Letters (*.txt)")."""
    from composer.ui.qt import QFileDialog

    start = Path(start) if str(start) else Path.home()
    shown = ";;".join(t for t in (types, ALL_FILES) if t) if types and ALL_FILES not in types else types
    dialog = QFileDialog(parent, title, "", shown)
    if start.is_dir() or folder:
        dialog.setDirectory(str(start))
    else:
        dialog.setDirectory(str(start.parent))
        dialog.selectFile(start.name)
    if folder:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix.lstrip("."))
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    _roomy(dialog, parent)
    return dialog


def _roomy(dialog: QFileDialog, parent: QWidget | None) -> None:
    from composer.ui.qt import QHeaderView, QListView, QSplitter, QTreeView

    screen = (parent.screen() if parent is not None else None) or dialog.screen()
    if screen is not None:
        room = screen.availableGeometry()
        dialog.resize(min(ROOM[0], room.width() - 40), min(ROOM[1], room.height() - 80))
    files = dialog.findChild(QTreeView, "treeView")  # Qt's own dialog (not the desktop's)
    if files is not None:
        header = files.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    places, split = dialog.findChild(QListView, "sidebar"), dialog.findChild(QSplitter, "splitter")
    if places is not None and split is not None:  # the places beside the files whole ("Co…" was Computer)
        wanted = places.sizeHintForColumn(0) + places.frameWidth() * 2 + 8
        split.setSizes([wanted, max(dialog.width() - wanted, 0)])


def choose(parent: QWidget | None, title: str, start: Path | str, types: str = "", *,
           save: bool = False, folder: bool = False, suffix: str = "") -> str:
    """The file or folder chosen, or "" if the dialog was cancelled."""
    from composer.ui.qt import QDialog

    dialog = file_dialog(parent, title, start, types, save=save, folder=folder, suffix=suffix)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    chosen = dialog.selectedFiles()
    return chosen[0] if chosen else ""
