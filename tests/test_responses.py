from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import seed_text

from composer.cli import main
from composer.model import Act
from composer.responses import (
    Element,
    Kind,
    check_response,
    needs_public_interest,
    normalise_section,
    parse_sections,
    provision,
    sections_in,
)

REVIEW_AND_ICO = ("If you are dissatisfied with this response you may ask for an internal review "
                  "within 40 working days. If you remain dissatisfied you may complain to the "
                  "Information Commissioner.")


def _missing(result) -> set[Element]:
    return {r.element for r in result.missing}


# -- seed 004: a real partial refusal citing s31 and s40 -----------------------------------------
def test_seed_004_is_read_as_s31_and_s40_with_no_review_or_complaint_particulars():
    text = seed_text("004")
    assert [c[:4] for c in sections_in(text, Act.FOIA)] == ["s31(", "s40("]
    result = check_response(text, act=Act.FOIA)
    assert _missing(result) == {Element.REVIEW, Element.COMPLAINT}
    assert Element.PUBLIC_INTEREST in {r.element for r in result.required}  # s31 is qualified
    assert "s31(1)" in next(r.text for r in result.required if r.element is Element.PUBLIC_INTEREST)
    assert any("s40(3A)(a)" in n for n in result.notes)  # s40(2): absolute only on the first condition
    report = "\n".join(result.lines())
    assert "MISSING: explain how to ask for an internal review (FOIA s17(7)(a))" in report
    assert "s31(1) law enforcement (qualified; FOISA s35)" in report


def test_seed_004_without_its_public_interest_reasons_is_missing_them():
    # The s40 part balances legitimate interests; that is not a public interest test for s31.
    lines = seed_text("004").splitlines()
    cut = [ln for ln in lines if not ln.startswith("I consider that the benefit")]
    assert len(cut) == len(lines) - 1
    assert Element.PUBLIC_INTEREST in _missing(check_response("\n".join(cut), act=Act.FOIA))


def test_seed_004_with_review_and_ico_particulars_is_complete():
    result = check_response(seed_text("004") + "\n" + REVIEW_AND_ICO, act=Act.FOIA)
    assert result.missing == []


def test_lateness_counts_working_days():
    result = check_response(seed_text("004"), act=Act.FOIA,
                            received=date(2026, 11, 20), responded=date(2026, 12, 22))
    assert result.due == date(2026, 12, 21) and result.late is True and result.late_by == 1
    assert "LATE: answered 2026-12-22, due 2026-12-21 (1 working day late; FOIA s10(1))" in result.lines()
    two_late = check_response(seed_text("004"), act=Act.FOIA,
                              received=date(2026, 11, 20), responded=date(2026, 12, 23))
    assert "(2 working days late; FOIA s10(1))" in two_late.lines()[-1]
    on_time = check_response(seed_text("004"), act=Act.FOIA,
                             received=date(2026, 11, 20), responded=date(2026, 12, 21))
    assert on_time.late is False


# -- flags instead of text ----------------------------------------------------------------------
def test_flags_alone():
    bare = check_response(act=Act.FOIA, sections=["s31"])
    assert _missing(bare) == {Element.REASONS, Element.PUBLIC_INTEREST, Element.REVIEW, Element.COMPLAINT}
    full = check_response(act=Act.FOIA, sections=["s31"],
                          contains=["reasons", "public-interest", "review", Element.COMPLAINT])
    assert full.valid


def test_absolute_exemption_needs_no_public_interest_test():
    result = check_response(act=Act.FOIA, sections=["s21", "s40(1)"], contains=["reasons"])
    assert Element.PUBLIC_INTEREST not in {r.element for r in result.required}


def test_cost_refusal_needs_advice_not_reasons():
    result = check_response("Your request would exceed the appropriate limit under section 12.",
                            act=Act.FOIA)
    assert result.cited == ["s12"]
    assert _missing(result) == {Element.ADVICE, Element.REVIEW, Element.COMPLAINT}
    advised = check_response("We refuse under section 12. You may wish to refine your request, "
                             "for example by narrowing the period. " + REVIEW_AND_ICO, act=Act.FOIA)
    assert advised.valid


