"""The `foi-composer` command line: a thin front over the core; each feature's commands live in
their own module under `composer.commands` and register themselves here.

Errors a user can act on go to stderr as one line and exit with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from composer import __version__
from composer.errors import ComposerError, unexpected

COMMAND_MODULES = ("core", "bank", "importing", "export", "check", "due", "holidays", "campaign",
                   "followup", "check_response", "order", "gui")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: same one-line shape, exit 2
        self.print_usage(sys.stderr)
        raise SystemExit(_fail(message))


def _fail(message: str) -> int:
    print(f"foi-composer: error: {message}", file=sys.stderr)
    return 2


START_HERE = """\
start here (your details first: no letter is valid without your name, s8):
  foi-composer profile --name "Ann Example" --email ann@example.org --address "1 High St; Leeds LS1 1AA"
  foi-composer new --modules "use_crime_mapping(identity,cost),format" --forces wmp,police_scotland -o request.foi.json
  foi-composer check request.foi.json --force police_scotland
  foi-composer export request.foi.json --to letters/

`foi-composer COMMAND --help` says more about each command."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="foi-composer",
        description="Compose, check, export and follow up Freedom of Information requests "
        "to UK police forces. With no command, opens the app.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=START_HERE,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"composer.commands.{name}").register(sub)
    return parser


def _opens_a_file(parser: argparse.ArgumentParser, argv: list[str]) -> bool:
    """`foi-composer FILE`: the first word is a file, not a command, so the app opens it."""
    if not argv or argv[0].startswith("-"):
        return False
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    return argv[0] not in commands and (Path(argv[0]).is_file() or argv[0].endswith(".foi.json"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # With nothing to parse the app opens: the twelve commands' parsers (a few hundred argparse
    # objects) are built only when there is a command line to read, not before the window.
    parser = build_parser() if argv else None
    if parser is not None and _opens_a_file(parser, argv):
        argv = ["gui", *argv]
    args = parser.parse_args(argv) if parser is not None else argparse.Namespace(command=None)
    try:
        if args.command not in (None, "gui"):  # the app does it once its window is painted
            from composer import storage

            storage.clean_data_folder()  # what a killed FOI Composer left in the data folder
        if args.command is None:
            from composer.commands import gui

            return gui.no_command()
        return int(args.func(args) or 0)
    except ComposerError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the data folder read-only, a file where a folder should be …
        from composer.storage import os_problem

        return _fail(str(os_problem(exc)))
    except Exception as exc:  # a fault of FOI Composer's own: one line, quoting nothing it was given
        if os.environ.get("FOI_COMPOSER_DEBUG"):
            raise
        return _fail(f"FOI Composer failed ({unexpected(exc)}): please report this line; "
                     "FOI_COMPOSER_DEBUG=1 shows the whole traceback, which may quote your request or profile")


if __name__ == "__main__":
    sys.exit(main())
