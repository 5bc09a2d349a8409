"""Each fact of the law (a section's number under each Act, a limit, a time, the Commissioners) is
held in composer.law, and the checker, the tracker, the letters and the command line read it from
there: a copy written out again elsewhere is caught here, and the text each reader makes is the
text it made when it held its own copy."""

from __future__ import annotations

import ast
import re
from datetime import date

import pytest
from conftest import PROJECT

from composer import law
from composer.campaign.history import ground_of, history_of, with_history
from composer.checker import check
from composer.errors import ComposerError
from composer.forces import load_directory
from composer.model import Act, Part, Request, Requester

ME = Requester(name="Alex Example", email="alex@example.org")


def _strings(path):
    """Each string the code of `path` holds, bar docstrings, with its line: (line, text)."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _written_outside_law(pattern: str) -> list[str]:
    found = re.compile(pattern)
    return [f"{path.relative_to(PROJECT)}:{line}: {text[:80]!r}"
            for path in sorted((PROJECT / "composer").rglob("*.py")) if path.name != "law.py"
            for line, text in _strings(path) if found.search(text)]


def test_no_section_is_cited_with_its_act_outside_law():
    # "FOISA s38" is a fact of the Act; a module that wants it asks composer.law for the topic.
    assert _written_outside_law(r"\bFOIS?A s\d") == []


def test_no_cost_limit_or_commissioners_address_is_written_outside_law():
    limits = "|".join(str(n) for n in sorted({lw.cost_limit_pounds for lw in law.LAWS.values()}
                                             | {law.CENTRAL_GOVERNMENT_LIMIT_POUNDS}))
    assert _written_outside_law(rf"£\s?({limits})\b") == []
    hours = "|".join(f"{lw.cost_limit_hours:g}" for lw in law.LAWS.values())
    assert _written_outside_law(rf"\b({hours}) hours\b") == []
    streets = [lw.regulator.postal_address[0] for lw in law.LAWS.values()]
    assert _written_outside_law("|".join(map(re.escape, streets))) == []


def test_the_checkers_sections_are_laws_and_read_the_acts_own_fields():
    from composer.checker import sections

    assert sections.NAME is law.NAME and sections.LAW is law.LAW
    for act, lw in law.LAWS.items():
        assert law.NAME["advice"][act] == lw.advice_section
        assert law.NAME["cost"][act] == lw.cost_section
    assert [law.NAME["advice"][a] for a in Act] == ["section 16", "section 15"]
    assert law.NAME["dataset"] == {Act.FOIA: "section 11(1A)", Act.FOISA: "section 11"}
    assert law.LAW["advice"] == {Act.FOIA: "FOIA s16 (advice and assistance)",
                                 Act.FOISA: "FOISA s15 (advice and assistance)"}
    assert law.LAW["cost_clause"][Act.FOISA].startswith("FOISA s12 and s15; ")
    assert law.short("personal", Act.FOISA) == "FOISA s38(1)(b)"
    assert law.short("personal", Act.FOISA, whole=True) == "FOISA s38"
    assert law.section("complaint", Act.FOISA, whole=True) == "section 47"
    assert [law.number("personal", a) for a in Act] == [40, 38]


def test_the_history_findings_cite_each_ground_as_they_did():
    from composer.campaign import history

    cited = {ground: [history._law(ground, act) for act in Act] for ground in history.GROUNDS}
    assert cited == {"cost": ["FOIA s12", "FOISA s12"], "clarity": ["FOIA s1(3)", "FOISA s1(3)"],
                     "personal_data": ["FOIA s40", "FOISA s38"], "exemption": ["FOIA Part II", "FOISA Part 2"],
                     "tone": ["FOIA s14", "FOISA s14"]}
    # The ground of a refusal reads the same numbers: FOISA's personal data is s38, FOIA's s38 is not.
    assert ground_of(["s38(1)(b)"], False, Act.FOISA) == "personal_data"
    assert ground_of(["s40(2)"], False, Act.FOISA) == "exemption"
    assert ground_of(["s14(1)"], False, Act.FOISA) == "tone"


def test_a_refused_part_again_cites_foia_part_ii_for_another_exemption():
    from test_history import _campaign, _request

    campaign = _campaign({"the_met": "refused s31", "kent_police": "refused s31", "wmp": "refused s31",
                          "essex_police": "answered"})
    found = [f for f in with_history([], _request(), history_of([campaign])) if f.rule == "history.exemption"]
    assert [f.law for f in found] == ["FOIA Part II"]


def test_a_calendar_day_that_is_never_a_working_day_cites_both_acts():
    from composer import calendar

    with pytest.raises(ComposerError) as caught:
        calendar.remove_holiday(date(2026, 12, 25))
    assert str(caught.value).endswith("never a working day (FOIA s10(6), FOISA s73)")


def test_scottish_guidance_on_burden_names_the_commissioner_and_section_14():
    request = Request(title="Emails", parts=[Part(text="Please provide all emails about the system.")])
    found = [f for f in check(request, force=load_directory().get("police_scotland"), requester=ME)
             if "guidance on section 14" in f.message + " ".join(f.reasoning) + (f.suggestion or "")]
    texts = [f.message + " ".join(f.reasoning) + (f.suggestion or "") for f in found]
    assert texts and all("the Scottish Information Commissioner's guidance on section 14: a significant burden"
                         in t for t in texts)


def _limit_rules(force_id: str, said: str) -> list[str]:
    request = Request(title="Limits", parts=[Part(text="How many people has the system scored?")])
    request.options.cost_limit_wording = (f"If answering would exceed the cost limit of {said}, please "
                                          "answer the parts in order.")
    return [f.rule for f in check(request, force=load_directory().get(force_id), requester=ME)]


@pytest.mark.parametrize("force_id, said, wrong", [
    ("kent_police", "£600", True), ("kent_police", "24 hours", True), ("police_scotland", "£450", True),
    ("police_scotland", "18 hours", True), ("kent_police", "£450", False), ("police_scotland", "£600", False),
    ("police_scotland", "40 hours", False)])
def test_a_letter_stating_another_acts_or_central_governments_limit_is_an_error(force_id, said, wrong):
    assert ("jurisdiction.wrong-cost-limit" in _limit_rules(force_id, said)) is wrong


def test_an_imported_cost_clause_is_known_by_either_acts_figures():
    from composer.textimport import parse_request

    # FOISA's 40 hours is known as FOIA's 18 always was (the clause's own list had only FOIA's hours).
    for figure in ("18 hours", "40 hours", "the limit in section 12", "the s.12 limit"):
        text = ("1. How many people has the system scored?\n2. What did it cost?\n\n"
                f"If answering would take more than {figure}, please answer the parts in the order "
                "given and tell me which were left out.")
        request = parse_request(text)
        assert request.options.cost_limit_wording, figure


def test_no_commissioner_is_named_outside_law():
    names = [lw.regulator.name for lw in law.LAWS.values()]
    assert _written_outside_law("|".join(map(re.escape, names))) == []


def test_the_follow_ups_name_the_commissioner_and_what_is_sent_them_as_before():
    from composer.letters.followups import _NOTICE_LACKS, FollowUpKind
    from composer.responses import Element

    assert [FollowUpKind.COMPLAINT.label(a) for a in Act] == ["Complaint to the ICO", "Application to the SIC"]
    lacks = _NOTICE_LACKS[Element.COMPLAINT]
    assert [lacks(a, True) for a in Act] == [
        "give particulars of my right to complain to the Information Commissioner",
        "give particulars of my right to apply to the Scottish Information Commissioner"]
    assert [lacks(a, False) for a in Act] == ["tell me of my right to complain to the Information Commissioner",
                                              "tell me of my right to apply to the Commissioner"]


@pytest.mark.parametrize("act, said, told", [
    (Act.FOIA, "You may complain to the Information Commissioner.", True),
    (Act.FOIA, "You may apply under section 50 of the Act.", True),
    (Act.FOIA, "You may write to the ICO.", True),
    (Act.FOISA, "You may apply to the Scottish Information Commissioner.", True),
    (Act.FOISA, "You may apply under s.47 of the Act.", True),
    (Act.FOISA, "You may apply under section 50.", False)])
def test_a_refusal_notice_tells_of_the_right_to_complain_by_name_or_section(act, said, told):
    from composer.responses import Element, check_response

    notice = check_response(f"We refuse under section 31 (law enforcement). {said}", act=act)
    assert (Element.COMPLAINT in notice.present) is told


def test_the_months_and_weekdays_are_named_in_one_place_and_never_by_the_locale():
    from composer import dates

    names = {m.lower() for m in dates.MONTHS + dates.WEEKDAYS}

    def listed(node) -> bool:  # a tuple, list or set holding six month or day names or more
        items = getattr(node, "elts", [])
        return sum(isinstance(e, ast.Constant) and str(e.value).lower() in names for e in items) >= 6

    written = [f"{path.relative_to(PROJECT)}:{node.lineno}"
               for path in sorted((PROJECT / "composer").rglob("*.py")) if path.name != "dates.py"
               for node in ast.walk(ast.parse(path.read_text("utf-8"))) if listed(node)]
    assert written == []
    # strftime's names follow the C locale, which Qt sets from the user's environment.
    assert _written_outside_law(r"%[aAbB]") == []


def test_a_letters_date_is_english_under_any_locale():
    import locale

    from composer.letters.letter import format_date

    before = locale.setlocale(locale.LC_TIME)
    for name in ("cy_GB.UTF-8", "fr_FR.UTF-8", "de_DE.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    else:
        pytest.skip("no Welsh, French or German locale is installed (`locale -a`); the scan above still holds")
    try:
        assert f"{date(2026, 11, 21):%B}" != "November"  # the locale does rename the month
        assert format_date(date(2026, 11, 21)) == "21 November 2026"
    finally:
        locale.setlocale(locale.LC_TIME, before)


def test_no_force_id_is_spelled_in_the_code():
    ids = {force.id for force in load_directory().forces} | {"nipb", "met", "mps"}
    written = [f"{path.relative_to(PROJECT)}:{line}: {text!r}"
               for path in sorted((PROJECT / "composer").rglob("*.py"))
               for line, text in _strings(path) if text in ids and text != "met"]  # "met": a ground's field
    assert written == []


def test_force_areas_are_the_territorial_forces_names_as_before():
    from composer.force_names import force_areas

    areas = force_areas()
    assert {"greater manchester", "thames valley", "scotland", "cheshire"} <= areas
    assert not {"british transport", "civil nuclear", "ministry of defence", "northern ireland policing board"} & areas


def test_a_group_is_described_from_the_directory():
    directory = load_directory()
    assert directory.describe("territorial") == f"the {len(directory.group('territorial'))} territorial forces of the UK"
    assert directory.describe("territorial") == "the 45 territorial forces of the UK"
    assert directory.describe("national") == ("British Transport Police, the Ministry of Defence Police and the "
                                              "Civil Nuclear Constabulary")


@pytest.mark.parametrize("said, plate", [("GMP 2023", False), ("BTP 2023", False), ("JAN 2024", False),
                                         ("ABC 123", True)])
def test_a_forces_capitals_or_a_month_are_not_read_as_a_number_plate(said, plate):
    # The forces' capitals come from the directory: BTP's were missing from the code's own list.
    from composer.checker.reading import one_case

    text = f"How many vehicles with the registration {said} were stopped?"
    assert (one_case(text, text.lower()) == ("vehicle", said)) is plate


def test_the_grounds_are_named_once_and_every_table_of_them_covers_them_all():
    from composer.campaign import history
    from composer.checker import engine, evidence
    from composer.model import PAST_GROUNDS

    assert engine.GROUNDS == {"cost", "clarity", "personal_data", "exemption"} == set(PAST_GROUNDS) - {"tone"}
    for table in (evidence.GROUND_OUTCOMES, evidence.FORESEES, evidence._LAW_TOPIC, evidence._REFUSAL_WORDS):
        assert set(table) == engine.GROUNDS
    assert set(history._GROUND_WORDS) == set(PAST_GROUNDS) == set(history._TOPIC) | {"exemption"}


def test_a_complaint_is_labelled_with_what_the_act_calls_it():
    from composer.campaign.model import Status

    assert [Status.COMPLAINED.label(a) for a in Act] == ["complained to the ICO",
                                                        "applied to the Scottish Information Commissioner"]


def test_parts_added_together_under_foisa_cite_s12_1_and_the_prescribed_amount():
    # SSI 2004/467 reg 5 prescribes the £600; its aggregation (reg 6) is of different people's
    # requests. One letter's parts are one request under s12(1) (SIC Decision 143/2010).
    assert law.LAW["aggregation"][Act.FOISA].startswith("FOISA s12(1); ")
    assert law.LAW["aggregation"][Act.FOISA].endswith("(SSI 2004/467) regs 3 and 5")
    assert law.LAW["aggregation"][Act.FOIA].startswith("FOIA s12(4); ")


def test_the_readme_states_each_acts_limits_and_advice_section_as_law_holds_them():
    readme = " ".join((PROJECT / "README.md").read_text("utf-8").split())
    for act, lw in law.LAWS.items():
        stated = f"£{lw.cost_limit_pounds} at £{lw.hourly_rate_pounds} an hour, {lw.cost_limit_hours:g} hours"
        assert stated in readme, act
    foia, foisa = (law.short("advice", act, whole=True) for act in Act)
    assert f"s16, {foisa}" in readme and f"{foia.split()[1]} ({foisa})" in readme


def test_a_refusal_notices_duties_cite_the_advice_and_complaint_sections_as_before():
    from composer.responses import Element, requirements

    cited = {act: {r.element: r.citation for r in requirements(act, ["s12"])[0]} for act in Act}
    assert [cited[a][Element.ADVICE] for a in Act] == ["s16", "s15"]
    assert [cited[a][Element.COMPLAINT] for a in Act] == ["s17(7)(b) and s50", "s19 and s47"]


def test_the_equality_duty_is_held_once_and_psni_findings_cite_its_own():
    from composer.law import GB_DUTY, NI_DUTY, duty_of, equality_duty

    directory = load_directory()
    assert equality_duty(directory.get("kent_police")) == \
        "the public sector equality duty in section 149 of the Equality Act 2010"
    assert equality_duty(directory.get("psni")) == \
        "the statutory equality duty in section 75 of the Northern Ireland Act 1998"
    assert duty_of(None) is GB_DUTY and duty_of(directory.get("psni")) is NI_DUTY
    assert _written_outside_law(r"Equality Act 2010 s149|s149 Equality Act|Northern Ireland Act 1998 s75") == []
    request = Request(title="Risk", parts=[Part(text="Does the force use a predictive risk-scoring algorithm?"),
                                           Part(text="What is it called?")])
    for force_id, cited, words in (("kent_police", "Equality Act 2010 s149", "people with protected characteristics"),
                                   ("psni", "Northern Ireland Act 1998 s75", "the groups of people section 75 names")):
        found = {f.rule: f for f in check(request, force=directory.get(force_id), requester=ME)}
        bias = found["completeness.bias-testing"]
        assert bias.law == f"{cited}; UK GDPR Art 35 (DPIA)" and words in bias.message
        assert found["completeness.assessments"].law == f"{cited}; UK GDPR Art 35 (DPIA)"


def test_a_request_naming_either_equality_duty_is_taken_to_ask_about_bias():
    request = Request(title="Risk", parts=[
        Part(text="Does the force use a predictive risk-scoring algorithm?"),
        Part(text="What assessment has the force made under the statutory equality duty in section 75?")])
    rules = {f.rule for f in check(request, force=load_directory().get("psni"), requester=ME)}
    assert "completeness.bias-testing" not in rules


def test_an_extension_notice_too_late_says_s17_2_requires_it_in_time():
    from composer.campaign.deadlines import progress
    from composer.operations.campaign import new_campaign, record

    c = new_campaign(name="Late", request=Request(title="Late", parts=[Part(text="Any?")]),
                     forces=load_directory().resolve("kent_police"), sent=date(2026, 11, 20)).value
    c = record(c, force_id="kent_police", status="extended", on=date(2027, 1, 5), until=date(2027, 2, 1)).value
    p = progress(c.tracked("kent_police"), today=date(2027, 1, 6))
    assert any("after the 20 working days ended on 2026-12-21; s17(2) requires it within them" in w
               for w in p.warnings), p.warnings
