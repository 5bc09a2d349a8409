from __future__ import annotations

import pytest

from composer.forces import load_directory
from composer.model import AnswerFormat, Part, Request
from composer.outline import body_as_text, letter_body


def sample() -> Request:
    p1 = Part(text="Does {force_name} use {system_name}?",
              subparts=[Part(text="What is its name?", condition="if_yes"),
                        Part(text="How many people were scored, by age, in 2024?", dataset=True,
                             condition="if_yes")])
    p2 = Part(text="Was a DPIA done?")
    p3 = Part(text="Is it used at protests?", condition="if_yes")
    return Request(title="T", introduction="I write to {force_name}.", parts=[p1, p2, p3],
                   fields={"system_name": "PredPol"})


def test_foia_letter_body():
    request = sample()
    request.options.answer_format = AnswerFormat.CSV
    request.options.format_parts = [request.parts[0].subparts[1].id]
    body = letter_body(request, load_directory().get("wmp"))
    text = body_as_text(body)
    assert text.startswith("I write to West Midlands Police.\n")
    assert "1. Does West Midlands Police use PredPol? If yes, please answer the following." in text
    assert "    1b. How many people" in text
    assert "3. If the answer to 2 is yes: Is it used at protests?" in text
    assert "for part 1b in electronic form, as a CSV" in text
    assert "section 11(1A)" in text
    assert "(£450, or 18 hours of staff time at £25 an hour)" in text and "section 16" in text


def test_foisa_letter_body_names_scottish_law():
    body = letter_body(sample(), load_directory().get("police_scotland"))
    text = body_as_text(body)
    assert "Freedom of Information (Scotland) Act 2002" in text
    assert "(£600, or 40 hours of staff time at £15 an hour)" in text
    assert "section 15" in text and "section 16" not in text and "£450" not in text


def test_priority_renumbers_and_clause_off():
    request = sample()
    request.parts[1].priority = 1
    request.options.cost_limit_clause = False
    body = letter_body(request, load_directory().get("kent_police"))
    assert [(p.number, p.text[:9]) for p in body.parts][:2] == [("1", "Was a DPI"), ("2", "Does Kent")]
    assert body.clauses == []


def test_requesters_own_clause_wording_is_kept():
    request = sample()
    request.options.cost_limit_wording = "In the event that complying would exceed the limit …"
    body = letter_body(request, load_directory().get("the_met"))
    clause = body.clauses[0]
    assert clause.startswith("In the event that complying would exceed the limit … ")
    # the wording states neither the limit nor the duty to advise: the Act's facts are added
    assert "£450, or 18 hours of staff time at £25 an hour" in clause
    # the Act is named once: the advice sentence after the limit's says "that Act"
    assert "Under section 16 of that Act, please also advise" in clause
    assert clause.count("Freedom of Information Act 2000") == 1
    scot = letter_body(request, load_directory().get("police_scotland")).clauses[0]
    assert "prescribed in regulations made under section 12 of the Freedom of Information (Scotland) Act 2002" in scot
    assert "£600" in scot and "section 15 of that Act" in scot and "2000" not in scot
    assert scot.count("Freedom of Information (Scotland) Act 2002") == 1


def test_requesters_clause_that_asks_for_advice_gets_only_the_section():
    request = sample()
    request.options.cost_limit_wording = "If it costs over £450, please advise me how to narrow it."
    clause = letter_body(request, load_directory().get("the_met")).clauses[0]
    assert clause == ("If it costs over £450, please advise me how to narrow it. I ask for that "
                      "advice under section 16 of the Freedom of Information Act 2000. Please answer "
                      "the parts in the order they are numbered above, as many as can be answered "
                      "within the limit.")


def test_wrapping_keeps_every_word():
    request = Request(parts=[Part(text="word " * 60)])
    wrapped = body_as_text(letter_body(request), width=40)
    assert max(len(line) for line in wrapped.splitlines()) <= 40
    assert wrapped.split() == body_as_text(letter_body(request)).split()


def test_equality_duty_follows_the_force():
    request = Request(parts=[Part(text="Was it tested to meet {equality_duty}?")])
    d = load_directory()
    assert "section 149 of the Equality Act 2010" in letter_body(request, d.get("police_scotland")).parts[0].text
    psni = letter_body(request, d.get("psni")).parts[0].text
    assert "section 75 of the Northern Ireland Act 1998" in psni and "149" not in psni


