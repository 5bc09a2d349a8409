"""How often the checker foresees what forces actually did, on real requests it was not tuned on.

Reads every `*.jsonl` file in ../shared/corpus/ (or $FOI_COMPOSER_SHARED/corpus/): real requests
to UK police forces, each with the force's first answer. The texts are other people's words and
are read from there at run time; none is kept in this project. Cases a developer keeps privately
(see `private_corpus_dir`) are read beside them.

Scoring is by leave-one-force-out cross-validation. For each force, the checker's fitted
settings (`composer.checker.calibration.GRID`: the few thresholds that are tuned at all) are
chosen on the other forces' cases only, and the held-out force's cases are checked with them,
so a threshold that fits one force's wording is scored on the others'. Rules themselves come
from the law and guidance and are the same in every fold. The models that weigh each part's
evidence together per ground (composer/checker/evidence.py, fitted by bench/fit_grounds.py) are
refitted inside each fold on the other forces' cases too, never with the fitted file the app
ships (which has seen every case); the report gives the rules alone and the rules with them.

Only warnings and errors count (a note is not something anyone reads as "this will be refused").
A refusal is foreseen when the checker raises a warning or error of the matching ground:

    clarification -> clarity          s12_cost -> cost          s40_personal -> personal_data
    ncnd -> exemption, or a personal-data finding that the force will neither confirm nor deny
    s14_vexatious -> tone

On requests the force answered in full (`disclosed`) it reports the share with any error, with a
cost, personal-data or exemption warning, and with a clarity warning. Every share comes with a
90% Wilson score interval.

Two figures say whether there is anything to trade between foreseen refusals and false alarms:
per ground, the share of requests met on that ground among those warned and those not (a warning
carries information only where the first is higher), and how well the evidence models' risk
ranks requests (the area under the ROC curve: 0.5 is chance). A threshold moves along the curve;
only a better reading moves the curve.

    python bench/corpus_eval.py [--verbose] [--json] [--no-cv] [--rules-only] [--holdout FILE ...]

`--holdout FILE` scores cases no one writing rules has read (a larger set kept back, in the same
JSON-lines form) with the checker as the app ships it: default settings, and the evidence models
in resources/grounds.json, which bench/fit_grounds.py fits on every development case. Holdout
cases are counted, never listed.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import os
import sys
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))  # fit_grounds, beside this file

REFUSALS = ("s12_cost", "clarification", "s40_personal", "ncnd", "s14_vexatious")
TARGETS = {"overall": 0.75, "s12_cost": 0.6, "clarification": 0.6, "s40_personal": 0.6, "ncnd": 0.6}
ALARM_TARGETS = {"error": 0.1, "refusal_warning": 0.2, "clarity_warning": 0.25}
Z90 = 1.6448536269514722  # the two-sided 90% normal quantile


def wilson(k: int, n: int, z: float = Z90) -> tuple[float, float]:
    """The Wilson score interval for k successes in n trials."""
    if n == 0:
        return 0.0, 1.0
    phat = k / n
    denom = 1 + z * z / n
    centre = (phat + z * z / (2 * n)) / denom
    half = z * math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def private_corpus_dir() -> Path:
    """Cases a developer keeps to themselves (real requests not yet in the shared corpus): every
    `*.jsonl` in `$FOI_COMPOSER_PRIVATE_CORPUS`, or in `corpus/` of the user data folder. Read
    at run time like the shared corpus, never copied into the project."""
    import platformdirs

    env = os.environ.get("FOI_COMPOSER_PRIVATE_CORPUS")
    return Path(env) if env else platformdirs.user_data_path("foi-composer") / "corpus"


def corpus_dir() -> Path:
    shared = Path(os.environ.get("FOI_COMPOSER_SHARED", PROJECT.parent / "shared"))
    return shared / "corpus"


def read_cases(path: Path) -> list[dict]:
    cases = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{number}: not JSON ({exc}); fix or remove that line") from None
    return cases


def load_cases(paths, *, private: bool | None = None) -> list[dict]:
    """Every case in `paths`, each force named by its id in the force directory, and each request
    kept once per force.

    Gatherers wrote some forces' ids their own way ("west_midlands_police" for `wmp`, a legacy
    Scottish force for Police Scotland's Act), and some requests reached two files. A case whose
    id the directory does not know is checked as the force its name reads as (`find_forces` on
    the id written as words, the one place force names are held), or as Police Scotland when the
    case is under FOISA; without this a force's cases were checked with no force at all, and
    leaving one force out left its own copies in training under the other spelling. A request
    seen twice for one force (the same words, spaced and cased alike) is kept once. `private`:
    mark the cases as lent for measuring (None: by their file's name)."""
    from composer.forces import load_directory

    known = load_directory().by_id
    cases: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for path in paths:
        for case in read_cases(path):
            case = dict(case, _private=path.name.startswith("private") if private is None else private)
            force_id = canonical_force(case.get("force_id", ""), case.get("jurisdiction", ""), known)
            if force_id != case.get("force_id", ""):
                case["force_id"] = force_id
            key = (force_id, " ".join(case["request_text"].lower().split()))
            if key in seen:
                continue
            seen.add(key)
            cases.append(case)
    return cases


def canonical_force(force_id: str, jurisdiction: str, known) -> str:
    """`force_id` as the force directory spells it (see `load_cases`); unchanged when unknown."""
    from composer.force_names import find_forces

    if force_id in known:
        return force_id
    named = {m.force_id for m in find_forces(force_id.replace("_", " ").title())}
    if len(named) == 1:
        return named.pop()
    if jurisdiction.upper() == "FOISA" and "police_scotland" in known:
        return "police_scotland"
    return force_id


# Where a stored page lost some of the requester's words, the case marks the gap "[...]" or
# "[... what was lost]". The force saw words there, not a bracket: the mark is taken out before
# checking, so it is not scored as a placeholder the requester left unfilled.
_GAP = re.compile(r"\[\s*(?:\.\.\.|\u2026)[^\]]*\]")


def as_sent(text: str) -> str:
    """The request text without the collector's marks for words the stored page lost."""
    return _GAP.sub(" ", text)


def foreseen(outcome: str, findings) -> bool:
    """Whether the warnings and errors in `findings` foresee `outcome`."""
    loud = [f for f in findings if f.severity != "info"]
    if outcome == "s12_cost":
        return any(f.category == "cost" for f in loud)
    if outcome == "clarification":
        return any(f.category == "clarity" for f in loud)
    if outcome == "s40_personal":
        return any(f.category == "personal_data" for f in loud)
    if outcome == "ncnd":
        return any(f.category == "exemption" or (f.category == "personal_data" and f.ncnd) for f in loud)
    if outcome == "s14_vexatious":
        return any(f.category == "tone" for f in loud)
    return False


def alarms(findings) -> dict[str, bool]:
    loud = [f for f in findings if f.severity != "info"]
    return {
        "error": any(f.severity == "error" for f in loud),
        "refusal_warning": any(f.category in ("cost", "personal_data", "exemption") for f in loud),
        "clarity_warning": any(f.category == "clarity" for f in loud),
    }


class Checker:
    """Reads each case once and checks it with any calibration, remembering the results."""

    def __init__(self) -> None:
        from composer.forces import load_directory
        from composer.model import Requester

        self.directory = load_directory()
        self.requester = Requester(name="A Requester", email="requester@example.org")
        self._requests: dict[str, object] = {}
        self._forces: dict[str, object] = {}
        self._memo: dict[tuple[str, object, object], list] = {}
        self._features: dict[tuple[str, object], dict | None] = {}
        self.unreadable: list[str] = []

    def request(self, case: dict):
        from composer.checker.reading import request_from_text

        if case["id"] not in self._requests:
            request, notes = request_from_text(as_sent(case["request_text"]), source=case["id"])
            if request is None:
                self.unreadable.append(case["id"])
            self._requests[case["id"]] = request
        return self._requests[case["id"]]

    def force(self, case: dict):
        from composer.errors import ComposerError

        key = case.get("force_id", "")
        if key not in self._forces:
            try:
                self._forces[key] = self.directory.get(key)
            except ComposerError:
                self._forces[key] = None
        return self._forces[key]

    def findings(self, case: dict, calibration, grounds=None) -> list:
        """The findings on `case` with `calibration` and the evidence models `grounds` (None: the
        rules alone; never the fitted file, which has seen every case)."""
        from composer.checker import check
        from composer.checker.evidence import NO_GROUNDS

        grounds = NO_GROUNDS if grounds is None else grounds
        key = (case["id"], calibration, grounds)
        if key not in self._memo:
            request = self.request(case)
            self._memo[key] = [] if request is None else check(
                request, force=self.force(case), requester=self.requester, calibration=calibration,
                grounds=grounds)
        return self._memo[key]

    def request_features(self, case: dict, calibration) -> dict | None:
        """The request's evidence as numbers (fit_grounds.request_features), worked out once per
        case and calibration; None when the text cannot be read as a request."""
        from composer.checker.evidence import part_evidence
        from fit_grounds import request_features

        key = (case["id"], calibration)
        if key not in self._features:
            request = self.request(case)
            self._features[key] = None if request is None else request_features(part_evidence(
                request, force=self.force(case), requester=self.requester, calibration=calibration))
        return self._features[key]


def score(rows: list[dict]) -> dict:
    """Counts per outcome and of false alarms on requests answered in full."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row["outcome"] in REFUSALS:
            out[row["outcome"]][0] += row["foreseen"]
            out[row["outcome"]][1] += 1
            if row["outcome"] != "s14_vexatious":
                out["overall"][0] += row["foreseen"]
                out["overall"][1] += 1
        elif row["outcome"] == "disclosed":
            for name, raised in row["alarms"].items():
                out[name][0] += raised
                out[name][1] += 1
    return dict(out)


def objective(counts: dict) -> float:
    """What fitting maximises: the mean share foreseen over the four grounds, less the false
    alarms on requests answered in full beyond their targets (counted twice over)."""
    shares = [counts[o][0] / counts[o][1] for o in TARGETS if o != "overall" and counts.get(o, [0, 0])[1]]
    gain = sum(shares) / len(shares) if shares else 0.0
    penalty = 0.0
    for name, limit in ALARM_TARGETS.items():
        k, n = counts.get(name, [0, 0])
        if n:
            penalty += 2 * max(0.0, k / n - limit)
    return gain - penalty


# A refusal section: the cost limit, vexatious requests, the exemptions (FOIA ss21-44; FOISA's lie
# in the same range). Not s1, s16 or s17, which every reply may mention.
_SECTION = re.compile(r"\bs(\d+)")


def refusal_sections(texts) -> list[int]:
    """The refusal sections named in `texts` ("FOIA s31(1)(a); ..." or "31(1)(a)"), as numbers."""
    found = set()
    for text in texts:
        for match in _SECTION.finditer(text) if "s" in text else re.finditer(r"^(\d+)", text.strip()):
            number = int(match.group(1))
            if number in (12, 14) or 21 <= number <= 44:
                found.add(number)
    return sorted(found)


def risks(case: dict, checker: Checker, calibration, grounds) -> dict[str, float]:
    """The evidence models' probability per ground for the request as a whole (the models are
    fitted on request-level features: each the largest over the parts); {} without models."""
    if grounds is None or not grounds.models:
        return {}
    features = checker.request_features(case, calibration)
    if features is None:
        return {}
    return {model.ground: model.probability(features) for model in grounds.models}


def rows_for(cases: list[dict], checker: Checker, calibration, grounds=None) -> list[dict]:
    rows = []
    for case in cases:
        findings = checker.findings(case, calibration, grounds)
        loud = [f for f in findings if f.severity != "info"]
        cited: dict[str, set[int]] = defaultdict(set)
        for f in loud:
            cited[f.rule].update(refusal_sections([f.law]))
        rows.append({
            "id": case["id"], "force": case.get("force_id", ""), "outcome": case["outcome"],
            "private": case.get("_private", False),
            "foreseen": foreseen(case["outcome"], findings), "alarms": alarms(findings),
            "loud": sorted({f"{f.category}:{f.rule}" for f in loud}),
            "cited": {rule: sorted(numbers) for rule, numbers in cited.items()},
            "sections": refusal_sections(case.get("sections_cited") or []),
            "risk": risks(case, checker, calibration, grounds),
        })
    return rows


def auc(positives: list[float], negatives: list[float]) -> float | None:
    """The chance that a request of `positives` scores above one of `negatives` (ties count half):
    the area under the ROC curve. 0.5 is chance; None when either side is empty."""
    if not positives or not negatives:
        return None
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score([1] * len(positives) + [0] * len(negatives), [*positives, *negatives]))


def ranking(rows: list[dict]) -> dict[str, dict[str, float | None]]:
    """Per ground, how well the evidence models' risk ranks requests: refused on that ground
    against every other request, and against those answered in full. Thresholds trade foreseen
    refusals for false alarms; the ranking says whether there is anything to trade."""
    from composer.checker.evidence import GROUND_OUTCOMES

    out: dict[str, dict[str, float | None]] = {}
    for ground, outcome in GROUND_OUTCOMES.items():
        scored = [(row["outcome"], row["risk"][ground]) for row in rows if ground in row.get("risk", {})]
        refused = [p for o, p in scored if o == outcome]
        out[ground] = {"vs_rest": auc(refused, [p for o, p in scored if o != outcome]),
                       "vs_disclosed": auc(refused, [p for o, p in scored if o == "disclosed"])}
    return out


def lift(rows: list[dict], category: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """(refused on the ground, requests) among those with a warning of `category` and among those
    without: a warning carries information only where the first share is above the second."""
    from composer.checker.evidence import FORESEES

    outcomes = FORESEES[category]
    warned = [any(item.startswith(f"{category}:") for item in row["loud"]) for row in rows]
    hit = [row["outcome"] in outcomes for row in rows]
    return ((sum(h for h, w in zip(hit, warned) if w), sum(warned)),
            (sum(h for h, w in zip(hit, warned) if not w), len(rows) - sum(warned)))


def borne_out(row: dict, category: str, rule: str) -> bool:
    """Whether the force met a warning of `rule`: its first answer was on the warning's ground, or,
    answered or not, it withheld under a section the warning named."""
    from composer.checker.evidence import FORESEES

    if row["outcome"] in FORESEES.get(category, ()):
        return True
    return row["outcome"] != "disclosed" and bool(set(row.get("cited", {}).get(rule, ())) & set(row.get("sections", ())))


def fit(cases: list[dict], checker: Checker):
    """The calibration in the grid that scores best on `cases`."""
    from composer.checker.calibration import GRID

    return max(GRID, key=lambda cal: (objective(score(rows_for(cases, checker, cal))), cal == GRID[0]))


EVIDENCE = {"C": None, "tuned": False, "lower": False}  # the fitting's settings (fit_grounds' defaults unless given)


def fit_evidence(cases: list[dict], checker: Checker, calibration):
    """The per-ground evidence models (composer/checker/evidence.py) fitted on `cases` only."""
    from fit_grounds import C_DEFAULT, fit_models

    kept = [(case, checker.request_features(case, calibration)) for case in cases]
    kept = [(case, row) for case, row in kept if row is not None]
    groups = [case.get("force_id", "") for case, _ in kept]
    return fit_models([row for _, row in kept], [case["outcome"] for case, _ in kept],
                      C=EVIDENCE["C"] or C_DEFAULT, groups=groups, tune_threshold=EVIDENCE["tuned"],
                      lower=EVIDENCE["lower"])


def cross_validate(cases: list[dict], checker: Checker, *, evidence: bool = True
                   ) -> tuple[list[dict], list[dict], dict[str, object]]:
    """Leave one force out: each force's cases checked with settings fitted on the others', by the
    rules alone and by the rules with the evidence models refitted on the other forces' cases."""
    forces = sorted({c.get("force_id", "") for c in cases})
    before: list[dict] = []
    after: list[dict] = []
    chosen: dict[str, object] = {}
    for held_out in forces:
        train = [c for c in cases if c.get("force_id", "") != held_out]
        test = [c for c in cases if c.get("force_id", "") == held_out]
        calibration = fit(train, checker)
        chosen[held_out] = calibration
        before += rows_for(test, checker, calibration)
        if evidence:
            after += rows_for(test, checker, calibration, fit_evidence(train, checker, calibration))
    return before, after, chosen


