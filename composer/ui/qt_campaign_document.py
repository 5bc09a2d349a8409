"""The open campaign, and the one road every change to it takes: `QtCampaignDocument.apply()`.

The pattern of the request's `QtDocument`: a change is an operation from
`composer.operations.campaign` (current campaign in, `Done` out). `apply()` pushes the before and
after onto the document's own `QUndoStack`, so recording a reply, a status or a chaser sent is one
Ctrl+Z away, and writes the file at once (a campaign has no "unsaved" state: the command line may
read it at any moment). Undo and redo write the file too.

Before it changes anything the document reads the file again. If it changed on disk since (the
command line, another window), the document takes that version, clears its history (the steps
were made on a campaign that no longer exists) and applies the change to what is there now, so
nothing written elsewhere is ever overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from composer.campaign.model import Campaign
from composer.campaign.store import CampaignStore
from composer.errors import ComposerError
from composer.operations import Done
from composer.ui.qt import QObject, QTimer, QUndoCommand, QUndoStack, Signal


class _Step(QUndoCommand):
    def __init__(self, document: QtCampaignDocument, before: Campaign, after: Campaign,
                 label: str) -> None:
        super().__init__(label)
        self.document = document
        self.before = before
        self.after = after
        self.written = True  # `apply()` has already written `after`

    def redo(self) -> None:
        if self.written:
            self.written = False
            self.document._set(self.after)
        else:
            self.document._move(self.before, self.after)

    def undo(self) -> None:
        self.document._move(self.after, self.before)


class QtCampaignDocument(QObject):
    """One campaign from a store, its file kept in step, and its history."""

    changed = Signal()  # the campaign was replaced (a change, undo, redo, reload or another one)
    refused = Signal(str)  # a change that could not be made, and why
    reloaded = Signal(str)  # the file had changed on disk; the message says so

    def __init__(self, store: CampaignStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.name: str | None = None
        self._campaign: Campaign | None = None
        self.undo_stack = QUndoStack(self)

    @property
    def campaign(self) -> Campaign | None:
        return self._campaign

    def open(self, name: str | None) -> None:
        """Show the campaign `name` (None: none); raises ComposerError if its file is refused."""
        self.undo_stack.clear()
        self.name = name
        self._campaign = None
        try:
            self._campaign = self.store.load(name) if name else None
        finally:
            self.changed.emit()

    # -- changing it ----------------------------------------------------------------------------
    def apply(self, label: str, operation: Callable[..., Done[Campaign]],
              **kwargs) -> Done[Campaign] | None:
        """Apply `operation(campaign, **kwargs)` to the campaign as it is on disk now, write it,
        and keep it as one undoable step. Returns the operation's `Done`, or None (and emits
        `refused` with the reason) when it is refused or the file cannot be written."""
        if self._campaign is None or self.name is None:
            return None
        found: list[Campaign] = []

        def change(on_disk: Campaign) -> Done[Campaign]:
            found.append(on_disk)
            return operation(on_disk, **kwargs)

        try:
            done = self.store.update(self.name, change)  # the one read-modify-write
        except ComposerError as exc:
            self.refused.emit(str(exc))
            if found and found[0] != self._campaign:
                self._reload(found[0])
            return None
        before = found[0]
        if before != self._campaign:
            self._reload(before)
        if done.value != before:
            self.undo_stack.push(_Step(self, before, done.value, label or done.what))
        return done

    def catch_up(self) -> bool:
        """Read the file again; if it changed on disk, take that version. True if it had."""
        if self.name is None:
            return False
        on_disk = self.store.load(self.name)
        if on_disk == self._campaign:
            return False
        self._reload(on_disk)
        return True

    def _reload(self, on_disk: Campaign) -> None:
        """Take the file's version and forget the history: its steps were made on a campaign
        that is no longer there."""
        self.undo_stack.clear()
        self._set(on_disk)
        self.reloaded.emit(f"{on_disk.name!r} was changed outside this window; it is shown as it "
                           "is now, and earlier steps can no longer be undone here")

    def _move(self, expected: Campaign, target: Campaign) -> None:
        """Undo or redo: write `target`, unless the file no longer holds `expected`."""

        def change(on_disk: Campaign) -> Done[Campaign]:
            if on_disk != expected:
                raise _Moved
            return Done(target, "")

        try:
            self.store.update(self.name, change)
        except _Moved:
            QTimer.singleShot(0, self._resync)
            return
        except ComposerError as exc:
            self.refused.emit(str(exc))
            QTimer.singleShot(0, self._resync)
            return
        self._set(target)

    def _resync(self) -> None:
        try:
            self.catch_up()
        except ComposerError as exc:
            self.refused.emit(str(exc))

    def _set(self, campaign: Campaign) -> None:
        self._campaign = campaign
        self.changed.emit()


class _Moved(Exception):
    """The file changed on disk under an undo or redo; nothing is written."""
