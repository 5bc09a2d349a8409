"""Findings that read real requests wrongly or said one thing several times (QA session 6)."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.sections import NAME, ncnd_pair
from composer.forces import load_directory
from composer.model import Act, Part, Request


def _found(request: Request, force_id: str, rule: str):
    return [f for f in check(request, force=load_directory().get(force_id)) if f.rule == rule]


# -- neither confirm nor deny names two different sections ---------------------------------------------


@pytest.mark.parametrize("act", list(Act))
@pytest.mark.parametrize("topic", ["personal_ncnd", "investigation", "law_enforcement", "security"])
def test_neither_confirm_nor_deny_never_names_one_section_twice(topic, act):
    first, second = ncnd_pair(topic, act).split(", with ")
    assert first != second and NAME["ncnd"][act] in (first, second)


def test_a_scottish_force_is_said_to_claim_section_18_with_the_personal_data_exemption():
    request = Request(title="t", parts=[Part(text="Who lives at 12 Acacia Avenue, Leeds LS6 2AB?")])
    [finding] = _found(request, "police_scotland", "exemption.one-case")
    assert "(section 18, with section 38(1)(b))" in finding.message
    [finding] = _found(request, "wmp", "exemption.one-case")
    assert "(section 40(5B), with section 1(1)(a))" in finding.message
