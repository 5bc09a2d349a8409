"""The checker remembers each part's reading between checks (a keystroke re-reads only what
changed); what it finds must not depend on what it remembers."""

from __future__ import annotations

import pytest

from composer.bank import build_request, load_bank
from composer.checker import Finding, check
from composer.checker.estimate import estimates
from composer.checker.patterns import forget
from composer.checker.reading import request_from_text
from composer.forces import load_directory
from composer.model import Part, Request
from tests.conftest import SHARED, shared_file

FORCES = (None, "the_met", "dyfed_powys_police", "police_scotland")


def bank_request() -> Request:
    bank = load_bank()
    ids = [m.id for m in bank.modules if not m.umbrella and m.questions]
    built = build_request([("use_individual_risk", ids)], answer_format="csv", system_name="the tool")
    extra = [Part(text="How many people were arrested for drug offences?"),
             Part(text="Of these, how many were under 18?"),
             Part(text="How many stop and searches were carried out?"), Part(text="2. By ethnicity."),
             Part(text="Please provide all correspondence about the contract with the supplier.")]
    return built.model_copy(update={"parts": [*built.parts, *extra]})


def seed_requests() -> list[Request]:
    folder = shared_file("seeds")
    found = [request_from_text(path.read_text("utf-8"))[0] for path in sorted(folder.glob("*.txt"))]
    return [r for r in found if r is not None]


def seen(request: Request, force) -> tuple:
    """The findings, and how each part was read and costed."""
    found, _law = estimates(request, force)
    return check(request, force=force), {pid: (e.hours, e.words) for pid, e in found.items()}


