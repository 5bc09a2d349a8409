"""The request operations behind every change the app makes: pure, and refusing invalid outlines."""

from __future__ import annotations

import pytest

from composer.model import AnswerFormat, Part, Request
from composer.operations import Refused
from composer.operations import request as edits


def shape(request: Request) -> list[tuple[str, list[str]]]:
    return [(p.id, [s.id for s in p.subparts]) for p in request.parts]


@pytest.fixture
def request_() -> Request:
    return Request(parts=[
        Part(id="a", text="A", subparts=[Part(id="a1"), Part(id="a2"), Part(id="a3")]),
        Part(id="b", text="B"),
        Part(id="c", text="C", priority=1),
    ])


def test_edits_never_change_the_request_they_are_given(request_):
    before = request_.model_copy(deep=True)
    edits.set_text(request_, part_id="a1", text="changed").value
    edits.move_part(request_, part_id="c", parent_id=None, row=0).value
    edits.indent(request_, part_id="b").value
    edits.remove_part(request_, part_id="a").value
    assert request_ == before


def test_move_counts_rows_as_a_drop_target_does(request_):
    assert shape(edits.move_part(request_, part_id="c", parent_id=None, row=0).value)[0][0] == "c"
    assert [p for p, _ in shape(edits.move_part(request_, part_id="a", parent_id=None, row=2).value)] == ["b", "a", "c"]
    assert shape(edits.move_part(request_, part_id="b", parent_id="a", row=1).value)[0] == ("a", ["a1", "b", "a2", "a3"])
    assert shape(edits.move_part(request_, part_id="a3", parent_id="a", row=0).value)[0] == ("a", ["a3", "a1", "a2"])
    assert shape(edits.move_part(request_, part_id="a2", parent_id=None, row=-1).value)[-1] == ("a2", [])


def test_a_ranked_part_loses_its_rank_when_it_becomes_a_sub_part(request_):
    moved = edits.move_part(request_, part_id="c", parent_id="b", row=0).value
    assert moved.find("c").priority is None


@pytest.mark.parametrize(("part_id", "parent_id", "why"), [
    ("a", "b", "with sub-parts"),
    ("b", "a1", "sub-parts cannot have sub-parts"),
    ("b", "b", "inside itself"),
])
def test_moves_that_would_break_the_numbering_are_refused(request_, part_id, parent_id, why):
    with pytest.raises(Refused, match=why):
        edits.move_part(request_, part_id=part_id, parent_id=parent_id, row=0).value


def test_indent_and_outdent_keep_the_reading_order(request_):
    indented = edits.indent(request_, part_id="b").value
    assert shape(indented) == [("a", ["a1", "a2", "a3", "b"]), ("c", [])]
    outdented = edits.outdent(request_, part_id="a2").value
    assert shape(outdented) == [("a", ["a1"]), ("a2", ["a3"]), ("b", []), ("c", [])]
    reading = [n.part.id for n in outdented.numbered(ordered=False)]
    assert reading == [n.part.id for n in request_.numbered(ordered=False)]
    with pytest.raises(Refused):
        edits.indent(request_, part_id="a").value  # nothing before the first part


def test_indenting_a_part_with_sub_parts_brings_them_along_flat():
    request = Request(parts=[Part(id="x"), Part(id="y", priority=2, subparts=[Part(id="y1")])])
    assert shape(edits.indent(request, part_id="y").value) == [("x", ["y", "y1"])]
    assert edits.indent(request, part_id="y").value.find("y").priority is None


def test_follow_up_is_an_if_yes_sub_part_after_the_selection(request_):
    added = edits.add_followup(request_, parent_id="a1", new_id="new").value
    assert shape(added)[0] == ("a", ["a1", "new", "a2", "a3"])
    assert added.find("new").condition == "if_yes"
    assert shape(edits.add_followup(request_, parent_id="b", new_id="n2").value)[1] == ("b", ["n2"])


def test_add_part_goes_after_the_selected_parts_number(request_):
    assert [p for p, _ in shape(edits.add_part(request_, new_id="n", after="a2").value)] == ["a", "n", "b", "c"]
    assert [p for p, _ in shape(edits.add_part(request_, new_id="n").value)][-1] == "n"


def test_removing_a_part_drops_it_from_the_format_preference(request_):
    request = edits.set_answer_format(request_, fmt=AnswerFormat.CSV).value
    request = edits.set_format_part(request, part_id="a2", wanted=True).value
    request = edits.set_format_part(request, part_id="b", wanted=True).value
    assert request.options.format_parts == ["a2", "b"]
    assert edits.remove_part(request, part_id="a").value.options.format_parts == ["b"]


