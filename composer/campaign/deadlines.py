"""Where each force in a campaign stands: its deadlines, whose move it is, whether it is late.

Deadlines (DOMAIN.md; FOIA s10, s45 code of practice part 5, s50; FOISA s10, s20, s21, s47), with
every number taken from `composer.law`:
- the answer: 20 working days after receipt; when the force asks for clarification the clock stops,
  and restarts from the day the clarification is received (s1(3));
- FOIA only: a force weighing the public interest in a qualified exemption may take "such time as
  is reasonable" (s10(3)), if within the 20 working days it sends a notice naming the exemption
  and estimating when it will decide (s17(2)). The estimate becomes the due date, but never later
  than 20 further working days after the statutory one, the most the ICO expects. A notice sent
  after the 20 working days is kept, with a warning, and does not move the date. FOISA has no
  such extension: its s10 deadlines stand;
- an internal review: ask within 40 working days of the response; the force should answer within
  20 working days (FOIA: the code allows 40 at most; FOISA s21(1): 20);
- then: the ICO asks for complaints within six weeks of the final response (its own practice, not
  statute); the Scottish Information Commissioner takes applications within six months (s47(4)).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from dateutil.relativedelta import relativedelta

from composer.calendar import Calendar, default_calendar, working_days
from composer.campaign.model import MAX_REFERENCE, RESPONSES, Campaign, Event, Status, Tracked
from composer.law import CLARIFY_PROMPTLY, law_for, short
from composer.model import Act, counted

SHOWN_REFERENCE = 30  # characters of a too-long reference the tracker shows
CHASER_GRACE_DAYS = 10  # working days a chaser gives the force before the requester escalates

# -- working out where each force stands ---------------------------------------------------------
Party = Literal["force", "you", "commissioner"]


@dataclass(frozen=True)
class Progress:
    force_id: str
    force_name: str
    act: Act
    status: Status
    sent: date
    clock_start: date  # receipt of the request, or of the latest clarification
    due: date | None  # None while the force waits for your clarification
    responded: date | None  # the first answer or refusal
    late_by: int  # working days late: answered late, or still unanswered past the due date
    review_ask_by: date | None
    review_asked: date | None
    review_due: date | None
    review_answered: date | None
    complain_by: date | None
    next_step: str
    next_date: date | None
    waiting_on: Party | None
    overdue: bool
    reference: str = ""
    sections: tuple[str, ...] = ()
    notes: str = ""
    attachments: tuple[str, ...] = field(default_factory=tuple)

    statutory_due: date | None = None  # the s10(1) date, before any extension
    extended_to: date | None = None  # the force's own estimate, from its s17(2) notice
    extension_limit: date | None = None  # 20 further working days: the ICO's expectation
    extension_notice: date | None = None  # the day the (first) extension notice came
    warnings: tuple[str, ...] = ()  # what the tracker will not accept silently
    today: date | None = None  # the day it was worked out on
    chased: date | None = None  # the latest chaser sent since the answer (or review) fell due
    chaser_ends: date | None = None  # the day that chaser said you would escalate after
    # The day the answer was due, when the force asked for clarification only after it had passed
    # (the latest such request): the clock still starts again from the clarification, but the
    # force was already late.
    asked_after_due: date | None = None
    clarification_asked: date | None = None  # the latest request for clarification before an answer
    # A late force's "do you still want it?" letter (an acknowledgement with the day it waits until)
    # that no chaser has answered yet: the day it came, and the day to say you still want it by.
    still_wanted_asked: date | None = None
    still_wanted_by: date | None = None

    @property
    def reference_shown(self) -> str:
        """The reference as the tracker's column shows it: a paragraph kept from an older file is
        cut to its start (the whole of it stays in the file, the report and the row's tooltip)."""
        if len(self.reference) <= MAX_REFERENCE:
            return self.reference
        return self.reference[:SHOWN_REFERENCE].rstrip() + "…"

    @property
    def status_label(self) -> str:
        return self.status.label(self.act)

    @property
    def next_in_words(self) -> str:
        """The next step and by when: "the answer is due by 2026-12-21", "… due today
        (2026-12-21)" on the day itself (the morning a campaigner must act), or how late it is."""
        if self.overdue:
            days = self.late_by if self.status is not Status.REVIEW_ASKED else None
            due = self.next_date.isoformat() if self.next_date else "?"
            return self.next_step + (f" ({working_days(days)} late)" if days else f" (was due {due})")
        if self.next_date is not None and self.next_date == self.today:
            return f"{self.next_step} today ({self.next_date.isoformat()})"
        return self.next_step + (f" by {self.next_date.isoformat()}" if self.next_date else "")

    @property
    def replied_in_words(self) -> str | None:
        """Once the force has answered, what the Due column shows: `replied 2026-12-21`, and after
        an internal review `review due 2027-02-03` or `reviewed 2027-02-03`; None before."""
        if self.review_answered:
            return f"reviewed {self.review_answered.isoformat()}"
        if self.review_asked and self.review_due:
            return f"review due {self.review_due.isoformat()}"
        return f"replied {self.responded.isoformat()}" if self.responded else None

    @property
    def answered_late(self) -> bool:
        """The answer came late and the Due column shows it (`replied …`): once a review is asked
        for, the column shows the review's date, and "late" beside it would say the review was."""
        return bool(self.responded and self.late_by and not self.review_asked)

    @property
    def extended(self) -> bool:
        """The force has a public-interest extension that moves its due date."""
        return None not in (self.due, self.statutory_due) and self.due != self.statutory_due


def progress(item: Tracked, today: date | None = None, calendar: Calendar | None = None) -> Progress:
    """Where one force stands on `today`: its deadlines, whose move it is, and whether it is late."""
    cal = calendar or default_calendar()
    today = today or date.today()
    act = item.act
    events = item.events
    clock_start = item.sent
    paused = False
    first_response = last_response = review_asked = review_answered = complained = None
    extensions: list[Event] = []
    law = law_for(act)
    asked_on = asked_after_due = None
    still_wanted: Event | None = None  # "do you still want it?", with the day it waits until
    for event in events:
        s = event.status
        if s is Status.STILL_WANTED and first_response is None:
            still_wanted = event
        if s is Status.CLARIFICATION_ASKED and first_response is None:
            if not paused:  # was the answer already due when the force asked?
                was_due = _extension(extensions, cal.due_date(clock_start, act, law.working_days), act, cal).due
                asked_after_due = was_due if was_due is not None and event.on > was_due else None
            asked_on = event.on
            paused = True
        elif s is Status.CLARIFIED and first_response is None:
            clock_start, paused, still_wanted = event.on, False, None
            extensions = []  # a notice about the old clock has nothing left to extend
        elif s is Status.EXTENDED and first_response is None:
            extensions.append(event)
        elif s in RESPONSES:
            first_response = first_response or event.on
            last_response = event.on
            paused = False
        elif s is Status.REVIEW_ASKED:
            review_asked = event.on
        elif s is Status.REVIEW_ANSWERED:
            review_answered = event.on
        elif s is Status.COMPLAINED:
            complained = event.on

    chased = chaser_ends = None
    statutory_due = None if paused else cal.due_date(clock_start, act, law.working_days)
    ext = _extension(extensions, statutory_due, act, cal)
    due = ext.due
    late_by = 0
    if due is not None:
        until = first_response or (today if today > due else None)
        if until is not None and until > due:
            late_by = cal.working_days_between(due, until, act)

    review_ask_by = None
    if last_response is not None:
        review_ask_by = cal.add_working_days(last_response, law.review_ask_days, act)
    elif act is Act.FOISA and due is not None and today > due:
        review_ask_by = cal.add_working_days(due, law.review_ask_days, act)  # s20(5)(a): no answer at all
    review_due = cal.add_working_days(review_asked, law.review_answer_days, act) if review_asked else None

    complain_by = None
    if review_answered:
        complain_by = law.complain_by(review_answered)  # FOISA s47(4)(a)
    elif act is Act.FOISA and review_due and today > review_due:
        complain_by = law.complain_by(review_due)  # s47(4)(b)

    regulator = law.regulator.in_text
    status = item.status
    pending: Event | None = None  # a "do you still want it?" letter to answer, from a late force
    waiting_on: Party | None
    next_date: date | None
    if status is Status.COMPLAINED:
        next_step, next_date, waiting_on = f"wait for {regulator}'s decision", None, "commissioner"
    elif status is Status.REVIEW_ANSWERED:
        verb = f"{law.regulator.complain} to"
        next_step, next_date, waiting_on = f"if still not satisfied, {verb} {regulator}", complain_by, "you"
        if complain_by and today > complain_by:  # a date gone by is no step to take
            next_step, next_date, waiting_on = f"the time to {verb} {regulator} ended on {complain_by}", None, None
    elif status is Status.REVIEW_ASKED:
        next_step, next_date, waiting_on = "the review's outcome is due", review_due, "force"
        chased = _chased_after(item, review_due, today)
        if review_due and today > review_due:
            next_step = f"the review is late (chased on {chased})" if chased else "the review is late: send a chaser"
            if law.review_outer_days is not None and today > cal.add_working_days(
                    review_asked, law.review_outer_days, act):
                next_step = (f"the review is over {law.review_outer_days} working days late: "
                             f"{law.regulator.complain} to {regulator}")
            elif act is Act.FOISA:
                next_step = f"the review is late: {law.regulator.complain} to {regulator}"
                if complain_by and today > complain_by:  # s47(4)(b): six months from the review's due day
                    next_step = (f"the review is late, and the time to {law.regulator.complain} to "
                                 f"{regulator} ended on {complain_by}")
                    next_date, waiting_on = None, None
    elif status in RESPONSES:
        next_step, next_date = f"if not satisfied, {_ask_review(act)}", review_ask_by
        waiting_on = None if status is Status.ANSWERED else "you"
        if review_ask_by and today > review_ask_by:
            next_step, next_date, waiting_on = f"the time to {_ask_review(act)} ended on {review_ask_by}", None, None
    elif paused:
        next_step, next_date, waiting_on = "reply to the request for clarification", None, "you"
        asked = next(e for e in reversed(events) if e.status is Status.CLARIFICATION_ASKED)
        if asked.until and today > asked.until:  # the force's own date for the reply, gone by
            next_step = (f"reply to the request for clarification: the force said it would treat "
                         f"the request as withdrawn after {asked.until.isoformat()}")
        elif asked.until:
            next_date = asked.until
    else:
        next_step, next_date, waiting_on = "the answer is due", due, "force"
        if due != statutory_due:
            next_step = "the answer is due (time extended for the public interest test)"
        chased = _chased_after(item, due, today)
        if chased is not None:
            # The chaser gave the force CHASER_GRACE_DAYS and said what would follow: under FOIA a
            # complaint to the ICO, which asks that a missing answer be followed up first; under
            # FOISA a requirement for review (s20(1) covers a failure to respond), then the SIC.
            chaser_ends = cal.add_working_days(chased, CHASER_GRACE_DAYS, act)
        if still_wanted is not None and chased is not None and chased >= still_wanted.on:
            still_wanted = None  # the chaser said you still want it
        if due and today > due:
            next_step = "the answer is late: send a chaser"
            if still_wanted is not None:
                pending = still_wanted
                asked = f"the answer is late; on {still_wanted.on.isoformat()} the force asked whether you still want it"
                if still_wanted.until is None:  # its letter gave no day
                    next_step = f"{asked}: say you do"
                else:
                    by = still_wanted.until.isoformat()
                    next_step = (f"{asked}: say you do by {by}" if today <= still_wanted.until else
                                 f"{asked}, or it would treat the request as withdrawn after {by}: say you do")
            elif chased is not None and act is Act.FOIA:
                step = f"{law.regulator.complain} to {regulator}"
                next_step = (f"the answer is late, chased on {chased}: {step} if it has not come by {chaser_ends}"
                             if today <= chaser_ends else
                             f"the answer is late and the chaser of {chased} brought none: {step}")
            elif chased is not None:
                next_step = f"the answer is late, chased on {chased}"
            if act is Act.FOISA and review_ask_by:
                joiner = ":" if chased is not None and pending is None else ", or"
                next_step += (f"{joiner} require a review by {review_ask_by}" if today <= review_ask_by
                              else f"; the time to require a review ended on {review_ask_by}")
    overdue = waiting_on == "force" and next_date is not None and today > next_date

    return Progress(
        force_id=item.force_id, force_name=item.force_name, act=act, status=status,
        sent=item.sent, clock_start=clock_start, due=due, responded=first_response,
        late_by=late_by, review_ask_by=review_ask_by, review_asked=review_asked,
        review_due=review_due, review_answered=review_answered, complain_by=complain_by,
        next_step=next_step, next_date=next_date, waiting_on=waiting_on, overdue=overdue,
        reference=item.reference, sections=tuple(item.sections), notes=item.notes,
        attachments=tuple(a.file for a in item.attachments),
        statutory_due=statutory_due, extended_to=ext.estimate, extension_limit=ext.limit,
        extension_notice=ext.notice, today=today, chased=chased, chaser_ends=chaser_ends,
        warnings=(*ext.warnings, *_asked_late(act, asked_on, asked_after_due),
                  *([item.reference_problem] if item.reference_problem else [])),
        asked_after_due=asked_after_due, clarification_asked=asked_on,
        still_wanted_asked=pending.on if pending else None, still_wanted_by=pending.until if pending else None,
    )


def _asked_late(act: Act, asked: date | None, was_due: date | None) -> list[str]:
    """The tracker's word on a request for clarification that came after the answer was due: the
    clarification starts the clock again (FOIA s1(3), s10(6)(b); FOISA s1(3), s10(1)(b)), but the
    force had let its time run out first. The ICO's guidance is that a force asks for clarification
    as soon as possible (`law.CLARIFY_PROMPTLY`); nothing was found from the Scottish Commissioner,
    so for FOISA the tracker says only what happened."""
    if asked is None or was_due is None:
        return []
    said = (f"the force asked for clarification on {asked.isoformat()}, after its answer was due on "
            f"{was_due.isoformat()}; a clarification starts the {law_for(act).working_days} working days "
            f"again ({short('clarify', act)}, {short('clock_restart', act, with_act=False)})")
    if act in CLARIFY_PROMPTLY:
        said += (f", but {law_for(act).regulator.in_text}'s guidance is that a force asks for "
                 "clarification as soon as possible")
    return [said]


def _chased_after(item: Tracked, due: date | None, today: date) -> date | None:
    """The latest chaser sent after `due` and by `today`: one sent before the day it chased was
    late is no chaser for it."""
    if due is None:
        return None
    days = [d for d in item.chased if due < d <= today]
    return days[-1] if days else None


def due_once_clarified(item: Tracked, on: date, calendar: Calendar | None = None) -> date | None:
    """The day the answer is due once your clarification reaches the force on `on` (FOIA s1(3),
    s10(6); FOISA s1(3), s10(1)(b)): the tracker's own date with that clarification recorded, so
    the letter that promises it and the tracker cannot disagree. None if the force has already
    answered (its clock has run out, and a clarification does not restart it)."""
    clarified = Event(status=Status.CLARIFIED, on=on)
    after = item.model_copy(update={"history": [*item.history, clarified]})
    held = progress(after, on, calendar)
    return None if held.responded else held.due


def _ask_review(act: Act) -> str:
    return "ask for an internal review" if act is Act.FOIA else "require a review"


@dataclass
class _Extension:
    due: date | None
    estimate: date | None = None
    limit: date | None = None
    notice: date | None = None
    warnings: list[str] = field(default_factory=list)


def _extension(extensions: list[Event], statutory_due: date | None, act: Act,
               cal: Calendar) -> _Extension:
    """The due date once any public-interest extension notices are taken into account."""
    if not extensions or statutory_due is None:
        return _Extension(statutory_due)
    statutory = statutory_due.isoformat()
    law = law_for(act)
    days = law.extension_days
    if days is None:
        return _Extension(statutory_due, warnings=[
            f"an extension is recorded, but {law.short_title} has no public-interest extension: the answer "
            f"was still due by {statutory} ({short('answer', act, whole=True)})"])
    notice = extensions[0].on
    estimate = next((e.until for e in reversed(extensions) if e.until is not None), None)
    limit = cal.add_working_days(statutory_due, days, act)
    ext = _Extension(statutory_due, estimate, limit, notice)
    if notice > statutory_due:
        ext.warnings.append(
            f"the extension notice came on {notice.isoformat()}, after the {law.working_days} "
            f"working days ended on "
            f"{statutory}; {short('extension_notice', act, with_act=False)} requires it within them, so it "
            f"gives no more time and the answer was due by {statutory}")
        return ext
    if estimate is None:
        ext.due = limit
        ext.warnings.append(
            f"the extension notice gave no estimated date, which {short('extension_notice', act, with_act=False)} "
            "requires; the answer is "
            f"taken as due by {limit.isoformat()}, {days} working days after {statutory} (the most "
            f"{law.regulator.in_text} expects)")
    elif estimate > limit:
        ext.due = limit
        ext.warnings.append(
            f"the force's estimate, {estimate.isoformat()}, is more than {days} working days after "
            f"{statutory}; {law.regulator.in_text} expects an extension of no more than that, so "
            f"the answer is late after {limit.isoformat()}")
    else:
        ext.due = max(estimate, statutory_due)
    return ext


def overview(campaign: Campaign, today: date | None = None,
             calendar: Calendar | None = None) -> list[Progress]:
    cal = calendar or default_calendar()
    return [progress(item, today, cal) for item in campaign.forces]


def in_brief(states: list[Progress], today: date) -> str:
    """`49 forces, 0 overdue, 44 due today on 2027-01-05`: the campaign at a glance, as the tab
    and `campaign show` head it."""
    overdue = sum(p.overdue for p in states)
    due_today = sum(not p.overdue and p.next_date == today for p in states)
    return (f"{counted(len(states), 'force')}, {overdue} overdue"
            + (f", {due_today} due today" if due_today else "") + f" on {today.isoformat()}")


def overdue_by_campaign(campaigns: Iterable[Campaign], today: date | None = None,
                        calendar: Calendar | None = None) -> dict[str, int]:
    """How many forces are overdue on `today` in each campaign that has any, by campaign name."""
    cal = calendar or default_calendar()
    today = today or date.today()
    counts = {c.name: sum(p.overdue for p in overview(c, today, cal)) for c in campaigns}
    return {name: n for name, n in counts.items() if n}


def overdue_in_brief(late: dict[str, int]) -> str | None:
    """`3 forces overdue in PP 2026`, or with several campaigns `5 forces overdue: 3 in PP 2026,
    2 in Stops` (from `overdue_by_campaign`): what the main window says of every campaign
    without opening the tracker. None when no force is overdue."""
    if not late:
        return None
    total = counted(sum(late.values()), "force")
    if len(late) == 1:
        return f"{total} overdue in {next(iter(late))}"
    return f"{total} overdue: " + ", ".join(f"{n} in {name}" for name, n in late.items())


def add_months(d: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter (31 Aug + 6 = 28 Feb)."""
    return d + relativedelta(months=months)

