"""Memory: a campaign of 45 forces, every force's reply confirmed for every part, open in the app.

Prints figures; asserts nothing. The campaign is the 43-part request of bench_export_forces.py sent
to the first 45 bodies of the force directory, each with a reply attached and its reading confirmed
part by part. A fresh process (so nothing built here is counted) opens the main window (Qt
offscreen) and starts as the app does once it is painted (`app._after_show`: the first check, and
the campaigns read for the overdue count and what forces did), then in turn opens the Follow up
tab, records one more reply, and opens the Coverage tab. After each step it prints the peak
resident set size so far (ru_maxrss), the resident size now, and the memory Python holds
(tracemalloc, from before the window was built), in MiB. The same with an empty data folder gives
the floor.

    python bench/bench_memory.py [--forces 45] [--parts 43] [--top 15]

`--top N` prints the N places that hold the most memory at the end (tracemalloc, by file and line).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TODAY = date(2026, 12, 2)
SENT = TODAY - timedelta(days=60)
NAME = "Every part answered"


def make(forces: int, parts: int) -> None:
    """The campaign, in the data folder FOI_COMPOSER_HOME names."""
    from bench_campaign import reply_text
    from bench_export_forces import long_request

    from composer.campaign.store import CampaignStore
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign, record_reply
    from composer.replies import Outcome, PartReading, ReplyKind, ReplyReading

    store = CampaignStore()
    bodies = load_directory().resolve("all")[:forces]
    request = long_request(parts).model_copy(update={"title": NAME})
    campaign = new_campaign(name=NAME, request=request, forces=bodies, sent=SENT).value
    store.create(campaign)
    numbers = [n.number for n in request.numbered()]
    said = [PartReading(Outcome.ANSWERED), PartReading(Outcome.NOT_HELD), PartReading(Outcome.REFUSED, ("s40(2)",)),
            PartReading(Outcome.ANSWERED), PartReading(Outcome.REFUSED, ("s31(1)",))]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "reply.txt"
        for f, force in enumerate(bodies[:-1]):  # the last one's reply is recorded in the app
            source.write_text(reply_text(numbers).replace("012345", f"{f:06d}"), "utf-8")
            file = store.copy_in(campaign, force.id, source)
            reading = ReplyReading(kind=ReplyKind.PARTLY,
                                   parts={number: said[(n + f) % len(said)] for n, number in enumerate(numbers)})
            campaign = record_reply(campaign, force_id=force.id, file=file, reading=reading,
                                    on=SENT + timedelta(days=10 + f % 15)).value
    store.save(campaign)


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:7.1f}"


def child(top: int, with_campaign: bool) -> None:
    """Runs in the fresh process: the window and the steps, with the figures after each."""
    tracemalloc.start()
    from composer.ui.app import application
    from composer.ui.qt_main_window import QtMainWindow
    from composer.ui.settings import Settings

    app = application()

    def settle() -> None:
        app.processEvents()
        app.sendPostedEvents()
        app.processEvents()

    def say(step: str) -> None:
        settle()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
        now = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        held, _ = tracemalloc.get_traced_memory()
        print(f"  {step:28s} peak RSS {mib(peak)}   RSS now {mib(now)}   Python holds {mib(held)}", flush=True)

    win = QtMainWindow(Settings(), autosave_delay_ms=10_000)
    win.clock = lambda: __import__("datetime").datetime.combine(TODAY, __import__("datetime").time(10))
    win.resize(1280, 800)
    win.show()
    say("window shown")
    from composer.ui import app as started
    from composer.ui.qt import QEventLoop

    checked: list[int] = []
    win.findings.checked.connect(checked.append)
    started._after_show(win, [])
    while not checked:  # the checker loads on a worker thread, then the check and the campaigns
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    say("first check, campaigns read")
    if not with_campaign:
        return
    win.tabs.setCurrentIndex(1)
    say("Follow up tab open")
    panel = win.campaign_panel
    from bench_campaign import reply_text

    from composer.operations.campaign import record_reply
    from composer.replies import Outcome, PartReading, ReplyKind, ReplyReading

    numbers = [n.number for n in panel.campaign.request.numbered()]
    last = panel.campaign.forces[-1]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "reply.txt"
        source.write_text(reply_text(numbers), "utf-8")
        file = panel.store.copy_in(panel.campaign, last.force_id, source)
    reading = ReplyReading(kind=ReplyKind.PARTLY, parts={n: PartReading(Outcome.NOT_HELD) for n in numbers})
    panel.document.apply(f"Reply: {last.force_name}", record_reply, force_id=last.force_id, file=file,
                         reading=reading, on=TODAY)
    say("a reply recorded")
    win.tabs.setCurrentIndex(2)
    say("Coverage tab open")
    if top:
        print(f"where Python holds the most at the end (top {top}, by line):")
        for stat in tracemalloc.take_snapshot().statistics("lineno")[:top]:
            frame = stat.traceback[0]
            print(f"  {mib(stat.size)} MiB  {stat.count:8d} blocks  {frame.filename}:{frame.lineno}")
    win.document.undo_stack.setClean()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forces", type=int, default=45)
    parser.add_argument("--parts", type=int, default=43)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--child", choices=["window", "campaign"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        child(args.top, args.child == "campaign")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as home:
        env = dict(os.environ, FOI_COMPOSER_HOME=str(Path(home) / "home"))
        os.environ.update(env)
        make(args.forces, args.parts)
        empty = dict(env, FOI_COMPOSER_HOME=str(Path(home) / "empty"))
        size = sum(p.stat().st_size for p in (Path(home) / "home" / "campaigns").glob("*.campaign.json"))
        print(f"a campaign of {args.forces} forces and {args.parts} parts, every force's reply confirmed part "
              f"by part but the last's (recorded in the app); campaign file {size / 1024:.0f} KiB")
        for what in ("window", "campaign"):
            print("the window alone, for the floor:" if what == "window" else "the campaign in the app:")
            subprocess.run([sys.executable, __file__, "--child", what, "--top", str(args.top if what == "campaign" else 0)],
                           env=env if what == "campaign" else empty, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