def same_with_and_without_memory(request: Request) -> None:
    directory = load_directory()
    for force_id in FORCES:
        force = directory.get(force_id) if force_id else None
        seen(request, force)  # fill the memory
        remembered = seen(request, force)
        forget()
        assert remembered == seen(request, force), force_id
        # Keystrokes: one part changes; the others are read from memory in new surroundings (a
        # period or a kind of record they borrow from the part before).
        last = len(request.parts) - 1
        typed_in = [request.parts[i] for i in sorted({0, last // 2, max(0, last - 5), last})]
        typed_in += [p.subparts[0] for p in request.parts if p.subparts][:1]
        for part in typed_in:
            before = part.text
            for typed in (f"From 2005 to 2024, {before}", "How many people were arrested from 2005 to 2024?"):
                part.text = typed
                remembered = seen(request, force)
                forget()
                assert remembered == seen(request, force), (force_id, typed)
            part.text = before
        intro = request.introduction
        request.introduction = "Please give figures for 2005 to 2024 on arrests. " + (intro or "")
        remembered = seen(request, force)
        forget()
        assert remembered == seen(request, force), (force_id, "introduction")
        request.introduction = intro


def test_a_bank_built_request_gets_the_same_findings_with_the_memory_on_and_cleared():
    request = bank_request()
    assert len(check(request)) > 5
    same_with_and_without_memory(request)


def test_the_seeds_get_the_same_findings_with_the_memory_on_and_cleared():
    requests = seed_requests()
    if not requests:
        pytest.skip("no seed in ../shared/seeds reads as a request")
    for request in requests:
        same_with_and_without_memory(request)


def test_parts_that_borrow_from_the_parts_around_them_are_read_again_when_those_change():
    same_with_and_without_memory(Request(parts=[
        Part(text="How many stop and searches were carried out in 2023?"),
        Part(text="Please provide a copy of the force's policy on the use of body-worn video by officers at "
                  "demonstrations."),
        Part(text="How many arrests were made?"),
        Part(text="How many people were stopped?", subparts=[Part(text="a) In 2019."), Part(text="b) In 2022.")]),
        Part(text="How many complaints were made?", subparts=[Part(text="Of these, how many were upheld?")]),
        Part(text="By ward."),
    ]))


# -- findings remembered per part (engine.part_key) --------------------------------------------

def findings_on(request: Request, part: Part, force=None) -> list:
    return [(f.rule, f.severity, f.message) for f in check(request, force=force) if f.part_id == part.id]


def test_typing_in_one_part_changes_that_parts_findings_and_typing_back_restores_them():
    request = bank_request()
    part = request.parts[-1]  # "all correspondence about the contract": cost and scope findings
    first = findings_on(request, part)
    others = [(f.rule, f.part_id, f.message) for f in check(request) if f.part_id != part.id]
    assert first
    part.text = "What is the name of the system?"
    assert findings_on(request, part) != first
    assert findings_on(request, part) == (forget() or findings_on(request, part))
    part.text = "Please provide all correspondence about the contract with the supplier."
    assert findings_on(request, part) == first
    assert [(f.rule, f.part_id, f.message) for f in check(request) if f.part_id != part.id] == others


def test_a_part_is_checked_again_when_its_parent_or_the_force_changes():
    sub = Part(text="b) the age of the person")
    request = Request(parts=[Part(text="How many crimes were recorded in 2023, broken down by:", subparts=[sub])])
    under_crimes = findings_on(request, sub)
    assert "clarity.whose" in [rule for rule, _, _ in under_crimes]  # a crime has a victim and a suspect
    request.parts[0].text = "What is the name of the system?"
    assert findings_on(request, sub) != under_crimes
    assert findings_on(request, sub) == (forget() or findings_on(request, sub))
    directory = load_directory()
    part = Part(text="How many times has the Metropolitan Police Service used V100?")
    request = Request(parts=[part])
    to_met, to_wmp = findings_on(request, part, directory.get("the_met")), findings_on(request, part, directory.get("wmp"))
    assert to_met != to_wmp  # the V100 belongs to the Met: asking West Midlands about it is a finding
    assert findings_on(request, part, directory.get("the_met")) == to_met


# What a part rule may read and still have its findings remembered per part: the part's own
# surroundings and what every part of the check shares (engine.part_key, engine._remembered).
_PER_PART = frozenset({
    "act", "force", "officers", "calibration", "law", "section", "said", "said_low", "_stands_for",
    "field_values", "intro", "intro_low", "intro_view", "parent_view", "previous_sibling", "readings",
    "around", "request_period", "has_period", "__dict__",
    "leans_on_intro", "intro_asks",  # the introduction, the part and its parent
})


class _Recording:
    """A check's Context that notes every attribute a rule reads from it."""

    __slots__ = ("_ctx", "read")

    def __init__(self, ctx) -> None:
        object.__setattr__(self, "_ctx", ctx)
        object.__setattr__(self, "read", set())

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self._ctx, name)


def test_part_rules_whose_findings_are_remembered_read_nothing_beyond_their_part():
    """A rule that reads other parts or the whole request must say `whole=True`, or a keystroke
    elsewhere would leave its findings on this part stale."""
    from composer.checker.engine import RULES, Context

    requests = [bank_request(), *(seed_requests() if SHARED.joinpath("seeds").is_dir() else [])]
    directory = load_directory()
    read: dict[str, set[str]] = {}
    for request in requests:
        for force in (None, directory.get("wmp")):
            ctx = Context(request, force, None)
            for item in ctx.items:
                for rule in RULES:
                    if rule.scope == "part" and not rule.whole:
                        recording = _Recording(ctx)
                        result = rule.func(rule, recording, item)
                        if result is not None and not isinstance(result, Finding):
                            list(result)  # a generator reads only as it runs
                        read.setdefault(rule.id, set()).update(recording.read)
    assert len(read) > 30
    beyond = {rule: sorted(names - _PER_PART) for rule, names in read.items() if names - _PER_PART}
    assert beyond == {}


# -- what a keystroke costs: only the part typed in is read and checked again ------------------

def test_a_keystroke_reads_and_checks_again_only_the_part_typed_in_and_the_one_after_it(monkeypatch):
    from composer.checker import engine, reading

    request = bank_request()
    request.parts += [Part(text=f"How many arrests were made in {year}?") for year in range(2000, 2020)]
    check(request)
    read: list[str] = []
    checked: list[str] = []
    local = sum(1 for rule in engine.RULES if rule.scope == "part" and not rule.whole)
    read_part, by_rule = reading._read_part, engine._findings_by_rule

    def reading_part(ctx, item):
        read.append(item.number)
        return read_part(ctx, item)

    def rules_on(ctx, item, rules):
        if len(rules) == local:  # the rules whose findings are remembered, run again on this part
            checked.append(item.number)
        return by_rule(ctx, item, rules)

    monkeypatch.setattr(reading, "_read_part", reading_part)
    monkeypatch.setattr(engine, "_findings_by_rule", rules_on)
    numbers = {n.part.id: n.number for n in request.numbered()}
    order = [n.part.id for n in request.numbered() if n.parent is None]
    for position in (-1, -5, 3):
        part = request.parts[position]
        read.clear()
        checked.clear()
        part.text += " Please give the figures by month."
        check(request)
        typed = numbers[part.id]
        after = order.index(part.id) + 1
        # The part after it reads it (a period or a kind of record it may borrow); nothing else does.
        around = {typed, numbers[order[after]]} if after < len(order) else {typed}
        assert typed in read and set(read) <= around, (position, read)
        assert typed in checked and set(checked) <= around, (position, checked)
    assert read == [numbers[request.parts[3].id], numbers[request.parts[4].id]]


def test_a_check_pauses_the_garbage_collector_and_leaves_it_as_it_found_it(monkeypatch):
    import gc

    from composer.checker import engine

    request = bank_request()
    during: list[bool] = []

    def watch(ctx, found, grounds):
        during.append(gc.isenabled())
        return found

    monkeypatch.setattr(engine, "WEIGHERS", [watch, *engine.WEIGHERS])
    assert gc.isenabled()
    check(request)
    assert during == [False] and gc.isenabled()

    def broken(ctx, found, grounds):
        raise RuntimeError("a rule broke")

    monkeypatch.setattr(engine, "WEIGHERS", [broken])
    with pytest.raises(RuntimeError):
        check(request)
    assert gc.isenabled()  # on again after a check that failed

    monkeypatch.setattr(engine, "WEIGHERS", [watch])
    gc.disable()  # a caller that turned it off keeps it off
    try:
        check(request)
        assert during == [False, False] and not gc.isenabled()
    finally:
        gc.enable()
