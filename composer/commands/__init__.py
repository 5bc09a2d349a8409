"""Command-line commands, one module per feature; each has `register(subparsers)`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from composer.errors import ComposerError

if TYPE_CHECKING:
    from composer.model import Force, Request

# Help for arguments many commands take, worded once.
CAMPAIGN_NAME = "the campaign's name (`foi-composer campaign list` lists them)"
FORCE_ID = "force id (`foi-composer forces` lists them)"
SAVED_NAME = "the request's name in the library (`foi-composer library list` lists them)"
AS_JSON = "print JSON, for scripts"
A_DATE = "YYYY-MM-DD or DD/MM/YYYY"
# The Acts' titles as composer.law holds them (a test keeps them equal), written here so that
# building the parser loads neither the law nor pydantic.
AN_ACT = ("foia (the Freedom of Information Act 2000) or foisa (the Freedom of Information (Scotland) "
          "Act 2002, for Scottish public bodies such as Police Scotland)")
JUDGED_ON = f"the date to judge lateness by ({A_DATE}; default: today)"

FORCES_SPEC = ("all, a group (territorial, england, wales, scotland, northern-ireland, national), "
               "or force ids separated by commas")


class _AddForces(argparse.Action):
    """`--forces` given more than once names every force given, not only the last: `--forces
    the_met --forces wmp` (or `--force` twice, which argparse takes as short for it, as `check
    --force` is spelled) is `--forces the_met,wmp`."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        earlier = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, f"{earlier},{values}" if earlier else values)


def add_forces_option(parser: argparse.ArgumentParser, *, required: bool = False,
                      default: str = "the forces saved with the request") -> None:
    parser.add_argument("--forces", required=required, metavar="all|GROUP|ID,ID…", action=_AddForces,
                        help=f"{FORCES_SPEC}, or the option given once for each"
                        + ("" if required else f" (default: {default})"))


def forces_for(spec: str | None, request: Request) -> list[Force]:
    """The forces `--forces` names, else those saved with the request."""
    from composer.forces import load_directory

    if spec:
        return load_directory().resolve(spec)
    if request.forces:
        return load_directory().resolve(",".join(request.forces))
    raise ComposerError("the request does not say which forces it goes to; name them with "
                        f"--forces: {FORCES_SPEC}")


def open_for_letters(path, notes: list[str] | None = None) -> Request:
    """A saved request, or a letter written as text read and fitted to every force exactly as
    `import` fits it, so that each force's letter names that force and its Act. `notes`, when
    given, gets the notes on how a text letter was read; what is said of a saved request (a
    damaged record of what forces did, left out) is printed as a warning."""
    from pathlib import Path

    from composer import storage
    from composer.library import DOCUMENTS, SUFFIX, request_text
    from composer.operations.fitting import import_text

    path = Path(path)
    if path.suffix.lower() in DOCUMENTS:
        text = request_text(path)
    else:
        text = storage.read_text(path, "request")
        if path.name.endswith(SUFFIX) or text.lstrip().startswith("{"):
            return read_request(path)
    request, read, changes = import_text(text, source=str(path))
    if notes is not None:
        notes.extend(read)
    if changes:
        print(f"note: {path.name} was read as text and fitted to every force ({len(changes)} "
              f"change{'s' if len(changes) != 1 else ''}; `foi-composer import` lists them and saves "
              "the request)", file=sys.stderr)
    return request


def read_request(path) -> Request:
    """`library.open_request`, what it says of the file printed as warnings."""
    from composer.library import open_request

    said: list[str] = []
    request = open_request(path, said)
    for line in said:
        warn(line)
    return request


def warn(message: str | None) -> None:
    """A warning on stderr, in the same one-line shape as errors."""
    if message:
        print(f"foi-composer: warning: {message}", file=sys.stderr)


def output_path(text: str):
    """An output option (`-o`, `--csv`, `--png`): a name written with a trailing slash is a
    folder, made if missing, so `-o shared/` writes into it (the command names the file there)
    rather than writing a file called 'shared'."""
    from pathlib import Path

    if not text.strip():  # "" would be the current folder, written into without a word
        raise argparse.ArgumentTypeError("no name given: name the file or folder to write to")
    path = Path(text)
    if text.endswith(("/", "\\")) and not path.is_dir():
        if path.exists():
            raise argparse.ArgumentTypeError(f"{text}: a file of that name is there, not a folder; "
                                             "name another folder")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise argparse.ArgumentTypeError(
                f"{text}: the folder cannot be made ({exc.strerror or exc})") from None
    return path


def act_choice(text: str) -> str:
    """`--act foia|foisa`, for argparse."""
    value = text.strip().upper()
    if value not in ("FOIA", "FOISA"):
        raise argparse.ArgumentTypeError(f"{text!r} is not an Act; use foia or foisa")
    return value


def today_from(text: str | None):
    """`--today`: the date to judge by, default today."""
    from datetime import date

    from composer.dates import parse_date

    return parse_date(text, "--today") if text else date.today()


def sent_on(text: str, option: str = "--sent"):
    """`--sent`: the day the letters went, which every force's deadline counts from; one after
    today is named (`operations.campaign.sent_later_than_today`)."""
    from composer.dates import parse_date
    from composer.operations.campaign import sent_later_than_today

    day = parse_date(text, option)
    later = sent_later_than_today(day)
    if later:
        warn(f"{option} {later}")
    return day


def print_check(result, as_json: bool) -> None:
    """A refusal-notice check, as lines or as JSON."""
    if as_json:
        print(json.dumps(result.as_json(), indent=2))
    else:
        print("\n".join(result.lines()))
