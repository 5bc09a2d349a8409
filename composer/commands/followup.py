"""Follow-through commands: due dates, bank-holiday corrections, campaigns, follow-up letters and
the refusal-notice check."""

from __future__ import annotations

import argparse
import json
import sys

from composer.errors import ComposerError


def _warn(message: str | None) -> None:
    if message:
        print(f"foi-composer: warning: {message}", file=sys.stderr)


def _act_choice(text: str) -> str:
    value = text.strip().upper()
    if value not in ("FOIA", "FOISA"):
        raise argparse.ArgumentTypeError(f"{text!r} is not an Act; use foia or foisa")
    return value


def register(sub) -> None:
    p = sub.add_parser("due", help="the date a force must answer by (working days per Act)")
    p.add_argument("date", help="the day the force received the request (YYYY-MM-DD)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--force", help="force id: its Act decides which bank holidays count")
    which.add_argument("--act", type=_act_choice, help="foia or foisa")
    p.add_argument("--days", type=int, default=20, help="working days allowed (default 20)")
    p.add_argument("--json", action="store_true", help="also list the days skipped and why")
    p.set_defaults(func=_due)

    p = sub.add_parser("holidays", help="bank holidays that stop the clock, and your corrections")
    hsub = p.add_subparsers(dest="holidays_command", metavar="ACTION", required=True)
    q = hsub.add_parser("list", help="weekdays that are not working days in a year")
    q.add_argument("--year", type=int, help="default: this year")
    q.add_argument("--act", type=_act_choice, default="FOIA", help="foia (default) or foisa")
    q.set_defaults(func=_holidays_list)
    q = hsub.add_parser("add", help="add a proclaimed bank holiday the package does not know")
    q.add_argument("date")
    q.add_argument("name", help="e.g. 'State funeral'")
    q.add_argument("--region", action="append", choices=["ENG", "WLS", "SCT", "NIR"],
                   help="where it is a bank holiday; repeat; default: the whole UK")
    q.set_defaults(func=_holidays_add)
    q = hsub.add_parser("remove", help="mark a listed bank holiday as a working day after all")
    q.add_argument("date")
    q.add_argument("--region", action="append", choices=["ENG", "WLS", "SCT", "NIR"],
                   help="where; repeat; default: the whole UK")
    q.set_defaults(func=_holidays_remove)
    q = hsub.add_parser("reset", help="forget your corrections for a date")
    q.add_argument("date")
    q.set_defaults(func=_holidays_reset)


# -- due ----------------------------------------------------------------------------------------
def _due(args: argparse.Namespace) -> int:
    from composer.calendar import default_calendar, parse_date
    from composer.model import Act

    received = parse_date(args.date, "received date")
    if args.force:
        from composer.forces import load_directory

        act = load_directory().get(args.force).act
    else:
        act = Act(args.act)
    if args.days < 0:
        raise ComposerError(f"--days {args.days}: give a number of working days, 0 or more")
    calendar = default_calendar()
    _warn(calendar.problem)
    explained = calendar.explain(received, act, args.days)
    if args.json:
        print(json.dumps(explained.as_json(), indent=2, ensure_ascii=False))
    else:
        print(explained.due.isoformat())
    return 0


# -- holidays -----------------------------------------------------------------------------------
def _regions(values: list[str] | None):
    from composer.calendar import Region

    return [Region(v) for v in values] if values else None


def _holidays_list(args: argparse.Namespace) -> int:
    from datetime import date

    from composer.calendar import default_calendar
    from composer.model import Act

    calendar = default_calendar()
    _warn(calendar.problem)
    for day, why in calendar.holidays_in(args.year or date.today().year, Act(args.act)):
        print(f"{day.isoformat()}  {day:%a}  {why}")
    return 0


def _holidays_add(args: argparse.Namespace) -> int:
    from composer.calendar import add_holiday, overrides_path, parse_date

    add_holiday(parse_date(args.date), args.name, _regions(args.region))
    print(overrides_path())
    return 0


def _holidays_remove(args: argparse.Namespace) -> int:
    from composer.calendar import overrides_path, parse_date, remove_holiday

    remove_holiday(parse_date(args.date), _regions(args.region))
    print(overrides_path())
    return 0


def _holidays_reset(args: argparse.Namespace) -> int:
    from composer.calendar import parse_date, reset_holiday

    day = parse_date(args.date)
    if not reset_holiday(day):
        raise ComposerError(f"you have no correction saved for {day.isoformat()}")
    print(f"{day.isoformat()}: back to the package's list")
    return 0
