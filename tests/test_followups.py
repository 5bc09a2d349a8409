from __future__ import annotations

import os
import re
from datetime import date

import docx
import pytest
from conftest import seed_text

from composer.campaign.store import CampaignStore
from composer.cli import main
from composer.errors import ComposerError
from composer.letters.followups import (
    FollowUpKind,
    file_name,
    follow_up_letter,
    regulator_recipient,
    write_follow_up,
)
from composer.forces import load_directory
from composer.campaign.deadlines import progress
from composer.letters.letter import format_date
from composer.letters import letter_as_text
from composer.model import Act, Part, Request, Requester
from composer.operations.campaign import attach_reply, new_campaign, record, record_sent, undo_last
from composer.operations.followups import latest_check
from composer.responses import check_response

SENT = date(2026, 11, 20)  # due 2026-12-21 in England and in Scotland
ME = Requester(name="Alex Example", email="alex@example.org")


def _campaign():
    request = Request(title="Risk scoring", parts=[
        Part(text="Do you use a risk-scoring system?"),
        Part(text="What is it called?", condition="if_yes"),
    ])
    return new_campaign(name="Risk", request=request,
                        forces=load_directory().resolve("kent_police,police_scotland"), sent=SENT).value


def _letter(campaign, force_id, kind, today, **kw):
    return follow_up_letter(campaign, force_id, kind, requester=kw.pop("requester", ME), today=today,
                            force=load_directory().get(force_id), **kw)


def _text(letter) -> str:
    return letter_as_text(letter, heading=True)


# -- chaser -------------------------------------------------------------------------------------
def test_chaser_names_the_statutory_date_that_passed():
    letter = _letter(_campaign(), "kent_police", "chaser", date(2027, 1, 6))
    text = _text(letter)
    assert letter.recipient.email == load_directory().get("kent_police").foi_email
    assert letter.subject == "Overdue: Freedom of Information request: Risk scoring"
    assert "That day was 21 December 2026. It passed 8 working days ago" in text
    assert "Section 10(1)" in text and "refusal notice under section 17" in text
    assert "section 50" in text and "20 January 2027" in text  # ten working days' grace
    assert "1. Do you use a risk-scoring system?" in text and "2. If the answer to 1 is yes" in text


def test_a_follow_up_to_a_force_with_an_online_form_says_where_to_paste_it():
    """Session 9: the campaign's letters say how to send them: through the force's online form
    where the directory knows one; a force without a form gets no such line."""
    campaign = new_campaign(name="Risk", request=_campaign().request,
                            forces=load_directory().resolve("dorset_police,kent_police"), sent=SENT).value
    form = load_directory().get("dorset_police").foi_form
    dorset = _letter(campaign, "dorset_police", "chaser", date(2027, 1, 6))
    assert ("this force asks for requests through its online form: "
            f"{form}; the letter text is ready to paste") in dorset.warnings
    assert not any("online form" in w for w in _letter(campaign, "kent_police", "chaser", date(2027, 1, 6)).warnings)


def test_chaser_refused_before_the_due_date_or_after_an_answer():
    c = _campaign()
    with pytest.raises(ComposerError, match="not due until 2026-12-21"):
        _letter(c, "kent_police", "chaser", date(2026, 12, 21))
    c = record(c, force_id="kent_police", status="answered", on=date(2026, 12, 28)).value
    with pytest.raises(ComposerError, match="has answered"):
        _letter(c, "kent_police", "chaser", date(2027, 1, 6))


def test_chaser_after_clarification_counts_from_the_clarification():
    c = _campaign()
    c = record(c, force_id="kent_police", status="clarification-asked", on=date(2026, 11, 25)).value
    with pytest.raises(ComposerError, match="waiting for your clarification"):
        _letter(c, "kent_police", "chaser", date(2027, 1, 6))
    c = record(c, force_id="kent_police", status="clarified", on=date(2027, 3, 1)).value
    text = _text(_letter(c, "kent_police", "chaser", date(2027, 4, 2)))
    assert "my clarification reached you on 1 March 2027" in text
    assert "sections 1(3) and 10(6)" in text and "That day was 1 April 2027" in text


