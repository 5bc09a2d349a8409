"""Commands: `export` (one letter per force into a folder) and `templates` (list, check, add)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from composer.commands import A_DATE, add_forces_option, forces_for, output_path
from composer.dates import parse_date
from composer.errors import ComposerError


def _day(text: str) -> date:
    try:
        return parse_date(text, "--date")
    except ComposerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub) -> None:
    p = sub.add_parser(
        "export",
        help="write one letter per force: Word, text, email or PDF",
        description="Write the request as a letter to each force, one file per force, into a "
        "folder. Each force's letter is checked first, exactly as `check --force` checks it: a "
        "letter with an error is not written (exit status 1, naming the force, the part, the "
        "finding and its fix) unless --anyway is given. Prints the files written, one per line; "
        "failures go to stderr (exit status 1).",
    )
    p.add_argument("file", type=Path, help="a .foi.json request or a plain-text letter")
    add_forces_option(p)
    p.add_argument("--to", required=True, type=output_path, metavar="DIR", help="the folder to write to")
    p.add_argument("--format", default="docx", choices=("docx", "txt", "eml", "pdf"),
                   help="docx (default), txt (to paste into WhatDoTheyKnow), eml (an email "
                   "draft), or pdf (needs LibreOffice)")
    p.add_argument("--template", metavar="NAME",
                   help="letter template for docx and pdf: formal (default), email, one of "
                   "yours (`foi-composer templates` lists them) or a .docx path")
    p.add_argument("--name", help="your name, for this export only (default: your profile)")
    p.add_argument("--email", help="your email address, for this export only")
    p.add_argument("--date", type=_day, default=None, metavar="DATE", help=f"the date written on the letters ({A_DATE}; default: today)")
    p.add_argument("--reference", help="a reference of your own, printed on each letter")
    p.add_argument("--anyway", action="store_true",
                   help="write letters even where the checker finds an error for that force")
    p.set_defaults(func=_export)

    p = sub.add_parser("templates", help="list letter templates, or check and add your own")
    p.add_argument("--check", type=Path, metavar="FILE", help="check a .docx template and say what is wrong")
    p.add_argument("--add", type=Path, metavar="FILE", help="check a .docx template and add it to yours")
    p.add_argument("--variables", action="store_true", help="list the fields a template can fill in, and what each holds")
    p.set_defaults(func=_templates)


def _warn(message: str) -> None:
    print(f"foi-composer: warning: {message}", file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    from composer.letters import export_batch
    from composer.letters.judgement import shared_lines, shared_messages
    from composer.commands import open_for_letters
    from composer.profile import load_profile, with_changes

    request = open_for_letters(args.file)
    forces = forces_for(args.forces, request)
    requester, problem = load_profile()
    if problem:
        _warn(problem)
    requester = with_changes(requester, name=args.name, email=args.email)
    summary = export_batch(
        request,
        forces,
        args.to,
        fmt=args.format,
        template=args.template,
        requester=requester,
        date=args.date or date.today(),
        reference=args.reference,
        anyway=args.anyway,
    )
    for path in summary.written:
        print(path)
    everyone = [f.name for f in forces]
    for message in shared_messages(summary.warnings, everyone):
        _warn(message)
    for force, why in summary.failed:
        print(f"foi-composer: failed: {force.name}: {why}", file=sys.stderr)
    for line in shared_lines(summary.refused, everyone):
        print(f"foi-composer: not written: {line}", file=sys.stderr)
    if summary.refused:
        count = len(summary.refused)
        names = (f" ({', '.join(j.force.name for j in summary.refused)})"
                 if count <= 5 else "")
        print(f"foi-composer: {count} letter{'' if count == 1 else 's'} not written{names}: fix "
              "the errors above (`foi-composer check FILE --force ID` shows them), or add "
              "--anyway to write them as they are", file=sys.stderr)
    return 1 if summary.failed or summary.refused else 0


def _templates(args: argparse.Namespace) -> int:
    from composer.letters import (
        TEMPLATE_VARIABLES,
        check_template,
        install_template,
        list_templates,
    )

    if args.variables:
        width = max(len(n) for n in TEMPLATE_VARIABLES)
        for name, meaning in TEMPLATE_VARIABLES.items():
            print(f"{name:<{width}}  {meaning}")
        return 0
    if args.check:
        template = check_template(args.check)
        print(f"{args.check}: can be used; it uses {', '.join(sorted(template.variables)) or 'no variables'}")
        return 0
    if args.add:
        print(install_template(args.add))
        return 0
    for info in list_templates():
        print(f"{info.name}\t{'built-in' if info.builtin else 'yours'}\t{info.path}")
    return 0
