"""The app for people who use only a keyboard, a screen reader or a dark desktop theme (A11Y-S10).

Every window and dialog (tests/ui/every_window.py) is gone through: each control has a name a
screen reader can say, Tab reaches every control and leaves none trapped, Escape closes a dialog
and Enter has a default to press, and with a dark palette no colour the app sets leaves text
under WCAG's 4.5:1 contrast (computed here, not taken from the app).
"""

from __future__ import annotations

import re

import pytest
from ui.every_window import WINDOWS, campaign_store

from composer.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QColor,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QPalette,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    Qt,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit,
               QAbstractItemView)


@pytest.fixture
def store():
    return campaign_store()


def _built(qtbot, name: str, store):
    widget = WINDOWS[name](store)
    qtbot.addWidget(widget)
    widget.resize(max(widget.width(), 1280), max(widget.height(), 720)) if name.endswith(("window", "tab")) else None
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def _views(window: QWidget):
    """Each page the window can show in turn: every tab of its tab widgets (the main window's,
    the outline's, the library's), each page of a wizard; else the window as it stands."""
    if window.inherits("QWizard"):
        for _ in range(8):
            yield window
            before = window.currentId()
            window.next()
            QApplication.processEvents()
            if window.currentId() == before:
                return
        return
    tabs = [t for t in window.findChildren(QTabWidget) if t.isVisible()]
    if not tabs:
        yield window
        return
    for tab_widget in tabs:
        for index in range(tab_widget.count()):
            if tab_widget.isVisible():
                tab_widget.setCurrentIndex(index)
                QApplication.processEvents()
                yield window


def interactive(window: QWidget) -> list[QWidget]:
    """The controls a user works with, as shown: not the parts Qt builds inside a combo box,
    a spin box, a tab bar or a scroll bar, nor a table's headers."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar, QScrollBar)):
            continue
        if widget.isVisible():
            found.append(widget)
    return found


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says a control is: its accessible name, else the label whose buddy
    it is, else (a button or box) its own text."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().replace("&", "").strip(" :"):
            return label.text().replace("&", "").strip(" :")
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_control_has_a_name_a_screen_reader_can_say(qtbot, store, name):
    window = _built(qtbot, name, store)
    unnamed = set()
    for view in _views(window):
        for widget in interactive(view):
            if not spoken_name(widget):
                unnamed.add(f"{type(widget).__name__} {widget.toolTip()[:40]!r}")
    assert not unnamed, f"{name}: {sorted(unnamed)}"


def _tab_reachable(widget: QWidget) -> bool:
    if not (widget.isVisible() and widget.isEnabled()):
        return False
    if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
        return False  # a group of radio buttons is one stop: the arrow keys move in it
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def _tab_round(qtbot, window: QWidget) -> list[QWidget]:
    """The widgets Tab moves to from the current one, until it comes back round (or 300)."""
    start = QApplication.focusWidget()
    assert start is not None and start.window() is window
    seen = [start]
    for _ in range(300):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return seen
        assert now not in seen, (f"Tab is stuck going round {type(now).__name__} "
                                 f"{spoken_name(now)!r} and never gets back to the first control")
        seen.append(now)
    raise AssertionError("Tab went on for 300 controls without coming back round")


@pytest.mark.parametrize("name", list(WINDOWS))
def test_tab_reaches_every_control_and_comes_back_round(qtbot, store, name):
    window = _built(qtbot, name, store)
    for view in _views(window):
        if QApplication.focusWidget() is None or not QApplication.focusWidget().isVisible():
            next(w for w in interactive(view) if _tab_reachable(w)).setFocus()
        reached = _tab_round(qtbot, view)
        missed = [f"{type(w).__name__} {spoken_name(w)!r}" for w in interactive(view)
                  if _tab_reachable(w) and w not in reached]
        assert not missed, f"{name}: Tab never reaches {missed}"


DIALOGS = [n for n in WINDOWS if not n.endswith(("window", "tab"))]


@pytest.mark.parametrize("name", DIALOGS)
def test_escape_closes_a_dialog_and_enter_has_a_default(qtbot, store, name):
    dialog = _built(qtbot, name, store)
    assert isinstance(dialog, QDialog)
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isDefault()]
    if dialog.inherits("QWizard"):
        defaults = [dialog.button(dialog.WizardButton.NextButton)]
    assert len(defaults) == 1 and defaults[0].isEnabled() or name in ("force's FOI address",), \
        [b.text() for b in defaults]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    if isinstance(dialog, QMessageBox):  # Escape is the way out that changes nothing
        role = dialog.buttonRole(dialog.clickedButton())
        assert role == QMessageBox.ButtonRole.RejectRole or len(dialog.buttons()) == 1, dialog.clickedButton().text()
    else:
        assert dialog.result() == QDialog.DialogCode.Rejected


# -- colours: dark and light palettes ---------------------------------------------------------------
def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2's contrast ratio, worked out here apart from the app's own."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _over(colour: QColor, background: QColor) -> QColor:
    """A colour with transparency as it shows on `background`."""
    a = colour.alphaF()
    return QColor(*(round(c * a + b * (1 - a)) for c, b in zip(colour.getRgb()[:3], background.getRgb()[:3],
                                                               strict=True)))


def dark_palette() -> QPalette:
    """What a dark desktop theme gives Qt (Breeze Dark's colours, about)."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, rgb in ((roles.Window, (42, 46, 50)), (roles.WindowText, (252, 252, 252)),
                      (roles.Base, (27, 30, 32)), (roles.AlternateBase, (35, 38, 41)),
                      (roles.Text, (252, 252, 252)), (roles.Button, (49, 54, 59)),
                      (roles.ButtonText, (252, 252, 252)), (roles.Highlight, (61, 174, 233)),
                      (roles.HighlightedText, (252, 252, 252)), (roles.ToolTipBase, (49, 54, 59)),
                      (roles.ToolTipText, (252, 252, 252)), (roles.PlaceholderText, (161, 169, 177)),
                      (roles.Link, (29, 153, 243)), (roles.Light, (64, 69, 76)), (roles.Mid, (40, 44, 48)),
                      (roles.Dark, (25, 27, 29)), (roles.Shadow, (18, 20, 21))):
        p.setColor(role, QColor(*rgb))
    for role, rgb in ((roles.Text, (161, 169, 177)), (roles.WindowText, (161, 169, 177)),
                      (roles.ButtonText, (161, 169, 177))):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(*rgb))
    return p


