"""The campaign operations: each returns a new campaign and leaves the one passed in alone; each
refuses bad input before changing anything."""

from __future__ import annotations

import json
from datetime import date

import pytest

from composer.campaign.store import CampaignStore
from composer.errors import ComposerError
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations import Done, Refused
from composer.operations.campaign import add_forces, attach_reply, new_campaign, record, undo_last

SENT = date(2026, 11, 20)


def _campaign():
    request = Request(title="Risk scoring", parts=[Part(text="Do you use a risk-scoring system?")])
    return new_campaign(name="Risk", request=request, sent=SENT,
                        forces=load_directory().resolve("kent_police,police_scotland")).value


def test_operations_take_keyword_arguments_only():
    c = _campaign()
    with pytest.raises(TypeError):
        record(c, "kent_police", status="answered")  # type: ignore[misc]


def test_new_campaign_copies_the_request_and_refuses_no_forces_or_no_name():
    request = Request(title="Risk scoring", parts=[Part(text="Do you use one?")])
    forces = load_directory().resolve("kent_police,kent_police,the_met")
    done = new_campaign(name="  Risk  ", request=request, forces=forces, sent=SENT)
    assert isinstance(done, Done) and done.value.name == "Risk"
    assert done.ids == ("kent_police", "the_met") and done.what == "started 'Risk' with 2 forces"
    assert done.value.request == request and done.value.request is not request
    with pytest.raises(Refused, match="at least one force"):
        new_campaign(name="Risk", request=request, forces=[], sent=SENT)
    with pytest.raises(Refused, match="needs a name"):
        new_campaign(name="  ", request=request, forces=forces, sent=SENT)


def test_add_forces_adds_only_new_ones_and_leaves_the_original():
    c = _campaign()
    before = c.model_copy(deep=True)
    done = add_forces(c, forces=load_directory().resolve("kent_police,the_met"), sent=date(2026, 12, 1))
    assert done.ids == ("the_met",) and done.what == "added 1 force"
    assert [t.force_id for t in done.value.forces] == ["kent_police", "police_scotland", "the_met"]
    assert done.value.tracked("the_met").sent == date(2026, 12, 1)
    assert c == before
    same = add_forces(c, forces=load_directory().resolve("kent_police"), sent=SENT)
    assert same.value == c and same.ids == ()


def test_record_returns_a_new_campaign_and_leaves_the_original():
    c = _campaign()
    before = c.model_copy(deep=True)
    done = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 10),
                  sections=["s31", "section 40(2)"], reference="K/1", note="by email")
    assert c == before
    item = done.value.tracked("kent_police")
    assert item.status.value == "refused" and item.sections == ["s31", "s40(2)"]
    assert item.reference == "K/1" and item.history[-1].note == "by email"
    assert done.ids == ("kent_police",)
    assert done.what == "Kent Police: refused on 2026-12-10, reference K/1, sections s31 s40(2)"
    assert done.value.tracked("police_scotland") is c.tracked("police_scotland")  # shared, untouched


@pytest.mark.parametrize("bad, why", [
    (dict(force_id="devon", status="answered"), "'devon' is not in the campaign"),
    (dict(force_id="kent_police", status="lost"), "unknown status 'lost'"),
    (dict(force_id="kent_police"), "nothing to record"),
    (dict(force_id="kent_police", status="answered", on=date(2026, 11, 1)), "before the request was sent"),
    (dict(force_id="kent_police", status="clarified", on=date(2026, 12, 1)), "has not asked for clarification"),
    (dict(force_id="kent_police", status="review-answered", on=date(2026, 12, 1)), "no internal review"),
    (dict(force_id="police_scotland", status="extended", on=date(2026, 12, 1)), "no public-interest extension"),
    (dict(force_id="kent_police", status="answered", until=date(2027, 1, 1)), "only with the status 'extended'"),
    # the bug this layer fixes: a bad section used to be found after the event was appended
    (dict(force_id="kent_police", status="refused", on=date(2026, 12, 10), sections=["banana"]), "banana"),
])
def test_record_refuses_bad_input_and_changes_nothing(bad, why):
    c = _campaign()
    before = c.model_copy(deep=True)
    with pytest.raises(Refused, match=why):
        record(c, **bad)
    assert c == before


def test_a_note_without_a_status_goes_to_the_notes():
    c = record(_campaign(), force_id="kent_police", note="phoned them").value
    c = record(c, force_id="kent_police", note="phoned again").value
    assert c.tracked("kent_police").notes == "phoned them\nphoned again"
    assert len(c.tracked("kent_police").history) == 1


def test_undo_takes_back_the_latest_and_refuses_the_sending():
    c = record(_campaign(), force_id="kent_police", status="acknowledged", on=date(2026, 11, 21)).value
    before = c.model_copy(deep=True)
    done = undo_last(c, force_id="kent_police")
    assert [e.status.value for e in done.value.tracked("kent_police").history] == ["sent"]
    assert c == before
    with pytest.raises(Refused, match="nothing to take back"):
        undo_last(done.value, force_id="kent_police")
    with pytest.raises(Refused, match="not in the campaign"):
        undo_last(c, force_id="devon")
    assert c == before