def test_priority_is_only_for_numbered_parts(request_):
    assert edits.set_priority(request_, part_id="b", priority=2).value.find("b").priority == 2
    with pytest.raises(Refused, match="numbered part"):
        edits.set_priority(request_, part_id="a1", priority=1).value


def test_inserting_bank_parts_under_a_part_flattens_them(request_):
    incoming = [Part(id="q1", text="Q1", subparts=[Part(id="q1a")]), Part(id="q2")]
    under = edits.insert_parts(request_, parts=incoming, under="b").value
    assert shape(under)[1] == ("b", ["q1", "q1a", "q2"])
    after = edits.insert_parts(request_, parts=incoming, after="a3").value
    assert [p for p, _ in shape(after)] == ["a", "q1", "q2", "b", "c"]
    with pytest.raises(Refused, match="already has"):
        edits.insert_parts(request_, parts=[Part(id="a")]).value


def test_fields_and_introduction_clear_when_emptied(request_):
    named = edits.set_field(request_, name="system_name", value="VHA").value
    assert named.fields == {"system_name": "VHA"}
    assert edits.set_field(named, name="system_name", value="  ").value.fields == {}
    assert edits.set_introduction(request_, text="   ").value.introduction is None


# -- every operation: bad input refused, the request unchanged ---------------------------------

from composer.checker import Fix  # noqa: E402
from composer.operations import Done  # noqa: E402

BAD = [
    (edits.set_forces, dict(force_ids=["Kent Police!"]), "cannot send it"),
    (edits.set_title, dict(title=None), "title"),
    (edits.set_format, dict(fmt="carrier pigeon"), "format could not be set"),
    (edits.set_answer_format, dict(fmt="carrier pigeon"), "answer_format"),
    (edits.set_format_part, dict(part_id="gone", wanted=True), "no part with id 'gone'"),
    (edits.set_option, dict(name="nonsense", value=1), "no request option called 'nonsense'"),
    (edits.set_option, dict(name="cost_limit_clause", value="perhaps"), "could not be set"),
    (edits.set_cost_limit_clause, dict(wanted="perhaps"), "could not be set"),
    (edits.set_text, dict(part_id="gone", text="x"), "no part with id 'gone'"),
    (edits.set_condition, dict(part_id="a1", condition="if_maybe"), "cannot ask it that way"),
    (edits.set_priority, dict(part_id="a1", priority=1), "only a numbered part"),
    (edits.set_priority, dict(part_id="gone", priority=1), "no part"),
    (edits.set_dataset, dict(part_id="gone", dataset=True), "no part"),
    (edits.add_part, dict(new_id="b"), "already has a part with id 'b'"),
    (edits.add_part, dict(new_id="n", after="gone"), "no part"),
    (edits.add_followup, dict(parent_id="gone", new_id="n"), "no part"),
    (edits.add_followup, dict(parent_id="a", new_id="a1"), "already has"),
    (edits.insert_parts, dict(parts=[Part(id="a")]), "already has"),
    (edits.add_from_bank, dict(parts=[Part(id="q", subparts=[Part(id="a2")])]), "already has"),
    (edits.add_module, dict(module_id="no_such_module"), "no_such_module"),
    (edits.add_module, dict(module_id=None), "names no question-bank module"),
    (edits.remove_part, dict(part_id="gone"), "no part"),
    (edits.move_part, dict(part_id="a", parent_id="b", row=0), "with sub-parts"),
    (edits.move_up, dict(part_id="a"), "already first"),
    (edits.move_up, dict(part_id="gone"), "no part"),
    (edits.move_down, dict(part_id="c"), "already last"),
    (edits.indent, dict(part_id="a"), "no part before it"),
    (edits.indent, dict(part_id="a1"), "already a sub-part"),
    (edits.outdent, dict(part_id="b"), "already a numbered part"),
    (edits.accept_order, dict(order=["c", "b", "a"], extra=1), None),
    (edits.apply_fix, dict(fix=Fix("remove_part", "x", part_id="gone")), "no longer in the request"),
    (edits.apply_fix, dict(fix=Fix("replace_text", "x", part_id="a")), "no new text"),
]


@pytest.mark.parametrize(("operation", "kwargs", "why"), BAD,
                         ids=[f"{op.__name__}-{i}" for i, (op, _, _) in enumerate(BAD)])
def test_every_operation_refuses_bad_input_and_leaves_the_request(request_, operation, kwargs, why):
    before = request_.model_copy(deep=True)
    with pytest.raises(TypeError if why is None else Refused, match=why):
        operation(request_, **kwargs)
    assert request_ == before


def test_operations_take_keyword_arguments_only(request_):
    with pytest.raises(TypeError):
        edits.remove_part(request_, "a")  # type: ignore[misc]


