"""Campaigns kept from before names were compared regardless of case ("Risk" and "risk" as two):
the app and the command line say so and offer to merge them or rename one; nothing is merged unasked
and no reply is lost (TEMPL-S11)."""

from __future__ import annotations

import shlex
from datetime import date

import pytest

from composer.campaign.store import SUFFIX, CampaignStore, save_campaign
from composer.cli import main
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import attach_reply, new_campaign, record

SENT = date(2026, 9, 1)


def _request(second: str = "What did it cost?") -> Request:
    return Request(title="Risk scoring", parts=[Part(text="Does the force score people's risk?"),
                                                Part(text=second)])


def _old_pair(store: CampaignStore, second: str = "What did it cost?"):
    """'Risk' (the Met, Kent with a reply) and 'risk' (Kent with another reply, WMP), each in a file
    of its own as an app before session 10 wrote them."""
    forces = load_directory()
    made = {}
    for name, ids, request in (("Risk", "the_met,kent_police", _request()),
                               ("risk", "kent_police,wmp", _request(second))):
        campaign = new_campaign(name=name, request=request, forces=forces.resolve(ids), sent=SENT).value
        folder = store.root / name
        (folder / "kent_police").mkdir(parents=True)
        (folder / "kent_police" / "reply.txt").write_text(f"The reply {name} has.")
        campaign = attach_reply(campaign, force_id="kent_police", file="kent_police/reply.txt",
                                on=date(2026, 9, 20), kind="answered").value
        campaign = record(campaign, force_id="kent_police", status="answered", on=date(2026, 9, 20)).value
        save_campaign(store.root / f"{name}{SUFFIX}", campaign)  # as written before names were compared so
        made[name] = campaign
    return made


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path / "home"))
    return CampaignStore()


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock")}


def test_the_command_line_says_so_with_the_commands_and_merging_keeps_every_reply(store, capsys):
    _old_pair(store)
    before = _files(store.root)
    assert main(["campaign", "list"]) == 0
    out = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.out.splitlines()] == ["Risk", "risk"]
    [line] = [x for x in out.err.splitlines() if "differ only in case" in x]
    assert "'Risk' and 'risk'" in line and "campaign merge risk --into Risk" in line
    assert "campaign rename risk 'risk (2)'" in line
    assert main(["campaign", "show", "Risk", "--today", "2026-10-01"]) == 0
    assert "differ only in case" in capsys.readouterr().err  # on opening one, too
    assert _files(store.root) == before  # nothing merged unasked
    # The command it gives, run as given.
    command = line.split("`")[1]
    assert main(shlex.split(command)[1:]) == 0
    said = capsys.readouterr()
    assert "merged 'risk' into 'Risk': 1 force added, 1 force in both kept with both records" in said.out
    merged = store.load("Risk")
    assert [t.force_id for t in merged.forces] == ["the_met", "kent_police", "wmp"]
    kent = merged.tracked("kent_police")
    texts = sorted(store.attachment_path(merged, a).read_text() for a in kent.attachments)
    assert texts == ["The reply Risk has.", "The reply risk has."]
    assert [e.status.value for e in kent.events] == ["sent", "answered"]  # the same events, once
    # The merged file and its folder are kept, out of the list; the warning has gone.
    assert sorted(p.name for p in (store.root / ".merged").iterdir()) == ["risk", "risk.campaign.json"]
    assert main(["campaign", "list"]) == 0
    out = capsys.readouterr()
    assert out.out.count("\n") == 1 and "differ only in case" not in out.err


def test_two_different_requests_are_not_merged_and_one_is_renamed_with_its_replies(store, capsys):
    _old_pair(store, second="How many people were scored?")
    assert main(["campaign", "merge", "risk", "--into", "Risk"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not the same request (part 2 differs)" in err[0] and "another name" in err[0]
    assert main(["campaign", "rename", "risk", "risk 2025"]) == 0
    capsys.readouterr()
    renamed = store.load("risk 2025")
    assert renamed.name == "risk 2025"
    [reply] = renamed.tracked("kent_police").attachments
    assert store.attachment_path(renamed, reply).read_text() == "The reply risk has."
    assert not (store.root / f"risk{SUFFIX}").exists() and not (store.root / "risk").exists()
    assert store.load("Risk").tracked("kent_police").attachments  # the other untouched
    assert main(["campaign", "list"]) == 0
    assert "differ only in case" not in capsys.readouterr().err
    # A new name taken by another campaign, or in another case, is refused.
    assert main(["campaign", "rename", "risk 2025", "RISK"]) == 2
    assert "already exists" in capsys.readouterr().err
