"""A period or a moment given somewhere, or not needed: no warning that the part has no period.

Each case that must stay quiet has beside it the nearest wording that must still warn."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.calibration import LAW
from composer.checker.reading import asks_what_is, own_period, read_text, since_event, without_titles
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")
NO_PERIOD = {"clarity.no-period", "cost.no-period"}


def _rules(*texts: str, intro: str | None = None) -> set[str]:
    request = Request(parts=[Part(text=t) for t in texts], introduction=intro)
    return {rule for f in check(request, requester=JANE, calibration=LAW) if f.severity != "info"
            for rule in (f.rule, *f.also)}


def _no_period_on_last(*texts: str, intro: str | None = None) -> set[str]:
    request = Request(parts=[Part(text=t) for t in texts], introduction=intro)
    last = request.parts[-1].id
    return {rule for f in check(request, requester=JANE, calibration=LAW)
            if f.part_id == last and f.severity != "info" for rule in (f.rule, *f.also)} & NO_PERIOD


# -- a span fixed by an event -------------------------------------------------------------------

@pytest.mark.parametrize("quiet, warns", [
    ("How many times have spit guards been used since they were introduced?",
     "How many times have spit guards been used?"),
    ("How many officers were disciplined for breaching emergency health powers since the Coronavirus Act 2020 "
     "came into force?",
     "How many officers were disciplined for breaching emergency health powers under the Coronavirus Act 2020?"),
    ("Since its introduction, how many fixed penalty notices have been issued under the littering byelaw?",
     "How many fixed penalty notices have been issued under the littering byelaw?"),
    ("When did the average speed cameras go live, and how many notices have been issued to date?",
     "How many notices have been issued to date by the average speed cameras?"),
])
def test_a_span_from_an_event_is_a_period(quiet, warns):
    assert not _no_period_on_last(quiet)
    assert _no_period_on_last(warns)


def test_a_count_after_a_question_when_it_started_runs_from_then():
    quiet = _no_period_on_last("When did the force first issue body-worn video to response officers?",
                               "How many complaints have been made about officers switching the cameras off?")
    assert not quiet
    # the same count after a question that dates nothing
    warns = _no_period_on_last("Which manufacturer supplies the force's body-worn video cameras?",
                               "How many complaints have been made about officers switching the cameras off?")
    assert warns


def test_since_records_began_is_every_year_held():
    assert since_event("how many horse thefts have been recorded since records began?") is None
    assert since_event("how many horse thefts since you started recording them?") is None
    assert _no_period_on_last("How many horse thefts have been reported since records began?")


def test_the_event_is_named_in_the_reading():
    period = own_period("how many arrests have been made since the dispersal order was introduced?")
    assert period is not None and period.since == "the dispersal order was introduced"
    assert "since the dispersal order was introduced" in read_text(
        "How many arrests have been made since the dispersal order was introduced?").describe()


# -- a rolling recent span, a year so far, a yearly series ending on a date ------------------------

@pytest.mark.parametrize("text, years, first_offset", [
    ("how many burglaries of allotment sheds were reported this year?", 1.0, 0),
    ("the number of firearms licences revoked in the current financial year", 1.0, 0),
    ("cycle thefts reported year to date", 1.0, 0),
])
def test_the_year_so_far_is_a_period(text, years, first_offset):
    from datetime import date

    period = own_period(text)
    assert period is not None and period.years == years and period.first == date.today().year - first_offset


def test_a_year_ending_on_a_date_is_a_year_not_a_month():
    period = own_period("domestic violence disclosure applications in the year ending 31 march 2019")
    assert period is not None and period.years == 1.0 and period.first == 2018
    calendar = own_period("noise complaints for the year ended 31 december 2021")
    assert calendar is not None and calendar.years == 1.0 and calendar.first == 2021
    # a date alone is still a day or a month, not a year
    assert own_period("noise complaints on 31 december 2021").years < 0.1


def test_a_yearly_series_up_to_a_date_is_a_run_of_years():
    period = own_period("applications under the scheme for each year up to 31 march 2020, broken down by outcome")
    assert period is not None and period.years > 1 and not period.snapshot
    assert not _no_period_on_last(
        "How many applications were made under the scheme for each year up to 31 March 2020?")
    assert _no_period_on_last("How many applications were made under the scheme each year?")


# -- a present-status question -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "the number of tasers you own",
    "the total number of officers in your force",
    "the number of officers routinely equipped with a spit guard",
    "how many sergeants are permanently attached to the rural crime team?",
    "which officers are based at each station, by rank",
    "how many dog handlers does the force employ?",
    "the number of officers in the force currently on restricted duties after a complaint",
])
def test_what_is_now_is_read_as_a_point_in_time(text):
    assert asks_what_is(text) or own_period(text) is not None and own_period(text).snapshot


@pytest.mark.parametrize("text", [
    "the number of arrests made by officers based at the station",
    "the number of covert surveillance operations authorised",
    "how many officers are there who were assaulted on duty?",
    "how many officers are trained each year?",
    "what evidence is this decision based on?",
    "the number of officers in the force disciplined for misuse of social media",
    "the number of vehicles in your fleet damaged in collisions",
])
def test_events_are_not_what_is_now(text):
    assert not asks_what_is(text)


def test_a_present_status_count_gets_no_no_period_warning():
    assert not _no_period_on_last("How many police horses are stabled at the mounted unit?",
                                  "How many mounted officers are based at each stable, by rank?")
    assert not _no_period_on_last("The number of drones the force owns, by model.")
    # the nearest count of events about the same subject still needs a period
    assert _no_period_on_last("How many times were mounted officers deployed to football matches?")


# -- years in the names of laws ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "how many officers were dismissed under the police (conduct) regulations 2012?",
    "how many prosecutions were brought under the justice act (northern ireland) 2015?",
    "how many notices were served under si 2012/1204?",
    "how many appeals were heard under the 2012 regulations?",
    "how many dogs were seized under the dangerous dogs act 1991?",
])
def test_a_year_in_a_laws_name_is_not_a_period(text):
    assert own_period(text) is None


def test_a_year_beside_a_laws_name_is_still_a_period():
    period = own_period("how many dogs were seized under the dangerous dogs act 1991 in 2022?")
    assert period is not None and period.first == 2022 and period.years == 1.0
    assert "act " in without_titles("the dangerous dogs act 1991")  # the law's name is kept


def test_a_long_period_is_not_counted_from_a_laws_year():
    request = Request(parts=[Part(text="How many seizures were made under the Misuse of Drugs Act 1971 in 2023?")])
    assert not any(f.rule == "cost.long-period" for f in check(request, requester=JANE))
    request = Request(parts=[Part(text="How many seizures of cannabis were made each year since 2009?")])
    assert any(f.rule == "cost.long-period" for f in check(request, requester=JANE))
