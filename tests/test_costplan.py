"""The cost plan: hours per part and sub-part in the order a force answers, the running total
against each Act's limit, where a force would stop, and the letter following the accepted order."""

from __future__ import annotations

import json

import pytest

from composer import costplan
from composer.cli import main
from composer.forces import load_directory
from composer.law import LAWS
from composer.model import Act, Part, Request
from composer.operations.request import accept_order
from composer.outline import body_as_text, letter_body

FOIA, FOISA = LAWS[Act.FOIA], LAWS[Act.FOISA]
CHEAP = "Does the force use the system?"
# Read by hand: who was arrested as a result of the tool is in each record's text, not a field.
COSTLY = ("How many people were arrested as a result of the system from 2015 to 2024, broken down "
          "by age, race and gender?")
COUNT = "How many stop and searches were carried out in 2023, broken down by month?"


def request() -> Request:
    return Request(parts=[
        Part(id="big", text=COSTLY),
        Part(id="parent", text="About the system's use:", subparts=[
            Part(id="s1", text=COSTLY.replace("from 2015 to 2024", "in 2023")),
            Part(id="s2", text=CHEAP),
        ]),
        Part(id="small", text=CHEAP),
    ])


def test_each_part_and_sub_part_has_hours_in_words_and_a_running_total():
    plan = costplan.plan(request(), FOIA)
    assert [r.part_id for r in plan.rows] == ["big", "parent", "s1", "s2", "small"]
    assert [r.number for r in plan.rows] == ["1", "2", "2a", "2b", "3"]
    big = plan.rows[0]
    assert big.hours > FOIA.cost_limit_hours and big.cost.manual
    assert "records read at" in big.cost.words and big.cost.words.startswith("about")
    assert big.cost.reading.startswith("Read as:")
    assert plan.rows[-1].hours < 2
    running = 0.0
    for row in plan.rows:
        running += row.added
        assert row.running == pytest.approx(running)
    assert plan.total == pytest.approx(running)


def test_the_stop_line_is_where_the_running_total_passes_the_acts_limit():
    plan = costplan.plan(request(), FOIA)
    assert plan.stop_index == 0  # the costly part first uses up the whole limit
    assert not any(r.within for r in plan.rows)
    assert "stop before part 1" in plan.notes[0]
    cheap_first = costplan.plan(request(), FOIA, order=["small", "parent", "big"], subparts={"parent": ["s2", "s1"]})
    assert [r.part_id for r in cheap_first.answered()] == ["small", "parent", "s2"]
    assert cheap_first.rows[cheap_first.stop_index].part_id == "s1"
    assert cheap_first.limit == 18 and costplan.plan(request(), FOISA).limit == 40


def test_suggest_puts_the_users_priority_first_then_the_cheapest_and_moves_sub_parts_within_their_parent():
    req = request()
    plan = costplan.suggest(req, FOIA)
    assert plan.order == ["small", "parent", "big"]
    assert plan.subparts == {"parent": ["s2", "s1"]}
    assert [r.parent_id for r in plan.rows if r.part_id in ("s1", "s2")] == ["parent", "parent"]
    req.parts[0].priority = 1  # wanted most: first, however costly
    assert costplan.suggest(req, FOIA).order[0] == "big"
    assert "you ranked it 1" in costplan.suggest(req, FOIA).reasons["big"]


def test_a_sub_part_that_leans_on_the_one_before_stays_after_it():
    req = Request(parts=[Part(id="p", text="About arrests:", subparts=[
        Part(id="a", text=COSTLY),
        Part(id="b", text="Of these, how many were charged?"),
        Part(id="c", text=CHEAP),
    ])])
    order = costplan.suggest(req, FOIA).subparts["p"]
    assert order.index("b") == order.index("a") + 1 and order[0] == "c"


def test_many_modest_parts_add_up_over_the_limit_and_the_plan_says_so():
    years = range(2015, 2025)
    req = Request(parts=[Part(text=f"Please provide a copy of the force's annual report on custody for {y}.")
                         for y in years] + [Part(text=f"Please provide a copy of the minutes of the {y} "
                                                     "ethics board meeting.") for y in years])
    plan = costplan.plan(req, FOIA)
    assert all(r.hours < FOIA.cost_limit_hours / 4 for r in plan.rows)
    assert plan.total > FOIA.cost_limit_hours and plan.stop_index is not None
    assert any("No part alone passes the limit" in n and "reg 5" in n for n in plan.notes)
    assert all("No part alone" not in n for n in costplan.plan(req, FOISA).notes) or \
        costplan.plan(req, FOISA).total > FOISA.cost_limit_hours


def test_under_foisa_every_part_counts_together_and_no_kind_of_record_is_set_apart():
    """Under FOISA the parts of one letter are one request (SSI 2004/467 regs 3 and 5): the plan says
    every part counts towards the one limit, not that a force may add similar parts."""
    years = range(2000, 2025)
    req = Request(parts=[Part(text=f"Please provide a copy of the force's annual report on custody for {y}.")
                         for y in years] + [Part(text=f"Please provide a copy of the minutes of the {y} "
                                                     "ethics board meeting.") for y in years])
    plan = costplan.plan(req, FOISA)
    assert plan.total > FOISA.cost_limit_hours and all(r.hours < FOISA.cost_limit_hours / 4 for r in plan.rows)
    assert any("every part of one letter counts towards the one limit" in n for n in plan.notes)
    assert not any("treat them as one" in n or "similar information" in n for n in plan.notes)
    assert any("similar information" in n for n in costplan.plan(req, FOIA).notes)