def test_scottish_chaser_speaks_of_review_and_the_commissioner():
    text = _text(_letter(_campaign(), "police_scotland", "chaser", date(2027, 1, 6)))
    assert "Freedom of Information (Scotland) Act 2002" in text
    assert "section 20" in text and "section 47" in text and "section 17(2)" not in text


def test_chaser_for_a_late_review():
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 10)).value
    c = record(c, force_id="kent_police", status="review-asked", on=date(2027, 3, 1)).value
    with pytest.raises(ComposerError, match="review by Kent Police is not due until 2027-04-01"):
        _letter(c, "kent_police", "chaser", date(2027, 3, 10))
    text = _text(_letter(c, "kent_police", "chaser", date(2027, 4, 2)))
    assert "section 45" in text and "The 20 working days ended on 1 April 2027" in text
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 10)).value
    c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 3, 1)).value
    text = _text(_letter(c, "police_scotland", "chaser", date(2027, 3, 31)))
    assert "Section 21(1)" in text and "by 30 March 2027" in text and "section 47(1)" in text


def test_chaser_after_an_extension_names_the_extended_date_and_section_10_3():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 18), until=date(2027, 1, 15)).value
    with pytest.raises(ComposerError, match="not due until 2027-01-15"):
        _letter(c, "kent_police", "chaser", date(2027, 1, 15))
    text = _text(_letter(c, "kent_police", "chaser", date(2027, 1, 19)))
    assert ("On 18 December 2026 you told me that you needed more time to consider the public "
            "interest, under section 10(3) of the Act, and estimated that you would decide by "
            "15 January 2027.") in text
    assert "That date passed 2 working days ago" in text
    assert "That day was 21 December 2026" not in text and "Nor have you told me that you need more time" not in text
    assert "section 50" in text and "1. Do you use a risk-scoring system?" in text


def test_chaser_past_the_ico_point_cites_the_twenty_further_working_days():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 18), until=date(2027, 2, 26)).value
    with pytest.raises(ComposerError, match="not due until 2027-01-22"):
        _letter(c, "kent_police", "chaser", date(2027, 1, 22))
    text = _text(_letter(c, "kent_police", "chaser", date(2027, 1, 26)))
    assert "estimated that you would decide by 26 February 2027" in text
    assert "Section 10(3) allows only such further time as is reasonable" in text
    assert ("no more than 20 working days beyond the 20 of section 10(1), which ended on "
            "21 December 2026") in text
    assert "that further time ended on 22 January 2027" in text
    assert "That further time passed 2 working days ago" in text


def test_chaser_after_a_late_extension_notice_keeps_the_statutory_date():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 23), until=date(2027, 1, 15)).value
    text = _text(_letter(c, "kent_police", "chaser", date(2026, 12, 30)))
    assert "That day was 21 December 2026. It passed 5 working days ago" in text
    assert "On 23 December 2026 you told me that you needed more time" in text
    assert "section 17(2) requires it within them, so it did not extend the time" in text


def test_review_and_complaint_count_lateness_from_the_extended_date():
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 18), until=date(2027, 1, 15)).value
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 19), sections=["s31"]).value
    review = _text(_letter(c, "kent_police", "review", date(2027, 1, 20)))
    assert ("The answer came 2 working days after 15 January 2027, the end of the further time taken "
            "under section 10(3)") in review
    assert "last day allowed by section 10(1)" not in review
    c = record(c, force_id="kent_police", status="review-asked", on=date(2027, 1, 20)).value
    c = record(c, force_id="kent_police", status="review-answered", on=date(2027, 2, 10)).value
    complaint = _text(_letter(c, "kent_police", "complaint", date(2027, 2, 12)))
    assert "On 18 December 2026 Kent Police told me that it needed more time" in complaint
    assert "estimated that it would decide by 15 January 2027" in complaint


def test_a_response_within_the_extension_is_not_reported_late(tmp_path, capsys):
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 18), until=date(2027, 1, 15)).value
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 5)).value
    store.create(c)
    response = tmp_path / "kent.txt"
    response.write_text(seed_text("004"), "utf-8")
    assert main(["campaign", "check", "Risk", "kent_police", "--file", str(response)]) == 0
    out = capsys.readouterr().out
    assert "on time: answered 2027-01-05, due 2027-01-15" in out and "LATE" not in out
    assert "extended from 2026-12-21 to 2027-01-15" in out


