"""Sub-parts and follow-ups inherit the parent's filter (DIAG-B-wrong, principle M): a part that opens on
the set the part above it counted ("for each", "of these", "this includes, where recorded:", "in each
case"), or a short sub-part naming a field of its parent's records, asks about the parent's matches: it
takes the parent's kind of record, its period and its filter, so the records read are those few, not
every record of the kind. A part that opens a population of its own keeps it. The sentences are written
for the test, on subjects of their own, beside the diagnosis's own examples."""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.engine import Context
from composer.checker.estimate import estimate
from composer.checker.reading import read_part
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def request(*parts) -> Request:
    """Parts as text, or (text, [sub-part texts])."""
    return Request(parts=[Part(text=p) if isinstance(p, str) else Part(text=p[0], subparts=[Part(text=s) for s in p[1]])
                          for p in parts])


def readings(req: Request):
    ctx = Context(req, None, None)
    return ctx, {item.number: read_part(ctx, item) for item in ctx.items}


def cost_warned(req: Request) -> set[str]:
    return {f.rule for f in check(req, requester=JANE) if f.severity in ("warning", "error") and f.rule.startswith("cost.")}


# (the request, the part that follows the set, the record, the largest share of it read)
FOLLOWS_THE_SET = [
    # the diagnosis's own
    (request("How many complaints of discriminatory behaviour were recorded in 2022?",
             "For each, the rank of the officer and the outcome."), "2", "complaints_misconduct", 0.05),
    (request(("How many dogs retired early last year?", ["the reason for each."])), "1a", "police_dogs", 0.15),
    # ours: sub-parts and follow-ups, openers of several kinds, possessives, prose
    (request(("How many allegations of corruption against officers were recorded in 2021?",
              ["of these, the rank of each officer", "a summary of each allegation"])), "1a", "complaints_misconduct", 0.05),
    (request(("How many allegations of corruption against officers were recorded in 2021?",
              ["of these, the rank of each officer", "a summary of each allegation"])), "1b", "complaints_misconduct", 0.05),
    (request(("How many sexual conduct complaints did PSD finalise in 2023?",
              ["Where recorded, please include the sex of the officer and the outcome."])), "1a",
     "complaints_misconduct", 0.05),
    (request("How many complaints of excessive force were upheld in 2022?",
             "For each, the officer's rank and length of service."), "2", "complaints_misconduct", 0.1),
    (request(("How many complaints alleging sexual misconduct were made against officers in each of the last five "
              "years?", ["This includes, where recorded: the sex and rank of the officer complained about",
                         "A summary of each allegation"])), "1a", "complaints_misconduct", 0.05),
    (request(("How many complaints alleging sexual misconduct were made against officers in each of the last five "
              "years?", ["This includes, where recorded: the sex and rank of the officer complained about",
                         "A summary of each allegation"])), "1b", "complaints_misconduct", 0.05),
    (request("How many drugs dogs left service in 2019-2023?", "In each case, what was the reason?"), "2",
     "police_dogs", 0.15),
]


@pytest.mark.parametrize("req, number, record, share", FOLLOWS_THE_SET)
def test_a_part_on_the_parents_set_reads_only_its_matches(req, number, record, share):
    ctx, found = readings(req)
    reading = found[number]
    assert reading.record is not None and reading.record.id == record, reading.describe()
    assert reading.record_inherited
    assert reading.share is not None and reading.share <= share  # the parent's filter, not the whole set
    assert reading.period is not None  # and its period
    assert estimate(reading, ctx.law).hours <= ctx.law.cost_limit_hours
    assert not cost_warned(req)


def test_the_sexual_misconduct_breakdown_is_counted_from_linked_fields():
    """The subject officer's sex and rank come from the HR record the case is linked to: a query."""
    req = request(("How many complaints alleging sexual misconduct were made against officers in each of the last "
                   "five years?", ["This includes, where recorded: the sex and rank of the officer complained about"]))
    ctx, found = readings(req)
    assert not estimate(found["1a"], ctx.law).manual


# (the request, the part that opens a population of its own, the share it reads: None for the whole set)
OWN_POPULATION = [
    # the diagnosis's own
    (request("2. For every complaint against officers recorded in 2022, the rank of the officer and the outcome."),
     "1"),
    (request("How many complaints against officers were recorded in 2022?", "Separately, all complaints by rank."), "2"),
    (request("How many complaints against officers were recorded in 2022?", "A summary of each allegation."), "2"),
    # ours
    (request("How many police dogs retired in 2022?",
             "For each of your police dogs, its age and the reason for any vet visit in 2022."), "2"),
    (request(("How many complaints against officers were recorded in 2023?", ["of these, how many were upheld?"])),
     "1a"),
    (request("How many complaints against officers were recorded in 2021?",
             "In each case, a summary of what was alleged."), "2"),
]


@pytest.mark.parametrize("req, number", OWN_POPULATION)
def test_a_part_without_a_filtered_parent_reads_the_whole_set(req, number):
    _, found = readings(req)
    assert found[number].share is None, found[number].describe()


def test_details_of_every_match_of_an_unfiltered_parent_still_costs():
    req = request("How many complaints against officers were recorded in 2022?", "A summary of each allegation.")
    assert cost_warned(req)


def test_a_sub_part_with_a_subject_of_its_own_keeps_it():
    _, found = readings(request(("How many complaints of discriminatory behaviour were recorded in 2022?",
                                 ["How much did the force spend on diversity training in 2022?"])))
    assert found["1a"].record is not None and found["1a"].record.id == "finance"
    assert not found["1a"].record_inherited
