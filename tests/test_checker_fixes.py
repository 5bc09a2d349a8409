"""Accepting a fix never raises a finding that was not there before.

Every fix the checker offers on the seeds and on the shared corpus texts is applied, and the
request is checked again: nothing new may appear on the parts that were already there (a fix
that adds bank questions brings new parts, whose own findings are theirs). The texts are read
from ../shared at run time and never copied into the project.
"""

from __future__ import annotations

import json

import pytest
from conftest import SHARED

from composer.checker import RULES, check
from composer.checker.reading import request_from_text
from composer.model import Part, Request, Requester
from composer.operations.request import apply_fix

JANE = Requester(name="Jane Smith", email="jane@example.org")
ABOUT_THE_ORDER = {rule.id for rule in RULES if rule.law_topic == "cost_clause"}


def _texts() -> list[tuple[str, str]]:
    texts = [(path.stem, path.read_text("utf-8")) for path in sorted((SHARED / "seeds").glob("*.txt"))]
    for path in sorted((SHARED / "corpus").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                texts.append((case["id"], case["request_text"]))
    return texts


TEXTS = _texts()


def _keys(findings, part_ids, *, where: bool = True) -> set[tuple[str, str | None]]:
    """(rule, part) of each finding on the parts in `part_ids`; with `where=False` the rule only
    (a new order moves "first used in part …" findings to another part without adding any)."""
    keys = set()
    for f in findings:
        if f.part_id is not None and f.part_id not in part_ids:
            continue
        if f.rule in ABOUT_THE_ORDER:
            continue  # advice on the order follows every change in any part's hours
        for rule in (f.rule, *f.also):
            keys.add((rule, f.part_id if where else None))
    return keys


def assert_fixes_raise_nothing_new(request: Request) -> None:
    before = check(request, requester=JANE)
    part_ids = {p.id for p in request.all_parts()}
    for finding in before:
        if finding.fix is None:
            continue
        where = finding.fix.kind != "reorder"
        fixed = apply_fix(request, fix=finding.fix).value
        after = _keys(check(fixed, requester=JANE), part_ids, where=where)
        new = after - _keys(before, part_ids, where=where)
        assert not new, f"fix {finding.fix.label!r} ({finding.rule}) raised {sorted(new)}"


@pytest.mark.skipif(not TEXTS, reason=f"no seeds or corpus in {SHARED}: the shared/ folder comes with the "
                    "project, placed beside the checkout (or named by FOI_COMPOSER_SHARED)")
@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_every_fix_on_real_texts_raises_nothing_new(name, text):
    request, _ = request_from_text(text, source=name)
    assert request is not None
    assert_fixes_raise_nothing_new(request)


@pytest.mark.parametrize("text", [
    "Does the force use predictive policing?",
    "How many people were arrested for drug offences?",
    "Why did the force buy the system?",
    "Please provide all correspondence about the contract.",
    "How many burglaries were recorded, broken down by ethnicity?",
    "How many firearm certificate applications were rejected in 2023?",
    "Please provide all information held regarding complaints made against officers in 2024.",
    "How many assaults were recorded in 2023 at the protest, broken down by sex?",
    "How many staff were on sick leave for stress in 2023?",
    "How many arrests for historic sex abuse were made in 2023?",
])
def test_every_fix_on_written_texts_raises_nothing_new(text):
    assert_fixes_raise_nothing_new(Request(parts=[Part(text=text)]))


def test_defining_predictive_policing_raises_no_period_warning():
    """The definition the fix inserts speaks of 'past data': it is not a request for figures."""
    request = Request(parts=[Part(text="How many times has the force used predictive policing since 2020?")])
    fix = next(f.fix for f in check(request, requester=JANE) if f.rule == "clarity.undefined-term")
    fixed = apply_fix(request, fix=fix).value
    assert not any(f.category == "cost" and f.severity != "info" for f in check(fixed, requester=JANE))
