"""`foi-composer` with no command, and `foi-composer gui`."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    return None


def no_command(parser: argparse.ArgumentParser) -> int:
    print("The desktop app is not built yet; use the commands below.\n")
    parser.print_help()
    return 0
