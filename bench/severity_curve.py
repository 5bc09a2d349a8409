"""What a warning's severity could buy: refusals foreseen against false alarms, on unread cases.

The checker warns when one of its rules fires. Setting severity from the evidence taken together
(the issue's "a warning when a force is more likely than not to refuse") would keep a ground's
warnings on a request only when a model of the whole request gives that ground a probability of
at least a threshold; below it they would be notes. This script asks what that would buy, honestly:
on cases scored while no one writing rules had read them, one logistic model per ground (the
request's shape and rule features, `fit_grounds.request_features`; never a word of the text) is
fitted on the other forces' cases and applied to the held-out force's (leave one force out), and
for each threshold it prints the refusals foreseen and the false alarms on requests answered in
full, scored as `corpus_eval.py` scores them.

A threshold only moves along the trade between the two; a curve that never reaches both targets
says the reading, not the severity, is what must improve. The last line shows the models fitted
on every unread case applied to the development cases: weights learned from noise do not hold
there.

    python bench/severity_curve.py FILE [FILE ...] [-C 1.0]

FILE: JSON-lines files of cases in the corpus form (the kept-back sets).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

THRESHOLDS = (0.0, 0.15, 0.2, 0.3, 0.4, 0.5)


def kept(findings: Sequence, keep: dict[str, bool]) -> list:
    """The warnings and errors left when the grounds `keep` says False for are lowered to notes."""
    return [f for f in findings if f.severity != "info" and keep.get(f.category, True)]


def probability(model: tuple[float, dict[str, float]] | None, features: dict[str, float]) -> float:
    if model is None:
        return 1.0  # no model (too few refusals on the ground to fit one): the rules decide
    bias, weights = model
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def fit(items: Sequence[dict], C: float) -> dict[str, tuple[float, dict[str, float]] | None]:
    """Per ground, (bias, weights) fitted on `items`, or None with fewer than two refusals."""
    from composer.checker.evidence import FORESEES
    from fit_grounds import fit_ground

    models: dict[str, tuple[float, dict[str, float]] | None] = {}
    for ground, outcomes in FORESEES.items():
        labels = [item["outcome"] in outcomes for item in items]
        models[ground] = fit_ground([item["features"] for item in items], labels, C=C) \
            if 2 <= sum(labels) < len(labels) else None
    return models


def rows_at(items: Sequence[dict], probabilities: Sequence[dict[str, float]], threshold: float) -> list[dict]:
    """corpus_eval's rows for `items` with each ground's warnings kept where its probability is at
    least `threshold`."""
    import corpus_eval

    rows = []
    for item, p in zip(items, probabilities, strict=True):
        loud = kept(item["findings"], {ground: value >= threshold for ground, value in p.items()})
        rows.append({"outcome": item["outcome"], "foreseen": corpus_eval.foreseen(item["outcome"], loud),
                     "alarms": corpus_eval.alarms(loud)})
    return rows


def curve(items: Sequence[dict], thresholds: Sequence[float] = THRESHOLDS, C: float = 1.0) -> list[tuple[float, dict]]:
    """(threshold, corpus_eval.score counts) for each threshold, every force's items judged by
    models fitted on the other forces' items."""
    import corpus_eval

    probabilities: list[dict[str, float]] = [{} for _ in items]
    for force in sorted({item["force"] for item in items}):
        models = fit([item for item in items if item["force"] != force], C)
        for i, item in enumerate(items):
            if item["force"] == force:
                probabilities[i] = {ground: probability(model, item["features"]) for ground, model in models.items()}
    return [(t, corpus_eval.score(rows_at(items, probabilities, t))) for t in thresholds]


def _items(cases: Sequence[dict], checker) -> list[dict]:
    from composer.checker.calibration import DEFAULT
    from composer.checker.evidence import default_grounds

    items = []
    for case in cases:
        features = checker.request_features(case, DEFAULT)
        if features is not None:
            items.append({"force": case.get("force_id", ""), "outcome": case["outcome"], "features": features,
                          "findings": checker.findings(case, DEFAULT, default_grounds())})
    return items


def _cells(counts: dict) -> str:
    import corpus_eval

    def share(key: str) -> str:
        k, n = counts.get(key, [0, 0])
        return f"{k:>3}/{n:<3}"

    return (f"{share('overall')}  {share('s12_cost')} {share('clarification')} {share('s40_personal')} "
            f"{share('ncnd')}   {share('refusal_warning')} {share('clarity_warning')}  "
            f"{corpus_eval.objective(counts):6.2f}")


def main(argv: list[str] | None = None) -> int:
    import corpus_eval

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSON-lines files of unread cases")
    parser.add_argument("-C", type=float, default=1.0, help="inverse L2 strength of the models (default 1.0)")
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    checker = corpus_eval.Checker()
    items = _items(corpus_eval.load_cases(args.files), checker)
    print(f"{len(items)} unread cases from {', '.join(p.name for p in args.files)}; models fitted leaving one "
          f"force out (C={args.C})")
    print(" threshold   foreseen  cost    clarif  s40     ncnd      false alarms: refusal clarity  objective")
    for threshold, counts in curve(items, C=args.C):
        label = "rules" if threshold == 0 else f"p >= {threshold:.2f}"
        print(f" {label:<10}  {_cells(counts)}")
    development = _items(corpus_eval.load_cases(sorted(corpus_eval.corpus_dir().glob("*.jsonl"))
                                                + sorted(corpus_eval.private_corpus_dir().glob("*.jsonl"))), checker)
    if development:
        models = fit(items, args.C)
        probabilities = [{g: probability(m, item["features"]) for g, m in models.items()} for item in development]
        print(f" Fitted on all {len(items)}, applied to the {len(development)} development cases:")
        for threshold in (0.0, 0.3, 0.5):
            label = "rules" if threshold == 0 else f"p >= {threshold:.2f}"
            counts = corpus_eval.score(rows_at(development, probabilities, threshold))
            print(f" {label:<10}  {_cells(counts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
