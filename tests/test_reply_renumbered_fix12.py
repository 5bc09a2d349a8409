"""A reply that quotes the request as the force numbered it, when the parts were put in another
order before the letter was sent (fix12). Every reply and request here is written for these tests."""

from __future__ import annotations

from datetime import date

from composer.model import Part, Request
from composer.replies import read_reply

# Two questions that start alike and end differently, as a request's sections often do.
_ASKED = ("Has the force used, does it now use, or does it plan to use any camera system that reads vehicle "
          "number plates for the purpose of ")
CAMERAS = _ASKED + "watching motorway traffic? If so, please answer the questions below."
VANS = _ASKED + "enforcing parking outside schools?"


def _sent() -> Request:
    """The request as sent: the vans question moved first."""
    return Request(title="Plate cameras", parts=[Part(text=VANS), Part(text=CAMERAS)])


# The force quotes the request in the order it was first written, then points to its letter.
REPLY = ("Dear Sam Tester,\n\nReference: 2026/ANPR/77\n\n1. {first}\n2. {second}\n\nResponse\n\n"
         "Please find attached our response.\n\nThe figures come from systems that record in different "
         "ways, so care is needed in comparing them.\n\nYours sincerely,\nInformation Rights Unit\n")


def test_a_part_quoted_under_another_number_is_no_answer_to_the_part_with_that_number():
    """Part 1 as sent is the vans question; the reply's '1.' quotes the motorway question, which
    the sent letter numbered 2. Its tail ('watching motorway traffic? If so, …') was read as the answer to
    part 1: 'part 1: answered' beside 'the answer is in an attachment'."""
    from composer.coverage import State, reading_cell

    reading = read_reply(REPLY.format(first=CAMERAS, second=VANS), _sent())
    assert reading.parts == {}
    assert reading.unread
    assert {reading_cell(reading, part).state for part in "12"} == {State.ATTACHED}


def test_a_part_quoted_under_its_own_number_with_an_answer_is_still_read():
    """The guard: a question quoted where it was numbered, and the force's words after it, are read."""
    reply = ("Dear Sam Tester,\n\n1. {vans}\nNo: the force has no such cameras outside schools.\n\n2. {cameras}\n"
             "Three cameras are in use on motorways in the force area.\n\nYours sincerely,\nInformation "
             "Rights Unit\n").format(vans=VANS, cameras=CAMERAS)
    reading = read_reply(reply, _sent())
    assert {k: str(v) for k, v in reading.parts.items()} == {"1": "answered", "2": "answered"}
    assert not reading.unread


def test_attached_to_a_campaign_the_renumbered_quote_counts_no_part_answered(tmp_path, capsys):
    from composer.campaign.store import CampaignStore
    from composer.cli import main
    from composer.coverage import State, stored_coverage
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign

    store = CampaignStore()
    store.create(new_campaign(name="Plates", request=_sent(), sent=date(2026, 11, 2),
                              forces=load_directory().resolve("wmp,kent_police")).value)
    path = tmp_path / "reply.txt"
    path.write_text(REPLY.format(first=CAMERAS, second=VANS), "utf-8")
    assert main(["campaign", "attach", "Plates", "wmp", str(path), "--apply", "--on", "2026-11-20"]) == 0
    said = capsys.readouterr().out
    assert "attachment this reply only points to" in said
    assert "part 1:" not in said and "part 2:" not in said
    cov = stored_coverage(store, "Plates", date(2026, 11, 25))
    assert {cov.cell("wmp", p).state for p in cov.parts} == {State.ATTACHED}
    assert cov.summary("1").startswith("0 of 2 forces answered part 1")
