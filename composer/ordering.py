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

from composer.checker import patterns as p
from composer.model import Part, Request

Burden = Literal["low", "medium", "high"]
BURDEN_RANK: dict[str, int] = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True)
class OrderSuggestion:
    order: list[str]  # top-level part ids, first to be answered first
    reasons: dict[str, str] = field(default_factory=dict)  # part id -> why it sits where it does
    changed: bool = False  # differs from the order the force would read now
    burden: dict[str, str] = field(default_factory=dict)  # part id -> "low" | "medium" | "high"


@lru_cache(maxsize=1)
def _bank():
    try:
        from composer.bank import load_bank
    except ImportError:  # the question bank is optional for ordering
        return None
    try:
        return load_bank()
    except Exception:  # a broken bank file must not stop the checker; the text heuristic works
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


@p.remembered
def text_burden(text: str) -> tuple[Burden, str]:
    """Estimate from wording alone: the burden and a short reason in plain words."""
    low = text.lower()
    if p.OPEN_SCOPE.search(low):
        return "high", "open-ended wording means searching every system and mailbox"
    if p.DEMOGRAPHICS.search(low) and p.BECAUSE_OF.search(low):
        return "high", "who was affected by a system is usually found only by reading case records"
    if p.PER_PERSON_LOOKUP.search(low) or p.CASE_BY_CASE.search(low):
        return "high", "each person's or case's record has to be looked up"
    if p.CORRESPONDENCE.search(low) and not p.STATISTICS.search(low):
        return "high", "correspondence is spread across mailboxes and must be searched by hand"
    if p.STATISTICS.search(low):
        return "medium", "figures have to be extracted from records"
    if p.SIMPLE_FACT.search(low) or p.YES_NO.search(low):
        return "low", "a single fact the force can give quickly"
    if p.COPY_OF_DOCUMENT.search(low):
        return "low", "a named document is quick to find"
    return "medium", "an ordinary question"


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


def suggest_order(request: Request) -> OrderSuggestion:
    """Most wanted first (the user's priorities), and among equals the cheapest first."""
    current = request.ordered_parts()
    grouped = blocks(current)
    keyed = []
    for position, block in enumerate(grouped):
        ranks = [p.priority for p in block if p.priority is not None]
        burdens = [block_burden(p) for p in block]
        heaviest = max(burdens, key=lambda b: BURDEN_RANK[b[0]])
        priority = min(ranks) if ranks else None
        key = (priority is None, priority or 0, BURDEN_RANK[heaviest[0]], position)
        keyed.append((key, block, heaviest, priority))
    keyed.sort(key=lambda item: item[0])

    order: list[str] = []
    reasons: dict[str, str] = {}
    burden_of: dict[str, str] = {}
    old_position = {part.id: i for i, part in enumerate(current)}
    for _, block, (burden, why), priority in keyed:
        for part in block:
            new_place = len(order) + 1
            order.append(part.id)
            burden_of[part.id] = burden
            wanted = f"you ranked it {priority}" if priority is not None else "you have not ranked it"
            if part is not block[0]:
                reasons[part.id] = "kept straight after the part it depends on"
                continue
            move = ""
            before = old_position[part.id] + 1
            if new_place < before:
                move = f"; moved up from {_ordinal(before)}"
            elif new_place > before:
                move = f"; moved down from {_ordinal(before)} so cheaper parts are answered first"
            reasons[part.id] = f"{_ordinal(new_place)}: {wanted}; {burden} cost ({why}){move}"
    changed = order != [part.id for part in current]
    return OrderSuggestion(order=order, reasons=reasons, changed=changed, burden=burden_of)
