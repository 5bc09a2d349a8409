"""Follow-through, session 11: the letters' per-Act facts read from composer.law, the equality duty
asked of composer.law, a request for clarification that came after the answer was due, and due
dates across the bank holidays of winter 2026-27 and 2027, worked out by hand."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from test_facts_once import _strings

from composer import law
from composer.calendar import due_date, explain_due
from composer.campaign.deadlines import progress
from composer.checker.engine import RULES, Context
from composer.forces import load_directory
from composer.letters import letter_as_text
from composer.letters.followups import follow_up_letter
from composer.model import Act, Part, Request, Requester
from composer.operations.campaign import new_campaign, record

ME = Requester(name="Alex Example", email="alex@example.org", postal_address=["1 High Street", "Anytown"])
SENT = date(2026, 11, 20)  # due 2026-12-21 under both Acts (St Andrew's Day, 30 November, skipped)


def _campaign(force_id: str, *steps: tuple[str, date]):
    request = Request(title="Risk scoring", parts=[Part(text="Do you use a risk-scoring system?")])
    c = new_campaign(name="Risk", request=request, forces=load_directory().resolve(force_id), sent=SENT).value
    for status, on in steps:
        c = record(c, force_id=force_id, status=status, on=on).value
    return c


def _letter(c, force_id: str, kind: str, today: date) -> str:
    letter = follow_up_letter(c, force_id, kind, requester=ME, today=today,
                              force=load_directory().get(force_id), message="I mean the system named in part 1.")
    return letter_as_text(letter, heading=True)


# -- 1. each Act's facts in one place ------------------------------------------------------------
def test_the_law_names_the_sections_a_letter_cites_together():
    assert law.sections(("clarify", "clock_restart"), Act.FOIA) == "sections 1(3) and 10(6)"
    assert law.sections(("clarify", "clock_restart"), Act.FOISA) == "sections 1(3) and 10(1)(b)"
    # a notice in place of the information: FOIA has one (s17), FOISA two (s16 refusal, s17 not held)
    notices = ("refusal_notice", "not_held_notice")
    assert law.sections(notices, Act.FOIA, joiner="or") == "section 17"
    assert law.sections(notices, Act.FOISA, joiner="or") == "section 16 or 17"
    assert [law.section("access", a) for a in Act] == ["Part I", "Part 1"]


@pytest.mark.parametrize("n, words", [(1, "first"), (12, "twelfth"), (20, "twentieth"),
                                      (21, "twenty-first"), (40, "fortieth"), (45, "forty-fifth")])
def test_a_count_of_days_reads_as_the_acts_write_it(n, words):
    assert law.ordinal(n) == words


def test_the_chasers_day_in_words_follows_the_acts_working_days(monkeypatch):
    """"the twentieth working day" was written beside `law.working_days`: change the one and the
    chaser kept the other."""
    c = _campaign("kent_police")
    assert "no later than the twentieth working day after receipt" in _letter(c, "kent_police", "chaser",
                                                                               date(2027, 1, 6))
    fifteen = dataclasses.replace(law.LAWS[Act.FOIA], working_days=15)
    monkeypatch.setitem(law.LAWS, Act.FOIA, fifteen)
    text = _letter(c, "kent_police", "chaser", date(2027, 1, 6))
    assert "no later than the fifteenth working day after receipt" in text and "twentieth" not in text


@pytest.mark.parametrize("force_id, cited", [("kent_police", "(sections 1(3) and 10(6)(b))"),
                                             ("police_scotland", "(sections 1(3) and 10(1)(b))")])
def test_the_clock_after_clarification_is_cited_from_the_law(monkeypatch, force_id, cited):
    monkeypatch.setitem(law.NAME["clock_restart"], Act.FOIA, "section 10(6)(b)")
    c = _campaign(force_id, ("clarification-asked", date(2026, 11, 27)), ("clarified", date(2026, 12, 1)))
    text = _letter(c, force_id, "chaser", date(2027, 1, 6))
    assert f"my clarification reached you on 1 December 2026; the time for your answer runs from that day {cited}" \
        in text


def test_a_complaint_names_the_part_of_its_own_act():
    c = _campaign("kent_police")
    assert "in accordance with Part I of the Act" in _letter(c, "kent_police", "complaint", date(2027, 1, 20))


def test_the_follow_up_code_writes_no_section_number_of_its_own():
    """The sections a letter or the tracker cites come from composer.law's topics; only
    docstrings (and a force's own citations, read from its reply) name numbers."""
    from conftest import PROJECT

    written = [f"{path.name}:{line}: {text[:60]!r}"
               for path in (PROJECT / "composer" / "letters" / "followups.py",
                            PROJECT / "composer" / "campaign" / "deadlines.py",
                            PROJECT / "composer" / "calendar.py")
               for line, text in _strings(path)
               if re.search(r"\bsections? \d|\bPart [I1]\b|\btwentieth\b|\bfortieth\b", text)]
    assert written == []


# -- 2. the equality duty from composer.law -------------------------------------------------------
def test_every_rule_on_the_equality_duty_cites_the_one_that_binds_the_force():
    """The rules' citation asks composer.law for the force's duty; one rule rewrote the GB
    citation into the NI one by string replacement, and any other finding on the topic cited
    s149 to PSNI."""
    directory = load_directory()
    request = Request(title="X", parts=[Part(text="Do you use a predictive policing algorithm?")])
    equality = [rule for rule in RULES if rule.law_topic == "equality"]
    assert equality
    for force_id, duty in (("psni", law.NI_DUTY), ("kent_police", law.GB_DUTY), ("police_scotland", law.GB_DUTY)):
        ctx = Context(request, directory.get(force_id), ME)
        for rule in equality:
            assert rule.law(ctx) == law.cite("equality", ctx.act, ctx.force)
            assert rule.law(ctx).startswith(duty.cited) and "UK GDPR Art 35" in rule.law(ctx)
    assert law.cite("equality", Act.FOIA) == law.LAW["equality"][Act.FOIA]
    assert law.cite("personal", Act.FOISA, directory.get("psni")) == "FOISA s38(1)(b)"


# -- 3. a request for clarification after the answer was due --------------------------------------
@pytest.mark.parametrize("force_id", ["kent_police", "police_scotland", "psni"])
def test_a_clarification_asked_after_the_due_date_is_said_in_the_tracker(force_id):
    c = _campaign(force_id, ("clarification-asked", date(2027, 1, 5)))
    p = progress(c.tracked(force_id), date(2027, 1, 6))
    assert p.asked_after_due == date(2026, 12, 21) and p.due is None
    said = [w for w in p.warnings if "asked for clarification on 2027-01-05" in w]
    assert said == [w for w in p.warnings if "after its answer was due on 2026-12-21" in w] and len(said) == 1
    # the clock still starts again from the clarification (s10(6)(b) / s10(1)(b)): 6 Jan + 20 = 3 Feb
    c = record(c, force_id=force_id, status="clarified", on=date(2027, 1, 6)).value
    p = progress(c.tracked(force_id), date(2027, 1, 7))
    assert p.due == date(2027, 2, 3) and not p.overdue and any("2026-12-21" in w for w in p.warnings)
    # the ICO's guidance is cited for FOIA only: nothing was found from the Scottish Commissioner
    ico = "the ICO's guidance is that a force asks for clarification as soon as possible"
    assert (ico in said[0]) is (p.act is Act.FOIA)


def test_a_clarification_asked_in_time_says_nothing_of_lateness():
    c = _campaign("kent_police", ("clarification-asked", date(2026, 12, 21)))  # the due day itself
    p = progress(c.tracked("kent_police"), date(2026, 12, 22))
    assert p.asked_after_due is None and not any("clarification" in w for w in p.warnings)
    assert "Your message came after" not in _letter(c, "kent_police", "clarification", date(2026, 12, 22))


@pytest.mark.parametrize("force_id, ico", [("kent_police", True), ("police_scotland", False), ("psni", True)])
def test_the_reply_to_a_late_request_for_clarification_says_it_came_late(force_id, ico):
    c = _campaign(force_id, ("clarification-asked", date(2027, 1, 5)))
    text = _letter(c, force_id, "clarification", date(2027, 1, 6))
    assert "Your message came after the 20 working days for your answer had ended on 21 December 2026." in text
    assert ("The Information Commissioner's guidance is that a force should ask for clarification as soon "
            "as possible.") in text if ico else "guidance" not in text
    assert "requires an answer promptly" in text
    assert "your answer is due no later than 3 February 2027" in text  # the clock restarts all the same


def test_a_complaint_says_the_clarification_was_asked_after_the_answer_was_due():
    c = _campaign("kent_police", ("clarification-asked", date(2027, 1, 5)), ("clarified", date(2027, 1, 6)))
    text = _letter(c, "kent_police", "complaint", date(2027, 2, 10))
    assert ("Kent Police asked for clarification on 5 January 2027, after its answer had been due on "
            "21 December 2026; my clarification reached it on 6 January 2027.") in text


# -- 5. bank holidays, winter 2026-27 and 2027 (worked out by hand) -------------------------------
@pytest.mark.parametrize("received, act, due, skipped", [
    # Sent today: 25 Dec, 28 Dec (Boxing Day's substitute), 1 Jan and 4 Jan 2027 (Scotland's
    # substitute for 2 January, a Saturday) are skipped under both Acts: FOIA counts every
    # nation's bank holidays.
    (date(2026, 12, 2), Act.FOIA, date(2027, 1, 5),
     [date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1), date(2027, 1, 4)]),
    (date(2026, 12, 2), Act.FOISA, date(2027, 1, 5),
     [date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1), date(2027, 1, 4)]),
    # The Battle of the Boyne, Monday 12 July 2027: a bank holiday in Northern Ireland only.
    (date(2027, 6, 21), Act.FOIA, date(2027, 7, 20), [date(2027, 7, 12)]),
    (date(2027, 6, 21), Act.FOISA, date(2027, 7, 19), []),
    # Summer: Scotland's first Monday of August (2 Aug) stops both clocks; the last Monday (30 Aug)
    # only FOIA's.
    (date(2027, 7, 26), Act.FOIA, date(2027, 8, 24), [date(2027, 8, 2)]),
    (date(2027, 7, 26), Act.FOISA, date(2027, 8, 24), [date(2027, 8, 2)]),
    (date(2027, 8, 2), Act.FOIA, date(2027, 8, 31), [date(2027, 8, 30)]),
    (date(2027, 8, 2), Act.FOISA, date(2027, 8, 30), []),
    # Christmas 2027 falls on a Saturday: 27 and 28 Dec are substitutes; in 2028 1 Jan (Saturday)
    # gives 3 Jan, and Scotland's 2 Jan (Sunday) gives 4 Jan.
    (date(2027, 12, 13), Act.FOIA, date(2028, 1, 14),
     [date(2027, 12, 27), date(2027, 12, 28), date(2028, 1, 3), date(2028, 1, 4)]),
    (date(2027, 12, 13), Act.FOISA, date(2028, 1, 14),
     [date(2027, 12, 27), date(2027, 12, 28), date(2028, 1, 3), date(2028, 1, 4)]),
])
def test_due_dates_across_the_bank_holidays_of_2026_to_2028(received, act, due, skipped):
    assert due_date(received, act) == due
    weekdays = [d for d, _ in explain_due(received, act).skipped if d.weekday() < 5]
    assert weekdays == skipped


