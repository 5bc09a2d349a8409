"""Commands: `holidays list|add|remove|reset`, the bank holidays that stop the clock and your corrections."""

from __future__ import annotations

import argparse

from composer.commands import A_DATE, act_choice, warn
from composer.errors import ComposerError


def register(sub) -> None:
    p = sub.add_parser("holidays", help="bank holidays that stop the clock, and your corrections")
    hsub = p.add_subparsers(dest="holidays_command", metavar="ACTION", required=True)
    q = hsub.add_parser("list", help="weekdays that are not working days in a year")
    q.add_argument("--year", type=int, help="default: this year")
    q.add_argument("--act", type=act_choice, default="FOIA", help="foia (default) or foisa")
    q.set_defaults(func=_holidays_list)
    q = hsub.add_parser("add", help="add a proclaimed bank holiday the package does not know")
    q.add_argument("date", help=f"the day ({A_DATE})")
    q.add_argument("name", help="e.g. 'State funeral'")
    q.add_argument("--region", action="append", choices=["ENG", "WLS", "SCT", "NIR"],
                   help="where it is a bank holiday; repeat; default: the whole UK")
    q.set_defaults(func=_holidays_add)
    q = hsub.add_parser("remove", help="mark a listed bank holiday as a working day after all")
    q.add_argument("date", help=f"the listed bank holiday ({A_DATE})")
    q.add_argument("--region", action="append", choices=["ENG", "WLS", "SCT", "NIR"],
                   help="where; repeat; default: the whole UK")
    q.set_defaults(func=_holidays_remove)
    q = hsub.add_parser("reset", help="forget your corrections for a date")
    q.add_argument("date", help=f"a day you added or removed ({A_DATE})")
    q.set_defaults(func=_holidays_reset)


def _regions(values: list[str] | None):
    from composer.calendar import Region

    return [Region(v) for v in values] if values else None


def _holidays_list(args: argparse.Namespace) -> int:
    from datetime import date

    from composer.calendar import default_calendar
    from composer.model import Act

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

