"""Core commands: forces, show, library, profile."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.commands import AS_JSON, FORCES_SPEC, SAVED_NAME, output_path, read_request, warn


def register(sub) -> None:
    p = sub.add_parser("forces", help="list the force directory")
    p.add_argument("--group", default="all", metavar="all|GROUP|ID,ID…",
                   help="which forces to list: " + FORCES_SPEC + " (default: all)")
    p.add_argument("--json", action="store_true", help=AS_JSON)
    change = p.add_mutually_exclusive_group()
    change.add_argument("--set-email", nargs=2, metavar=("ID", "ADDRESS"),
                        help="record a force's FOI email address, found on its own FOI page (kept in your "
                        "data folder's forces.json, laid over the bundled directory)")
    change.add_argument("--set-form", nargs=2, metavar=("ID", "URL"),
                        help="record the https address of a force's online request form, found on its own "
                        "FOI page (kept in your data folder's forces.json; nothing opens it)")
    change.add_argument("--clear-form", metavar="ID",
                        help="forget the online form recorded for a force (closed or moved): letters go by email")
    p.set_defaults(func=_forces)

    p = sub.add_parser("show", help="print a request as a force would read it")
    p.add_argument("file", type=Path, help="a .foi.json request or a plain-text letter")
    p.add_argument("--force", help="print it as this force will read it, with its name, its Act and the "
                   "clauses for it (`foi-composer forces` lists the ids; default: each field in words)")
    p.add_argument("--width", type=int, default=0, metavar="CHARACTERS",
                   help="wrap lines at this many characters (default: no wrapping)")
    p.set_defaults(func=_show)

    p = sub.add_parser("library", help="saved requests and shareable templates")
    lsub = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    q = lsub.add_parser("list", help="list saved requests")
    q.add_argument("--json", action="store_true", help=AS_JSON)
    q.set_defaults(func=_library_list)
    q = lsub.add_parser("save", help="save a request file into the library")
    q.add_argument("file", type=Path, help="a .foi.json request")
    q.add_argument("--name", help="name in the library (default: the request's title)")
    q.add_argument("--replace", action="store_true",
                   help="replace a request of that name (the earlier one goes to the bin); "
                   "without it a taken name becomes 'name (2)'")
    q.set_defaults(func=_library_save)
    q = lsub.add_parser("export", help="write a shareable template, personal data removed")
    q.add_argument("name", help=SAVED_NAME)
    q.add_argument("-o", "--output", type=output_path,
                   help="the file to write, or a folder (the file is named by the title); "
                   "a taken name becomes 'name (2)'; needed unless --dry-run")
    q.add_argument("--replace", action="store_true", help="overwrite the output file if it exists")
    q.add_argument("--keep-wording", action="store_true",
                   help="share every word as written (by default what was written for one force, its "
                   "name, Act or cost limit, becomes a field each letter fills for its own force, as "
                   "import does)")
    q.add_argument("--no-past", action="store_true",
                   help="leave out what forces did with its parts (by default the template carries the counts "
                   "from your campaigns and from the template it came from, if any, with the month, and no "
                   "campaign name, force or person)")
    q.add_argument("--keep-name", action="append", default=[], metavar="NAME",
                   help="keep this person's name in the template, as the removal list writes it (a public "
                   "office-holder named in a question, say); by default every name found is taken out; "
                   "may be given more than once")
    q.add_argument("--dry-run", action="store_true",
                   help="say what would be removed, carried and changed, and write nothing")
    q.set_defaults(func=_library_export)
    q = lsub.add_parser("import", help="add a shared template to the library")
    q.add_argument("file", type=Path, help="the shared template (.foi.json)")
    q.set_defaults(func=_library_import)
    q = lsub.add_parser("delete", help="move a saved request to the bin")
    q.add_argument("name", help=SAVED_NAME)
    q.set_defaults(func=_library_delete)
    q = lsub.add_parser("restore", help="bring a request back from the bin")
    q.add_argument("name", help="the request's name in the bin (`foi-composer library list` names them)")
    q.set_defaults(func=_library_restore)

    p = sub.add_parser("profile", help="show or set your details (kept on this machine only)")
    p.add_argument("--name", help="your real name: a request without it is not valid (section 8 of either Act)")
    p.add_argument("--email", help="your email address, where forces answer")
    p.add_argument("--address", action="append",
                   help="your postal address: give the option once for each line, or separate the lines with ';'")
    p.add_argument("--organisation", help="an organisation you write for, if any")
    p.add_argument("--json", action="store_true", help=AS_JSON)
    p.set_defaults(func=_profile)


def _forces(args: argparse.Namespace) -> int:
    from composer.dates import month_year
    from composer.forces import listing_page, load_directory, missing_address, unconfirmed_address

    if args.set_email:
        from composer.operations.forces import set_foi_address

        print(set_foi_address(*args.set_email).what)
        return 0
    if args.set_form or args.clear_form:
        from composer.operations.forces import clear_online_form, set_online_form

        done = set_online_form(*args.set_form) if args.set_form else clear_online_form(args.clear_form)
        print(done.what)
        return 0
    forces = load_directory().resolve(args.group)
    for force in [f for f in forces if missing_address(f)][:1]:  # the way to add an address, said once
        print(f"foi-composer: note: {force.name}: {missing_address(force)}", file=sys.stderr)
    unconfirmed = [f for f in forces if unconfirmed_address(f)]
    if unconfirmed:  # what "unconfirmed" means, said once
        listed = sorted({month_year(f.email_checked) for f in unconfirmed if f.email_checked})
        which = (f"{len(unconfirmed)} of these FOI addresses are unconfirmed: each is" if len(unconfirmed) > 1
                 else f"{unconfirmed[0].name}'s FOI address is unconfirmed: it is")
        print(f"foi-composer: note: {which} the one WhatDoTheyKnow listed ({', '.join(listed)}) and no "
              "newer source confirms it; before "
              "sending, check it on the WhatDoTheyKnow page given beside it or on the force's own FOI page, "
              "and set a changed one with `foi-composer forces --set-email ID ADDRESS`", file=sys.stderr)
    if args.json:
        print(json.dumps([f.model_dump(mode="json") for f in forces], indent=2, ensure_ascii=False))
        return 0
    for f in forces:
        email = f.foi_email or "(no FOI email known)"
        check = f"  unconfirmed: check {listing_page(f)}" if unconfirmed_address(f) else ""
        form = f"  online form: {f.foi_form}" if f.foi_form else ""
        print(f"{f.id:<34} {f.act.value:<6} {f.nation.value:<17} {f.name}  <{email}>{check}{form}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from composer.commands import open_for_letters
    from composer.forces import load_directory
    from composer.outline import body_as_text, readable_body

    request = open_for_letters(args.file)
    force = load_directory().get(args.force) if args.force else None
    body = readable_body(request, force)  # with no force, its fields in words
    print(body_as_text(body, width=args.width), end="")
    return 0


def _library_list(args: argparse.Namespace) -> int:
    from composer.law import readable
    from composer.library import SUFFIX, Library

    library = Library()
    listing = library.list()
    for problem in listing.problems:
        print(f"foi-composer: warning: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps([{"name": e.name, "title": e.request.title, "parts": len(e.request.parts),
                           "path": str(e.path)} for e in listing.entries], indent=2))
    else:
        from composer.model import counted

        for e in listing.entries:
            size = counted(len(e.request.parts), "part")
            subparts = sum(len(p.subparts) for p in e.request.parts)
            if subparts:
                size += f", {counted(subparts, 'sub-part')}"
            print(f"{e.name}\t{size}\t{readable(e.request.title, e.request)}")
        if not listing.entries and listing.problems:
            print("No request in the library can be read (see above).", file=sys.stderr)
        elif not listing.entries:
            print("The library is empty: save a request into it with `foi-composer library save FILE` "
                  "(`import` and the app save there too).", file=sys.stderr)
        binned = [path.name.removesuffix(SUFFIX) for path in library.binned()]
        if binned:
            print(f"In the bin: {'; '.join(binned)} (bring one back with `foi-composer library "
                  "restore NAME`)", file=sys.stderr)
    return 0


def _library_save(args: argparse.Namespace) -> int:
    from composer.law import readable
    from composer.library import Library

    library = Library()
    request = read_request(args.file)
    path = library.save(request, args.name, replace=args.replace)
    wanted = library.path_for_title(args.name or readable(request.title, request))
    if path != wanted:
        print(f"note: {wanted.name} is taken, so saved as {path.name}", file=sys.stderr)
    print(path)
    return 0


def _print_removed(removed: list[str]) -> None:
    for what in removed:
        print(f"removed: {what}", file=sys.stderr)


def _library_export(args: argparse.Namespace) -> int:
    from composer.campaign.history import adds_yours, carried_words
    from composer.commands.check import past_replies
    from composer.commands.importing import _print_changes
    from composer.library import UNFOUND_NAMES, Library, names_removed, write_template
    from composer.operations.fitting import shareable
    from composer.profile import load_profile

    if args.output is None and not args.dry_run:  # a dry run writes nothing, so needs no place
        from composer.errors import ComposerError

        raise ComposerError("say where to write the template with -o FILE or -o FOLDER "
                            "(or see what it would hold with --dry-run)")
    requester, _ = load_profile()
    request = Library().load(args.name)
    past = None if args.no_past else past_replies()
    shared, removed, changes = shareable(request, requester, keep_wording=args.keep_wording, past=past,
                                         carry=not args.no_past, keep_names=args.keep_name)
    path = None if args.dry_run else write_template(shared, Path(args.output), replace=args.replace)
    _print_removed(removed)
    names = names_removed(removed)
    if names:
        print(f"note: to keep a name, export with --keep-name, e.g. --keep-name \"{names[0]}\"", file=sys.stderr)
    print(f"note: {UNFOUND_NAMES}", file=sys.stderr)
    carried = carried_words(shared, yours=adds_yours(request, shared))
    if carried:
        print(f"carried: {carried}", file=sys.stderr)
    _print_changes(shared, changes, stream=sys.stderr)
    if changes:
        print("changed: (export with --keep-wording to share every word as written)", file=sys.stderr)
    print(path if path is not None else "nothing written (--dry-run)")
    return 0


def _library_import(args: argparse.Namespace) -> int:
    from composer.campaign.history import carried_words
    from composer.library import Library, load_request
    from composer.profile import load_profile

    requester, _ = load_profile()
    library = Library()
    said: list[str] = []
    path, removed = library.import_template(args.file, requester, said)
    for line in said:
        warn(line)
    _print_removed(removed)
    carried = carried_words(load_request(path), yours=False)
    if carried:
        print(f"carries: {carried}; the checker shows it on the same parts", file=sys.stderr)
    print(path)
    return 0


def _library_delete(args: argparse.Namespace) -> int:
    from composer.library import Library

    print(Library().delete(args.name))
    return 0


def _library_restore(args: argparse.Namespace) -> int:
    from composer.library import Library

    print(Library().restore(args.name))
    return 0


def _profile(args: argparse.Namespace) -> int:
    from composer.profile import load_profile, update_profile, with_changes

    def change(requester):
        return with_changes(requester, name=args.name, email=args.email, address=args.address,
                            organisation=args.organisation)

    if any(v is not None for v in (args.name, args.email, args.address, args.organisation)):
        requester, problem = update_profile(change)
    else:
        requester, problem = load_profile()
    if problem:
        print(f"foi-composer: warning: {problem}", file=sys.stderr)
    if args.json:
        print(requester.model_dump_json(indent=2))
    else:
        print(f"name:         {requester.name or '(not set)'}")
        print(f"email:        {requester.email or '(not set)'}")
        print(f"address:      {', '.join(requester.postal_address) or '(not set)'}")
        print(f"organisation: {requester.organisation or '(not set)'}")
    return 0
