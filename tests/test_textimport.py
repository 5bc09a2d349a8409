"""Importing a request from pasted text: the seeds, the corpus, and texts written for these tests."""

from __future__ import annotations

import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import corpus_case, corpus_cases, listed_corpus_ids, seed_text

from composer import cli
from composer.errors import ComposerError
from composer.library import load_request, open_request
from composer.model import AnswerFormat, Request
from composer.textimport import parse_request, parse_request_with_report


def shape(request: Request) -> list[int]:
    """Number of sub-parts of each part: the outline's shape."""
    return [len(p.subparts) for p in request.parts]


def texts(request: Request) -> list[str]:
    return [p.text for p in request.parts]


def between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i : text.index(end, i)]


# --------------------------------------------------------------------------------------------
# The seeds
# --------------------------------------------------------------------------------------------


def test_seed_001_parts_and_subparts_keep_the_wording():
    seed = seed_text("001")
    request, notes = parse_request_with_report(seed, "001")
    assert shape(request) == [8, 9]
    # every "1a." … "2i." line of the page, label removed, is a sub-part's text exactly
    block = between(seed, "\nRequest\n", "\nResponse\n")
    expected = {m[0]: m[1].strip() for m in re.findall(r"^(\d[a-z]?)\.\s*(.+)$", block, re.M)}
    numbered = {n.number: n.part.text for n in request.numbered()}
    assert numbered == expected
    assert request.title == "Predictive Policing"
    assert request.introduction.startswith("I am writing to you under the Freedom of Information")
    assert request.introduction.endswith("provide me with the following information:")
    dumped = request.model_dump_json()
    assert "Skip to content" not in dumped and "Please find attached our response" not in dumped
    assert any("Response" in n for n in notes)


def test_seed_001_format_sentence_becomes_an_option_naming_its_parts():
    request = parse_request(seed_text("001"), "001")
    opts = request.options
    assert opts.answer_format == AnswerFormat.CSV
    assert opts.format_wording.startswith("For questions 1f, 2f and 2g please provide")
    assert [request.number_of(pid, ordered=False) for pid in opts.format_parts] == ["1f", "2f", "2g"]
    assert not any("csv" in p.text for p in request.all_parts())


def test_seed_001_conditions_and_datasets():
    request = parse_request(seed_text("001"), "001")
    first, second = request.parts
    # part 1 says "If yes, please answer the following": its sub-parts hang on that answer
    assert {s.condition for s in first.subparts} == {"if_yes"}
    assert {s.condition for s in second.subparts} == {None}
    by_number = {n.number: n.part for n in request.numbered()}
    assert by_number["1f"].dataset and by_number["2f"].dataset and by_number["2g"].dataset
    assert not by_number["1a"].dataset and not by_number["2h"].dataset


def test_seed_003_first_request_only_with_conditions_and_cost_clause():
    seed = seed_text("003")
    request, notes = parse_request_with_report(seed, "003")
    letter = between(seed, "Dear Metropolitan Police Service (MPS),", "Yours faithfully,")
    expected = [m.strip() for m in re.findall(r"^\d\.\s+(.+)$", letter, re.M)]
    assert texts(request) == expected and len(expected) == 8
    assert shape(request) == [0] * 8
    assert request.parts[5].condition == "if_yes" and request.parts[5].text.startswith("If yes,")
    assert all(p.condition is None for i, p in enumerate(request.parts) if i != 5)
    assert request.options.cost_limit_clause is True
    clause = re.search(r"^In the event that.+$", letter, re.M).group(0).strip()
    assert request.options.cost_limit_wording == clause
    assert request.introduction == "This FOI request relates to predictive policing programs or services used by the MPS."
    assert request.title == "Predictive policing"
    dumped = request.model_dump_json()
    for left_out in ("Dear", "Yours faithfully", "Balakumaran", "Peoples Information Center",
                     "COMPLAINT RIGHTS", "Reference No"):
        assert left_out not in dumped
    assert any("Yours faithfully" in n for n in notes)


def test_seed_003_each_force_quotation_reads_as_the_same_request():
    seed = seed_text("003")
    original = parse_request(seed, "003")
    replies = seed.split("Dear Mr Balakumaran")[1:]
    assert len(replies) == 3
    for reply in replies:
        quoted = parse_request("Dear Mr Balakumaran" + reply, "reply")
        assert texts(quoted) == texts(original)  # wrapped lines re-joined with single spaces
        assert quoted.introduction == original.introduction
        assert quoted.parts[5].condition == "if_yes"
    # the first and last quotation carry the cost clause, re-joined from 72-column lines
    assert parse_request("Dear Mr Balakumaran" + replies[0]).options.cost_limit_wording == (
        original.options.cost_limit_wording
    )