def _model_colours(view: QAbstractItemView):
    """(where, text colour, background) for each cell whose colours the app set."""
    model = view.model()
    if model is None:
        return
    palette = view.palette()

    def cells(parent: QModelIndex):  # hasIndex: a QTreeWidget's model keeps its counts private
        row = 0
        while row < 300 and model.hasIndex(row, 0, parent):
            column = 0
            while model.hasIndex(row, column, parent):
                yield model.index(row, column, parent)
                column += 1
            yield from cells(model.index(row, 0, parent))
            row += 1

    for index in cells(QModelIndex()):
        fg, bg = index.data(Qt.ItemDataRole.ForegroundRole), index.data(Qt.ItemDataRole.BackgroundRole)
        if fg is None and bg is None:
            continue
        base = palette.color(QPalette.ColorRole.Base)
        back = bg.color() if hasattr(bg, "color") else (bg if isinstance(bg, QColor) else base)
        back = _over(back, base)
        text = fg.color() if hasattr(fg, "color") else (fg if isinstance(fg, QColor) else palette.color(QPalette.ColorRole.Text))
        yield f"{view.accessibleName()} {index.data()!r}", _over(text, back), back


def _label_colours(label: QLabel):
    palette = label.palette()
    window, ink = palette.color(label.backgroundRole()), palette.color(label.foregroundRole())
    if label.testAttribute(Qt.WidgetAttribute.WA_SetPalette) or label.foregroundRole() != QPalette.ColorRole.WindowText:
        yield f"label {label.text()[:30]!r}", _over(ink, window), window
    for colour in re.findall(r"background-color:\s*(#[0-9a-fA-F]{6})", label.text()):
        yield f"label {label.text()[:30]!r} marked", ink, QColor(colour)
    for colour in re.findall(r"(?<!-)color:\s*(#[0-9a-fA-F]{6})", label.text()):
        yield f"label {label.text()[:30]!r} coloured", QColor(colour), window


def _text_colours(box):
    """Highlights and coloured runs in a text box (the preview's highlighted part)."""
    palette = box.palette()
    base, ink = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    for selection in box.extraSelections():
        fmt = selection.format
        back = fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else base
        text = fmt.foreground().color() if fmt.foreground().style() != Qt.BrushStyle.NoBrush else ink
        yield f"{box.accessibleName()} highlight", _over(text, _over(back, base)), _over(back, base)


@pytest.fixture(params=["dark", "light"])
def palette(request, qapp):
    before = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


@pytest.mark.parametrize("name", list(WINDOWS))
def test_no_colour_the_app_sets_leaves_text_hard_to_read(qtbot, store, palette, name):
    window = _built(qtbot, name, store)
    poor = []
    for view in _views(window):
        checks = []
        for item_view in view.findChildren(QAbstractItemView):
            if item_view.isVisible() and not isinstance(item_view, QHeaderView):
                checks += _model_colours(item_view)
        for label in view.findChildren(QLabel):
            if label.isVisible():
                checks += _label_colours(label)
        for box in view.findChildren(QTextEdit) + view.findChildren(QPlainTextEdit):
            if box.isVisible():
                checks += _text_colours(box)
        poor += [f"{where}: {contrast(ink, back):.1f}:1" for where, ink, back in checks
                 if contrast(ink, back) < 4.5]
    assert not poor, f"{name} ({palette}): {sorted(set(poor))[:12]}"