# -- 6. the letters read as a campaigner would send them ------------------------------------------
BARE_REFUSAL = "We are unable to provide the information you asked for."


def _refused(force_id: str, sections: list[str]):
    from composer.responses import check_response

    c = _campaign(force_id)
    c = record(c, force_id=force_id, status="refused", on=date(2026, 12, 18), sections=sections).value
    check = check_response(BARE_REFUSAL, act=c.tracked(force_id).act, sections=sections)
    letter = follow_up_letter(c, force_id, "review", requester=ME, today=date(2027, 1, 8),
                              force=load_directory().get(force_id), check=check)
    return letter_as_text(letter, heading=True)


def test_a_review_of_a_neither_confirm_nor_deny_speaks_of_no_information_withheld():
    """Nothing was withheld where a force would only neither confirm nor deny: the notice's
    missing reasons and public interest are for excluding that duty (FOIA s17(1)(c), s17(3))."""
    text = _refused("kent_police", ["s23(5)", "s24(2)", "s31(3)"])
    assert "The response did not say why the exemption relied on applies (section 17(1)(c) of the Act)." in text
    assert ("The response did not give the public interest reasons for excluding the duty to confirm or "
            "deny (section 17(3) of the Act).") in text
    assert "information withheld" not in text
    # a refusal that withholds keeps its words
    assert "say why the exemption applies to the information withheld" in _refused("kent_police", ["s31(1)"])


