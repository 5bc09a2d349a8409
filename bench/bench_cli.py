"""Start-up of every command: each a fresh process, timed from launch to exit, and what it imports.

For each command (every command the CLI has, with the arguments a campaigner gives it) the script
prints the wall clock and the CPU time the process used, median and spread over the runs, and,
from one more run under `python -X importtime`, the time spent importing and the packages that
took most of it (the module's own time, summed per top-level package). A second table says
whether the heavy packages were loaded at all: a command that reads no file has no need of
pydantic, and none but the calendar commands of the holiday tables.

Every run uses compiled bytecode (a temporary PYTHONPYCACHEPREFIX, compiled by a warm-up run) and
a data folder of its own (FOI_COMPOSER_HOME), holding one request built from every question-bank
module; the commands that read a real request use seed 003 from ../shared/seeds (or
$FOI_COMPOSER_SHARED) and are left out, with a line saying so, when it is not there.

    python bench/bench_cli.py [--runs 7] [--only due,holidays] [--exe DIR/foi-composer/foi-composer]

With --exe it times a built standalone app (packaging/build-app) the same way, in place of
`python -m composer`; a bundled Python reads no PYTHON* settings, so the import columns are left out.

The figures move with the machine's load; the CPU time moves less than the wall clock. No figure
is asserted anywhere: this script measures, the tests check behaviour.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FOI_COMPOSER_SHARED", ROOT.parent / "shared"))

# The packages a command may or may not need, shown as loaded or not for each command.
HEAVY = ("pydantic", "holidays", "docx", "docxtpl", "lxml", "jinja2", "pypdf", "charset_normalizer", "PySide6")

# An invented refusal notice, for `check-response`.
NOTICE = """Dear Sam Example,

Freedom of Information request reference 2026/123

We hold information within the scope of your request. We estimate that the cost of complying
would exceed the appropriate limit, so section 12 of the Freedom of Information Act 2000 applies.