def test_seed_000_questions_kept_answers_dropped():
    seed = seed_text("000")
    request, notes = parse_request_with_report(seed, "000")
    expected = [m.strip() for m in re.findall(r"^Q\d\s+-\s+(.+)$", seed, re.M)]
    assert texts(request) == expected and len(expected) == 3
    assert shape(request) == [0, 0, 0]
    assert request.introduction == (
        "I am writing to request information on the V100 programme that has been deployed by the MPS."
    )
    dumped = request.model_dump_json()
    for answer in ("The only data that is used", "redacted PDF", "Names of individuals",
                   "I have today decided", "cookies"):
        assert answer not in dumped
    assert any("answers" in n for n in notes)
    assert "V100" in request.title


def test_seed_002_a_form_is_not_a_request():
    with pytest.raises(ComposerError, match="does not read as a request"):
        parse_request(seed_text("002"), "002")


# --------------------------------------------------------------------------------------------
# The corpus: every real request imports, and nothing that was asked is lost
# --------------------------------------------------------------------------------------------

_LABEL = re.compile(
    r"^\s*((Request|Question)\s+\d+\s*[-:.]?|Q\d+[a-z]?\s*[-:.]?|\d{1,2}\([a-z]\)|\d{1,2}\.\d{1,2}"
    r"|\(?\d{1,2}[a-z]?[.)]|\(?[a-z]{1,3}[.)]|[-•–])\s*",
    re.M | re.I,
)  # the labels these tests write; the importer's own recogniser is not used to check itself


def words(text: str) -> Counter:
    return Counter(re.findall(r"[\w’']+", text.lower()))


def kept_text(request: Request) -> str:
    o = request.options
    pieces = [request.introduction or "", *(p.text for p in request.all_parts()),
              o.cost_limit_wording or "", o.format_wording or ""]
    return "\n".join(pieces)


@pytest.mark.parametrize("case_id", listed_corpus_ids())
def test_corpus_text_imports_without_losing_words(case_id):
    case = corpus_case(case_id)
    request = parse_request(case["request_text"], case["id"])
    assert request.parts
    assert all(p.text.strip() for p in request.all_parts())
    source = _LABEL.sub("", case["request_text"])
    lost = words(source) - words(kept_text(request))
    assert not lost, f"words lost: {sorted(lost)}"


def test_corpus_has_cases():
    assert len(corpus_cases()) >= 10


def test_every_listed_case_is_in_the_corpus():
    missing = set(listed_corpus_ids()) - {c["id"] for c in corpus_cases()}
    assert not missing, f"tests/corpus_ids.txt lists cases the corpus no longer has: {sorted(missing)}"


def test_cases_added_to_the_corpus_since_import_without_losing_words():
    """The corpus grows as real cases are found; the ones not yet listed are checked here."""
    listed = set(listed_corpus_ids())
    for case in corpus_cases():
        if case["id"] not in listed:
            test_corpus_text_imports_without_losing_words(case["id"])


def corpus(case_id: str) -> str:
    return next(c["request_text"] for c in corpus_cases() if c["id"] == case_id)


def test_corpus_bullets_become_parts():
    request = parse_request(corpus("northumbria-missing-people-077-19"))
    assert shape(request) == [0] * 5
    assert texts(request)[0] == "How many missing people have been reported to you, each year, since 2014?"
    assert all(p.dataset for p in request.parts)


def test_corpus_request_headings_become_parts_and_an_opening_becomes_the_introduction():
    palestine = parse_request(corpus("psni-palestine-action-guidance"))
    assert len(palestine.parts) == 3
    assert texts(palestine)[1].startswith("I request any communications to officers")
    clares = parse_request(corpus("psni-clares-law-applications"))
    assert len(clares.parts) == 3
    assert clares.introduction.startswith("I am writing to you under the Freedom of Information Act")
    assert clares.parts[0].text.startswith("The number of Clare's Law applications")
    # "Request 2" asks for figures in a spreadsheet: it stays a part, not a format option
    assert clares.options.answer_format is None


def test_corpus_inline_letters_are_wording_not_subparts():
    drones = parse_request(corpus("wmp-drones-3300-18"))
    assert shape(drones) == [0] * 6
    assert "a. April 2015 to March 2016 b. April 2016 to March 2017" in drones.parts[0].text
    interviews = parse_request(corpus("sic-127-2025-complaint-interviews"))
    assert shape(interviews) == [0, 0, 0]
    assert "(a) under caution, or (b) other than under caution?" in interviews.parts[0].text


def test_corpus_lone_reference_label_is_not_a_list():
    request = parse_request(corpus("sic-289-2025-internal-report-di"))
    assert len(request.parts) == 1
    assert request.parts[0].text.startswith("a copy of the report")
    assert "(7) Email from the Detective Inspector" in request.parts[0].text


