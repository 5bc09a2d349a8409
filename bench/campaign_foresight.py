"""What a campaign's first replies foresee: the forces that answered first, as evidence for the rest.

One request goes to every force, and the replies come back over weeks. The product turns the
replies already in (a campaign's coverage, or the record a shared template carries) into findings
on each part (`composer.campaign.history`: a warning where more than half of at least three
replies met the part on one ground, a note where a quarter did). The checker reads the text; this
reads what forces did. This script asks how often those findings foresee what another force then
did, on real campaigns: cases in the corpus form whose `campaign` field names the request they
are copies of (the same words sent to several forces) and, where the page showed it, whose
`parts` say what the force did with each part (`[{"part": "2b", "outcome": "s12_cost", ...}]`).

For each force of each campaign, the other forces' first replies are made into the record a
shared template would carry (per part, counts by ground: the part's own outcome where the case
gives one, else the request's), and the force's own request is checked against it by the
product's own history findings, nothing else. It is scored as `corpus_eval.py` scores the
checker (warnings and errors only; refusals foreseen per ground; false alarms on requests
answered in full) for:

- every other force of the campaign replied first;
- a pilot: only k of them replied (every choice of k when there are few, else a fixed-seed
  sample of choices; the figures are averages over the choices);
- the checker reading the text alone, as the app ships it;
- both together (either warned).

It also prints how often a force's first answer was the one most other forces gave. Cases are
counted, never listed. Everything is read at run time; no case is kept in the project.

    python bench/campaign_foresight.py FILE [FILE ...] [--pilot 3 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import corpus_eval  # noqa: E402  (beside this file)

# A first reply, whole or per part, as a shared template's record counts it (history.PartRecord):
# the ground it met the part on, "answered", or None (replied, neither answered nor refused: not held).
MET = {"s12_cost": "cost", "clarification": "clarity", "s40_personal": "personal_data", "ncnd": "exemption",
       "partial_other": "exemption", "s14_vexatious": "tone",
       "disclosed": "answered", "answered": "answered", "s21_s22_elsewhere": "answered"}
MAX_CHOICES = 20  # pilots sampled per force when there are more ways to choose k replies than this


def campaigns(cases: list[dict]) -> dict[str, list[dict]]:
    """Cases grouped by the request they are copies of (their `campaign`), two forces or more."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for case in cases:
        if case.get("campaign"):
            groups[case["campaign"]].append(case)
    return {name: group for name, group in groups.items() if len({c["force_id"] for c in group}) >= 2}


def part_outcomes(case: dict) -> dict[str, str]:
    """Part number -> what the force did with it, where the case says."""
    return {str(p["part"]).strip().lower(): p["outcome"] for p in case.get("parts") or [] if p.get("part")}


def carried(case: dict, others: list[dict], checker) -> list:
    """What `others`' first replies tell about each part of `case`'s request, as the records a
    shared template carries (`PastPart`): per part, of the forces whose letter had the same part,
    how many answered it and how many met it on each ground."""
    from composer.campaign.history import SAME_PART, likeness
    from composer.law import readable
    from composer.model import PastPart

    request = checker.request(case)
    out = []
    for numbered in request.numbered():
        text = readable(numbered.part.text, request)
        replied = answered = 0
        met: Counter[str] = Counter()
        for other in others:
            theirs = checker.request(other)
            if theirs is None:
                continue
            best = max(((likeness(text, readable(n.part.text, theirs)), n.number) for n in theirs.numbered()),
                       default=(0.0, ""))
            if best[0] < SAME_PART:
                continue
            what = MET.get(part_outcomes(other).get(best[1], other["outcome"]))
            replied += 1
            if what == "answered":
                answered += 1
            elif what is not None:
                met[what] += 1
        if replied:
            out.append(PastPart(text=text, replied=replied, answered=answered, met=dict(met)))
    return out


def history_findings(case: dict, others: list[dict], checker) -> list:
    """The product's findings from `others`' replies alone on `case`'s request."""
    from composer.campaign.history import with_history

    request = checker.request(case)
    if request is None:
        return []
    force = checker.force(case)
    act = force.act if force is not None else request_act(case)
    return with_history([], request.model_copy(update={"past": carried(case, others, checker)}), None, act)


def request_act(case: dict):
    from composer.model import Act

    return Act.FOISA if str(case.get("jurisdiction", "")).upper() == "FOISA" else Act.FOIA


def row(case: dict, findings: list) -> dict:
    return {"outcome": case["outcome"], "foreseen": corpus_eval.foreseen(case["outcome"], findings),
            "alarms": corpus_eval.alarms(findings)}


