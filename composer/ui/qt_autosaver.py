"""Autosave for the open request, and finding the work a crashed session left behind.

The request is written (atomically) to this session's autosave file after a short pause in the
changes, and at the latest `MAX_DELAY_MS` after the first change not yet written, even while
typing goes on: so a crash never loses more than about that much typing. The session also holds a `QLockFile`; Qt notices when the process that held a lock has
died. So at start, an autosave whose lock can be taken belongs to a session that crashed, and
`orphans()` lists it. A clean exit (`finish()`) removes the file and releases the lock.
"""

from __future__ import annotations

import os
from pathlib import Path

from composer import paths, storage
from composer.errors import ComposerError
from composer.ui.qt import QLockFile, QObject, QTimer, Signal
from composer.ui.qt_document import QtDocument

DELAY_MS = 1000  # a pause in typing this long writes the autosave
MAX_DELAY_MS = 1500  # and a change is never left unwritten longer than this, pause or not


def _lock_for(folder: Path, session: str) -> QLockFile:
    lock = QLockFile(str(folder / f"{session}.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock


class QtAutosaver(QObject):
    written = Signal(str)  # the autosave file, after each write
    failed = Signal(str)  # one line when a write fails (a read-only data folder), once a run

    def __init__(self, document: QtDocument, *, delay_ms: int = DELAY_MS,
                 max_delay_ms: int = MAX_DELAY_MS, folder: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(folder) if folder else paths.subdir("autosave")
        self.session = f"{os.getpid()}-{os.urandom(4).hex()}"
        self._slot = None
        self._problem: str | None = None  # the last write's failure, said once until one succeeds
        self.lock = _lock_for(self.folder, self.session)  # held from the first write on
        self.timer = QTimer(self)  # the pause after the latest change
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.write_now)
        self.deadline = QTimer(self)  # started by the first unwritten change, never restarted
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(max_delay_ms)
        self.deadline.timeout.connect(self.write_now)
        self._connections = [
            (document.changed, self._schedule),
            (document.forcesChanged, self._schedule),
            (document.undo_stack.cleanChanged, self._schedule),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)

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
            if not self.deadline.isActive():
                self.deadline.start()
        else:  # saved, or undone back to the saved state: nothing to recover
            self._stop()
            self.slot.clear()

    def _stop(self) -> None:
        self.timer.stop()
        self.deadline.stop()

    def write_now(self) -> Path | None:
        self._stop()
        if not self.document.is_modified:
            return None
        # The lock tells another window that this session's file is not a crash's leftover, so
        # it is taken before the file first exists (not at start: Qt syncs it to disk, which
        # would hold the window back by a few ms).
        if not self.lock.isLocked():
            self.lock.tryLock(0)
        try:
            path = self.slot.write(self.document.request, source=self.document.path)
        except (ComposerError, OSError) as exc:  # the request stays open; File › Save may work
            problem = str(exc) if isinstance(exc, ComposerError) else str(storage.os_problem(exc))
            if problem != self._problem:
                self._problem = problem
                self.failed.emit(f"Autosave could not write a copy: {problem}")
            return None
        self._problem = None
        self.written.emit(str(path))
        return path

    def finish(self) -> None:
        """A clean exit: no autosave left behind, so the next start offers nothing. The document
        is let go of first: while the window is torn down, its undo stack may be deleted before
        the stack's last signals arrive."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        self._stop()
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
