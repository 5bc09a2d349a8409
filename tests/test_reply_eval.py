"""bench/reply_eval.py: the measurement of reading real replies, on replies written for the test."""

from __future__ import annotations

import json

import pytest
from conftest import bench_script


@pytest.fixture(scope="module")
def reply_eval():
    return bench_script("reply_eval")


def test_the_campaigns_are_split_in_two_by_a_fixed_hash(reply_eval):
    slugs = [f"campaign-{i}" for i in range(40)]
    halves = [reply_eval.half(s) for s in slugs]
    assert set(halves) == {"tune", "report"}
    assert halves == [reply_eval.half(s) for s in slugs]  # the same every run


def test_which_kinds_are_right_for_each_first_reply(reply_eval):
    assert reply_eval.kinds_for({"outcome": "disclosed"}) == {"answered"}
    assert reply_eval.kinds_for({"outcome": "s12_cost"}) == {"refused"}
    assert reply_eval.kinds_for({"outcome": "s12_cost", "parts": [{"part": "1", "outcome": "answered"}]}) \
        == {"refused", "partly-answered"}
    assert reply_eval.kinds_for({"outcome": "ncnd"}) == {"refused", "partly-answered"}
    assert reply_eval.kinds_for({"outcome": "something else"}) == set()


def test_a_refusal_s_ground_from_its_sections(reply_eval):
    from composer.model import Act

    ground = reply_eval.ground_of
    assert ground(["s12", "s40(2)"], False, Act.FOIA) == "s12_cost"
    assert ground(["s40(2)"], False, Act.FOIA) == "s40_personal"
    assert ground(["s40(2)", "s31(1)"], False, Act.FOIA) == "partial_other"
    assert ground(["s23(5)"], True, Act.FOIA) == "ncnd"
    assert ground(["s38(1)"], False, Act.FOISA) == "s40_personal"  # FOISA's personal data
    assert ground(["s38(1)"], False, Act.FOIA) == "partial_other"  # FOIA's health and safety
    assert ground(["s25(1)"], False, Act.FOISA) == "s21_s22_elsewhere"


def _case(tmp_path, name, reply, **fields):
    (tmp_path / f"{name}.txt").write_text(reply, "utf-8")
    return {"id": name, "force_id": "kent_police", "campaign": "drones", "reply_file": f"{name}.txt",
            "request_text": "1. How many drones does the force own?\n2. Please send the invoices for them.\n",
            "sections_cited": [], "parts": [], **fields}


def test_scored_from_files_of_cases(reply_eval, tmp_path, capsys):
    cases = [
        _case(tmp_path, "a", "1. How many drones does the force own?\nTwelve.\n"
              "2. Please send the invoices for them.\nWithheld under section 43(2).\n",
              outcome="partial_other", sections_cited=["43(2)"],
              parts=[{"part": "1", "outcome": "answered"}, {"part": "2", "outcome": "partial_other"}]),
        _case(tmp_path, "b", "Dear Ms Example\nThe force does not hold this information.\n",
              outcome="not_held", parts=[{"part": "1", "outcome": "not_held"},
                                         {"part": "2", "outcome": "not_held"}]),
        _case(tmp_path, "c", "Your request is refused under section 12 as the cost would exceed the "
              "limit.", outcome="disclosed", sections_cited=["12"]),
    ]
    file = tmp_path / "cases.jsonl"
    file.write_text("\n".join(json.dumps(c) for c in cases), "utf-8")
    rows = [reply_eval.score_case(c) for c in reply_eval.read_cases(file)]
    figures = reply_eval.summary(rows)
    assert figures["kind_right"] == (2, 3)  # c was labelled answered and reads as refused
    assert figures["label_right"] == (2, 3)
    assert figures["section_recall"] == (2, 2) and figures["section_precision"] == (2, 2)
    assert figures["part_right"] == (4, 4)
    assert figures["part_placed"] == (2, 4)  # b's parts take the whole reply's kind
    assert reply_eval.main([str(file), "--half", reply_eval.half("drones")]) == 0
    out = capsys.readouterr().out
    assert "reply kind right" in out and "2/3" in out and "disclosed" in out
    assert "Twelve" not in out  # counts and labels, never a reply's words


def test_with_no_cases_it_says_where_they_come_from(reply_eval, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FOI_COMPOSER_SHARED", str(tmp_path))
    assert reply_eval.main([]) == 0
    assert "no reply cases in" in capsys.readouterr().out


def test_a_reply_read_as_pasted_from_a_pdf_an_email_or_forwarded_reads_the_same(reply_eval, tmp_path):
    answer = ("Dear Ms Example\nThank you for your request about the drones the constabulary "
              "operates.\n1. How many drones does the force own?\nThe force owns twelve drones, "
              "bought between 2019 and 2023 from two suppliers under a national framework.\n"
              "2. Please send the invoices for them.\nThe invoices are withheld under section 43(2), "
              "as their release would prejudice the commercial interests of the suppliers.\n")
    pdf = reply_eval.as_pdf(answer * 4)
    assert "Page 1 of" in pdf and max(len(line) for line in pdf.splitlines()) <= 80
    assert any(line.endswith("-") for line in pdf.splitlines())  # a word broken at a line's end
    case = _case(tmp_path, "a", answer, outcome="partial_other", sections_cited=["43(2)"],
                 parts=[{"part": "1", "outcome": "answered"}, {"part": "2", "outcome": "partial_other"}])
    case["_dir"] = str(tmp_path)
    plain = reply_eval.score_case(case)
    assert plain.kind_right and [got for _, got, _ in plain.parts] == ["answered", "partial_other"]
    for pasted in ("pdf", "email", "forwarded"):
        scored = reply_eval.score_case(case, pasted)
        assert (scored.kind, scored.label, scored.found, scored.parts) == \
            (plain.kind, plain.label, plain.found, plain.parts), pasted