# -- meaning carried by colour is said in words too ------------------------------------------------
def test_what_a_colour_says_is_said_in_words_as_well(qtbot, store):
    """The campaign's amber (answered late) and the coverage's tints each come with words: on
    screen, and for a screen reader, which says '…' or '?' as nothing."""
    from ui.every_window import follow_up_tab

    from composer.ui.qt_campaign_model import COLUMNS

    window = follow_up_tab(store)
    qtbot.addWidget(window)
    panel = window.campaign_panel
    due = [title for title, _ in COLUMNS].index("Due")
    rows = {panel.model.progress_at(r).force_id: r for r in range(panel.model.rowCount())}
    kent = panel.model.index(rows["kent_police"], due)
    assert kent.data(Qt.ItemDataRole.BackgroundRole) is not None  # tinted amber
    assert kent.data().endswith("(late)")
    assert not panel.model.index(rows["wmp"], due).data().endswith("(late)")
    essex = panel.model.index(rows["essex_police"], [t for t, _ in COLUMNS].index("Next"))
    assert essex.data(Qt.ItemDataRole.BackgroundRole) is not None and "late" in essex.data()  # overdue, red

    window.tabs.setCurrentIndex(2)
    model = window.coverage_view.model
    spoken = {model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(model.rowCount() - 1)}
    assert "Essex Police, part 1: no reply yet" in spoken, spoken  # on screen: "…"
    assert "Kent Police, part 1: answered" in spoken, spoken


# -- a small or scaled screen ------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_fits_a_1280x720_screen_at_200_percent(qtbot, store, name):
    """At 200% a 1280x720 screen is 640x360 to Qt (less a title bar): every window goes down to
    that size, whatever does not fit scrolls, and a dialog's buttons stay in view."""
    from composer.ui.qt import QRect, QScrollArea

    window = _built(qtbot, name, store)
    window.resize(640, 320)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (640, 320) or window.width() < 640)
    assert window.width() <= 640 and window.height() <= 320
    seen = QRect(0, 0, window.width(), window.height())
    for widget in interactive(window):
        box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        scrolls = any(isinstance(a, QScrollArea) for a in _ancestors(widget, window))
        assert scrolls or seen.contains(box), f"{name}: {spoken_name(widget)!r} is cut off at 640x320"
    if isinstance(window, QDialog) and not window.inherits("QWizard"):
        default = next((b for b in window.findChildren(QPushButton) if b.isVisible() and b.isDefault()), None)
        if default is not None:
            box = QRect(default.mapTo(window, default.rect().topLeft()), default.size())
            assert seen.contains(box), f"{name}: {default.text()!r} is scrolled out of view"
    if name == "main window":
        assert window.one_column and window.narrow  # the fields and the preview are tabs


def _ancestors(widget: QWidget, window: QWidget):
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        yield parent
        parent = parent.parentWidget()


def test_a_force_s_warnings_and_notes_are_not_for_the_mouse_alone(qtbot, store):
    """The Follow up table's tooltips hold a force's warnings and notes: the keyboard's current
    row shows them under the table, and a screen reader reads them as the cell's description."""
    from ui.every_window import follow_up_tab

    window = follow_up_tab(store)
    qtbot.addWidget(window)
    panel = window.campaign_panel
    for row in range(panel.proxy.rowCount()):
        index = panel.proxy.index(row, 0)
        panel.view.setCurrentIndex(index)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == tip
        assert panel.chosen.text() == tip.replace("\n", " · ")
    essex = next(r for r in range(panel.proxy.rowCount())
                 if panel.proxy.index(r, 0).data() == "Essex Police")  # overdue: red, and late by
    panel.view.setCurrentIndex(panel.proxy.index(essex, 0))
    assert "working days late" in panel.chosen.text()


@pytest.mark.parametrize(("name", "reading"), [
    ("export", ["Filter forces by name", "Untick every force", "FOI address…", "Forces"]),
    ("new campaign", ["Filter forces by name", "Untick every force", "FOI address…", "Forces"]),
    ("order for the cost limit", ["The force whose limit and size apply", "Suggest an order",
                                  "Back to the current order", "Order for the cost limit", "Move up"]),
    ("library", ["Saved requests", "Open", "Duplicate"]),
])
def test_tab_goes_in_the_order_the_eye_reads(qtbot, store, name, reading):
    """QA of A11Y-S10: the export's filter came after the two buttons to its right, the order's
    Suggest and Back after the rows below them, the library's list after its buttons and Close (the
    last two put right when the dialogs began to scroll, which moves widgets in layout order)."""
    window = _built(qtbot, name, store)
    round_ = [spoken_name(w) for w in _tab_round(qtbot, window)]
    at = [round_.index(n) for n in reading]
    start = at[0]
    assert [(i - start) % len(round_) for i in at] == sorted((i - start) % len(round_) for i in at), round_
