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