# -- clarification ------------------------------------------------------------------------------
def test_clarification_reply_restarts_the_clock():
    c = _campaign()
    with pytest.raises(ComposerError, match="has not asked for clarification"):
        _letter(c, "kent_police", "clarification", date(2027, 3, 1))
    c = record(c, force_id="kent_police", status="clarification-asked", on=date(2027, 2, 20), reference="K/77").value
    letter = _letter(c, "kent_police", "clarification", date(2027, 3, 1),
                     message="By risk scoring I mean any score given to a person.")
    text = _text(letter)
    assert "your message of 20 February 2027" in text and "(your reference K/77)" in text
    assert "By risk scoring I mean any score given to a person." in text
    assert "section 1(3)" in text and "no later than 1 April 2027" in text
    assert letter.reference == "K/77" and letter.warnings == []
    placeholder = _letter(c, "kent_police", "clarification", date(2027, 3, 1))
    assert any("placeholder" in w for w in placeholder.warnings)



def test_the_clarification_letter_promises_the_date_the_tracker_holds():
    """The day the letter says the answer is due is the day the tracker keeps once the letter is
    recorded as sent; and once a clarification is recorded, a second letter dated later (which
    would promise a later day than the tracker holds) is refused, naming the recorded one."""
    c = record(_campaign(), force_id="kent_police", status="clarification-asked", on=date(2026, 12, 10)).value
    for on in (date(2026, 12, 14), date(2026, 12, 24), date(2026, 12, 26)):  # a weekday, Christmas Eve, a bank holiday
        promised = re.search(r"no later than (\d+ \w+ \d{4})", _text(_letter(c, "kent_police", "clarification", on)))
        sent = record_sent(c, force_ids=["kent_police"], kind=FollowUpKind.CLARIFICATION, on=on).value
        held = progress(sent.tracked("kent_police"), on)
        assert promised and promised.group(1) == format_date(held.due), on
    c = record(c, force_id="kent_police", status="clarified", on=date(2026, 12, 14)).value
    with pytest.raises(ComposerError, match=r"recorded as sent on 2026-12-14.*due by 2027-01-15"):
        _letter(c, "kent_police", "clarification", date(2026, 12, 16))
    again = _text(_letter(c, "kent_police", "clarification", date(2026, 12, 14)))  # the same letter again
    assert "no later than 15 January 2027" in again
    assert progress(c.tracked("kent_police"), date(2026, 12, 16)).due == date(2027, 1, 15)
    with pytest.raises(ComposerError, match="before .* asked for clarification"):
        _letter(record(_campaign(), force_id="kent_police", status="clarification-asked",
                       on=date(2026, 12, 10)).value, "kent_police", "clarification", date(2026, 12, 9))


# -- internal review ----------------------------------------------------------------------------
def test_a_letter_written_again_the_same_day_with_sent_is_recorded_once(tmp_path, capsys):
    """left8: writing the clarification letter again on its recorded day with `--sent` recorded a
    second "clarified" event that day. Recording the same letter sent on the same day is now done
    once and said so; a chaser likewise adds its note once; another day is a new event."""
    store = CampaignStore()
    c = record(_campaign(), force_id="kent_police", status="clarification-asked", on=date(2026, 12, 10)).value
    store.create(c)
    out = tmp_path / "letters"
    out.mkdir()
    command = ["followup", "Risk", "kent_police", "--kind", "clarification", "-o", str(out), "--format", "txt",
               "--today", "2026-12-14", "--text", "I mean any score.", "--sent"]
    assert main(command) == 0 and "recorded: clarification sent: 1 force" in capsys.readouterr().err
    assert main(command) == 0
    assert ("recorded: Kent Police: already recorded as clarification sent on 2026-12-14, not recorded again"
            in capsys.readouterr().err)
    history = store.load("Risk").tracked("kent_police").history
    assert [(e.status.value, e.on) for e in history[1:]] == [
        ("clarification-asked", date(2026, 12, 10)), ("clarified", date(2026, 12, 14))]
    assert len(list(out.iterdir())) == 2  # the letter is written again (a new file), only not recorded twice
    # two forces, one already recorded: the other is recorded, and both are named for what happened
    c = store.load("Risk")
    done = record_sent(c, force_ids=["kent_police", "police_scotland"], kind=FollowUpKind.CHASER,
                       on=date(2027, 1, 6))
    again = record_sent(done.value, force_ids=["kent_police", "police_scotland"], kind=FollowUpKind.CHASER,
                        on=date(2027, 1, 6))
    assert again.value == done.value and again.ids == ()
    assert again.what == ("Kent Police and Police Scotland: already recorded as chaser sent on 2027-01-06, "
                          "not recorded again")
    later = record_sent(done.value, force_ids=["kent_police"], kind=FollowUpKind.CHASER, on=date(2027, 1, 13))
    assert later.value.tracked("kent_police").notes.splitlines() == ["2027-01-06: chaser sent", "2027-01-13: chaser sent"]


