from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from composer import calendar
from composer.calendar import (
    Calendar,
    DayOverride,
    Overrides,
    Region,
    add_holiday,
    add_working_days,
    due_date,
    explain_due,
    is_working_day,
    remove_holiday,
    reset_holiday,
)
from composer.cli import main
from composer.dates import parse_date
from composer.errors import ComposerError
from composer.model import Act


# -- the dates only a correct calendar gets -----------------------------------------------------
def test_english_force_stops_for_st_andrews_day():
    # 30 November 2026 is a Monday: a bank holiday in Scotland only, but FOIA s10(6) counts it.
    assert due_date(date(2026, 11, 20), Act.FOIA) == date(2026, 12, 21)


def test_police_scotland_ignores_easter_monday_and_st_patricks_day():
    assert due_date(date(2027, 3, 1), Act.FOISA) == date(2027, 3, 30)


def test_english_force_stops_for_st_patrick_good_friday_and_easter_monday():
    assert due_date(date(2027, 3, 1), Act.FOIA) == date(2027, 4, 1)


def test_the_union_is_needed_not_the_common_days():
    skipped = dict(explain_due(date(2027, 3, 1), Act.FOIA).skipped)
    assert "Northern Ireland" in skipped[date(2027, 3, 17)]
    assert skipped[date(2027, 3, 26)] == "Good Friday"
    assert "England, Wales and Northern Ireland" in skipped[date(2027, 3, 29)]
    assert date(2027, 3, 29) not in dict(explain_due(date(2027, 3, 1), Act.FOISA).skipped)


# -- counting rules -----------------------------------------------------------------------------
def test_receipt_is_day_zero():
    assert add_working_days(date(2026, 11, 18), 1, Act.FOIA) == date(2026, 11, 19)
    assert add_working_days(date(2026, 11, 18), 0, Act.FOIA) == date(2026, 11, 18)


def test_received_on_a_weekend_counts_from_the_next_working_day():
    saturday = explain_due(date(2026, 11, 21), Act.FOIA)
    assert saturday.day_one == date(2026, 11, 23)
    assert saturday.due == due_date(date(2026, 11, 20), Act.FOIA)


def test_received_on_a_bank_holiday_counts_from_the_next_working_day():
    easter_monday = explain_due(date(2027, 3, 29), Act.FOIA)
    assert easter_monday.day_one == date(2027, 3, 30)
    # In Scotland Easter Monday is an ordinary working day, but still day zero.
    assert explain_due(date(2027, 3, 29), Act.FOISA).day_one == date(2027, 3, 30)


def test_christmas_and_good_friday_never_work_under_foia_whatever_the_lists_say():
    good_friday = date(2027, 3, 26)
    cal = Calendar(Overrides(removed=[DayOverride(date=good_friday), DayOverride(date=date(2026, 12, 25))]))
    assert cal.non_working_reason(good_friday, Act.FOIA) == "Good Friday"
    assert cal.non_working_reason(date(2026, 12, 25), Act.FOIA) == "Christmas Day"
    assert cal.non_working_reason(date(2026, 12, 25), Act.FOISA) == "Christmas Day"
    with pytest.raises(ComposerError, match="never a working day"):
        remove_holiday(good_friday)


def test_weekends_and_plain_days():
    assert not is_working_day(date(2026, 11, 21), Act.FOIA)
    assert not is_working_day(date(2026, 11, 22), "foisa")
    assert is_working_day(date(2026, 11, 23), Act.FOIA)
    assert is_working_day(date(2027, 3, 17), Act.FOISA)
    assert not is_working_day(date(2027, 3, 17), Act.FOIA)


def test_working_days_between_counts_like_add():
    cal = calendar.default_calendar()
    start = date(2027, 3, 1)
    end = cal.add_working_days(start, 20, Act.FOIA)
    assert cal.working_days_between(start, end, Act.FOIA) == 20
    assert cal.working_days_between(end, start, Act.FOIA) == -20


# -- the user's corrections ---------------------------------------------------------------------
def test_a_proclaimed_day_moves_the_due_date_and_is_saved(data_home):
    received = date(2026, 11, 20)
    add_holiday(date(2026, 12, 1), "A proclaimed day", [Region.WALES])
    assert due_date(received, Act.FOIA) == date(2026, 12, 22)
    assert due_date(received, Act.FOISA) == date(2026, 12, 21)  # Wales only: not for FOISA
    saved = json.loads((data_home / "holidays-overrides.json").read_text("utf-8"))
    assert saved["added"][0]["date"] == "2026-12-01" and saved["added"][0]["regions"] == ["WLS"]

    remove_holiday(date(2026, 11, 30), [Region.SCOTLAND])  # say St Andrew's Day were not a holiday
    assert due_date(received, Act.FOIA) == date(2026, 12, 21)
    assert due_date(received, Act.FOISA) == date(2026, 12, 18)

    assert reset_holiday(date(2026, 11, 30)) is True
    assert reset_holiday(date(2026, 11, 30)) is False
    assert due_date(received, Act.FOISA) == date(2026, 12, 21)


