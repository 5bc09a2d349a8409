"""A numbered list pasted with a heading and a paragraph around it: every part comes through, in
order, and every word the user pasted is somewhere in the request made from it."""

import re

import pytest

from composer.checker.reading import request_from_text
from composer.textimport import parse_request, parse_request_with_report

HEADING = "Lost property at stations"
PARAGRAPH = ("I am researching what happens to property handed in at railway stations and passed to "
             "the force by station staff.")
QUESTIONS = ("How many items were handed over by station staff in 2023?",
             "How many of those items were returned to their owners?",
             "What happens to an unclaimed bicycle after three months?")
SUBS = ("how many were phones;", "how many were bank cards?")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _texts(request) -> list[str]:
    out: list[str] = []
    for part in request.parts:
        out.append(part.text)
        out += [sub.text for sub in part.subparts]
    return out


def _all_words_kept(pasted: str, request, labels: set[str]) -> None:
    kept = set(_words(" ".join([request.title, request.introduction or "", *_texts(request)])))
    numbering = {"1", "2", "3"}  # the labels become the parts' numbers
    lost = [w for w in _words(pasted) if w not in kept and w not in labels | numbering]
    assert lost == []


LABELS = {
    "1.": lambda n: f"{n}.", "1)": lambda n: f"{n})", "(1)": lambda n: f"({n})", "Q1": lambda n: f"Q{n}",
    "Q1:": lambda n: f"Q{n}:", "Question 1.": lambda n: f"Question {n}.",
}


@pytest.mark.parametrize("label", list(LABELS))
@pytest.mark.parametrize("gap", ["", "\n"], ids=["together", "blank-lines"])
@pytest.mark.parametrize("sub_label", [None, "a)", "(a)"])
def test_heading_paragraph_then_a_numbered_list(label, gap, sub_label):
    lines = [HEADING, "", PARAGRAPH, ""]
    for n, question in enumerate(QUESTIONS, 1):
        lines.append(f"{LABELS[label](n)} {question}")
        if sub_label and n == 1:
            lines += [f"{sub_label.replace('a', letter)} {sub}" for letter, sub in zip("ab", SUBS)]
        lines.append(gap)
    pasted = "\n".join(lines)
    request = parse_request(pasted)
    assert request.title == HEADING
    assert request.introduction == PARAGRAPH
    assert [p.text for p in request.parts] == list(QUESTIONS)
    assert [s.text for s in request.parts[0].subparts] == (list(SUBS) if sub_label else [])
    _all_words_kept(pasted, request, labels={"q1", "q2", "q3", "question", "a", "b"})


def test_a_list_above_a_request_heading_is_kept_with_what_follows_the_heading():
    pasted = "\n".join([
        "1. How many drones does the force own?",
        "2. How many hours were they flown in 2022?",
        "3. Who trains the pilots?",
        "",
        "ORIGINAL REQUEST",
        "",
        "I asked earlier about the force's use of drones at public events.",
    ])
    request, notes = parse_request_with_report(pasted)
    texts = _texts(request)
    assert [t.splitlines()[0] for t in texts] == ["How many drones does the force own?",
                                                  "How many hours were they flown in 2022?",
                                                  "Who trains the pilots?"]
    assert "at public events" in texts[-1]
    assert any("kept at the end of that part" in note for note in notes)
    _all_words_kept(pasted, request, labels=set())


def test_a_request_heading_after_page_text_still_starts_the_request():
    # a force's page: its own words, then the quoted request; the page's words are not the request
    pasted = "\n".join([
        "Disclosure log entry 2024/117",
        "We have considered the request below.",
        "",
        "Request:",
        "",
        "1. How many drones does the force own?",
        "2. How many hours were they flown in 2022?",
    ])
    request = parse_request(pasted)
    assert [p.text for p in request.parts] == ["How many drones does the force own?",
                                               "How many hours were they flown in 2022?"]
    assert "considered" not in (request.introduction or "")


@pytest.mark.parametrize("label", ["1.", "1)", "(1)", "Q1"])
def test_a_numbered_list_written_on_one_line_is_split(label):
    inline = " ".join(f"{LABELS[label](n)} {q}" for n, q in enumerate(QUESTIONS, 1))
    pasted = f"{HEADING}\n\n{PARAGRAPH} {inline}\n"
    request, notes = parse_request_with_report(pasted)
    assert [p.text for p in request.parts] == list(QUESTIONS)
    assert request.introduction == PARAGRAPH
    assert any("written on one line was split" in note for note in notes)
    _all_words_kept(pasted, request, labels={"q1", "q2", "q3"})


@pytest.mark.parametrize("line", [
    "How many bicycles were sold at auction? 2. What did the sales raise? 4. Who ran them?",  # not from 1
    "How many bicycles were sold? 1. What did they raise? 2) Who ran the sales?",            # two shapes
    "The auction raised 1. 2 million pounds in total, and 2. 5 million the year before.",    # not labels
])
def test_numbers_in_a_sentence_are_not_a_list(line):
    request, notes = request_from_text(f"{HEADING}\n\n{line}\n")
    assert not any("written on one line" in note for note in notes)
    assert " ".join(_texts(request)).count("?") == line.count("?")


def test_read_as_prose_a_paragraph_that_asks_nothing_stays_with_the_part_before():
    # text the importer refuses (its "Request:" heading has nothing under it) is read as prose
    pasted = ("Some background on horse patrols in the city.\n\n"
              "Please tell me how many horses the mounted section keeps?\n\n"
              "They are stabled outside the city centre.\n\n"
              "Request:")
    request, notes = request_from_text(pasted)
    assert any(note.startswith("read as prose") for note in notes)
    assert request.introduction == "Some background on horse patrols in the city."
    assert len(request.parts) == 1 and "stabled outside the city centre" in request.parts[0].text
    _all_words_kept(pasted, request, labels=set())