def test_review_uses_the_tracker_and_the_refusal_check():
    c = _campaign()
    c = record(c, force_id="kent_police", status="partly-answered", on=date(2027, 1, 5), sections=["s31", "s40(2)"]).value
    check = check_response(seed_text("004"), act=Act.FOIA, sections=["s31", "s40(2)"])
    text = _text(_letter(c, "kent_police", "review", date(2027, 1, 10), check=check))
    assert "internal review of Kent Police's handling" in text
    assert "answering it in part and relying on section 31 (law enforcement) and section 40(2)" in text
    assert "The answer came 7 working days after the last day allowed by section 10(1)" in text
    assert "qualified exemption" in text and "totals or with identifying details removed" in text
    assert "did not give particulars of your internal review procedure (section 17(7)(a)" in text
    assert "the last day is 2 March 2027, so this request is in time" in text
    assert "by 5 February 2027" in text


def test_review_late_or_too_early():
    c = _campaign()
    with pytest.raises(ComposerError, match="not answered yet"):
        _letter(c, "kent_police", "review", date(2026, 12, 1))
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 10)).value
    letter = _letter(c, "kent_police", "review", date(2027, 2, 11))
    assert any("ended on 2027-02-10" in w for w in letter.warnings)
    assert "so this request is in time" not in _text(letter)
    assert any("placeholder" in w for w in letter.warnings)  # no grounds known


def test_scottish_requirement_for_review():
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 10), sections=["s35(1)(a)"]).value
    letter = _letter(c, "police_scotland", "review", date(2027, 1, 11), message="The systems are public.")
    text = _text(letter)
    assert letter.subject.startswith("Requirement for review")
    assert "Under section 20(1) of the Freedom of Information (Scotland) Act 2002 I require" in text
    assert "section 35(1)(a) (law enforcement)" in text and "The systems are public." in text
    assert "Section 21(1) of the Act requires you to respond within 20 working days" in text


# -- complaint ----------------------------------------------------------------------------------
def test_complaint_to_the_ico():
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 10), sections=["s31"], reference="K/1").value
    c = record(c, force_id="kent_police", status="review-asked", on=date(2027, 1, 11)).value
    c = record(c, force_id="kent_police", status="review-answered", on=date(2027, 2, 1)).value
    letter = _letter(c, "kent_police", "complaint", date(2027, 2, 20))
    text = _text(letter)
    assert letter.recipient == regulator_recipient(Act.FOIA) and "Wycliffe House" in text
    assert "section 50 of the Freedom of Information Act 2000" in text
    assert "Kent Police relied on section 31 (law enforcement), a qualified exemption" in text
    assert "had the outcome on 1 February 2027" in text and "within six weeks" in text
    # QA-S6: the letter goes to the Commissioner, whose reference K/1 is not: it is Kent Police's
    assert "your reference" not in text and "I made the request to Kent Police on" in text
    assert "(Kent Police's reference K/1)" in text
    assert letter.reference == "K/1 (Kent Police's reference)" and "Reference: K/1 (Kent Police's reference)" in text
    assert any("ico.org.uk/make-a-complaint" in w for w in letter.warnings)
    late = _letter(c, "kent_police", "complaint", date(2027, 3, 20))
    assert any("ended on 2027-03-15" in w for w in late.warnings)


