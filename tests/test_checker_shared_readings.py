"""A letter to every force: parts that name the force ({force_name}) are read once for all the forces
whose names read as the words for them (`engine._share_readings`). What each force is told must be
exactly what reading its own letter part by part tells it."""

from __future__ import annotations

import pytest

from composer.checker import engine
from composer.forces import load_directory
from composer.letters.judgement import judge_forces
from composer.model import Part, Request
from tests.conftest import SHARED
from tests.test_checker_memo import bank_request, seed_requests

# Parts putting the force's names where a name can read as a place, a person or a system.
NAMED = [
    Part(text="How many people did {force_name} score as high risk across the {force_name} area in 2024?",
         subparts=[Part(text="Of these, how many were stopped at {force_short_name} stations?"),
                   Part(text="Please give {force_name_possessive} figures by age and ethnicity.")]),
    Part(text="Please provide the emails of the Chief Constable of {force_name} about the tool since 2022."),
    Part(text="For whom in {force_name} does the system produce its scores, and who in {force_short_name} sees them?"),
    Part(text="Please provide all correspondence about {force_short_name} premises where the tool was tried."),
]


def named_request() -> Request:
    request = bank_request()
    intro = "I am writing to {force_name} about risk scoring under {act_name}."
    return request.model_copy(update={"introduction": intro, "parts": [*request.parts, *NAMED]})


def seeds_naming_the_force() -> list[Request]:
    """Each seed with the force named in its first parts (`For {force_name}: …`). As sent, the seeds
    name no force by field, and each force's parts are then the same texts, read once already."""
    out = []
    for request in seed_requests():
        named = request.model_copy(deep=True)
        for part in named.parts[:6]:
            part.text = f"For {{force_name}}: {part.text}"
        out.append(named)
    return out


def every_force_judged(request: Request, shared: bool, monkeypatch) -> list:
    monkeypatch.setattr(engine, "SHARE_READINGS", shared)
    judged = judge_forces(request, load_directory().resolve("all"), None)
    return [(j.force.id, j.findings) for j in judged]


def test_every_force_is_told_the_same_with_readings_shared_on_a_request_naming_it_in_many_parts(monkeypatch):
    request = named_request()
    assert sum("{force" in n.part.text for n in request.numbered()) >= 15
    alone = every_force_judged(request, False, monkeypatch)
    shared = every_force_judged(request, True, monkeypatch)
    assert len(alone) == len(load_directory().forces) and all(findings for _, findings in alone)
    assert shared == alone


def test_every_force_is_told_the_same_with_readings_shared_on_the_seeds(monkeypatch):
    if not SHARED.joinpath("seeds").is_dir():
        pytest.skip(f"{SHARED / 'seeds'} is not here: the seeds come with the project's shared/ folder")
    requests = seeds_naming_the_force()
    if not requests:
        pytest.skip("no seed in ../shared/seeds reads as a request")
    for request in requests:
        assert every_force_judged(request, True, monkeypatch) == every_force_judged(request, False, monkeypatch)


def test_forces_whose_names_read_as_the_words_share_one_reading_and_a_place_name_does_not():
    directory = load_directory()
    request = Request(parts=[Part(text="How many people has {force_name} given a risk score since 2020?"),
                             Part(text="Who in {force_name} sees the scores?")])

    def readings(force_id: str) -> list:
        ctx, _ = engine.run_rules(request, directory.get(force_id), None, None, for_many=True)
        return [ctx.readings[i] for i in range(2)]

    assert all(engine._MARK in words for words in engine._NEUTRAL_NAMES.values())  # so a quote of them is seen
    kent, essex = readings("kent_police"), readings("essex_police")
    assert kent[0] is essex[0] and kent[1] is essex[1]
    # "in British Transport Police" names a place; "in Kent Police", the force area.
    transport = readings("btp")
    assert transport[1].named_place and not kent[1].named_place
    assert transport[0] is not kent[0]
