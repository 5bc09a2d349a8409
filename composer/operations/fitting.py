"""Fitting a request to every force, as operations: the whole fit, and putting back one change.

`fit_to_every_force` turns what a request says of one force (its name, Act, sections, equality
duty, cost limit, part numbers in a format sentence) into fields each letter fills for its own
force (composer.adaptation). `put_back` restores the user's own words for one change. Both return
a `Fitted`: the new request and the changes that stand, for the app to list with an undo each.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.adaptation import Change, describe, fit_request, undo_change
from composer.errors import ComposerError
from composer.model import Request
from composer.operations.result import Done, Refused, operation


@dataclass(frozen=True)
class Fitted(Done[Request]):
    changes: tuple[Change, ...] = ()


@operation
def fit_to_every_force(request: Request) -> Fitted:
    new, changes = fit_request(request)
    count = len(changes)
    what = f"Fit to every force ({count} change{'s' if count != 1 else ''})"
    return Fitted(new, what, tuple(dict.fromkeys(c.place for c in changes)), tuple(changes))


@operation
def put_back(request: Request, *, change: Change, changes: tuple[Change, ...] | list[Change]) -> Fitted:
    """Put back what the user wrote for `change`; the other `changes` are moved to match."""
    try:
        new, rest = undo_change(request, change, list(changes))
    except ComposerError as exc:
        raise Refused(str(exc)) from None
    return Fitted(new, f"Put back {describe(request, change).split(':', 1)[0]}: \u201c{change.before}\u201d",
                  (change.place,), tuple(rest))
