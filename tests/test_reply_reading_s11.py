"""Reading a force's reply (session 11): what a request for clarification asks, and the day a
force waits for an answer until. Every reply here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from composer.replies import ReplyKind, read_reply

CLARIFY = """Dear Ms Tester,

Thank you for your request received on 20 November 2026.

{asks}

{closing}

Yours sincerely,
Information Management
"""


def test_a_quoted_question_before_do_you_mean_is_said_once():
    """'Could you please clarify what you mean by "risk scoring"? Do you mean …?' gave the first
    question twice in `asks:`: it was taken once as a question and again as the sentence that
    quotes the phrase the next one asks about."""
    asks = ('Could you please clarify what you mean by "risk scoring"? Do you mean a score given to a '
            "person, or a score given to a place? Please specify the period you are interested in.")
    reading = read_reply(CLARIFY.format(asks=asks, closing=""))
    assert reading.kind is ReplyKind.CLARIFICATION
    assert reading.asked.count("risk scoring") == 1
    assert reading.asked == asks  # all three sentences, in the letter's order


def test_the_phrase_quoted_before_do_you_mean_is_kept_with_it():
    asks = ('The phrase "hot spot" has been used for several products. Do you mean the daily map, '
            "or the quarterly one?")
    reading = read_reply(CLARIFY.format(asks=asks, closing=""))
    assert reading.asked == asks


@pytest.mark.parametrize("closing", [
    "If we do not hear from you by 29 January 2027 we will consider your request closed.",
    "If we do not hear back by 29 January 2027, no further action will be taken on your request.",
    "Your request will be closed on 29 January 2027 if we have not heard from you.",
    "After 29 January 2027 we will treat your request as withdrawn.",
    "If there is no word from you by 29 January 2027 the request will be deemed abandoned.",
    "If you have not got back to us by 29 January 2027 we will presume you do not want to proceed.",
    "If we do not receive what we need by 29 January 2027, we will be unable to progress your request.",
    "Unless we hear from you before 29 January 2027, we will treat the request as having lapsed.",
])
def test_the_day_the_force_waits_until_is_read_in_its_common_forms(closing):
    reading = read_reply(CLARIFY.format(asks='We need to know which system you mean by "risk scoring".',
                                        closing=closing))
    assert reading.kind is ReplyKind.CLARIFICATION
    assert reading.dates.get("reply_by") == date(2027, 1, 29)


def test_a_day_something_closed_on_is_not_a_day_to_reply_by():
    reading = read_reply("Dear Ms Tester,\n\nThe station on Long Street closed on 3 March 2019. The "
                         "answer to your request is attached.\n\nYours sincerely,\nInformation Management\n")
    assert "reply_by" not in reading.dates


# -- the public interest test, in the shapes notices write it ----------------------------------------
from composer.model import Act  # noqa: E402
from composer.responses import Element, check_response  # noqa: E402

NOTICE = """Dear Mr Tester,

Section 31(1)(a) applies to part 2 of your request. Disclosure would reveal the places the force
watches and would prejudice the prevention of crime.

{pit}

