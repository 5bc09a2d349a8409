"""The checker remembers each part's reading between checks (a keystroke re-reads only what
changed); what it finds must not depend on what it remembers."""

from __future__ import annotations

import pytest

from composer.bank import build_request, load_bank
from composer.checker import check
from composer.checker.estimate import estimates
from composer.checker.patterns import forget
from composer.checker.reading import request_from_text
from composer.forces import load_directory
from composer.model import Part, Request
from tests.conftest import shared_file

FORCES = (None, "the_met", "dyfed_powys_police", "police_scotland")


def bank_request() -> Request:
    bank = load_bank()
    ids = [m.id for m in bank.modules if not m.umbrella and m.questions]
    built = build_request([("use_individual_risk", ids)], answer_format="csv", system_name="the tool")
    extra = [Part(text="How many people were arrested for drug offences?"),
             Part(text="Of these, how many were under 18?"),
             Part(text="How many stop and searches were carried out?"), Part(text="2. By ethnicity."),
             Part(text="Please provide all correspondence about the contract with the supplier.")]
    return built.model_copy(update={"parts": [*built.parts, *extra]})


def seed_requests() -> list[Request]:
    folder = shared_file("seeds")
    found = [request_from_text(path.read_text("utf-8"))[0] for path in sorted(folder.glob("*.txt"))]
    return [r for r in found if r is not None]


def seen(request: Request, force) -> tuple:
    """The findings, and how each part was read and costed."""
    found, _law = estimates(request, force)
    return check(request, force=force), {pid: (e.hours, e.words) for pid, e in found.items()}


def same_with_and_without_memory(request: Request) -> None:
    directory = load_directory()
    for force_id in FORCES:
        force = directory.get(force_id) if force_id else None
        seen(request, force)  # fill the memory
        remembered = seen(request, force)
        forget()
        assert remembered == seen(request, force), force_id
        # Keystrokes: one part changes; the others are read from memory in new surroundings (a
        # period or a kind of record they borrow from the part before).
        last = len(request.parts) - 1
        typed_in = [request.parts[i] for i in sorted({0, last // 2, max(0, last - 5), last})]
        typed_in += [p.subparts[0] for p in request.parts if p.subparts][:1]
        for part in typed_in:
            before = part.text
            for typed in (f"From 2005 to 2024, {before}", "How many people were arrested from 2005 to 2024?"):
                part.text = typed
                remembered = seen(request, force)
                forget()
                assert remembered == seen(request, force), (force_id, typed)
            part.text = before
        intro = request.introduction
        request.introduction = "Please give figures for 2005 to 2024 on arrests. " + (intro or "")
        remembered = seen(request, force)
        forget()
        assert remembered == seen(request, force), (force_id, "introduction")
        request.introduction = intro


def test_a_bank_built_request_gets_the_same_findings_with_the_memory_on_and_cleared():
    request = bank_request()
    assert len(check(request)) > 5
    same_with_and_without_memory(request)


def test_the_seeds_get_the_same_findings_with_the_memory_on_and_cleared():
    requests = seed_requests()
    if not requests:
        pytest.skip("no seed in ../shared/seeds reads as a request")
    for request in requests:
        same_with_and_without_memory(request)


def test_parts_that_borrow_from_the_parts_around_them_are_read_again_when_those_change():
    same_with_and_without_memory(Request(parts=[
        Part(text="How many stop and searches were carried out in 2023?"),
        Part(text="Please provide a copy of the force's policy on the use of body-worn video by officers at "
                  "demonstrations."),
        Part(text="How many arrests were made?"),
        Part(text="How many people were stopped?", subparts=[Part(text="a) In 2019."), Part(text="b) In 2022.")]),
        Part(text="How many complaints were made?", subparts=[Part(text="Of these, how many were upheld?")]),
        Part(text="By ward."),
    ]))