def test_application_to_the_sic_needs_a_review_first():
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 10)).value
    with pytest.raises(ComposerError, match="only after requiring"):
        _letter(c, "police_scotland", "complaint", date(2027, 1, 6))
    c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 1, 11)).value
    text = _text(_letter(c, "police_scotland", "complaint", date(2027, 2, 20)))
    assert "Kinburn Castle" in text and "section 47(1)" in text and "section 47(4)" in text
    assert "I required a review under section 20 on 11 January 2027" in text
    assert "The review was not completed within the time allowed by section 21(1)." in text


def test_unknown_kind_and_missing_name():
    with pytest.raises(ComposerError, match="unknown follow-up 'appeal'"):
        _letter(_campaign(), "kent_police", "appeal", date(2027, 1, 6))
    letter = _letter(_campaign(), "kent_police", "chaser", date(2027, 1, 6), requester=Requester())
    assert any("no name" in w for w in letter.warnings) and "[your name]" in _text(letter)


# -- writing them out ---------------------------------------------------------------------------
def test_written_through_the_letters_writers(tmp_path):
    letter = _letter(_campaign(), "kent_police", FollowUpKind.CHASER, date(2027, 1, 6))
    word = write_follow_up(letter, tmp_path / "chaser.docx", "docx")
    body = "\n".join(p.text for p in docx.Document(word).paragraphs)
    assert "That day was 21 December 2026." in body and "Alex Example" in body
    assert "21 December 2026" in write_follow_up(letter, tmp_path / "c.txt", "txt").read_text("utf-8")
    assert "Subject: Overdue" in write_follow_up(letter, tmp_path / "c.eml", "eml").read_text("utf-8")
    with pytest.raises(ComposerError, match="unknown format"):
        write_follow_up(letter, tmp_path / "c.rtf", "rtf")
    assert file_name(FollowUpKind.REVIEW, date(2027, 1, 6), "Police Scotland", Act.FOISA, "Risk", "docx") \
        == "2027-01-06 Police Scotland - Requirement for review - Risk.docx"


def test_a_complaint_is_not_drafted_as_an_email(tmp_path):
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 10)).value
    c = record(c, force_id="kent_police", status="review-asked", on=date(2027, 1, 11)).value
    letter = _letter(c, "kent_police", "complaint", date(2027, 2, 20))
    with pytest.raises(ComposerError, match="website or by post"):
        write_follow_up(letter, tmp_path / "c.eml", "eml")


def test_followup_command_uses_the_attached_response(tmp_path, capsys):
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 5), sections=["s31", "s40"]).value
    response = tmp_path / "kent.txt"
    response.write_text(seed_text("004"), "utf-8")
    c = attach_reply(c, force_id="kent_police", file=store.copy_in(c, "kent_police", response)).value
    store.create(c)
    assert latest_check(store, c, "kent_police").missing
    out_dir = tmp_path / "letters"
    out_dir.mkdir()
    assert main(["followup", "Risk", "kent_police", "--kind", "review", "-o", str(out_dir),
                 "--format", "txt", "--today", "2027-01-10", "--text", "Totals would do."]) == 0
    captured = capsys.readouterr()
    written = out_dir / "2027-01-10 Kent Police - Internal review - Risk scoring.txt"
    assert captured.out.strip() == str(written)
    assert "no name in your profile" in captured.err
    text = written.read_text("utf-8")
    assert "section 17(7)(a)" in text and "Totals would do." in text
    assert main(["followup", "Risk", "kent_police", "--kind", "chaser", "-o", str(out_dir / "x.txt"),
                 "--today", "2027-01-10"]) == 2
    assert "has answered" in capsys.readouterr().err


