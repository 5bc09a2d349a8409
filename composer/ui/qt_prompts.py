"""The small questions the app asks: recover unsaved work? save changes? and problem reports.

Each has a `@classmethod ask(...)` that shows it modally and returns a plain answer, so a test
replaces `ask` instead of driving `exec()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

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


class QtShareReview(QMessageBox):
    """Before a template is written for sharing: what was taken out of it, and what it carries of
    forces' replies (which the user may leave out, as `library export --no-past` does), to confirm."""

    def __init__(self, parent: QWidget | None, removed: list[str], carried: str | None = None) -> None:
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
        self.setInformativeText("\n".join(lines).strip())
        self.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Save)
        self.without = (self.addButton("Save &without the replies", QMessageBox.ButtonRole.AcceptRole)
                        if carried else None)

    def choice(self, clicked) -> bool | None:
        """None for Cancel, else whether the template carries the record."""
        if clicked is None or clicked == self.button(QMessageBox.StandardButton.Cancel):
            return None
        return clicked != self.without

    @classmethod
    def confirm(cls, parent: QWidget | None, request, shared, removed: list[str]):
        """`shared` (the copy of `request` to share) as the user confirms it, with the words for what
        it carries of forces' replies (None when nothing); None when the user cancels. Asks only
        when something was taken out or it carries a record."""
        from composer.campaign.history import adds_yours, carried_words

        carried = carried_words(shared, yours=adds_yours(request, shared))
        if not (removed or carried):
            return shared, None
        keep = cls.ask(parent, removed, carried)
        if keep is None:
            return None
        return (shared, carried) if keep else (shared.model_copy(update={"past": []}), None)

    @classmethod
    def ask(cls, parent: QWidget | None, removed: list[str], carried: str | None = None) -> bool | None:
        """None to write nothing; otherwise write the cleaned template, True with the record it
        carries (if any), False without it."""
        dialog = cls(parent, removed, carried)
        dialog.exec()
        return dialog.choice(dialog.clickedButton())


class QtProblem(QMessageBox):
    """A problem the user can act on, in one plain sentence (never a traceback)."""

    def __init__(self, parent: QWidget | None, title: str, message: str) -> None:
        super().__init__(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, message: str) -> None:
        cls(parent, title, message).exec()
