"""Cold start of the desktop app to its main window shown and painted, next to a bare PySide6 window.

Each run is a fresh process (so nothing is cached in memory), timed from launch until it prints
`shown`: on the event-loop turn after its main window's first paint event (the whole window is
painted in that one pass), found the same way in all three. The floor is a script that imports
PySide6, opens an empty QMainWindow of the app's default size and waits for the same point: what
any Qt app pays. A second reference adds what the stack itself costs before our code runs:
importing pydantic and validating one small model. The app runs as a user starts it
(`foi-composer` with no arguments, with an empty data folder, and again as a returning user
whose settings remember a preview force); whatever it does before its first paint is counted. Runs take turns so that a busy machine slows all three alike; the medians
are printed with the spread (min-max), and the ratio's spread over the rounds. Each process
also reports the CPU time it had used when it printed `shown` (interpreter start included):
that figure moves much less than the wall clock when other work shares the machine.

Both run with compiled bytecode, as an installed app does from its second start on: the
children write their .pyc files to a temporary cache (PYTHONPYCACHEPREFIX) during the warm-up
run, even where PYTHONDONTWRITEBYTECODE is set, and leave nothing in the source tree.

    python bench/bench_startup.py [--runs 11] [--platform offscreen]
    xvfb-run -s "-screen 0 1366x768x24" python bench/bench_startup.py --platform xcb

Target: the app under 1 second, and within 1.5x the PySide6 + pydantic window (the floor the
stack the product requires sets).

Then the app until it is usable, opening seed 003 (`../shared/seeds/`, or `$FOI_COMPOSER_SHARED`;
skipped with a line saying so when it is not there), imported and saved as a request, as a user
opens a saved request: from launch to the first paint, to a key typed at the first paint taken by
the editor (until then the window answers nothing), and to the first findings shown
(`FOI_COMPOSER_STARTUP_PROBE=usable`).

Then the command line: each command a fresh process (`python -m composer ...`), from launch to its
exit, with the CPU time it used: `--version`, `forces`, `bank`, `campaign list` (none yet), and `check`
and `order` on a request of every question-bank module, and `check` of seed 003 as text (these import
the checker, whose patterns are compiled at import). `--cli-only` skips the app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The same watch for the first paint as composer.ui.app.FirstPaint (which the app's probe uses).
FLOOR = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
def shown():
    import time
    print(f"shown {time.process_time():.4f}", flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
probe = FirstPaint(window)
window.installEventFilter(probe)
window.show()
app.exec()
"""

STACK = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int = 0\nM()\n" + FLOOR

