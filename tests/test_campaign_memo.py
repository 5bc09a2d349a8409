"""Campaigns read and gathered for the history once per content: a change on disk, by another
process or another window, is always seen; only the changed campaign is gathered again."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from composer.campaign import history
from composer.campaign.history import History, history_of, saved_history
from composer.campaign.store import CampaignStore, load_campaign
from composer.errors import FileProblem
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record, record_reply
from composer.replies import PartReading, ReplyKind, ReplyReading

COSTLY = "Please give every email sent by the force's staff that mentions the system since 2015."
NAMED = "What is the name of the system the force uses to score people's risk of violence?"
FORCES = "the_met,kent_police,wmp,essex_police,gmp,police_scotland"


def _campaign(name: str, refused_by: list[str]):
    """Sent to six forces; each of `refused_by` refused part 2 on cost, the others are waiting."""
    request = Request(title=name, parts=[Part(text=NAMED), Part(text=COSTLY)])
    campaign = new_campaign(name=name, request=request, forces=load_directory().resolve(FORCES),
                            sent=date(2026, 9, 1)).value
    for force_id in refused_by:
        reading = ReplyReading(kind=ReplyKind.PARTLY, parts={"1": PartReading.parse("answered"),
                                                             "2": PartReading.parse("refused s12")})
        campaign = record_reply(campaign, force_id=force_id, file=f"{force_id}.pdf", reading=reading,
                                on=date(2026, 9, 25)).value
    return campaign


def _cost_counts(past: History) -> list[tuple[str, int, int]]:
    """Per campaign: forces that replied to part 2 and forces that refused it on cost (as a part, or
    with the whole request: a status of refused under s12 with no reply read refuses every part)."""
    return sorted((r.campaign, r.replied, r.met.get("cost", 0) + (r.whole or {}).get("cost", 0))
                  for r in past.about(COSTLY, "2"))


@pytest.fixture(autouse=True)
def _cold():
    """Each test starts with nothing remembered from another test's campaigns."""
    from composer.campaign import store

    store._READ.clear()
    history._GATHERED.clear()
    history._LAST[:] = [None, None]


def test_a_campaign_changed_by_another_process_is_seen_by_the_next_history(data_home):
    store = CampaignStore()
    store.save(_campaign("Risk 2026", ["the_met", "kent_police"]))
    store.save(_campaign("Risk 2025", ["wmp"]))
    first, problems = saved_history()
    assert problems == []
    assert _cost_counts(first) == [("Risk 2025", 1, 1), ("Risk 2026", 2, 2)]
    assert saved_history()[0] is first  # nothing changed: the same history, with what it found

    # The command line, in a process of its own, records a refusal while the app holds the history.
    env = {**os.environ, "FOI_COMPOSER_HOME": str(data_home), "PATH": ""}
    run = subprocess.run([sys.executable, "-m", "composer", "campaign", "update", "Risk 2026", "gmp",
                          "--status", "refused", "--sections", "s12", "--date", "2026-09-20"],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    again = saved_history()[0]
    assert again is not first
    assert _cost_counts(again) == [("Risk 2025", 1, 1), ("Risk 2026", 3, 3)]


def test_only_the_changed_campaign_is_gathered_again(monkeypatch):
    calls: list[str] = []
    real = history.records
    monkeypatch.setattr(history, "records", lambda campaign, cov: calls.append(campaign.name) or real(campaign, cov))
    a, b = _campaign("A", ["the_met"]), _campaign("B", ["wmp", "gmp"])
    history_of([a, b])
    assert calls == ["A", "B"]
    calls.clear()
    b = record(b, force_id="essex_police", status="refused", on=date(2026, 9, 22), sections=["s12"]).value
    past = history_of([a, b])
    assert calls == ["B"]
    assert _cost_counts(past) == [("A", 1, 1), ("B", 3, 3)]
    # The same as gathered from nothing.
    history._GATHERED.clear()
    history._LAST[:] = [None, None]
    assert _cost_counts(history_of([a, b])) == _cost_counts(past)
    assert calls == ["B", "A", "B"]


def test_a_campaign_file_rewritten_in_place_is_read_again_even_with_the_old_size_and_time(data_home):
    """Another window writes the file: the same length, and its time put back as it was. What is
    remembered goes by the file's bytes, not its time or size."""
    store = CampaignStore()
    campaign = record(_campaign("Risk 2026", []), force_id="gmp", status="acknowledged",
                      on=date(2026, 9, 3), reference="AAAA-1").value
    path = store.save(campaign)
    assert load_campaign(path).tracked("gmp").reference == "AAAA-1"
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"AAAA-1", b"BBBB-2"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert load_campaign(path).tracked("gmp").reference == "BBBB-2"
    assert [e.campaign.tracked("gmp").reference for e in store.list().entries] == ["BBBB-2"]


def test_a_file_damaged_after_it_was_read_is_refused_not_remembered(data_home):
    store = CampaignStore()
    path = store.save(_campaign("Risk 2026", ["the_met"]))
    assert store.load("Risk 2026").name == "Risk 2026"
    path.write_text('{"schema_version": 3, "name": ', "utf-8")
    with pytest.raises(FileProblem, match="not valid JSON"):
        load_campaign(path)
    listing = store.list()
    assert listing.entries == [] and len(listing.problems) == 1 and "moved to" in listing.problems[0]


def test_a_long_session_keeps_only_the_latest_of_each_campaign(data_home):
    """Each reply recorded makes a new version of the campaign: what is remembered is the latest
    one per file and per campaign, not every version since the app started."""
    from composer.campaign import store as stored

    store = CampaignStore()
    path = store.save(_campaign("Risk 2026", []))
    store.save(_campaign("Risk 2025", ["wmp"]))
    for n, force_id in enumerate(["the_met", "kent_police", "essex_police", "gmp"]):
        store.update("Risk 2026", lambda c, f=force_id, n=n: record(c, force_id=f, status="refused",
                                                                   on=date(2026, 9, 20 + n), sections=["s12"]))
        past = saved_history()[0]
        assert _cost_counts(past) == [("Risk 2025", 1, 1), ("Risk 2026", n + 1, n + 1)]
    assert sorted(history._GATHERED) == ["Risk 2025", "Risk 2026"]
    assert path in stored._READ and len(stored._READ) == 2
