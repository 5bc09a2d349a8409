"""What a follow-up letter puts as grounds, checked against the law for each step of a campaign
(session 10: a campaign followed through to the Met, West Midlands, Police Scotland and PSNI)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import seed_text

from composer.campaign.store import CampaignStore
from composer.cli import main
from composer.forces import load_directory
from composer.letters import letter_as_text
from composer.model import Part, Request
from composer.operations.campaign import attach_reply, new_campaign, record
from composer.operations.followups import latest_check

SENT = date(2026, 11, 20)  # due 2026-12-21 under both Acts


def _campaign(ids="kent_police,wmp,police_scotland,psni"):
    request = Request(title="Risk scoring", parts=[
        Part(text="Do you use a risk-scoring system?"),
        Part(text="What is it called?", condition="if_yes"),
    ])
    return new_campaign(name="Risk", request=request, forces=load_directory().resolve(ids),
                        sent=SENT).value


def _attach(store, campaign, force_id, tmp_path, text, kind=""):
    path = tmp_path / f"{force_id}-{len(campaign.tracked(force_id).attachments)}.txt"
    path.write_text(text, "utf-8")
    return attach_reply(campaign, force_id=force_id, file=store.copy_in(campaign, force_id, path),
                        kind=kind).value


def _write(kind, force_id, today, tmp_path, capsys) -> str:
    out = tmp_path / f"{force_id}-{kind}.txt"
    assert main(["followup", "Risk", force_id, "--kind", kind, "-o", str(out), "--today", today]) == 0
    capsys.readouterr()
    return out.read_text("utf-8")


ACKNOWLEDGEMENT = """Our reference: K/2026/55

Thank you for your email, received on 20 November 2026. Your request is being dealt with under
the Freedom of Information Act 2000 and you will have a reply within 20 working days.
"""


def test_a_review_of_a_full_answer_asks_nothing_of_a_refusal_notice(tmp_path, capsys):
    """An answer in full needs no refusal notice (s17 is for refusals): a review of it put the
    missing parts of one (no exemption named, no reasons, no review procedure) as four grounds,
    from West Midlands Police's answer in an attachment (seed 001, read from ../shared/seeds)."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="wmp", status="answered", on=date(2026, 12, 18)).value
    answer = seed_text("001")
    c = _attach(store, c, "wmp", tmp_path, answer[answer.index("Response"):], kind="answered")
    store.create(c)
    assert latest_check(store, c, "wmp") is None
    text = _write("review", "wmp", "2027-01-04", tmp_path, capsys)
    assert "section 17" not in text and "The response did not" not in text
    assert "[Say why you are not satisfied" in text  # the reasons are the requester's to give
    assert main(["campaign", "check", "Risk", "wmp"]) == 2
    assert "no refusal notice is attached for West Midlands Police" in capsys.readouterr().err


def test_a_complaint_about_no_answer_reads_no_acknowledgement_as_a_refusal(tmp_path, capsys):
    """A force that acknowledged the request and then said nothing more: the complaint to the ICO
    is about the missing answer (s10(1)), not about what the acknowledgement lacks as a refusal
    notice (it said, wrongly, that the 'response' named no exemption and gave no reasons)."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="acknowledged", on=SENT).value
    c = _attach(store, c, "kent_police", tmp_path, ACKNOWLEDGEMENT, kind="acknowledgement")
    store.create(c)
    text = _write("complaint", "kent_police", "2027-01-20", tmp_path, capsys)
    assert "I have had no answer to my request, although it was due no later than 21 December 2026" in text
    assert "The response did not" not in text and "section 17(1)" not in text


def test_a_refusal_notice_is_still_checked_when_an_acknowledgement_came_after_it(tmp_path, capsys):
    """The gaps of the refusal notice itself stay grounds, even when a later, lesser message (an
    acknowledgement of the review request) is the latest file attached."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="kent_police", status="refused", on=date(2026, 12, 18), sections=["s31"]).value
    notice = ("Our reference: K/2026/55\n\nI am refusing your request under section 31(1)(a) of the "
              "Freedom of Information Act 2000 (law enforcement), as disclosure would prejudice the "
              "prevention of crime.\n")
    c = _attach(store, c, "kent_police", tmp_path, notice, kind="refused")
    c = _attach(store, c, "kent_police", tmp_path, ACKNOWLEDGEMENT, kind="acknowledgement")
    store.create(c)
    check = latest_check(store, c, "kent_police")
    assert check is not None and any(c.startswith("s31") for c in check.cited)
    text = _write("review", "kent_police", "2027-01-04", tmp_path, capsys)
    assert "did not give particulars of your internal review procedure (section 17(7)(a)" in text


