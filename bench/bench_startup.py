"""Cold start of the desktop app to its main window shown, next to a bare PySide6 window.

Each run is a fresh process (so nothing is cached in memory), timed from launch until it prints
`shown` from its first event-loop turn after `show()`. The floor is a script that imports
PySide6, opens an empty QMainWindow and prints the same line: what any Qt app pays.
Runs alternate app/floor so that a busy machine slows both alike; the medians are printed.

    python bench/bench_startup.py [--runs 7] [--platform offscreen]

Target: the app under 1 second, and within 2x the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

APP = "import sys; from composer.cli import main; sys.exit(main([]))"


def launch(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"the process did not report its window (got {line!r})")
    return elapsed * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                        help="Qt platform plugin (offscreen, or xcb under Xvfb)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, FOI_COMPOSER_HOME=home, FOI_COMPOSER_STARTUP_PROBE="1",
                   QT_QPA_PLATFORM=args.platform)
        launch(FLOOR, env), launch(APP, env)  # warm the disk cache: we measure start-up, not I/O
        floor, app = [], []
        for _ in range(args.runs):
            floor.append(launch(FLOOR, env))
            app.append(launch(APP, env))
    f, a = statistics.median(floor), statistics.median(app)
    print(f"platform {args.platform}, {args.runs} runs each, median (min-max)")
    print(f"bare PySide6 window: {f:6.0f} ms  ({min(floor):.0f}-{max(floor):.0f})")
    print(f"FOI Composer window: {a:6.0f} ms  ({min(app):.0f}-{max(app):.0f})")
    print(f"ratio {a / f:.2f}x the floor (target: under 1000 ms and within 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
