"""Weighing a part's evidence together per ground (composer/checker/evidence.py).

The behaviour is tested with small models built here and handed to the engine, so the tests say
what the engine does with any model, not what the fitted numbers happen to be.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import PROJECT, SHARED

from composer.checker import RULES, check
from composer.checker.evidence import (
    GROUNDS_PATH,
    NO_GROUNDS,
    GroundModel,
    Grounds,
    default_grounds,
    feature_known,
    part_evidence,
)
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")

# A cost model where durations worked out by hand, a long run of years and a breakdown by time each
# add a little: any one alone stays well under "more likely than not", together they pass it.
WEAK_SIGNS = Grounds((GroundModel("cost", bias=-4.5, threshold=0.5, weights={
    "rule:cost.durations:info": 1.0, "rule:cost.long-period:info": 1.0, "period:years": 0.4,
    "breakdowns:time": 1.0}),))

MANY_SIGNS = ("What was the average time taken to close a burglary investigation in each year from 2006 to 2024, "
              "broken down by month?")
ONE_SIGN = "What was the average time taken to close a burglary investigation in 2024?"
NO_SIGN = "How many burglaries were recorded in 2024?"


def _findings(*texts: str, grounds: Grounds = WEAK_SIGNS):
    request = Request(parts=[Part(text=t) for t in texts])
    return request, check(request, requester=JANE, grounds=grounds)


def _loud(findings, part_id, category):
    return [f for f in findings if f.part_id == part_id and f.category == category and f.severity != "info"]


def test_several_weak_signs_together_make_one_warning():
    request, findings = _findings(MANY_SIGNS)
    part = request.parts[0].id
    loud = _loud(findings, part, "cost")
    assert [f.rule for f in loud] == ["cost.combined"]
    combined = loud[0]
    # the notes it folds in, so "fix all of this kind" still finds them
    assert {"cost.durations", "cost.long-period"} <= set(combined.also)
    assert "more likely than not" in combined.message
    assert any("broken down by time" in line for line in combined.reasoning)
    # reasons a requester can read: how much each sign counted, in words, never model arithmetic
    assert any("counts" in line and "towards it" in line for line in combined.reasoning)
    assert not any("log-odds" in line or "p = " in line for line in combined.reasoning)
    # without the model the same part has only notes
    _, alone = _findings(MANY_SIGNS, grounds=NO_GROUNDS)
    assert _loud(alone, part, "cost") == []


@pytest.mark.parametrize("text", [ONE_SIGN, NO_SIGN])
def test_one_weak_sign_alone_raises_no_warning(text):
    request, findings = _findings(text)
    assert _loud(findings, request.parts[0].id, "cost") == []
    assert not [f for f in findings if f.rule == "cost.combined"]


def test_the_warning_goes_on_the_part_whose_evidence_it_is():
    request, findings = _findings(NO_SIGN, MANY_SIGNS)
    combined = [f for f in findings if f.rule == "cost.combined"]
    assert [f.part_id for f in combined] == [request.parts[1].id]


def test_no_second_warning_where_a_rule_already_warns_on_that_ground():
    everything = Grounds((GroundModel("cost", bias=5.0, threshold=0.5, weights={}),))  # p near 1 everywhere
    text = "Please provide all correspondence about bicycles."  # open-ended: a cost rule warns already
    request, findings = _findings(text, MANY_SIGNS, grounds=everything)
    first, second = (p.id for p in request.parts)
    assert [f.rule for f in _loud(findings, first, "cost")] != ["cost.combined"]
    assert len(_loud(findings, first, "cost")) == 1
    assert [f.rule for f in _loud(findings, second, "cost")] == ["cost.combined"]
    # one finding per ground per part, whatever the model says (advice on the letter's order aside)
    about_letter = {r.id for r in RULES if r.law_topic == "cost_clause"}
    keys = [(f.part_id, f.category) for f in findings if f.category in ("cost", "clarity", "personal_data", "exemption")
            and f.part_id is not None and f.rule not in about_letter]
    assert len(keys) == len(set(keys))


def test_a_single_rules_note_stays_a_note_however_the_model_leans():
    everything = Grounds((GroundModel("cost", bias=5.0, threshold=0.5, weights={}),))
    request, findings = _findings(ONE_SIGN, grounds=everything)  # one cost rule notes it, no other
    assert _loud(findings, request.parts[0].id, "cost") == []


def test_a_neither_confirm_nor_deny_warning_on_personal_data_stands_for_that_ground():
    from composer.checker.engine import run_rules
    from composer.checker.evidence import _decide

    everything = Grounds((GroundModel("exemption", bias=5.0, threshold=0.5, weights={}),))
    ctx, _ = run_rules(Request(parts=[Part(text=NO_SIGN)]), None, JANE, None)
    notes = (("exemption.published", "info", "exemption", False), ("exemption.subject", "info", "exemption", False))
    ncnd = (("personal_data.identifies-one", "warning", "personal_data", True),)
    plain = (("personal_data.identifies-one", "warning", "personal_data", False),)
    assert _decide(everything, frozenset(), ctx, ctx.items[0], notes + ncnd, ()) == ()
    assert [(m.ground, lower) for m, _p, _why, lower in _decide(everything, frozenset(), ctx, ctx.items[0],
                                                                 notes + plain, ())] == [("exemption", None)]


def test_features_hold_no_word_of_the_text():
    request = Request(parts=[Part(text="How many zyzzyva sightings were logged at Quxford in 2019 by month?")])
    names = set(part_evidence(request, requester=JANE)[0])
    assert names and not any("zyzzyva" in n or "quxford" in n for n in names)
    rule_ids = {r.id for r in RULES}
    assert all(feature_known(name, rule_ids) for name in names)


def test_the_data_file_names_only_features_the_checker_produces():
    data = json.loads(GROUNDS_PATH.read_text("utf-8"))
    rule_ids = {r.id for r in RULES}
    for ground, entry in data["grounds"].items():
        unknown = [name for name in entry["weights"] if not feature_known(name, rule_ids)]
        assert unknown == [], f"{ground}: {unknown} (refit with python bench/fit_grounds.py)"
        assert 0 < entry["threshold"] < 1
    fitted = data["fitted_on"]
    assert fitted["cases"] > 0 and fitted["command"].startswith("python bench/fit_grounds.py")
    assert {m.ground for m in default_grounds().models} == set(data["grounds"])


def test_a_feature_name_the_checker_cannot_produce_is_caught():
    rule_ids = {r.id for r in RULES}
    assert not feature_known("rule:cost.no-such-rule:info", rule_ids)
    assert not feature_known("word:bicycle", rule_ids)
    assert feature_known("rule:cost.long-period:info", rule_ids)


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=f"no corpus in {SHARED / 'corpus'}: the shared/ folder "
                    "comes with the project, placed beside the checkout (or named by FOI_COMPOSER_SHARED)")
def test_fitting_runs_on_the_shared_corpus(tmp_path):
    pytest.importorskip("sklearn", reason="fitting needs scikit-learn: pip install -e '.[test]' (or '.[fit]')")
    out = tmp_path / "grounds.json"
    empty = tmp_path / "no-private-cases"
    empty.mkdir()
    env = {"FOI_COMPOSER_SHARED": str(SHARED), "FOI_COMPOSER_PRIVATE_CORPUS": str(empty), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, str(PROJECT / "bench" / "fit_grounds.py"), "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text("utf-8"))
    cases = sum(1 for path in (SHARED / "corpus").glob("*.jsonl")
                for line in path.read_text("utf-8").splitlines() if line.strip())
    assert 0 < data["fitted_on"]["cases"] <= cases
    rule_ids = {r.id for r in RULES}
    assert all(feature_known(name, rule_ids) for entry in data["grounds"].values() for name in entry["weights"])
    # the models load and run in a check
    grounds = Grounds.from_json(data)
    check(Request(parts=[Part(text=MANY_SIGNS)]), requester=JANE, grounds=grounds)


# A cost model that finds every request very unlikely to be refused on cost, and lowers lone
# warnings below one in ten.
UNLIKELY = Grounds((GroundModel("cost", bias=-6.0, threshold=0.5, weights={}, lower_below=0.1),))


def test_a_lone_warning_the_evidence_makes_very_unlikely_becomes_a_note_saying_why():
    request, findings = _findings("How many burglaries has the force recorded?", grounds=UNLIKELY)
    part = request.parts[0].id
    cost = [f for f in findings if f.part_id == part and f.category == "cost"]
    assert [(f.rule, f.severity) for f in cost] == [("cost.no-period", "info")]
    assert "no other sign on this part points the same way" in cost[0].message
    assert cost[0].fix is not None  # its fix is still offered
    assert any("in 100 such requests met it" in line for line in cost[0].reasoning)
    assert not any("p = " in line for line in cost[0].reasoning)
    # the same rule with the rules alone still warns
    _, alone = _findings("How many burglaries has the force recorded?", grounds=NO_GROUNDS)
    assert [f.severity for f in alone if f.rule == "cost.no-period"] == ["warning"]


def test_a_warning_with_another_sign_beside_it_is_not_lowered():
    text = "What was the average time taken to close a burglary investigation?"  # no period, and durations
    request, findings = _findings(text, grounds=UNLIKELY)
    assert [f.rule for f in _loud(findings, request.parts[0].id, "cost")] == ["cost.no-period"]


def test_lowering_never_touches_another_ground_or_an_error():
    request, findings = _findings("How many burglaries has the force recorded?", grounds=UNLIKELY)
    _, alone = _findings("How many burglaries has the force recorded?", grounds=NO_GROUNDS)
    keep = [(f.rule, f.severity) for f in alone if f.category != "cost"]
    assert [(f.rule, f.severity) for f in findings if f.category != "cost"] == keep
