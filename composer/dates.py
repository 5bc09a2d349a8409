"""Dates typed by a person: the one parser, for the command line, the question bank's periods
and the app alike. Kept apart from `calendar` so that reading a date loads no holiday tables."""

from __future__ import annotations

import re
from datetime import date, datetime

from composer.errors import ComposerError

_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


# Every date a person gives (a request sent, a reply, a period, a bank holiday) falls in these
# years: deadlines count months on from a date, and past the year 9999 no calendar can (a typo such
# as 9999-12-20 stopped every campaign command and the app).
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)
IN_REACH = f"give a year from {EARLIEST.year} to {LATEST.year}"

# The months and the days of the week in English, as letters and messages write them. Held here,
# not taken from strftime's %B and %A: those follow the C locale, which Qt sets from the user's
# environment when the app starts, so a letter written in the app under a Welsh or French locale
# was dated "21 Tachwedd 2026" or "21 novembre 2026".
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def in_words(day: date) -> str:
    """A date as a British letter writes it, in English whatever the locale: `21 November 2026`."""
    return f"{day.day} {month_year(day)}"


def month_year(day: date) -> str:
    """`November 2026`."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def within_reach(day: date, what: str = "date") -> date:
    """`day`, or a ComposerError where it falls outside the years dates are kept for."""
    if not EARLIEST <= day <= LATEST:
        raise ComposerError(f"{what} {day.isoformat()!r} is too far off: {IN_REACH}")
    return day


def looks_like_date(text: str) -> bool:
    """Written as a date this parser reads (`2026-11-20`, `20/11/2026`, `today`), real or not."""
    raw = str(text).strip()
    return raw.lower() == "today" or bool(_ISO.match(raw) or _UK.match(raw))


def parse_date(text: str, what: str = "date") -> date:
    """`2026-11-20`, `20/11/2026` (day first, as written in the UK) or `today`."""
    raw = str(text).strip()
    try:
        if raw.lower() == "today":
            return date.today()
        if _ISO.match(raw):
            return within_reach(datetime.strptime(raw, "%Y-%m-%d").date(), what)
        match = _UK.match(raw)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return within_reach(date(year, month, day), what)
    except ValueError:
        raise ComposerError(f"{what} {raw!r} is not a real date") from None
    raise ComposerError(f"{what} {raw!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20")
