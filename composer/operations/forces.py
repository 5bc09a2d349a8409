"""The user's own corrections to the force directory: a force's FOI address, and the address of
its online request form, found on its own FOI page. The one step the command line's `forces
--set-email` / `--set-form` / `--clear-form` and the app's FOI address dialog all take; what it
replaced is said, never overwritten silently."""

from __future__ import annotations

from datetime import date

from composer.forces import clear_form, load_directory, set_email, set_form
from composer.model import Force
from composer.operations.result import Done


def set_foi_address(force_id: str, address: str, *, today: date | None = None) -> Done[Force]:
    """Keep `address` as the force's FOI address, checked `today`, in the data folder's
    forces.json (the bundled directory is never changed). A malformed address or an unknown force
    is refused in one line and nothing is saved; an address it replaces is named in `what`."""
    before = load_directory().get(force_id)
    force = set_email(force_id, address, today=today)
    checked = force.email_checked.isoformat() if force.email_checked else "today"
    if not before.foi_email:
        what = f"{force.name}: FOI address set to {force.foi_email}, checked {checked}"
    elif before.foi_email.casefold() == (force.foi_email or "").casefold():
        what = f"{force.name}: FOI address {force.foi_email} kept, now checked {checked}"
    else:
        what = (f"{force.name}: FOI address set to {force.foi_email}, checked {checked}; "
                f"it replaces {before.foi_email}")
    return Done(force, what, (force.id,))


def set_online_form(force_id: str, address: str, *, today: date | None = None) -> Done[Force]:
    """Keep `address` as the force's online request form, checked `today`, in the data folder's
    forces.json. A malformed address or an unknown force is refused in one line and nothing is
    saved; a form it replaces is named in `what`. The address is stored, never opened."""
    before = load_directory().get(force_id)
    force = set_form(force_id, address, today=today)
    checked = next(c.on.isoformat() for c in force.checked if c.fact == "foi_form")
    if not before.foi_form:
        what = f"{force.name}: online form set to {force.foi_form}, checked {checked}"
    elif before.foi_form == force.foi_form:
        what = f"{force.name}: online form {force.foi_form} kept, now checked {checked}"
    else:
        what = f"{force.name}: online form set to {force.foi_form}, checked {checked}; it replaces {before.foi_form}"
    return Done(force, what, (force.id,))


def clear_online_form(force_id: str, *, today: date | None = None) -> Done[Force]:
    """Forget the force's online form (closed or moved): letters then go by email. The form
    removed is named; with none recorded nothing is saved, and `what` says so."""
    before = load_directory().get(force_id)
    if not before.foi_form:
        return Done(before, f"{before.name}: no online form was recorded; nothing changed", ())
    force = clear_form(force_id, today=today)
    where = (f"letters go to {force.foi_email}" if force.foi_email
             else "no FOI email address is known for it either (`foi-composer forces --set-email`)")
    return Done(force, f"{force.name}: online form {before.foi_form} removed; {where}", (force.id,))
