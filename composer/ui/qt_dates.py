"""Date fields picked from a calendar, written the ISO way (2026-12-21), for every dialog."""

from __future__ import annotations

from datetime import date

from composer.dates import EARLIEST, LATEST
from composer.ui.qt import QDate, QDateEdit, QWidget

NOT_SET = EARLIEST  # the lowest date a field offers: shown as its special text, "not set"


class QtDateEdit(QDateEdit):
    """Tab leaves the field, as in every other field (Qt's own steps through year, month and
    day first); the arrow keys move between them and the calendar picks a day."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        return QWidget.focusNextPrevChild(self, forward)


def date_edit(day: date | None, parent: QWidget | None = None, *, unset: str = "") -> QDateEdit:
    """A date field with a calendar to pick from. With `unset` it can also show that no date is
    set (its lowest date, shown as `unset`), and `day` None starts it so."""
    edit = QtDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day),
                      QDate(LATEST.year, LATEST.month, LATEST.day))  # deadlines count on from it
    if unset:
        edit.setSpecialValueText(unset)
    set_date(edit, day or NOT_SET)
    return edit


def set_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def date_of(edit: QDateEdit) -> date | None:
    """The date shown, or None where the field shows that none is set."""
    picked = edit.date()
    day = date(picked.year(), picked.month(), picked.day())
    return None if day == NOT_SET and edit.specialValueText() else day
