"""`foi-composer check FILE [--force ID] [--json]`: read a request the way a police FOI officer
would, and say part by part what may get it delayed, narrowed or refused.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "check",
        help="check a request for what may get it delayed, narrowed or refused",
        description="Check a request (a saved .foi.json or a plain-text letter) the way a police "
        "FOI officer would read it: validity (s8), cost (s12), personal data (s40), exemptions, "
        "clarity, format, jurisdiction, tone and completeness. Exit status 0: no errors; 1: at "
        "least one error; 2: the file cannot be read.",
    )
    p.add_argument("file", type=Path, help="a .foi.json request or a plain-text letter")
    p.add_argument("--force", help="force id (see `foi-composer forces`): check against its Act, "
                   "cost limit and name")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--why", action="store_true",
                   help="under each finding, all of how the checker got there (without it: the first three "
                   "lines), including the evidence it folded in; `foi-composer order` shows the hours part by part")
    p.add_argument("--no-history", action="store_true",
                   help="leave out what forces did with the same parts in your saved campaigns")
    p.set_defaults(func=_check)


def _requester(path: Path, request_is_json: bool, text: str):
    """The profile's requester, and whether its name was taken from the letter's sign-off (a
    name signed under the letter counts when the profile has none)."""
    from composer.checker import signoff_name
    from composer.model import Requester
    from composer.profile import load_profile

    requester, problem = load_profile()
    if problem:
        print(f"foi-composer: warning: {problem}", file=sys.stderr)
    if not requester.is_known and not request_is_json:
        signed = signoff_name(text)
        if signed:
            return Requester.model_validate(requester.model_dump() | {"name": signed}), True
    return requester, False


def past_replies():
    """The history of the saved campaigns; a damaged campaign file is set aside and said once."""
    from composer.campaign.history import saved_history

    history, problems = saved_history()
    for problem in problems:
        print(f"foi-composer: warning: {problem}", file=sys.stderr)
    return history


def _check(args: argparse.Namespace) -> int:
    from composer import storage
    from composer.checker import Finding
    from composer.checker.reading import request_from_text
    from composer.checker.sections import LAW
    from composer.errors import ComposerError, NotSubjectToFOI
    from composer.forces import load_directory
    from composer.campaign.history import with_history
    from composer.letters.judgement import judge
    from composer.model import Act
    from composer.commands import open_for_letters
    from composer.library import SUFFIX

    text = storage.read_text(args.file, "request")  # FileProblem: exit 2 with one line
    is_json = args.file.name.endswith(SUFFIX) or text.lstrip().startswith("{")
    notes: list[str] = []
    try:  # a text letter is fitted to every force as export fits it: check and export judge alike
        request = open_for_letters(args.file, notes)  # ComposerError: exit 2 with one line
    except ComposerError:
        if is_json:
            raise
        # readable text is always checked: prose is read as parts, anything else as one part
        request, notes = request_from_text(text, source=str(args.file))
        if request is None:
            raise ComposerError(notes[0]) from None
    requester, signed = _requester(args.file, is_json, text)

    force = None
    extra: list[Finding] = []
    if args.force:
        try:
            force = load_directory().get(args.force)
        except NotSubjectToFOI as exc:
            extra.append(Finding(
                rule="validity.not-foi-body", category="validity", severity="error", part_id=None,
                message=f"{exc}", law=LAW["not_foi"][Act.FOIA],
                suggestion="Send the request to a public authority that may hold the information.",
            ))
    findings = extra + judge(request, force, requester)
    if not args.no_history:  # what forces did with these parts in your saved campaigns
        findings = with_history(findings, request, past_replies(), force.act if force else Act.FOIA)
    if signed:  # the author of a signed letter replies from their own address
        findings = [f for f in findings if f.rule != "validity.no-address"]
    numbers = {n.part.id: n.number for n in request.numbered()}

    if args.json:
        out = {
            "parts": sum(1 for _ in request.all_parts()),
            "notes": notes,
            "findings": [f.as_dict(numbers.get(f.part_id) if f.part_id else None) for f in findings],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for note in notes:
            if note.startswith(("read as prose", "this text does not")):
                print(f"Note: {note}")
        _print_human(request, force, findings, numbers, why=args.why)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _print_human(request, force, findings, numbers: dict[str, str], why: bool = False) -> None:
    from composer.law import readable

    count = sum(1 for _ in request.all_parts())
    against = f" for {force.name} ({force.act.value})" if force else ""
    title = readable(request.title, request, force).strip() or type(request).model_fields["title"].default
    print(f"{title}: {count} part{'s' if count != 1 else ''} checked{against}")
    if not findings:
        print("\nNo findings: nothing here is likely to get the request delayed, narrowed or refused.")
        return
    width = 100
    current: object = ()
    for f in findings:
        if f.part_id != current:
            current = f.part_id
            heading = "Whole request" if f.part_id is None else f"Part {numbers.get(f.part_id, '?')}"
            part = request.find(f.part_id) if f.part_id else None
            said = readable(part.text, request, force) if part is not None else ""  # as the force reads it
            print(f"\n{heading}" + (f": {_short(said)}" if said.strip() else ""))
        print(textwrap.fill(f.message, width, initial_indent=f"  {f.severity.upper():<8}",
                            subsequent_indent=" " * 10))
        print(textwrap.fill(f"Law: {f.law}  [{f.rule}]", width, initial_indent=" " * 10,
                            subsequent_indent=" " * 10))
        if f.suggestion:
            print(textwrap.fill(f"Suggestion: {f.suggestion}", width, initial_indent=" " * 10,
                                subsequent_indent=" " * 10))
        # How the checker read it: the reading, the estimate, the counts; all of it, and the
        # guidance it rests on, with --why.
        for line in f.why() if why else f.why()[:3]:
            print(textwrap.fill(f"Why: {line}", width, initial_indent=" " * 10, subsequent_indent=" " * 14))
        for url in f.sources() if why else ():
            print(f"{' ' * 10}Source: {url}")  # whole, so that it can be copied or clicked
    totals = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    print(f"\n{totals['error']} error(s), {totals['warning']} warning(s), {totals['info']} note(s)")


def _short(text: str, limit: int = 70) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"
