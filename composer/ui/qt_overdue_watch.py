"""When the window's count of overdue forces must be made again: a new day, or a changed campaign.

The count is read once the window is up. It goes stale when the window stays open past midnight
(a force becomes overdue on a day, not at a moment) and when a campaign changes outside the
Follow up tab (the command line, another window). This object says when to count again, and no
more often: one single-shot timer set for the next midnight and set again each day, a look at the
clock when the app comes back to the front (a laptop that slept through midnight), and the
campaigns folder watched, acted on once a save has settled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from composer.ui.qt import QApplication, QFileSystemWatcher, QObject, Qt, QTimer, Signal

SETTLE_MS = 150  # a save is a write and a rename: count once both are done
_PAST_MIDNIGHT = time(0, 0, 1)


class QtOverdueWatch(QObject):
    day_changed = Signal(object)  # the new day (a date)
    campaigns_changed = Signal()

    def __init__(self, folder: Path, today: date, *, clock: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.today = today  # the day the count was made for
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.setTimerType(Qt.TimerType.VeryCoarseTimer)  # to the second is plenty
        self.midnight.timeout.connect(self.look_at_the_clock)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.campaigns_changed)
        self.watcher = QFileSystemWatcher(self)
        if folder.is_dir():
            self.watcher.addPath(str(folder))
        self.watcher.directoryChanged.connect(lambda _path: self.settle.start())
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._app_state)
        self._set_for_midnight()

    def look_at_the_clock(self) -> bool:
        """Say `day_changed` if the day is not the one counted for; set the timer for the next
        midnight either way (a timer that fired early, as around a change of the clocks, waits
        again). Whether the day had changed comes back."""
        now = self.clock().date()
        changed = now != self.today
        if changed:
            self.today = now
            self.day_changed.emit(now)
        self._set_for_midnight()
        return changed

    def _set_for_midnight(self) -> None:
        now = self.clock()
        then = datetime.combine(now.date() + timedelta(days=1), _PAST_MIDNIGHT)
        self.midnight.start(max(1000, int((then - now).total_seconds() * 1000)))

    def _app_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.look_at_the_clock()
