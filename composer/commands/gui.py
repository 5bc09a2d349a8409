"""`foi-composer` with no command opens the app; `foi-composer gui [FILE]` opens a file in it.

The app is loaded by name only when it is asked for: the command line and the core never
import Qt (the import-linter contract "The core never imports Qt" holds for `composer.cli`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("gui", help="open the desktop app (optionally with a request file)")
    p.add_argument("file", type=Path, nargs="?", help="a .foi.json request or a plain-text letter")
    p.add_argument("--screenshot", type=Path, metavar="PNG",
                   help="render the window with FILE loaded to a PNG and exit (works offscreen)")
    p.add_argument("--screen", default="main", choices=("main", "wizard", "campaign", "coverage", "order"),
                   help="what --screenshot renders: the main window, the new-request wizard, "
                        "the campaign or coverage tab, or the order for the cost limit")
    p.add_argument("--size", type=_size, metavar="WxH",
                   help="the window's size, e.g. 1024x700 (for --screenshot: default 1280x800)")
    p.set_defaults(func=_gui)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(x) for x in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; write it as WIDTHxHEIGHT, "
                                         "e.g. 1024x700") from None
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError(f"{text!r} is too small for the window; give at least 200x200")
    return width, height


def _run(*args, **kwargs) -> int:
    return importlib.import_module("composer.ui.app").run(*args, **kwargs)


def _gui(args: argparse.Namespace) -> int:
    if args.screenshot and sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a screenshot needs no display
    return _run(args.file, screenshot=args.screenshot, screen=args.screen, size=args.size)


def no_command() -> int:
    return _run()
