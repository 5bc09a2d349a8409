"""The checker as a whole: the seeds, the engine's contract, fixes, and the `check` command."""

from __future__ import annotations

import json

import pytest
from conftest import seed_text

from composer.checker import (
    CATEGORIES,
    RULES,
    SEVERITIES,
    Finding,
    Fix,
    check,
    signoff_name,
)
from composer.cli import main
from composer.errors import ComposerError
from composer.forces import load_directory
from composer.model import AnswerFormat, Options, Part, Request, Requester
from composer.operations.request import apply_fix
from composer.textimport import parse_request

JANE = Requester(name="Jane Smith", email="jane@example.org")


def seed_request(number: str) -> Request:
    return parse_request(seed_text(number), source=f"seed {number}")


# -- the seeds ------------------------------------------------------------------------------

def test_seed_003_predictive_policing_needs_defining():
    """The Met asked what "predictive policing" meant; the checker says so before sending."""
    findings = check(seed_request("003"), force=load_directory().get("the_met"))
    clarity = [f for f in findings if f.category == "clarity" and "predictive policing" in f.message]
    assert clarity and clarity[0].rule == "clarity.undefined-term"
    assert clarity[0].severity == "warning" and "section 1(3)" in clarity[0].message
    assert clarity[0].fix is not None and clarity[0].fix.kind == "replace_text"


def test_seed_004_full_set_of_cases_draws_personal_data_and_cost():
    request = seed_request("004")
    findings = check(request, force=load_directory().get("the_met"))
    categories = {f.category for f in findings}
    assert {"personal_data", "cost"} <= categories
    individual = next(f for f in findings if f.rule == "personal_data.individual-records")
    part = request.find(individual.part_id)
    assert "full set of results" in part.text[individual.span[0]:individual.span[1]].lower()


def test_seed_001_has_no_error_outside_validity():
    findings = check(seed_request("001"), force=load_directory().get("wmp"))
    assert [f.rule for f in findings if f.severity == "error" and f.category != "validity"] == []
    # Its page shows no requester, so s8 is the one error, and a requester clears it.
    assert any(f.rule == "validity.no-name" for f in findings)
    with_name = check(seed_request("001"), force=load_directory().get("wmp"), requester=JANE)
    assert [f for f in with_name if f.severity == "error"] == []


def test_seed_003_sign_off_names_the_requester():
    assert signoff_name(seed_text("003")) not in (None, "")
    assert signoff_name("Yours faithfully,\n\nJane Smith\n") == "Jane Smith"
    assert signoff_name("Kind regards,\nPlease reply by email") is None
    assert signoff_name("Regards,\n\njane@example.org") is None


# -- the engine's contract --------------------------------------------------------------------

def test_rules_have_stable_ids_fixed_categories_and_severities():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.category in CATEGORIES and rule.severity in SEVERITIES
        assert rule.id.startswith(rule.category + ".")


def test_findings_are_ordered_whole_request_first_then_by_part():
    request = Request(parts=[Part(text="Why did you buy it?"), Part(text="Please provide all information.")])
    findings = check(request)
    assert findings[0].part_id is None
    positions = [[p.id for p in request.all_parts()].index(f.part_id) for f in findings if f.part_id]
    assert positions == sorted(positions)


def test_law_and_sections_follow_the_forces_act():
    request = Request(parts=[Part(text="Please give the names of the officers who attended.")])
    english = next(f for f in check(request, force=load_directory().get("wmp"), requester=JANE)
                   if f.rule == "personal_data.names")
    scottish = next(f for f in check(request, force=load_directory().get("police_scotland"), requester=JANE)
                    if f.rule == "personal_data.names")
    assert english.law == "FOIA s40(2)" and "section 40(2)" in english.message
    assert scottish.law == "FOISA s38(1)(b)" and "section 38(1)(b)" in scottish.message


def test_without_a_force_the_act_comes_from_the_letter():
    request = Request(introduction="Dear Police Scotland,",
                      parts=[Part(text="Please give the names of the officers who attended.")])
    finding = next(f for f in check(request, requester=JANE) if f.rule == "personal_data.names")
    assert finding.law.startswith("FOISA")


def test_spans_point_at_the_words_found():
    request = Request(parts=[Part(text="In 2023, please provide all correspondence about it.")])
    finding = next(f for f in check(request, requester=JANE) if f.rule == "cost.open-scope")
    start, end = finding.span
    assert request.parts[0].text[start:end] == "all correspondence"


