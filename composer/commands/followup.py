"""Command: `followup`, a follow-up letter for forces in a campaign."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from composer.commands import A_DATE, CAMPAIGN_NAME, today_from, warn
from composer.errors import ComposerError


def register(sub) -> None:
    p = sub.add_parser("followup", help="write a follow-up letter for forces in a campaign")
    p.add_argument("name", help=CAMPAIGN_NAME)
    p.add_argument("force", help="force id; several separated by commas; or 'overdue': every force "
                   "late on the letter's date (a chaser for each, say), into a folder")
    p.add_argument("--kind", required=True, choices=["clarification", "chaser", "review", "complaint"],
                   help="the letter: your clarification, a chaser, a request for internal review, or a "
                   "complaint to the Commissioner of the force's Act")
    p.add_argument("-o", "--output", required=True,
                   help="the file to write (.docx, .txt, .eml or .pdf), or a folder: any other "
                        "name, made if missing; the letter is named there by date, force and kind")
    p.add_argument("--format", choices=["docx", "txt", "eml", "pdf"],
                   help="default: from the file's extension, else docx")
    p.add_argument("--template", metavar="NAME", help="letter template for docx and pdf: formal (default), email, one of "
                   "yours (`foi-composer templates` lists them) or a .docx path")
    p.add_argument("--today", metavar="DATE", help=f"the letter's date ({A_DATE}; default: today)")
    p.add_argument("--sent", action="store_true",
                   help="also record the letter as sent on its date (as the app does when it "
                        "writes one): a clarification, review or complaint moves the force on, "
                        "a chaser is noted")
    words = p.add_mutually_exclusive_group()
    words.add_argument("--text", help="your own words, put in the letter: what you clarify, or more reasons "
                       "for a review or complaint")
    words.add_argument("--text-file", type=Path, metavar="FILE", help="the same words, read from a text file")
    p.set_defaults(func=_followup)


def _followup(args: argparse.Namespace) -> int:
    from composer import storage
    from composer.campaign.store import CampaignStore
    from composer.operations.followups import write_follow_ups
    from composer.profile import load_profile

    store = CampaignStore()
    campaign = store.load(args.name)
    requester, problem = load_profile()
    warn(problem)
    message = storage.read_text(args.text_file, "text file") if args.text_file else args.text
    output = Path(args.output)
    into_folder = _names_a_folder(args.output)
    today = today_from(args.today)
    result = write_follow_ups(campaign, store=store, force_ids=_forces(campaign, args.force, today),
                              kind=args.kind, requester=requester, today=today,
                              folder=output if into_folder else None,
                              path=None if into_folder else output,
                              fmt=args.format, template=args.template, message=message)
    for problem in result.said:
        warn(problem)
    for path in result.written:
        print(path)
    if args.sent and result.forces:
        from composer.letters.followups import parse_kind
        from composer.operations.campaign import record_sent, sent_later_than_today

        later = sent_later_than_today(today)  # recorded as sent on a day to come: named, as `campaign new` does
        if later:
            warn(f"--today {later}")

        done = store.update(args.name, lambda current: record_sent(
            current, force_ids=result.forces, kind=parse_kind(args.kind), on=today_from(args.today)))
        print(f"recorded: {done.what}", file=sys.stderr)
    return 0


def _forces(campaign, spec: str, today) -> list[str]:
    """`kent_police`, `kent_police,psni`, or `overdue`: every force late on `today`."""
    if spec.strip().lower() == "overdue":
        from composer.campaign.deadlines import overview

        late = [p.force_id for p in overview(campaign, today) if p.overdue]
        if not late:
            raise ComposerError(f"no force in {campaign.name!r} is overdue on {today.isoformat()}")
        return late
    return [force_id.strip() for force_id in spec.split(",") if force_id.strip()]


def _names_a_folder(output: str) -> bool:
    """`letters/`, an existing folder, or any name without a letter's extension is a folder;
    only `chaser.docx` and the like name the file itself."""
    from composer.letters.followups import FORMATS

    path = Path(output)
    return (output.endswith(("/", "\\")) or path.is_dir()
            or path.suffix.lower().lstrip(".") not in FORMATS)
