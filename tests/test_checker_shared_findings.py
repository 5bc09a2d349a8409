"""A letter to every force: the part rules that ask nothing of the force but its Act are run once for all
the forces under that Act (`engine._findings_for_the_act`); the rules that read the force (its size, its
name, its kind) still run for each. What each force is told must be exactly what running every rule for
it alone tells it."""

from __future__ import annotations

import pytest

from composer.checker import engine
from composer.checker.patterns import forget
from composer.forces import load_directory
from composer.letters.judgement import judge_forces
from composer.model import Act, Part, Request
from tests.conftest import SHARED
from tests.test_checker_memo import seed_requests
from tests.test_checker_shared_readings import named_request


def every_force_judged(request: Request, shared: bool, monkeypatch) -> list:
    monkeypatch.setattr(engine, "SHARE_FINDINGS", shared)
    forget()
    judged = judge_forces(request, load_directory().resolve("all"), None)
    return [(j.force.id, j.findings) for j in judged]


def test_every_force_is_told_the_same_on_the_seeds(monkeypatch):
    if not SHARED.joinpath("seeds").is_dir():
        pytest.skip(f"{SHARED / 'seeds'} is not here: the seeds come with the project's shared/ folder")
    requests = seed_requests()
    assert max(len(r.parts) for r in requests) >= 40  # the long one, which names no force by field
    for request in requests:
        alone = every_force_judged(request, False, monkeypatch)
        assert len(alone) == len(load_directory().forces)
        assert every_force_judged(request, True, monkeypatch) == alone


def test_every_force_is_told_the_same_on_a_request_naming_it_by_field(monkeypatch):
    request = named_request()
    assert sum("{force" in n.part.text for n in request.numbered()) >= 15
    alone = every_force_judged(request, False, monkeypatch)
    assert all(findings for _, findings in alone)
    assert every_force_judged(request, True, monkeypatch) == alone


def test_a_rule_that_reads_only_the_act_is_run_once_and_one_that_reads_the_force_for_each():
    directory = load_directory()
    request = Request(parts=[Part(text="Please provide the names of every officer disciplined in the dog unit "
                                       "since 2015, by rank and ethnicity.")])
    engine._BY_ACT.clear()
    found = {}
    for force_id in ("kent_police", "essex_police", "police_scotland"):
        _, findings = engine.run_rules(request, directory.get(force_id), None, None, for_many=True)
        found[force_id] = {f.rule: f for f in findings}
    kent, essex, scotland = found["kent_police"], found["essex_police"], found["police_scotland"]
    shared = [rule for rule in kent if rule in essex and kent[rule] is essex[rule]]
    assert "personal_data.names" in shared  # the very same finding, made once for both
    assert not any(kent[rule] is scotland.get(rule) for rule in kent)  # another Act: its own sections
    (entries,) = [parts for (act, *_), parts in engine._BY_ACT.items() if act is Act.FOIA]
    (same, own), = entries.values()
    assert {"cost.estimate", "personal_data.senior-ranks"} <= {rule.id for _, rule in own}  # they read its size


def test_the_stand_in_force_stops_a_rule_whatever_it_asks():
    blind = engine._ActOnly(Act.FOISA)
    assert blind.act is Act.FOISA and blind is not None
    for ask in (lambda: blind.officers, lambda: blind.name, lambda: blind.kind, lambda: blind == blind,
                lambda: {blind}):
        with pytest.raises(engine._AskedTheForce):
            try:
                ask()
            except Exception:  # a rule's own guard does not take it for its own failure
                pytest.fail("the stand-in's stop was caught as an ordinary error")