def test_a_finding_is_data():
    finding = check(Request(parts=[Part(text="Why did you?")]))[0]
    assert isinstance(finding, Finding)
    with pytest.raises(AttributeError):
        finding.rule = "other"  # frozen
    assert set(finding.as_dict("1")) == {"rule", "category", "severity", "part", "message", "law", "suggestion",
                                        "ncnd", "reasoning", "also"}


# -- fixes ------------------------------------------------------------------------------------

def _fix_for(request: Request, rule_id: str, **kwargs) -> Fix:
    finding = next(f for f in check(request, requester=JANE, **kwargs) if f.rule == rule_id or rule_id in f.also)
    assert finding.fix is not None
    return finding.fix


def test_replace_text_fix_clears_its_finding_and_leaves_the_original_alone():
    request = Request(parts=[Part(text="How many people were arrested for drug offences?")])
    fixed = apply_fix(request, fix=_fix_for(request, "cost.no-period")).value
    assert request.parts[0].text == "How many people were arrested for drug offences?"
    assert fixed.parts[0].text.endswith("for each of the last five full calendar years?")
    assert not any(f.rule == "cost.no-period" for f in check(fixed, requester=JANE))


def test_definition_fix_inserts_the_glossary_definition():
    request = Request(parts=[Part(text="Does the force use predictive policing?")])
    fixed = apply_fix(request, fix=_fix_for(request, "clarity.undefined-term")).value
    assert "predictive policing (by which I mean" in fixed.parts[0].text
    assert not any(f.rule == "clarity.undefined-term" for f in check(fixed, requester=JANE))


def test_set_option_fix_turns_the_cost_clause_on():
    request = Request(parts=[Part(text=f"How many arrests in {y}?") for y in range(2019, 2025)],
                      options=Options(cost_limit_clause=False))
    fixed = apply_fix(request, fix=_fix_for(request, "cost.no-clause")).value
    assert fixed.options.cost_limit_clause is True and request.options.cost_limit_clause is False


def test_set_format_fix_asks_csv_for_the_figures_only():
    stats = Part(text="How many people were stopped in 2023?")
    dpia = Part(text="Please provide a copy of the DPIA.")
    request = Request(parts=[stats, dpia])
    fixed = apply_fix(request, fix=_fix_for(request, "format.no-preference")).value
    assert fixed.options.answer_format == AnswerFormat.CSV and fixed.options.format_parts == [stats.id]


def test_reorder_fix_puts_the_costly_part_last_and_ranks_them():
    costly = Part(text="Please provide all correspondence about the system.")
    cheap = Part(text="Does the force use the system?")
    request = Request(parts=[costly, cheap])
    fixed = apply_fix(request, fix=_fix_for(request, "cost.order")).value
    assert [p.id for p in fixed.parts] == [cheap.id, costly.id]
    assert [p.priority for p in fixed.parts] == [1, 2]


def test_remove_part_fix_and_wrong_act_fix():
    request = Request(parts=[Part(text="How many arrests in 2023?"), Part(text="")])
    fixed = apply_fix(request, fix=_fix_for(request, "validity.empty-part")).value
    assert len(fixed.parts) == 1
    scottish = Request(introduction="I ask under the Freedom of Information Act 2000.",
                       parts=[Part(text="How many arrests in 2023?")])
    fix = _fix_for(scottish, "jurisdiction.wrong-act", force=load_directory().get("police_scotland"))
    assert apply_fix(scottish, fix=fix).value.introduction == "I ask under the Freedom of Information (Scotland) Act 2002."


def test_add_module_fix_adds_the_bank_questions_and_clears_the_gap():
    request = Request(parts=[Part(text="Does the force use a risk scoring tool, by which I mean software "
                                       "that scores people?")])
    fix = _fix_for(request, "completeness.assessments")
    assert fix.kind == "add_module" and fix.module_id == "assessments"
    fixed = apply_fix(request, fix=fix).value
    assert len(fixed.parts) > 1 and all(p.source.startswith("assessments.") for p in fixed.parts[1:])
    after = check(fixed, requester=JANE)
    assert not any(f.rule == "completeness.assessments" for f in after)
    assert not any(f.rule == "jurisdiction.unfilled-field" for f in after)


def test_a_stale_fix_is_refused_with_a_message():
    request = Request(parts=[Part(text="How many arrests?")])
    with pytest.raises(ComposerError, match="no longer in the request"):
        apply_fix(request, fix=Fix("replace_text", "x", part_id="gone", new_text="y")).value
    with pytest.raises(ComposerError, match="no request option"):
        apply_fix(request, fix=Fix("set_option", "x", name="nonsense", value=1)).value


# -- the command --------------------------------------------------------------------------------

