"""How long the order for the cost limit takes: the estimates (once per Act, when the dialog
opens), a replan (on every move), and in the dialog, opening it and one move with its redraw.

Prints figures; asserts nothing. The request: the example request (docs/example.foi.json)
repeated to 40, 100 and 400 parts and sub-parts. The dialog figures need Qt; they run offscreen.

    python bench/bench_order.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sized(example, count: int):
    from composer.model import Part, Request

    parts = []
    while sum(1 + len(p.subparts) for p in parts) < count:
        for p in example.parts:
            parts.append(Part(text=p.text, subparts=[Part(text=s.text) for s in p.subparts]))
    return Request(parts=parts)


def ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from composer import costplan
    from composer.law import LAWS
    from composer.library import load_request
    from composer.model import Act
    from composer.ui.app import application

    app = application()  # noqa: F841  (the dialog needs it)
    from composer.ui.qt_order import QtOrderDialog

    example = load_request(ROOT / "docs" / "example.foi.json")
    law = LAWS[Act.FOIA]
    print(f"{'parts':>6} {'estimates':>10} {'replan':>10} {'open dialog':>12} {'one move':>10}")
    for count in (40, 100, 400):
        request = sized(example, count)
        n = sum(1 for _ in request.all_parts())
        est, replan, opened, moved = [], [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            costs = costplan.estimates(request, law)
            est.append(time.perf_counter() - start)
            start = time.perf_counter()
            costplan.plan(request, law, costs=costs)
            replan.append(time.perf_counter() - start)
            start = time.perf_counter()
            dialog = QtOrderDialog(request)
            opened.append(time.perf_counter() - start)
            dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
            start = time.perf_counter()
            dialog.move_selected(+1)
            moved.append(time.perf_counter() - start)
            dialog.deleteLater()
        print(f"{n:>6} {ms(est):>10} {ms(replan):>10} {ms(opened):>12} {ms(moved):>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