@pytest.mark.parametrize("force_id, cited", [("kent_police", "section 21"), ("police_scotland", "section 25")])
def test_a_review_of_information_said_to_be_available_elsewhere_asks_where(force_id, cited):
    text = _refused(force_id, [cited.replace("section ", "s")])
    assert (f"On {cited} (information ") in text
    assert "covers only information I can reasonably obtain in another way. Please tell me exactly where" in text
    assert "release every part to which it does not apply" not in text


def test_a_review_of_a_missing_answer_asks_for_the_answer_not_a_fresh_look_at_a_decision():
    c = _campaign("kent_police")
    text = _letter(c, "kent_police", "review", date(2027, 1, 25))
    assert "by someone not involved in the first decision" not in text
    assert ("Please see that my request is answered now, and send me the outcome of this review within 20 "
            "working days, as the code of practice expects: by 22 February 2027.") in text


def test_one_reason_is_a_reason():
    c = _campaign("kent_police")
    assert "I am dissatisfied for the following reasons." in _letter(c, "kent_police", "review", date(2027, 1, 25))
    letter = follow_up_letter(c, "kent_police", "review", requester=ME, today=date(2027, 1, 25),
                              force=load_directory().get("kent_police"))  # the missing answer alone
    assert "I am dissatisfied for the following reason.\n" in letter_as_text(letter, heading=True)


