"""The span a part names between two dates: read to the day, wherever the dates are written."""

import pytest

from composer.checker.reading import own_period, read_text


@pytest.mark.parametrize(("text", "months", "first"), [
    ("how many fixed penalty notices were issued between 1 january and 30 june 2024?", 6, 2024),
    ("the number of dog bites reported from 1 april 2023 to 31 march 2024", 12, 2023),
    ("how many horses were seized between march and june 2022", 4, 2022),
    ("noise complaints logged 1/1/2020 - 31/12/2022", 36, 2020),
    ("drones flown by the force from 01.09.2021 to 28.02.2022", 6, 2021),
    ("bicycle thefts from the 1st of october 2019 to the end of march 2020", 6, 2019),
    ("fuel cards issued between november and february 2024", 4, 2023),  # the first month borrows last year
    ("lost property items from sept 2018 to aug 2019", 12, 2018),
    ("welfare checks between 1 may 2021 and 31 july 2021", 3, 2021),
])
def test_a_span_between_two_dates_is_as_long_as_it_says(text, months, first):
    period = own_period(text)
    assert period is not None and not period.snapshot
    assert round(period.years * 12) == months
    assert period.first == first


def test_the_words_say_the_span_read():
    assert own_period("between 1 january and 30 june 2024").words() == "6 months"
    assert own_period("from 1 april 2023 to 31 march 2024").words() == "one year"
    assert own_period("from 14 february 2022 to 27 february 2022").words() == "2 weeks"
    described = read_text("How many speeding tickets were issued between 1 January and 30 June 2024?").describe()
    assert "over 6 months" in described


def test_months_listed_are_each_counted_not_the_span_between():
    assert own_period("calls about fireworks in october and november 2023").words() == "2 months"
    assert own_period("arrests made in january and june 2022").words() == "2 months"  # not six
    assert own_period("on 1 may 2021 and 30 june 2021").years < 0.01  # two days


def test_separate_spans_count_each_day_once():
    two_winters = own_period("from 20 december 2019 - 2 january 2020 and 20 december 2020 - 2 january 2021")
    assert two_winters is not None and 0.06 < two_winters.years < 0.09  # four weeks, not a year
    overlapping = own_period("between 1 january and 30 june 2023 and between 1 march and 30 september 2023")
    assert round(overlapping.years * 12) == 9
    assert own_period("in 2017 and between january and march 2022").first == 2017


@pytest.mark.parametrize(("text", "years"), [
    ("between 2018 and 2021", 4.0),            # whole years still read as before
    ("in the financial year 2019/20", 1.0),
    ("in june 2022", 1 / 12),                  # one month named alone is a month
    ("we mar to jun 2022 records", 1.0),       # 'mar' without a day, year or 'from'/'between' is not a month
])
def test_what_is_not_a_span_between_dates_reads_as_before(text, years):
    period = own_period(text)
    assert period is not None and period.years == pytest.approx(years)


def test_a_later_date_before_an_earlier_one_is_not_a_span():
    # "30 june 2024 - 1 january 2024" runs backwards: the dates are read one by one as before
    assert own_period("from 30 june 2024 to 1 january 2024").years == pytest.approx(1 / 12)


# -- "since" runs to the day the check is run as of: today, or a day given --------------------------

def test_a_period_to_the_present_runs_to_the_day_the_check_is_run_as_of():
    from datetime import date

    from composer.checker import check
    from composer.checker.as_of import today
    from composer.checker.reading import request_from_text

    request, _ = request_from_text("How many stop and searches has the force carried out since 1 January 2015, "
                                   "by ethnicity and by year?")

    def long(**kw):
        return [f for f in check(request, **kw) if f.rule == "cost.long-period"]

    now = long()
    assert now and f"{date.today().year - 2015 + 1} years" in now[0].message  # 2015 to this year
    assert long(as_of=date(2019, 6, 1)) == []  # five years, as read when the request was sent in 2019
    assert long() == now  # and today again: nothing read as of 2019 is remembered
    assert today() == date.today()