If you are unhappy with this response you may ask for an internal review, and then complain to the
Information Commissioner.
"""


@pytest.mark.parametrize("pit", [
    "Having weighed the public interest, the force considers that the balance falls in favour of "
    "maintaining the exemption.",
    "Considerations favouring release include transparency. Considerations against release include "
    "the harm to operations.",
    "We have weighed up the arguments for and against disclosure and concluded that the exemption "
    "should be maintained.",
    "On balance, the public interest favours withholding the information.",
    "The public interest lies in maintaining the exemption.",
    "Weighing these factors, we find the balance lies with non-disclosure.",
    "After weighing the competing interests, the force has decided that the information should be withheld.",
])
def test_a_public_interest_test_is_found_in_its_usual_shapes(pit):
    check = check_response(NOTICE.format(pit=pit), act=Act.FOIA)
    assert Element.PUBLIC_INTEREST in check.present
    assert not [r for r in check.missing if r.element is Element.PUBLIC_INTEREST]


def test_no_public_interest_test_is_still_missing():
    check = check_response(NOTICE.format(pit="Section 23(5) is absolute, so there is no requirement to "
                                             "consider the public interest test."), act=Act.FOIA)
    assert [r.citation for r in check.missing] == ["s17(3)"]


def test_the_test_written_after_an_absolute_exemption_counts_for_the_qualified_ones():
    """A neither-confirm-nor-deny notice under s23(5), s24(2) and s31(3) whose test follows the
    paragraph on the absolute s23(5): it was filed under s23, which needs none, and the review
    said the public interest reasons were missing."""
    notice = ("Dear Mr Tester,\nSections 24(2) and 31(3) allow the force to neither confirm nor deny "
              "that it holds the information, as to do so would reveal its capability.\nSection 23(5) "
              "is absolute.\nHaving weighed the public interest, the force considers that the balance "
              "falls in favour of neither confirming nor denying.\nYou may ask for an internal review "
              "and complain to the Information Commissioner.\n")
    check = check_response(notice, act=Act.FOIA)
    assert Element.PUBLIC_INTEREST in check.present


def test_personal_data_balancing_is_not_a_public_interest_test():
    notice = ("Dear Mr Tester,\nSection 31(1)(a) applies; disclosure would prejudice the prevention of "
              "crime.\nSection 40(2) applies to the officers' names: we have balanced the legitimate "
              "interests of the requester against the rights of the officers.\n")
    check = check_response(notice, act=Act.FOIA)
    assert Element.PUBLIC_INTEREST not in check.present


# -- a FOISA s18 notice: what s18(2) disapplies -------------------------------------------------------
# FOISA s18(2): "Neither paragraph (a) of subsection (1) of section 16 nor subsection (2) of that
# section applies" to a notice given by virtue of s18; s16(1)(c) and (d) still do (the Scottish
# Information Commissioner lists them for a valid s18 notice).
S18_GIVEN = ("Dear Jo Tester,\n\nPolice Scotland can neither confirm nor deny that it holds the information "
             "you asked for, under section 18 of the Act. If it were held it would be exempt under "
             "section 35(1)(a), because confirming that it exists would show which methods are in use "
             "and so prejudice substantially the prevention of crime.\n\nYou may require a review within "
             "40 working days, and then apply to the Scottish Information Commissioner.\n")


def test_an_s18_notice_needs_no_public_interest_reasons():
    check = check_response(S18_GIVEN, act=Act.FOISA)
    assert check.missing == []
    assert not [r for r in check.required if r.element is Element.PUBLIC_INTEREST]
    assert any("s18(2) disapplies s16(1)(a) and s16(2)" in n for n in check.notes)


def test_an_s18_notice_must_still_name_the_exemption_and_say_why():
    bare = ("Dear Jo Tester,\n\nPolice Scotland can neither confirm nor deny that it holds the information, "
            "under section 18 of the Act.\n\nYou may require a review, and then apply to the Scottish "
            "Information Commissioner.\n")
    check = check_response(bare, act=Act.FOISA)
    assert [r.citation for r in check.missing] == ["s16(1)(c)", "s16(1)(d)"]
    with_36 = check_response(bare.replace("section 18 of the Act", "section 18 with section 36(2)"),
                             act=Act.FOISA)
    assert any("s36(2) is not among them" in n for n in with_36.notes)


def test_a_requirement_for_review_of_an_s18_notice_asks_for_no_public_interest_reasons(tmp_path, capsys):
    """The requirement for review of Police Scotland's s18 notice listed 'no public interest reasons
    (s16(2))', which s18(2) disapplies for such a notice."""
    from test_followups_grounds import _attach, _campaign, _write

    from composer.campaign.store import CampaignStore
    from composer.operations.campaign import record

    store = CampaignStore()
    c = _campaign()
    c = record(c, force_id="police_scotland", status="refused", on=date(2026, 12, 18),
               sections=["s18"]).value
    bare = S18_GIVEN.replace(" If it were held it would be exempt under section 35(1)(a), because "
                             "confirming that it exists would show which methods are in use and so "
                             "prejudice substantially the prevention of crime.", "")
    c = _attach(store, c, "police_scotland", tmp_path, bare, kind="refused")
    store.create(c)
    text = _write("review", "police_scotland", "2027-01-04", tmp_path, capsys)
    assert "16(2)" not in text and "public interest reasons" not in text
    assert "section 16(1)(c)" in text  # which exemption would apply was not said