def test_the_clause_being_off_is_named_when_the_limit_is_passed():
    req = request()
    req.options.cost_limit_clause = False
    assert any("cost-limit clause is off" in n for n in costplan.plan(req, FOIA).notes)
    assert not any("cost-limit clause is off" in n for n in costplan.plan(request(), FOIA).notes)


def test_accept_order_moves_sub_parts_within_their_parent_in_one_step():
    req = request()
    suggestion = costplan.suggest(req, FOIA)
    done = accept_order(req, order=suggestion.order, subparts=suggestion.subparts)
    new = done.value
    assert [p.id for p in new.parts] == ["small", "parent", "big"]
    assert [s.id for s in new.find("parent").subparts] == ["s2", "s1"]
    assert [p.priority for p in new.parts] == [1, 2, 3]
    assert [s.id for s in req.find("parent").subparts] == ["s1", "s2"]  # the original untouched
    assert costplan.is_current(new, suggestion) and not costplan.is_current(req, suggestion)
    # A sub-part cannot leave its parent, and ids that are gone are ignored.
    stray = accept_order(req, order=["big"], subparts={"parent": ["small", "gone", "s2"]}).value
    assert [s.id for s in stray.find("parent").subparts] == ["s2", "s1"]
    assert [p.id for p in stray.parts] == ["big", "parent", "small"]


@pytest.mark.parametrize("force_id", ["west_mercia_police", "police_scotland"])
def test_the_letter_asks_for_the_accepted_order_up_to_the_forces_own_limit(force_id):
    force = load_directory().get(force_id)
    law = LAWS[force.act]
    req = request()
    suggestion = costplan.suggest(req, law)
    accepted = accept_order(req, order=suggestion.order, subparts=suggestion.subparts).value
    body = letter_body(accepted, force)
    assert [p.part_id for p in body.parts] == [r.part_id for r in suggestion.rows]
    assert [p.number for p in body.parts] == [r.number for r in suggestion.rows]
    clause = next(c for c in body.clauses if "order they are numbered" in c)
    assert f"£{law.cost_limit_pounds}" in clause and law.title in clause
    text = body_as_text(body)
    assert text.index(CHEAP) < text.index(COSTLY)  # the letter reads in the accepted order


def test_a_clause_in_the_requesters_own_words_gains_the_order_it_lacks():
    force = load_directory().get("west_mercia_police")
    req = request()
    req.options.cost_limit_wording = "If this would exceed the cost limit, please tell me."
    clause = letter_body(req, force).clauses[-1]
    assert "in the order they are numbered above" in clause and "£450" in clause
    req.options.cost_limit_wording = "If this would exceed the limit, please answer the parts in priority order."
    assert "numbered above" not in letter_body(req, force).clauses[-1]


