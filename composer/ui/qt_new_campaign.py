"""Starting a campaign from the open request: its name, the forces it went to and the day it was
sent (picked from a calendar). Offered after an export ("Track these letters") and from
File › New campaign. `ask` returns the answers; `start_campaign` makes the campaign through
`composer.operations.campaign` and writes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from composer.campaign.model import name_key, name_problem
from composer.campaign.store import CampaignStore
from composer.dates import month_year
from composer.errors import ComposerError
from composer.forces import load_directory
from composer.law import readable
from composer.model import Request
from composer.operations.campaign import new_campaign, sent_later_than_today
from composer.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from composer.ui.qt_access import QtFitsScreen
from composer.ui.qt_campaign_dialogs import QtCheckedDialog
from composer.ui.qt_dates import date_edit, date_of
from composer.ui.qt_force_picker import QtForcePicker


@dataclass(frozen=True)
class NewCampaignChoice:
    name: str
    forces: list[str]
    sent: date


class QtNewCampaignDialog(QtCheckedDialog):
    def __init__(self, parent: QWidget | None, *, request: Request, forces: list[str], sent: date,
                 taken: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("New campaign")
        self.taken = {name_key(t) for t in taken}
        intro = QLabel("A campaign follows the letters you sent: each force's due date, its "
                       "replies, and the chasers, reviews and complaints that may follow.", self)
        intro.setWordWrap(True)
        self.name = QLineEdit(_suggested_name(readable(request.title, request), sent, self.taken), self)
        self.name.setAccessibleName("Campaign name")
        self.sent = date_edit(sent, self)
        self.sent.setAccessibleName("The day the letters were sent")
        self.forces = QtForcePicker(forces, self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.later = QLabel(self)  # a sent day after today, named as the command line names it
        self.later.setWordWrap(True)
        self.sent.dateChanged.connect(self._show_later)
        self._show_later()
        form = QFormLayout()
        for text, widget in (("&Name:", self.name), ("&Sent on:", self.sent)):
            form.addRow(text, widget)  # a label with the field as its buddy
        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton("St&art tracking", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.later)
        layout.addWidget(QLabel("Sent to:", self))
        layout.addWidget(self.forces, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # Tall enough that nothing scrolls on a 768-pixel screen: at 32 lines the count of forces
        # chosen sat half under the buttons, the contents scrolling by 25 pixels.
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().lineSpacing() * 36)
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    def _show_later(self) -> None:
        later = sent_later_than_today(date_of(self.sent))
        self.later.setText(f"{later}." if later else "")
        self.later.setVisible(bool(later))

    def choice(self) -> NewCampaignChoice:
        name = self.name.text().strip()
        if not name:
            raise ComposerError("Give the campaign a name.")
        problem = name_problem(name)
        if problem:
            raise ComposerError(f"{problem[0].upper()}{problem[1:]}.")
        if name_key(name) in self.taken:
            raise ComposerError(f"There is already a campaign called '{name}': choose another name.")
        forces = self.forces.chosen_ids()
        if not forces:
            raise ComposerError("Choose the forces the request was sent to.")
        return NewCampaignChoice(name, forces, date_of(self.sent))


    @classmethod
    def ask(cls, parent: QWidget | None, *, request: Request, forces: list[str], sent: date,
            taken: list[str]) -> NewCampaignChoice | None:
        dialog = cls(parent, request=request, forces=forces, sent=sent, taken=taken)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _suggested_name(title: str, sent: date, taken: set[str]) -> str:
    base = f"{title.strip() or 'Campaign'} {month_year(sent)}"
    name, n = base, 2
    while name_key(name) in taken:
        name, n = f"{base} ({n})", n + 1
    return name


def start_campaign(store: CampaignStore, request: Request, choice: NewCampaignChoice,
                   source: str | None = None) -> str:
    """Make and write the campaign; its name comes back."""
    directory = load_directory()
    forces = [directory.get(f) for f in choice.forces]
    done = new_campaign(name=choice.name, request=request, forces=forces, sent=choice.sent,
                        request_source=source)
    store.create(done.value)
    return done.value.name
