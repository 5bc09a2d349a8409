"""The question bank: loading and validating it, building requests from it, and rebuilding the
seeds' real requests (000, 001, 003) from its modules, part by part."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import seed_text

from composer import bank as bankmod
from composer.bank import (
    DEFAULT_PATH,
    KNOWN_FIELDS,
    NEUTRAL_SYSTEM_NAME,
    arrange,
    build_request,
    load_bank,
    modules_for_kind,
    parse_selection,
)
from composer.cli import main
from composer.errors import ComposerError, FileProblem
from composer.forces import load_directory
from composer.library import load_request
from composer.model import FIELD_PATTERN, AnswerFormat
from composer.outline import body_as_text, letter_body

AGREED_MODULES = [
    "identity", "workings", "cost", "policies", "usage_data", "individuals", "assessments",
    "bias_testing", "oversight", "consultation", "ranking", "public_order", "data_categories",
    "format", "suppliers", "use_crime_mapping", "use_individual_risk",
]


# -- the bundled bank ------------------------------------------------------------------------------


def test_bundled_bank_has_every_agreed_module():
    bank = load_bank()
    ids = [m.id for m in bank.modules]
    assert sorted(ids) == sorted(set(ids))
    for module_id in AGREED_MODULES:
        assert bank.module(module_id).id == module_id
    assert [m.id for m in bank.modules if m.umbrella] == ["use_crime_mapping", "use_individual_risk"]


def test_every_question_is_well_formed():
    bank = load_bank()
    for module in bank.modules:
        assert module.title and module.why and module.kinds
        for q in module.all_questions():
            assert q.id.startswith(module.id + ".")
            assert set(FIELD_PATTERN.findall(q.text)) <= set(KNOWN_FIELDS), q.id
            assert "{" not in FIELD_PATTERN.sub("", q.text), q.id
            assert q.burden in ("low", "medium", "high")
            assert "  " not in q.text and "\n" not in q.text  # wrapped lines were joined
            assert bank.question(q.id) is q


def test_bank_covers_the_topics_the_issue_names():
    bank = load_bank()
    for qid in ["identity.name", "identity.supplier", "identity.first_use", "identity.future_use",
                "workings.method", "cost.spend", "policies.documents", "usage_data.outcomes",
                "individuals.tracked", "assessments.all", "assessments.dpia", "assessments.eia",
                "bias_testing.s149", "oversight.audit", "consultation.held", "ranking.numerical",
                "public_order.use", "data_categories.identify", "suppliers.companies",
                "suppliers.contracts"]:
        assert bank.question(qid) is not None, qid
    assert bank.module("format").answer_format == AnswerFormat.CSV
    statistics = [q.id for q in bank.questions() if q.dataset]
    assert statistics == ["individuals.tracked", "usage_data.outcomes"]
    for qid in ["usage_data.outcomes", "cost.spend", "public_order.use"]:  # figures over time
        assert "{period_start}" in bank.question(qid).text, qid


def test_umbrella_questions_ask_used_use_or_intend_and_invite_if_yes():
    bank = load_bank()
    for module_id in ("use_crime_mapping", "use_individual_risk"):
        (question,) = bank.module(module_id).questions
        assert question.text.startswith("Has {force_name} used, does it use, or does it intend to use")
        assert "If yes" in question.text


def test_default_bank_is_cached_and_unknown_module_is_named():
    assert load_bank() is load_bank()
    with pytest.raises(ComposerError, match=r"unknown bank module 'nope'; known: use_crime_mapping"):
        load_bank().module("nope")
    assert load_bank().question("identity.nope") is None


def test_search_matches_text_help_and_module_title_in_any_case():
    bank = load_bank()
    ids = [q.id for q in bank.search("EQUALITY IMPACT")]
    assert ids == ["assessments.all", "assessments.eia"]
    assert {q.id for q in bank.search("impact assessments")} == {
        "assessments.all", "assessments.dpia", "assessments.eia"}  # the module's title
    assert [q.id for q in bank.search("pilots and trials")] == ["identity.first_use"]  # help
    assert bank.search("no such words anywhere") == []


def test_modules_for_kind_and_unknown_kind():
    risk = modules_for_kind("individual_risk")
    assert "use_individual_risk" in risk and "individuals" in risk and "ranking" in risk
    assert "use_crime_mapping" not in risk and "individuals" not in modules_for_kind("crime_mapping")
    assert "consultation" in modules_for_kind("other")
    with pytest.raises(ComposerError, match="unknown kind of request 'hotspots'"):
        modules_for_kind("hotspots")


# -- malformed bank files --------------------------------------------------------------------------

GOOD = '''
[[modules]]
id = "cost"
title = "What it costs"
why = "Money."
kinds = ["other"]

  [[modules.questions]]
  id = "cost.spend"
  burden = "medium"
  text = """What has {system_name} cost
            {force_name}?"""

  [[modules.questions]]
  id = "cost.contract"
  burden = "low"
  text = "Is there a contract?"

    [[modules.questions.followups]]
    id = "cost.copy"
    burden = "low"
    text = "If so, please provide a copy."
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bank.toml"
    path.write_text(text, "utf-8")
    return path


def problem(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(FileProblem) as info:
        load_bank(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": ")
    return message


def test_a_small_valid_bank_loads_with_followups_linked(tmp_path):
    bank = load_bank(write(tmp_path, GOOD))
    assert bank.question("cost.spend").text == "What has {system_name} cost {force_name}?"
    assert bank.question("cost.copy").parent == "cost.contract"
    assert bank.question("cost.contract").parent is None


def test_bad_toml_names_file_and_line(tmp_path):
    message = problem(tmp_path, GOOD.replace('id = "cost.spend"', 'id "cost.spend"'))
    assert "is not valid TOML" in message and "line 9" in message


def test_missing_field_names_module_question_and_field(tmp_path):
    message = problem(tmp_path, GOOD.replace('burden = "medium"\n', ""))
    assert "module 'cost', question 'cost.spend': the field 'burden' is missing" in message


def test_bad_value_and_unknown_key_are_named(tmp_path):
    message = problem(tmp_path, GOOD.replace('burden = "medium"', 'burden = "huge"'))
    assert "question 'cost.spend': 'burden' should be 'low', 'medium' or 'high'" in message
    message = problem(tmp_path, GOOD.replace('burden = "medium"', 'burden = "medium"\nbudren = 1'))
    assert "question 'cost.spend': 'budren' is not a field the bank knows" in message


def test_duplicate_ids_are_refused(tmp_path):
    message = problem(tmp_path, GOOD.replace('id = "cost.contract"', 'id = "cost.spend"'))
    assert "two questions have the id 'cost.spend'" in message
    message = problem(tmp_path, GOOD + GOOD.replace('id = "cost.', 'id = "cost.other_'))
    assert "two modules have the id 'cost'" in message


def test_unknown_or_broken_fields_are_refused(tmp_path):
    message = problem(tmp_path, GOOD.replace("{system_name}", "{sytem_name}"))
    assert "question 'cost.spend': 'text' uses the field {sytem_name}" in message
    message = problem(tmp_path, GOOD.replace("{system_name}", "{system name}"))
    assert "question 'cost.spend': 'text' has a stray {" in message


def test_ids_followups_and_empty_modules_are_checked(tmp_path):
    message = problem(tmp_path, GOOD.replace('id = "cost.spend"', 'id = "money.spend"'))
    assert "module 'cost': question id 'money.spend' must start with the module id" in message
    message = problem(tmp_path, GOOD.replace("If so, please", "Please"))
    assert "question 'cost.contract': follow-up 'cost.copy' must start with 'If so,'" in message
    message = problem(tmp_path, GOOD.split("\n  [[modules.questions]]")[0])
    assert "module 'cost': has no questions" in message


def test_empty_and_missing_bank_files(tmp_path):
    assert "is empty" in problem(tmp_path, "  \n")
    with pytest.raises(FileProblem, match="no such question bank"):
        load_bank(tmp_path / "absent.toml")


def test_a_broken_copy_of_the_real_bank_names_the_real_question(tmp_path):
    text = DEFAULT_PATH.read_text("utf-8")
    broken = re.sub(r'(id = "bias_testing.s149"\n\s*)burden = "medium"\n', r"\1", text)
    assert broken != text
    message = problem(tmp_path, broken)
    assert "module 'bias_testing', question 'bias_testing.s149': the field 'burden' is missing" in message


# -- building requests -----------------------------------------------------------------------------


def test_to_part_carries_source_dataset_and_followup_condition():
    bank = load_bank()
    part = bank.question("usage_data.outcomes").to_part(priority=2)
    assert (part.source, part.dataset, part.condition, part.priority) == (
        "usage_data.outcomes", True, None, 2)
    assert bank.question("ranking.numerical").to_part().condition == "if_yes"


def test_a_module_with_several_questions_gives_several_parts_in_bank_order():
    bank = load_bank()
    request = build_request(["identity"])
    assert [p.source for p in request.parts] == [q.id for q in bank.module("identity").questions]
    nested = build_request([("use_individual_risk", ["identity", "cost"])])
    (top,) = nested.parts
    assert top.source == "use_individual_risk.used"
    assert [s.source for s in top.subparts] == [
        "identity.name", "identity.supplier", "identity.first_use", "identity.future_use",
        "cost.spend"]
    assert all(s.condition == "if_yes" for s in top.subparts)


def test_extra_questions_come_only_when_picked_by_id():
    assert [p.source for p in build_request(["assessments"]).parts] == ["assessments.all"]
    picked = build_request(["assessments.eia", "workings.evaluation"])
    assert [p.source for p in picked.parts] == ["assessments.eia", "workings.evaluation"]


def test_followups_follow_their_question_and_read_right_both_ways():
    force = load_directory().get("wmp")
    top = build_request(["ranking"])
    assert [(p.source, p.condition) for p in top.parts] == [
        ("ranking.list", None), ("ranking.numerical", "if_yes")]
    body = letter_body(top, force)
    assert body.parts[1].text.startswith("If so, are the people")  # not "If the answer to 1 …: If so"
    nested = build_request([("use_individual_risk", ["ranking"])])
    assert [s.source for s in nested.parts[0].subparts] == ["ranking.list", "ranking.numerical"]


def test_system_name_fills_in_or_falls_back_to_a_neutral_phrase():
    force = load_directory().get("wmp")
    named = build_request(["identity.name"], system_name="  PredPol ")
    assert named.fields["system_name"] == "PredPol" and named.title == "Information about PredPol"
    text = body_as_text(letter_body(named, force))
    assert "What is the name of PredPol?" in text and "West Midlands Police" in text
    unnamed = build_request(["identity.name"], title="Mapping")
    assert unnamed.fields["system_name"] == NEUTRAL_SYSTEM_NAME and unnamed.title == "Mapping"
    assert "What is the name of the system?" in body_as_text(letter_body(unnamed, force))


def test_period_fields_are_set_only_when_used_and_can_be_chosen():
    assert set(build_request(["identity"]).fields) == {"system_name"}
    default = build_request(["cost"]).fields
    start, end = bankmod.default_period()
    assert (default["period_start"], default["period_end"]) == (start, end)
    assert re.fullmatch(r"1 January \d{4}", start) and re.fullmatch(r"31 December \d{4}", end)
    chosen = build_request(["usage_data"], period_start="2020-04-01", period_end="2025-3-31").fields
    assert (chosen["period_start"], chosen["period_end"]) == ("1 April 2020", "31 March 2025")
    with pytest.raises(ComposerError, match="'2020-13-01' is not a real date"):
        build_request(["cost"], period_start="2020-13-01")
    with pytest.raises(ComposerError, match=r"starts \(1 January 2024\) after it ends"):
        build_request(["cost"], period_start="2024-01-01", period_end="2023-01-01")


def test_format_module_sets_the_format_for_dataset_parts():
    request = build_request(["cost", "individuals", "usage_data", "format"])
    assert request.options.answer_format == AnswerFormat.CSV
    assert request.options.format_parts == [request.parts[1].id, request.parts[2].id]
    assert request.options.format_parts and all(
        request.find(pid).dataset for pid in request.options.format_parts)
    assert build_request(["cost"]).options.answer_format is None
    assert build_request(["cost"], answer_format="PDF").options.answer_format == AnswerFormat.PDF
    with pytest.raises(ComposerError, match="unknown answer format 'docx'"):
        build_request(["cost"], answer_format="docx")


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        ([], "no bank modules chosen"),
        (["format"], "ask no questions"),
        (["use_crime_mapping"], "needs the modules to ask about it in brackets"),
        ([("identity", ["cost"])], "'identity' cannot take other modules in brackets"),
        ([("use_crime_mapping", [])], "needs at least one module"),
        ([("use_crime_mapping", ["use_individual_risk"])], "cannot go inside"),
        (["ranking.numerical"], "is a follow-up of 'ranking.list'"),
        (["identity.nme"], "unknown bank question 'identity.nme'; module 'identity' has: identity.name"),
        (["costs"], "unknown bank module 'costs'"),
    ],
)
def test_bad_selections_are_refused_with_a_reason(selection, message):
    with pytest.raises(ComposerError, match=re.escape(message)):
        build_request(selection)


def test_the_same_question_twice_in_one_place_is_asked_once():
    request = build_request(["identity", "identity.name", ("use_crime_mapping", ["cost", "cost"])])
    assert [p.source for p in request.parts] == [
        "identity.name", "identity.supplier", "identity.first_use", "identity.future_use",
        "use_crime_mapping.used"]
    assert [s.source for s in request.parts[-1].subparts] == ["cost.spend"]


def test_parse_selection_reads_the_command_line_form():
    assert parse_selection(" identity , use_crime_mapping( identity.name ,cost ),format") == [
        "identity", ("use_crime_mapping", ["identity.name", "cost"]), "format"]
    for bad in ("identity(cost", "a,,b", "", "x)"):
        with pytest.raises(ComposerError):
            parse_selection(bad)


def test_arrange_nests_ticked_modules_under_the_umbrellas_they_suit():
    ticked = ["use_crime_mapping", "use_individual_risk", "identity.name", "individuals",
              "usage_data", "consultation", "format"]
    assert arrange(ticked) == [
        ("use_crime_mapping", ["identity.name", "usage_data"]),
        ("use_individual_risk", ["identity.name", "individuals", "usage_data"]),
        "consultation", "format",
    ]
    assert arrange(["identity", "cost"]) == ["identity", "cost"]


# -- the seeds, rebuilt from the bank -------------------------------------------------------------
#
# Each seed question maps to the bank question that covers it, with the key concepts both must
# carry (regular expressions; a concept with alternatives allows our plainer word for theirs).
# The seeds' questions are read from ../shared at run time.

AGE, ETHNICITY, GENDER = r"\bage\b", r"\b(race|ethnicity)\b", r"\bgender\b"
ASSESSMENTS = [r"privacy impact assessment", r"data protection impact assessment",
               r"equality impact assessment", r"\bdates?\b", r"\bif no\b"]
BIAS = [r"\btesting\b", r"\bresearch\b", r"\bbias", r"\bs(ection )?149\b", r"equality act 2010"]
COMMON_001 = {
    "a": ("identity.name", [r"\bname\b"]),
    "b": ("identity.first_use", [r"\bfirst use"]),
    "c": ("workings.method", [r"\bwork\b", r"\bdata\b", r"\bpredictions\b"]),
    "d": ("cost.spend", [r"\bcost\b"]),
    "e": ("policies.documents", [r"\bguidance\b", r"\bpolic(y|ies)\b"]),
}
USAGE = ("usage_data.outcomes", [r"\bused\b", AGE, ETHNICITY, GENDER, r"\barrest(s|ed)?\b"])
SEED_001 = {
    "1": ("use_crime_mapping.used", [r"\bpredictive\b", r"crime mapping", r"\bintend"]),
    **{f"1{k}": v for k, v in COMMON_001.items()},
    "1f": USAGE,
    "1g": ("assessments.all", ASSESSMENTS),
    "1h": ("bias_testing.s149", BIAS),
    "2": ("use_individual_risk.used", [r"individual risk assessment", r"\bintend"]),
    **{f"2{k}": v for k, v in COMMON_001.items()},
    "2f": ("individuals.tracked", [r"\bhow many\b", r"\btracked\b", AGE, ETHNICITY, GENDER,
                                   r"criminal record"]),
    "2g": USAGE,
    "2h": ("assessments.all", ASSESSMENTS),
    "2i": ("bias_testing.s149", BIAS),
}
SEED_003 = {
    "1": ("suppliers.companies", [r"\bcompan(y|ies)\b", r"\bdates\b"]),
    "2": ("suppliers.contracts", [r"\bcontract\b", r"\badvice\b"]),
    "3": ("consultation.held", [r"\bpublic\b", r"\bconsultation\b"]),
    "4": ("consultation.scope", [r"\baspects\b", r"\bconsulted\b", r"\blinks?\b"]),
    "5": ("ranking.list", [r"\blist or grouping\b", r"\bhigher risk\b", r"\bcommitting (a )?crime\b"]),
    "6": ("ranking.numerical", [r"^if (yes|so)\b", r"\bnumerical ranking\b"]),
    "7": ("oversight.audit", [r"\bovers(ight|eeing)\b", r"\balgorithms\b", r"\bracial\b"]),
    "8": ("public_order.use", [r"\bprotest\b", r"\bpublic order\b"]),
}
SEED_000 = {
    "1": ("data_categories.identify", [r"\bcategor(y|ies)\b", r"\bdata\b", r"\bidentify\b",
                                       r"\bnationality\b", r"\bimmigration status\b"]),
    "2": ("assessments.dpia", [r"\bcop(y|ies)\b", r"data protection impact assessments?"]),
    "3": ("assessments.eia", [r"\bcop(y|ies)\b", r"equality impact assessments?"]),
}


def seed_questions_001() -> dict[str, str]:
    request = seed_text("001").split("\nResponse\n")[0]
    found = re.findall(r"^(\d+[a-z]?)\.\s*(.+)$", request, flags=re.MULTILINE)
    return dict(found)


def seed_questions_003() -> dict[str, str]:
    text = seed_text("003")
    letter = text[text.index("Dear Metropolitan Police") : text.index("In the event that")]
    return dict(re.findall(r"^(\d+)\.\s+(.+)$", letter, flags=re.MULTILINE))


def seed_questions_000() -> dict[str, str]:
    return dict(re.findall(r"^Q(\d+) - (.+)$", seed_text("000"), flags=re.MULTILINE))


def assert_rebuilt(seed: dict[str, str], table: dict, request, force) -> None:
    body = letter_body(request, force)
    built = {p.number: p for p in body.parts}
    # structure and order: the same numbers (1, 1a … 2i) in the same sequence
    assert [p.number for p in body.parts] == list(seed), "structure differs from the seed"
    assert list(table) == list(seed), "the mapping table does not cover the seed's questions"
    sources = {n.number: n.part.source for n in request.numbered()}
    for number, question in seed.items():
        source, concepts = table[number]
        assert sources[number] == source, number
        for concept in concepts:
            assert re.search(concept, question, re.IGNORECASE), f"seed {number} lacks {concept!r}"
            assert re.search(concept, built[number].text, re.IGNORECASE), (
                f"part {number} ({source}) lacks {concept!r}: {built[number].text}")
        assert "{" not in built[number].text  # every field filled in


def test_seed_001_is_composable_from_the_bank():
    seed = seed_questions_001()
    assert len(seed) == 19  # 1, 1a–1h, 2, 2a–2i
    common = ["identity.name", "identity.first_use", "workings.method", "cost", "policies"]
    selection = [
        ("use_crime_mapping", [*common, "usage_data", "assessments", "bias_testing"]),
        ("use_individual_risk", [*common, "individuals", "usage_data", "assessments", "bias_testing"]),
        "format",
    ]
    request = build_request(selection)
    force = load_directory().get("wmp")
    assert force.name in seed_text("001")
    assert_rebuilt(seed, SEED_001, request, force)
    # every lettered part is an "if yes" of its number, as the seed's part 1 says
    assert "if yes" in seed["1"].lower()
    assert all(s.condition == "if_yes" for p in request.parts for s in p.subparts)
    # the seed's format line names the dataset parts; ours asks for the same ones
    wanted = re.search(r"For questions (.+?) please provide the information in the form of a csv",
                       seed_text("001"))
    numbers = letter_body(request, force).numbers()
    assert [numbers[pid] for pid in request.options.format_parts] == re.findall(
        r"\d[a-z]", wanted.group(1))
    assert request.options.answer_format == AnswerFormat.CSV
    # the wizard's flat ticks arrange into the same selection
    ticked = ["use_crime_mapping", "use_individual_risk", *common, "individuals", "usage_data",
              "assessments", "bias_testing", "format"]
    assert arrange(ticked) == selection


def test_seed_003_is_composable_from_the_bank():
    seed = seed_questions_003()
    assert list(seed) == [str(n) for n in range(1, 9)]
    request = build_request(
        ["suppliers", "consultation", "ranking", "oversight", "public_order"],
        system_name="any predictive policing system or service",
    )
    force = load_directory().get("the_met")
    assert_rebuilt(seed, SEED_003, request, force)
    assert [p.subparts for p in request.parts] == [[]] * 8  # eight flat parts
    conditional = [n for n, q in seed.items() if q.lower().startswith("if yes")]
    assert conditional == ["6"]
    assert [str(i) for i, p in enumerate(request.parts, 1) if p.condition == "if_yes"] == conditional


def test_seed_000_is_composable_from_the_bank():
    seed = seed_questions_000()
    assert list(seed) == ["1", "2", "3"]
    system = re.search(r"information on the (\w+) programme", seed_text("000")).group(1)
    request = build_request(
        ["data_categories", "assessments.dpia", "assessments.eia"],
        system_name=f"the {system} programme",
    )
    assert_rebuilt(seed, SEED_000, request, load_directory().get("the_met"))
    body = body_as_text(letter_body(request, load_directory().get("the_met")))
    assert body.count(f"the {system} programme") == 3


# -- the command line ------------------------------------------------------------------------------


def test_new_writes_a_valid_request_file(tmp_path, capsys):
    out = tmp_path / "mapping.foi.json"
    code = main(["new", "--modules",
                 "use_crime_mapping(identity,workings,cost,policies,usage_data,assessments,"
                 "bias_testing),format", "--system", "PredPol", "--title", "Mapping", "-o", str(out)])
    assert code == 0
    assert capsys.readouterr().out.strip() == str(out)
    request = load_request(out)
    assert request.title == "Mapping" and request.fields["system_name"] == "PredPol"
    assert [p.source for p in request.parts] == ["use_crime_mapping.used"]
    assert len(request.parts[0].subparts) == 10
    assert request.options.answer_format == AnswerFormat.CSV
    assert main(["show", str(out), "--force", "wmp"]) == 0
    shown = capsys.readouterr().out
    assert "1j. Please provide a copy of any report" in shown and "as a CSV" in shown


def test_new_with_period_and_format_options(tmp_path):
    out = tmp_path / "cost.foi.json"
    assert main(["new", "--modules", "cost,usage_data", "--format", "spreadsheet", "--from",
                 "2019-04-01", "--to", "2024-03-31", "-o", str(out)]) == 0
    request = load_request(out)
    assert request.options.answer_format == AnswerFormat.SPREADSHEET
    assert request.fields["period_start"] == "1 April 2019"
    assert request.fields["system_name"] == NEUTRAL_SYSTEM_NAME


@pytest.mark.parametrize(
    ("modules", "message"),
    [
        ("identity,nope", "unknown bank module 'nope'"),
        ("use_crime_mapping(identity,bogus)", "unknown bank module 'bogus'"),
        ("identity(cost", "cannot read the module list"),
    ],
)
def test_new_with_a_bad_module_exits_2_and_writes_nothing(tmp_path, capsys, modules, message):
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["new", "--modules", modules, "-o", str(folder / "x.foi.json")]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert list(folder.iterdir()) == []


def test_new_does_not_overwrite_without_replace(tmp_path, capsys):
    out = tmp_path / "mine.foi.json"
    out.write_text("my own work", "utf-8")
    assert main(["new", "--modules", "identity", "-o", str(out)]) == 2
    assert "already exists; use --replace" in capsys.readouterr().err
    assert out.read_text("utf-8") == "my own work"
    assert main(["new", "--modules", "identity", "-o", str(out), "--replace"]) == 0
    assert load_request(out).parts[0].source == "identity.name"


def test_new_into_a_folder_names_the_file_from_the_title(tmp_path):
    assert main(["new", "--modules", "identity", "--system", "PredPol", "-o", str(tmp_path)]) == 0
    assert load_request(tmp_path / "Information about PredPol.foi.json").fields["system_name"] == "PredPol"


def test_new_keeps_the_forces_named_as_ids_in_the_directory_order_of_the_group(tmp_path):
    out = tmp_path / "r.foi.json"
    assert main(["new", "--modules", "identity", "--forces", "wales,police_scotland", "-o", str(out)]) == 0
    wales = [f.id for f in load_directory().group("wales")]
    assert len(wales) == 4 and load_request(out).forces == [*wales, "police_scotland"]


def test_new_with_an_unknown_force_writes_nothing(tmp_path, capsys):
    out = tmp_path / "r.foi.json"
    assert main(["new", "--modules", "identity", "--forces", "west_midlands", "-o", str(out)]) == 2
    assert "unknown force id 'west_midlands'" in capsys.readouterr().err and not out.exists()


def test_bank_json_lists_every_module_with_its_questions(capsys):
    assert main(["bank", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["id"] for m in data] == [m.id for m in load_bank().modules]
    ranking = next(m for m in data if m["id"] == "ranking")
    assert ranking["questions"][0]["followups"][0]["id"] == "ranking.numerical"
    assert {"id", "text", "dataset", "burden", "followups"} <= set(ranking["questions"][0])


def test_bank_human_view_shows_modules_why_and_questions(capsys):
    assert main(["bank"]) == 0
    out = capsys.readouterr().out
    bank = load_bank()
    for module in bank.modules:
        assert f"{module.id} — {module.title}" in out
        for q in module.all_questions():
            assert q.id in out
    assert "ranking.numerical (follow-up)" in out


@pytest.mark.parametrize("given", ["garbage", "2021-04-O1", "April"])
def test_a_period_date_that_is_no_date_is_refused_even_where_no_question_uses_it(given):
    """QA-S8: `new --modules cost --from garbage` wrote "from garbage to 31 December 2025" into
    every letter; with `--modules identity` (no period asked) it was taken without a word."""
    for modules in (["cost"], ["identity"]):
        with pytest.raises(ComposerError, match=f"period date '{given}' names no year"):
            build_request(modules, period_start=given)
    kept = build_request(["cost"], period_start="April 2021", period_end="the end of March 2025").fields
    assert (kept["period_start"], kept["period_end"]) == ("April 2021", "the end of March 2025")


def test_new_says_when_no_question_asks_for_the_period_given(tmp_path, capsys):
    out = tmp_path / "id.foi.json"
    assert main(["new", "--modules", "identity", "--from", "2019-04-01", "-o", str(out)]) == 0
    assert "note: no question asks for a period, so --from and --to are not used" in capsys.readouterr().err
    assert main(["new", "--modules", "cost", "--from", "2019-04-01", "-o", str(tmp_path / "c.foi.json")]) == 0
    assert "--from" not in capsys.readouterr().err


@pytest.mark.parametrize("system", ["Violence Harm Assessment", "PredPol"])
def test_the_banks_individual_risk_questions_with_a_named_system_draw_no_cost_warning(tmp_path, system):
    # How many people a named tool holds, by age, ethnicity and sex, on one day, is a count from the tool's
    # own database; read once as criminal records read one by one (4,760 hours) because the name says
    # "Violence" or the question asks who has no criminal record.
    from composer.checker import check

    out = tmp_path / "risk.foi.json"
    assert main(["new", "--modules", "use_individual_risk(identity,workings,cost,policies,data_categories,individuals,"
                 "usage_data,ranking,assessments,bias_testing,oversight)", "--system", system, "-o", str(out)]) == 0
    request = load_request(out)
    loud = [f for f in check(request, force=load_directory().get("the_met"))
            if f.category == "cost" and f.severity != "info"]
    assert not loud, [f.message for f in loud]