# -- a refusal on cost with no advice -------------------------------------------------------------
COST_REFUSAL = """Our reference: IM-FOI-2026-0001

Locating and retrieving the figures you ask for would mean reading every custody record by hand,
and the cost of complying would exceed the limit set by the Fees Regulations. Section 12(1) of the
Act therefore applies.

You may ask for a review of this decision within 40 working days, and if you remain dissatisfied
you may apply to the Scottish Information Commissioner.
"""


@pytest.mark.parametrize("kind", ["review", "complaint"])
def test_a_refusal_on_cost_without_advice_is_challenged_for_it_once(tmp_path, capsys, kind):
    """Police Scotland refusing under s12 and advising nothing: the requirement for review and the
    application to the Commissioner said so twice (one ground asking for advice, one saying the
    notice gave none); it is one ground that says the advice was not given, under the advice
    section of the force's own Act."""
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 18),
               sections=["s12(1)"]).value
    c = _attach(store, c, "police_scotland", tmp_path, COST_REFUSAL, kind="refused")
    if kind == "complaint":
        c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 1, 4)).value
    store.create(c)
    text = _write(kind, "police_scotland", "2027-01-04" if kind == "review" else "2027-02-15",
                  tmp_path, capsys)
    assert text.count("section 15") == 1 and "section 16" not in text
    assert "without advising me what it could provide within the limit" in text or \
        "you gave me no advice on what you could provide within the limit" in text
    assert "The response did not advise me" not in text
    assert "not deciding whether it is held" in text  # FOISA's Fees Regulations leave that out


# -- neither confirm nor deny ---------------------------------------------------------------------
def _ncnd_campaign(tmp_path, part_2: str):
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="psni", status="partly-answered", on=date(2026, 12, 18),
               sections=["s23(5)", "s24(2)", "s31(3)"]).value
    notice = ("Reference F-2026-1\n\nPart 1: not held. For part 2 PSNI can neither confirm nor deny "
              "that it holds the information, under sections 23(5), 24(2) and 31(3).\n")
    path = tmp_path / "psni.txt"
    path.write_text(notice, "utf-8")
    c = attach_reply(c, force_id="psni", file=store.copy_in(c, "psni", path), kind="partly-answered",
                     parts={"1": "not held", "2": part_2}).value
    store.create(c)
    return c


def test_a_neither_confirm_nor_deny_is_challenged_as_one_not_as_information_withheld(tmp_path, capsys):
    """An NCND excludes the duty to say whether information is held (FOIA s1(1)(a)), and for a
    qualified exemption only where the public interest favours that (s2(1)(b)): the review asked
    PSNI to 'release every part' of information it had never said it held, and argued each
    section as a withholding."""
    _ncnd_campaign(tmp_path, "neither confirm nor deny s23(5) s24(2) s31(3)")
    text = _write("review", "psni", "2027-01-04", tmp_path, capsys)
    assert "For part 2 you neither confirmed nor denied that you hold the information" in text
    assert "section 1(1)(a)" in text.lower() and "section 2(1)(b)" in text
    assert "for sections 24(2) and 31(3), whether the public interest" in text  # s23 is absolute
    assert "release every part" not in text and "On section 24(2)" not in text
    complaint = _write("complaint", "psni", "2027-01-05", tmp_path, capsys)
    assert "For part 2 the Police Service of Northern Ireland neither confirmed nor denied that it holds" in complaint
    assert "I ask the Commissioner to decide whether saying whether it is held would do that" in complaint


