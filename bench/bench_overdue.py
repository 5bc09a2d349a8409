"""What the main window's "Follow up (3 overdue)" costs once the window is up: reading every
campaign file and counting the overdue forces (`QtMainWindow.show_overdue`'s work, without Qt).

Start-up itself does not pay it (bench_startup.py times the first paint, before it runs); this
is how long the window is busy just after, with N campaigns of every force in the directory (49
bodies), each sent 60 days ago with a few answers recorded. Median (min-max) of the runs, in a
fresh temporary data folder. It also times counting again after a step on the Follow up tab
(one campaign, already in memory).

    python bench/bench_overdue.py [--runs 11]

Target: well under 100 ms for a handful of campaigns (a pause a user does not notice).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta


def make(count: int) -> None:
    from composer.campaign.store import CampaignStore
    from composer.forces import load_directory
    from composer.model import Part, Request
    from composer.operations.campaign import new_campaign, record

    forces = load_directory().resolve("all")
    sent = date.today() - timedelta(days=60)
    request = Request(title="Risk scoring", parts=[Part(text=f"Question {n}?") for n in range(12)])
    store = CampaignStore()
    for n in range(count):
        c = new_campaign(name=f"Campaign {n}", request=request, forces=forces, sent=sent).value
        for force in forces[: 30]:
            c = record(c, force_id=force.id, status="answered", on=sent + timedelta(days=20)).value
        store.create(c)


def timed(runs: int, step) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return f"{statistics.median(times):6.1f} ms  ({min(times):.1f}-{max(times):.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    from composer.campaign.deadlines import overdue_by_campaign, overdue_in_brief
    from composer.campaign.store import CampaignStore

    print(f"{args.runs} runs each, median (min-max); 49 bodies a campaign, 19 of them overdue")
    made = 0
    for count in (1, 5, 20):
        with tempfile.TemporaryDirectory() as home:
            os.environ["FOI_COMPOSER_HOME"] = home
            make(count)
            made = count

            def everything() -> None:
                campaigns = [e.campaign for e in CampaignStore().list().entries]
                overdue_in_brief(overdue_by_campaign(campaigns))

            campaigns = [e.campaign for e in CampaignStore().list().entries]
            print(f"  {made:2d} campaign{'s' if made != 1 else ' '}: read and counted {timed(args.runs, everything)};"
                  f"  counted again {timed(args.runs, lambda: overdue_by_campaign(campaigns))}")
            print(f"     ({overdue_in_brief(overdue_by_campaign(campaigns))[:60]}…)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