def test_corpus_paragraphs_without_numbers():
    bills = parse_request(corpus("cleveland-hartlepool-football-policing-bills-9317-18"))
    assert len(bills.parts) == 1  # "the following;" keeps its list of matches
    assert bills.parts[0].text.endswith("Hartlepool United vs Macclesfield Town - December 2nd 2017")
    aircraft = parse_request(corpus("psni-flying-costs-islander-aircraft"))
    assert len(aircraft.parts) == 2


# --------------------------------------------------------------------------------------------
# Texts written for these tests: numbering styles
# --------------------------------------------------------------------------------------------

STYLES = {
    "Q1:": ("Q1: How many officers use body-worn video?\nQ2: What is the retention period?\n"
            "Q3. Please provide the policy on disclosure.", [0, 0, 0]),
    "Question 1:": ("Question 1: Does the force use facial recognition?\n\nQuestion 2: Which supplier "
                    "provides it?\n\nQuestion 3 - How many arrests followed a match in 2023?", [0, 0, 0]),
    "1)": ("Please provide the following:\n1) the number of stop and search records for 2022\n"
           "2) the same for 2023", [0, 0]),
    "(1)": ("(1) Copies of the force's policy on drones.\n(2) The number of drone flights in 2023.\n"
            "(3) The cost of the drone programme.", [0, 0, 0]),
    "i./ii.": ("1. Please provide:\ni. the contract with the supplier\nii. the cost per year\n"
               "iii. the dates of any renewals\n2. Does the force audit the system?", [3, 0]),
    "•": ("Could you tell me:\n• how many PNC checks were made in 2023\n• how many led to an arrest\n"
          "• which units made them", [0, 0, 0]),
    "a) under 1.": ("1. Does the force use a risk-scoring tool?\na) What is its name?\nb) Who built it?\n"
                    "2. How many people were scored in 2023?", [2, 0]),
    "(a) under (1)": ("(1) Do you use drones?\n(a) How many?\n(b) Since when?\n(2) Who flies them?",
                      [2, 0]),
    "1.1": ("1. Does the force hold a DPIA?\n1.1 When was it signed?\n1.2 Who signed it?\n"
            "2. Does it hold an EIA?", [2, 0]),
    "Q1a": ("Q1 Do you use PredPol?\nQ1a Since when?\nQ1b At what cost?\nQ2 Do you use Palantir?",
            [2, 0]),
    "1(a)": ("1. Do you score people for risk?\n1(a) On what data?\n1(b) Who sees the score?", [2]),
    "letters only": ("a) How many officers?\nb) How many staff?\nc) How many volunteers?", [0, 0, 0]),
    "A.": ("A. How many officers?\nB. How many staff?", [0, 0]),
    "dashes": ("– How many cameras do you run?\n– Where are they?", [0, 0]),
    "mixed 3)": ("1. First question?\n2. Second question?\n3) Third question?", [0, 0, 0]),
    "1.Text": ("1.Have you a policy?\n1a.What is it called?\n2.Who wrote it?", [1, 0]),
}


@pytest.mark.parametrize("name", list(STYLES))
def test_numbering_styles(name):
    text, expected = STYLES[name]
    request = parse_request(text, name)
    assert shape(request) == expected
    # labels are gone, words are not
    for part in request.all_parts():
        assert not re.match(r"^(\(?\d|Q\d|Question|\(?[a-z]\)|[ivx]+\.|[•–])", part.text)
    assert not words(_LABEL.sub("", text)) - words(kept_text(request))


def test_style_first_words_are_kept_exactly():
    request = parse_request(STYLES["a) under 1."][0])
    assert request.parts[0].subparts[1].text == "Who built it?"
    request = parse_request(STYLES["1.1"][0])
    assert [s.text for s in request.parts[0].subparts] == ["When was it signed?", "Who signed it?"]


def test_letter_i_after_h_is_a_letter_not_a_numeral():
    items = "\n".join(f"{ch}. Question {ch}?" for ch in "abcdefghij")
    request = parse_request("1. About the system:\n" + items)
    assert shape(request) == [10]
    assert request.parts[0].subparts[8].text == "Question i?"


def test_roman_numerals_under_a_lettered_subpart_are_folded_into_it():
    text = "1. Tell me about the system\n1a. Who built it?\n(i) the company\n(ii) the team\n1b. When?"
    request, notes = parse_request_with_report(text)
    assert shape(request) == [2]
    assert request.parts[0].subparts[0].text == "Who built it?\n(i) the company\n(ii) the team"
    assert any("deeper" in n for n in notes)


def test_breakdown_items_on_their_own_lines_stay_in_the_question():
    text = ("1. How many incidents involving drones were reported in each of these years:\n"
            "a. April 2015 to March 2016\nb. April 2016 to March 2017\n"
            "2. How many drones do you own?")
    request = parse_request(text)
    assert shape(request) == [0, 0]
    assert request.parts[0].text.endswith("a. April 2015 to March 2016\nb. April 2016 to March 2017")