def score_holdout(holdout: list[dict], checker: Checker, *, evidence: bool = True) -> tuple[list[dict], list[dict]]:
    """`holdout` checked once as the app ships: its default settings, and the evidence models in
    resources/grounds.json (fitted on every development case by bench/fit_grounds.py); by the
    rules alone and by the rules with the evidence weighed."""
    from composer.checker.calibration import DEFAULT
    from composer.checker.evidence import default_grounds

    before = rows_for(holdout, checker, DEFAULT)
    after = rows_for(holdout, checker, DEFAULT, default_grounds()) if evidence else before
    for row in before + after:
        row["private"] = True  # counted, never listed: a holdout read case by case is a holdout no more
    return before, after


def track_records(rows: list[dict]) -> dict:
    """Per rule, the requests it warned on and how many of those bore it out (`borne_out`)."""
    from composer.checker.evidence import FORESEES
    from composer.checker.track import Record

    warned: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    for row in rows:
        for item in row["loud"]:
            category, rule = item.split(":", 1)
            if category in FORESEES:
                warned[rule] += 1
                right[rule] += borne_out(row, category, rule)
    return {rule: Record(warned[rule], right[rule]) for rule in warned}


def _line(name: str, k: int, n: int, target: str = "") -> str:
    low, high = wilson(k, n)
    share = k / n if n else 0.0
    return f"  {name:<34} {k:>3}/{n:<3} {share:5.2f}  90% CI {low:.2f}-{high:.2f}{target}"