def test_attach_reply_lists_the_file_and_refuses_a_path_outside_the_folder(tmp_path):
    store = CampaignStore()
    c = _campaign()
    response = tmp_path / "answer.txt"
    response.write_text("We hold no information.", "utf-8")
    file = store.copy_in(c, "kent_police", response)
    done = attach_reply(c, force_id="kent_police", file=file, note=" first ", on=date(2027, 1, 2))
    attachment = done.value.tracked("kent_police").attachments[0]
    assert (attachment.file, attachment.note, attachment.added) == ("kent_police/answer.txt", "first",
                                                                    date(2027, 1, 2))
    assert c.tracked("kent_police").attachments == []
    before = c.model_copy(deep=True)
    for bad in ("../elsewhere.txt", "/etc/passwd", " "):
        with pytest.raises(Refused):
            attach_reply(c, force_id="kent_police", file=bad)
    with pytest.raises(Refused, match="not in the campaign"):
        attach_reply(c, force_id="devon", file=file)
    assert c == before


def test_the_store_updates_what_is_on_disk_now_and_writes_nothing_when_refused():
    store = CampaignStore()
    mine = _campaign()
    store.create(mine)
    # someone else (the command line) records an answer after `mine` was loaded
    store.update("Risk", lambda c: record(c, force_id="police_scotland", status="answered",
                                          on=date(2026, 12, 3)))
    store.update("Risk", lambda c: record(c, force_id="kent_police", status="acknowledged",
                                          on=date(2026, 11, 21)))
    now = store.load("Risk")
    assert now.tracked("police_scotland").status.value == "answered"  # not lost
    assert now.tracked("kent_police").status.value == "acknowledged"
    raw = store.path_for("Risk").read_bytes()
    with pytest.raises(Refused):
        store.update("Risk", lambda c: record(c, force_id="kent_police", status="lost"))
    assert store.path_for("Risk").read_bytes() == raw


def test_write_follow_ups_writes_one_letter_per_force_and_refuses_bad_input(tmp_path):
    from composer.model import Requester
    from composer.operations.followups import write_follow_ups

    store = CampaignStore()
    c = _campaign()
    store.create(c)
    before = c.model_copy(deep=True)
    me = Requester(name="A Person", email="a@example.org")
    late = date(2027, 1, 6)  # both forces are past their due date: a chaser fits each
    result = write_follow_ups(c, store=store, force_ids=["kent_police", "police_scotland"],
                              kind="chaser", requester=me, today=late, folder=tmp_path, fmt="txt")
    assert sorted(p.name for p in result.written) == [
        "2027-01-06 Kent Police - Chaser - Risk scoring.txt",
        "2027-01-06 Police Scotland - Chaser - Risk scoring.txt"]
    again = write_follow_ups(c, store=store, force_ids=["kent_police"], kind="chaser", requester=me,
                             today=late, folder=tmp_path, fmt="txt")
    assert again.written[0].name.endswith("(2).txt")  # never over a letter already written
    early = write_follow_ups(c, store=store, force_ids=["kent_police", "police_scotland"],
                             kind="chaser", requester=me, today=date(2026, 12, 1), folder=tmp_path)
    assert early.written == [] and len(early.problems) == 2  # named, not written
    files = sorted(tmp_path.iterdir())
    for bad, why in [
        (dict(force_ids=["devon"], folder=tmp_path), "not in the campaign"),
        (dict(force_ids=["kent_police"]), "give either a folder"),
        (dict(force_ids=["kent_police", "police_scotland"], path=tmp_path / "x.txt"), "into a folder"),
        (dict(force_ids=["kent_police"], folder=tmp_path, fmt="odt"), "unknown format"),
        (dict(force_ids=["kent_police"], folder=tmp_path, kind="thanks"), "unknown follow-up"),
    ]:
        with pytest.raises(ComposerError, match=why):
            write_follow_ups(c, **{"store": store, "kind": "chaser", "requester": me, "today": late, **bad})
    assert sorted(tmp_path.iterdir()) == files and c == before


def test_follow_ups_in_word_say_once_that_an_emoji_is_written_as_words(tmp_path):
    """Session 9: a follow-up quotes the request; in Word (and PDF) its emoji are written as words,
    and the step says so once for all its letters, not once per force."""
    from composer.model import Requester
    from composer.operations.followups import write_follow_ups

    store = CampaignStore()
    c = _campaign()
    c.request.title = "Patrol cars 🚓"
    store.create(c)
    me = Requester(name="A Person", email="a@example.org")
    result = write_follow_ups(c, store=store, force_ids=["kent_police", "police_scotland"], kind="chaser",
                              requester=me, today=date(2027, 1, 6), folder=tmp_path, fmt="docx")
    assert len(result.written) == 2
    notes = [p for p in result.problems if "letter fonts have no picture" in p]
    assert notes == ["the Word and PDF letters write an emoji as its name, “(police car)”: letter fonts have no "
                     "picture for it (the text and email letters keep what you typed)"]
    text = write_follow_ups(c, store=store, force_ids=["kent_police"], kind="chaser", requester=me,
                            today=date(2027, 1, 6), folder=tmp_path, fmt="txt")
    assert not any("letter fonts" in p for p in text.problems)


