"""Three shapes of request that cost more than they look, each recognised by its grammar rather than
its subject: a kind of thing inside the events counted (a breed, make, brand, colour or species that
no crime or incident record codes); a later stage asked of each record of another kind (for each
stop, whether the person was convicted), which means tracing records across systems one by one; and a
long list of offence codes, each searched on its own, where finding out whether each is held counts
too (FOIA s12(2)). Every sentence here is written for the test, on subjects of its own."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.engine import Context
from composer.checker.estimate import estimate
from composer.checker.reading import kind_criterion, read_part, read_text
from composer.law import law_for
from composer.model import Act, Part, Request


def R(*parts: str, intro: str | None = None) -> Request:
    return Request(parts=[Part(text=t) for t in parts], introduction=intro)


def cost_warnings(request: Request) -> set[str]:
    return {f.rule for f in check(request) if f.category == "cost" and f.severity != "info"}


# (why, request, must it draw a cost warning?)
CASES = [
    # A kind of animal, vehicle or object inside the events: each record read to find it.
    ("a breed before the event", R("How many Rottweiler attacks on postal workers were reported in 2023?"), True),
    ("a make after the event", R("How many thefts of Toyota vehicles were recorded in each year from 2020 to 2023?"), True),
    ("a species involved", R("How many road collisions involving deer were recorded in 2022?"), True),
    ("a brand stolen", R("How many robberies of Samsung phones were recorded in 2023?"), True),
    ("a colour of vehicle", R("How many burglaries involving silver vans were reported in 2024?"), True),
    ("a kind someone suspected", R("How many suspected Akita attacks did the force deal with in 2023?"), True),
    ("the offence itself is coded", R("How many thefts of motor vehicles were recorded in each year from 2020 to 2023?"), False),
    ("a coded flag, capitalised", R("How many suspected Domestic Abuse incidents were recorded in 2023?"), False),
    ("a register of the force's own animals", R("How many horses does the mounted unit currently have?"), False),
    ("plain robberies", R("How many robberies were recorded in 2023, broken down by month?"), False),
    ("a kind as a breakdown", R("How many bicycles were reported stolen in 2023, broken down by make and model?"), True),
    ("a species as a breakdown", R("How many attacks on livestock by dogs were reported in 2023, by species?"), True),
    ("the force's own fleet by make", R("How many marked cars does the force have, by make and model?"), False),
    ("the force's own dogs by breed", R("How many police dogs did the force have in 2023, by breed?"), False),
    ("a colour in a street's name", R("How many collisions on Green Lane were recorded in 2023?"), False),
    ("a species in an estate's name", R("How many crimes on the Fox Hill estate were recorded in 2023?"), False),
    ("a make in a road's name", R("How many burglaries on Ford Road were recorded in 2022?"), False),
    # A later stage of each record, held in another system.
    ("stops traced to convictions", R("In 2023, how many stop and searches were carried out, and of those, how many of the people "
                                      "searched were later convicted?"), True),
    ("arrests traced to charges in a second part", R("How many people were arrested for criminal damage in each of 2021, 2022 and 2023?",
                                                     "For each of those arrests, how many were charged or cautioned?"), True),
    ("crimes traced to sentences", R("How many vehicle crimes were recorded in 2022, and of these how many offenders were sentenced to prison?"), True),
    ("a crime's own outcome is coded", R("How many arson offences were recorded in 2023 and how many resulted in a charge or summons?"), False),
    ("two counts side by side", R("How many people were arrested for fraud in 2023?", "How many people were charged with fraud in 2023?"), False),
    ("a search's own outcome", R("How many stop and searches in 2023 resulted in an arrest?"), False),
]


@pytest.mark.parametrize("why, request_, expected", CASES, ids=[c[0] for c in CASES])
def test_cost_warning(why, request_, expected):
    assert ("cost.estimate" in cost_warnings(request_)) is expected, why


def test_a_kind_is_found_before_and_after_the_event_and_quoted_from_the_text():
    text = "How many thefts of Range Rover vehicles were recorded?"
    assert kind_criterion(text, text.lower()) == ("thefts of Range Rover vehicles", "thefts")
    text = "How many Husky attacks were there?"
    assert kind_criterion(text, text.lower()) == ("Husky attacks", "attacks")
    text = "How many thefts from shops were there?"
    assert kind_criterion(text, text.lower()) is None


def test_a_kind_moves_the_count_from_the_animals_register_to_the_events():
    reading = read_text("How many horse attacks were reported in 2023?")
    assert reading.record is not None and reading.record.id != "police_horses"
    assert reading.free_text == "horse attacks"


def test_a_later_stage_is_read_from_the_part_that_leans_on_the_count_before():
    request = R("How many people were arrested for drug supply in 2023?", "Of those, how many were convicted?")
    ctx = Context(request, None, None)
    first, second = (read_part(ctx, item) for item in ctx.items)
    assert first.follows is None
    assert second.record.id == "arrests" and second.follows == "convicted"
    est = estimate(second, law_for(Act.FOIA))
    assert est.manual and "traced" in est.words and est.remedy


CODES = "\n".join(f"{n:03d}/{m:02d}" for n in (28, 29, 30) for m in range(1, 9))  # 24 codes


def test_many_offence_codes_are_each_searched_and_whether_held_counts_under_foia():
    reading = read_text(f"The number of crimes recorded in 2023 under each of these Home Office codes:\n{CODES}")
    assert reading.listed == 24
    foia = estimate(reading, law_for(Act.FOIA))
    foisa = estimate(reading, law_for(Act.FOISA))
    assert foia.hours > foisa.hours  # finding out whether each is held counts only under FOIA
    assert "s12(2)" in foia.words and "s12(2)" not in foisa.words
    assert foia.manual and foia.remedy


def test_a_few_codes_or_financial_years_are_not_a_long_list():
    reading = read_text("The number of crimes recorded in 2021/22 and 2022/23 under codes 008/01 and 008/02.")
    assert reading.listed == 2
    assert not estimate(reading, law_for(Act.FOIA)).manual


def test_arrests_for_an_offence_group_are_its_share_of_all_arrests():
    law = law_for(Act.FOIA)
    request = R("How many people were arrested for burglary in 2023, and of those, how many were convicted?")
    narrow = read_part(Context(request, None, None), Context(request, None, None).items[0])
    request = R("How many people were arrested in 2023, and of those, how many were convicted?")
    broad = read_part(Context(request, None, None), Context(request, None, None).items[0])
    assert narrow.follows == broad.follows == "convicted"
    assert 0 < estimate(narrow, law).records < estimate(broad, law).records / 10


def test_offence_categories_one_to_a_line_are_a_list_too():
    many = ["Arson", "Criminal damage to a dwelling", "Shoplifting", "Theft of a pedal cycle", "Robbery of business property",
            "Fraud by false representation", "Stalking", "Harassment", "Blackmail", "Kidnapping", "Possession of weapons",
            "Public order offences"]
    reading = read_text("The number of crimes recorded in each of 2021, 2022 and 2023 for:\n"
                        + "\n".join(f"- {name}" for name in many))
    assert reading.listed == 12
    assert "12 offence codes or categories" in estimate(reading, law_for(Act.FOIA)).words
    few = read_text("The number of crimes recorded in 2023 for:\n- Arson\n- Stalking\n- Blackmail\n- Please reply by email")
    assert few.listed == 3