Yours sincerely,
Information Management
"""

_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)$")


def seed(number: str) -> Path | None:
    found = sorted((SHARED / "seeds").glob(f"{number}_*.txt"))
    if not found:
        print(f"seed {number} is not in {SHARED / 'seeds'} (the shared/ folder that comes with the project, "
              "beside the checkout, or $FOI_COMPOSER_SHARED): the commands that read it are left out")
    return found[0] if found else None


PROGRAM = [sys.executable, "-m", "composer"]  # or a standalone app, with --exe


def run(args: list[str], env: dict[str, str], check: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([*PROGRAM, *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=check)


def commands(home: Path, env: dict[str, str]) -> dict[str, list[str]]:
    """Every command, with arguments; the files they read made in `home` first."""
    request = home / "request.foi.json"
    bank = subprocess.run([*PROGRAM, "bank", "--json"], env=env, capture_output=True, text=True, check=True)
    modules = ",".join(m["id"] for m in json.loads(bank.stdout) if not m["umbrella"] and m["questions"])
    run(["new", "--modules", f"use_individual_risk({modules})", "--forces", "kent_police,police_scotland",
         "-o", str(request)], env, check=True)
    run(["campaign", "new", "bench", "--request", str(request), "--sent", "2026-11-02"], env, check=True)
    notice = home / "notice.txt"
    notice.write_text(NOTICE, "utf-8")
    out = home / "out"
    listed = {
        "--version": ["--version"],
        "--help": ["--help"],
        "due --help": ["due", "--help"],
        "due --act": ["due", "2026-11-20", "--act", "foia"],
        "due --force": ["due", "2026-11-20", "--force", "kent_police"],
        "holidays list": ["holidays", "list", "--year", "2026"],
        "forces": ["forces"],
        "bank": ["bank"],
        "profile": ["profile"],
        "library list": ["library", "list"],
        "templates": ["templates"],
        "new": ["new", "--modules", "use_crime_mapping(identity,cost),format", "-o", str(out / "new.foi.json")],
        "show": ["show", str(request)],
        "check": ["check", str(request)],
        "order": ["order", str(request)],
        "fit --dry-run": ["fit", str(request), "--dry-run"],
        "export (txt, 2 forces)": ["export", str(request), "--to", str(out / "letters"), "--format", "txt"],
        "campaign list": ["campaign", "list"],
        "campaign show": ["campaign", "show", "bench"],
        "followup": ["followup", "bench", "kent_police", "--kind", "chaser", "--format", "txt",
                     "-o", str(out / "chaser.txt"), "--today", "2026-12-20"],
        "check-response": ["check-response", str(notice), "--act", "foia"],
    }
    source = seed("003")
    if source is not None:
        listed["import (seed 003)"] = ["import", str(source), "-o", str(out / "seed.foi.json")]
        listed["check (seed 003 as text)"] = ["check", str(source)]
    return listed


def imports(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, float], set[str]]:
    """One run under -X importtime: milliseconds importing, per top-level package (own time), and
    every module loaded."""
    proc = run(args, dict(env, PYTHONPROFILEIMPORTTIME="1"))  # the same as -X importtime
    per_package: dict[str, float] = defaultdict(float)
    loaded: set[str] = set()
    for line in proc.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            own, name = int(match.group(1)), match.group(4)
            per_package[name.split(".")[0]] += own / 1000
            loaded.add(name)
    return sum(per_package.values()), dict(per_package), loaded


def figures(listed: dict[str, list[str]], runs: int, env: dict[str, str]) -> None:
    for args in listed.values():  # compile, and warm the disk cache
        run(args, env)
    wall: dict[str, list[float]] = {name: [] for name in listed}
    cpu: dict[str, list[float]] = {name: [] for name in listed}
    for _ in range(runs):  # the commands take turns, so a busy moment slows them alike
        for name, args in listed.items():
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run(args, env)
            wall[name].append((time.perf_counter() - start) * 1000)
            now = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append((now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime) * 1000)
    bare = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare.append((time.perf_counter() - start) * 1000)
    print(f"{runs} runs each, launch to exit: wall clock median (min-max), CPU median; "
          f"then imports from one -X importtime run (own time per package)")
    print(f"  {'python -c pass':26s} {statistics.median(bare):6.0f} ms")
    if PROGRAM[0] != sys.executable:
        print(f"  (the app {PROGRAM[0]})")
        for name in listed:
            print(f"  {name:26s} {statistics.median(wall[name]):6.0f} ms ({min(wall[name]):.0f}-{max(wall[name]):.0f})"
                  f"  CPU {statistics.median(cpu[name]):5.0f} ms")
        return
    loaded_by: dict[str, set[str]] = {}
    for name, args in listed.items():
        total, per_package, loaded = imports(args, env)
        loaded_by[name] = loaded
        top = sorted(per_package.items(), key=lambda item: -item[1])[:4]
        print(f"  {name:26s} {statistics.median(wall[name]):6.0f} ms ({min(wall[name]):.0f}-{max(wall[name]):.0f})"
              f"  CPU {statistics.median(cpu[name]):5.0f} ms   imports {total:5.0f} ms: "
              + ", ".join(f"{package} {ms:.0f}" for package, ms in top))
    print("heavy packages loaded (x) per command")
    print(f"  {'':26s} " + " ".join(f"{package[:8]:>8s}" for package in HEAVY))
    for name, loaded in loaded_by.items():
        print(f"  {name:26s} " + " ".join(f"{'x' if package in loaded else '.':>8s}" for package in HEAVY))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", help="commands whose name starts with one of these, separated by commas")
    parser.add_argument("--exe", type=Path, help="a standalone app's foi-composer program, timed instead")
    args = parser.parse_args()
    if args.exe:
        PROGRAM[:] = [str(args.exe.resolve())]
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as pyc:
        env = dict(os.environ, FOI_COMPOSER_HOME=home, PYTHONPYCACHEPREFIX=pyc)
        for name in ("PYTHONDONTWRITEBYTECODE", "FOI_COMPOSER_STARTUP_PROBE", "PYTHONPROFILEIMPORTTIME"):
            env.pop(name, None)
        listed = commands(Path(home), env)
        if args.only:
            wanted = tuple(w.strip() for w in args.only.split(","))
            listed = {name: argv for name, argv in listed.items() if name.startswith(wanted)}
        figures(listed, args.runs, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