def test_sections_used_for_a_refusal_as_well_as_an_ncnd_are_still_argued(tmp_path, capsys):
    """Only the sections the force used to neither confirm nor deny are argued as such: the one
    it withheld information under keeps its own ground."""
    _ncnd_campaign(tmp_path, "neither confirm nor deny s23(5)")
    text = _write("review", "psni", "2027-01-04", tmp_path, capsys)
    assert "relying on section 23(5)" in text and "section 2(1)(b)" not in text
    assert "On section 24(2) (national security): this is a qualified exemption" in text


def test_police_scotlands_ncnd_is_put_under_section_18(tmp_path, capsys):
    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 18),
               sections=["s18", "s35(1)(a)"]).value
    path = tmp_path / "ps.txt"
    path.write_text("Police Scotland neither confirms nor denies that it holds the information.\n", "utf-8")
    c = attach_reply(c, force_id="police_scotland", file=store.copy_in(c, "police_scotland", path),
                     kind="refused", parts={"1": "ncnd s18 s35(1)(a)", "2": "ncnd s18 s35(1)(a)"}).value
    store.create(c)
    text = _write("review", "police_scotland", "2027-01-04", tmp_path, capsys)
    assert "For parts 1 and 2 you neither confirmed nor denied" in text
    assert "Section 18 allows a force to refuse to reveal whether information exists" in text
    assert "contrary to the public interest" in text and "section 1(1)(a)" not in text


# -- a chaser sent, and what follows it -----------------------------------------------------------
def test_after_a_chaser_the_tracker_moves_on_to_the_commissioner():
    """The Met (FOIA) and Police Scotland (FOISA) both silent past 21 December 2026 and chased on
    6 January 2027: the tracker said 'send a chaser' for ever after. The chaser gives ten working
    days (to 20 January) and says what follows; the ICO asks that a missing answer be followed up
    before a complaint, so after them the next step is the complaint under s50; under FOISA a
    failure to respond is reviewable (s20(1)), with the s20(5)(a) date."""
    from composer.campaign.deadlines import progress
    from composer.letters.followups import FollowUpKind
    from composer.operations.campaign import record_sent

    c = _campaign("the_met,police_scotland")
    before = progress(c.tracked("the_met"), date(2027, 1, 6))
    assert before.next_step == "the answer is late: send a chaser" and before.chased is None
    c = record_sent(c, force_ids=["the_met", "police_scotland"], kind=FollowUpKind.CHASER,
                    on=date(2027, 1, 6)).value
    met = progress(c.tracked("the_met"), date(2027, 1, 7))
    assert met.chased == date(2027, 1, 6) and met.chaser_ends == date(2027, 1, 20)
    assert met.next_step == ("the answer is late, chased on 2027-01-06: complain to the ICO if it "
                             "has not come by 2027-01-20")
    assert met.overdue  # the force is no less late for being chased
    later = progress(c.tracked("the_met"), date(2027, 1, 21))
    assert later.next_step == "the answer is late and the chaser of 2027-01-06 brought none: complain to the ICO"
    scotland = progress(c.tracked("police_scotland"), date(2027, 1, 21))
    assert scotland.next_step.startswith("the answer is late, chased on 2027-01-06: require a review by ")
    answered = record(c, force_id="the_met", status="answered", on=date(2027, 1, 22)).value
    assert progress(answered.tracked("the_met"), date(2027, 1, 23)).next_step.startswith("if not satisfied")


def test_a_chaser_sent_before_the_answer_was_due_is_no_chaser():
    from composer.campaign.deadlines import progress
    from composer.letters.followups import FollowUpKind
    from composer.operations.campaign import record_sent

    c = _campaign("the_met")
    c = record_sent(c, force_ids=["the_met"], kind=FollowUpKind.CHASER, on=date(2026, 12, 10)).value
    p = progress(c.tracked("the_met"), date(2027, 1, 6))
    assert p.chased is None and p.next_step == "the answer is late: send a chaser"