# -- coverage: a neither-confirm-nor-deny in its own words ---------------------------------------------
def _risk_campaign():
    from composer.forces import load_directory
    from composer.model import Part, Request
    from composer.operations.campaign import new_campaign

    request = Request(title="Risk scoring", parts=[Part(text="Do you use a risk-scoring system?"),
                                                   Part(text="What is it called?")])
    return new_campaign(name="Risk", request=request, sent=date(2026, 11, 20),
                        forces=load_directory().resolve("kent_police,police_scotland,psni")).value


def test_a_whole_request_ncnd_is_not_counted_among_refusals():
    """Police Scotland's s18 notice for the whole request was counted in '2 refused it (s12 1,
    FOISA s18 1, …)'; it says whether the information is held, not whether it is given."""
    from composer.coverage import State, coverage

    from composer.operations.campaign import record

    c = record(_risk_campaign(), force_id="kent_police", status="refused", on=date(2026, 12, 10),
               sections=["s12"]).value
    readings = {"police_scotland": read_reply(S18_GIVEN, act=Act.FOISA)}
    cov = coverage(c, readings, today=date(2026, 12, 15))
    assert cov.cell("police_scotland", "2").state is State.REFUSED and cov.cell("police_scotland", "2").ncnd
    assert cov.summary("2") == ("0 of 3 forces answered part 2; 1 refused it (s12 1); 1 would neither "
                                "confirm nor deny holding it (FOISA s18 1, FOISA s35(1) 1); 1 no reply yet")


def test_an_ncnd_known_only_from_its_sections_keeps_its_words():
    """A reply confirmed by the user (kind and sections, no words read) and a status recorded by
    hand both keep the NCND: s18 under FOISA, only exclusions of the duty to confirm or deny (s23(5),
    s24(2)) under FOIA; a FOIA refusal with s31(1) beside s23(5) is a refusal."""
    from composer.coverage import coverage, neither_confirms, read_attachments

    from composer.operations.campaign import attach_reply, record

    assert neither_confirms(["s18", "s35(1)"], Act.FOISA)
    assert neither_confirms(["s23(5)", "s24(2)"], Act.FOIA)
    assert not neither_confirms(["s23(5)", "s31(1)"], Act.FOIA) and not neither_confirms([], Act.FOIA)
    c = record(_risk_campaign(), force_id="police_scotland", status="refused", on=date(2026, 12, 10),
               sections=["s18", "s35(1)"]).value
    c = record(c, force_id="psni", status="refused", on=date(2026, 12, 10), sections=["s23(5)", "s24(2)"]).value
    c = attach_reply(c, force_id="psni", file="psni/reply.txt", kind="refused").value
    cov = coverage(c, read_attachments(c, None), today=date(2026, 12, 15))
    assert cov.cell("police_scotland", "1").label == "NCND s18 s35(1)"  # the status alone
    assert cov.cell("psni", "1").label == "NCND s23(5) s24(2)"  # the confirmed reading
    assert "2 would neither confirm nor deny holding it" in cov.summary("1")


# -- "do you still want it?" from a force that has not answered -----------------------------------------
STILL_WANTED = """Dear Jo Tester,

Reference: FOI-2026-7788

I am going through requests that are still open, and yours, received on 20 November 2026, has
not been answered. I apologise for the delay.

As some time has passed, could you let me know whether you still want the information? If you do,
please reply to this email to say so.

If I have not heard from you by 26 February 2027, I will assume that you no longer want it and
will treat the request as withdrawn.

Yours sincerely,
Information Rights Team
"""


def test_a_late_force_asking_whether_you_still_want_it_is_read_as_such():
    reading = read_reply(STILL_WANTED)
    assert reading.kind is ReplyKind.STILL_WANTED
    assert reading.dates["reply_by"] == date(2027, 2, 26)
    # a request for clarification that also says the request lapses is still one
    clarify = STILL_WANTED.replace("could you let me know whether you still want the information?",
                                   "could you clarify what you mean by \"risk scoring\"?")
    assert read_reply(clarify).kind is ReplyKind.CLARIFICATION


