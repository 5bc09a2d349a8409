"""Help › How it works and Help › About (UI-S11): named, closed from the keyboard, their text
selectable with the keyboard, and the menus they point to are the menus the window has."""

from __future__ import annotations

import re

import pytest

from composer import __version__, paths
from composer.ui.qt import QApplication, QLabel, QMessageBox, Qt


@pytest.mark.parametrize(("which", "title"), [("how", "How FOI Composer works"),
                                              ("about", "About FOI Composer")])
def test_a_help_box_is_named_read_and_closed_from_the_keyboard(qtbot, window, which, title):
    box = window.help_box(which)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert box.windowTitle() == title
    [text] = [label for label in box.findChildren(QLabel) if label.text() == box.text()]
    assert text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    qtbot.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box.clickedButton() is box.button(QMessageBox.StandardButton.Close)


def test_about_gives_the_version_and_the_folder_the_users_data_is_in(window):
    text = window.help_box("about").text()
    assert f"FOI Composer {__version__}" in text
    assert str(paths.data_location()) in text and "nothing is sent anywhere" in text


def test_how_it_works_names_only_menu_items_the_window_has(window):
    """Each `File › Item` it mentions is an item of the File menu (as the menu says it, without
    its Alt key letter and dots), so the help cannot point at a command that was renamed."""
    items = {re.sub(r"&|…$", "", action.text()) for action in window.file_menu.actions()}
    named = re.findall(r"File › ([^<]+)</b>", window.help_box("how").text())
    assert len(named) >= 3
    assert [n for n in named if n not in items] == []
