"""The corpus evaluation's arithmetic: Wilson intervals and leave-one-force-out fitting."""

from __future__ import annotations

import sys

import pytest
from conftest import bench_script


@pytest.fixture(scope="module")
def corpus_eval():
    return bench_script("corpus_eval")


def test_wilson_interval_matches_the_formula(corpus_eval):
    low, high = corpus_eval.wilson(5, 10)
    assert low == pytest.approx(0.269, abs=0.002) and high == pytest.approx(0.731, abs=0.002)
    low, high = corpus_eval.wilson(0, 13)
    assert low == 0.0 and 0.15 < high < 0.2
    assert corpus_eval.wilson(0, 0) == (0.0, 1.0)


def test_each_force_is_scored_with_settings_fitted_without_it(corpus_eval, monkeypatch):
    cases = [{"id": f"{force}-{i}", "force_id": force, "outcome": "disclosed"}
             for force in ("a", "b", "c") for i in range(2)]
    seen_in_fit: dict[str, set[str]] = {}
    seen_in_evidence: dict[str, set[str]] = {}

    def fake_fit(train, checker):
        forces = {c["force_id"] for c in train}
        held_out = ({"a", "b", "c"} - forces).pop()
        seen_in_fit[held_out] = forces
        return held_out

    def fake_fit_evidence(train, checker, calibration):
        forces = {c["force_id"] for c in train}
        seen_in_evidence[calibration] = forces
        return f"models without {calibration}"

    scored: list[tuple] = []
    monkeypatch.setattr(corpus_eval, "fit", fake_fit)
    monkeypatch.setattr(corpus_eval, "fit_evidence", fake_fit_evidence)
    monkeypatch.setattr(corpus_eval, "rows_for",
                        lambda test, checker, cal, grounds=None: scored.extend(
                            (c["force_id"], cal, grounds) for c in test) or [])
    corpus_eval.cross_validate(cases, checker=None)
    assert all(held_out not in forces for held_out, forces in seen_in_fit.items())
    # the evidence models are refitted in each fold, on the other forces' cases only
    assert seen_in_evidence == seen_in_fit
    assert sorted(scored, key=repr) == sorted(
        [(c["force_id"], c["force_id"], None) for c in cases]
        + [(c["force_id"], c["force_id"], f"models without {c['force_id']}") for c in cases], key=repr)


def test_a_collectors_gap_mark_is_not_scored_as_an_unfilled_placeholder(corpus_eval):
    from composer.checker import check
    from composer.checker.reading import request_from_text

    text = "1. How many thefts of bicycles were recorded in 2024 [...] by month?"
    assert "[" not in corpus_eval.as_sent(text)
    assert corpus_eval.as_sent("the [... list lost in the page] wards") == "the   wards"
    # other bracketed words are left: they may be a placeholder the requester really left
    assert corpus_eval.as_sent("the [force name] and [added context]") == "the [force name] and [added context]"
    request, _ = request_from_text(corpus_eval.as_sent(text))
    assert not [f for f in check(request) if f.rule == "jurisdiction.unfilled-field"]
    request, _ = request_from_text(text)  # the checker itself still calls "[...]" in a letter a gap
    assert [f for f in check(request) if f.rule == "jurisdiction.unfilled-field"]


def test_a_holdout_is_checked_as_the_app_ships_and_never_listed(corpus_eval, monkeypatch, capsys):
    from composer.checker.calibration import DEFAULT
    from composer.checker.evidence import default_grounds

    holdout = [{"id": "kept-back", "force_id": "b", "outcome": "s12_cost"}]
    checked: list[tuple] = []

    def fake_rows(test, checker, cal, grounds=None):
        checked.extend((c["id"], cal, grounds) for c in test)
        return [{"id": c["id"], "force": c["force_id"], "outcome": c["outcome"], "foreseen": False,
                 "alarms": {"error": False, "refusal_warning": False, "clarity_warning": False}, "loud": []}
                for c in test]

    monkeypatch.setattr(corpus_eval, "rows_for", fake_rows)
    before, after = corpus_eval.score_holdout(holdout, checker=None)
    assert checked == [("kept-back", DEFAULT, None), ("kept-back", DEFAULT, default_grounds())]
    corpus_eval.report(after, "Holdout", verbose=True)
    printed = capsys.readouterr().out
    assert "0/1" in printed and "kept-back" not in printed


def _row(outcome: str, loud: list[str], risk: dict[str, float]) -> dict:
    return {"outcome": outcome, "loud": loud, "risk": risk}


