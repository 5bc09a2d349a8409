"""`foi-composer campaign coverage NAME`: which forces answered which parts, as counts, a CSV
(one row per force, one column per part) or a picture drawn by Qt offscreen (`--png`).

Registered by `composer.commands.campaign`, beside the tracker's own actions.
"""

from __future__ import annotations

import argparse
import importlib
import os

from composer.commands import CAMPAIGN_NAME, JUDGED_ON, output_path


def register_under(csub) -> None:
    """Add `coverage` to the `campaign` command's actions."""
    q = csub.add_parser(
        "coverage", help="which forces answered which parts: counts, --csv or --png")
    q.add_argument("name", help=CAMPAIGN_NAME)
    q.add_argument("--csv", type=output_path, metavar="FILE",
                   help="one row per force, one column per part (a folder: named after the campaign)")
    q.add_argument("--png", type=output_path, metavar="FILE",
                   help="the table as a picture for a report (a folder: named after the campaign)")
    q.add_argument("--today", metavar="DATE", help=JUDGED_ON)
    q.set_defaults(func=_coverage)


def _coverage(args: argparse.Namespace) -> int:
    from composer.commands import today_from
    from composer.campaign.store import CampaignStore
    from composer.coverage import counts_table, export_coverage_csv, stored_coverage

    today = today_from(args.today)
    cov = stored_coverage(CampaignStore(), args.name, today)
    if args.csv:
        print(export_coverage_csv(cov, args.csv))
    if args.png:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a picture needs no screen
        app = importlib.import_module("composer.ui.app").application()
        drawn = importlib.import_module("composer.ui.qt_coverage").save_coverage_png(cov, args.png, today)
        del app
        print(drawn)
    if not args.csv and not args.png:
        rows = counts_table(cov)
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for row in rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        print()
        for part in cov.parts:
            print(cov.summary(part))
        if whole := cov.request_summary():
            print(whole)
    return 0