def test_campaign_check_command(tmp_path, capsys):
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 5)).value
    store.create(c)
    assert main(["campaign", "check", "Risk", "kent_police"]) == 2
    assert "no reply attached for Kent Police can be read" in capsys.readouterr().err
    response = tmp_path / "kent.txt"
    response.write_text(seed_text("004"), "utf-8")
    assert main(["campaign", "attach", "Risk", "kent_police", str(response), "--apply",
                 "--kind", "refused", "--on", "2027-01-05"]) == 0
    capsys.readouterr()
    assert main(["campaign", "check", "Risk", "kent_police"]) == 0
    out = capsys.readouterr().out
    assert "MISSING: explain how to ask for an internal review" in out
    assert "LATE: answered 2027-01-05, due 2026-12-21 (7 working days late" in out


def test_available_kinds_match_what_can_be_written():
    from composer.campaign.deadlines import progress
    from composer.letters.followups import available_kinds

    c = _campaign()
    c = record(c, force_id="police_scotland", status="clarification-asked", on=date(2026, 11, 25)).value
    cases = {
        ("kent_police", date(2026, 12, 1)): [],
        ("kent_police", date(2027, 1, 6)): [FollowUpKind.CHASER, FollowUpKind.REVIEW,
                                             FollowUpKind.COMPLAINT],  # the ICO takes non-answers
        ("police_scotland", date(2027, 1, 6)): [FollowUpKind.CLARIFICATION],
    }
    for (force_id, today), expected in cases.items():
        p = progress(c.tracked(force_id), today)
        assert available_kinds(p) == expected, (force_id, today)
        for kind in FollowUpKind:  # every kind offered is written; every other is refused
            try:
                _letter(c, force_id, kind, today)
                written = True
            except ComposerError:
                written = False
            assert written == (kind in expected), (force_id, today, kind)
    c = record(c, force_id="kent_police", status="extended", on=date(2026, 12, 18), until=date(2027, 1, 15)).value
    assert available_kinds(progress(c.tracked("kent_police"), date(2027, 1, 6))) == []
    assert FollowUpKind.CHASER in available_kinds(progress(c.tracked("kent_police"), date(2027, 1, 18)))
    c = undo_last(c, force_id="kent_police").value
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 10)).value
    kinds = available_kinds(progress(c.tracked("kent_police"), date(2027, 1, 6)))
    assert kinds == [FollowUpKind.REVIEW, FollowUpKind.COMPLAINT]
    for kind in kinds:
        _letter(c, "kent_police", kind, date(2027, 1, 6))


def test_a_force_whose_name_takes_the_reads_so_mid_sentence_and_at_a_sentence_start():
    request = Request(title="Risk scoring", parts=[Part(text="Do you use a risk-scoring system?")])
    c = new_campaign(name="Met", request=request, forces=load_directory().resolve("the_met"),
                     sent=SENT).value
    chaser = _text(_letter(c, "the_met", "chaser", date(2027, 1, 6)))
    assert "I asked the Metropolitan Police Service for information" in chaser
    review = _text(_letter(c, "the_met", "review", date(2027, 1, 6)))
    assert "an internal review of the Metropolitan Police Service's handling" in review
    c = record(c, force_id="the_met", status="refused", on=date(2026, 12, 10), sections=["s40(2)"]).value
    c = record(c, force_id="the_met", status="review-asked", on=date(2027, 1, 11)).value
    c = record(c, force_id="the_met", status="review-answered", on=date(2027, 2, 1)).value
    complaint = _text(_letter(c, "the_met", "complaint", date(2027, 2, 20)))
    assert "a decision whether the Metropolitan Police Service has dealt" in complaint
    assert "The Metropolitan Police Service relied on section 40(2)" in complaint
    assert "copies of my request, the Metropolitan Police Service's response" in complaint
    assert not re.search(r"(^|[.:] )the Metropolitan", complaint, re.MULTILINE)  # a capital to begin


@pytest.mark.parametrize("spelling", ["slash", "no-suffix"])
def test_followup_to_a_folder_not_yet_made(tmp_path, capsys, spelling):
    """`-o letters/` (or `-o letters`) names a folder even before it exists: the letter goes
    inside it under its own name, not into a file called `letters`."""
    store = CampaignStore()
    store.create(_campaign())
    target = tmp_path / "letters"
    arg = str(target) + os.sep if spelling == "slash" else str(target)
    assert main(["followup", "Risk", "kent_police", "--kind", "chaser", "-o", arg,
                 "--today", "2027-01-10"]) == 0
    assert target.is_dir()
    written = [p.name for p in target.iterdir()]
    assert written == ["2027-01-10 Kent Police - Chaser - Risk scoring.docx"], written
    assert capsys.readouterr().out.strip() == str(target / written[0])


