"""The app's file dialogs (UI-S11): where Qt's own dialog shows (no desktop dialog), it opens with
room for its columns, the file offered filled in, "All files" always a choice, and a save adds the
expected ending."""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.ui.qt import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QListView,
    QSplitter,
    QTreeView,
)
from composer.ui.qt_file_chooser import ALL_FILES, REQUESTS, file_dialog


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "risk.foi.json").write_text("{}", "utf-8")
    return tmp_path


def test_a_save_dialog_offers_the_name_in_its_folder_with_room_for_the_columns(qtbot, folder):
    dialog = file_dialog(None, "Save the request", folder / "new request.foi.json", REQUESTS,
                         save=True, suffix=".foi.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Save the request"
    assert Path(dialog.directory().absolutePath()) == folder
    assert dialog.findChild(QLineEdit, "fileNameEdit").text() == "new request.foi.json"
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave and dialog.defaultSuffix() == "foi.json"
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert [types.itemText(i) for i in range(types.count())] == [REQUESTS, ALL_FILES]
    room = QApplication.primaryScreen().availableGeometry()
    assert dialog.width() > 632 or dialog.width() >= room.width() - 40  # Qt's own opened at 632x412
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    header = dialog.findChild(QTreeView, "treeView").header()
    assert [header.sectionResizeMode(c) for c in range(1, header.count())] == \
        [QHeaderView.ResizeMode.ResizeToContents] * (header.count() - 1)  # "12....KiB" no more
    places = dialog.findChild(QListView, "sidebar")  # "Computer", not "Co…"
    assert dialog.findChild(QSplitter, "splitter").sizes()[0] >= places.sizeHintForColumn(0)


def test_an_open_dialog_starts_in_its_folder_and_a_folder_dialog_shows_folders(qtbot, folder):
    opened = file_dialog(None, "Open a request", folder, REQUESTS)
    qtbot.addWidget(opened)
    assert Path(opened.directory().absolutePath()) == folder
    assert opened.fileMode() == QFileDialog.FileMode.ExistingFile
    assert opened.nameFilters() == [REQUESTS, ALL_FILES]
    chosen = file_dialog(None, "Folder for the letters", folder, folder=True)
    qtbot.addWidget(chosen)
    assert chosen.fileMode() == QFileDialog.FileMode.Directory
    assert chosen.testOption(QFileDialog.Option.ShowDirsOnly)


def test_no_start_opens_in_the_home_folder(qtbot):
    dialog = file_dialog(None, "Import a shared template", "", REQUESTS)
    qtbot.addWidget(dialog)
    assert Path(dialog.directory().absolutePath()) == Path.home()