def weighed(rows: list[tuple[dict, float]]) -> dict[str, list[float]]:
    """`corpus_eval.score` with each row counted by its weight (a pilot's share of the choices)."""
    out: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for r, weight in rows:
        for key, (k, n) in corpus_eval.score([r]).items():
            out[key][0] += k * weight
            out[key][1] += n * weight
    return dict(out)


def choices(others: list[dict], k: int, rng: random.Random) -> list[list[dict]]:
    every = list(itertools.combinations(range(len(others)), k))
    picked = every if len(every) <= MAX_CHOICES else rng.sample(every, MAX_CHOICES)
    return [[others[i] for i in chosen] for chosen in picked]


def measure(cases: list[dict], pilots: tuple[int, ...], seed: int) -> dict[str, dict[str, list[float]]]:
    """Per way of foreseeing, the counts `corpus_eval.score` gives."""
    from composer.checker.calibration import DEFAULT
    from composer.checker.evidence import default_grounds

    checker = corpus_eval.Checker()
    rng = random.Random(seed)
    grouped = campaigns(cases)
    scored: dict[str, list[tuple[dict, float]]] = defaultdict(list)
    grounds = default_grounds()
    for _, group in sorted(grouped.items()):
        for case in group:
            others = [c for c in group if c["force_id"] != case["force_id"]]
            text = checker.findings(case, DEFAULT, grounds)
            past = history_findings(case, others, checker)
            scored["the text, as the app ships"].append((row(case, text), 1.0))
            scored["every other force's reply"].append((row(case, past), 1.0))
            scored["both (either warned)"].append((row(case, text + past), 1.0))
            for k in pilots:
                if len(others) < k:
                    continue
                picks = choices(others, k, rng)
                for chosen in picks:
                    scored[f"a pilot of {k} forces' replies"].append(
                        (row(case, history_findings(case, chosen, checker)), 1 / len(picks)))
    return {name: weighed(rows) for name, rows in scored.items()}


def same_answer(cases: list[dict]) -> tuple[int, int]:
    """Forces whose first answer was the one most other forces of the campaign gave (ties: any of
    the most given), of those with at least two others."""
    agree = total = 0
    for group in campaigns(cases).values():
        for case in group:
            others = Counter(c["outcome"] for c in group if c["force_id"] != case["force_id"])
            if sum(others.values()) < 2:
                continue
            top = max(others.values())
            total += 1
            agree += others.get(case["outcome"], 0) == top
    return agree, total


def _cell(counts: dict, key: str) -> str:
    k, n = counts.get(key, [0.0, 0.0])
    if not n:
        return "    -    "
    return f"{k:4.1f}/{n:<4.0f}" if k != int(k) or n != int(n) else f"{int(k):>4}/{int(n):<4}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSON-lines files of cases with a `campaign` field")
    parser.add_argument("--pilot", nargs="*", type=int, default=[3, 5],
                        help="sizes of pilot to score (forces that replied first; default 3 5)")
    parser.add_argument("--seed", type=int, default=1, help="the seed for sampling pilots")
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}; give JSON-lines files of campaign cases")
    cases = corpus_eval.load_cases(args.files, private=True)
    grouped = campaigns(cases)
    counted_cases = sum(len(g) for g in grouped.values())
    print(f"{counted_cases} cases in {len(grouped)} campaigns (two forces or more) from "
          f"{', '.join(p.name for p in args.files)}; {len(cases) - counted_cases} cases without one")
    if not grouped:
        return 0
    agree, total = same_answer(cases)
    low, high = corpus_eval.wilson(agree, total)
    print(f" First answer the same as most other forces': {agree}/{total} "
          f"{agree / total if total else 0:.2f} (90% CI {low:.2f}-{high:.2f})")
    results = measure(cases, tuple(args.pilot), args.seed)
    keys = ("overall", "s12_cost", "clarification", "s40_personal", "ncnd", "refusal_warning", "clarity_warning")
    print(f" {'foreseen by':<34} {'four grounds':>11} {'cost':>9} {'clarif':>9} {'s40':>9} {'ncnd':>9}"
          f"   on answered in full: {'refusal':>9} {'clarity':>9}")
    for name, counts in results.items():
        cells = [_cell(counts, key) for key in keys]
        print(f" {name:<34} {cells[0]:>11} {' '.join(f'{c:>9}' for c in cells[1:5])}"
              f"                        {cells[5]:>9} {cells[6]:>9}")
    overall = results.get("every other force's reply", {}).get("overall", [0, 0])
    if overall[1]:
        low, high = corpus_eval.wilson(int(overall[0]), int(overall[1]))
        print(f" Every other force's reply, four grounds: {overall[0] / overall[1]:.2f} (90% CI {low:.2f}-{high:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