def test_crlf_and_cr_line_endings():
    text = "Dear Sir or Madam,\r\n\r\n1. What systems do you use?\r\n2. How much did they cost?\r\n\r\nYours faithfully,\r\nA. Person\r\n"
    for variant in (text, text.replace("\r\n", "\r")):
        request = parse_request(variant)
        assert texts(request) == ["What systems do you use?", "How much did they cost?"]
        assert "Person" not in request.model_dump_json()


def test_email_quote_is_rejoined_with_single_spaces():
    text = (
        "> 1. Please disclose the name of each company the MPS has used for\n"
        "> predictive policing services, and the dates those services were used in\n"
        "> each case.\n>\n"
        "> 2. Please disclose each contract in which Metropolitan Police has engaged\n"
        "> in or received advice regarding predictive policing services.\n"
    )
    request = parse_request(text)
    assert texts(request) == [
        "Please disclose the name of each company the MPS has used for predictive policing "
        "services, and the dates those services were used in each case.",
        "Please disclose each contract in which Metropolitan Police has engaged in or received "
        "advice regarding predictive policing services.",
    ]


def test_short_lines_that_are_not_wrapped_keep_their_breaks():
    text = "1. Please send the bills for these matches:\nTown v City - 1 May 2021\nTown v Rovers - 8 May 2021"
    request = parse_request(text)
    assert request.parts[0].text == (
        "Please send the bills for these matches:\nTown v City - 1 May 2021\nTown v Rovers - 8 May 2021"
    )


def test_letter_without_numbers_one_part_per_asking_paragraph():
    text = (
        "Dear Chief Constable,\n\nI am writing under the Freedom of Information Act 2000 about "
        "facial recognition.\n\nPlease provide a copy of your policy on live facial recognition."
        "\n\nCould you also tell me how many deployments took place in 2023?\nThis should include "
        "trials.\n\nYours sincerely,\nSam Smith\n"
    )
    request, notes = parse_request_with_report(text)
    assert request.introduction.startswith("I am writing under the Freedom of Information Act")
    assert texts(request) == [
        "Please provide a copy of your policy on live facial recognition.",
        "Could you also tell me how many deployments took place in 2023?\nThis should include trials.",
    ]
    assert any("no numbering" in n for n in notes)
    assert "Sam Smith" not in request.model_dump_json()


def test_if_yes_and_if_not_parts():
    request = parse_request("1. Do you hold a DPIA for the tool?\n2. If not, why was none done?\n"
                            "3. Do you use the tool?\n4. If so, since when?")
    assert [p.condition for p in request.parts] == [None, "if_no", None, "if_yes"]
    assert request.parts[3].text == "If so, since when?"


def test_a_first_part_starting_if_yes_has_no_condition():
    request = parse_request("1. If yes, what?\n2. Why?")
    assert request.parts[0].condition is None


# --------------------------------------------------------------------------------------------
# Options
# --------------------------------------------------------------------------------------------


def test_cost_clause_in_other_words_is_an_option():
    text = ("1. How many?\n2. How much?\n\nIf answering this request would exceed the cost limit, "
            "please answer part 1 only and advise me how to narrow part 2.")
    request, notes = parse_request_with_report(text)
    assert len(request.parts) == 2
    assert request.options.cost_limit_wording.startswith("If answering this request would exceed")
    assert any("cost-limit clause was recognised" in n for n in notes)


def test_cost_clause_run_on_into_the_last_part_is_split_off():
    text = ("1. How many cameras?\n2. Where are they? In the event that this request would exceed "
            "the appropriate limit, please answer as many questions as you can in order.")
    request = parse_request(text)
    assert request.parts[1].text == "Where are they?"
    assert request.options.cost_limit_wording.startswith("In the event that")


def test_question_about_the_cost_limit_is_not_the_clause():
    request = parse_request("1. How many requests were refused under section 12 because they "
                            "would exceed the cost limit?\n2. How many were answered?")
    assert len(request.parts) == 2 and request.options.cost_limit_wording is None


@pytest.mark.parametrize(
    ("sentence", "fmt"),
    [
        ("Please provide the information for part 2 in an Excel spreadsheet.", AnswerFormat.SPREADSHEET),
        ("I would prefer the answers as a PDF document.", AnswerFormat.PDF),
        ("For Q2 please send the data as a CSV file.", AnswerFormat.CSV),
    ],
)
def test_format_preference_is_an_option(sentence, fmt):
    request = parse_request(f"1. How many arrests were made in 2023?\n2. How many in 2024?\n\n{sentence}")
    assert len(request.parts) == 2
    assert request.options.answer_format == fmt
    assert request.options.format_wording == sentence
    named = [request.number_of(pid) for pid in request.options.format_parts]
    assert named == ([] if fmt == AnswerFormat.PDF else ["2"])