def test_force_names_read_naturally_mid_sentence():
    request = Request(parts=[Part(text="Has {force_name} used it?"), Part(text="{force_name} holds what?")])
    d = load_directory()
    parts = letter_body(request, d.get("psni")).parts
    assert parts[0].text == "Has the Police Service of Northern Ireland used it?"
    assert parts[1].text == "The Police Service of Northern Ireland holds what?"
    assert letter_body(request, d.get("wmp")).parts[0].text == "Has West Midlands Police used it?"


def test_an_if_yes_follow_up_does_not_say_if_yes_twice():
    request = Request(title="t", parts=[Part(text="Do you use a risk tool?", subparts=[
        Part(text="What is it called?"),
        Part(text="If so, when was it first used?", condition="if_yes"),
        Part(text="If yes: who supplies it?", condition="if_yes"),
        Part(text="If not, why not?", condition="if_no")])])
    parts = letter_body(request).parts
    assert parts[0].text == "Do you use a risk tool? If yes, please answer the following."
    assert [p.text for p in parts[1:]] == [
        "What is it called?", "When was it first used?", "Who supplies it?", "If not, why not?"]
    body = "\n".join(p.text for p in parts)
    assert body.lower().count("if yes") + body.lower().count("if so") == 1


def test_fields_as_words_turn_back_into_the_same_fields():
    from composer.law import FIELD_OPEN, fields_as_words, words_as_fields

    text = "Has {force_name} ({force_short_name}) used {system_name} from {period_start} to " \
           "{period_end} under {act}, {act_name}, {equality_duty} and {contract_ref}?"
    shown = fields_as_words(text)
    assert "{" not in shown and shown.count(FIELD_OPEN) == 9
    assert words_as_fields(shown, ["contract_ref"]) == text
    assert words_as_fields(shown) == text.replace("{contract_ref}", "contract ref")


def test_a_field_after_the_writers_own_the_reads_once_and_turns_back():
    from composer.law import FIELD_CLOSE, FIELD_OPEN, fields_as_words, words_as_fields

    text = "I ask under the {act_name} whether {force_name} and the {force_name} board agree."
    shown = fields_as_words(text)
    assert "the the" not in shown.replace(FIELD_OPEN, "").replace(FIELD_CLOSE, "")
    assert f"under the {FIELD_OPEN}Act's name{FIELD_CLOSE}" in shown
    assert f"whether {FIELD_OPEN}the force's name{FIELD_CLOSE}" in shown
    assert words_as_fields(shown) == text


@pytest.mark.parametrize("force_id, advice", [("the_met", "section 16"), ("police_scotland", "section 15")])
def test_a_one_part_request_is_not_asked_to_answer_its_parts_in_order(force_id, advice):
    """Seed 004 has one part: "answer the parts in the order they are numbered above, as many
    as can be answered" means nothing there. It asks instead what could be provided within
    the limit, with the limit and the advice section as ever."""
    request = Request(parts=[Part(text="Please provide a copy of your drones policy.")])
    clause = letter_body(request, load_directory().get(force_id)).clauses[-1]
    assert "parts" not in clause and "numbered" not in clause
    assert "what you could provide within the limit" in clause and advice in clause
    two = Request(parts=[Part(text="Please provide your policy."), Part(text="And its date?")])
    assert "in the order they are numbered above" in letter_body(two, load_directory().get(force_id)).clauses[-1]


def test_read_as_no_particular_force_says_where_the_format_and_cost_sentences_go():
    """QA-S8: the app's preview ("Read as: No particular force", what a newcomer sees before
    choosing forces) and `show` without --force ended at the last part: a CSV preference or a
    cost-limit clause kept from a pasted letter was nowhere to be seen, as though it were lost."""
    from composer.model import Options
    from composer.outline import readable_body

    request = Request(parts=[Part(text="How many?")],
                      options=Options(answer_format=AnswerFormat.CSV, cost_limit_wording="If it costs too much, stop."))
    assert readable_body(request).clauses == [
        "[Each letter ends here with your format preference and the cost-limit clause, in the words of "
        "the Act its force answers under.]"]
    assert "the cost-limit clause" in body_as_text(readable_body(request))
    off = request.model_copy(update={"options": Options(cost_limit_clause=False)})
    assert readable_body(off).clauses == []
    assert readable_body(request, load_directory().get("wmp")).clauses == letter_body(
        request, load_directory().get("wmp")).clauses
