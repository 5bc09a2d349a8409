"""A warning carries its record on requests kept back from the rules' writers (resources/track.json)."""

from __future__ import annotations

import json

import pytest
from conftest import bench_script

from composer.checker import RULES, check, track
from composer.checker.findings import Finding
from composer.checker.reading import request_from_text
from composer.errors import FileProblem



def _finding(rule: str, severity: str = "warning") -> Finding:
    return Finding(rule=rule, category="cost", severity=severity, part_id="p", message="m", law="l",
                   reasoning=("Read as: a count.",))


def test_a_warning_with_enough_record_says_how_often_it_came_true():
    table = {"cost.estimate": track.Record(47, 13), "cost.open-scope": track.Record(4, 1)}
    out = track.annotate([_finding("cost.estimate"), _finding("cost.estimate", "info"),
                          _finding("cost.open-scope"), _finding("cost.no-period")], table)
    assert out[0].reasoning == ("Read as: a count.", table["cost.estimate"].words())
    assert "13 times in 47" in out[0].reasoning[-1]
    # a note is not counted as a warning; four warnings say too little; no record, no line
    assert [f.reasoning for f in out[1:]] == [("Read as: a count.",)] * 3
    assert "1 time in 5" in track.Record(5, 1).words()


def test_the_shipped_records_are_of_rules_that_exist_and_count_sensibly():
    records = track.read()
    assert records, "resources/track.json is missing: rewrite it with bench/corpus_eval.py --holdout FILE --write-track"
    names = {rule.id for rule in RULES}
    from composer.checker.evidence import COMBINED

    assert set(records) <= names | set(COMBINED.values())
    assert all(0 <= r.right <= r.warned for r in records.values())


def test_check_puts_the_record_on_the_warnings_it_shows(monkeypatch):
    monkeypatch.setattr(track, "_LOADED", [{"clarity.undefined-term": track.Record(9, 4)}])
    request, _ = request_from_text("Please list every predictive policing tool the force used in 2024.")
    found = [f for f in check(request) if f.rule == "clarity.undefined-term"]
    assert found and found[0].reasoning[-1] == track.Record(9, 4).words()
    assert found[0].why()[-1] == track.Record(9, 4).words()  # shown with the reasons, not the sources


def test_no_records_means_no_line(tmp_path):
    assert track.read(tmp_path / "absent.json") == {}
    assert track.annotate([_finding("cost.estimate")], {}) == [_finding("cost.estimate")]


@pytest.mark.parametrize("text", ["{broken", '{"rules": {"cost.estimate": {"warned": 3}}}',
                                  '{"rules": {"cost.estimate": {"warned": 3, "right": 4}}}', '{"rules": []}'])
def test_a_damaged_file_names_itself_and_the_way_back(tmp_path, text):
    path = tmp_path / "track.json"
    path.write_text(text, "utf-8")
    with pytest.raises(FileProblem) as caught:
        track.read(path)
    assert str(path) in str(caught.value) and "--write-track" in str(caught.value)


def test_corpus_eval_counts_each_rules_warnings_and_those_borne_out():
    ce = bench_script("corpus_eval", "corpus_eval_track")
    rows = [{"outcome": "s12_cost", "loud": ["cost:cost.estimate", "clarity:clarity.broad"]},
            {"outcome": "disclosed", "loud": ["cost:cost.estimate"]},
            {"outcome": "ncnd", "loud": ["personal_data:personal_data.names", "format:format.x"]},
            # withheld under the very section the warning named, though not by neither confirming nor denying
            {"outcome": "partial_other", "loud": ["exemption:exemption.subject"], "sections": [31],
             "cited": {"exemption.subject": [31]}},
            {"outcome": "partial_other", "loud": ["exemption:exemption.one-case"], "sections": [43],
             "cited": {"exemption.one-case": [30]}}]
    assert ce.track_records(rows) == {"cost.estimate": track.Record(2, 1), "clarity.broad": track.Record(1, 0),
                                      "personal_data.names": track.Record(1, 1),
                                      "exemption.subject": track.Record(1, 1), "exemption.one-case": track.Record(1, 0)}
    assert ce.refusal_sections(["FOIA s31(1)(a); s17; ICO guidance", "FOISA s1(3)"]) == [31]
    assert ce.refusal_sections(["40(2)", "12(1)", "16", "31(1)(a)"]) == [12, 31, 40]
    assert json.loads(json.dumps(track.as_json(ce.track_records(rows))))["rules"]["cost.estimate"] == {"warned": 2, "right": 1}


