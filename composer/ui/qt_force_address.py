"""A force's FOI address: the dialog that sets it (Edit › Forces' FOI addresses, or "FOI
address…" under any list of forces to choose from), and the address of its online request form.
It takes the same steps as `foi-composer forces --set-email` / `--set-form` / `--clear-form`: each
address is checked, dated and kept in the data folder's forces.json, and one it replaces is shown
before and named after. A form's address is kept, never opened."""

from __future__ import annotations

from datetime import date

from composer.errors import ComposerError
from composer.forces import email_address, form_address, load_directory
from composer.model import Force
from composer.operations.forces import clear_online_form, set_foi_address, set_online_form
from composer.operations.result import Done
from composer.ui.qt import (
    QCheckBox,
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
from composer.ui.qt_access import QtFitsScreen

WHY = ("Letters and emails go to the address a force gives on its own Freedom of Information "
       "page. Copy it from there: it is kept on this computer and used from the next letter on. "
       "Where the force asks for requests through an online form, copy the form's address from "
       "your browser too: the export then says to paste the letter into it.")


def _now(force: Force) -> str:
    if not force.foi_email:
        return "none known"
    checked = f", checked {force.email_checked.isoformat()}" if force.email_checked else ""
    return f"{force.foi_email}{checked}"


def _form_now(force: Force) -> str:
    if not force.foi_form:
        return "none recorded"
    seen = [c.on for c in force.checked if c.fact == "foi_form"]
    return f"{force.foi_form}, checked {seen[-1].isoformat()}" if seen else force.foi_form


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
            self.force.addItem(force.name + ("" if force.foi_email else "  (no FOI email known)"), force.id)
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
        self.current_form = QLabel(self)
        self.current_form.setAccessibleName("The online form now")
        self.current_form.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current_form.setWordWrap(True)
        self.form = QLineEdit(self)
        self.form.setAccessibleName("New online form address")
        self.form.setPlaceholderText("https://www.example.police.uk/foi/request-form")
        self.form.textChanged.connect(lambda _text: self._said())
        self.clear_form = QCheckBox("&Remove the online form recorded (closed or moved)", self)
        self.clear_form.toggled.connect(lambda _on: self._said())
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
        form.addRow("Address now:", self.current)
        form.addRow("&New address:", self.address)
        form.addRow("Online form now:", self.current_form)
        form.addRow("New &online form:", self.form)
        form.addRow("", self.clear_form)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.force.currentIndexChanged.connect(lambda _index: self._show_force())
        self._show_force()
        self.address.setFocus()
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    @property
    def chosen(self) -> Force:
        return self.forces[self.force.currentIndex()]

    def _show_force(self) -> None:
        self.current.setText(_now(self.chosen))
        self.current_form.setText(_form_now(self.chosen))
        self.address.clear()
        self.form.clear()
        self.clear_form.setChecked(False)
        self.clear_form.setEnabled(bool(self.chosen.foi_form))
        self._said()

    def _said(self) -> None:
        """Before saving, a different address or form already known is named as the one to be
        replaced (or removed)."""
        old, new = self.chosen.foi_email, self.address.text().strip()
        old_form, new_form, removing = self.chosen.foi_form, self.form.text().strip(), self.clear_form.isChecked()
        self.form.setEnabled(not removing)
        said = []
        if old and new and new.casefold() != old.casefold():
            said.append(f"Saving replaces {old}.")
        if removing:
            said.append(f"Saving removes the online form {old_form}.")
        elif old_form and new_form and new_form != old_form:
            said.append(f"Saving replaces the online form {old_form}.")
        self.problem.setText(" ".join(said))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(new or new_form or removing))

    def save(self) -> None:
        """Both addresses are checked before either is kept: a bad one saves nothing."""
        force_id, email, form = self.chosen.id, self.address.text(), self.form.text()
        removing = self.clear_form.isChecked()
        try:
            if email.strip():
                email_address(email)
            if form.strip() and not removing:
                form_address(form)
            done = [set_foi_address(force_id, email, today=self.today)] if email.strip() else []
            if removing:
                done.append(clear_online_form(force_id, today=self.today))
            elif form.strip():
                done.append(set_online_form(force_id, form, today=self.today))
        except ComposerError as exc:  # malformed: said here, nothing saved, the words kept
            self.problem.setText(str(exc))
            return
        prefix = f"{done[-1].value.name}: "
        what = "; ".join([done[0].what] + [d.what.removeprefix(prefix) for d in done[1:]])
        self.done_ = Done(done[-1].value, what, (force_id,))
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, force_id: str | None = None) -> Done[Force] | None:
        """The address saved (what changed, as one line), or None if the user cancelled."""
        dialog = cls(force_id, parent)
        return dialog.done_ if dialog.exec() == QDialog.DialogCode.Accepted else None
