"""The edit functions behind every change the app makes: pure, and refusing invalid outlines."""

from __future__ import annotations

import pytest

from composer.model import AnswerFormat, Part, Request
from composer.ui import edits


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
    edits.set_text(request_, "a1", "changed")
    edits.move_part(request_, "c", parent_id=None, row=0)
    edits.indent(request_, "b")
    edits.remove_part(request_, "a")
    assert request_ == before


def test_move_counts_rows_as_a_drop_target_does(request_):
    assert shape(edits.move_part(request_, "c", parent_id=None, row=0))[0][0] == "c"
    assert [p for p, _ in shape(edits.move_part(request_, "a", parent_id=None, row=2))] == ["b", "a", "c"]
    assert shape(edits.move_part(request_, "b", parent_id="a", row=1))[0] == ("a", ["a1", "b", "a2", "a3"])
    assert shape(edits.move_part(request_, "a3", parent_id="a", row=0))[0] == ("a", ["a3", "a1", "a2"])
    assert shape(edits.move_part(request_, "a2", parent_id=None, row=-1))[-1] == ("a2", [])


def test_a_ranked_part_loses_its_rank_when_it_becomes_a_sub_part(request_):
    moved = edits.move_part(request_, "c", parent_id="b", row=0)
    assert moved.find("c").priority is None


@pytest.mark.parametrize(("part_id", "parent_id", "why"), [
    ("a", "b", "with sub-parts"),
    ("b", "a1", "sub-parts cannot have sub-parts"),
    ("b", "b", "inside itself"),
])
def test_moves_that_would_break_the_numbering_are_refused(request_, part_id, parent_id, why):
    with pytest.raises(edits.EditRefused, match=why):
        edits.move_part(request_, part_id, parent_id=parent_id, row=0)


def test_indent_and_outdent_keep_the_reading_order(request_):
    indented = edits.indent(request_, "b")
    assert shape(indented) == [("a", ["a1", "a2", "a3", "b"]), ("c", [])]
    outdented = edits.outdent(request_, "a2")
    assert shape(outdented) == [("a", ["a1"]), ("a2", ["a3"]), ("b", []), ("c", [])]
    reading = [n.part.id for n in outdented.numbered(ordered=False)]
    assert reading == [n.part.id for n in request_.numbered(ordered=False)]
    with pytest.raises(edits.EditRefused):
        edits.indent(request_, "a")  # nothing before the first part


def test_indenting_a_part_with_sub_parts_brings_them_along_flat():
    request = Request(parts=[Part(id="x"), Part(id="y", priority=2, subparts=[Part(id="y1")])])
    assert shape(edits.indent(request, "y")) == [("x", ["y", "y1"])]
    assert edits.indent(request, "y").find("y").priority is None


def test_follow_up_is_an_if_yes_sub_part_after_the_selection(request_):
    added = edits.add_followup(request_, "a1", "new")
    assert shape(added)[0] == ("a", ["a1", "new", "a2", "a3"])
    assert added.find("new").condition == "if_yes"
    assert shape(edits.add_followup(request_, "b", "n2"))[1] == ("b", ["n2"])


def test_add_part_goes_after_the_selected_parts_number(request_):
    assert [p for p, _ in shape(edits.add_part(request_, "n", after="a2"))] == ["a", "n", "b", "c"]
    assert [p for p, _ in shape(edits.add_part(request_, "n"))][-1] == "n"


def test_removing_a_part_drops_it_from_the_format_preference(request_):
    request = edits.set_answer_format(request_, AnswerFormat.CSV)
    request = edits.set_format_part(request, "a2", True)
    request = edits.set_format_part(request, "b", True)
    assert request.options.format_parts == ["a2", "b"]
    assert edits.remove_part(request, "a").options.format_parts == ["b"]


def test_priority_is_only_for_numbered_parts(request_):
    assert edits.set_priority(request_, "b", 2).find("b").priority == 2
    with pytest.raises(edits.EditRefused, match="numbered part"):
        edits.set_priority(request_, "a1", 1)


def test_inserting_bank_parts_under_a_part_flattens_them(request_):
    incoming = [Part(id="q1", text="Q1", subparts=[Part(id="q1a")]), Part(id="q2")]
    under = edits.insert_parts(request_, incoming, under="b")
    assert shape(under)[1] == ("b", ["q1", "q1a", "q2"])
    after = edits.insert_parts(request_, incoming, after="a3")
    assert [p for p, _ in shape(after)] == ["a", "q1", "q2", "b", "c"]
    with pytest.raises(edits.EditRefused, match="already has"):
        edits.insert_parts(request_, [Part(id="a")])


def test_fields_and_introduction_clear_when_emptied(request_):
    named = edits.set_field(request_, "system_name", "VHA")
    assert named.fields == {"system_name": "VHA"}
    assert edits.set_field(named, "system_name", "  ").fields == {}
    assert edits.set_introduction(request_, "   ").introduction is None
