"""`foi-composer import`: turn a request written as plain text into a `.foi.json` request, fitted
to every force; `foi-composer fit`: fit a saved request to every force."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from composer.commands import add_forces_option, output_path, read_request
from composer.errors import ComposerError


def register(sub) -> None:
    p = sub.add_parser(
        "import",
        help="read a request written as text (a letter, an email, a disclosure-log page)",
        description="Read a request written as plain text and save it as a .foi.json request. "
        "The greeting, sign-off and page text around the request are left out; the cost-limit "
        "and format sentences become options. What was written for one force (its name, its "
        "Act and sections, its equality duty, its cost limit) becomes a field each letter fills "
        "for its own force; each change is printed, and --keep-wording turns this off. Notes on "
        "what was recognised go to stderr.",
    )
    p.add_argument("textfile", help="the letter to read: a text file, a Word file (.docx), a PDF or an email (.eml); or - for standard input")
    p.add_argument(
        "-o", "--output", type=lambda text: text if text == "-" else output_path(text),
        help="the .foi.json file to write (a folder: a file named after the title in it); "
        "- prints the request; without -o it is saved in the library",
    )
    p.add_argument("--replace", action="store_true", help="overwrite the output file if it exists")
    p.add_argument("--title", help="the request's title (default: the heading or topic found in the text)")
    p.add_argument("--keep-wording", action="store_true",
                   help="keep every word as written: do not fit the request to every force")
    add_forces_option(p, default="none; name them here or when you export")
    p.set_defaults(func=_import)

    p = sub.add_parser(
        "fit",
        help="fit a request to every force: one force's names, Act and duty become fields",
        description="Find what in a saved request was written for one force (its name, short "
        "name or abbreviation, its Act and sections, its equality duty, its cost limit, part "
        "numbers in a format sentence) and turn each into a field that every letter fills for "
        "its own force. Prints each change; writes the request back (or to -o).",
    )
    p.add_argument("file", type=Path, help="a .foi.json request")
    p.add_argument("-o", "--output", type=output_path, help="write here instead of over FILE")
    p.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    p.set_defaults(func=_fit)


def _import(args: argparse.Namespace) -> int:
    from composer import storage
    from composer.law import readable
    from composer.library import SUFFIX, Library, request_text, save_request, slug
    from composer.operations.fitting import import_text

    if args.textfile == "-":
        source = "standard input"
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        text, read_notes = storage.decode_or_refuse(data, source, "request text")
    else:
        source = args.textfile
        read_notes = []
        text = request_text(Path(args.textfile), read_notes)
    request, notes, changes = import_text(
        text, source=source, keep_wording=args.keep_wording, title=args.title
    )
    notes = read_notes + notes + _personal_data_notes(request, text)
    if args.forces:
        from composer.forces import load_directory
        from composer.operations.request import set_forces

        forces = load_directory().resolve(args.forces)
        request = set_forces(request, force_ids=[f.id for f in forces]).value
    else:
        notes.append("no forces are saved with it: export with --forces (all, a group or force "
                      "ids), or import with --forces to save them")

    if args.output == "-":
        _print_notes(notes)
        _print_changes(request, changes)
        print(request.model_dump_json(indent=2))
        return 0
    if args.output is None:
        path = Library().save(request, replace=False)
    else:
        path = Path(args.output)
        if path.is_dir():
            path = path / f"{slug(readable(request.title, request))}{SUFFIX}"
        elif path.exists() and not args.replace:
            raise ComposerError(f"{path}: already exists; choose another name or add --replace")
        path = save_request(path, request, replace=args.replace)
    _print_notes(notes)
    _print_changes(request, changes)
    print(path)
    return 0


def _fit(args: argparse.Namespace) -> int:
    from composer.library import save_request
    from composer.operations.fitting import fit_to_every_force

    request = read_request(args.file)
    done = fit_to_every_force(request)
    fitted, changes = done.value, list(done.changes)
    _print_changes(fitted, changes, stream=sys.stdout)
    if not changes:
        print("nothing in it is written for one force only: every letter already fits its force")
        return 0
    if not args.dry_run:
        target = save_request(args.output or args.file, fitted, replace=args.output is None)
        print(target)
    return 0


def _print_changes(request, changes, stream=None) -> None:
    """Each change fitting the request to every force, one line each (stderr beside the notes)."""
    from composer.adaptation import describe

    out = stream or sys.stderr
    for change in changes:
        print(f"changed: {describe(request, change)}", file=out)
    if changes and stream is None:
        print("note: to keep every word as written, import with --keep-wording", file=out)


def _personal_data_notes(request, text: str = "") -> list[str]:
    """A letter copied in whole often carries its writer's address, email or phone number in its
    words: say so, since every letter signs with the profile's details anyway. With no profile
    yet, the name its sign-off gives (taken off with the sign-off) is looked for as the profile's is."""
    from composer.library import strip_personal_data
    from composer.profile import load_profile
    from composer.textimport import signoff_name

    requester, _ = load_profile()
    if not requester.is_known and (signed := signoff_name(text)):
        requester = requester.model_copy(update={"name": signed})
    _, removed = strip_personal_data(request, requester)
    found = [r for r in removed if r != "private notes"]
    if not found:
        return []
    return [f"the wording holds personal details ({'; '.join(found)}): each letter signs with your "
            "details from your profile, so you may take them out (a template you share has them removed)"]


def _print_notes(notes: list[str]) -> None:
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