@pytest.mark.parametrize("force_id, act_title", [
    ("kent_police", "Freedom of Information Act 2000"),
    ("police_scotland", "Freedom of Information (Scotland) Act 2002"),
])
@pytest.mark.parametrize("kind", ["clarification", "chaser", "review"])
def test_a_follow_up_names_its_act_before_calling_it_the_act(force_id, act_title, kind):
    """A follow-up that cites "section 1(3) of the Act" says which Act first: the letter may be
    read by someone who never saw the request (an internal reviewer, the Commissioner)."""
    c = _campaign()
    if kind == "clarification":
        c = record(c, force_id=force_id, status="clarification-asked", on=date(2026, 12, 1)).value
        today = date(2026, 12, 3)
    elif kind == "chaser":
        today = date(2027, 1, 6)
    else:
        c = record(c, force_id=force_id, status="refused", on=date(2026, 12, 10), sections=["s31"]).value
        today = date(2027, 1, 6)
    letter = _letter(c, force_id, kind, today, message="Words.")
    body = "\n".join([*letter.before, *letter.after])
    assert act_title in body, body
    first_named = body.index(act_title)
    assert "of the Act" not in body[:first_named]


def test_an_output_folder_that_is_a_file_says_so_without_the_data_folder_hint(tmp_path, capsys,
                                                                              monkeypatch):
    """`-o fl` where `fl` is a file of the user's: the line names it and says what to do there;
    FOI_COMPOSER_HOME, which moves only the data folder, is no help and is not offered."""
    store = CampaignStore()
    store.create(_campaign())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fl").write_text("mine", "utf-8")
    assert main(["followup", "Risk", "kent_police", "--kind", "chaser", "-o", "fl/",
                 "--today", "2027-01-10"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "fl" in err, err
    assert "FOI_COMPOSER_HOME" not in err and "a file stands where a folder should be" in err
    assert (tmp_path / "fl").read_text("utf-8") == "mine"


def test_an_unknown_force_in_followup_is_guessed_not_listed(capsys):
    """A force id the campaign does not hold: one short line with the nearest ids and where to
    see them all, never the whole list of a big campaign's forces."""
    store = CampaignStore()
    store.create(new_campaign(name="Big", request=Request(title="T", parts=[Part(text="How many?")]),
                              forces=load_directory().resolve("territorial"), sent=SENT).value)
    assert main(["followup", "Big", "kent_polce", "--kind", "chaser", "-o", "x/",
                 "--today", "2027-01-10"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean kent_police" in err, err
    assert "campaign show" in err and "police_scotland" not in err
    assert main(["followup", "Big", "nowhere", "--kind", "chaser", "-o", "x/",
                 "--today", "2027-01-10"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "campaign show" in err and "police_scotland" not in err, err


def test_a_title_fitted_to_every_force_names_each_force_in_its_follow_ups(tmp_path, capsys):
    """QA-S6: a fitted title ('Does {force_name} use …') is filled for the force a chaser goes
    to, in its subject, its text and its file name, never left in braces."""
    request = Request(title="Does {force_name} use risk scores?", parts=[Part(text="Do you use one?")])
    store = CampaignStore()
    store.create(new_campaign(name="Fitted", request=request,
                              forces=load_directory().resolve("kent_police,police_scotland"), sent=SENT).value)
    letter = _letter(store.load("Fitted"), "police_scotland", "chaser", date(2027, 1, 6))
    assert letter.subject == "Overdue: Freedom of Information request: Does Police Scotland use risk scores?"
    assert "about ‘Does Police Scotland use risk scores?’" in _text(letter)
    assert main(["followup", "Fitted", "kent_police", "--kind", "chaser", "-o", f"{tmp_path}/letters/",
                 "--today", "2027-01-06"]) == 0
    assert [p.name for p in (tmp_path / "letters").iterdir()] == [
        "2027-01-06 Kent Police - Chaser - Does Kent Police use risk scores.docx"]
    capsys.readouterr()
    assert main(["campaign", "show", "Fitted", "--today", "2027-01-06"]) == 0
    assert capsys.readouterr().out.startswith("Fitted: Does the force use risk scores? (2 forces")


def test_a_follow_up_to_a_force_with_no_address_says_how_to_add_it():
    request = Request(title="Risk scoring", parts=[Part(text="Do you use a risk-scoring system?")])
    campaign = new_campaign(name="Glos", request=request, forces=load_directory().resolve("gloucestershire_police"),
                            sent=SENT).value
    letter = _letter(campaign, "gloucestershire_police", FollowUpKind.CHASER, date(2026, 12, 23))
    assert any("--set-email gloucestershire_police ADDRESS" in w for w in letter.warnings)
    kent = _letter(_campaign(), "kent_police", FollowUpKind.CHASER, date(2026, 12, 23))
    assert not any("no FOI email address" in w for w in kent.warnings)  # (its address is unconfirmed: said apart)


def test_a_chaser_for_every_overdue_force_from_one_command(tmp_path, capsys):
    """QA-S7: 44 of 49 forces late took 44 `followup` commands (the app's Chaser button takes
    them all); `overdue` (or ids separated by commas) writes one letter each into the folder."""
    store = CampaignStore()
    c = record(_campaign(), force_id="kent_police", status="answered", on=date(2026, 12, 10)).value
    c = add_forces_to(c, "wmp,the_met")
    store.create(c)
    assert main(["followup", "Risk", "overdue", "--kind", "chaser", "-o", str(tmp_path / "late"),
                 "--today", "2027-01-06", "--sent"]) == 0
    out = capsys.readouterr()
    assert sorted(p.name for p in (tmp_path / "late").iterdir()) == [
        "2027-01-06 Metropolitan Police Service - Chaser - Risk scoring.docx",
        "2027-01-06 Police Scotland - Chaser - Risk scoring.docx",
        "2027-01-06 West Midlands Police - Chaser - Risk scoring.docx"]  # Kent answered
    assert "recorded:" in out.err
    assert "chaser sent" in store.load("Risk").tracked("wmp").notes
    assert main(["followup", "Risk", "wmp, the_met", "--kind", "chaser", "-o", str(tmp_path / "two"),
                 "--today", "2027-01-06"]) == 0
    assert len(list((tmp_path / "two").iterdir())) == 2
    assert main(["followup", "Risk", "overdue", "--kind", "chaser", "-o", str(tmp_path / "x"),
                 "--today", "2026-12-01"]) == 2
    assert "no force in 'Risk' is overdue on 2026-12-01" in capsys.readouterr().err


def add_forces_to(campaign, ids):
    from composer.operations.campaign import add_forces

    return add_forces(campaign, forces=load_directory().resolve(ids), sent=SENT).value


def test_a_refusal_notice_kept_as_word_or_pdf_is_checked_too(tmp_path, capsys):
    """QA-S9: forces send refusal notices as PDFs, and `campaign attach` reads them, but what the
    notice lacks was read only from an attached .txt: a review or complaint written after a Word
    or PDF notice said nothing of it, `campaign check` said "no text file attached", and
    `check-response notice.docx` refused the file as "a binary file, not a response"."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2027, 1, 5), sections=["s31", "s40"]).value
    notice = docx.Document()
    for line in seed_text("004").splitlines():
        notice.add_paragraph(line)
    response = tmp_path / "kent.docx"
    notice.save(response)
    c = attach_reply(c, force_id="kent_police", file=store.copy_in(c, "kent_police", response)).value
    store.create(c)
    check = latest_check(store, c, "kent_police")
    assert check is not None and check.missing
    assert main(["campaign", "check", "Risk", "kent_police"]) == 0
    from_word = capsys.readouterr().out
    assert main(["campaign", "check", "Risk", "kent_police", "--file", str(response)]) == 0
    assert capsys.readouterr().out == from_word
    assert main(["check-response", str(response), "--force", "kent_police"]) == 0
    out = capsys.readouterr().out
    assert "s31" in out and "s40" in out, out
