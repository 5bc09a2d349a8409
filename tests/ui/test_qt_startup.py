"""Start-up: what waits until the window is on screen gets done once it is, and only once."""

from __future__ import annotations

from composer.ui.app import FirstPaint
from composer.ui.qt import QApplication, QWidget


class Counted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event) -> None:  # noqa: N802
        self.paints += 1
        super().paintEvent(event)


def test_work_put_off_to_the_first_paint_runs_after_it_and_once(qtbot):
    widget = Counted()
    qtbot.addWidget(widget)
    seen: list[int] = []
    FirstPaint(widget, lambda: seen.append(widget.paints), at_latest_ms=60_000)
    QApplication.processEvents()  # event-loop turns before the widget is shown change nothing
    assert seen == []
    widget.show()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] >= 1  # the widget had been painted when the work ran
    widget.repaint()
    qtbot.waitUntil(lambda: widget.paints > seen[0])
    assert len(seen) == 1


def test_a_window_that_is_never_painted_gets_the_work_all_the_same(qtbot):
    widget = Counted()
    qtbot.addWidget(widget)
    seen: list[int] = []
    FirstPaint(widget, lambda: seen.append(widget.paints), at_latest_ms=20)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [0]
