"""Whether an acronym is spelt out is looked for only where the word is (`clarity._spelt_out`), no longer by
searching the whole request for each acronym. What the checker says must be what the whole-text search
said, for every force, on the seeds and on a request that names the force by field."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import pytest

from composer.checker import check, clarity, engine
from composer.checker.reading import request_from_text
from composer.forces import load_directory
from tests.conftest import SHARED
from tests.test_checker_shared_readings import named_request, seeds_naming_the_force


@lru_cache(maxsize=None)
def searched(word: str, whole: str) -> bool:
    """The way it was: the pattern searched for over the whole request."""
    return re.search(clarity._SPELT.format(re.escape(word)), whole) is not None


def test_looking_where_the_word_is_finds_what_searching_everything_found():
    pieces = ["DPIA", "DPIAs", "(", ")", " ", "x", "X", "stands for", " means", " is short for", "\n", "PIA", "A&E", "D"]
    texts = ["".join(t) for n in range(1, 5) for t in itertools.product(pieces, repeat=n)]
    assert len(texts) > 40_000
    spelt = 0
    for text in texts:
        for word in ("DPIA", "A&E", "PIA", "D"):
            assert clarity._spelt_out(word, text) == searched(word, text), (word, text)
            spelt += searched(word, text)
    assert spelt > 1000  # both answers are well represented
    assert clarity._spelt_out("DPIA", "a Data Protection Impact Assessment (DPIA) was done")
    assert clarity._spelt_out("DPIA", "DPIAs (data protection impact assessments)")
    assert not clarity._spelt_out("DPIA", "the XDPIA (a system) and the DPIA")


def _requests() -> list:
    requests = [named_request()]
    folder = SHARED / "seeds"
    if folder.is_dir():
        found = [request_from_text(path.read_text("utf-8"))[0] for path in sorted(folder.glob("*.txt"))]
        requests += [r for r in found if r is not None] + seeds_naming_the_force()
    return requests


def _acronym_findings(request, force) -> list:
    rule = next(r for r in engine.RULES if r.id == "clarity.acronym")
    return list(rule.func(rule, engine.Context(request, force, None)) or ())


def test_every_force_is_told_of_the_same_acronyms_as_by_the_whole_text_search(monkeypatch):
    requests = _requests()
    if len(requests) == 1 and not SHARED.joinpath("seeds").is_dir():
        pytest.skip(f"{SHARED / 'seeds'} is not here: the seeds come with the project's shared/ folder")
    forces = [None, *load_directory().resolve("all")]
    now = {(n, f.id if f else None): _acronym_findings(r, f) for n, r in enumerate(requests) for f in forces}
    monkeypatch.setattr(clarity, "_spelt_out", searched)
    before = {(n, f.id if f else None): _acronym_findings(r, f) for n, r in enumerate(requests) for f in forces}
    assert now == before
    assert sum(len(found) for found in now.values()) > 100  # the seeds use many acronyms never spelt out


def test_a_whole_check_is_the_same_as_with_the_whole_text_search(monkeypatch):
    requests = _requests()
    directory = load_directory()
    forces = [None, directory.get("kent_police"), directory.get("police_scotland"), directory.get("the_met")]
    now = [check(r, force=f) for r in requests for f in forces]
    monkeypatch.setattr(clarity, "_spelt_out", searched)
    from composer.checker.patterns import forget

    forget()
    assert [check(r, force=f) for r in requests for f in forces] == now
