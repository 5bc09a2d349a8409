""""Fix all of this kind": one operation applies the same fix to every part that has the finding,
and a re-check finds that kind no more on those parts."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.findings import Fix, same_kind
from composer.model import Part, Request
from composer.operations.request import apply_fixes
from composer.operations.result import Refused


def periodless() -> Request:
    return Request(parts=[
        Part(id="p1", text="How many burglaries were recorded, by ward?"),
        Part(id="p2", text="How many robberies were recorded, by ward?"),
        Part(id="p3", text="Does the force use drones?"),
    ])


def test_fix_all_applies_one_rule_everywhere_and_the_kind_is_gone_there():
    request = periodless()
    findings = check(request)
    lead = next(f for f in findings if f.fix is not None and "calendar years" in f.fix.label)
    kind = same_kind(findings, lead)
    fixed_parts = {f.fix.part_id for f in kind}
    assert fixed_parts == {"p1", "p2"}
    done = apply_fixes(request, fixes=[f.fix for f in kind])
    assert done.what.startswith("Fix all (2)") and set(done.ids) == fixed_parts
    rules = {lead.rule, *lead.also}
    again = check(done.value)
    assert not [f for f in again if f.part_id in fixed_parts and rules & {f.rule, *f.also}]
    assert done.value.find("p3").text == "Does the force use drones?"
    assert request.find("p1").text == "How many burglaries were recorded, by ward?"  # untouched


def test_a_fix_for_a_part_since_removed_is_skipped_and_none_at_all_is_refused():
    request = periodless()
    gone = Fix("replace_text", "Say more", part_id="gone", new_text="x")
    kept = Fix("replace_text", "Say more", part_id="p3", new_text="Does the force use drones now?")
    done = apply_fixes(request, fixes=[gone, kept])
    assert done.value.find("p3").text.endswith("now?") and done.ids == ("p3",)
    with pytest.raises(Refused):
        apply_fixes(request, fixes=[gone])
    with pytest.raises(Refused):
        apply_fixes(request, fixes=[])
