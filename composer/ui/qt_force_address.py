"""A force's FOI address: the dialog that sets it (Edit › Forces' FOI addresses, or "FOI
address…" under any list of forces to choose from). It takes the same step as `foi-composer
forces --set-email`: the address is checked, dated and kept in the data folder's forces.json,
and one it replaces is shown before and named after."""

from __future__ import annotations

from datetime import date

from composer.errors import ComposerError
from composer.forces import load_directory
from composer.model import Force
from composer.operations.forces import set_foi_address
from composer.operations.result import Done
from composer.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)

WHY = ("Letters and emails go to the address a force gives on its own Freedom of Information "
       "page. Copy it from there: it is kept on this computer and used from the next letter on.")


def _now(force: Force) -> str:
    if not force.foi_email:
        return "none known"
    checked = f", checked {force.email_checked.isoformat()}" if force.email_checked else ""
    return f"{force.foi_email}{checked}"


class QtForceAddressDialog(QDialog):
    def __init__(self, force_id: str | None = None, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("A force's FOI address")
        self.today = today
        self.done_: Done[Force] | None = None
        self.forces = sorted(load_directory().forces, key=lambda f: f.name)
        self.force = QComboBox(self)
        self.force.setAccessibleName("Force")
        for force in self.forces:
            self.force.addItem(force.name + ("" if force.foi_email else "  (no FOI address known)"), force.id)
        unaddressed = next((f.id for f in self.forces if not f.foi_email), None)
        wanted = force_id or unaddressed or self.forces[0].id
        self.force.setCurrentIndex(max(0, self.force.findData(wanted)))
        self.current = QLabel(self)
        self.current.setAccessibleName("The address now")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address = QLineEdit(self)
        self.address.setAccessibleName("New FOI address")
        self.address.setPlaceholderText("foi@example.police.uk")
        self.address.textChanged.connect(lambda _text: self._said())
        why = QLabel(WHY, self)
        why.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Force:", self.force)
        form.addRow("Now:", self.current)
        form.addRow("&New address:", self.address)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.force.currentIndexChanged.connect(lambda _index: self._show_force())
        self._show_force()
        self.address.setFocus()

    @property
    def chosen(self) -> Force:
        return self.forces[self.force.currentIndex()]

    def _show_force(self) -> None:
        self.current.setText(_now(self.chosen))
        self.address.clear()
        self._said()

    def _said(self) -> None:
        """Before saving, a different address already known is named as the one to be replaced."""
        old, new = self.chosen.foi_email, self.address.text().strip()
        replaces = bool(old and new and new.casefold() != old.casefold())
        self.problem.setText(f"Saving replaces {old}." if replaces else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(new))

    def save(self) -> None:
        try:
            self.done_ = set_foi_address(self.chosen.id, self.address.text(), today=self.today)
        except ComposerError as exc:  # malformed: said here, nothing saved, the words kept
            self.problem.setText(str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, force_id: str | None = None) -> Done[Force] | None:
        """The address saved (what changed, as one line), or None if the user cancelled."""
        dialog = cls(force_id, parent)
        return dialog.done_ if dialog.exec() == QDialog.DialogCode.Accepted else None
