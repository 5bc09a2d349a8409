"""Each Act's facts are held once, in composer.law, and the tracker, the follow-up letters and the
refusal check read them from there."""

from __future__ import annotations

import dataclasses
from datetime import date

from conftest import PROJECT

from composer import law
from composer.campaign.deadlines import progress
from composer.forces import load_directory
from composer.letters.followups import follow_up_letter, regulator_recipient
from composer.model import Act, Part, Request, Requester
from composer.operations.campaign import new_campaign, record
from composer.responses import check_response

SENT = date(2026, 11, 20)


def _refused_and_reviewed(force: str):
    c = new_campaign(name="Facts", request=Request(title="Facts", parts=[Part(text="Any?")]),
                     forces=load_directory().resolve(force), sent=SENT).value
    c = record(c, force_id=force, status="refused", on=date(2026, 12, 10)).value
    c = record(c, force_id=force, status="review-asked", on=date(2027, 1, 11)).value
    return c


def test_the_tracker_reads_the_acts_time_limits(monkeypatch):
    c = _refused_and_reviewed("kent_police")
    before = progress(c.tracked("kent_police"), today=date(2027, 1, 12))
    longer = dataclasses.replace(law.LAWS[Act.FOIA], review_answer_days=25)
    monkeypatch.setitem(law.LAWS, Act.FOIA, longer)
    after = progress(c.tracked("kent_police"), today=date(2027, 1, 12))
    assert after.review_due > before.review_due  # five more working days, from law.py alone


def test_the_complaint_window_and_the_regulator_come_from_law():
    foia, foisa = law.LAWS[Act.FOIA], law.LAWS[Act.FOISA]
    assert foia.complain_by(date(2027, 1, 1)) == date(2027, 2, 12)  # six weeks
    assert foisa.complain_by(date(2026, 8, 31)) == date(2027, 2, 28)  # six months, month end
    assert regulator_recipient(Act.FOIA).postal_address == list(foia.regulator.postal_address)
    assert foisa.extension_days is None and foia.extension_days == 20
    c = _refused_and_reviewed("police_scotland")
    c = record(c, force_id="police_scotland", status="review-answered", on=date(2027, 2, 1)).value
    p = progress(c.tracked("police_scotland"), today=date(2027, 2, 2))
    assert p.complain_by == foisa.complain_by(date(2027, 2, 1))
    assert p.next_step == f"if still not satisfied, apply to {foisa.regulator.in_text}"
    letter = follow_up_letter(c, "police_scotland", "complaint", today=date(2027, 2, 2),
                              requester=Requester(name="A Person", email="a@example.org"))
    assert letter.recipient.name == foisa.regulator.office
    notice = check_response("We refuse under section 31.", act=Act.FOIA)
    assert any(foia.regulator.name in line for line in notice.lines())


def test_no_other_module_writes_out_a_regulators_address():
    postcodes = [p for law_ in law.LAWS.values() for p in law_.regulator.postal_address[-1:]]
    offenders = [str(path.relative_to(PROJECT)) for path in (PROJECT / "composer").rglob("*.py")
                 if path.name != "law.py" and any(code in path.read_text("utf-8") for code in postcodes)]
    assert offenders == []


def test_good_friday_comes_from_the_librarys_easter():
    from composer import calendar

    good_fridays = [date(2025, 4, 18), date(2026, 4, 3), date(2027, 3, 26), date(2030, 4, 19)]
    for day in good_fridays:
        assert "Good Friday" in calendar.default_calendar().non_working_reason(day, Act.FOIA)
    assert "divmod" not in (PROJECT / "composer" / "calendar.py").read_text("utf-8")  # no hand sum