def test_trailing_note_stays_with_the_last_part_and_is_reported():
    request, notes = parse_request_with_report("1. How many?\n\n2. How much?\n\nNote: per year please.")
    assert request.parts[1].text == "How much?\nNote: per year please."
    assert any("after the last part" in n for n in notes)


def test_no_cost_clause_is_reported():
    _, notes = parse_request_with_report("1. How many?\n2. How much?")
    assert any("no cost-limit clause" in n for n in notes)


# --------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, title", [
    ("1. Please disclose to me, under the Freedom of Information Act, any reports by your force "
     "on vetting.\n", "Any reports by your force on vetting"),
    ("1. Under the Freedom of Information (Scotland) Act 2002, please provide the number of "
     "drones you hold.\n", "The number of drones you hold"),
    ("1. Please provide a copy of your drones policy.\n2. When was it last reviewed?\n",
     "A copy of your drones policy"),
])
def test_a_title_from_the_first_part_drops_the_lead_in_and_the_act(text, title):
    """A title taken from the first part is the letter's subject for every force: it neither
    names one Act (seed 004's read "Please disclose to me, under the Freedom of…", on Police
    Scotland's letter too) nor starts with "Please disclose"."""
    assert parse_request(text).title == title


def test_title_from_subject_line():
    request = parse_request("Subject: Gang matrix\n\n1. Do you keep a gangs database?\n2. Who is on it?")
    assert request.title == "Gang matrix"
    assert request.introduction is None


def test_title_from_heading_with_reference_removed():
    request = parse_request("Facial recognition (FOI 123/24)\n\n1. Do you use it?\n2. Since when?")
    assert request.title == "Facial recognition"


def test_sender_line_before_greeting_is_never_the_title():
    request = parse_request("Jane Doe\n\nDear Sir,\n\n1. How many cameras are there?\n2. Where?")
    assert "Jane" not in request.model_dump_json()
    assert request.title.startswith("How many cameras")


def test_title_from_topic_of_introduction():
    request = parse_request("I would like information about automatic number plate recognition "
                            "that your force holds.\n\n1. How many cameras?\n2. Where?")
    assert request.title == "Automatic number plate recognition"


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t\n", "empty"),
        ("\x00\x01\x02binary\x00\x00stuff\x03\x04", "binary"),
        ("Dear Sir,\n\nYours faithfully,\nJohn", "no request found"),
        ("Hope you are well. The weather has been lovely this week.", "no questions found"),
    ],
)
def test_bad_text_is_refused_naming_the_source(text, message):
    with pytest.raises(ComposerError, match=message) as err:
        parse_request(text, source="pasted.txt")
    assert str(err.value).startswith("pasted.txt: ")


def test_html_page_is_read_as_its_visible_text():
    page = ("<!DOCTYPE html><html><head><title>x</title><script>var q = '1. no';</script></head>"
            "<body><p>Dear Sir,</p><p>I ask for:</p><ol><li>How many cameras &amp; drones?</li>"
            "<li>Where are they?</li></ol><p>Yours faithfully,</p><p>Jo</p></body></html>")
    request, notes = parse_request_with_report(page)
    assert "var q" not in request.model_dump_json() and "Jo" not in texts(request)
    assert texts(request) == ["How many cameras & drones?", "Where are they?"]
    assert request.introduction == "I ask for:"
    assert any("HTML" in n for n in notes)