def test_adding_a_day_undoes_a_removal_for_the_same_place():
    remove_holiday(date(2027, 3, 17))
    assert is_working_day(date(2027, 3, 17), Act.FOIA)
    add_holiday(date(2027, 3, 17), "Saint Patrick's Day", [Region.NORTHERN_IRELAND])
    overrides, _ = calendar.load_overrides()
    assert [d.regions for d in overrides.removed] == [[Region.ENGLAND, Region.WALES, Region.SCOTLAND]]
    assert not is_working_day(date(2027, 3, 17), Act.FOIA)


def test_a_corrupt_overrides_file_is_set_aside_with_a_message(data_home):
    path = data_home / "holidays-overrides.json"
    path.write_text('{"schema_version": 1, "added": [{"date": "not a date"}]}', "utf-8")
    cal = calendar.default_calendar()
    assert cal.problem and "holidays-overrides.json" in cal.problem and "moved to" in cal.problem
    assert not path.exists()
    kept = list((data_home / ".set-aside").iterdir())
    assert len(kept) == 1 and "not a date" in kept[0].read_text("utf-8")
    assert cal.due_date(date(2026, 11, 20), Act.FOIA) == date(2026, 12, 21)


def test_add_needs_a_name():
    with pytest.raises(ComposerError, match="name"):
        add_holiday(date(2026, 12, 1), "  ")


# -- dates typed by a person --------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [("2026-11-20", date(2026, 11, 20)),
                                            ("20/11/2026", date(2026, 11, 20)),
                                            (" 2027-3-1 ", date(2027, 3, 1))])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, message", [("2026-02-30", "not a real date"),
                                           ("11/20/2026", "not a real date"),
                                           ("next week", "write it as YYYY-MM-DD")])
def test_parse_date_refuses(text, message):
    with pytest.raises(ComposerError, match=message):
        parse_date(text)


# -- the command --------------------------------------------------------------------------------
def test_due_command_prints_the_date(capsys):
    assert main(["due", "2026-11-20", "--force", "the_met"]) == 0
    assert capsys.readouterr().out == "2026-12-21\n"
    assert main(["due", "2027-03-01", "--force", "police_scotland"]) == 0
    assert capsys.readouterr().out == "2027-03-30\n"
    assert main(["due", "2027-03-01", "--act", "foia", "--days", "1"]) == 0
    assert capsys.readouterr().out == "2027-03-02\n"


def test_due_command_json_says_what_was_skipped(capsys):
    assert main(["due", "2026-11-20", "--act", "foia", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["due"] == "2026-12-21" and out["day_one"] == "2026-11-23"
    weekdays = [s for s in out["skipped"] if s["why"] not in ("Saturday", "Sunday")]
    assert weekdays == [{"date": "2026-11-30", "why": "Saint Andrew's Day (bank holiday in Scotland)"}]


def test_due_command_bad_date_is_one_line_exit_2(capsys):
    assert main(["due", "30/02/2027", "--act", "foia"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a real date" in err


def test_due_command_needs_force_or_act(capsys):
    with pytest.raises(SystemExit) as info:
        main(["due", "2026-11-20"])
    assert info.value.code == 2


def test_holidays_commands(capsys, data_home):
    assert main(["holidays", "add", "2026-12-01", "Proclaimed", "--region", "SCT"]) == 0
    capsys.readouterr()
    assert main(["due", "2026-11-20", "--act", "foisa"]) == 0
    assert capsys.readouterr().out == "2026-12-22\n"
    assert main(["holidays", "list", "--year", "2026", "--act", "foisa"]) == 0
    assert "2026-12-01  Tue  Proclaimed (bank holiday in Scotland)" in capsys.readouterr().out
    assert main(["holidays", "reset", "2026-12-01"]) == 0
    assert main(["holidays", "reset", "2026-12-01"]) == 2


def test_the_holidays_package_is_whole_after_the_united_kingdom_is_loaded_alone():
    # The calendar loads the UK's module without the package's list of countries; whoever
    # imports the package afterwards gets every country, and the same UK calendar.
    code = """
import holidays
from datetime import date
from composer.calendar import Region, _package_holidays, _united_kingdom
days = _package_holidays(Region.NORTHERN_IRELAND, 2026)
import holidays.countries
assert holidays.countries.UnitedKingdom is _united_kingdom()
assert dict(holidays.country_holidays("GB", subdiv="NIR", years=2026)) == days
assert date(2026, 7, 14) in holidays.country_holidays("FR", years=2026)
print(days[date(2026, 3, 17)])
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Saint Patrick's Day"
