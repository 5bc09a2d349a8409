"""What forces answer every day is not met with an alarm, and what they refuse still is.

tests/data/routine_requests.toml holds requests written for this project: routine ones UK police
forces answer in full (workforce, spend, contracts, policies, crime counts, stop and search, use of
force, custody, fleet, calls, complaints) in many forms and periods, and near misses an experienced
FOI officer would expect refused or queried. A routine request gets no cost, personal-data or
exemption warning (a note is fine); a near miss gets a warning on a ground it names. An entry the
checker still gets wrong says so in `left` and is expected to fail (strictly: once fixed, the
marker has to go)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from composer.checker import check
from composer.checker.reading import request_from_text
from composer.forces import load_directory
from composer.model import Requester

DATA = tomllib.loads((Path(__file__).parent / "data" / "routine_requests.toml").read_text("utf-8"))
REQUESTER = Requester(name="Jane Smith", email="jane@example.org")
REFUSAL_GROUNDS = ("cost", "personal_data", "exemption")


def _cases(kind: str) -> list:
    return [pytest.param(case, id=f"{kind}{number}-{case['force']}",
                         marks=[pytest.mark.xfail(reason=case["left"], strict=True)] if "left" in case else [])
            for number, case in enumerate(DATA[kind])]


@pytest.fixture(scope="module")
def directory():
    return load_directory()


def _loud(case: dict, directory) -> list:
    request, _ = request_from_text(case["text"].strip())
    assert request is not None and request.parts, "the text is read as a request"
    findings = check(request, force=directory.get(case["force"]), requester=REQUESTER)
    return [f for f in findings if f.severity != "info"]


def _shown(findings) -> str:
    return "\n".join(f"{f.rule}: {f.message}\n    " + "\n    ".join(f.why()) for f in findings)


def test_the_set_is_large_and_varied():
    assert len(DATA["routine"]) >= 120 and len(DATA["near_miss"]) >= 60
    assert {"police_scotland", "psni", "btp"} <= {case["force"] for case in DATA["routine"]}
    assert all(set(case["ground"]) <= {*REFUSAL_GROUNDS, "clarity"} for case in DATA["near_miss"])


@pytest.mark.parametrize("case", _cases("routine"))
def test_a_routine_request_gets_no_refusal_warning(case, directory):
    alarms = [f for f in _loud(case, directory) if f.category in REFUSAL_GROUNDS]
    assert not alarms, _shown(alarms)


@pytest.mark.parametrize("case", _cases("near_miss"))
def test_a_near_miss_is_warned_on_its_ground(case, directory):
    loud = _loud(case, directory)
    assert any(f.category in case["ground"] for f in loud), _shown(loud) or "no warning at all"
