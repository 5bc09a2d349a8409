"""Choosing forces: whole groups with one click (the 45 territorial forces, a nation, the
national forces) and single forces ticked in a list that can be filtered by name, each saying
when its FOI address is not known ("FOI address…" sets one). Used by the new-request wizard, the
export dialog and the new-campaign dialog."""

from __future__ import annotations

from composer.force_names import key_of, names_of
from composer.forces import (Directory, listing_page, load_directory, missing_address, online_form,
                             unconfirmed_address)
from composer.model import Force
from composer.ui.qt import (
    QEvent,
    QGridLayout,
    QItemSelectionModel,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

GROUP_BUTTONS = [
    ("territorial", "All 45 territorial"),
    ("england", "England"),
    ("wales", "Wales"),
    ("scotland", "Scotland"),
    ("northern-ireland", "Northern Ireland"),
    ("national", "National forces"),
]


class QtForcePicker(QWidget):
    changed = Signal()

    def __init__(self, chosen: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load()

        buttons = QGridLayout()
        for i, (group, label) in enumerate(GROUP_BUTTONS):
            button = QPushButton(f"+ {label}", self)
            button.setToolTip(f"Tick {self.directory.describe(group)}")
            button.setAccessibleName(f"Add {label}")
            button.clicked.connect(lambda _checked=False, g=group: self.add_group(g))
            buttons.addWidget(button, i // 3, i % 3)
        clear = QPushButton("Clear all", self)
        clear.setAccessibleName("Untick every force")
        clear.clicked.connect(lambda: self.set_chosen([]))
        self.address_button = QPushButton("FOI address…", self)
        self.address_button.setToolTip("Set the FOI email address of the highlighted force, as its "
                                       "own FOI page gives it")
        self.address_button.clicked.connect(lambda: self.edit_address())
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter by name…")
        self.filter.setAccessibleName("Filter forces by name")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Forces")
        self._names = {force.id: [key_of(name) for name in (*names_of(force), force.short_name)]
                       for force in self.forces}
        for force in self.forces:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, force.id)
            _label(item, force, self.directory)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.count = QLabel(self)
        self.count.setAccessibleName("Number of forces chosen")

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(clear)
        top.addWidget(self.address_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)

        # Tab goes as the eye reads: the filter, then the two buttons beside it, then the list.
        QWidget.setTabOrder(self.filter, clear)
        QWidget.setTabOrder(clear, self.address_button)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.list.itemChanged.connect(self._item_changed)
        self.set_chosen(chosen or [])

    def _load(self) -> None:
        self.directory = load_directory()
        self.forces: list[Force] = sorted(self.directory.forces, key=lambda f: f.name)

    def edit_address(self, force_id: str | None = None) -> str | None:
        """Set a force's FOI address (the highlighted one, unless named): what changed, or None."""
        from composer.ui.qt_force_address import QtForceAddressDialog

        item = self.list.currentItem()
        if force_id is None and item is not None and not item.isHidden():
            force_id = item.data(Qt.ItemDataRole.UserRole)
        done = QtForceAddressDialog.ask(self, force_id)
        if done is None:
            return None
        self._load()  # the chosen forces carry the new address into letters from now on
        by_id = {f.id: f for f in self.forces}
        for each in self._items():
            _label(each, by_id[each.data(Qt.ItemDataRole.UserRole)], self.directory)
        self._filter(self.filter.text())
        self.changed.emit()
        return done.what

    def _items(self):
        return (self.list.item(row) for row in range(self.list.count()))

    def chosen_ids(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self._items()
                if i.checkState() == Qt.CheckState.Checked]

    def chosen_forces(self) -> list[Force]:
        wanted = set(self.chosen_ids())
        return [f for f in self.forces if f.id in wanted]

    def set_chosen(self, force_ids: list[str]) -> None:
        wanted = set(force_ids)
        self.list.blockSignals(True)
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._item_changed()

    def add_group(self, group: str) -> None:
        self.set_chosen(self.chosen_ids() + [f.id for f in self.directory.group(group)])

    def _filter(self, text: str) -> None:
        """Show the forces whose label holds what was typed, or one of whose names people write
        ("GMP", "the Met", "Avon & Somerset", "Herts") begins with it in whole words."""
        needle, key = text.strip().casefold(), key_of(text)
        for item in self._items():
            names = self._names.get(item.data(Qt.ItemDataRole.UserRole), ())
            item.setHidden(bool(needle) and needle not in item.text().casefold()
                           and not any(name == key or name.startswith(key + " ") for name in names))
        # The highlighted row is the one Space ticks: keep it on a force in view, or a keyboard
        # user's Space ticks a force the filter hides ("WMP" shown, the Met ticked).
        current = self.list.currentItem()
        if current is None or current.isHidden():
            shown = next((item for item in self._items() if not item.isHidden()), None)
            if shown is not None:
                self.list.setCurrentItem(shown, QItemSelectionModel.SelectionFlag.NoUpdate)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        # Down or Enter in the filter goes on to the forces it leaves, as in a search box.
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.list.currentItem() is not None and not self.list.currentItem().isHidden()):
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _item_changed(self, *_args) -> None:
        n = len(self.chosen_ids())
        self.count.setText(f"{n} of {len(self.forces)} chosen" if n else "No forces chosen yet.")
        self.changed.emit()


def _label(item: QListWidgetItem, force: Force, directory: Directory) -> None:
    note = "" if force.foi_email else "  (no FOI email known)"
    form = online_form(force)
    item.setText(f"{force.name} — {force.act.value}{note}{'  (online form)' if form else ''}")
    unaddressed = missing_address(force)
    tips = [] if unaddressed is None else [_sentence(unaddressed) + " Or select it and click “FOI address…”."]
    if unconfirmed_address(force) is not None:
        tips.append(f"Its FOI address, {force.foi_email}, is the one WhatDoTheyKnow listed and no newer source "
                    f"confirms it: check it at {listing_page(force)} or on the force's own FOI page before "
                    "sending, and set a changed one with “FOI address…”.")
    if form is not None:
        tips.append(_sentence(form))
    tips.append(_who_leads(force, directory))  # what to do first, then who is at its head
    item.setToolTip("\n".join(tips))


def _who_leads(force: Force, directory: Directory) -> str:
    """Who heads the body and who holds it to account, from the directory: "Its chief officer is the
    Chief Constable of Kent Police, held to account by the Police and Crime Commissioner for Kent."."""
    overseen = directory.by_id.get(force.oversees or "")
    if overseen is not None:
        return (f"It oversees {overseen.name_in_text} and holds {overseen.chief_office} to account; it keeps "
                "reports on that force's records, not the records.")
    said = f"Its chief officer is {force.chief_office}" if force.chief_office else "It has no chief officer"
    body = directory.policing_body(force)
    return f"{said}, held to account by {body}." if body else f"{said}."


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
