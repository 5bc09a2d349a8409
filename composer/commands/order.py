"""`foi-composer order FILE [--force ID | --act foia|foisa] [--suggest [--save]]`: the order for
the cost limit. Each part and sub-part in the order the force would answer them, its estimated
hours and why, the running total against the Act's limit, and where a force would likely stop.
`--suggest` shows the order the app would suggest (most wanted first, then cheapest); `--save`
writes that order into a saved request (.foi.json); `--json` prints the plan for scripts.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from composer.commands import act_choice, read_request


def register(sub) -> None:
    p = sub.add_parser(
        "order",
        help="estimated hours per part, the running total against the cost limit, and where a "
        "force would likely stop",
        description="Show the order for the cost limit: every part and sub-part in the order a force "
        "would answer them, with its estimated hours (and why), the running total against the "
        "limit of the force's Act in hours, and the line where a force would likely stop answering.",
    )
    p.add_argument("file", type=Path, help="a .foi.json request or a plain-text letter")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--force", help="force id (`foi-composer forces` lists them): use its Act's cost limit")
    which.add_argument("--act", type=act_choice, metavar="foia|foisa",
                       help="use this Act's limit (default: the Act of the request's forces, else FOIA)")
    p.add_argument("--suggest", action="store_true",
                   help="show the suggested order: most wanted first, then cheapest")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    p.add_argument("--save", action="store_true",
                   help="with --suggest: write the suggested order into FILE (a .foi.json request)")
    p.set_defaults(func=_order)


def _order(args: argparse.Namespace) -> int:
    from composer import costplan, storage
    from composer.checker.reading import request_from_text
    from composer.errors import ComposerError
    from composer.forces import load_directory
    from composer.law import LAWS
    from composer.library import SUFFIX, save_request
    from composer.model import Act
    from composer.operations.request import accept_order

    text = storage.read_text(args.file, "request")
    is_json = args.file.name.endswith(SUFFIX) or text.lstrip().startswith("{")
    if args.save and not (args.suggest and is_json):
        raise ComposerError("--save writes the suggested order into a saved request: use it with "
                            "--suggest on a .foi.json file")
    if is_json:
        request = read_request(args.file)
    else:
        request, notes = request_from_text(text, source=str(args.file))
        if request is None:
            raise ComposerError(notes[0])
    if not any(part.text.strip() for part in request.all_parts()):
        raise ComposerError(f"{args.file}: the request has no parts to order; add some first")
    force = load_directory().get(args.force) if args.force else None
    law = LAWS[Act(args.act)] if args.act else costplan.law_of(request, force)
    plan = (costplan.suggest(request, law, force=force) if args.suggest
            else costplan.plan(request, law, force=force))
    if args.json:
        print(json.dumps(_as_json(plan), indent=2, ensure_ascii=False))
    else:
        _print_plan(plan, request, force)
    if args.suggest:
        current = costplan.is_current(request, plan)
        if args.save and not current:
            save_request(args.file, accept_order(request, order=plan.order, subparts=plan.subparts).value)
        said = ("The request already reads in this order." if current else
                f"Saved this order into {args.file}." if args.save else
                "To use this order, accept it in the app (Order for the cost limit) or run again with --save.")
        if not args.json:
            print(f"\n{said}")
    return 0


def _as_json(plan) -> dict:
    stop = plan.stop_index
    return {
        "act": plan.law.short_title,
        "limit_hours": plan.limit,
        "total_hours": round(plan.total, 2),
        "stop_before": plan.rows[stop].number if stop is not None else None,
        "parts": [{"number": r.number, "id": r.part_id, "parent": r.parent_id, "priority": r.priority,
                   "hours": round(r.hours, 2), "added_hours": round(r.added, 2),
                   "running_hours": round(r.running, 2), "within": r.within,
                   "estimate": r.cost.words, "reading": r.cost.reading, "remedy": r.cost.remedy,
                   "why_here": plan.reasons.get(r.part_id)} for r in plan.rows],
        "notes": plan.notes,
    }


def _print_plan(plan, request, force) -> None:
    """Each part as `force` will read it (no force: its fields in words)."""
    from composer.costplan import hours_words, limit_words, shared_words
    from composer.law import readable

    who = f"{force.name}: " if force else ""
    print(f"{who}limit {limit_words(plan.law)}")
    stop = plan.stop_index
    width = 100
    for i, row in enumerate(plan.rows):
        if i == stop:
            print("-" * 20 + " a force would likely stop here: the parts below would go unanswered " + "-" * 10)
        indent = "    " if row.parent_id else ""
        rank = f" [priority {row.priority}]" if row.priority else ""
        head = f"{indent}{row.number}. {_short(readable(row.text, request, force))}{rank}"
        print(head)
        figures = f"{hours_words(row.hours):>7}  total {hours_words(row.running):>7}"
        print(textwrap.fill(row.cost.words, width, initial_indent=f"{indent}   {figures}  ",
                            subsequent_indent=" " * (len(indent) + 29)))
        pad = " " * (len(indent) + 29)
        if shared_words(row):
            print(textwrap.fill(shared_words(row), width, initial_indent=pad, subsequent_indent=pad))
        if plan.reasons.get(row.part_id):
            print(textwrap.fill(f"why here: {plan.reasons[row.part_id]}", width, initial_indent=pad,
                                subsequent_indent=pad))
    print()
    for note in plan.notes:
        print(textwrap.fill(note, width))


def _short(text: str, limit: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"
