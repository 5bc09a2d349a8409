"""The user's own corrections to the force directory: a force's FOI address, found on its own
FOI page. The one step the command line's `forces --set-email` and the app's FOI address dialog
both take; what it replaced is said, never overwritten silently."""

from __future__ import annotations

from datetime import date

from composer.forces import load_directory, set_email
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
