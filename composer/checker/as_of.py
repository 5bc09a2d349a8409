"""The day a check is run as of: the one place the checker asks what "today" is.

A period that runs to the present ("since 1 January 2020", "to date", "as at 2023") is measured
to the year of this day. For a request being composed that is today; a request sent earlier can be
checked as of the day it was sent (`check(request, as_of=day)`), so that, say, a measuring script
reads "since 2015" in a request of 2019 as four years, not eleven.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from composer.checker import patterns

_DAY: list[date | None] = [None]  # None: the day the check runs


def today() -> date:
    """The day checks run as of."""
    return _DAY[0] or date.today()


@contextmanager
def checked_as_of(day: date | None) -> Iterator[None]:
    """Checks inside run as of `day` (None: today). What the checker remembers per text was read
    as of one day, so it is forgotten when the day changes, and again when it changes back."""
    before = _DAY[0]
    if day == before:
        yield
        return
    patterns.forget()
    _DAY[0] = day
    try:
        yield
    finally:
        _DAY[0] = before
        patterns.forget()
