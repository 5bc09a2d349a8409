"""The day a force asking for clarification waits until, as its letter gives it (session 10 QA:
West Midlands Police's request for clarification, written for the campaign played end to end)."""

from __future__ import annotations

from datetime import date

import pytest

from composer.replies import ReplyKind, read_reply

CLARIFY = """Dear Jo Tester,

Thank you for your request for information received on 23 November 2026.

In order to identify and locate the information you seek, we require clarification under section
1(3) of the Freedom of Information Act 2000. Please could you clarify what you mean by "predictive
crime mapping" in part 1.

Please note that the 20 working day period will not start until we have received your
clarification. {closing}

Yours sincerely,
Freedom of Information Unit
"""


@pytest.mark.parametrize("closing", [
    "If we do not hear from you by 3 March 2027, we will consider your request closed.",
    "If no clarification is received by 3 March 2027 the request will be closed.",
])
def test_the_day_a_clarification_is_awaited_until_is_read(closing):
    """'If we do not hear from you by 3 March 2027, we will consider your request closed' gave
    the tracker no date: only a sentence about withdrawing or replying was read as one."""
    reading = read_reply(CLARIFY.format(closing=closing))
    assert reading.kind is ReplyKind.CLARIFICATION
    assert reading.dates.get("reply_by") == date(2027, 3, 3)

