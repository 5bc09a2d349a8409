"""Fitting a request to every force, as operations: the whole fit, and putting back one change.

`fit_to_every_force` turns what a request says of one force (its name, Act, sections, equality
duty, cost limit, part numbers in a format sentence) into fields each letter fills for its own
force (composer.adaptation). `put_back` restores the user's own words for one change. Both return
a `Fitted`: the new request and the changes that stand, for the app to list with an undo each.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.adaptation import (
    COST_WORDING,
    FORMAT_WORDING,
    INTRODUCTION,
    TITLE,
    Change,
    describe,
    fitted_texts,
    restored_text,
)
from composer.errors import ComposerError
from composer.model import Request
from composer.operations.result import Done, Refused, operation
from composer.textimport import parse_request_with_report


@dataclass(frozen=True)
class Fitted(Done[Request]):
    changes: tuple[Change, ...] = ()


def with_text(request: Request, place: str, text: str) -> Request:
    """A copy of `request` with the text at `place` (composer.adaptation's places) replaced."""
    new = request.model_copy(deep=True)
    if place == TITLE:
        new.title = text
    elif place == INTRODUCTION:
        new.introduction = text
    elif place == COST_WORDING:
        new.options.cost_limit_wording = text
    elif place == FORMAT_WORDING:
        new.options.format_wording = text
    else:
        part = new.find(place)
        if part is None:
            raise ComposerError("that part is no longer in the request")
        part.text = text
    return new


def fit_request(request: Request, keep_names: tuple[str, ...] | list[str] = ()) -> tuple[Request, list[Change]]:
    """`request` with what is specific to one force turned into fields each letter fills for
    its own force, and the changes made, in the order they appear. A chief officer named as one
    of `keep_names` stays as written."""
    new, changes = request, []
    for place, text, made in fitted_texts(request, keep_names):
        new = with_text(new, place, text)
        changes += made
    return new, changes


def shareable(request: Request, requester=None, *, keep_wording: bool = False, past=None, carry: bool = True,
              keep_names: tuple[str, ...] | list[str] = ()) -> tuple[Request, list[str], list[Change]]:
    """A copy of `request` to share as a template: the personal details taken out (and named, to
    show before anything is written), people's names among them but for those in `keep_names`
    (a public office-holder the user means to name), and, unless `keep_wording`, fitted to every
    force as an import is, since a template goes to every force and one force's names would go to all.
    `past` (a campaign.history.History of your campaigns) adds what forces did with its parts
    when you sent them: counts and months, never a campaign's name, a force or a person. With
    `carry` false the copy carries no record at all, not even one the request came with."""
    from composer.campaign.history import to_share
    from composer.library import strip_personal_data

    shared, removed = strip_personal_data(request, requester, keep_names)
    changes: list[Change] = []
    if not keep_wording:
        shared, changes = fit_request(shared, keep_names)  # an office-holder kept keeps the office too
    carried = to_share(request, shared, past) if carry else []
    if carried != shared.past:
        shared = shared.model_copy(update={"past": carried})
    return shared, removed, changes


def undo_change(request: Request, change: Change, changes: list[Change]) -> tuple[Request, list[Change]]:
    """Put back what the user wrote for one change; returns the request and the other changes,
    their positions moved to match. ComposerError when the text has been edited there since."""
    restored, rest = restored_text(request, change, changes)
    return with_text(request, change.place, restored), rest


def import_text(text: str, source: str = "text", *, keep_wording: bool = False,
                title: str | None = None) -> tuple[Request, list[str], list[Change]]:
    """Read a request from text and fit it to every force: the request, the notes on what was
    read, and each change made to the user's words so that they can see and undo it.
    `keep_wording` leaves the words exactly as written; `title` replaces the one found."""
    request, notes = parse_request_with_report(text, source)
    if title is not None and title.strip():
        request = request.model_copy(update={"title": title.strip()})
        notes = [n for n in notes if not n.startswith("the title ")]
    if keep_wording:
        return request, notes, []
    request, changes = fit_request(request)
    return request, notes, changes


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
