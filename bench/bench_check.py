"""How long the checker takes on a whole request, so the GUI can check on every keystroke.

Prints figures; asserts nothing. The request: an umbrella question with every question-bank
module as its sub-parts (long, carefully worded parts), then parts worded the way real requests
are, several of which draw findings; sized 10, 40, 100, 400, 1,000 and 10,000 parts. Targets
(issue 15): a keystroke in a 40-part request in 5 ms or less, in a 400-part request in 16 ms or
less, and the time per part no worse at 10,000 parts (linear).

Two timings per size:
- cold: every remembered search result dropped before each check (the first check of a request
  just opened);
- keystroke: one part's text changes between checks, as when the user types (the GUI's case:
  only the changed part is searched again, the rest come from memory).

Then a keystroke as the app makes it once it has read your campaigns (the check, and what forces
did with the same parts before: three earlier campaigns of the same request) at 40 and 400 parts.

The last line gives a keystroke's cost per part at 1,000 and 10,000 parts and their ratio (1.00:
linear), in wall-clock time and in this process's CPU time, which other work on a busy machine
does not inflate.

    python bench/bench_check.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Wording as requesters write it: some clean, some that draw findings.
_FREE_TEXT = [
    "How many people were arrested for drug offences?",
    "Please provide all correspondence about the contract with the supplier.",
    "Please give the age, race and gender of those arrested as a result of the system.",
    "Does the force use predictive policing?",
    "Why did the force decide to buy the system?",
    "Please provide the names of the officers who approved the purchase.",
    "What are the force's plans for the use of drones in surveillance work?",
    "How many incidents were recorded in 2023, broken down by ward and ethnicity?",
    "Please list the dates and locations where facial recognition vans were deployed.",
    "What is the name of the system? When was it bought? Who supplies it?",
]


def request_of(size: int):
    from composer.bank import build_request, load_bank
    from composer.model import Part

    bank = load_bank()
    ids = [m.id for m in bank.modules if not m.umbrella and m.questions]
    base = build_request([("use_individual_risk", ids)], answer_format="csv", system_name="the tool")
    parts = list(base.parts)
    count = sum(1 for _ in base.all_parts())
    i = 0
    while count < size:
        parts.append(Part(text=_FREE_TEXT[i % len(_FREE_TEXT)]))
        count += 1
        i += 1
    return base.model_copy(update={"parts": parts})


def timed(func, runs: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock milliseconds of each run of `func`; with `cpu`, this process's CPU milliseconds
    of each run are added to it (other processes on a busy machine do not count in them)."""
    out = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        out.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - start_cpu) * 1000)
    return out


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, int(0.95 * len(times)) - 1)]


def with_past(size: int, runs: int, force, requester) -> None:
    """A keystroke as the app makes it once it has read your campaigns: the check, and what forces
    did with the same parts before (campaign.history), here three earlier campaigns of this very
    request, every part refused by three forces."""
    from datetime import date

    from composer.campaign.history import history_of, with_history
    from composer.checker import check
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign, record_reply
    from composer.replies import ReplyKind, ReplyReading

    request = request_of(size)
    forces = load_directory().resolve("the_met,kent_police,wmp,gmp,essex_police")
    campaigns = []
    for k in range(3):
        c = new_campaign(name=f"Earlier {k}", request=request, forces=forces, sent=date(2026, 1, 5)).value
        for force_id in ("the_met", "kent_police", "wmp"):
            c = record_reply(c, force_id=force_id, file="reply.pdf", on=date(2026, 2, 2),
                             reading=ReplyReading(kind=ReplyKind.REFUSED, sections=["s12"])).value
        campaigns.append(c)
    start = time.perf_counter()
    past = history_of(campaigns)
    built = (time.perf_counter() - start) * 1000
    typed = [0]
    target = request.parts[-1]

    def keystroke():
        typed[0] += 1
        target.text = _FREE_TEXT[1] + " x" * (typed[0] % 50) + f" {typed[0]}"
        with_history(check(request, force=force, requester=requester), request, past, force.act)

    key_ms = timed(keystroke, runs)
    parts = sum(1 for _ in request.all_parts())
    print(f"{parts:4d} parts with 3 earlier campaigns of it read ({built:.0f} ms to read them): keystroke median "
          f"{statistics.median(key_ms):5.2f} ms (min {min(key_ms):5.2f}, p95 {p95(key_ms):5.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    start = time.perf_counter()
    from composer.checker import check
    from composer.checker.patterns import forget
    from composer.forces import load_directory
    from composer.model import Requester
    from composer.ordering import suggest_order
    imported = (time.perf_counter() - start) * 1000

    force = load_directory().get("wmp")
    requester = Requester(name="Jane Smith", email="jane@example.org")
    print(f"import composer.checker (glossary read, regexes compiled): {imported:.1f} ms")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs: on a busy machine the median "
          "rises, the minimum shows the cost of the check itself")
    check(request_of(10), force=force, requester=requester)  # warm the force-name pattern cache

    def cold(request):
        forget()
        check(request, force=force, requester=requester)

    per_part: dict[int, tuple[float, float]] = {}  # size -> keystroke µs per part (wall, CPU), medians
    for size in (10, 40, 100, 400, 1000, 10000):
        request = request_of(size)
        parts = sum(1 for _ in request.all_parts())
        findings = check(request, force=force, requester=requester)
        runs = args.runs if size <= 100 else max(20, args.runs // 5) if size <= 1000 else 5
        cold_ms = timed(lambda: cold(request), runs)

        typed = [0]
        target = request.parts[-1]

        def keystroke():
            typed[0] += 1
            target.text = _FREE_TEXT[1] + " x" * (typed[0] % 50) + f" {typed[0]}"
            check(request, force=force, requester=requester)

        key_cpu: list[float] = []
        key_ms = timed(keystroke, runs, key_cpu)
        per_part[size] = (statistics.median(key_ms) / parts * 1000, statistics.median(key_cpu) / parts * 1000)
        forget()
        order = timed(lambda: (forget(), suggest_order(request)), runs)
        print(f"{parts:4d} parts, {len(findings):3d} findings: "
              f"cold median {statistics.median(cold_ms):6.2f} ms (min {min(cold_ms):5.2f}, p95 {p95(cold_ms):6.2f}, "
              f"{statistics.median(cold_ms) / parts * 1000:4.0f} µs/part); "
              f"keystroke median {statistics.median(key_ms):5.2f} ms (min {min(key_ms):5.2f}, p95 {p95(key_ms):5.2f}, "
              f"{statistics.median(key_ms) / parts * 1000:4.0f} µs/part); "
              f"suggest_order cold {statistics.median(order):.2f} ms")
    for size in (40, 400):
        with_past(size, args.runs if size <= 100 else max(20, args.runs // 5), force, requester)
    (wall_1k, cpu_1k), (wall_10k, cpu_10k) = per_part[1000], per_part[10000]
    print(f"keystroke per part (median): 1,000 parts {wall_1k:.1f} µs (CPU {cpu_1k:.1f}), 10,000 parts "
          f"{wall_10k:.1f} µs (CPU {cpu_10k:.1f}); 10,000 against 1,000: {wall_10k / wall_1k:.2f}x "
          f"(CPU {cpu_10k / cpu_1k:.2f}x; 1.00 is linear)")


if __name__ == "__main__":
    main()
