"""What lets people who use only a keyboard, a screen reader or large text use the app, held once.

- `announce(widget, text)`: a screen reader says `text` now (a one-line problem appearing under a
  form, a status-bar message): text that appears where the keyboard is not is otherwise never read.
- `buddy(text, widget)`: a label whose Alt key moves to `widget` and that a screen reader reads as
  its name.
- `legible(colour, background)`: `colour`, darkened or lightened as little as it takes for text
  in it to be read on `background` (WCAG's 4.5:1), in a light theme or a dark one.
- `quiet(label)`: a note's text a shade quieter than the rest, as the palette's placeholder grey
  is, but never below 4.5:1 (Fusion's grey on white is 3.9:1); worked out again with the theme.
- `QtPair(first, second)`: two groups of controls side by side where there is room, one above
  the other where there is not (large text, a screen scaled to 150%): nothing squeezed or run off.
- `QtFitsScreen.install(dialog)`: the dialog's contents scroll when the screen is too small for
  them (a 1280x720 screen at 200% is 640x360), with its buttons kept in view; it opens no larger
  than the screen's free area.
"""

from __future__ import annotations

from composer.ui.qt import (
    QAccessible,
    QBoxLayout,
    QColor,
    QDialogButtonBox,
    QEvent,
    QFrame,
    QLabel,
    QObject,
    QScrollArea,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)

TITLE_BAR = 40  # pixels a window manager's frame and title bar take above a window, about


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text`, politely, as coming from `widget` (Qt 6.8 and later; on
    an older Qt the text is where it was put and is read when the user reaches it)."""
    try:
        from composer.ui.qt import QAccessibleAnnouncementEvent
    except (ImportError, AttributeError):
        return
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


READABLE = 4.5  # WCAG 2's least contrast for text of ordinary size


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return 0.2126 * _channel(colour.red()) + 0.7152 * _channel(colour.green()) + 0.0722 * _channel(colour.blue())


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def towards(colour: QColor, other: QColor, share: float) -> QColor:
    """`colour` moved `share` (0 to 1) of the way to `other`."""
    return QColor(*(round(a + (b - a) * share) for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True)))


def legible(colour: QColor, background: QColor, at_least: float = READABLE) -> QColor:
    """`colour` moved towards black on a light background (white on a dark one) until text in it
    has `at_least` contrast with `background`: its hue kept where it can be."""
    level = 0 if luminance(background) > 0.18 else 255
    target = QColor(level, level, level)
    for step in range(21):
        moved = towards(colour, target, step / 20)
        if contrast(moved, background) >= at_least:
            return moved
    return target


class _Quiet(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            _quieten(watched)
        return False


def _quieten(label: QWidget) -> None:
    from composer.ui.qt import QApplication, QPalette

    theme = QApplication.palette()
    window = theme.color(QPalette.ColorRole.Window)
    grey = theme.color(QPalette.ColorRole.PlaceholderText)
    shown = towards(window, grey, grey.alphaF())  # Qt's own placeholder is the text colour, half transparent
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, legible(shown, window))
    label.setPalette(palette)


def quiet(label: QWidget) -> None:
    _quieten(label)
    label.installEventFilter(_Quiet(label))


def name_corner(table: QWidget, name: str) -> None:
    """Name the button in a table's top left corner (it selects every cell): Qt leaves it unnamed."""
    from composer.ui.qt import QAbstractButton

    corner = table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
    if corner is not None:
        corner.setAccessibleName(name)


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    return label


class QtPair(QBoxLayout):
    """`first` and `second` (layouts) in one row, `second` taking `share` of the room (0: its own
    size), or one above the other when `fit` finds them too wide for the room together."""

    SPACE = 36  # pixels the spacing and margins around the pair take, about

    def __init__(self, first, second, share: int = 0) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)
        self.first, self.second = first, second
        self.addLayout(first, 1)
        self.addLayout(second, share)

    def fit(self, width: int) -> None:
        needed = self.first.minimumSize().width() + self.second.minimumSize().width() + self.SPACE
        wanted = QBoxLayout.Direction.LeftToRight if width >= needed else QBoxLayout.Direction.TopToBottom
        if self.direction() != wanted:
            self.setDirection(wanted)


class _Scroll(QScrollArea):
    """Asks for its contents' own size (a QScrollArea caps it at 36 by 24 lines): the dialog opens
    as it did before, where the screen has room for it."""

    def sizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget()
        return inner.sizeHint() if inner is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, 0)


class QtFitsScreen(QObject):
    """Keeps a dialog usable on a small or scaled screen (see the module's notes)."""

    @classmethod
    def install(cls, dialog: QWidget, *, window: bool = True) -> QScrollArea | None:
        """Move `dialog`'s contents into a scroll area, its button box (if last) staying below it.
        Call once the dialog's layout is complete. The scroll area comes back (None if the dialog
        has no layout). `window=False` for a part of a window (a wizard's page): its contents
        scroll, and the window it is in is sized by `watch`."""
        layout = dialog.layout()
        if layout is None:
            return None
        inner = QWidget()
        inner.setLayout(layout)  # takes the layout, and the widgets in it, from the dialog
        last = layout.itemAt(layout.count() - 1) if layout.count() else None
        box = last.widget() if last is not None else None
        kept_below = isinstance(box, QDialogButtonBox)
        if kept_below:
            layout.removeWidget(box)
        scroll = _Scroll(dialog)
        scroll.setObjectName("fits_screen")
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is inside it
        outer = QVBoxLayout(dialog)
        margins = layout.contentsMargins()
        outer.setContentsMargins(0, 0, 0, margins.bottom() if kept_below else 0)
        outer.addWidget(scroll, 1)
        if kept_below:
            row = QVBoxLayout()
            row.setContentsMargins(margins.left(), 0, margins.right(), 0)
            row.addWidget(box)
            outer.addLayout(row)
            layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        if window:
            cls.watch(dialog)
        return scroll

    @classmethod
    def watch(cls, window: QWidget) -> None:
        """Open `window` within the screen's free area, each time it is shown."""
        window.installEventFilter(cls(window))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            fit_in_screen(watched)
        return False


def fit_in_screen(window: QWidget) -> None:
    """Size `window` as it asks, within the free area of its screen (less a title bar), and move
    it inside."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    wanted = window.size()
    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):  # no size of its own: Qt opens it
        wanted = wanted.expandedTo(window.sizeHint())  # at 2/3 of the screen at most, scrolling
    width = min(wanted.width(), room.width())
    height = min(wanted.height(), room.height() - TITLE_BAR)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.left()), room.right() - frame.width() + 1)
    y = min(max(frame.y(), room.top()), room.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, room.left()), max(y, room.top()))
