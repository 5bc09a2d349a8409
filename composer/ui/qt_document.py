"""The open request, and the one road every change to it takes: `QtDocument.edit()`.

An edit is an operation from `composer.operations.request` (the editor's edits, the checker's
fixes, the accepted cost-limit order, the bank's additions): it gets the current request and
returns a `Done` with a new one. `edit()` pushes the before and after onto the `QUndoStack` as
one command, so every change can be undone, and emits `changed`; every view redraws from the
document, never from its own copy.
Typing into one field merges into one undo step, the way a word processor does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from composer.errors import ComposerError
from composer.law import readable
from composer.model import Request
from composer.operations import Done
from composer.operations import request as ops
from composer.ui.qt import QObject, QUndoCommand, QUndoStack, Signal

_MERGING = 1001


class _Snapshot(QUndoCommand):
    def __init__(self, document: QtDocument, before: Request, after: Request, label: str,
                 merge_key: str | None) -> None:
        super().__init__(label)
        self.document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGING if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _Snapshot) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        self.document._set(self.after)

    def undo(self) -> None:
        self.document._set(self.before)


class QtDocument(QObject):
    """The request being edited (with the forces it goes to), where it is saved, and its history."""

    changed = Signal()  # the request was replaced (an edit, undo or redo, or a new file)
    pathChanged = Signal()
    forcesChanged = Signal()
    refused = Signal(str)  # an edit that could not be made, and why

    def __init__(self, request: Request | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # An empty request has nothing to validate: made as it is, its schema (a few ms) is
        # built by the first edit or check, after the window shows.
        self._request = request or Request.model_construct()
        self._path = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # -- state ----------------------------------------------------------------------------------
    @property
    def request(self) -> Request:
        return self._request

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def forces(self) -> list[str]:
        """The ids of the forces the request goes to, saved with it."""
        return list(self._request.forces)

    def set_forces(self, force_ids: list[str]) -> bool:
        return self.edit("Choose forces", ops.set_forces, force_ids=force_ids)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else readable(self._request.title, self._request)

    # -- changing it ----------------------------------------------------------------------------
    def edit(self, label: str, change: Callable[..., Done[Request]], *,
             merge_key: str | None = None, **kwargs) -> bool:
        """Apply the operation `change(request, **kwargs)` as one undoable step.

        Returns False (and emits `refused` with the reason) when the change is refused; a change
        that alters nothing is not recorded."""
        try:
            after = change(self._request, **kwargs).value
        except ComposerError as exc:
            self.refused.emit(str(exc))
            return False
        if after == self._request:
            return True
        self.undo_stack.push(_Snapshot(self, self._request, after, label, merge_key))
        return True

    def load(self, request: Request, path: Path | None, *, modified: bool = False) -> None:
        """Start over with another request: the history is cleared."""
        self.undo_stack.clear()
        self._path = Path(path) if path else None
        self._set(request)
        if modified:  # recovered work: unsaved until the user saves it
            self.undo_stack.resetClean()
        self.pathChanged.emit()

    def mark_saved(self, path: Path) -> None:
        self._path = Path(path)
        self.undo_stack.setClean()
        self.pathChanged.emit()

    def _clean_changed(self, _clean: bool) -> None:
        self.pathChanged.emit()  # the title's "modified" mark follows

    def _set(self, request: Request) -> None:
        forces_before = self._request.forces
        self._request = request
        self.changed.emit()
        if request.forces != forces_before:
            self.forcesChanged.emit()
