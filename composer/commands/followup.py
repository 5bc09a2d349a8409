"""Follow-through commands: due dates, bank-holiday corrections, campaigns, follow-up letters and
the refusal-notice check."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.commands import add_forces_option, forces_for
from composer.errors import ComposerError

# Spelled out so that building the parser loads no pydantic; a test keeps it equal to Status.
_STATUSES = ("sent", "acknowledged", "extended", "clarification-asked", "clarified", "answered",
             "partly-answered", "refused", "review-asked", "review-answered", "complained")


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

    p = sub.add_parser("campaign", help="track one request sent to many forces")
    csub = p.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    q = csub.add_parser("new", help="start tracking a request sent to forces")
    q.add_argument("name")
    q.add_argument("--request", type=Path, required=True, help="the request (.foi.json or text)")
    add_forces_option(q)
    q.add_argument("--sent", required=True, help="the date it was sent (YYYY-MM-DD)")
    q.set_defaults(func=_campaign_new)
    q = csub.add_parser("add", help="add forces to a campaign")
    q.add_argument("name")
    add_forces_option(q, required=True)
    q.add_argument("--sent", required=True)
    q.set_defaults(func=_campaign_add)
    q = csub.add_parser("list", help="list campaigns")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_campaign_list)
    q = csub.add_parser("show", help="every force's status and deadline")
    q.add_argument("name")
    q.add_argument("--today", help="the date to judge lateness by (default: today)")
    q.add_argument("--overdue", action="store_true", help="only forces past a deadline")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_campaign_show)
    q = csub.add_parser("update", help="record what a force did, or what you did")
    q.add_argument("name")
    q.add_argument("force", help="force id")
    q.add_argument("--status", help=", ".join(s for s in _STATUSES))
    q.add_argument("--date", help="when it happened (default: today)")
    q.add_argument("--until", help="with --status extended: the date the force's notice estimates "
                                   "for its public-interest decision (FOIA s10(3), s17(2))")
    q.add_argument("--reference", help="the force's reference for the request")
    q.add_argument("--sections", help="sections cited, e.g. s12,s40(2)")
    q.add_argument("--note")
    q.set_defaults(func=_campaign_update)
    q = csub.add_parser("undo", help="take back the latest recorded event for a force")
    q.add_argument("name")
    q.add_argument("force")
    q.set_defaults(func=_campaign_undo)
    q = csub.add_parser("attach", help="copy a response file into the campaign's folder")
    q.add_argument("name")
    q.add_argument("force")
    q.add_argument("file", type=Path)
    q.add_argument("--note", default="")
    q.set_defaults(func=_campaign_attach)
    q = csub.add_parser("export", help="write the campaign report as CSV")
    q.add_argument("name")
    q.add_argument("-o", "--output", type=Path, required=True)
    q.add_argument("--today")
    q.set_defaults(func=_campaign_export)
    q = csub.add_parser("check", help="check a force's refusal notice (s17 / FOISA s16)")
    q.add_argument("name")
    q.add_argument("force")
    q.add_argument("--file", type=Path, help="the response as text (default: the latest .txt attached)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_campaign_check)

    p = sub.add_parser("followup", help="write a follow-up letter for one force in a campaign")
    p.add_argument("name", help="the campaign")
    p.add_argument("force", help="force id")
    p.add_argument("--kind", required=True, choices=["clarification", "chaser", "review", "complaint"])
    p.add_argument("-o", "--output", type=Path, required=True, help="the file (or folder) to write")
    p.add_argument("--format", choices=["docx", "txt", "eml", "pdf"],
                   help="default: from the file's extension, else docx")
    p.add_argument("--template", help="Word template name or .docx path (default: formal)")
    p.add_argument("--today", help="the letter's date (default: today)")
    words = p.add_mutually_exclusive_group()
    words.add_argument("--text", help="your own words: the clarification, or further grounds")
    words.add_argument("--text-file", type=Path, help="the same, from a text file")
    p.set_defaults(func=_followup)

    p = sub.add_parser("check-response", help="what a refusal notice lacks, and whether it was late")
    p.add_argument("file", type=Path, help="the response, as plain text")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--force")
    which.add_argument("--act", type=_act_choice)
    p.add_argument("--sections", help="sections cited, if the text does not show them")
    p.add_argument("--received", help="when the force received the request")
    p.add_argument("--responded", help="the date of the response")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_check_response)


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


# -- campaigns ----------------------------------------------------------------------------------
def _store():
    from composer.campaign import CampaignStore

    return CampaignStore()


def _today(text: str | None):
    from datetime import date

    from composer.calendar import parse_date

    return parse_date(text, "--today") if text else date.today()


def _next(p) -> str:
    """The next step in words: 'the answer is due by 2026-12-21', or how late it is."""
    from composer.calendar import working_days

    if p.overdue:
        days = p.late_by if p.status.value != "review-asked" else None
        late = f" ({working_days(days)} late)" if days else f" (was due {p.next_date.isoformat()})"
        return p.next_step + late
    return p.next_step + (f" by {p.next_date.isoformat()}" if p.next_date else "")


def _campaign_new(args: argparse.Namespace) -> int:
    from composer.calendar import parse_date
    from composer.campaign import new_campaign
    from composer.library import open_request

    sent = parse_date(args.sent, "--sent")
    request = open_request(args.request)
    forces = forces_for(args.forces, request)
    campaign = new_campaign(args.name, request, forces, sent, request_source=str(args.request))
    print(_store().create(campaign))
    return 0


def _campaign_add(args: argparse.Namespace) -> int:
    from composer.calendar import parse_date
    from composer.campaign import add_forces
    from composer.forces import load_directory

    store = _store()
    campaign = store.load(args.name)
    added = add_forces(campaign, load_directory().resolve(args.forces), parse_date(args.sent, "--sent"))
    store.save(campaign)
    print(f"added {len(added)} force(s)")
    return 0


def _campaign_list(args: argparse.Namespace) -> int:
    from composer.campaign import overview

    listing = _store().list()
    for problem in listing.problems:
        _warn(problem)
    rows = []
    for entry in listing.entries:
        states = overview(entry.campaign)
        rows.append({"name": entry.name, "title": entry.campaign.request.title,
                     "forces": len(states), "overdue": sum(p.overdue for p in states),
                     "path": str(entry.path)})
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['name']}\t{row['forces']} forces\t{row['overdue']} overdue\t{row['title']}")
    return 0


def _campaign_show(args: argparse.Namespace) -> int:
    from composer.calendar import default_calendar
    from composer.campaign import overview, report_rows

    calendar = default_calendar()
    _warn(calendar.problem)
    campaign = _store().load(args.name)
    today = _today(args.today)
    if args.json:
        rows = report_rows(campaign, today, calendar)
        if args.overdue:
            rows = [r for r in rows if r["overdue"]]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    states = overview(campaign, today, calendar)
    print(f"{campaign.name}: {campaign.request.title} ({len(states)} forces, "
          f"{sum(p.overdue for p in states)} overdue on {today.isoformat()})")
    for p in states:
        if args.overdue and not p.overdue:
            continue
        due = p.due.isoformat() if p.due else "on hold"
        flag = "OVERDUE" if p.overdue else "late" if p.responded and p.late_by else ""
        print(f"{p.force_id:<32} {p.status_label:<26} due {due:<10} {flag:<7} {_next(p)}")
        if p.extension_notice is not None:
            print(f"{'':<32} {_extension_line(p)}")
        for warning in p.warnings:
            print(f"{'':<32} warning: {warning}")
    return 0


def _extension_line(p) -> str:
    """`extended: notice 2026-12-10, force's estimate 2027-01-15, statutory date 2026-12-21, …`"""
    estimate = p.extended_to.isoformat() if p.extended_to else "none given"
    parts = [f"notice {p.extension_notice.isoformat()}", f"force's estimate {estimate}"]
    if p.statutory_due:
        parts.append(f"statutory date {p.statutory_due.isoformat()}")
    if p.extension_limit:
        parts.append(f"ICO's 20 further working days end {p.extension_limit.isoformat()}")
    return "extended: " + ", ".join(parts)


def _campaign_update(args: argparse.Namespace) -> int:
    from composer.calendar import parse_date
    from composer.campaign import progress, record
    from composer.responses import parse_sections

    store = _store()
    campaign = store.load(args.name)
    try:
        sections = parse_sections(args.sections) if args.sections is not None else None
    except ValueError as exc:
        raise ComposerError(str(exc)) from None
    item = record(campaign, args.force, status=args.status,
                  on=parse_date(args.date, "--date") if args.date else None,
                  reference=args.reference, sections=sections, note=args.note,
                  until=parse_date(args.until, "--until") if args.until else None)
    store.save(campaign)
    p = progress(item)
    print(f"{item.force_id}: {p.status_label}; next: {_next(p)}")
    for warning in p.warnings:
        _warn(warning)
    return 0


def _campaign_undo(args: argparse.Namespace) -> int:
    from composer.campaign import undo_last

    store = _store()
    campaign = store.load(args.name)
    removed = undo_last(campaign, args.force)
    store.save(campaign)
    print(f"took back: {removed.status.value} on {removed.on.isoformat()}")
    return 0


def _campaign_attach(args: argparse.Namespace) -> int:
    store = _store()
    campaign = store.load(args.name)
    target = store.attach(campaign, args.force, args.file, args.note)
    store.save(campaign)
    print(target)
    return 0


def _campaign_export(args: argparse.Namespace) -> int:
    from composer.campaign import export_csv

    campaign = _store().load(args.name)
    print(export_csv(campaign, args.output, _today(args.today)))
    return 0


def _print_check(result, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.as_json(), indent=2))
    else:
        print("\n".join(result.lines()))


def _campaign_check(args: argparse.Namespace) -> int:
    from composer import storage
    from composer.followups import check_tracked, latest_check

    store = _store()
    campaign = store.load(args.name)
    item = campaign.tracked(args.force)
    if args.file is None:
        result = latest_check(store, campaign, item.force_id)
        if result is None:
            raise ComposerError(f"no text file attached for {item.force_name}; attach the response "
                                "as .txt, or give --file")
    else:
        result = check_tracked(item, storage.read_text(args.file, "response"))
    _print_check(result, args.json)
    return 0


def _check_response(args: argparse.Namespace) -> int:
    from composer import storage
    from composer.calendar import parse_date
    from composer.model import Act
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
        storage.read_text(args.file, "response"), act=act, sections=sections,
        received=parse_date(args.received, "--received") if args.received else None,
        responded=parse_date(args.responded, "--responded") if args.responded else None)
    _print_check(result, args.json)
    return 0


# -- follow-up letters --------------------------------------------------------------------------
def _followup(args: argparse.Namespace) -> int:
    from composer import storage
    from composer.forces import load_directory
    from composer.followups import (
        FollowUpKind, file_name, follow_up_letter, latest_check, write_follow_up)
    from composer.profile import load_profile

    store = _store()
    campaign = store.load(args.name)
    item = campaign.tracked(args.force)
    kind = FollowUpKind(args.kind)
    today = _today(args.today)
    requester, problem = load_profile()
    _warn(problem)
    message = storage.read_text(args.text_file, "text file") if args.text_file else args.text
    try:
        force = load_directory().get(item.force_id)
    except ComposerError:
        force = None  # no longer in the directory: the letter is addressed by name only
    check = latest_check(store, campaign, item.force_id) if kind in (
        FollowUpKind.REVIEW, FollowUpKind.COMPLAINT) else None
    letter = follow_up_letter(campaign, item.force_id, kind, requester=requester, today=today,
                              force=force, message=message, check=check)
    output: Path = args.output
    fmt = args.format or (output.suffix.lower().lstrip(".") if output.suffix.lower() in
                          (".docx", ".txt", ".eml", ".pdf") else "docx")
    if output.is_dir():
        output = output / file_name(kind, today, item.force_name, item.act, campaign.request.title, fmt)
    for warning in letter.warnings:
        _warn(warning)
    print(write_follow_up(letter, output, fmt, args.template))
    return 0