def test_a_reference_is_kept_on_one_line_of_visible_text_and_a_pasted_paragraph_is_refused():
    # A reference heads every follow-up letter: a line break pasted with it split the letter's
    # heading, and a right-to-left override printed the rest of the line backwards.
    c = _campaign()
    done = record(c, force_id="kent_police", reference="  FOI/2026\n  123 \u202eAB\u202c\t<&> ")
    assert done.value.tracked("kent_police").reference == "FOI/2026 123 AB <&>"
    assert done.what == "Kent Police: reference FOI/2026 123 AB <&>"
    with pytest.raises(Refused, match="too long"):
        record(c, force_id="kent_police", reference="Dear Requester, thank you for your email " * 3)
    # A campaign file written before this (or by hand) is read the same way.
    data = c.model_dump(mode="json")
    data["forces"][0]["reference"] = "K/1\r\nInjected: line"
    assert type(c).model_validate(data).tracked("kent_police").reference == "K/1 Injected: line"


def test_a_reference_too_long_from_an_old_file_is_kept_but_quoted_nowhere(data_home, tmp_path):
    """Session 8: a reference of more than 80 characters recorded before the limit stayed in old
    campaign files, and every follow-up letter quoted it whole, twice (the heading and "your
    reference …"), and the tracker's row grew a dozen lines tall. It is kept as written (in the
    file, the CSV report, the Record dialog to correct it) but letters leave it out with a
    warning, and the tracker shows its start, the whole of it in the row's tooltip."""
    from composer.campaign.deadlines import progress
    from composer.campaign.report import report_rows
    from composer.campaign.store import CampaignStore
    from composer.letters import letter_as_text
    from composer.letters.followups import follow_up_letter
    from composer.model import Requester

    pasted = ("Our reference: FOI/2026/004711 Please quote this reference in all correspondence. "
              "Your request has been logged and will be dealt with within twenty working days")
    data = _campaign().model_dump(mode="json")
    data["forces"][0]["reference"] = pasted  # as an old file has it
    store = CampaignStore()
    store.root.joinpath("Old.campaign.json").write_text(json.dumps({**data, "name": "Old"}))
    old = store.load("Old")
    item = old.tracked("kent_police")
    assert item.reference == pasted  # nothing the user wrote is lost
    late = date(2027, 3, 1)
    p = progress(item, late)
    assert len(p.reference_shown) <= 31 and p.reference_shown.endswith("…")
    assert pasted.startswith(p.reference_shown[:-1])
    assert any("reference recorded for this force is 160 characters" in w for w in p.warnings)
    assert report_rows(old, late)[0]["reference"] == pasted
    letter = follow_up_letter(old, "kent_police", "chaser", requester=Requester(name="A B", email="a@b.org"),
                              today=late, force=load_directory().get("kent_police"))
    text = letter_as_text(letter, heading=True)
    assert "Please quote" not in text and "your reference" not in text and letter.reference is None
    assert any("letters leave it out" in w and "--reference" in w for w in letter.warnings)
    # written for the force from the campaign, the warning names the force once (left8 saw it twice)
    from composer.operations.followups import write_follow_ups

    written = write_follow_ups(old, store=store, force_ids=["kent_police"], kind="chaser",
                               requester=Requester(name="A B", email="a@b.org"), today=late,
                               folder=tmp_path, fmt="txt")
    [said] = [w for w in written.problems if "characters" in w]
    assert said.startswith("Kent Police: the reference recorded for this force is 160 characters long")
    assert said.count("Kent Police") == 1
    store.save(old)  # written back: still there
    assert store.load("Old").tracked("kent_police").reference == pasted
    short = record(old, force_id="kent_police", reference="FOI/2026/004711").value
    assert progress(short.tracked("kent_police"), late).reference_shown == "FOI/2026/004711"
    assert not any("characters" in w for w in progress(short.tracked("kent_police"), late).warnings)


def test_a_request_that_asks_nothing_is_not_tracked():
    """QA-S9: `campaign new E --request empty.foi.json` started a campaign for a request with no
    parts, whose letters `export` refuses to write (s8: it describes no information)."""
    from composer.operations.result import Refused

    with pytest.raises(Refused, match="asks for nothing yet"):
        new_campaign(name="Empty", request=Request(title="t", parts=[Part(text="  ")]),
                     forces=load_directory().resolve("wmp"), sent=date(2026, 11, 20))
