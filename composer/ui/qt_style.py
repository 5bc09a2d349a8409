"""Check boxes that can be seen and a selected row whose text can be read, in any theme.

`keep_legible(app)`: under Fusion, check boxes and radio buttons get an edge that can be seen (3:1
against what they sit on), and in any style the selected row's text keeps 4.5:1 against its
highlight (a Breeze-like blue under white text is 2.6:1), with the theme and after it changes.

Applied once the window is first painted (`app.run`): the style's types take a few milliseconds
to build, which the start need not wait for.
"""

from __future__ import annotations

from composer.ui.qt import QColor, QEvent, QObject, QPalette, QProxyStyle, QStyle, Qt
from composer.ui.qt_access import READABLE, contrast, legible

VISIBLE = 3.0  # WCAG 2's least contrast for the edge of a control (a check box) against what is around it


_MARKED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
           QStyle.PrimitiveElement.PE_IndicatorRadioButton)


def fusion_edge(palette: QPalette) -> QColor:
    """The colour Fusion draws a check box's edge in: the window's colour made darker. On a dark
    palette that is the colour of the list or form behind it (about 1.1:1); on its own light one,
    1.9:1."""
    return palette.color(QPalette.ColorRole.Window).darker(140).lighter(110)


class QtVisibleChecks(QProxyStyle):
    """Fusion, with an edge drawn over each check box and radio button's own, in the edge's colour
    made as much darker or lighter as it takes to be seen against the box's background."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 (Qt's name)
        super().drawPrimitive(element, option, painter, widget)
        if element not in _MARKED:
            return
        palette = option.palette
        base = palette.color(QPalette.ColorRole.Base)
        own = fusion_edge(palette)
        if contrast(own, base) >= VISIBLE:
            return
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        painter.setPen(legible(own, base, VISIBLE))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)
        painter.restore()


def legible_highlight(palette: QPalette) -> QPalette | None:
    """`palette` with its highlight darkened or lightened until the selected row's text can be
    read on it (4.5:1), in the active and inactive windows; None if it can be already."""
    changed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        if contrast(highlight, text) < READABLE:
            changed.setColor(group, QPalette.ColorRole.Highlight, legible(highlight, text))
    return None if changed == palette else changed


class _Legible(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is self.parent():
            _keep_highlight(watched)
        return False


def _keep_highlight(app) -> None:
    changed = legible_highlight(app.palette())
    if changed is not None:  # the palette it sets passes, so the change it causes stops here
        app.setPalette(changed)


def keep_legible(app) -> None:
    """Check boxes that can be seen and a selected row that can be read (see the module's notes),
    now and whenever the palette changes (a switch to a dark theme). Once for an application."""
    if any(isinstance(child, _Legible) for child in app.children()):
        return
    if app.style().name().casefold() == "fusion":
        app.setStyle(QtVisibleChecks("fusion"))
    _keep_highlight(app)
    app.installEventFilter(_Legible(app))