def test_every_operation_returns_what_changed(request_):
    done = edits.remove_part(request_, part_id="a")
    assert isinstance(done, Done) and done.what == "Delete part" and done.ids == ("a", "a1", "a2", "a3")
    assert edits.add_part(request_, new_id="n").ids == ("n",)


def test_removing_a_part_by_a_fix_and_by_the_editor_gives_the_same_request(request_):
    request = edits.set_format(request_, fmt=AnswerFormat.CSV, part_ids=["a", "a2", "b"]).value
    by_editor = edits.remove_part(request, part_id="a").value
    by_fix = edits.apply_fix(request, fix=Fix("remove_part", "Remove the empty part", part_id="a")).value
    assert by_fix == by_editor
    assert by_fix.options.format_parts == ["b"]  # the sub-part's id went too
    sub_by_fix = edits.apply_fix(request, fix=Fix("remove_part", "x", part_id="a2")).value
    assert sub_by_fix == edits.remove_part(request, part_id="a2").value
    assert sub_by_fix.options.format_parts == ["a", "b"]


def test_a_fix_is_the_editors_operation_with_the_fixs_label(request_):
    fix = Fix("replace_text", "Name the period", part_id="b", new_text="B in 2024")
    done = edits.apply_fix(request_, fix=fix)
    assert done.value == edits.set_text(request_, part_id="b", text="B in 2024").value
    assert done.what == "Fix: Name the period"
    intro = edits.apply_fix(request_, fix=Fix("replace_text", "x", new_text="Dear FOI team"))
    assert intro.value.introduction == "Dear FOI team"
    on = edits.apply_fix(request_, fix=Fix("set_option", "x", name="cost_limit_clause", value=False))
    assert on.value.options.cost_limit_clause is False


def test_accepting_an_order_ranks_the_parts_and_ignores_stale_ids(request_):
    done = edits.accept_order(request_, order=["gone", "b", "a"])
    assert [p.id for p in done.value.parts] == ["b", "a", "c"]
    assert [p.priority for p in done.value.parts] == [1, 2, 3]


def test_parts_from_the_bank_bring_their_fields_without_overwriting_yours(request_):
    from composer.bank import NEUTRAL_SYSTEM_NAME

    incoming = [Part(id="q1", text="Is {system_name} used between {period_start} and {period_end}?")]
    added = edits.add_from_bank(request_, parts=incoming, after="a").value
    assert [p.id for p in added.parts] == ["a", "q1", "b", "c"]
    assert added.fields["system_name"] == NEUTRAL_SYSTEM_NAME
    assert added.fields["period_start"] and added.fields["period_end"]
    named = edits.set_field(request_, name="period_end", value="31 March 2025").value
    kept = edits.add_from_bank(named, parts=incoming).value
    assert kept.fields["period_end"] == "31 March 2025" and kept.fields["period_start"]
    assert edits.fill_bank_fields(request_).value == request_  # nothing to fill: the same request


def test_the_reporting_period_is_one_field_every_part_follows():
    from datetime import date

    request = Request(parts=[
        Part(id="a", text="How many people were scored from 1 January 2021 to 31 December 2025?"),
        Part(id="b", text="What did it cost from {period_start} to {period_end}?"),
        Part(id="c", text="Who supplies it?")],
        fields={"period_start": "1 January 2021", "period_end": "31 December 2025"})
    done = edits.set_period(request, start=date(2022, 4, 1), end=date(2025, 3, 31))
    new = done.value
    assert new.fields["period_start"] == "1 April 2022" and new.fields["period_end"] == "31 March 2025"
    assert new.find("a").text == "How many people were scored from {period_start} to {period_end}?"
    assert new.find("c").text == "Who supplies it?"
    before = request.model_dump()
    with pytest.raises(Refused, match="starts .* after it ends"):
        edits.set_period(request, start=date(2026, 1, 1), end=date(2025, 1, 1))
    assert request.model_dump() == before


def test_a_new_request_built_from_the_bank_gets_the_title_foi_composer_new_gives_it():
    """QA-S8: a request composed in the app from the question bank stayed "Untitled request", so
    every letter file was "… - Untitled request.docx" (`new` titles the same request "Predictive
    policing and risk-scoring systems"); a title the user gave is kept."""
    from composer.bank import build_request, load_bank

    parts = load_bank().parts_for("identity")
    added = edits.add_from_bank(Request(), parts=parts).value
    assert added.title == build_request(["identity"]).title == "Predictive policing and risk-scoring systems"
    named = edits.add_from_bank(Request(title="VHA in London"), parts=parts).value
    assert named.title == "VHA in London"
    with_system = edits.add_from_bank(Request(fields={"system_name": "PredPol"}), parts=parts).value
    assert with_system.title == "Information about PredPol"
