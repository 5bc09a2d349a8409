"""Command-line commands, one module per feature; each has `register(subparsers)`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from composer.errors import ComposerError

if TYPE_CHECKING:
    from composer.model import Force, Request

FORCES_SPEC = ("all, a group (territorial, england, wales, scotland, northern-ireland, national), "
               "or force ids separated by commas")


def add_forces_option(parser: argparse.ArgumentParser, *, required: bool = False,
                      default: str = "the forces saved with the request") -> None:
    parser.add_argument("--forces", required=required, metavar="all|GROUP|ID,ID…",
                        help=f"{FORCES_SPEC}" + ("" if required else f" (default: {default})"))


def forces_for(spec: str | None, request: Request) -> list[Force]:
    """The forces `--forces` names, else those saved with the request."""
    from composer.forces import load_directory

    if spec:
        return load_directory().resolve(spec)
    if request.forces:
        return load_directory().resolve(",".join(request.forces))
    raise ComposerError("the request does not say which forces it goes to; name them with "
                        f"--forces: {FORCES_SPEC}")
