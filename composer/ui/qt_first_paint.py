"""Work that waits until a window is on screen: the first check, the offer of crashed work and
the letter modules load once the main window has been painted, so the user sees it first.

Qt runs a zero-timeout timer before it exposes and paints a window that has just been shown, so
`QTimer.singleShot(0, …)` from a constructor runs before the window appears; these wait for the
window's first paint event instead.
"""

from __future__ import annotations

from collections.abc import Callable

from composer.ui.qt import QEvent, QObject, QTimer, QWidget

AT_LATEST_MS = 1000  # a window that is never painted (started minimised) gets the work anyway


class FirstPaint(QObject):
    """Calls `then` once, on the event-loop turn after `widget` is first painted (the whole
    window is painted in that one pass, its children after it), or after `at_latest_ms` if it
    has not been painted by then."""

    def __init__(self, widget: QWidget, then: Callable[[], object], *,
                 at_latest_ms: int | None = None) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)
        if at_latest_ms is not None:
            QTimer.singleShot(at_latest_ms, self, self._call)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)
            then()


def when_on_screen(widget: QWidget, then: Callable[[], object]) -> None:
    """Calls `then` on the next event-loop turn if `widget`'s window is already on screen, else
    once it has been painted (or `AT_LATEST_MS` later)."""
    window = widget.window()
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        QTimer.singleShot(0, widget, then)
    else:
        FirstPaint(window, then, at_latest_ms=AT_LATEST_MS)
