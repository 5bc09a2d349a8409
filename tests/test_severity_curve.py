"""bench/severity_curve.py: each force judged by models fitted without it; a threshold lowers a
ground's warnings to notes only where the model's probability falls below it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import bench_script

pytest.importorskip("sklearn", reason="the fitting extra (pip install -e '.[fit]') is not installed")


@pytest.fixture(scope="module")
def severity_curve():
    return bench_script("severity_curve")


def _cost_warning():
    return SimpleNamespace(category="cost", severity="warning", ncnd=False, rule="cost.estimate")


def _items(forces: int = 4) -> list[dict]:
    """Per force: two requests refused on cost that read as long manual searches, and two answered
    in full that do not; the rules warn on cost on all four."""
    items = []
    for f in range(forces):
        for outcome, manual in (("s12_cost", 1.0), ("s12_cost", 1.0), ("disclosed", 0.0), ("disclosed", 0.0)):
            items.append({"force": f"force{f}", "outcome": outcome, "features": {"cost:manual": manual},
                          "findings": [_cost_warning()]})
    return items


def test_the_rules_alone_warn_everywhere_and_a_threshold_keeps_only_what_the_evidence_carries(severity_curve):
    (rules, at_rules), (_, at_half) = severity_curve.curve(_items(), thresholds=(0.0, 0.5), C=10.0)
    assert at_rules["s12_cost"] == [8, 8] and at_rules["refusal_warning"] == [8, 8]
    assert at_half["s12_cost"] == [8, 8] and at_half["refusal_warning"] == [0, 8]


def test_a_force_is_judged_by_models_fitted_without_it(severity_curve, monkeypatch):
    seen: list[set[str]] = []
    real_fit = severity_curve.fit

    def spy(items, C):
        seen.append({item["force"] for item in items})
        return real_fit(items, C)

    monkeypatch.setattr(severity_curve, "fit", spy)
    severity_curve.curve(_items(3), thresholds=(0.5,), C=1.0)
    assert seen == [{"force1", "force2"}, {"force0", "force2"}, {"force0", "force1"}]


def test_a_ground_without_enough_refusals_to_fit_is_left_to_the_rules(severity_curve):
    items = _items()
    models = severity_curve.fit(items, 1.0)
    assert models["personal_data"] is None and models["cost"] is not None
    assert severity_curve.probability(None, {"cost:manual": 1.0}) == 1.0
    note = SimpleNamespace(category="cost", severity="info", ncnd=False, rule="cost.estimate")
    assert severity_curve.kept([_cost_warning(), note], {"cost": False}) == []
    assert len(severity_curve.kept([_cost_warning(), note], {"personal_data": False})) == 1