def test_a_refusal_naming_no_exemption():
    result = check_response("We will not be providing this information.", act=Act.FOIA)
    assert result.cited == [] and Element.EXEMPTION in _missing(result)


def test_scottish_notice_needs_sic_and_review_under_foisa():
    text = ("The information is exempt under section 35(1)(a) of FOISA because disclosure would "
            "prejudice substantially the prevention of crime. The public interest in maintaining "
            "the exemption outweighs that in disclosure. You may ask us to review this decision. "
            "You may complain to the Information Commissioner.")
    result = check_response(text, act=Act.FOISA)
    assert result.cited == ["s35(1)"]
    assert _missing(result) == {Element.COMPLAINT}  # the Scottish Commissioner, not the ICO
    assert "Scottish Information Commissioner" in result.missing[0].text
    assert "s19 and s47" == result.missing[0].citation


# -- the law tables -----------------------------------------------------------------------------
@pytest.mark.parametrize("act, cite, expected", [
    (Act.FOIA, "s21", False), (Act.FOIA, "s23", False), (Act.FOIA, "s32", False),
    (Act.FOIA, "s34", False), (Act.FOIA, "s41", False), (Act.FOIA, "s44", False),
    (Act.FOIA, "s40(1)", False), (Act.FOIA, "s40(2)", None), (Act.FOIA, "s36", True),
    (Act.FOIA, "s31", True), (Act.FOIA, "s30(1)(a)", True), (Act.FOIA, "s12", False),
    (Act.FOIA, "s37(1)(a)", False), (Act.FOIA, "s37(1)(b)", True),
    (Act.FOISA, "s25", False), (Act.FOISA, "s38(1)(a)", False), (Act.FOISA, "s38(1)(b)", None),
    (Act.FOISA, "s35", True), (Act.FOISA, "s36(2)", False), (Act.FOISA, "s36(1)", True),
])
def test_absolute_or_qualified(act, cite, expected):
    assert needs_public_interest(act, cite) is expected


def test_equivalents_between_the_acts():
    assert provision(Act.FOISA, "s25").equivalent == "21"
    assert provision(Act.FOISA, "s38").equivalent == "40"
    assert provision(Act.FOISA, "s35").equivalent == "31"
    assert provision(Act.FOIA, "s31").equivalent == "35"
    assert provision(Act.FOIA, "s17") is None
    assert provision(Act.FOIA, "s23").kind is Kind.ABSOLUTE


def test_section_spellings():
    assert normalise_section("Section 40 (2)") == "s40(2)"
    assert normalise_section("S.31(1)(A)") == "s31(1)(a)"
    assert parse_sections("s12, s40(2);section 31 s12") == ["s12", "s40(2)", "s31"]
    with pytest.raises(ValueError, match="not a section number"):
        normalise_section("paragraph 3")


def test_sections_in_text_ignores_procedural_sections_and_other_acts():
    text = ("This is a refusal notice under section 17. We rely on sections 30 and 31(1)(a), and "
            "s.40(2). See section 10, and subsections 3(A) of the Data Protection Act 2018.")
    assert sections_in(text, Act.FOIA) == ["s30", "s31(1)", "s40(2)"]


# -- the command --------------------------------------------------------------------------------
def test_check_response_command(tmp_path, capsys):
    path = tmp_path / "response.txt"
    path.write_text(seed_text("004"), "utf-8")
    assert main(["check-response", str(path), "--force", "the_met", "--received", "2026-11-20",
                 "--responded", "2026-12-23", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {m["element"] for m in out["missing"]} == {"review", "complaint"}
    assert out["late"] is True and out["late_by"] == 2
    assert main(["check-response", str(path), "--act", "foia", "--received", "2026-11-20"]) == 2
    assert "give both" in capsys.readouterr().err


def test_a_foia_neither_confirm_nor_deny_notes_that_s17_4_may_excuse_its_reasons():
    from composer.responses import requirements

    _, notes = requirements(Act.FOIA, ["s31(3)", "s24(2)"])
    assert any(note.startswith("s17(4):") for note in notes)
    _, notes = requirements(Act.FOIA, ["s31(1)(a)"])  # withheld, having confirmed it is held: no such excuse
    assert not any(note.startswith("s17(4):") for note in notes)