def test_order_command_prints_the_plan_and_saves_the_suggestion(tmp_path, capsys):
    path = tmp_path / "r.foi.json"
    path.write_text(request().model_dump_json(), "utf-8")
    assert main(["order", str(path), "--act", "foisa"]) == 0
    out = capsys.readouterr().out
    assert "limit 40 hours (FOISA)" in out and "a force would likely stop here" in out
    assert out.index("1. How many people were arrested") < out.index("3. Does the force")
    assert main(["order", str(path), "--suggest", "--save"]) == 0
    out = capsys.readouterr().out
    assert "Saved this order" in out
    saved = json.loads(path.read_text("utf-8"))
    assert [p["id"] for p in saved["parts"]] == ["small", "parent", "big"]
    assert main(["order", str(path), "--suggest"]) == 0
    assert "already reads in this order" in capsys.readouterr().out
    assert main(["order", str(path), "--json", "--act", "foia"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["act"] == "FOIA" and plan["limit_hours"] == 18
    assert [p["id"] for p in plan["parts"]] == ["small", "parent", "s2", "s1", "big"]
    assert plan["stop_before"] == "2b" and plan["parts"][-1]["running_hours"] == plan["total_hours"]
    assert not plan["parts"][-1]["within"] and plan["parts"][0]["within"]


def test_order_command_refuses_bad_input_in_one_line(tmp_path, capsys):
    text = tmp_path / "letter.txt"
    text.write_text("1. How many arrests were made in 2023?\n2. Does the force use the system?\n", "utf-8")
    assert main(["order", str(text), "--suggest", "--save"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--save" in err
    assert main(["order", str(tmp_path / "missing.foi.json")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_check_why_prints_the_reasoning_behind_each_finding(tmp_path, capsys):
    letter = tmp_path / "letter.txt"
    letter.write_text(f"1. {COSTLY}\n2. {CHEAP}\n", "utf-8")
    from composer.checker import check
    from composer.checker.reading import request_from_text

    main(["check", str(letter)])
    short = capsys.readouterr().out
    main(["check", str(letter), "--why"])
    out = capsys.readouterr().out
    assert "Why: Read as: asks for a count of arrests" in out
    assert "records read at" in out  # the hours estimate is part of the reasoning
    findings = check(request_from_text(letter.read_text("utf-8"))[0])
    lines = [line for f in findings for line in f.why()]
    assert lines and all(" ".join(line.split()[:6]) in " ".join(out.split()) for line in lines)
    assert short.count("Why:") == sum(min(3, len(f.why())) for f in findings)
    assert out.count("Why:") == len(lines)


def test_order_command_scales_hours_by_the_forces_size_as_check_does(tmp_path, capsys):
    path = tmp_path / "r.foi.json"
    path.write_text(request().model_dump_json(), "utf-8")
    from composer.checker.estimate import estimates

    hours = {}
    for force_id in ("the_met", "dyfed_powys_police"):
        assert main(["order", str(path), "--json", "--force", force_id]) == 0
        plan = json.loads(capsys.readouterr().out)
        hours[force_id] = {p["id"]: p["hours"] for p in plan["parts"]}
        by_check, _law = estimates(request(), load_directory().get(force_id))
        assert hours[force_id] == {pid: round(e.hours, 2) for pid, e in by_check.items()}
        assert not any("middling force" in n for n in plan["notes"])
    assert hours["the_met"]["big"] > hours["dyfed_powys_police"]["big"]
    assert main(["order", str(path), "--json", "--act", "foia"]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert sum("middling force" in n for n in notes) == 1


def test_the_plan_says_whose_size_its_hours_are_for():
    request = Request(parts=[Part(text="Please provide a copy of your drone policy.")])
    law = LAWS[Act.FOIA]
    met = load_directory().get("the_met")
    said = " ".join(costplan.plan(request, law, force=met).notes)
    assert f"Hours are for {met.name_in_text}, a force of about {round(met.officers, -2):,.0f} officers" in said
    unsized = met.model_copy(update={"strength": None})
    said = " ".join(costplan.plan(request, law, force=unsized).notes)
    assert "does not know" in said and "middling force" in said
    assert "Hours are for a middling force" in " ".join(costplan.plan(request, law).notes)


@pytest.mark.parametrize("hours", [1.5, 2.5, 3.5, 4.45, 6.5, 8.5])
def test_a_rows_hours_and_its_words_round_the_same_way(hours):
    """QA-S6: `order` printed "2.5 h … about 2 hours" beside "3.5 h … about 4 hours"
    (Python rounds halves to even); the words round the figure shown, halves up."""
    from composer.checker.estimate import about_hours

    shown = float(costplan.hours_words(hours).removesuffix(" h"))
    assert about_hours(hours) == f"about {int(shown + 0.5)} hours"


@pytest.mark.parametrize("hours, shown", [(0.5, "0.5 h"), (12.0, "12 h"), (12.5, "12.5 h"), (17.5, "17.5 h"),
                                          (18.5, "18.5 h"), (18.4, "18.5 h"), (56.2, "56 h"), (99.5, "99.5 h"),
                                          (397.4, "397 h"),
                                          (1390.5, "1,391 h")])
def test_a_half_hour_shows_where_it_can_move_the_stop_line(hours, shown):
    """QA-S8: the order dialog said "A force would likely stop here: 18 h answered of the 18 hours
    (FOIA) limit; part 2 would take it to 18 h" (17.5 and 18.5 hours, both shown rounded to even)."""
    assert costplan.hours_words(hours) == shown


def test_a_part_whose_figures_come_from_a_query_already_written_says_why_it_adds_less():
    """QA-S8: the second system's cost part showed "2.5 h" while the running total rose by 0.5
    hours, with nothing to say why (the finance query written for part 1b gives its figures)."""
    request = Request(parts=[
        Part(id="p1", text="System one?", subparts=[Part(id="a1", text="Its name?"), Part(id="c1", text="Its cost?")]),
        Part(id="p2", text="System two?", subparts=[Part(id="c2", text="Its cost?")]),
    ])
    costs = {pid: costplan.PartCost(pid, 0.5, "under an hour", "Read as: a fact.") for pid in ("p1", "a1", "p2")}
    for pid in ("c1", "c2"):
        costs[pid] = costplan.PartCost(pid, 2.5, "about 3 hours: a query", "Read as: a count.",
                                       record="finance", query=True)
    plan = costplan.plan(request, FOIA, costs=costs)
    first, second = (r for r in plan.rows if r.part_id in ("c1", "c2"))
    assert costplan.shared_words(first) is None
    assert second.added == pytest.approx(0.5) and second.shares == "1b"
    assert costplan.shared_words(second) == ("Adds only 0.5 h to the total: the query on finance and "
                                             "contract records written for part 1b gives these figures too.")
    moved = costplan.plan(request, FOIA, order=["p2", "p1"], costs=costs)
    assert next(r for r in moved.rows if r.part_id == "c1").shares == "1a"
