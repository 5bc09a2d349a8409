"""The figures of issue 12, measured with real processes against a fresh data folder each:

- 20 processes updating one campaign (and 20 adding holidays) at the same moment: how many kept;
- 5 `library save` under one name: how many requests lost;
- every command that writes a file for the user, pointed at a file the user already has (and
  `followup -o DIR` and `export --to DIR` run twice over a hand-edited letter): how many files
  were overwritten without asking;
- personal data planted in every place a request holds text (tests/test_sharing.py's set),
  shared with `library export`: how many planted details are found in the shared file;
- the app typing without a pause, killed with SIGKILL at several points: seconds of typing lost.

    python bench/nothing_lost.py [--kills 5] [--source DIR]

`--source` runs the commands from another checkout (an older one, to compare); the typing figure
needs this one's test hook and is measured only without it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "ui")]
SOURCE = ROOT  # where the commands run from

REQUEST = {"schema_version": 2, "kind": "foi-request", "title": "VHA",
           "parts": [{"id": "a1", "text": "Does {force_name} use the VHA?"}],
           "fields": {}, "forces": ["wmp", "kent_police"]}


def env(home: Path) -> dict[str, str]:
    return {**os.environ, "FOI_COMPOSER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(SOURCE)}


def cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "composer", *args], env=env(home), cwd=SOURCE,
                          capture_output=True, text=True, timeout=300)


def fresh(tmp: Path, name: str) -> tuple[Path, Path]:
    home = tmp / name / "home"
    home.mkdir(parents=True)
    request = tmp / name / "r.foi.json"
    request.write_text(json.dumps(REQUEST), "utf-8")
    return home, request


def concurrent(tmp: Path) -> str:
    home, request = fresh(tmp, "concurrent")
    cli(home, "campaign", "new", "C", "--request", str(request), "--sent", "2026-11-02")
    procs = [subprocess.Popen([sys.executable, "-m", "composer", *args], env=env(home), cwd=SOURCE,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for n in range(20) for args in (
                 ["campaign", "update", "C", "wmp", "--note", f"note {n}"],
                 ["holidays", "add", f"2031-02-{n + 1:02d}", f"Day {n}"])]
    for proc in procs:
        proc.wait()
    campaign = json.loads(next((home / "campaigns").glob("*.campaign.json")).read_text())
    notes = next(f for f in campaign["forces"] if f["force_id"] == "wmp")["notes"].splitlines()
    added = json.loads((home / "holidays-overrides.json").read_text())["added"]
    return (f"20 concurrent campaign updates: {len(set(notes))} kept; "
            f"20 concurrent holiday additions: {len(added)} kept")


def same_name(tmp: Path) -> str:
    home, _ = fresh(tmp, "same-name")
    for n in range(5):
        source = tmp / "same-name" / f"r{n}.foi.json"
        source.write_text(json.dumps(REQUEST | {"parts": [{"id": "a1", "text": f"Q{n}?"}]}))
        cli(home, "library", "save", str(source), "--name", "Same")
    found = {json.loads(p.read_text())["parts"][0]["text"]
             for p in (home / "library").rglob("*.foi.json")}
    return f"5 library saves under one name: {5 - len(found)} lost"


def overwrites(tmp: Path) -> str:
    home, request = fresh(tmp, "overwrite")
    out = tmp / "overwrite" / "out"
    out.mkdir()
    cli(home, "library", "save", str(request))
    cli(home, "campaign", "new", "C", "--request", str(request), "--sent", "2026-10-01")
    mine = "the user's own file\n"
    checks: dict[str, bool] = {}

    def into_file(label: str, name: str, *args: str) -> None:
        target = out / name
        target.write_text(mine)
        cli(home, *[a.replace("{target}", str(target)) for a in args])
        checks[label] = target.read_text() == mine

    def twice_in_folder(label: str, *args: str) -> None:
        folder = out / label.replace(" ", "_")
        folder.mkdir()
        cli(home, *[a.replace("{folder}", str(folder)) for a in args])
        written = sorted(folder.iterdir())
        for path in written:
            path.write_text(mine)
        cli(home, *[a.replace("{folder}", str(folder)) for a in args])
        if written:  # else the command did not run here (an older checkout): not counted
            checks[label] = all(p.read_text() == mine for p in written)

    into_file("library export -o FILE", "shared.foi.json", "library", "export", "VHA", "-o", "{target}")
    twice_in_folder("library export -o DIR", "library", "export", "VHA", "-o", "{folder}")
    into_file("campaign export -o FILE", "report.csv", "campaign", "export", "C", "-o", "{target}")
    into_file("followup -o FILE", "chaser.txt", "followup", "C", "wmp", "--kind", "chaser",
              "-o", "{target}", "--today", "2026-12-20")
    twice_in_folder("followup -o DIR", "followup", "C", "wmp", "--kind", "chaser", "-o", "{folder}",
                    "--today", "2026-12-20", "--format", "txt")
    anyway = ["--anyway"] if "--anyway" in cli(home, "export", "--help").stdout else []
    twice_in_folder("export --to DIR", "export", str(request), "--to", "{folder}", "--format", "txt",
                    *anyway)
    into_file("new -o FILE", "new.foi.json", "new", "--modules", "format", "-o", "{target}")
    lost = [label for label, kept in checks.items() if not kept]
    return (f"files overwritten without asking: {len(lost)} of {len(checks)} output paths"
            + (f" ({', '.join(lost)})" if lost else ""))


def sharing(tmp: Path) -> str:
    from test_sharing import ME, PLANTED, leaks, planted_request

    home, _ = fresh(tmp, "sharing")
    (home / "profile.json").write_text(ME.model_dump_json())
    source = tmp / "sharing" / "planted.foi.json"
    source.write_text(planted_request().model_dump_json())
    cli(home, "library", "save", str(source), "--name", "Planted")
    shared = tmp / "sharing" / "out"
    shared.mkdir()
    result = cli(home, "library", "export", "Planted", "-o", str(shared))
    files = list(shared.iterdir())
    found = leaks(files[0].read_text("utf-8")) if files else list(PLANTED)
    removed = sum(line.startswith("removed:") for line in result.stderr.splitlines())
    return (f"personal data planted: {len(PLANTED)} details in every field; found in the shared "
            f"template: {len(found)}; removals reported: {removed}")


def typing(tmp: Path, kills: int) -> str:
    from test_qt_autosave_deadline import WORDS, type_and_kill

    from composer.library import save_request
    from composer.model import Part, Request

    lost: list[float] = []
    for n in range(kills):
        home = tmp / f"typing-{n}"
        home.mkdir()
        request = home / "typing.foi.json"
        save_request(request, Request(title="Typing", parts=[Part(text="")]))
        times, recovered = type_and_kill(request, home / "data", kill_after=40 + 30 * n)
        assert WORDS.startswith(recovered)
        lost.append(times[-1] - (times[len(recovered) - 1] if recovered else times[0]))
    return ("seconds of typing lost on a kill mid-typing: "
            + ", ".join(f"{s:.2f}" for s in lost) + f" (worst {max(lost):.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--source", type=Path, help="run the commands from this checkout")
    args = parser.parse_args()
    global SOURCE
    SOURCE = args.source.resolve() if args.source else ROOT
    with tempfile.TemporaryDirectory() as tmp:
        for figure in (concurrent, same_name, overwrites, sharing):
            try:
                print(figure(Path(tmp)), flush=True)
            except Exception as exc:  # an older checkout may fail a step outright
                print(f"{figure.__name__}: could not be measured ({type(exc).__name__}: {exc})")
        if args.source is None:
            print(typing(Path(tmp), args.kills), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
