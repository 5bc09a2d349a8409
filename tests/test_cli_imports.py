"""Quick commands load only what they use: none loads the checker (about 0.3 s of compiling its
patterns), help and the version load neither the law nor pydantic's models, and the calendar loads
the `holidays` package's United Kingdom calendar, not the package's 250-odd countries. Each command
runs in a fresh process, as a user runs it; bench/bench_startup.py times them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CODE = """
import json, sys
from composer.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("LOADED " + json.dumps(sorted(m for m in sys.modules if m.startswith(("composer", "pydantic", "holidays", "docx", "docxtpl", "jinja2")))))
"""


def loaded(data_home, *args: str) -> set[str]:
    env = {**os.environ, "FOI_COMPOSER_HOME": str(data_home)}
    out = subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True, env=env,
                         timeout=120)
    line = out.stdout.splitlines()[-1]
    assert line.startswith("LOADED "), out.stdout + out.stderr
    return set(json.loads(line[len("LOADED "):]))


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["due", "--help"], ["check", "--help"],
                                  ["campaign", "update", "--help"]])
def test_help_and_the_version_load_no_law_and_no_models(data_home, args):
    modules = loaded(data_home, *args)
    assert "composer.cli" in modules
    assert not modules & {"composer.law", "composer.model", "composer.checker", "pydantic"}, sorted(modules)


@pytest.mark.parametrize("args", [["due", "2026-11-02", "--act", "foia"], ["due", "2026-11-02", "--force", "kent_police"],
                                  ["holidays", "list", "--year", "2026"], ["bank"], ["forces"]])
def test_quick_commands_do_not_load_the_checker(data_home, args):
    modules = loaded(data_home, *args)
    assert "composer.law" in modules or "composer.forces" in modules  # the command did its work
    assert not {m for m in modules if m.startswith(("composer.checker", "composer.letters", "composer.campaign"))}


@pytest.mark.parametrize("args", [["due", "2026-11-02", "--act", "foia"], ["due", "2026-11-02", "--act", "foisa"],
                                  ["holidays", "list", "--year", "2026"]])
def test_the_calendar_loads_the_united_kingdoms_holidays_alone(data_home, args):
    modules = loaded(data_home, *args)
    countries = {m for m in modules if m.startswith("holidays.countries")}
    assert countries == {"holidays.countries.united_kingdom"}, sorted(countries)


def test_checking_a_request_loads_no_letter_writer(data_home, tmp_path):
    # The checker's judgement of a force lives in composer.letters; Word's and Jinja's libraries
    # come with the writers only, which a check never uses.
    request = tmp_path / "request.foi.json"
    env = {**os.environ, "FOI_COMPOSER_HOME": str(data_home)}
    subprocess.run([sys.executable, "-m", "composer", "new", "--modules", "use_crime_mapping(identity,cost),format",
                    "--forces", "kent_police", "-o", str(request)], env=env, check=True, capture_output=True)
    modules = loaded(data_home, "check", str(request))
    assert "composer.letters.judgement" in modules
    assert not modules & {"docx", "docxtpl", "jinja2", "composer.letters.word"}, sorted(modules)


@pytest.mark.parametrize("args", [["due", "2026-11-02", "--act", "foia"], ["holidays", "list", "--year", "2026"]])
def test_counting_days_with_no_file_to_read_loads_no_pydantic(data_home, args):
    # pydantic is for reading files: with no corrections saved and no force directory asked
    # for, the calendar's commands need neither it nor the models
    modules = loaded(data_home, *args)
    assert "composer.calendar" in modules and "composer.law" in modules
    assert not {m for m in modules if m.startswith("pydantic")} | (modules & {"composer.model"}), sorted(modules)


def test_saved_corrections_are_read_all_the_same(data_home):
    from composer.cli import main

    assert main(["holidays", "add", "2026-11-23", "State funeral"]) == 0
    modules = loaded(data_home, "due", "2026-11-02", "--act", "foia")
    assert "pydantic" in modules  # the corrections file is read with its model
