"""Cost follows the coded or filtered set (DIAG-B-wrong, principle C): a filter a system codes (a complaint's
allegation category, a crime flag, a register's status or licence) is counted by a query, and any detail
only a reader finds is read in the matched records alone, not in every record of the kind. Every
`free_text` entry in resources/holdings.toml is audited against what resources/coded.toml says the
record codes. The sentences are written for the test, on subjects of their own, beside the
diagnosis's own examples."""

from __future__ import annotations

import tomllib

import pytest

from composer import paths
from composer.checker import check, knowledge
from composer.checker.estimate import estimate
from composer.checker.reading import read_text
from composer.law import law_for
from composer.model import Act, Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")
LIMIT = law_for(Act.FOIA).cost_limit_hours


def warnings(text: str) -> set[str]:
    request = Request(parts=[Part(text=text)])
    return {f.rule for f in check(request, requester=JANE) if f.severity in ("warning", "error")}


def cost_warnings(text: str) -> set[str]:
    return {rule for rule in warnings(text) if rule.startswith("cost.")}


# (sentence, the record it counts, the largest share of that record's volume it reads or counts)
FILTERED = [
    # the diagnosis's own
    ("How many complaints alleging discriminatory behaviour were recorded against officers in each of the last "
     "three years?", "complaints_misconduct", 0.05),
    ("How many officers are currently under investigation for abuse of position for a sexual purpose?",
     "complaints_misconduct", 0.05),
    ("How many explosives search dogs were withdrawn from service in the last ten years, and the reason for each?",
     "police_dogs", 0.15),
    # ours: other categories, word orders, plurals, a period before or after
    ("Number of misconduct cases involving sexual harassment of colleagues, per year, 2019-2023.",
     "complaints_misconduct", 0.05),
    ("Please give the racist-conduct complaints your PSD logged in 2021 and 2022, with the outcome of each.",
     "complaints_misconduct", 0.05),
    ("For 2018 to 2022, how many allegations of corruption against officers were recorded each year?",
     "complaints_misconduct", 0.05),
    ("How many police dogs were retired or rehomed in the last five years, and the reason for each retirement?",
     "police_dogs", 0.15),
    ("In 2020-2024, how many of the force's horses were put down, and what was the cause of death for each?",
     "police_horses", 0.1),
    ("Figures for online fraud offences recorded in 2023.", "recorded_crime", 1.0),
    ("How many people detained under section 136 in 2023 were taken to a place of safety by ambulance?",
     "mental_health_detentions", 1.0),
    ("How many antisemitic hate crimes were recorded in 2022?", "hate_crime", 0.1),
]


def test_a_field_added_later_is_read_only_for_the_years_before_it():
    """The targeted religion of a hate crime has been a field since 2017: counted from then, read before."""
    recent = estimate(read_text("How many Islamophobic hate crimes were recorded in each year from 2018 to 2023?"),
                      law_for(Act.FOIA))
    older = estimate(read_text("How many Islamophobic hate crimes were recorded in each year from 2013 to 2019?"),
                     law_for(Act.FOIA))
    assert not recent.manual
    assert older.manual and older.hours > LIMIT


@pytest.mark.parametrize("text, record, share", FILTERED)
def test_a_coded_filter_is_counted_and_only_its_matches_read(text, record, share):
    reading = read_text(text)
    assert reading.record is not None and reading.record.id == record, reading.describe()
    assert reading.free_text is None or reading.share is not None, reading.free_text
    assert (reading.share if reading.share is not None else 1.0) <= share
    found = estimate(reading, law_for(Act.FOIA))
    assert found.hours <= LIMIT, found.words
    assert not cost_warnings(text), text


# (sentence, the record whose every file is read)
EVERY_RECORD = [
    ("For every complaint against officers in the last five years, a summary of what was alleged.",
     "complaints_misconduct"),
    ("A summary of each complaint against officers recorded in 2022.", "complaints_misconduct"),
    ("How many police dogs were injured on duty in the last ten years, and how?", "police_dogs"),
    ("How many Taser discharges at dogs were recorded in 2023?", "taser"),
    ("How many times were police dogs taken to the vet in the last ten years, and what were the vet bills?",
     "police_dogs"),
    ("How many complaints against officers since 2015 mentioned the word 'rude' in the complainant's account?",
     "complaints_misconduct"),
]


@pytest.mark.parametrize("text, record", EVERY_RECORD)
def test_a_detail_of_every_record_is_still_read_in_every_record(text, record):
    reading = read_text(text)
    assert reading.record is not None and reading.record.id == record, reading.describe()
    assert reading.share is None  # no coded filter: the whole record set is the population
    found = estimate(reading, law_for(Act.FOIA))
    assert found.manual


def test_every_record_read_past_the_limit_still_warns():
    for text in ("For every complaint against officers in the last five years, a summary of what was alleged.",
                 "How many police dogs were injured on duty in the last ten years, and how?",
                 "How many Taser discharges at dogs were recorded in 2023?"):
        assert cost_warnings(text), text


def test_a_coded_filter_over_many_years_still_adds_up():
    """A filtered set is small a year, not over every year: a summary of each sexual-conduct case since
    2012 is a couple of hundred files."""
    text = "Details of every complaint of sexual misconduct made against officers since 2012, with a summary of each."
    reading = read_text(text)
    assert reading.share is not None and reading.share <= 0.05
    found = estimate(reading, law_for(Act.FOIA))
    assert found.manual and found.hours > LIMIT
    assert cost_warnings(text)


def test_a_filtered_few_before_the_records_went_electronic_are_found_in_paper_archives():
    older = estimate(read_text("How many police horses died or were put down between 1990 and 2024, and what was the "
                               "cause of death in each case?"), law_for(Act.FOIA))
    recent = estimate(read_text("How many police horses died or were put down between 2012 and 2024, and what was the "
                                "cause of death in each case?"), law_for(Act.FOIA))
    assert older.records < 40 and older.hours > LIMIT and "paper" in older.words
    assert recent.hours <= LIMIT and "paper" not in recent.words


def test_a_small_coded_category_of_staff_cases_still_warns_of_small_counts():
    """Cheap to count is not safe to publish: a handful of colleagues a year (s40)."""
    assert "personal_data.staff-matters" in warnings(
        "How many officers were dismissed for sexual misconduct in each of the last three years?")


# -- the audit: no record's free text names what coded.toml says the record codes ---------------------

# Words that are coded in one sense and written in another: a summary offence is a classification, a
# summary of a complaint is read.
_HOMONYMS = frozenset({"summary"})


def _coded_terms() -> dict[str, list[str]]:
    with open(paths.RESOURCES / "coded.toml", "rb") as handle:
        data = tomllib.load(handle)
    terms: dict[str, list[str]] = {}
    for field in data["field"]:
        for rid in field["records"]:
            terms.setdefault(rid, []).extend(field["terms"])
    return terms


@pytest.mark.parametrize("record", [r for r in knowledge.RECORDS if r.free_text is not None
                                    and r.free_text.pattern not in ("", ".")], ids=lambda r: r.id)
def test_no_free_text_entry_names_a_coded_field(record):
    terms = _coded_terms()
    later = record.coded_since[1] if record.coded_since is not None else None  # read only for earlier years
    clashes = [t for t in terms.get(record.id, []) + terms.get("*", [])
               if t.rstrip("*") not in _HOMONYMS and record.free_text.search(t.replace("*", "s"))
               and (later is None or not later.search(t.replace("*", "s")))]
    assert not clashes, f"{record.id}: free_text names what coded.toml codes: {clashes}"
