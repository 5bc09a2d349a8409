"""A campaign sent to every force, followed in the app: how long each step keeps the window busy.

Prints figures; asserts nothing. Two campaigns, each the same long request sent to all 49 bodies in
the force directory 60 days ago, one of 43 parts and one of 99 (the question bank's questions in turn,
as bench_export_forces.py words them). In each, 30 forces have replied and the reply was confirmed
part by part (answered, not held, refused under s12, s40(2) or s31(1)), 5 more have a reply attached
but not confirmed (its text is read when the coverage is shown), and the rest are waiting, most of
them overdue. The steps, in a real main window (Qt offscreen), each timed until the events it posted
have run:

- the overdue recount (`show_overdue`: every campaign read, overdue forces counted, what forces did
  with each part learnt for the checker);
- opening the Follow up tab (the tracker, built and showing the first campaign);
- switching the tracker to the other campaign, and back;
- recording a reply for one force (as the Paste reply dialog records it, once confirmed);
- opening the Coverage tab (the matrix of forces by parts), and switching its campaign.

Each step is run `--runs` times in a fresh window over the same data folder; median (min-max) in ms, on
the wall clock and in CPU time used by the process, and how many times the tracker fitted its columns to
the table's width during the step (`fits`: each fit sizes every column to its contents). What the process
remembers of the campaigns it read (campaign.store, campaign.history) is kept from run to run, as it is in
the app from one step to the next.

`--more N` adds N campaigns of 43 parts sent to 45 forces (replies as above), for a campaigner who keeps
many: `--more 18` makes the 20 campaigns of the session 11 brief.

    python bench/bench_campaign.py [--runs 5] [--more N] [--profile STEP]

`--profile STEP,STEP` (names as printed) runs each of those steps once more under cProfile and prints
the 25 costliest functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TODAY = date(2026, 12, 2)
SENT = TODAY - timedelta(days=60)
REPLIED, ATTACHED = 30, 5  # forces with a confirmed reply, forces with a reply only attached
CAMPAIGNS = {"Every force, 43 parts": 43, "Every force, 99 parts": 99}


def reply_text(numbers: list[str]) -> str:
    """A force's reply answering each part in turn, as a reply letter sets it out."""
    lines = ["Dear Requester,", "", "Freedom of Information request reference 012345", "",
             "Thank you for your request. Our response to each part is below.", ""]
    for n, number in enumerate(numbers):
        said = ("The information is not held." if n % 5 == 1 else
                "This part is exempt under section 40(2) of the Act." if n % 7 == 2 else
                f"{n + 3} such records were found.")
        lines += [f"{number}. {said}", ""]
    lines += ["Yours sincerely,", "Information Rights Unit"]
    return "\n".join(lines)