def test_the_ranking_is_the_chance_a_refused_request_scores_above_another(corpus_eval):
    # Cost: refused requests score 0.9 and 0.4; others 0.5 (answered in full), 0.1 and 0.4.
    # Pairs refused-above-other: 0.9 beats all 3; 0.4 beats 0.1, ties 0.4 (half), loses to 0.5.
    rows = [_row("s12_cost", [], {"cost": 0.9}), _row("s12_cost", [], {"cost": 0.4}),
            _row("disclosed", [], {"cost": 0.5}), _row("not_held", [], {"cost": 0.1}),
            _row("ncnd", [], {"cost": 0.4})]
    ranks = corpus_eval.ranking(rows)
    assert ranks["cost"]["vs_rest"] == pytest.approx((3 + 1.5) / 6)
    assert ranks["cost"]["vs_disclosed"] == pytest.approx(0.5)  # 0.9 above 0.5, 0.4 below
    assert ranks["personal_data"] == {"vs_rest": None, "vs_disclosed": None}  # no risk scored
    assert corpus_eval.auc([1.0], []) is None


def test_a_warning_tells_something_only_where_it_separates_refusals(corpus_eval):
    rows = [_row("s12_cost", ["cost:cost.estimate"], {}), _row("disclosed", ["cost:cost.estimate"], {}),
            _row("s12_cost", [], {}), _row("disclosed", ["exemption:exemption.subject"], {}),
            _row("ncnd", ["personal_data:personal_data.names"], {})]
    assert corpus_eval.lift(rows, "cost") == ((1, 2), (1, 3))
    # A personal-data warning foresees a reply that neither confirms nor denies, too.
    assert corpus_eval.lift(rows, "personal_data") == ((1, 1), (0, 4))


def test_the_report_says_whether_warnings_and_risks_separate_refusals(corpus_eval, capsys):
    rows = [dict(_row("s12_cost", ["cost:cost.estimate"], {"cost": 0.8}), id="a", foreseen=True,
                 alarms={"error": False, "refusal_warning": True, "clarity_warning": False}),
            dict(_row("disclosed", [], {"cost": 0.2}), id="b", foreseen=False,
                 alarms={"error": False, "refusal_warning": False, "clarity_warning": False})]
    corpus_eval.report(rows, "Two", verbose=False)
    out = capsys.readouterr().out
    assert "warned   1/1   1.00   not warned   0/1   0.00" in out
    assert "against every other request 1.00   against those answered in full 1.00" in out


def test_the_json_report_carries_the_lift_and_the_ranking(corpus_eval, monkeypatch, capsys, tmp_path):
    import json

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "cases.jsonl").write_text(json.dumps(
        {"id": "x", "force_id": "a", "outcome": "s12_cost", "request_text": "1. How many?"}) + "\n")
    monkeypatch.setattr(corpus_eval, "corpus_dir", lambda: tmp_path / "corpus")
    monkeypatch.setattr(corpus_eval, "private_corpus_dir", lambda: tmp_path / "none")
    rows = [dict(_row("s12_cost", ["cost:cost.estimate"], {"cost": 0.8}), foreseen=True,
                 alarms={"error": False, "refusal_warning": True, "clarity_warning": False}),
            dict(_row("disclosed", [], {"cost": 0.3}), foreseen=False,
                 alarms={"error": False, "refusal_warning": False, "clarity_warning": False})]
    monkeypatch.setattr(corpus_eval, "cross_validate", lambda cases, checker, evidence=True: (rows, rows, {}))
    monkeypatch.setattr(sys, "argv", ["corpus_eval.py", "--json"])
    corpus_eval.main()
    out = json.loads(capsys.readouterr().out)
    assert out["cross_validated"]["lift"]["cost"] == {"warned": [1, 1], "not_warned": [0, 1]}
    assert out["cross_validated"]["ranking"]["cost"] == {"vs_rest": 1.0, "vs_disclosed": 1.0}


def test_cases_are_named_by_the_directorys_force_ids_and_kept_once_per_force(corpus_eval, tmp_path):
    import json

    def line(case_id, force_id, text, jurisdiction="FOIA"):
        return json.dumps({"id": case_id, "force_id": force_id, "jurisdiction": jurisdiction,
                           "request_text": text, "outcome": "disclosed"})

    first = tmp_path / "gathered.jsonl"
    first.write_text("\n".join([
        line("one", "wmp", "How many horses does the force keep?"),
        line("two", "greater_manchester_police", "How many dogs does the force keep?"),
        line("three", "strathclyde_police", "How many boats did the force own?", "FOISA"),
        line("four", "a_force_no_one_knows", "How many bicycles?"),
    ]) + "\n", "utf-8")
    second = tmp_path / "private-more.jsonl"
    second.write_text("\n".join([
        # the same request to the same force, spelled another way and spaced differently: kept once
        line("one-again", "west_midlands_police", "How many  horses does the force keep?"),
        # the same words to another force is another force's answer: kept
        line("five", "the_met", "How many horses does the force keep?"),
    ]) + "\n", "utf-8")

    cases = corpus_eval.load_cases([first, second])

    assert [(c["id"], c["force_id"]) for c in cases] == [
        ("one", "wmp"), ("two", "gmp"), ("three", "police_scotland"),
        ("four", "a_force_no_one_knows"), ("five", "the_met")]
    assert [c["_private"] for c in cases] == [False, False, False, False, True]
    assert all(not c["_private"] for c in corpus_eval.load_cases([second], private=False))
