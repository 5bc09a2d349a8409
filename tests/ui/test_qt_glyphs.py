"""No character the app shows falls outside what every desktop's default font draws (UI-S11).

A symbol such as a warning sign or a heavy tick is drawn on one machine (DejaVu Sans has it) and
shows as an empty box on another (Noto Sans and Liberation Sans, Debian's and many desktops'
defaults, do not have it, and without an emoji font nothing else does). The app's own words are
kept to a common set: the characters of Windows Glyph List 4, which the default sans-serif fonts
of Linux, Windows and macOS all have. A mark beyond it is a Qt standard icon instead.

Two checks: the text of every window and dialog as built (tests/ui/every_window.py), with its
menus, tooltips and table cells, and the string literals of every module in composer/ui, so a
string shown only now and then is held too.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest
from ui.every_window import WINDOWS, campaign_store

from composer.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractListModel,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPlainTextEdit,
    Qt,
    QTabWidget,
    QTextDocument,
    QTextEdit,
    QWidget,
)

UI = Path(__file__).resolve().parents[2] / "composer" / "ui"


def _ranges(*pairs: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(c) for first, last in pairs for c in range(first, last + 1))


# The part of Windows Glyph List 4 that writing in English uses: Latin-1 and Latin Extended-A
# (names such as Ynys Môn), the dashes, quotes, bullet, ellipsis, angle quotes (menu paths, File ›
# Save), per mille, euro, trade mark and the four arrows.
COMMON = (_ranges((0x20, 0x7E), (0xA0, 0x17F), (0x2013, 0x2015), (0x2018, 0x201E), (0x2020, 0x2022),
                  (0x2190, 0x2195))
          | frozenset("\n\t\u2026\u2030\u2039\u203a\u20ac\u2122"))
# Invisible marks: Qt draws no glyph for them, so no font needs one (law.FIELD_OPEN/CLOSE set a
# field's words apart from the sentence around them). U+FFFC is where rich text holds an image.
INVISIBLE = frozenset("\u2066\u2067\u2068\u2069\u200b\u200e\u200f\u00ad\ufffc")
# String literals in composer/ui that are never shown: a pattern for characters outside the
# Basic Multilingual Plane (qt_preview), a name's width sign read from the command line.
NOT_SHOWN = {"qt_preview.py": frozenset("\U00010000\U0010ffff")}


def _uncommon(text: str) -> set[str]:
    return {ch for ch in text if ch not in COMMON and ch not in INVISIBLE}


def _named(chars: set[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in sorted(chars))


def _plain(text: str) -> str:
    if "<" not in text:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _model_texts(model) -> list[str]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
    texts: list[str] = []
    flat = isinstance(model, QAbstractListModel)  # (whose columnCount PySide keeps private)

    def columns(parent: QModelIndex) -> int:
        return (0 if parent.isValid() else 1) if flat else model.columnCount(parent)

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                texts.extend(v for role in roles if isinstance(v := model.data(index, role), str))
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    for orientation, count in ((Qt.Orientation.Horizontal, columns(QModelIndex())),
                               (Qt.Orientation.Vertical, model.rowCount(QModelIndex()))):
        texts += [v for section in range(count) for role in roles[:2]
                  if isinstance(v := model.headerData(section, orientation, role), str)]
    return texts


def _texts(widget: QWidget) -> list[str]:
    """What the widget shows or says: its text, title, tooltip, names, items and actions."""
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName(),
             widget.accessibleDescription(), widget.statusTip(), widget.whatsThis()]
    if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        texts += [widget.toPlainText(), widget.placeholderText()]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += _model_texts(widget.model())
    for action in widget.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return [_plain(t) for t in texts if t]


def test_the_common_set_leaves_out_what_default_fonts_lack():
    """The set is what it says: the symbols that came out as empty boxes are not in it."""
    assert _uncommon("File › Save … “the force’s name” → £450 – Ynys Môn") == set()
    assert _uncommon("\u26a0 \u2714 \u2716 \U0001f693") == set("\u26a0\u2714\u2716\U0001f693")


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_shows_only_characters_every_default_font_has(qtbot, name):
    widget = WINDOWS[name](campaign_store())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    odd: dict[str, set[str]] = {}
    for child in [widget, *widget.findChildren(QWidget)]:
        for text in _texts(child):
            if chars := _uncommon(text):
                odd.setdefault(f"{type(child).__name__} {text[:60]!r}", set()).update(chars)
    assert not odd, "\n".join(f"{where}: {_named(chars)}" for where, chars in odd.items())


def test_the_help_boxes_show_only_characters_every_default_font_has():
    from composer.ui import qt_main_window

    for text in (qt_main_window.HOW, qt_main_window.about_text()):
        assert not _uncommon(_plain(text)), _named(_uncommon(_plain(text)))


def _literals(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


@pytest.mark.parametrize("module", sorted(p.name for p in UI.glob("*.py")))
def test_no_string_in_the_app_uses_a_character_outside_the_common_set(module):
    allowed = NOT_SHOWN.get(module, frozenset())
    odd = [f"line {line}: {_named(chars)}" for line, value in _literals(UI / module)
           if (chars := _uncommon(value) - allowed)]
    assert not odd, f"{module}: " + "; ".join(odd)
