"""bench/campaign_foresight.py: the other forces' first replies, made into the record a shared
template carries, scored against what each force then did."""

from __future__ import annotations

import json

import pytest
from conftest import bench_script

LETTER = ("1. How many bicycles does the force own?\n"
          "2. For each bicycle, list every repair made since 2010, with its cost and the officer who rode it.")
FORCES = ("wmp", "the_met", "kent_police", "essex_police", "dorset_police")


@pytest.fixture(scope="module")
def foresight():
    return bench_script("campaign_foresight")


def _cases(tmp_path, extra=()):
    """Four forces refused part 2 on cost (West Midlands said so of the whole request, naming no
    part); Dorset answered both parts."""
    lines = []
    for force in FORCES:
        refused = force != "dorset_police"
        parts = [] if force == "wmp" else [{"part": "1", "outcome": "answered"},
                                          {"part": "2", "outcome": "s12_cost" if refused else "answered"}]
        lines.append({"id": f"bikes-{force}", "force_id": force, "jurisdiction": "FOIA", "request_text": LETTER,
                      "outcome": "s12_cost" if refused else "disclosed", "campaign": "bikes", "parts": parts})
    lines.extend(extra)
    path = tmp_path / "campaigns.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return path


def test_the_other_forces_replies_become_counts_per_part(foresight, tmp_path):
    cases = foresight.corpus_eval.load_cases([_cases(tmp_path)], private=True)
    checker = foresight.corpus_eval.Checker()
    dorset = next(c for c in cases if c["force_id"] == "dorset_police")
    others = [c for c in cases if c is not dorset]

    first, second = foresight.carried(dorset, others, checker)

    # The three forces that said what they did with each part answered part 1; West Midlands'
    # refusal of the whole request counts against every part.
    assert (first.replied, first.answered, first.met) == (4, 3, {"cost": 1})
    assert (second.replied, second.answered, second.met) == (4, 0, {"cost": 4})


def test_a_letter_without_the_part_says_nothing_about_it(foresight, tmp_path):
    other_letter = {"id": "boats-kent", "force_id": "kent_police", "jurisdiction": "FOIA", "campaign": "bikes",
                    "request_text": "1. How many boats does the force keep on the river, and where are they moored?",
                    "outcome": "s40_personal", "parts": []}
    path = tmp_path / "boats.jsonl"
    path.write_text(json.dumps(other_letter) + "\n", "utf-8")
    cases = foresight.corpus_eval.load_cases([_cases(tmp_path), path], private=True)
    checker = foresight.corpus_eval.Checker()
    dorset = next(c for c in cases if c["force_id"] == "dorset_police")
    boats = next(c for c in cases if c["id"] == "boats-kent")

    assert foresight.carried(dorset, [boats], checker) == []


def test_the_replies_foresee_the_refusals_and_warn_on_the_force_that_answered(foresight, tmp_path):
    cases = foresight.corpus_eval.load_cases([_cases(tmp_path)], private=True)

    results = foresight.measure(cases, pilots=(3, 4), seed=1)

    everyone = results["every other force's reply"]
    assert everyone["s12_cost"] == [4, 4]
    assert everyone["refusal_warning"] == [1, 1]  # Dorset: the four others refused part 2
    # A pilot of four is every other force: the same figures, one choice each.
    assert results["a pilot of 4 forces' replies"]["s12_cost"] == [4, 4]
    both = results["both (either warned)"]
    assert both["s12_cost"][0] >= results["the text, as the app ships"]["s12_cost"][0]


def test_two_of_three_replies_agreeing_is_not_yet_a_warning(foresight, tmp_path):
    # Three forces: each held out sees two replies, fewer than the three a warning needs.
    cases = [c for c in foresight.corpus_eval.load_cases([_cases(tmp_path)], private=True)
             if c["force_id"] in ("the_met", "kent_police", "dorset_police")]

    results = foresight.measure(cases, pilots=(), seed=1)

    assert results["every other force's reply"]["s12_cost"] == [0, 2]


def test_how_often_a_force_answered_as_most_others_did(foresight, tmp_path):
    cases = foresight.corpus_eval.load_cases([_cases(tmp_path)], private=True)

    assert foresight.same_answer(cases) == (4, 5)
