"""Command: `check-response`, what a refusal notice lacks and whether it was late."""

from __future__ import annotations

import argparse
from pathlib import Path

from composer.commands import A_DATE, AN_ACT, AS_JSON, FORCE_ID, act_choice, print_check
from composer.errors import ComposerError


def register(sub) -> None:
    p = sub.add_parser("check-response", help="what a refusal notice lacks, and whether it was late")
    p.add_argument("file", type=Path, help="the response: text, an email (.eml), a Word file or a PDF")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--force", help=FORCE_ID + ": its Act decides what the notice must say")
    which.add_argument("--act", type=act_choice, metavar="foia|foisa", help=AN_ACT + ", if no force is named")
    p.add_argument("--sections", help="the sections of the Act the notice cites, e.g. s12,s40(2), where they "
                   "cannot be read from its text")
    p.add_argument("--received", metavar="DATE", help=f"the day the force received the request ({A_DATE}); with "
                   "--responded, says whether the answer came late")
    p.add_argument("--responded", metavar="DATE", help=f"the day the force answered ({A_DATE})")
    p.add_argument("--json", action="store_true", help=AS_JSON)
    p.set_defaults(func=_check_response)



def _check_response(args: argparse.Namespace) -> int:
    from composer.dates import parse_date
    from composer.model import Act
    from composer.replies import reply_text
    from composer.responses import check_response, parse_sections

    if args.force:
        from composer.forces import load_directory

        act = load_directory().get(args.force).act
    else:
        act = Act(args.act)
    if (args.received is None) != (args.responded is None):
        raise ComposerError("give both --received and --responded to check the time taken")
    try:
        sections = parse_sections(args.sections) if args.sections else None
    except ValueError as exc:
        raise ComposerError(str(exc)) from None
    result = check_response(
        reply_text(args.file), act=act, sections=sections,
        received=parse_date(args.received, "--received") if args.received else None,
        responded=parse_date(args.responded, "--responded") if args.responded else None)
    print_check(result, args.json)
    return 0