def test_a_complaint_about_silence_says_it_was_chased_or_asks_for_a_chaser_first(tmp_path, capsys):
    """ICO: with no answer after 20 working days, follow it up with the authority before
    complaining. The complaint warned instead that the ICO expects an internal review first."""
    from composer.letters.followups import FollowUpKind, follow_up_letter
    from composer.model import Requester
    from composer.operations.campaign import record_sent

    me = Requester(name="Alex Example", email="alex@example.org")
    c = _campaign("the_met")
    unchased = follow_up_letter(c, "the_met", "complaint", requester=me, today=date(2027, 1, 21))
    assert any("followed up a missing answer with the force" in w for w in unchased.warnings)
    assert not any("internal review" in w for w in unchased.warnings)
    c = record_sent(c, force_ids=["the_met"], kind=FollowUpKind.CHASER, on=date(2027, 1, 6)).value
    chased = follow_up_letter(c, "the_met", "complaint", requester=me, today=date(2027, 1, 21))
    text = letter_as_text(chased, heading=True)
    assert "I wrote on 6 January 2027 to say that the answer was overdue" in text
    assert "my letter saying the answer was overdue" in text
    assert not any("followed up" in w or "internal review" in w for w in chased.warnings)


def test_a_late_answer_is_not_shown_as_a_late_review(capsys):
    """Police Scotland answered ten working days late, and a review was asked for: the tracker's
    line read 'review due 2027-02-02 late' on the day the review was still in time."""
    from composer.campaign.deadlines import progress

    store = CampaignStore()
    c = _campaign("police_scotland")
    c = record(c, force_id="police_scotland", status="refused", on=date(2027, 1, 8), sections=["s12"]).value
    assert progress(c.tracked("police_scotland"), date(2027, 1, 8)).answered_late
    c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 1, 11)).value
    store.create(c)
    p = progress(c.tracked("police_scotland"), date(2027, 1, 12))
    assert p.late_by and not p.answered_late
    assert main(["campaign", "show", "Risk", "--today", "2027-01-12"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("police_scotland"))
    assert "review due 2027-02-08" in line and " late " not in line, line


def test_an_unanswered_review_in_scotland_is_not_sent_to_the_commissioner_for_ever():
    """FOISA s47(4)(b): the application is made within six months of the day the review's response
    was due. Years later the tracker still said 'apply to the Scottish Information Commissioner'
    and counted the force overdue."""
    from composer.campaign.deadlines import progress

    c = _campaign("police_scotland")
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 18)).value
    c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 1, 11)).value
    in_time = progress(c.tracked("police_scotland"), date(2027, 3, 1))
    assert in_time.review_due == date(2027, 2, 8) and in_time.complain_by == date(2027, 8, 8)
    assert in_time.next_step == "the review is late: apply to the Scottish Information Commissioner"
    assert in_time.overdue
    gone = progress(c.tracked("police_scotland"), date(2027, 8, 9))
    assert gone.next_step == ("the review is late, and the time to apply to the Scottish Information "
                              "Commissioner ended on 2027-08-08")
    assert not gone.overdue
    from composer.letters.followups import FollowUpKind, available_kinds, follow_up_letter
    from composer.model import Requester

    assert FollowUpKind.COMPLAINT in available_kinds(gone)  # late, but the Commissioner may take it
    letter = follow_up_letter(c, "police_scotland", "complaint", today=date(2027, 8, 9),
                              requester=Requester(name="Alex Example", email="alex@example.org"))
    assert any("ended on 2027-08-08: say why it is late" in w for w in letter.warnings)