def _listed(row: dict) -> bool:
    """Cases of a private set (a file named private-*.jsonl, lent for measuring) are counted but
    never listed, so their ids cannot steer the rules."""
    return not row.get("private")


def report(rows: list[dict], title: str, verbose: bool) -> None:
    counts = score(rows)
    print(f"\n{title}: {len(rows)} cases")
    print(" Refusals foreseen (a warning or error of the matching ground):")
    labels = {"overall": "all four grounds", "s12_cost": "cost (s12)", "clarification": "clarification (s1(3))",
              "s40_personal": "personal data (s40)", "ncnd": "neither confirm nor deny",
              "s14_vexatious": "vexatious (s14)"}
    for key in ("overall", "s12_cost", "clarification", "s40_personal", "ncnd", "s14_vexatious"):
        k, n = counts.get(key, [0, 0])
        target = f"   target >= {TARGETS[key]}" if key in TARGETS else ""
        print(_line(labels[key], k, n, target))
        if verbose and key != "overall":
            for row in rows:
                if row["outcome"] == key and not row["foreseen"] and _listed(row):
                    print(f"      missed {row['id']}: {', '.join(row['loud']) or 'no warnings'}")
    print(" Requests answered in full (false alarms):")
    alarm_labels = {"error": "with an error", "refusal_warning": "with a cost/personal/exemption warning",
                    "clarity_warning": "with a clarity warning"}
    for key, label in alarm_labels.items():
        k, n = counts.get(key, [0, 0])
        print(_line(label, k, n, f"   target <= {ALARM_TARGETS[key]}"))
        if verbose:
            for row in rows:
                if row["outcome"] == "disclosed" and row["alarms"][key] and _listed(row):
                    print(f"      {row['id']}: {', '.join(row['loud'])}")
    print(" Warnings that were right (requests with a warning of the ground that the force met that way, or")
    print(" with a refusal under a section the warning named):")
    from composer.checker.evidence import FORESEES

    for category in FORESEES:
        warned = [(row, [item.split(":", 1)[1] for item in row["loud"] if item.startswith(f"{category}:")])
                  for row in rows]
        warned = [(row, rules) for row, rules in warned if rules]
        k = sum(any(borne_out(row, category, rule) for rule in rules) for row, rules in warned)
        print(_line(category.replace("_", " "), k, len(warned)))
    combined = sum(any(item.endswith(".combined") for item in row["loud"]) for row in rows)
    print(f"  requests with a warning from the evidence combined: {combined}")
    print(" Whether a warning tells anything (share of requests the force met on the ground, with a")
    print(" warning of it and without):")
    for category in FORESEES:
        (k1, n1), (k0, n0) = lift(rows, category)
        with_share = f"{k1 / n1:.2f}" if n1 else "  - "
        without_share = f"{k0 / n0:.2f}" if n0 else "  - "
        print(f"  {category.replace('_', ' '):<34} warned {k1:>3}/{n1:<3} {with_share}   not warned {k0:>3}/{n0:<3} "
              f"{without_share}")
    ranks = ranking(rows)
    if any(v["vs_rest"] is not None for v in ranks.values()):
        print(" How well the evidence models rank requests by risk (AUC: the chance a request refused on the")
        print(" ground scores above one that was not; 0.5 is chance, 1.0 perfect):")
        for ground, v in ranks.items():
            rest = "  -  " if v["vs_rest"] is None else f"{v['vs_rest']:.2f}"
            full = "  -  " if v["vs_disclosed"] is None else f"{v['vs_disclosed']:.2f}"
            print(f"  {ground.replace('_', ' '):<34} against every other request {rest}   against those answered "
                  f"in full {full}")



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missed refusals and false alarms")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rules-only", action="store_true",
                        help="score the rules alone, without the evidence models (faster)")
    parser.add_argument("--no-cv", action="store_true",
                        help="also score with the default settings on every case (not cross-validated)")
    parser.add_argument("-C", type=float, help="the evidence models' inverse L2 strength (fit_grounds' default)")
    parser.add_argument("--tuned", action="store_true",
                        help="tune each ground's threshold inside the fold (fit_grounds.tuned_threshold), not 0.5")
    parser.add_argument("--lowering", action="store_true",
                        help="let the refitted models lower a lone warning to a note (fit_grounds.py --lowering)")
    parser.add_argument("--holdout", nargs="+", type=Path, metavar="FILE",
                        help="score these JSON-lines files of unread cases with everything fitted on the development cases")
    parser.add_argument("--write-track", action="store_true",
                        help="with --holdout: write each rule's record on those cases to resources/track.json")
    args = parser.parse_args()
    EVIDENCE.update(C=args.C, tuned=args.tuned, lower=args.lowering)

    folder = corpus_dir()
    files = sorted(folder.glob("*.jsonl")) + sorted(private_corpus_dir().glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no corpus found: {folder} has no *.jsonl files (the shared corpus lives "
                         "beside the project in ../shared/corpus, or set FOI_COMPOSER_SHARED)")
    cases = load_cases(files)
    checker = Checker()
    if args.holdout:
        missing = [str(path) for path in args.holdout if not path.is_file()]
        if missing:
            raise SystemExit(f"no such holdout file: {', '.join(missing)}; give the path of a JSON-lines file of cases")
        holdout = load_cases(args.holdout, private=False)
        before, rows = score_holdout(holdout, checker, evidence=not args.rules_only)
        print(f"{len(holdout)} holdout cases from {', '.join(p.name for p in args.holdout)}, checked as the app "
              "ships (default settings; evidence models fitted on the development cases)")
        if not args.rules_only:
            report(before, "Holdout, the rules alone", False)
        report(rows, "Holdout" + ("" if args.rules_only else ", the rules with the evidence weighed together"),
               args.verbose)
        if checker.unreadable:
            print(f" Not read as a request: {len(checker.unreadable)} case(s)")
        if args.write_track:
            from datetime import date

            from composer.checker import track

            about = {"measured_on": {"cases": len(holdout), "files": [p.name for p in args.holdout],
                                     "date": date.today().isoformat()},
                     "how": "each rule's warnings on cases no one writing rules had read, checked as the app "
                            "ships; right: the force's first answer was on that ground, or it withheld "
                            "under a section the warning named (corpus_eval.borne_out)",
                     "command": "python bench/corpus_eval.py --holdout FILE ... --write-track"}
            track.TRACK_PATH.write_text(json.dumps(track.as_json(track_records(rows), **about), indent=1) + "\n",
                                        "utf-8")
            print(f"wrote {track.TRACK_PATH}")
        return
    elif args.write_track:
        raise SystemExit("--write-track needs --holdout FILE: records come from cases no one writing rules has read")
    before, rows, chosen = cross_validate(cases, checker, evidence=not args.rules_only)
    if args.rules_only:
        rows = before
    if args.json:
        out = {"cases": len(cases)}
        for name, scored in (("rules_only", before), ("cross_validated", rows)):
            out[name] = {}
            for key, (k, n) in score(scored).items():
                low, high = wilson(k, n)
                out[name][key] = {"k": k, "n": n, "share": k / n if n else None, "ci90": [round(low, 3), round(high, 3)]}
            from composer.checker.evidence import FORESEES

            out[name]["lift"] = {category: dict(zip(("warned", "not_warned"), lift(scored, category)))
                                 for category in FORESEES}
            out[name]["ranking"] = ranking(scored)
        print(json.dumps(out, indent=2))
        return
    print(f"{len(cases)} cases from {', '.join(p.name for p in files)}; "
          f"{len({c.get('force_id') for c in cases})} forces")
    if not args.rules_only:
        report(before, "Leave one force out, the rules alone", False)
    report(rows, "Leave one force out" + ("" if args.rules_only else ", the rules with the evidence weighed "
                                           "together (models refitted in each fold)"), args.verbose)
    distinct = sorted({repr(c) for c in chosen.values()})
    print(f"\n Settings chosen across folds: {len(distinct)} distinct; " + "; ".join(distinct))
    if checker.unreadable:
        print(f" Not read as a request: {len(checker.unreadable)} case(s)")
    if args.no_cv:
        from composer.checker.calibration import DEFAULT

        report(rows_for(cases, checker, DEFAULT), "Default settings on every case (not cross-validated)",
               args.verbose)


if __name__ == "__main__":
    main()