def test_a_foisa_neither_confirm_nor_deny_is_argued_on_section_18s_own_two_limbs():
    """FOISA s18 asks whether the information, if held, would be exempt and whether revealing
    whether it is held would be contrary to the public interest: the letter asked how saying
    whether it is held "would do that", FOIA's test, which the paragraph before had not set out."""
    text = _refused("police_scotland", ["s18", "s35(1)"])
    assert ("Please explain why the information, if you hold it, would be exempt, given what is already "
            "public about the use of such systems by police forces, and why revealing whether it is held "
            "would be contrary to the public interest.") in text
    assert "would do that here" not in text
    assert "Please explain how saying whether you hold it would do that here" in _refused("psni", ["s23(5)"])


def test_a_chaser_after_a_late_request_for_clarification_says_when_it_was_asked():
    c = _campaign("psni", ("clarification-asked", date(2027, 1, 5)), ("clarified", date(2027, 1, 6)))
    text = _letter(c, "psni", "chaser", date(2027, 2, 10))
    assert ("You asked me to clarify it only on 5 January 2027, after your answer had been due on 21 December "
            "2026, and my clarification reached you on 6 January 2027; the time for your answer runs from "
            "that day (sections 1(3) and 10(6)).") in text
    in_time = _campaign("psni", ("clarification-asked", date(2026, 11, 27)), ("clarified", date(2026, 12, 1)))
    assert "You asked me to clarify it, and my clarification reached you on 1 December 2026;" in _letter(
        in_time, "psni", "chaser", date(2027, 1, 6))
