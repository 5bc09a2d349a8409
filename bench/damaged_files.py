"""Damage each kind of file FOI Composer keeps, in many ways, then run the commands that read
it (and, with --app, start the app): count the runs that end in a traceback.

    python bench/damaged_files.py            # every damage x every file kind, commands only
    python bench/damaged_files.py --app      # and start the app (offscreen) on each

Prints one line per failing run and the totals. Every run has its own data folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CLI = [sys.executable, "-m", "composer"]
REQUEST = {"schema_version": 2, "kind": "foi-request", "title": "VHA", "introduction": None,
           "parts": [{"id": "a1", "text": "Does {force_name} use the VHA?", "subparts": []}],
           "options": {}, "fields": {"system_name": "VHA"}, "notes": "", "forces": ["the_met"]}


def damages(valid: bytes) -> dict[str, bytes | None]:
    """name -> damaged content (None: a folder stands where the file should be)."""
    rng = random.Random(12)
    out: dict[str, bytes | None] = {
        "empty": b"", "spaces": b"  \n", "truncated": valid[: len(valid) // 2],
        "binary": bytes(rng.randrange(256) for _ in range(2000)),
        "nul bytes": valid.replace(b'"', b"\x00", 3),
        "deep array": b"[" * 100_000 + b"]" * 100_000,
        "deep object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        "deep but legal": b'{"schema_version": 1, "x": ' + b"[" * 500 + b"]" * 500 + b"}",
        "huge int": b'{"schema_version": ' + b"9" * 5000 + b"}",
        "huge int in field": valid.replace(b'"schema_version": ', b'"schema_version": 1, "n": '
                                           + b"7" * 4400 + b', "v": ', 1),
        "lone surrogate": valid.replace(b'"VHA"', b'"\\ud800VHA"').replace(b'"X"', b'"\\udfffX"'),
        "nan": valid.replace(b'"schema_version": ', b'"nan": NaN, "schema_version": ', 1),
        "infinity float": valid.replace(b'"schema_version": ', b'"inf": 1e999, "schema_version": ', 1),
        "list root": b"[1, 2, 3]", "string root": b'"hello"', "number root": b"42", "null": b"null",
        "schema bool": valid.replace(b'"schema_version": ', b'"schema_version": true, "x": ', 1),
        "schema huge": valid.replace(b'"schema_version": ', b'"schema_version": 99999999999, "x": ', 1),
        "bad utf-8": valid.replace(b"VHA", b"V\xffHA"),
        "utf-16": valid.decode("utf-8").encode("utf-16"),
        "far date": valid.replace(b'"20', b'"99'),
        "year zero": valid.replace(b'"20', b'"00'),
        "long string": valid.replace(b'"VHA"', b'"' + b"x" * 3_000_000 + b'"'),
        "folder": None,
    }
    for seed in range(12):  # bytes flipped at random
        r = random.Random(seed)
        data = bytearray(valid)
        for _ in range(1 + seed % 4):
            data[r.randrange(len(data))] = r.randrange(256)
        out[f"flipped {seed}"] = bytes(data)
    for seed in range(6):  # values swapped for the wrong type
        r = random.Random(100 + seed)
        try:
            doc = json.loads(valid)
        except ValueError:
            continue
        if isinstance(doc, dict) and doc:
            key = r.choice(sorted(doc))
            doc[key] = r.choice([None, [], {}, "x", 1.5, -1, True, [[[]]], {"k": [None]}])
            out[f"wrong type {seed} ({key})"] = json.dumps(doc).encode()
    return out


def valid_files(home: Path) -> dict[str, tuple[Path, bytes]]:
    """Each kind of file: where it lives and a valid content to damage."""
    subprocess.run([*CLI, "campaign", "new", "C", "--request", str(home / "r.foi.json"),
                    "--sent", "2026-11-02"], env=_env(home), capture_output=True, check=True)
    campaign = next((home / "campaigns").glob("*.campaign.json"))
    request = json.dumps(REQUEST, indent=2).encode()
    return {
        "settings": (home / "settings.json", json.dumps({"schema_version": 1, "recent_files": ["X"],
                                                           "forces": ["the_met"]}).encode()),
        "profile": (home / "profile.json", json.dumps({"name": "X", "email": "x@example.org",
                                                         "postal_address": ["1 A St"]}).encode()),
        "forces": (home / "forces.json", json.dumps({"the_met": {"foi_email": "X@example.org"}}).encode()),
        "holidays": (home / "holidays-overrides.json", json.dumps({
            "schema_version": 1, "kind": "holiday-overrides", "removed": [],
            "added": [{"date": "2026-12-01", "name": "X", "regions": ["scotland"]}]}).encode()),
        "library request": (home / "library" / "VHA.foi.json", request),
        "campaign": (campaign, campaign.read_bytes()),
        "autosave": (home / "autosave" / "dead-1.autosave.json", json.dumps({
            "schema_version": 1, "kind": "foi-autosave", "saved_at": "2026-11-30T10:00:00",
            "request": REQUEST}).encode()),
        "request file": (home / "r.foi.json", request),
    }


COMMANDS = {
    "settings": [], "autosave": [],
    "profile": [["profile"], ["check", "{home}/good.foi.json"]],
    "forces": [["forces"], ["check", "{home}/good.foi.json", "--force", "the_met"]],
    "holidays": [["due", "2026-11-20", "--force", "the_met"], ["holidays", "list", "--year", "2026"]],
    "library request": [["library", "list"], ["library", "export", "VHA", "-o", "{home}/out"]],
    "campaign": [["campaign", "list"], ["campaign", "show", "C"]],
    "request file": [["check", "{home}/r.foi.json"], ["show", "{home}/r.foi.json"],
                     ["library", "save", "{home}/r.foi.json"]],
}


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "FOI_COMPOSER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def _broken(result: subprocess.CompletedProcess) -> bool:
    return "Traceback" in result.stderr or result.returncode not in (0, 1, 2)


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, 124, "", "still running after 60 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app", action="store_true", help="also start the app on each")
    parser.add_argument("--only", help="only this file kind")
    args = parser.parse_args()
    runs = crashes = 0
    with tempfile.TemporaryDirectory() as tmp:
        home0 = Path(tmp) / "template"
        home0.mkdir()
        (home0 / "r.foi.json").write_text(json.dumps(REQUEST), "utf-8")
        kinds = valid_files(home0)
        for kind, (path, valid) in kinds.items():
            if args.only and kind != args.only:
                continue
            for name, content in damages(valid).items():
                home = Path(tmp) / "run"
                subprocess.run(["rm", "-rf", str(home)], check=True)
                subprocess.run(["cp", "-r", str(home0), str(home)], check=True)
                (home / "good.foi.json").write_text(json.dumps(REQUEST), "utf-8")
                (home / "out").mkdir()
                target = home / path.relative_to(home0)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.unlink(missing_ok=True)
                if content is None:
                    target.mkdir()
                else:
                    target.write_bytes(content)
                commands = [[a.format(home=home) for a in c] for c in COMMANDS[kind]]
                for command in commands:
                    result = _run([*CLI, *command], _env(home))
                    runs += 1
                    if _broken(result):
                        crashes += 1
                        last = result.stderr.strip().splitlines()[-1:] or ["(no output)"]
                        print(f"CRASH {kind} / {name} / {' '.join(command[:2])}: {last[0][:160]}")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if not target.exists():  # set aside: damage it again for the next command
                        if content is None:
                            target.mkdir()
                        else:
                            target.write_bytes(content)
                if args.app:
                    env = _env(home) | {"FOI_COMPOSER_STARTUP_PROBE": "1"}
                    result = _run([*CLI, "gui"], env)
                    runs += 1
                    if _broken(result) or "shown" not in result.stdout:
                        crashes += 1
                        last = result.stderr.strip().splitlines()[-1:] or ["(no output)"]
                        print(f"CRASH {kind} / {name} / app start: {last[0][:160]}")
    print(f"damaged-file runs: {runs}, ending in a traceback or not starting: {crashes}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
