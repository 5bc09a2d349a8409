"""Commands: `holidays list|add|remove|reset`, the bank holidays that stop the clock and your corrections."""

from __future__ import annotations

import argparse

from composer.commands import A_DATE, AN_ACT, act_choice, warn
from composer.errors import ComposerError


# The holidays package's codes for the nations (calendar.Region, which a test keeps equal), spelled
# out so that building the parser loads no pydantic.
REGIONS = {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}
_WHERE = ", ".join(f"{code} {name}" for code, name in REGIONS.items())


def register(sub) -> None:
    p = sub.add_parser("holidays", help="bank holidays that stop the clock, and your corrections")
    hsub = p.add_subparsers(dest="holidays_command", metavar="ACTION", required=True)
    q = hsub.add_parser("list", help="weekdays that are not working days in a year")
    q.add_argument("--year", type=int, help="the year to list (default: this year)")
    q.add_argument("--act", type=act_choice, default="FOIA", metavar="foia|foisa",
                   help=f"whose working days: {AN_ACT} (default: foia, where a bank holiday anywhere in "
                   "the UK stops the clock; under foisa only Scotland's do)")
    q.set_defaults(func=_holidays_list)
    q = hsub.add_parser("add", help="add a proclaimed bank holiday the package does not know")
    q.add_argument("date", help=f"the bank holiday's date ({A_DATE})")
    q.add_argument("name", help="the day's name, e.g. 'State funeral'")
    q.add_argument("--region", action="append", choices=list(REGIONS),
                   help=f"where it is a bank holiday: {_WHERE}; give the option once for each "
                   "(default: the whole UK)")
    q.set_defaults(func=_holidays_add)
    q = hsub.add_parser("remove", help="mark a listed bank holiday as a working day after all")
    q.add_argument("date", help=f"the listed bank holiday ({A_DATE})")
    q.add_argument("--region", action="append", choices=list(REGIONS),
                   help=f"where it is a working day after all: {_WHERE}; give the option once for each "
                   "(default: the whole UK)")
    q.set_defaults(func=_holidays_remove)
    q = hsub.add_parser("reset", help="forget your corrections for a date")
    q.add_argument("date", help=f"a day you added or removed ({A_DATE})")
    q.set_defaults(func=_holidays_reset)


def _regions(values: list[str] | None):
    from composer.calendar import Region

    return [Region(v) for v in values] if values else None


def _holidays_list(args: argparse.Namespace) -> int:
    from datetime import date

    from composer.acts import Act
    from composer.calendar import default_calendar

    from composer.dates import EARLIEST, IN_REACH, LATEST, WEEKDAYS

    year = date.today().year if args.year is None else args.year
    if not EARLIEST.year <= year <= LATEST.year:
        raise ComposerError(f"--year {year}: {IN_REACH}")
    calendar = default_calendar()
    warn(calendar.problem)
    for day, why in calendar.holidays_in(year, Act(args.act)):
        print(f"{day.isoformat()}  {WEEKDAYS[day.weekday()][:3]}  {why}")
    return 0


def _holidays_add(args: argparse.Namespace) -> int:
    from composer.calendar import add_holiday, overrides_path
    from composer.dates import parse_date

    add_holiday(parse_date(args.date), args.name, _regions(args.region))
    print(overrides_path())
    return 0


def _holidays_remove(args: argparse.Namespace) -> int:
    from composer.calendar import overrides_path, remove_holiday
    from composer.dates import parse_date

    remove_holiday(parse_date(args.date), _regions(args.region))
    print(overrides_path())
    return 0


def _holidays_reset(args: argparse.Namespace) -> int:
    from composer.calendar import reset_holiday
    from composer.dates import parse_date

    day = parse_date(args.date)
    if not reset_holiday(day):
        raise ComposerError(f"you have no correction saved for {day.isoformat()}")
    print(f"{day.isoformat()}: back to the package's list")
    return 0