def test_open_request_imports_a_text_file(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("1. How many?\n2. How much?\n", "utf-8")
    assert texts(open_request(path)) == ["How many?", "How much?"]


# --------------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------------


@pytest.fixture
def seed_file(tmp_path):
    def write(number: str) -> Path:
        path = tmp_path / f"seed{number}.txt"
        path.write_text(seed_text(number), "utf-8")
        return path

    return write


def test_cli_import_then_show_reads_right(seed_file, tmp_path, capsys):
    out = tmp_path / "wmp.foi.json"
    assert cli.main(["import", str(seed_file("001")), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert "note: " in captured.err and "format preference" in captured.err
    assert shape(load_request(out)) == [8, 9]
    assert cli.main(["show", str(out), "--force", "wmp"]) == 0
    shown = capsys.readouterr().out
    assert "\n1. Have any predictive policing systems" in shown
    assert "    1a. What is the name of the system?" in shown
    assert "    2i. What testing and/or research" in shown
    assert "For questions 1f, 2f and 2g please provide the information" in shown
    assert "section 12" in shown  # no clause in the text: the standard one is added
    assert "Response" not in shown and "Skip to content" not in shown


def test_cli_import_seed_003_keeps_the_requesters_cost_clause(seed_file, tmp_path, capsys):
    out = tmp_path / "met.foi.json"
    assert cli.main(["import", str(seed_file("003")), "-o", str(out)]) == 0
    capsys.readouterr()
    assert cli.main(["show", str(out), "--force", "the_met"]) == 0
    shown = capsys.readouterr().out
    assert "\n6. If yes, is it arranged in the form of a numerical ranking?" in shown
    assert "when processed in the order presented above" in shown
    # the requester's own clause replaces the standard one, with the Act's facts added after it
    assert "If answering this request in full" not in shown
    assert shown.count("section 12") == 1 and "£450" in shown and "section 16" in shown


def test_cli_import_from_stdin(monkeypatch, tmp_path, capsys):
    text = "1. How many?\n2. How much?\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    out = tmp_path / "stdin.foi.json"
    assert cli.main(["import", "-", "-o", str(out)]) == 0
    assert texts(load_request(out)) == ["How many?", "How much?"]


def test_cli_import_to_stdout_writes_no_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.txt").write_text("Q1 - How many?\nQ2 - How much?\n", "utf-8")
    assert cli.main(["import", "q.txt", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["text"] for p in data["parts"]] == ["How many?", "How much?"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "q.txt"]


def test_cli_import_without_output_saves_into_the_library(tmp_path, capsys):
    source = tmp_path / "q.txt"
    source.write_text("Subject: Drones\n\n1. How many drones?\n2. Who flies them?\n", "utf-8")
    assert cli.main(["import", str(source)]) == 0
    saved = Path(capsys.readouterr().out.strip())
    assert saved.name == "Drones.foi.json" and load_request(saved).title == "Drones"


def test_cli_import_into_a_folder(tmp_path, capsys):
    source = tmp_path / "q.txt"
    source.write_text("Subject: Drones\n\n1. How many drones?\n", "utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    assert cli.main(["import", str(source), "-o", str(folder)]) == 0
    assert (folder / "Drones.foi.json").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Hope you are well. The weather has been lovely.", "no questions found"),
    ],
)
def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, content, message):
    source = tmp_path / "in.txt"
    source.write_bytes(content)
    out = tmp_path / "out.foi.json"
    assert cli.main(["import", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and str(source) in err[0]
    assert not out.exists()


def test_cli_empty_stdin_exits_2(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n"), encoding="utf-8"))
    assert cli.main(["import", "-", "-o", str(tmp_path / "x.foi.json")]) == 2
    assert "standard input" in capsys.readouterr().err
    assert not (tmp_path / "x.foi.json").exists()


def test_cli_never_overwrites_without_replace(tmp_path, capsys):
    source = tmp_path / "q.txt"
    source.write_text("1. How many?\n2. How much?\n", "utf-8")
    out = tmp_path / "mine.foi.json"
    out.write_text("my own edits", "utf-8")
    assert cli.main(["import", str(source), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text("utf-8") == "my own edits"
    assert cli.main(["import", str(source), "-o", str(out), "--replace"]) == 0
    assert texts(load_request(out)) == ["How many?", "How much?"]


def test_greeting_and_sign_off_on_the_same_line_as_other_words():
    text = ("Dear Sir, please provide the following:\n1. How many cameras?\n2. Where are they?\n"
            "Kind regards, Jane Smith\n")
    request, notes = parse_request_with_report(text)
    assert request.introduction == "please provide the following:"
    assert texts(request) == ["How many cameras?", "Where are they?"]
    assert "Jane" not in request.model_dump_json()
    assert any("greeting 'Dear Sir'" in n for n in notes)
    assert any("sign-off" in n for n in notes)
    request = parse_request("1. How many?\n2. How much?\nYours faithfully Sam Jones")
    assert texts(request) == ["How many?", "How much?"]


def test_invisible_formatting_characters_from_a_web_page_do_not_reach_the_letter():
    """QA-S6: a right-to-left override pasted with a request printed 'reversed' as 'desrever' in
    the Word letter; soft hyphens and word joiners split words the checker looks for."""
    from composer.textimport import parse_request_with_report

    text = ("1. Please provide any record about the \u202ereversed\u202c system.\n"
            "2. Does the force use predic\u00adtive\u2060 policing\u200e?\n")
    request, notes = parse_request_with_report(text)
    assert [p.text for p in request.parts] == ["Please provide any record about the reversed system.",
                                               "Does the force use predictive policing?"]
    assert ("5 invisible formatting characters (text direction marks, soft hyphens, zero-width "
            "spaces) were removed") in notes
    emoji, _ = parse_request_with_report("1. Is the \U0001F469\u200d\U0001F4BB team named?\n")
    assert emoji.parts[0].text == "Is the \U0001F469\u200d\U0001F4BB team named?"  # a joiner inside an emoji stays


def test_a_letter_kept_as_a_word_file_or_an_email_is_imported_with_its_subject_as_title(tmp_path, capsys):
    """QA-S6: `import letter.docx` said 'is a binary file', though replies are read from Word,
    PDF and email files; and a letter's date line ('1 December 2026') was taken for its title."""
    from composer.library import save_request
    from composer.model import Part

    request = Request(title="Risk scores", introduction="I write under the {act_name}.",
                      parts=[Part(text="Does {force_name} use a risk score?"), Part(text="Please provide its DPIA.")])
    save_request(tmp_path / "r.foi.json", request)
    for fmt in ("docx", "eml"):
        assert cli.main(["export", str(tmp_path / "r.foi.json"), "--forces", "kent_police", "--to",
                         str(tmp_path / fmt), "--format", fmt, "--name", "Ann Example",
                         "--email", "ann@example.org"]) == 0
        letter = next((tmp_path / fmt).iterdir())
        out = tmp_path / f"back-{fmt}.foi.json"
        assert cli.main(["import", str(letter), "-o", str(out)]) == 0, capsys.readouterr().err
        back = load_request(out)
        assert back.title == "Risk scores", fmt
        assert [p.text for p in back.parts] == ["Does {force_name} use a risk score?", "Please provide its DPIA."], fmt
    capsys.readouterr()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    assert cli.main(["import", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be read as a Word file" in err, err


def test_a_re_line_just_below_the_greeting_is_the_title_not_a_line_of_every_letter():
    # "Dear Kent Police, / Re: Live facial recognition deployments / Under the Act …": the Re: line
    # stayed in the introduction (every force's letter opened "Re: …" under its own subject line)
    # and the title came from part 1 instead.
    request = parse_request("Dear Kent Police,\n\nRe: Live facial recognition deployments\n\n"
                            "Under the Freedom of Information Act 2000 please provide:\n\n"
                            "1. The number of deployments in 2025.\n2. The number of arrests in 2025.\n\n"
                            "Yours faithfully,\nJane Doe\n")
    assert request.title == "Live facial recognition deployments"
    assert request.introduction.startswith("Under the") and "Re:" not in request.introduction
    # a subject above the greeting still comes first; "Re" as a word of the introduction is kept
    request = parse_request("Subject: LFR\n\nDear Sir,\n\nRe: cameras\n\n1. How many?\n2. Where?")
    assert request.title == "LFR"
    request = parse_request("Dear Sir,\n\nRegarding cameras in Kent, please answer:\n\n1. How many?\n2. Where?")
    assert request.introduction.startswith("Regarding cameras")


def test_a_wrapped_line_that_starts_with_a_number_carries_on_its_sentence():
    """QA-S8: a letter read back from the app's own PDF (no blank lines between paragraphs, lines
    wrapped at the page's width) broke the cost clause at "… limit under section" / "12 of the
    Freedom of Information Act 2000 …": the rest of the clause was glued to the last part."""
    text = ("2 December 2026\nKent Police\nBy email: foi@example.org\n"
            "Freedom of Information request: Risk scores\n"
            "Dear Kent Police,\n"
            "Under the Freedom of Information Act 2000, please provide the following:\n"
            "1. Does the force use a risk-scoring tool?\n"
            "2. If so:\n2a. What is it called?\n2b. Who supplies it?\n"
            "3. Please list:\n3a. the policies governing its use;\n3b. the training given.\n"
            "4. How many people were scored in 2024?\n"
            "If answering this request in full would exceed the appropriate limit under section \n"
            "12 of the Freedom of Information Act 2000 (£450, or 18 hours of staff time at £25\n"
            "an hour), please do not refuse it outright: answer the parts in the order they are \n"
            "numbered above.\n"
            "Yours faithfully,\n"
            "Ann Example\n")
    request = parse_request(text)
    assert [p.text for p in request.parts] == ["Does the force use a risk-scoring tool?", "If so:",
                                              "Please list:", "How many people were scored in 2024?"]
    assert request.options.cost_limit_wording.startswith(
        "If answering this request in full would exceed the appropriate limit under section 12 of the")


def test_word_s_own_bullets_pasted_as_text_are_bullets():
    """QA-S9: Word and Outlook write a bulleted list as text with "·" for the first level, "o" for
    the second and "§" for the third, each followed by a tab or a run of spaces (or with the
    Symbol font's own bullet, U+F0B7): the "o" and "§" lines stayed in part 2's wording, so every
    letter printed "o   The name of the supplier;"."""
    text = ("Under the Freedom of Information Act 2000, please provide:\n\n"
            "·         Whether the force uses any predictive policing tool;\n\n"
            "·         If so:\n\n"
            "o   The name of the supplier;\n\n"
            "o\tThe total cost since 2020;\n\n"
            "§  Of which in 2024.\n\n"
            "\uf0b7\tAny DPIA completed for it.\n")
    request = parse_request(text)
    assert [p.text for p in request.parts] == [
        "Whether the force uses any predictive policing tool;", "If so:", "Any DPIA completed for it."]
    assert [s.text for s in request.parts[1].subparts] == [
        "The name of the supplier;", "The total cost since 2020;\n§  Of which in 2024."]
    # a line that starts with the word "o" or a section sign is wording, as before
    assert parse_request("1. Has the force used the tool?\no the tool was new, so\n"
                         "§ 3 of the policy applies.").parts[0].text.endswith("§ 3 of the policy applies.")


def test_a_list_past_part_99_keeps_every_part():
    """QA-S9: a request numbered 1. to 500. came in as 99 parts, with parts 100 to 500 (their
    numbers and all) glued into the wording of part 99, and no note said so."""
    text = "Please provide:\n\n" + "\n\n".join(
        f"{n}. How many times was system number {n} used in 2024?" for n in range(1, 501))
    request = parse_request(text)
    assert len(request.parts) == 500
    assert request.parts[99].text == "How many times was system number 100 used in 2024?"
    assert request.parts[-1].text == "How many times was system number 500 used in 2024?"
    # a year or a sum at the start of a line is still wording
    two = parse_request("1. How many arrests were made?\n2021: the first year asked about.\n"
                        "2. What did it cost?")
    assert [p.text for p in two.parts] == ["How many arrests were made?\n2021: the first year asked about.",
                                           "What did it cost?"]


@pytest.mark.parametrize("label", ["{n}.", "{n})", "Q{n}:", "Question {n}."])
def test_a_list_past_part_999_keeps_its_numbering(label):
    """A pasted list numbered past 999 kept parts 1000 on, numbers and all, in the wording of
    part 999, with no note: each is a part of its own, as the writer numbered it."""
    text = "Please provide:\n\n" + "\n".join(
        f"{label.format(n=n)} How many calls were made from box {n} in 2024?" for n in range(1, 1206))
    request = parse_request(text)
    assert len(request.parts) == 1205
    assert request.parts[998].text == "How many calls were made from box 999 in 2024?"
    assert request.parts[999].text == "How many calls were made from box 1000 in 2024?"
    assert request.parts[-1].text == "How many calls were made from box 1205 in 2024?"


@pytest.mark.parametrize("label", ["{n}.", "{n})", "({n})", "Q{n}."])
def test_a_long_list_that_lost_its_line_breaks_keeps_every_part(label):
    # a list pasted from a web form's box, every item on one line: items 100 on were glued into
    # item 99 when labels on one line were read up to two digits
    line = " ".join(f"{label.format(n=n)} How many calls came from box {n}?" for n in range(1, 1101))
    request, notes = parse_request_with_report("Please provide: " + line)
    assert len(request.parts) == 1100
    assert request.parts[99].text == "How many calls came from box 100?"
    assert request.parts[-1].text == "How many calls came from box 1100?"
    assert "a numbered list written on one line was split into its items" in notes
    # numbers in a sentence that do not count on from 1 stay in it
    prose = parse_request("1. How many stops were made in 2024? 2019. That year is a baseline. 2. Which wards?")
    assert len(prose.parts) == 2 and "2019. That year is a baseline." in prose.parts[0].text


def test_a_number_past_999_that_does_not_carry_on_the_list_is_wording():
    # A year at the start of a line, in a list that long or a short one, is not a part; nor is a
    # number that skips one, nor one written another way than the parts before it.
    parts = "\n".join(f"{n}. How many calls were made from box {n}?" for n in range(1, 1000))
    request = parse_request(parts + "\n2019. was the first year.\n1001. Box 1001?\n1000) Box 1000?")
    assert len(request.parts) == 999
    last = request.parts[-1].text
    assert last.startswith("How many calls were made from box 999?")
    assert last.endswith("2019. was the first year.\n1001. Box 1001?\n1000) Box 1000?")
    short = parse_request("1. How many arrests were made?\n2019. The first year asked about.\n2. What did it cost?")
    assert [p.text for p in short.parts] == ["How many arrests were made?\n2019. The first year asked about.",
                                             "What did it cost?"]


@pytest.mark.parametrize("limit", ["£450", "£600"])
def test_a_cost_clause_that_names_the_limit_in_pounds_is_an_option(limit):
    text = ("1. How many drones does the force own?\n2. What did they cost?\n\n"
            f"Should answering cost the force more than {limit}, please answer part 1 and advise me "
            "how to narrow part 2.")
    request = parse_request(text)
    assert len(request.parts) == 2
    assert request.options.cost_limit_wording.startswith("Should answering cost the force more than")
    # a larger sum is not the limit
    other = parse_request(text.replace(limit, limit + "0"))
    assert other.options.cost_limit_wording is None
