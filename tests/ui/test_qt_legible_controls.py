"""Check boxes that can be seen and selected rows that can be read, in a dark theme (UI-S11).

Under Fusion a check box's edge is the window colour made darker: on a dark palette that is the
colour of the list behind it, so the force list's boxes all but vanish (about 1.1:1). And a theme
may pair its highlight with text that cannot be read on it (Breeze Dark's blue under near-white is
2.6:1). `qt_style.keep_legible` mends both; these tests draw the controls and measure the pixels.
"""

from __future__ import annotations

import pytest

from composer.ui.qt import (
    QApplication,
    QCheckBox,
    QColor,
    QPalette,
    QStyle,
)
from composer.ui.qt_access import READABLE, contrast
from composer.ui.qt_style import VISIBLE, QtVisibleChecks, _Legible, keep_legible, legible_highlight

BREEZE_DARK = {"Window": "#31363b", "WindowText": "#eff0f1", "Base": "#232629", "AlternateBase": "#31363b",
               "Text": "#eff0f1", "Button": "#31363b", "ButtonText": "#eff0f1", "Highlight": "#3daee9",
               "HighlightedText": "#eff0f1"}


def palette(colours: dict[str, str]) -> QPalette:
    made = QPalette()
    for role, colour in colours.items():
        made.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return made


@pytest.fixture
def app(qapp):
    """The test's own style and palette; the application's own come back after."""
    style, kept = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    for child in qapp.children():
        if isinstance(child, _Legible):
            qapp.removeEventFilter(child)
            child.setParent(None)
    qapp.setStyle(style or "fusion")
    qapp.setPalette(kept)


THEMES = {"dark": palette(BREEZE_DARK), "light": None}


def _edge_contrast(image, background: QColor, left: int, right: int, middle: int) -> float:
    """The strongest contrast with `background` of any pixel of the row and column through the
    box: its edge, as nothing else is drawn there in an unticked box."""
    pixels = [image.pixelColor(x, middle) for x in range(left, right)]
    pixels += [image.pixelColor((left + right) // 2, y) for y in range(max(middle - 12, 0), min(middle + 12, image.height()))]
    return max(contrast(p, background) for p in pixels)


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_boxes_in_the_force_list_can_be_seen(qtbot, app, theme):
    from composer.ui.qt_force_picker import QtForcePicker

    app.setStyle(QtVisibleChecks("fusion"))
    app.setPalette(THEMES[theme] or app.style().standardPalette())
    picker = QtForcePicker([])
    qtbot.addWidget(picker)
    picker.resize(500, 400)
    picker.show()
    qtbot.waitExposed(picker)
    view = picker.list
    row = view.visualItemRect(view.item(0))
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    width = app.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    base = view.palette().color(QPalette.ColorRole.Base)
    seen = _edge_contrast(image, base, 0, int((row.left() + width + 6) * ratio), int(row.center().y() * ratio))
    assert seen >= VISIBLE


def _check_box_edge(qtbot, app, style, theme: QPalette | None) -> float:
    app.setStyle(style)
    app.setPalette(theme or app.style().standardPalette())
    box = QCheckBox("Overdue only")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    width = app.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    return _edge_contrast(image, box.palette().color(QPalette.ColorRole.Base), 0,
                          int(width * image.devicePixelRatio()), image.height() // 2)


@pytest.mark.parametrize("theme", list(THEMES))
def test_a_check_box_can_be_seen(qtbot, app, theme):
    assert _check_box_edge(qtbot, app, QtVisibleChecks("fusion"), THEMES[theme]) >= VISIBLE


def test_fusion_alone_leaves_the_dark_boxes_unseen(qtbot, app):
    """What the style above mends: the same box under plain Fusion (the measure can fail)."""
    assert _check_box_edge(qtbot, app, "fusion", THEMES["dark"]) < 1.5


def _readable(theme: QPalette) -> list[float]:
    return [contrast(theme.color(group, QPalette.ColorRole.Highlight), theme.color(group, QPalette.ColorRole.HighlightedText))
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)]


def test_the_selected_rows_text_can_be_read_in_a_dark_theme_and_after_the_theme_changes(app):
    app.setPalette(palette(BREEZE_DARK))
    assert min(_readable(app.palette())) < 3  # as the theme gives it
    keep_legible(app)
    assert min(_readable(app.palette())) >= READABLE
    highlight = app.palette().color(QPalette.ColorRole.Highlight)
    assert highlight.blue() > highlight.red() and highlight.blue() > highlight.green()  # still blue
    app.setPalette(palette({**BREEZE_DARK, "Highlight": "#f67400", "HighlightedText": "#ffffff"}))  # the theme changes
    QApplication.processEvents()
    assert min(_readable(app.palette())) >= READABLE


def test_a_highlight_that_can_be_read_is_left_as_the_theme_made_it():
    assert legible_highlight(palette({**BREEZE_DARK, "Highlight": "#1d5a7a"})) is None
    assert legible_highlight(palette(BREEZE_DARK)) is not None
