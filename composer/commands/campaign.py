"""Commands: `campaign new|add|list|show|update|undo|attach|export|check`, the tracker.

Every change goes through `composer.operations.campaign` and is written with
`CampaignStore.update`, which reads the file as it is now, so changes never overwrite each other.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.commands import coverage
from composer.commands import (
    A_DATE,
    AS_JSON,
    CAMPAIGN_NAME,
    FORCE_ID,
    JUDGED_ON,
    add_forces_option,
    forces_for,
    output_path,
    print_check,
    sent_on,
    today_from,
    warn,
)
from composer.errors import ComposerError

_REPLY_KINDS = ("acknowledgement", "clarification-asked", "extension", "answered",
                "partly-answered", "refused", "not-held", "still-wanted")  # a test keeps it equal to ReplyKind
# Spelled out so that building the parser loads no pydantic; a test keeps it equal to Status.
_STATUSES = ("sent", "acknowledged", "still-wanted", "extended", "clarification-asked", "clarified",
             "answered", "partly-answered", "refused", "review-asked", "review-answered", "complained")


def register(sub) -> None:
    p = sub.add_parser("campaign", help="track one request sent to many forces")
    csub = p.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    q = csub.add_parser("new", help="start tracking a request sent to forces")
    q.add_argument("name", help="a name for the campaign, e.g. \"VHA 2026\"")
    q.add_argument("--request", type=Path, required=True, metavar="FILE",
                   help="the request sent: a .foi.json file, or the letter as text")
    add_forces_option(q)
    q.add_argument("--sent", required=True, metavar="DATE",
                   help=f"the day the letters were sent ({A_DATE}): each force's deadline counts from it")
    q.set_defaults(func=_campaign_new)
    q = csub.add_parser("add", help="add forces to a campaign")
    q.add_argument("name", help=CAMPAIGN_NAME)
    add_forces_option(q, required=True)
    q.add_argument("--sent", required=True, metavar="DATE", help=f"the day the letters to them were sent ({A_DATE})")
    q.set_defaults(func=_campaign_add)
    q = csub.add_parser("list", help="list campaigns")
    q.add_argument("--json", action="store_true", help=AS_JSON)
    q.set_defaults(func=_campaign_list)
    q = csub.add_parser("show", help="every force's status and deadline")
    q.add_argument("name", help=CAMPAIGN_NAME)
    q.add_argument("--today", metavar="DATE", help=JUDGED_ON)
    q.add_argument("--overdue", action="store_true", help="only forces past a deadline")
    q.add_argument("--json", action="store_true", help=AS_JSON)
    q.set_defaults(func=_campaign_show)
    q = csub.add_parser("update", help="record what a force did, or what you did")
    q.add_argument("name", help=CAMPAIGN_NAME)
    q.add_argument("force", help=FORCE_ID)
    q.add_argument("--status", help="what happened: " + ", ".join(_STATUSES))
    q.add_argument("--date", metavar="DATE", help=f"when it happened ({A_DATE}; default: today)")
    q.add_argument("--until", metavar="DATE", help="with --status extended: the date the force's notice estimates "
                                   "for its public-interest decision (FOIA only); with "
                                   "--status clarification-asked: the day it waits for your reply until; "
                                   "with --status still-wanted: the day a late force that asked whether "
                                   f"you still want the answer waits until ({A_DATE})")
    q.add_argument("--reference", help="the force's reference for the request")
    q.add_argument("--sections", help="the sections of the Act the force cited, e.g. s12,s40(2)")
    q.add_argument("--note", help="a note of your own, kept with the event")
    q.set_defaults(func=_campaign_update)
    q = csub.add_parser("undo", help="take back the latest recorded event for a force")
    q.add_argument("name", help=CAMPAIGN_NAME)
    q.add_argument("force", help=FORCE_ID)
    q.set_defaults(func=_campaign_undo)
    q = csub.add_parser(
        "attach", help="read a force's reply (.txt, .eml, .docx, .pdf); --apply records it",
        description="Reads the reply and prints what it says: its kind, the sections it cites, "
                    "the force's reference, its dates and what the force did with each part. "
                    "Nothing changes until --apply, which copies the file into the campaign's "
                    "folder and records the reply. Correct the reading with --kind and --part.")
    q.add_argument("name", help=CAMPAIGN_NAME)
    q.add_argument("force", help=FORCE_ID)
    q.add_argument("file", type=Path, help="the reply: .txt, .eml, .docx or .pdf")
    q.add_argument("--apply", action="store_true", help="attach the file and record what it says")
    q.add_argument("--json", action="store_true", help="print the reading as JSON")
    q.add_argument("--on", metavar="DATE", help=f"the day the reply came ({A_DATE}; default: the date written on it, else today)")
    q.add_argument("--kind", help="what kind of reply it is, where the reading got it wrong: " + ", ".join(_REPLY_KINDS))
    q.add_argument("--part", action="append", default=[], metavar="PART=WHAT",
                   help="what the force did with a part, where the reading got it wrong, e.g. 1c='refused s31' or "
                   "2=answered; give the option once for each part")
    q.add_argument("--note", default="", help="a note of your own, kept with the reply")
    q.add_argument("--again", action="store_true",
                   help="record a reply whose content is already attached (a second copy)")
    q.set_defaults(func=_campaign_attach)
    q = csub.add_parser("export", help="write the campaign report as CSV")
    q.add_argument("name", help=CAMPAIGN_NAME)
    q.add_argument("-o", "--output", type=output_path, required=True,
                   help="the .csv file to write, or a folder (named after the campaign); a taken name becomes 'name (2)'")
    q.add_argument("--today", metavar="DATE", help=JUDGED_ON)
    q.set_defaults(func=_campaign_export)
    q = csub.add_parser("check", help="check a force's refusal notice against what its Act requires")
    q.add_argument("name", help=CAMPAIGN_NAME)
    q.add_argument("force", help=FORCE_ID)
    q.add_argument("--file", type=Path, help="the response: text, .eml, .docx or .pdf (default: the latest reply attached)")
    q.add_argument("--json", action="store_true", help=AS_JSON)
    q.set_defaults(func=_campaign_check)
    q = csub.add_parser("rename", help="give a campaign another name (its replies move with it)")
    q.add_argument("name", help="the campaign's name, exactly as written")
    q.add_argument("new_name", metavar="NEW", help="its new name")
    q.set_defaults(func=_campaign_rename)
    q = csub.add_parser("merge", help="merge a campaign into another of the same request (names that differ "
                                      "only in case); nothing is lost")
    q.add_argument("name", help="the campaign to merge, exactly as written")
    q.add_argument("--into", required=True, metavar="NAME", help="the campaign it goes into, exactly as written")
    q.set_defaults(func=_campaign_merge)
    coverage.register_under(csub)


def _store(*, advise: bool = True):
    """The campaigns; `advise`: with a warning for each set of names that differ only in case."""
    from composer.campaign.store import CampaignStore, alike_advice

    store = CampaignStore()
    if advise:
        try:
            for group in store.list().alike():
                warn(alike_advice(group))
        except ComposerError:
            pass  # the command itself says what is wrong with the folder
    return store


def _campaign_rename(args: argparse.Namespace) -> int:
    print(_store(advise=False).rename(args.name, args.new_name))
    return 0


def _campaign_merge(args: argparse.Namespace) -> int:
    from composer.operations.campaign import merge_campaigns

    _, done, kept = _store(advise=False).merge(
        args.name, args.into, lambda campaign, other, files: merge_campaigns(campaign, other=other, files=files))
    print(f"{done.what}; the file it was in is kept in {kept}")
    return 0


def _campaign_new(args: argparse.Namespace) -> int:
    from composer.commands import open_for_letters
    from composer.operations.campaign import new_campaign

    sent = sent_on(args.sent)
    request = open_for_letters(args.request)  # a text letter fitted to every force, as export does
    forces = forces_for(args.forces, request)
    done = new_campaign(name=args.name, request=request, forces=forces, sent=sent,
                        request_source=str(args.request))
    print(_store().create(done.value))
    return 0


def _campaign_add(args: argparse.Namespace) -> int:
    from composer.forces import load_directory
    from composer.operations.campaign import add_forces

    forces = load_directory().resolve(args.forces)
    sent = sent_on(args.sent)
    done = _store().update(args.name, lambda c: add_forces(c, forces=forces, sent=sent))
    print(done.what)
    return 0


def _campaign_list(args: argparse.Namespace) -> int:
    from composer.campaign.deadlines import overview
    from composer.model import counted

    listing = _store().list()
    for problem in listing.problems:
        warn(problem)
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
            print(f"{row['name']}\t{counted(row['forces'], 'force')}\t{row['overdue']} overdue\t{row['title']}")
        if not rows and listing.problems:
            print("No campaign can be read (see above).", file=sys.stderr)
        elif not rows:
            print("No campaign yet: start one for the letters you sent with `foi-composer campaign new NAME "
                  "--request FILE --sent DATE` (or Track these letters after an export in the app).",
                  file=sys.stderr)
    return 0


def _campaign_show(args: argparse.Namespace) -> int:
    from composer.calendar import default_calendar
    from composer.campaign.deadlines import in_brief, overview
    from composer.campaign.report import report_rows
    from composer.law import readable

    calendar = default_calendar()
    warn(calendar.problem)
    campaign = _store().load(args.name)
    today = today_from(args.today)
    if args.json:
        rows = report_rows(campaign, today, calendar)
        if args.overdue:
            rows = [r for r in rows if r["overdue"]]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    states = overview(campaign, today, calendar)
    print(f"{campaign.name}: {readable(campaign.request.title, campaign.request)} ({in_brief(states, today)})")
    for p in states:
        if args.overdue and not p.overdue:
            continue
        when = p.replied_in_words or f"due {p.due.isoformat() if p.due else 'on hold'}"
        flag = "OVERDUE" if p.overdue else "late" if p.answered_late else ""
        print(f"{p.force_id:<32} {p.status_label:<26} {when:<18} {flag:<7} {p.next_in_words}")
        if p.extension_notice is not None:
            print(f"{'':<32} {_extension_line(p)}")
        for warning in p.warnings:
            print(f"{'':<32} warning: {warning}")
    return 0


def _extension_line(p) -> str:
    """`extended: notice 2026-12-10, force's estimate 2027-01-15, statutory date 2026-12-21, …`"""
    from composer.law import law_for
    estimate = p.extended_to.isoformat() if p.extended_to else "none given"
    parts = [f"notice {p.extension_notice.isoformat()}", f"force's estimate {estimate}"]
    if p.statutory_due:
        parts.append(f"statutory date {p.statutory_due.isoformat()}")
    if p.extension_limit:
        law = law_for(p.act)
        parts.append(f"{law.regulator.short}'s {law.extension_days} further working days end "
                     f"{p.extension_limit.isoformat()}")
    return "extended: " + ", ".join(parts)


def _campaign_update(args: argparse.Namespace) -> int:
    from composer.dates import parse_date
    from composer.campaign.deadlines import progress
    from composer.operations.campaign import record
    from composer.responses import parse_sections

    try:
        sections = parse_sections(args.sections) if args.sections is not None else None
    except ValueError as exc:
        raise ComposerError(str(exc)) from None
    on = parse_date(args.date, "--date") if args.date else None
    until = parse_date(args.until, "--until") if args.until else None
    done = _store().update(args.name, lambda c: record(
        c, force_id=args.force, status=args.status, on=on, reference=args.reference,
        sections=sections, note=args.note, until=until))
    item = done.value.tracked(done.ids[0])
    p = progress(item)
    print(f"{item.force_id}: {p.status_label}; next: {p.next_in_words}")
    for warning in p.warnings:
        warn(warning)
    return 0


def _campaign_undo(args: argparse.Namespace) -> int:
    from composer.operations.campaign import undo_last

    done = _store().update(args.name, lambda c: undo_last(c, force_id=args.force))
    print(done.what)
    return 0


def _campaign_attach(args: argparse.Namespace) -> int:
    from composer.dates import parse_date
    from composer.operations.campaign import attach_reply, record_reply
    from composer.replies import dates_before

    store = _store()
    campaign = store.load(args.name)
    item = campaign.tracked(args.force)
    reading = _read_reply(args, campaign.request, item.act, item.force_id)
    if reading is not None:
        if args.json:
            print(json.dumps(reading.as_json(), indent=2))
        else:
            print(_reading_lines(reading, item.force_name))
        warn(dates_before(reading, item.sent, item.force_name))
    if not args.apply:
        warn(store.already_attached(campaign, args.file))
        warn("nothing recorded: add --apply to attach the file and record what it says")
        return 0
    on = parse_date(args.on, "--on") if args.on else None
    copied: list[str] = []

    def attach(current):
        copy = None if args.again else store.already_attached(current, args.file)
        if copy:
            raise ComposerError(f"{copy}; nothing recorded (add --again to record it again)")
        file = store.copy_in(current, args.force, args.file)
        copied.append(file)
        if reading is None:
            return attach_reply(current, force_id=args.force, file=file, note=args.note, on=on)
        from datetime import date

        return record_reply(current, force_id=args.force, file=file, reading=reading,
                            on=on or reading.date or date.today())

    done = store.update(args.name, attach)
    print(f"recorded: {done.what}" if reading is not None else
          store.folder_for(done.value.name) / copied[0], file=sys.stderr if args.json else sys.stdout)
    return 0


def _read_reply(args: argparse.Namespace, request, act, force_id: str = ""):
    """The reply's reading with the user's corrections, or None for a file that is not a reply
    in words (a spreadsheet of figures): that is attached as it is."""
    from dataclasses import replace

    from composer.replies import READABLE, PartReading, ReplyKind, force_of, read_latest, reply_text

    if args.file.is_dir():
        raise ComposerError(f"{args.file}: is a folder, not a reply; give the reply's file")
    if args.file.suffix.lower() not in READABLE:
        if not args.apply:
            raise ComposerError(f"{args.file}: a reply is read from {', '.join(READABLE)}; add "
                                "--apply to attach this file as it is")
        return None
    reading = read_latest(reply_text(args.file), request, act, force_of(force_id))
    kind = reading.kind
    if args.kind:
        try:
            kind = ReplyKind(args.kind.strip().lower())
        except ValueError:
            raise ComposerError(f"unknown kind {args.kind!r}; use one of: "
                                f"{', '.join(k.value for k in ReplyKind)}") from None
    parts = dict(reading.parts)
    for spec in args.part:
        label, sep, what = spec.partition("=")
        if not sep or not label.strip():
            raise ComposerError(f"--part {spec!r}: write it as PART=WHAT, e.g. 1c=answered")
        parts[label.strip()] = PartReading.parse(what)
    return replace(reading, kind=kind, parts=parts)


def _reading_lines(reading, force_name: str) -> str:
    lines = [f"{force_name}: {reading.kind.label if reading.kind else 'kind not clear: give --kind'}"]
    if reading.reference:
        lines.append(f"reference: {reading.reference}")
    if reading.sections:
        lines.append(f"sections: {' '.join(reading.sections)}")
    lines += [f"{role}: {day.isoformat()}" for role, day in reading.dates.items()]
    if reading.asked:
        lines.append(f"asks: {reading.asked}")
    lines += [f"part {label}: {what}" for label, what in reading.parts.items()]
    if reading.unread:
        from composer.replies import UNREAD_NOTE

        lines.append(UNREAD_NOTE)
    if reading.letters > 1:
        from composer.replies import thread_note

        lines.append(thread_note(reading.letters))
    if reading.document:
        from composer.replies import document_note

        lines.append(f"{document_note()} (--part 1=answered, …), or give --kind")
    return "\n".join(lines)


def _campaign_export(args: argparse.Namespace) -> int:
    from composer.campaign.report import export_csv

    campaign = _store().load(args.name)
    print(export_csv(campaign, args.output, today_from(args.today)))
    return 0



def _campaign_check(args: argparse.Namespace) -> int:
    from composer.letters.followups import check_tracked
    from composer.operations.followups import latest_check
    from composer.replies import READABLE, reply_text

    store = _store()
    campaign = store.load(args.name)
    item = campaign.tracked(args.force)
    if args.file is None:
        result = latest_check(store, campaign, item.force_id)
        if result is None:
            from composer.operations.followups import NOT_NOTICES

            others = sorted({a.kind for a in item.attachments if a.kind in NOT_NOTICES})
            if others:
                raise ComposerError(f"no refusal notice is attached for {item.force_name}: the replies "
                                    f"attached are read as {', '.join(others)}, which a refusal "
                                    "notice's check does not fit; attach the notice or give --file")
            raise ComposerError(f"no reply attached for {item.force_name} can be read; attach the "
                                f"response ({', '.join(READABLE)}) or give --file")
    else:
        result = check_tracked(item, reply_text(args.file))
    print_check(result, args.json)
    return 0