def test_no_second_chaser_while_the_first_still_runs(tmp_path, capsys):
    """`followup overdue --kind chaser` a week after the last one chased every late force again,
    though each chaser had said it gave ten working days: a force chased within them is named
    and left out (the same day's letter can still be written again); after them it may be
    chased again, though the tracker's step is then the complaint."""
    from composer.campaign.deadlines import progress
    from composer.letters.followups import FollowUpKind, available_kinds

    store = CampaignStore()
    store.create(_campaign("the_met,wmp"))
    folder = tmp_path / "chasers"
    assert main(["followup", "Risk", "the_met", "--kind", "chaser", "-o", str(folder),
                 "--today", "2027-01-06", "--sent"]) == 0
    assert main(["followup", "Risk", "the_met", "--kind", "chaser", "-o", str(folder),
                 "--today", "2027-01-06"]) == 0  # the same letter, written again
    capsys.readouterr()
    assert main(["followup", "Risk", "overdue", "--kind", "chaser", "-o", str(folder),
                 "--today", "2027-01-13"]) == 0
    captured = capsys.readouterr()
    assert "you chased Metropolitan Police Service on 2027-01-06, and the 10 working days it gave run to 2027-01-20" in captured.err
    assert [line for line in captured.out.splitlines() if "2027-01-13" in line] == [
        str(folder / "2027-01-13 West Midlands Police - Chaser - Risk scoring.docx")]
    met = store.load("Risk").tracked("the_met")
    assert FollowUpKind.CHASER not in available_kinds(progress(met, date(2027, 1, 13)))
    assert FollowUpKind.COMPLAINT in available_kinds(progress(met, date(2027, 1, 13)))
    assert FollowUpKind.CHASER in available_kinds(progress(met, date(2027, 1, 21)))


def test_a_chaser_does_not_invite_an_extension_whose_time_has_passed():
    """The FOIA chaser said 'If you need more time to weigh the public interest, section 17(2)
    required you to tell me so within those 20 working days': past those days, that reads as an
    invitation to extend now; it says instead that no notice came, so no time was added."""
    from composer.letters.followups import follow_up_letter
    from composer.model import Requester

    letter = follow_up_letter(_campaign("the_met"), "the_met", "chaser", today=date(2027, 1, 6),
                              requester=Requester(name="Alex Example", email="alex@example.org"))
    text = letter_as_text(letter, heading=True)
    assert "If you need more time" not in text
    assert ("Nor have you told me that you need more time to weigh the public interest: section "
            "17(2) required that within those 20 working days") in text
    assert "so the time for your answer has not been extended" in text


def test_a_review_of_a_missing_answer_gives_the_due_date_once():
    """Police Scotland silent after the clarification: the requirement for review said 'You have
    not answered it, although the answer was due no later than …' and then, as its first reason,
    the same again."""
    from composer.letters.followups import follow_up_letter
    from composer.model import Requester

    letter = follow_up_letter(_campaign("police_scotland"), "police_scotland", "review",
                              today=date(2027, 1, 20),
                              requester=Requester(name="Alex Example", email="alex@example.org"))
    text = letter_as_text(letter, heading=True)
    assert text.count("21 December 2026") == 1
    assert "1. I have had no answer to my request, although it was due no later than 21 December 2026" in text


def test_an_application_to_the_sic_is_called_one():
    """FOISA s47(1) makes it an application, as the letter's first line says; its grounds were
    headed 'My complaint is as follows'."""
    from composer.letters.followups import follow_up_letter
    from composer.model import Requester

    c = _campaign("police_scotland,kent_police")
    me = Requester(name="Alex Example", email="alex@example.org")
    for force_id in ("police_scotland", "kent_police"):
        c = record(c, force_id=force_id, status="refused", on=date(2026, 12, 18), sections=["s12"]).value
        c = record(c, force_id=force_id, status="review-asked", on=date(2027, 1, 4)).value
    scottish = letter_as_text(follow_up_letter(c, "police_scotland", "complaint", today=date(2027, 2, 15),
                                               requester=me), heading=True)
    assert "The grounds of my application are as follows." in scottish and "My complaint" not in scottish
    assert "my requirement for review" in scottish and "my request for review" not in scottish
    english = letter_as_text(follow_up_letter(c, "kent_police", "complaint", today=date(2027, 2, 15),
                                              requester=me), heading=True)
    assert "My complaint is as follows." in english and "my request for review" in english
