"""The small questions the app asks: recover unsaved work? save changes? and problem reports.

Each has a `@classmethod ask(...)` that shows it modally and returns a plain answer, so a test
replaces `ask` instead of driving `exec()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from composer.ui.qt import QMessageBox, QWidget

if TYPE_CHECKING:
    from composer.ui.autosave import Autosave

Recovery = Literal["recover", "discard", "later"]
Unsaved = Literal["save", "discard", "cancel"]


class QtRecoveryPrompt(QMessageBox):
    def __init__(self, parent: QWidget | None, record: Autosave) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Recover unsaved work")
        self.setText("FOI Composer closed without saving your last changes.")
        self.setInformativeText(f"Recover {record.described}?")
        self.recover = self.addButton("&Recover", QMessageBox.ButtonRole.AcceptRole)
        self.discard = self.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        self.later = self.addButton("Decide &later", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.recover)
        self.setEscapeButton(self.later)

    @classmethod
    def ask(cls, parent: QWidget | None, record: Autosave) -> Recovery:
        box = cls(parent, record)
        box.exec()
        clicked = box.clickedButton()
        return "recover" if clicked is box.recover else "discard" if clicked is box.discard else "later"


class QtUnsavedPrompt(QMessageBox):
    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Unsaved changes")
        self.setText(f"Save the changes to “{name}”?")
        self.setInformativeText("If you don't save, your changes since the last save are lost.")
        self.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                | QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Save)

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> Unsaved:
        answer = cls(parent, name).exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"


class ShareAnswer(NamedTuple):
    carry: bool  # the template carries the record of forces' replies
    keep_offices: bool = False  # the office-holders' names taken out are put back


class QtShareReview(QMessageBox):
    """Before a template is written for sharing: what was taken out of it, and what it carries of
    forces' replies (which the user may leave out, as `library export --no-past` does), to confirm.
    Names of public office-holders taken out may be put back (`library export --keep-name`)."""

    def __init__(self, parent: QWidget | None, removed: list[str], carried: str | None = None,
                 offices: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle("Share as a template")
        lines = [f"• {line}" for line in removed]
        if removed:
            self.setText("These were taken out of the shared copy (your own request is unchanged):")
        else:
            self.setText("Nothing personal was found to take out of the shared copy.")
        if carried:
            lines += ["", f"It carries {carried}."]
        from composer.library import UNFOUND_NAMES

        lines += ["", UNFOUND_NAMES]
        self.setInformativeText("\n".join(lines).strip())
        if offices:
            from composer.ui.qt import QCheckBox

            # held here as well: PySide6 does not give the box to the dialog, and would free it
            self.keep = QCheckBox(f"&Keep the office-holders' names ({', '.join(offices)})")
            self.keep.setAccessibleName("Keep the office-holders' names in the shared copy")
            self.setCheckBox(self.keep)
        self.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Save)
        self.without = (self.addButton("Save &without the replies", QMessageBox.ButtonRole.AcceptRole)
                        if carried else None)

    def choice(self, clicked) -> ShareAnswer | None:
        """None for Cancel, else whether the template carries the record and keeps the office-holders."""
        if clicked is None or clicked == self.button(QMessageBox.StandardButton.Cancel):
            return None
        keep = getattr(self, "keep", None)
        return ShareAnswer(clicked != self.without, keep is not None and keep.isChecked())

    @classmethod
    def confirm(cls, parent: QWidget | None, request, shared, removed: list[str], reshare=None):
        """(shared, carried words, removed) as the user confirms them: `shared` (the copy of `request`
        to share), the words for what it carries of forces' replies (None when nothing) and what was
        taken out; None when the user cancels. Asks only when something was taken out or it
        carries a record. `reshare(keep_names)` makes the copy again keeping those names, for an
        office-holder the user puts back."""
        from composer.campaign.history import adds_yours, carried_words
        from composer.library import names_removed

        carried = carried_words(shared, yours=adds_yours(request, shared))
        if not (removed or carried):
            return shared, None, removed
        offices = names_removed(removed, offices=True) if reshare is not None else []
        answer = cls.ask(parent, removed, carried, offices=offices)
        if answer is None:
            return None
        if answer.keep_offices and offices:
            shared, removed = reshare(offices)
        return (shared, carried, removed) if answer.carry else (shared.model_copy(update={"past": []}), None, removed)

    @classmethod
    def ask(cls, parent: QWidget | None, removed: list[str], carried: str | None = None, *,
            offices: list[str] | tuple[str, ...] = ()) -> ShareAnswer | None:
        """None to write nothing; otherwise write the cleaned template, with the record it carries
        (if any) or without it, and with the `offices` names put back or not."""
        dialog = cls(parent, removed, carried, offices)
        dialog.exec()
        return dialog.choice(dialog.clickedButton())


class QtProblem(QMessageBox):
    """A problem the user can act on, in one plain sentence (never a traceback)."""

    def __init__(self, parent: QWidget | None, title: str, message: str) -> None:
        super().__init__(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, message: str) -> None:
        cls(parent, title, message).exec()
