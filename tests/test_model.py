from __future__ import annotations

import pytest
from pydantic import ValidationError

from composer.model import Part, Request, fill_fields, letter, unfilled_fields


def make(*texts: str | tuple[str, list[str]]) -> Request:
    parts = []
    for item in texts:
        if isinstance(item, tuple):
            parts.append(Part(text=item[0], subparts=[Part(text=t) for t in item[1]]))
        else:
            parts.append(Part(text=item))
    return Request(title="t", parts=parts)


def test_letters_run_past_z():
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


def test_numbers_are_derived_from_position():
    request = make(("Q1", ["a", "b"]), "Q2", ("Q3", ["x"]))
    assert [(n.number, n.part.text) for n in request.numbered()] == [
        ("1", "Q1"), ("1a", "a"), ("1b", "b"), ("2", "Q2"), ("3", "Q3"), ("3a", "x"),
    ]
    request.parts.reverse()
    assert [n.number + n.part.text for n in request.numbered()][:3] == ["1Q3", "1ax", "2Q2"]


def test_priority_orders_parts_and_unranked_keep_their_place_after():
    request = make("A", "B", "C", "D")
    request.parts[2].priority = 1
    request.parts[0].priority = 2
    assert [p.text for p in request.ordered_parts()] == ["C", "A", "B", "D"]
    assert request.number_of(request.parts[2].id) == "1"
    assert request.number_of(request.parts[2].id, ordered=False) == "3"


def test_sub_parts_cannot_nest():
    with pytest.raises(ValidationError, match="cannot have sub-parts"):
        Part(text="x", subparts=[Part(text="y", subparts=[Part(text="z")])])


def test_duplicate_part_ids_are_refused():
    part = Part(text="x")
    with pytest.raises(ValidationError, match="share the id"):
        Request(parts=[part, Part(id=part.id, text="y")])


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError):
        Request.model_validate({"title": "t", "colour": "red"})


def test_fields_fill_known_and_leave_unknown_for_the_checker():
    text = "Does {force_name} use {system_name}? {typo}"
    assert fill_fields(text, {"force_name": "Kent Police", "system_name": "PredPol"}) == (
        "Does Kent Police use PredPol? {typo}"
    )
    assert unfilled_fields(text, {"force_name": "x"}) == ["system_name", "typo"]


def test_json_round_trip_keeps_everything():
    request = make(("Q1 £ & <tag> “quoted” ŵ 🚓", ["a"]), "Q2")
    request.parts[1].condition = "if_yes"
    again = Request.model_validate_json(request.model_dump_json())
    assert again == request