def test_check_json_output_and_exit_status(tmp_path, capsys):
    path = tmp_path / "letter.txt"
    path.write_text(seed_text("003"), "utf-8")
    status = main(["check", str(path), "--force", "the_met", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert status == 0  # the letter is signed, and nothing else is an error
    assert out["parts"] == 8
    assert not any(f["rule"] == "validity.no-name" for f in out["findings"])
    term = next(f for f in out["findings"] if f["rule"] == "clarity.undefined-term")
    assert term["part"] == "1" and term["category"] == "clarity"
    assert set(term) == {"rule", "category", "severity", "part", "message", "law", "suggestion", "ncnd", "also",
                         "reasoning"}


def test_check_exits_1_on_an_error_and_numbers_parts_as_the_force_reads_them(tmp_path, capsys):
    path = tmp_path / "letter.txt"
    path.write_text(seed_text("001"), "utf-8")
    assert main(["check", str(path), "--json"]) == 1  # no name: s8
    out = json.loads(capsys.readouterr().out)
    parts = {f["part"] for f in out["findings"]}
    assert "2g" in parts and None in parts


def test_check_uses_the_profile_for_the_requester(tmp_path, capsys):
    assert main(["profile", "--name", "Jane Smith", "--email", "jane@example.org"]) == 0
    path = tmp_path / "letter.txt"
    path.write_text(seed_text("001"), "utf-8")
    capsys.readouterr()
    assert main(["check", str(path), "--force", "wmp"]) == 0
    out = capsys.readouterr().out
    assert "Part 1f" in out and "Law: FOIA s12" in out and "Suggestion:" in out


def test_check_exits_2_when_the_file_cannot_be_read(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.foi.json")]) == 2
    broken = tmp_path / "broken.foi.json"
    broken.write_text("{not json", "utf-8")
    assert main(["check", str(broken)]) == 2
    assert "error" in capsys.readouterr().err


def test_check_reads_a_saved_request_and_flags_a_body_outside_foi(tmp_path, capsys):
    from composer.library import save_request

    path = tmp_path / "r.foi.json"
    save_request(path, Request(parts=[Part(text="How many arrests were made in 2023?")]))
    assert main(["check", str(path), "--force", "nca", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["findings"][0]["rule"] == "validity.not-foi-body"


# -- speed shortcuts never change an answer ----------------------------------------------------

def _sample_texts() -> list[str]:
    from conftest import corpus_cases
    from test_checker_rules import CASES

    from composer.bank import load_bank

    texts = [part.text for _, request, _, _ in CASES for part in request.all_parts()]
    texts += [request.introduction for _, request, _, _ in CASES if request.introduction]
    texts += [q.text for q in load_bank().questions()]
    texts += [case["request_text"] for case in corpus_cases()]
    for number in ("000", "001", "003", "004"):
        texts += [p.text for p in seed_request(number).all_parts()]
    return texts


def test_a_gate_never_skips_a_text_its_pattern_matches():
    """Each gate's needles must be in every text its pattern matches (lower-cased or as typed)."""
    from composer.checker import glossary, patterns

    texts = _sample_texts()
    assert len(texts) > 200
    checked = 0
    for gate in patterns._GATES:
        for text in texts:
            low = text.lower()
            if gate.pattern.search(low) or gate.pattern.search(text):
                checked += 1
                assert gate.could_match(low), (gate.pattern.pattern[:60], text[:80])
    assert checked > 300
    assert all(term.pattern in patterns._GATES for term in glossary.TERMS)


def test_remembered_results_match_a_fresh_search():
    from composer.checker.patterns import forget

    request = seed_request("001")
    first = check(request, requester=JANE)
    again = check(request, requester=JANE)
    forget()
    fresh = check(request, requester=JANE)
    assert first == again == fresh


# -- other people's texts stay out of the project ------------------------------------------------

def test_the_project_keeps_no_corpus_of_real_requests():
    from conftest import PROJECT

    assert not (PROJECT / "bench" / "corpus").exists()


def test_check_reads_any_readable_text_and_notes_text_that_asks_for_nothing(tmp_path, capsys):
    chat = tmp_path / "chat.txt"
    chat.write_text("Dear team\n\nThe weather was lovely by the river today and the dog enjoyed it.\n")
    assert main(["check", str(chat), "--json"]) in (0, 1)  # checked, never "cannot be read"
    out = json.loads(capsys.readouterr().out)
    assert out["parts"] == 1 and any("does not read as a request" in n for n in out["notes"])
    dates = tmp_path / "dates.txt"
    dates.write_text("Thank you.\n\n1) 2015, 2016, 2017\n\n2) 2018, 2019\n\nKind regards\n")
    assert main(["check", str(dates), "--json"]) in (0, 1)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["check", str(binary)]) == 2
