"""Autosave for the open request, and finding the work a crashed session left behind.

A few seconds after each change the request is written (atomically) to this session's autosave
file. The session also holds a `QLockFile`; Qt notices when the process that held a lock has
died. So at start, an autosave whose lock can be taken belongs to a session that crashed, and
`orphans()` lists it. A clean exit (`finish()`) removes the file and releases the lock.
"""

from __future__ import annotations

import os
from pathlib import Path

from composer import paths
from composer.ui.qt import QLockFile, QObject, QTimer, Signal
from composer.ui.qt_document import QtDocument

DELAY_MS = 3000


def _lock_for(folder: Path, session: str) -> QLockFile:
    lock = QLockFile(str(folder / f"{session}.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock


class QtAutosaver(QObject):
    written = Signal(str)  # the autosave file, after each write

    def __init__(self, document: QtDocument, *, delay_ms: int = DELAY_MS,
                 folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(folder) if folder else paths.subdir("autosave")
        self.session = f"{os.getpid()}-{os.urandom(4).hex()}"
        self._slot = None
        self.lock = _lock_for(self.folder, self.session)
        self.lock.tryLock(0)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.write_now)
        document.changed.connect(self._schedule)
        document.forcesChanged.connect(self._schedule)
        document.undo_stack.cleanChanged.connect(self._schedule)

    @property
    def slot(self):
        """This session's autosave file (composer.ui.autosave loads on first use, after start-up)."""
        if self._slot is None:
            from composer.ui.autosave import AutosaveSlot

            self._slot = AutosaveSlot(self.session, self.folder)
        return self._slot

    def _schedule(self, *_args) -> None:
        if self.document.is_modified:
            self.timer.start()
        else:  # saved, or undone back to the saved state: nothing to recover
            self.timer.stop()
            self.slot.clear()

    def write_now(self) -> Path | None:
        self.timer.stop()
        if not self.document.is_modified:
            return None
        path = self.slot.write(self.document.request, source=self.document.path)
        self.written.emit(str(path))
        return path

    def finish(self) -> None:
        """A clean exit: no autosave left behind, so the next start offers nothing."""
        self.timer.stop()
        self.slot.clear()
        self.lock.unlock()

    @staticmethod
    def orphans(folder: Path | None = None) -> list[Path]:
        """Autosave files of sessions that are no longer running (newest first)."""
        from composer.ui.autosave import autosave_files, session_of

        folder = Path(folder) if folder else paths.subdir("autosave")
        found = []
        for path in autosave_files(folder):
            lock = _lock_for(folder, session_of(path))
            if lock.tryLock(0):
                lock.unlock()  # removes the stale lock file too
                found.append(path)
        return found
