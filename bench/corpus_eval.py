"""How often the checker foresees what forces actually did, on real requests.

Reads the shared development corpus (../shared/corpus/dev.jsonl, or $FOI_COMPOSER_SHARED) and
this project's own cases (bench/corpus/*.jsonl: extra.jsonl, gathered after the rules were
written; heldout.jsonl, never used to change a rule). Each case is a real request with the
force's first answer. For each outcome it reports how often the checker foresaw it, that is
raised a finding of the matching category:

    clarification -> clarity      s12_cost -> cost      s40_personal -> personal_data
    ncnd -> exemption

and, on requests the force answered in full (`disclosed`), how often it raised a false alarm:
a warning or error in any of those four categories. "Foreseen" counts findings of any severity;
the figure in brackets counts warnings and errors only.

    python bench/corpus_eval.py [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

EXPECTED = {
    "clarification": "clarity",
    "s12_cost": "cost",
    "s40_personal": "personal_data",
    "ncnd": "exemption",
}
WATCHED = frozenset(EXPECTED.values())


def corpus_files() -> list[Path]:
    shared = Path(os.environ.get("FOI_COMPOSER_SHARED", PROJECT.parent / "shared"))
    files = [shared / "corpus" / "dev.jsonl"]
    files += sorted((PROJECT / "bench" / "corpus").glob("*.jsonl"))
    return [f for f in files if f.exists()]


def read_cases(path: Path) -> list[dict]:
    cases = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{number}: not JSON ({exc})") from None
    return cases


def request_of(case: dict):
    """The case's request as the text importer reads it; one part holding the whole text if the
    importer finds no request in it (counted and reported, not hidden)."""
    from composer.errors import ComposerError
    from composer.model import Part, Request
    from composer.textimport import parse_request

    try:
        return parse_request(case["request_text"], source=case["id"]), True
    except ComposerError:
        return Request(parts=[Part(text=case["request_text"])]), False


def evaluate(cases: list[dict]) -> dict:
    from composer.checker import check
    from composer.errors import ComposerError
    from composer.forces import load_directory
    from composer.model import Requester

    directory = load_directory()
    requester = Requester(name="A Requester", email="requester@example.org")
    rows = []
    for case in cases:
        request, parsed = request_of(case)
        try:
            force = directory.get(case.get("force_id", ""))
        except ComposerError:
            force = None
        findings = check(request, force=force, requester=requester)
        rows.append({
            "id": case["id"],
            "outcome": case["outcome"],
            "parsed": parsed,
            "parts": sum(1 for _ in request.all_parts()),
            "categories": sorted({f.category for f in findings}),
            "loud": sorted({f.category for f in findings if f.severity != "info"}),
            "rules": sorted({f"{f.rule}:{f.severity[0]}" for f in findings if f.category in WATCHED}),
        })
    return summarise(rows)


def summarise(rows: list[dict]) -> dict:
    by_outcome: dict[str, dict] = defaultdict(lambda: {"n": 0, "foreseen": 0, "foreseen_loud": 0, "missed": []})
    disclosed = {"n": 0, "false_alarms": 0, "cases": []}
    for row in rows:
        outcome = row["outcome"]
        if outcome in EXPECTED:
            want = EXPECTED[outcome]
            entry = by_outcome[outcome]
            entry["n"] += 1
            entry["foreseen"] += want in row["categories"]
            entry["foreseen_loud"] += want in row["loud"]
            if want not in row["categories"]:
                entry["missed"].append(row["id"])
        elif outcome == "disclosed":
            disclosed["n"] += 1
            alarms = sorted(WATCHED & set(row["loud"]))
            if alarms:
                disclosed["false_alarms"] += 1
                disclosed["cases"].append({"id": row["id"], "rules": [r for r in row["rules"] if not r.endswith(":i")]})
    unparsed = [r["id"] for r in rows if not r["parsed"]]
    return {"cases": len(rows), "by_outcome": dict(by_outcome), "disclosed": disclosed,
            "unparsed": unparsed, "rows": rows}


def _rate(k: int, n: int) -> str:
    return f"{k}/{n} ({100 * k / n:.0f}%)" if n else "-"


def report(name: str, result: dict, verbose: bool) -> None:
    print(f"\n{name}: {result['cases']} cases")
    for outcome in EXPECTED:
        entry = result["by_outcome"].get(outcome)
        if not entry:
            print(f"  {outcome:<14} no cases")
            continue
        print(f"  {outcome:<14} foreseen {_rate(entry['foreseen'], entry['n']):<13} "
              f"[warning+ {_rate(entry['foreseen_loud'], entry['n'])}]  ({EXPECTED[outcome]})")
        if verbose and entry["missed"]:
            print(f"  {'':<14} missed: {', '.join(entry['missed'])}")
    d = result["disclosed"]
    print(f"  {'disclosed':<14} false alarms {_rate(d['false_alarms'], d['n'])}")
    if verbose:
        for case in d["cases"]:
            print(f"  {'':<14} {case['id']}: {', '.join(case['rules'])}")
    if result["unparsed"]:
        print(f"  text importer found no request in {len(result['unparsed'])}: "
              f"{', '.join(result['unparsed'])} (checked as one part)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missed cases and false alarms")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    files = corpus_files()
    if not files:
        raise SystemExit("no corpus found: ../shared/corpus/dev.jsonl and bench/corpus/*.jsonl are missing")
    results = {}
    everything: list[dict] = []
    for path in files:
        cases = read_cases(path)
        everything += cases
        results[path.name] = evaluate(cases)
    if len(files) > 1:
        results["all"] = evaluate(everything)
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "rows"} for k, v in results.items()},
                         indent=2))
        return
    for name, result in results.items():
        report(name, result, args.verbose)


if __name__ == "__main__":
    main()