def _still_wanted_campaign(force_id="kent_police"):
    from composer.operations.campaign import record_reply

    c = _risk_campaign()
    return record_reply(c, force_id=force_id, file=f"{force_id}/still.txt",
                        reading=read_reply(STILL_WANTED), on=date(2027, 2, 12)).value


def test_recorded_it_keeps_its_day_and_the_force_stays_late():
    """Recorded as a request for clarification it would stop a clock that s1(3) does not stop;
    recorded as an acknowledgement it lost its date. It is a status of its own (since session 12;
    an acknowledgement with a day before) with the day the force waits until: the answer stays
    overdue, and the tracker says what to do by when."""
    from composer.campaign.deadlines import progress
    from composer.campaign.model import Status

    c = _still_wanted_campaign()
    item = c.tracked("kent_police")
    assert item.status is Status.STILL_WANTED and item.history[-1].until == date(2027, 2, 26)
    p = progress(item, date(2027, 2, 15))
    assert p.overdue and p.due == date(2026, 12, 21) and p.waiting_on == "force"
    assert p.next_step == ("the answer is late; on 2027-02-12 the force asked whether you still want it: "
                           "say you do by 2027-02-26")
    assert p.still_wanted_by == date(2027, 2, 26)
    gone = progress(item, date(2027, 3, 1))
    assert gone.overdue and "would treat the request as withdrawn after 2027-02-26: say you do" in gone.next_step


def test_the_answer_to_it_is_a_short_chaser_saying_yes_and_that_it_is_overdue():
    from composer.campaign.deadlines import progress
    from composer.letters.followups import follow_up_letter
    from composer.model import Requester
    from composer.operations.campaign import record_sent
    from composer.letters.followups import FollowUpKind

    c = _still_wanted_campaign()
    letter = follow_up_letter(c, "kent_police", "chaser", requester=Requester(name="Jo Tester"),
                              today=date(2027, 2, 15))
    text = "\n".join([*letter.before, *letter.after])
    assert "On 12 February 2027 you asked whether I still want it. I do" in text
    assert "Your answer was due by 21 December 2026" in text and "working days ago" in text
    assert "complain to the Information Commissioner" in text and not letter.items  # short: no request again
    sent = record_sent(c, force_ids=["kent_police"], kind=FollowUpKind.CHASER, on=date(2027, 2, 15)).value
    p = progress(sent.tracked("kent_police"), date(2027, 2, 16))
    assert p.still_wanted_by is None and p.next_step.startswith("the answer is late, chased on 2027-02-15")
    scotland = follow_up_letter(_still_wanted_campaign("police_scotland"), "police_scotland", "chaser",
                                requester=Requester(name="Jo Tester"), today=date(2027, 2, 15))
    assert "I will require a review under section 20" in "\n".join(scotland.after)


def test_an_acknowledgement_waits_only_until_a_day_after_it():
    from composer.operations.campaign import record
    from composer.operations.result import Refused

    with pytest.raises(Refused, match="before the force wrote"):
        record(_risk_campaign(), force_id="kent_police", status="acknowledged", on=date(2027, 2, 12),
               until=date(2027, 2, 1))


def test_the_mets_letter_in_seed_003_is_read_as_asking_whether_you_still_want_it():
    from conftest import seed_text

    from composer.replies import force_letters

    letters = force_letters(seed_text("003"))
    readings = [read_reply(letter) for letter in letters]
    assert [r.kind for r in readings] == [ReplyKind.ACKNOWLEDGEMENT, ReplyKind.CLARIFICATION,
                                          ReplyKind.STILL_WANTED]
    assert readings[-1].dates["reply_by"] == date(2018, 7, 24)


def test_an_offer_of_help_is_no_question_whether_you_still_want_it():
    ack = ("Dear Jo Tester,\n\nThank you for your request, which has been logged. You will receive a "
           "response within 20 working days. If you still need help with your request, or still require "
           "further assistance, please contact us.\n\nYours sincerely,\nInformation Rights Team\n")
    assert read_reply(ack).kind is ReplyKind.ACKNOWLEDGEMENT
