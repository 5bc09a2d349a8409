"""`foi-composer import`: turn a request written as plain text into a `.foi.json` request."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from composer.errors import ComposerError


def register(sub) -> None:
    p = sub.add_parser(
        "import",
        help="read a request written as text (a letter, an email, a disclosure-log page)",
        description="Read a request written as plain text and save it as a .foi.json request. "
        "The greeting, sign-off and page text around the request are left out; the cost-limit "
        "and format sentences become options. Notes on what was recognised go to stderr.",
    )
    p.add_argument("textfile", help="the text file to read, or - for standard input")
    p.add_argument(
        "-o", "--output",
        help="the .foi.json file to write (a folder: a file named after the title in it); "
        "- prints the request; without -o it is saved in the library",
    )
    p.add_argument("--replace", action="store_true", help="overwrite the output file if it exists")
    p.set_defaults(func=_import)


def _import(args: argparse.Namespace) -> int:
    from composer import storage
    from composer.library import SUFFIX, Library, save_request, slug
    from composer.textimport import parse_request_with_report

    if args.textfile == "-":
        text, source = _read_stdin(), "standard input"
    else:
        source = args.textfile
        text = storage.read_text(Path(args.textfile), "request text")
    request, notes = parse_request_with_report(text, source=source)

    if args.output == "-":
        _print_notes(notes)
        print(request.model_dump_json(indent=2))
        return 0
    if args.output is None:
        path = Library().save(request, replace=False)
    else:
        path = Path(args.output)
        if path.is_dir():
            path = storage.unique_path(path / f"{slug(request.title)}{SUFFIX}")
        elif path.exists() and not args.replace:
            raise ComposerError(f"{path}: already exists; choose another name or add --replace")
        save_request(path, request)
    _print_notes(notes)
    print(path)
    return 0


def _print_notes(notes: list[str]) -> None:
    for note in notes:
        print(f"note: {note}", file=sys.stderr)


def _read_stdin() -> str:
    """Standard input, with the same refusals as a file: empty, binary, not text."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    if not data.strip():
        raise ComposerError("standard input: the request text is empty")
    if b"\x00" in data[:8192]:
        raise ComposerError("standard input: is binary, not a request text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
