"""Cost-limit ordering: most wanted first, and among equals the cheapest first."""

from __future__ import annotations

from composer.model import Part, Request
from composer.operations.request import accept_order
from composer.ordering import OrderSuggestion, block_burden, suggest_order, text_burden

COSTLY = "Please provide all correspondence about the system."
CHEAP = "Does the force use the system?"
STATS = "How many people were stopped in 2023?"


def test_text_burden_reads_the_wording():
    assert text_burden(COSTLY)[0] == "high"
    assert text_burden("Please give the ethnicity of those arrested as a result of the tool.")[0] == "high"
    assert text_burden(STATS)[0] == "medium"
    assert text_burden(CHEAP)[0] == "low"
    assert text_burden("What is the name of the system?")[0] == "low"


def test_bank_burden_wins_over_the_wording():
    part = Part(text="Anything at all, however worded", source="usage_data.outcomes")
    assert block_burden(part)[0] == "high"
    assert block_burden(Part(text=COSTLY, source="identity.name"))[0] == "low"


def test_unranked_parts_go_cheapest_first_with_reasons():
    a, b, c = Part(text=COSTLY), Part(text=STATS), Part(text=CHEAP)
    suggestion = suggest_order(Request(parts=[a, b, c]))
    assert suggestion.order == [c.id, b.id, a.id]
    assert suggestion.changed
    assert "moved down" in suggestion.reasons[a.id] and "high" in suggestion.reasons[a.id]
    assert suggestion.burden == {a.id: "high", b.id: "medium", c.id: "low"}


def test_the_users_ranking_comes_before_cost():
    a = Part(text=COSTLY, priority=1)
    c = Part(text=CHEAP, priority=2)
    suggestion = suggest_order(Request(parts=[a, c]))
    assert suggestion.order == [a.id, c.id] and not suggestion.changed
    assert "you ranked it 1" in suggestion.reasons[a.id]


def test_equal_ranks_go_cheapest_first_and_unranked_after_ranked():
    a, b, c = Part(text=COSTLY, priority=1), Part(text=CHEAP, priority=1), Part(text=CHEAP)
    assert suggest_order(Request(parts=[c, a, b])).order == [b.id, a.id, c.id]


def test_a_conditional_part_stays_after_the_part_it_depends_on():
    costly = Part(text=COSTLY)
    question = Part(text="Does the force keep a list of people it scores?")
    follow = Part(text="If so, please provide all correspondence about the list.", condition="if_yes")
    suggestion = suggest_order(Request(parts=[costly, question, follow]))
    order = suggestion.order
    assert order.index(follow.id) == order.index(question.id) + 1
    assert suggestion.reasons[follow.id] == "kept straight after the part it depends on"


def test_sub_parts_count_towards_their_parents_burden():
    parent = Part(text=CHEAP, subparts=[Part(text=COSTLY)])
    other = Part(text=STATS)
    assert suggest_order(Request(parts=[parent, other])).order == [other.id, parent.id]


def test_accept_order_reorders_and_ranks_without_touching_the_original():
    a, b, c = Part(text=COSTLY), Part(text=STATS), Part(text=CHEAP)
    request = Request(parts=[a, b, c])
    accepted = accept_order(request, order=suggest_order(request).order).value
    assert [p.id for p in accepted.parts] == [c.id, b.id, a.id]
    assert [p.priority for p in accepted.parts] == [1, 2, 3]
    assert [p.id for p in request.parts] == [a.id, b.id, c.id] and request.parts[0].priority is None
    assert not suggest_order(accepted).changed


def test_accept_order_tolerates_a_request_changed_since_the_suggestion():
    a, b = Part(text=COSTLY), Part(text=CHEAP)
    request = Request(parts=[a, b])
    stale = OrderSuggestion(order=["gone", b.id], reasons={}, changed=True)
    accepted = accept_order(request, order=stale.order).value
    assert [p.id for p in accepted.parts] == [b.id, a.id]
    assert [p.priority for p in accepted.parts] == [1, 2]


def test_an_empty_part_goes_last_and_says_nothing_is_asked():
    """QA-S8: `order --suggest` put an empty part first (it costs nothing) and gave as its reason
    "1st: you have not ranked it; low cost (); moved up from 7th"."""
    a, empty, c = Part(text=STATS), Part(text="  ", subparts=[Part(text="")]), Part(text=CHEAP)
    suggestion = suggest_order(Request(parts=[a, empty, c]))
    assert suggestion.order == [c.id, a.id, empty.id]
    assert "()" not in " ".join(suggestion.reasons.values())
    assert suggestion.reasons[empty.id] == "3rd: nothing is asked in it yet: write the question or delete the part"