# -- what a message says of the odds agrees with the record it carries -------------------------------

def test_the_odds_are_worded_from_the_record_shown_and_the_estimate():
    table = {"cost.estimate": track.Record(24, 8), "cost.no-period": track.Record(10, 5),
             "cost.open-scope": track.Record(4, 0)}
    assert track.chance("cost.estimate", "A force", "refuse it", table=table).startswith("A force may refuse it (")
    assert "fewer than half" in track.chance("cost.estimate", "A force", "refuse it", table=table)
    # half borne out, a record too short to be shown, no record: the rule's own words stand
    for rule in ("cost.no-period", "cost.open-scope", "cost.aggregate"):
        assert track.chance(rule, "A force", "refuse it", table=table) == "A force is more likely than not to refuse it"
    # an estimate below one half is never "more likely than not", whatever the record
    assert track.chance("cost.no-period", "the force", "ask", p=0.4, table=table) == "the force may ask"
    assert track.likely("cost.no-period", p=0.6, table=table) and not track.likely("cost.estimate", p=0.9, table=table)


_OVER = "How many times did officers draw a Taser on a dog in each year from 2018 to 2024?"
_UNPLACED = "How many thefts of scaffolding were recorded in each year from 2018 to 2024?"
_SUBJECT = "How many covert human intelligence sources did the force task in 2024?"


def _warning(text: str, rule: str) -> Finding:
    from composer.checker import patterns

    patterns.forget()  # the findings per part are remembered; the records are read once per process
    request, _ = request_from_text(text)
    found = [f for f in check(request) if f.rule == rule and f.severity == "warning"]
    assert found, (text, rule)
    return found[0]


@pytest.mark.parametrize("rule, text", [("cost.estimate", _OVER), ("cost.unplaced-criterion", _UNPLACED)])
def test_a_cost_warning_says_may_where_its_record_was_mostly_not_borne_out(monkeypatch, rule, text):
    monkeypatch.setattr(track, "_LOADED", [{rule: track.Record(24, 8)}])
    poor = _warning(text, rule)
    assert "may refuse it under section 12" in poor.message and "fewer than half" in poor.message
    assert "likely" not in poor.message
    assert poor.reasoning[-1] == track.Record(24, 8).words()  # the record stays beside it
    monkeypatch.setattr(track, "_LOADED", [{rule: track.Record(24, 16)}])
    good = _warning(text, rule)
    assert "more likely than not to refuse it under section 12" in good.message and "may refuse" not in good.message
    assert good.severity == poor.severity == "warning"  # the wording changes, never the finding


def test_a_subject_forces_usually_withhold_only_while_the_record_says_so(monkeypatch):
    monkeypatch.setattr(track, "_LOADED", [{"exemption.subject": track.Record(16, 12)}])
    assert "forces usually" in _warning(_SUBJECT, "exemption.subject").message
    monkeypatch.setattr(track, "_LOADED", [{"exemption.subject": track.Record(16, 4)}])
    assert "forces sometimes" in _warning(_SUBJECT, "exemption.subject").message


def test_the_shipped_messages_claim_no_more_than_their_records():
    """Every warning the shipped records show: a record under half never sits below "likely"."""
    poor = {rule for rule, r in track.read().items() if r.warned >= track.MIN_WARNED and 2 * r.right < r.warned}
    for text in (_OVER, _UNPLACED, _SUBJECT):
        request, _ = request_from_text(text)
        for finding in check(request):
            if finding.rule in poor and finding.severity != "info":
                assert "likely" not in finding.message and "usually" not in finding.message, finding.message