APP = "import sys; from composer.cli import main; sys.exit(main([]))"
SHARED = Path(os.environ.get("FOI_COMPOSER_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))


def seed(number: str) -> Path | None:
    found = sorted((SHARED / "seeds").glob(f"{number}_*.txt"))
    if not found:
        print(f"seed {number} is not in {SHARED / 'seeds'} (the shared/ folder that comes with the project, "
              "beside the checkout, or $FOI_COMPOSER_SHARED): its figures are left out")
    return found[0] if found else None

# A user's second start: settings that remember a preview force and the forces last chosen (the
# window's size and panels are added by the first run, as they are by a user's first session),
# and a profile. Invented details.
RETURNING = {
    "settings.json": '{"schema_version": 1, "preview_force": "kent_police", '
                     '"forces": ["kent_police", "essex_police"]}',
    "profile.json": '{"name": "Sam Example", "email": "sam@example.org", '
                    '"postal_address": ["1 High Street", "Townsville"], "organisation": ""}',
}


def launch(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from launch to the `shown` line, and the CPU milliseconds the process says
    it had used by then."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    word, _, cpu = line.strip().partition(" ")
    if word != "shown":
        raise SystemExit(f"the process did not report its window (got {line!r})")
    return elapsed * 1000, float(cpu) * 1000


def launch_until_usable(path: Path, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Per line the probe prints (`shown`, `key`, `checked`): milliseconds from launch to it, and
    the CPU milliseconds the process says it had used by then."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "composer", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=dict(env, FOI_COMPOSER_STARTUP_PROBE="usable"), text=True)
    seen: dict[str, tuple[float, float]] = {}
    for line in proc.stdout:
        word, _, cpu = line.strip().partition(" ")
        seen[word] = ((time.perf_counter() - start) * 1000, float(cpu) * 1000)
    proc.wait(timeout=60)
    if set(seen) != {"shown", "key", "checked"}:
        raise SystemExit(f"the app did not report its window, the key and the check (got {sorted(seen)})")
    return seen


def usable_figures(runs: int, env: dict[str, str]) -> None:
    """The app opening seed 003: launch to painted, to a key taken, to the first findings."""
    source = seed("003")
    if source is None:
        return
    with tempfile.TemporaryDirectory() as home:
        env = dict(env, FOI_COMPOSER_HOME=home)
        env.pop("XDG_DATA_HOME", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, as an installed app is
        request = Path(home) / "seed 003.foi.json"
        subprocess.run([sys.executable, "-m", "composer", "import", str(source), "-o", str(request)], env=env,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        launch_until_usable(request, env)  # compile, and warm the disk cache
        figures = [launch_until_usable(request, env) for _ in range(runs)]
    print(f"the app opening seed 003, {runs} runs: from launch, median (min-max), wall clock and CPU")
    for word, what in (("shown", "painted"), ("key", "a key typed at the paint taken"),
                       ("checked", "first findings shown")):
        wall = [f[word][0] for f in figures]
        cpu = [f[word][1] for f in figures]
        print(f"  {what:32s} {statistics.median(wall):6.0f} ms  ({min(wall):.0f}-{max(wall):.0f})"
              f"   CPU {statistics.median(cpu):6.0f} ms  ({min(cpu):.0f}-{max(cpu):.0f})")


def cli_figures(runs: int, env: dict[str, str]) -> None:
    """Each command's wall clock and CPU time, launch to exit, median (min-max) of `runs`."""
    import resource

    with tempfile.TemporaryDirectory() as home:
        env = dict(env, FOI_COMPOSER_HOME=home)
        env.pop("FOI_COMPOSER_STARTUP_PROBE", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, as an installed command is
        request = Path(home) / "request.foi.json"
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from composer.bank import load_bank

        modules = ",".join(m.id for m in load_bank().modules if not m.umbrella and m.questions)
        subprocess.run([sys.executable, "-m", "composer", "new", "--modules", f"use_individual_risk({modules})",
                        "-o", str(request)], env=env, check=True, stdout=subprocess.DEVNULL)
        commands = {"--version": ["--version"], "forces": ["forces"], "bank": ["bank"],
                    "campaign list": ["campaign", "list"], "check (bank request)": ["check", str(request)],
                    "order (bank request)": ["order", str(request)]}
        seed_003 = seed("003")
        if seed_003 is not None:
            commands["check (seed 003)"] = ["check", str(seed_003)]
        for args in commands.values():  # compile, and warm the disk cache
            subprocess.run([sys.executable, "-m", "composer", *args], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, args in commands.items():
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "composer", *args], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                wall[name].append((time.perf_counter() - start) * 1000)
                now = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[name].append((now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime) * 1000)
    print(f"command line, {runs} runs each: launch to exit, median (min-max)")
    for name in commands:
        print(f"  {name:18s} {statistics.median(wall[name]):6.0f} ms  ({min(wall[name]):.0f}-{max(wall[name]):.0f})"
              f"   CPU {statistics.median(cpu[name]):6.0f} ms  ({min(cpu[name]):.0f}-{max(cpu[name]):.0f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                        help="Qt platform plugin (offscreen, or xcb under Xvfb)")
    parser.add_argument("--cli-only", action="store_true", help="time the command line only")
    parser.add_argument("--usable-only", action="store_true", help="time the app opening seed 003 only")
    args = parser.parse_args()
    if args.usable_only:
        with tempfile.TemporaryDirectory() as pyc:
            usable_figures(args.runs, dict(os.environ, QT_QPA_PLATFORM=args.platform, PYTHONPYCACHEPREFIX=pyc))
        return 0
    if args.cli_only:
        with tempfile.TemporaryDirectory() as pyc:
            cli_figures(args.runs, dict(os.environ, PYTHONPYCACHEPREFIX=pyc))
        return 0
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as again, \
            tempfile.TemporaryDirectory() as pyc:
        # The data folder is found as a user's is (platformdirs, under XDG_DATA_HOME), only in
        # a fresh temporary place: FOI_COMPOSER_HOME would skip that step.
        env = dict(os.environ, XDG_DATA_HOME=home, FOI_COMPOSER_STARTUP_PROBE="1",
                   QT_QPA_PLATFORM=args.platform, PYTHONPYCACHEPREFIX=pyc)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("FOI_COMPOSER_HOME", None)
        data = Path(again) / "foi-composer"
        data.mkdir()
        for name, text in RETURNING.items():
            (data / name).write_text(text, "utf-8")
        scripts = {"bare PySide6 window": (FLOOR, env), "PySide6 window + pydantic": (STACK, env),
                   "FOI Composer window": (APP, env),
                   "  the same, returning user": (APP, dict(env, XDG_DATA_HOME=again))}
        for code, where in scripts.values():
            launch(code, where)  # compile, and warm the disk cache
        times: dict[str, list[float]] = {name: [] for name in scripts}
        cpu: dict[str, list[float]] = {name: [] for name in scripts}
        for _ in range(args.runs):
            for name, (code, where) in scripts.items():
                wall, used = launch(code, where)
                times[name].append(wall)
                cpu[name].append(used)
    print(f"platform {args.platform}, {args.runs} runs each, median (min-max)")
    for title, figures in (("wall clock, launch to painted", times),
                           ("CPU the process used by then (steadier on a busy machine)", cpu)):
        print(title)
        floor = statistics.median(figures["bare PySide6 window"])
        for name, runs in figures.items():
            median = statistics.median(runs)
            print(f"  {name:26s} {median:6.0f} ms  ({min(runs):.0f}-{max(runs):.0f})  {median / floor:.2f}x")
        stack = statistics.median(figures["PySide6 window + pydantic"])
        for name, who in (("FOI Composer window", "the app is"),
                          ("  the same, returning user", "a returning user's start is")):
            app = statistics.median(figures[name])
            rounds = [a / s for a, s in zip(figures[name], figures["PySide6 window + pydantic"])]
            print(f"  {who} {app / stack:.2f}x the PySide6 + pydantic window "
                  f"(round by round {min(rounds):.2f}-{max(rounds):.2f}x)")
    print("target: within 1.5x on the wall clock, and under 1000 ms")
    usable_figures(args.runs, env)
    with tempfile.TemporaryDirectory() as pyc:
        cli_figures(args.runs, dict(env, PYTHONPYCACHEPREFIX=pyc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