def make(store, forces, more: int = 0) -> None:
    from bench_export_forces import long_request

    from composer.operations.campaign import attach_reply, new_campaign, record_reply
    from composer.replies import Outcome, PartReading, ReplyKind, ReplyReading

    said = [PartReading(Outcome.ANSWERED), PartReading(Outcome.NOT_HELD), PartReading(Outcome.REFUSED, ("s40(2)",)),
            PartReading(Outcome.ANSWERED), PartReading(Outcome.REFUSED, ("s31(1)",))]
    campaigns = [(name, count, forces) for name, count in CAMPAIGNS.items()]
    campaigns += [(f"Campaign {n + 1} of 45 forces", 43, forces[:45]) for n in range(more)]
    for name, count, sent_to in campaigns:
        request = long_request(count).model_copy(update={"title": name})
        campaign = new_campaign(name=name, request=request, forces=sent_to, sent=SENT).value
        store.create(campaign)
        numbers = [n.number for n in request.numbered()]
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "reply.txt"
            for f, force in enumerate(sent_to[: REPLIED + ATTACHED]):
                source.write_text(reply_text(numbers).replace("012345", f"{f:06d}"), "utf-8")
                file = store.copy_in(campaign, force.id, source)
                on = SENT + timedelta(days=10 + f % 15)
                if f < REPLIED:
                    kind = ReplyKind.REFUSED if f % 6 == 5 else ReplyKind.PARTLY
                    reading = ReplyReading(kind=kind, sections=["s12"] if kind is ReplyKind.REFUSED else [],
                                           parts={} if kind is ReplyKind.REFUSED else
                                           {number: said[(n + f) % len(said)] for n, number in enumerate(numbers)})
                    campaign = record_reply(campaign, force_id=force.id, file=file, reading=reading, on=on).value
                else:
                    campaign = attach_reply(campaign, force_id=force.id, file=file, on=on).value
        store.save(campaign)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--more", type=int, default=0, help="campaigns of 45 forces to add to the two")
    parser.add_argument("--profile", default="", help="steps to profile once more, by name, with commas")
    args = parser.parse_args()

    home = tempfile.TemporaryDirectory(prefix="bench-campaign-")
    os.environ["FOI_COMPOSER_HOME"] = str(Path(home.name) / "home")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from composer.campaign.store import CampaignStore
    from composer.forces import load_directory
    from composer.operations.campaign import record_reply
    from composer.replies import Outcome, PartReading, ReplyKind, ReplyReading
    from composer.ui import qt_campaign
    from composer.ui.app import application
    from composer.ui.qt_main_window import QtMainWindow
    from composer.ui.settings import Settings

    app = application()
    forces = load_directory().resolve("all")
    store = CampaignStore()
    start = time.perf_counter()
    make(store, forces, args.more)
    more = f" and {args.more} of 45 forces (43 parts)" if args.more else ""
    print(f"{len(CAMPAIGNS)} campaigns of {len(forces)} bodies ({', '.join(map(str, CAMPAIGNS.values()))} parts){more}; "
          f"{REPLIED} replies confirmed and {ATTACHED} attached in each (made in {time.perf_counter() - start:.1f} s)")
    waiting = forces[REPLIED + ATTACHED:]

    def settle() -> None:
        app.processEvents()
        app.sendPostedEvents()
        app.processEvents()

    def window():
        win = QtMainWindow(Settings(), autosave_delay_ms=10_000)
        win.clock = lambda: __import__("datetime").datetime.combine(TODAY, __import__("datetime").time(10))
        win.resize(1280, 800)
        win.show()
        settle()
        return win

    def close(win) -> None:
        win.document.undo_stack.setClean()
        win.close()
        win.deleteLater()
        settle()

    fits = [0]
    fit = qt_campaign.QtCampaignPanel._fit_columns

    def counted(panel) -> None:
        fits[0] += 1
        fit(panel)

    qt_campaign.QtCampaignPanel._fit_columns = counted
    recorded = [0]

    def record_one(win) -> None:
        panel = win.campaign_panel
        force = waiting[recorded[0] % len(waiting)]
        recorded[0] += 1
        numbers = [n.number for n in panel.campaign.request.numbered()]
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"reply {recorded[0]}.txt"
            source.write_text(reply_text(numbers).replace("012345", f"9{recorded[0]:05d}"), "utf-8")
            file = panel.store.copy_in(panel.campaign, force.id, source)
        reading = ReplyReading(kind=ReplyKind.PARTLY, parts={n: PartReading(Outcome.NOT_HELD) for n in numbers[::3]})
        panel.document.apply(f"Reply: {force.name}", record_reply, force_id=force.id, file=file,
                             reading=reading, on=TODAY)

    # Each step: (what it needs done first, the step). The window is fresh for each run.
    steps = {
        "overdue recount": (lambda win: None, lambda win: win.show_overdue(TODAY)),
        "open Follow up tab": (lambda win: None, lambda win: win.tabs.setCurrentIndex(1)),
        "switch campaign": (lambda win: win.tabs.setCurrentIndex(1),
                            lambda win: win.campaign_panel.chooser.setCurrentIndex(
                                1 - win.campaign_panel.chooser.currentIndex())),
        "record a reply": (lambda win: (win.show_overdue(TODAY), win.tabs.setCurrentIndex(1)),
                           record_one),
        "open Coverage tab": (lambda win: win.tabs.setCurrentIndex(1), lambda win: win.tabs.setCurrentIndex(2)),
        "switch coverage": (lambda win: (win.tabs.setCurrentIndex(1), win.tabs.setCurrentIndex(2)),
                            lambda win: win.coverage_view.picker.setCurrentIndex(
                                1 - win.coverage_view.picker.currentIndex())),
    }
    print(f"{args.runs} runs each, a fresh window each run; ms, median (min-max): wall clock, and the CPU time "
          "this process used (steadier when other work shares the machine)")
    for name, (before, step) in steps.items():
        times, cpu, fitted = [], [], []
        for _ in range(args.runs):
            win = window()
            before(win)
            settle()
            began, used, fits[0] = time.perf_counter(), time.process_time(), 0
            step(win)
            settle()
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - used) * 1000)
            fitted.append(fits[0])
            close(win)
        print(f"  {name:20s} {statistics.median(times):8.1f}  ({min(times):.1f}-{max(times):.1f})   "
              f"CPU {statistics.median(cpu):8.1f}  ({min(cpu):.1f}-{max(cpu):.1f})   "
              f"fits {statistics.median(fitted):g}")
        if name in args.profile.split(","):
            win = window()
            before(win)
            settle()
            profile = cProfile.Profile()
            profile.enable()
            step(win)
            settle()
            profile.disable()
            close(win)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    home.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
