"""Your details as the requester: a form (used by the wizard and by Edit > Your details) and
its dialog. They are kept on this computer (composer.profile) and never put into a request."""

from __future__ import annotations

from composer.model import Requester
from composer.ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from composer.ui.qt_access import QtFitsScreen
from composer.ui.qt_text_box import QtTextBox

WHY = ("A request must give your real name and an address for the reply (email is enough). "
       "They go into the letters only, and stay on this computer.")


class QtRequesterForm(QWidget):
    def __init__(self, requester: Requester | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setAccessibleName("Your name")
        self.email = QLineEdit(self)
        self.email.setAccessibleName("Your email address")
        self.address = QtTextBox(self)
        self.address.setAccessibleName("Your postal address")
        self.address.setPlaceholderText("Optional: one line per line of the address")
        self.address.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.organisation = QLineEdit(self)
        self.organisation.setAccessibleName("Your organisation")
        self.organisation.setPlaceholderText("Optional")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for text, widget in (("Your real na&me:", self.name), ("&Email:", self.email),
                             ("Postal &address:", self.address), ("&Organisation:", self.organisation)):
            form.addRow(text, widget)  # a label with the field as its buddy
        self.set_requester(requester or Requester())

    def set_requester(self, requester: Requester) -> None:
        self.name.setText(requester.name)
        self.email.setText(requester.email)
        self.address.setPlainText("\n".join(requester.postal_address))
        self.organisation.setText(requester.organisation)

    def requester(self) -> Requester:
        lines = [line.strip() for line in self.address.toPlainText().splitlines() if line.strip()]
        return Requester(name=self.name.text().strip(), email=self.email.text().strip(),
                         postal_address=lines, organisation=self.organisation.text().strip())

    def problem(self) -> str | None:
        """What is missing for a valid request, or None."""
        requester = self.requester()
        if not requester.is_known:
            return "Your real name is needed: a request under a made-up name is not valid."
        if requester.email and "@" not in requester.email:
            return f"“{requester.email}” is not an email address."
        if not requester.has_address:
            return "An email or postal address is needed for the reply."
        return None


class QtProfileDialog(QDialog):
    def __init__(self, requester: Requester, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your details")
        self.form = QtRequesterForm(requester, self)
        why = QLabel(WHY, self)
        why.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    def _save(self) -> None:
        problem = self.form.problem()
        if problem:
            self.problem.setText(problem)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, requester: Requester) -> Requester | None:
        dialog = cls(requester, parent)
        return dialog.form.requester() if dialog.exec() == QDialog.DialogCode.Accepted else None
