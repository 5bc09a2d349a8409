"""bench/text_model_eval.py lets a text model warn only where, on the training cases alone, its
warnings were right more often than not and added few false alarms."""

from __future__ import annotations

import pytest
from conftest import bench_script

np = pytest.importorskip("numpy", reason="numpy comes with scikit-learn, in the test extra")
pytest.importorskip("sklearn", reason="scikit-learn is in the test extra")


@pytest.fixture(scope="module")
def tme():
    return bench_script("text_model_eval")


def _cases(signal: float, seed: int = 0):
    rng = np.random.default_rng(seed)
    outcomes = np.array((["s12_cost"] * 40) + (["disclosed"] * 40) + (["not_held"] * 40))
    X = rng.normal(size=(len(outcomes), 8))
    X[:, 0] += signal * (outcomes == "s12_cost")
    forces = np.array([f"force{i % 10}" for i in range(len(outcomes))])
    rows = [{"foreseen": False, "alarms": {"refusal_warning": False, "clarity_warning": False}} for _ in outcomes]
    return X, outcomes, forces, rows


def test_a_text_model_with_nothing_to_go_on_never_warns(tme):
    X, outcomes, forces, rows = _cases(signal=0.0)
    assert tme.choose_threshold(X, outcomes, forces, rows, "s12_cost", C=3.0) is None


def test_a_text_model_that_separates_cleanly_may_warn(tme):
    X, outcomes, forces, rows = _cases(signal=6.0)
    assert tme.choose_threshold(X, outcomes, forces, rows, "s12_cost", C=3.0) in tme.THRESHOLDS


def test_text_warnings_join_the_rules_and_count_as_alarms_on_answered_requests(tme):
    rows = [{"outcome": "s12_cost", "foreseen": False, "alarms": {"error": False, "refusal_warning": False, "clarity_warning": False}},
            {"outcome": "disclosed", "foreseen": False, "alarms": {"error": False, "refusal_warning": False, "clarity_warning": False}}]
    warns = {g: [False, False] for g in tme.GROUNDS}
    warns["s12_cost"] = [True, True]
    out = tme.joined(rows, warns)
    assert out[0]["foreseen"] and out[1]["alarms"]["refusal_warning"] and not out[1]["alarms"]["clarity_warning"]
    assert not rows[0]["foreseen"]  # the rules' rows are left as they were
