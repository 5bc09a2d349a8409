"""Campaigns whose names differ only in case, kept from before names were compared so: the
Follow up tab asks, on opening, whether to merge them or give one another name. Nothing is
merged unasked; `QtAlikeCampaigns.ask` and `ask_name` are what tests replace."""

from __future__ import annotations

from composer.campaign.store import CampaignEntry, CampaignStore
from composer.errors import ComposerError
from composer.operations.campaign import merge_campaigns
from composer.ui.qt import QInputDialog, QLineEdit, QMessageBox, QWidget


class QtAlikeCampaigns(QMessageBox):
    """Merge the second of two campaigns into the first, rename it, or leave both for now."""

    def __init__(self, parent: QWidget | None, keep: CampaignEntry, other: CampaignEntry) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Two campaigns with one name")
        self.setText(f"The campaigns '{keep.name}' and '{other.name}' have names that differ only in case.")
        self.setInformativeText(
            "They were made before names were compared regardless of case, so a name typed in another "
            "case finds only one of them. If they are the same request, merge them: every force, reply "
            "and record is kept. If not, give one of them another name.")
        self.merge = self.addButton(f"&Merge '{other.name}' into '{keep.name}'", QMessageBox.ButtonRole.AcceptRole)
        self.rename = self.addButton(f"&Rename '{other.name}'…", QMessageBox.ButtonRole.ActionRole)
        self.later = self.addButton("Not &now", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.later)
        self.setEscapeButton(self.later)

    @classmethod
    def ask(cls, parent: QWidget | None, keep: CampaignEntry, other: CampaignEntry) -> str | None:
        """"merge", "rename", or None for not now."""
        box = cls(parent, keep, other)
        box.exec()
        return {box.merge: "merge", box.rename: "rename"}.get(box.clickedButton())

    @classmethod
    def ask_name(cls, parent: QWidget | None, other: CampaignEntry) -> str | None:
        name, ok = QInputDialog.getText(parent, "Rename the campaign", f"A new name for '{other.name}':",
                                        QLineEdit.EchoMode.Normal, f"{other.name} (2)")
        return name if ok and name.strip() else None


def offer(parent: QWidget | None, store: CampaignStore) -> list[str]:
    """Ask about each set of campaigns whose names differ only in case, and do what is chosen;
    what was done, or why it was not, one line each."""
    done: list[str] = []
    for group in store.list().alike():
        keep = group[0]
        for other in group[1:]:
            choice = QtAlikeCampaigns.ask(parent, keep, other)
            try:
                if choice == "merge":
                    _, merged, kept = store.merge(other.name, keep.name, lambda campaign, them, files:
                                                  merge_campaigns(campaign, other=them, files=files))
                    done.append(f"{merged.what}; the file it was in is kept in {kept}")
                elif choice == "rename":
                    name = QtAlikeCampaigns.ask_name(parent, other)
                    if name is not None:
                        store.rename(other.name, name)
                        done.append(f"renamed '{other.name}' to '{name.strip()}'")
            except ComposerError as exc:
                done.append(str(exc))
    return done
