"""Command: `due`, the date a force must answer by."""

from __future__ import annotations

import argparse
import json

from composer.commands import A_DATE, AN_ACT, act_choice, warn
from composer.errors import ComposerError


def register(sub) -> None:
    p = sub.add_parser("due", help="the date a force must answer by (working days per Act)")
    p.add_argument("date", help=f"the day the force received the request ({A_DATE})")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--force", help="force id (`foi-composer forces` lists them): its Act decides which bank "
                       "holidays stop the clock")
    which.add_argument("--act", type=act_choice, metavar="foia|foisa", help=AN_ACT + ", if no force is named")
    p.add_argument("--days", type=int, help="working days the force has (default: the Act's 20)")
    p.add_argument("--json", action="store_true", help="print JSON, with the days not counted and why")
    p.set_defaults(func=_due)


def _due(args: argparse.Namespace) -> int:
    from composer.calendar import default_calendar
    from composer.dates import parse_date
    from composer.acts import Act

    received = parse_date(args.date, "received date")
    if args.force:
        from composer.forces import load_directory

        act = load_directory().get(args.force).act
    else:
        act = Act(args.act)
    if args.days is not None and args.days < 0:
        raise ComposerError(f"--days {args.days}: give a number of working days, 0 or more")
    calendar = default_calendar()
    warn(calendar.problem)
    explained = calendar.explain(received, act, args.days)
    if args.json:
        print(json.dumps(explained.as_json(), indent=2, ensure_ascii=False))
    else:
        print(explained.due.isoformat())
    return 0

