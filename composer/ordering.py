"""Cost-limit ordering: which parts a force should answer first if it nears the cost limit.

With the cost-limit clause, a force answers parts in the order they are numbered until the
limit (FOIA s12: £450 for police) is reached. A costly part early on can use up the whole limit
and leave the cheap parts the requester wanted most unanswered. `suggest_order` puts the parts
the user ranked first, and among equals the cheapest, at the front;
`composer.operations.request.accept_order` applies it.

A part's burden comes from the question bank when the part came from it (`Part.source`), else
from its wording. Conditional parts ("if yes …") travel with the part they depend on, and
sub-parts with their parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from composer.checker.estimate import Estimate, estimates
from composer.model import Force, Part, Request

Burden = Literal["low", "medium", "high"]
BURDEN_RANK: dict[str, int] = {"low": 0, "medium": 1, "high": 2}
LOW_HOURS = 2.0  # under this, a part is cheap: a fact or a document; a query is "medium"


@dataclass(frozen=True)
class OrderSuggestion:
    order: list[str]  # top-level part ids, first to be answered first
    reasons: dict[str, str] = field(default_factory=dict)  # part id -> why it sits where it does
    changed: bool = False  # differs from the order the force would read now
    burden: dict[str, str] = field(default_factory=dict)  # part id -> "low" | "medium" | "high"
    hours: dict[str, float] = field(default_factory=dict)  # part id -> estimated hours, sub-parts included
    running: dict[str, float] = field(default_factory=dict)  # part id -> hours up to and including it
    limit_hours: float = 18.0  # the Act's limit (composer.law)
    act: str = "FOIA"
    stop_at: str | None = None  # the first part a force would likely not reach within the limit

    def fits(self, part_id: str) -> bool:
        """Whether the force would likely reach `part_id` within the limit."""
        return self.running.get(part_id, 0.0) <= self.limit_hours


@lru_cache(maxsize=1)
def _bank():
    try:
        from composer.bank import load_bank
    except ImportError:  # the question bank is optional for ordering
        return None
    try:
        return load_bank()
    except Exception:  # a broken bank file must not stop the checker; the estimate works
        return None


def _bank_burden(source: str) -> str | None:
    bank = _bank()
    if bank is None:
        return None
    try:
        question = bank.question(source)
    except Exception:
        return None
    burden = getattr(question, "burden", None) if question is not None else None
    return burden if burden in BURDEN_RANK else None


def burden_of_hours(hours: float, limit: float) -> Burden:
    if hours < LOW_HOURS:
        return "low"
    return "high" if hours > limit / 2 else "medium"


def text_burden(text: str) -> tuple[Burden, str]:
    """The burden of a part written alone, from the checker's estimate, and why in plain words."""
    found, law = estimates(Request(parts=[Part(text=text)]))
    est = next(iter(found.values()))
    return burden_of_hours(est.hours, law.cost_limit_hours), est.words


def part_burden(part: Part) -> tuple[Burden, str]:
    """A part's own burden (not its sub-parts'), from the bank if it came from there."""
    if part.source:
        burden = _bank_burden(part.source)
        if burden is not None:
            return burden, f"rated {burden} in the question bank"  # type: ignore[return-value]
    return text_burden(part.text)


def block_burden(part: Part) -> tuple[Burden, str]:
    """The heaviest of a part and its sub-parts."""
    best = part_burden(part)
    for sub in part.subparts:
        candidate = part_burden(sub)
        if BURDEN_RANK[candidate[0]] > BURDEN_RANK[best[0]]:
            best = candidate
    return best


def _part_hours(part: Part, found: dict[str, Estimate], limit: float) -> tuple[float, str]:
    """Hours for a part with its sub-parts, and the words of its costliest piece. A part rated in
    the question bank costs at least what its rating means."""
    pieces, stack = [], [part]
    while stack:
        piece = stack.pop()
        pieces.append(piece)
        stack.extend(reversed(piece.subparts))
    total, words, worst = 0.0, "", -1.0
    for piece in pieces:
        est = found.get(piece.id)
        hours = est.hours if est is not None else 0.0
        rated = _bank_burden(piece.source) if piece.source else None
        floor = {"low": 0.0, "medium": LOW_HOURS + 0.5, "high": limit / 2 + 1}.get(rated or "", 0.0)
        if floor > hours:
            hours = floor
            reason = f"rated {rated} in the question bank"
        else:
            reason = est.words if est is not None else ""
        total += hours
        if hours > worst:
            worst, words = hours, reason
    return total, words


def blocks(parts: list[Part]) -> list[list[Part]]:
    """Top-level parts grouped so that a conditional part stays after the one it depends on."""
    grouped: list[list[Part]] = []
    for part in parts:
        if part.condition and grouped:
            grouped[-1].append(part)
        else:
            grouped.append([part])
    return grouped


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def suggest_order(request: Request, force: Force | None = None,
                  found: tuple[dict[str, Estimate], float, str] | None = None) -> OrderSuggestion:
    """Most wanted first (the user's priorities), and among equals the cheapest first, with each
    part's estimated hours, the running total and where a force would likely stop. `found`:
    estimates already made (by the checker, for the same request), with the limit and the Act."""
    if found is None:
        by_part, law = estimates(request, force)
        found = (by_part, law.cost_limit_hours, law.short_title)
    by_part, limit, act = found
    current = request.ordered_parts()
    grouped = blocks(current)
    keyed = []
    for position, block in enumerate(grouped):
        ranks = [p.priority for p in block if p.priority is not None]
        costs = [_part_hours(p, by_part, limit) for p in block]
        hours = sum(h for h, _ in costs)
        why = max(costs, key=lambda c: c[0])[1]
        priority = min(ranks) if ranks else None
        empty = not any(p.text.strip() for part in block for p in (part, *part.subparts))
        key = (empty, priority is None, priority or 0, round(hours, 1), position)
        keyed.append((key, block, costs, why, priority))
    keyed.sort(key=lambda item: item[0])

    order: list[str] = []
    reasons: dict[str, str] = {}
    burden_of: dict[str, str] = {}
    hours_of: dict[str, float] = {}
    running: dict[str, float] = {}
    total = 0.0
    stop_at = None
    old_position = {part.id: i for i, part in enumerate(current)}
    for key, block, costs, why, priority in keyed:
        block_hours = sum(h for h, _ in costs)
        burden = burden_of_hours(block_hours, limit)
        for part, (hours, _) in zip(block, costs):
            new_place = len(order) + 1
            order.append(part.id)
            burden_of[part.id] = burden
            hours_of[part.id] = hours
            total += hours
            running[part.id] = total
            if stop_at is None and total > limit:
                stop_at = part.id
            wanted = f"you ranked it {priority}" if priority is not None else "you have not ranked it"
            if part is not block[0]:
                reasons[part.id] = "kept straight after the part it depends on"
                continue
            if key[0]:
                reasons[part.id] = (f"{_ordinal(new_place)}: nothing is asked in it yet: write the question "
                                    "or delete the part")
                continue
            move = ""
            before = old_position[part.id] + 1
            if new_place < before:
                move = f"; moved up from {_ordinal(before)}"
            elif new_place > before:
                move = f"; moved down from {_ordinal(before)} so cheaper parts are answered first"
            reasons[part.id] = f"{_ordinal(new_place)}: {wanted}; {burden} cost{f' ({why})' if why else ''}{move}"
    changed = order != [part.id for part in current]
    return OrderSuggestion(order=order, reasons=reasons, changed=changed, burden=burden_of, hours=hours_of,
                           running=running, limit_hours=limit, act=act, stop_at=stop_at)
