"""Replies as people paste them: quoted in an email, taken from a PDF, laid out as a table or as
questions and answers, with the exemptions in an annex, and Police Scotland's under FOISA.

Every reply here is written for the test; none is a force's own words."""

from __future__ import annotations

from datetime import date

import pytest

from composer.forces import load_directory
from composer.model import Act, Part, Request
from composer.operations.fitting import import_text
from composer.replies import Outcome, ReplyKind, read_reply, tidy


def said(reading) -> dict[str, str]:
    return {label: str(part) for label, part in reading.parts.items()}


def test_the_message_an_email_quotes_is_not_read_as_the_reply():
    reply = ("Dear Ms Example\n\nThank you for your request. Our answers are below.\n\n"
             "1. The force has no such tool, so no information is held.\n"
             "2. We hold no contract of that kind.\n\nYours sincerely\nRecords Team\n\n"
             "-----Original Message-----\nFrom: A Requester\nSent: 3 March 2025 10:14\n"
             "Subject: FOI\n\n> 1. Do you use a tool that scores risk?\n"
             "> 2. Please send the contract. If this would exceed the limit under section 12,\n"
             "> please advise me under section 16.\n")
    reading = read_reply(reply)
    assert said(reading) == {"1": "not held", "2": "not held"}
    assert reading.sections == []  # the sections were the requester's, in the quoted message
    assert "dated" not in reading.dates  # nor is its "Sent:" the reply's date
    assert reading.kind is ReplyKind.NOT_HELD


def test_lines_quoted_with_marks_below_the_answer_are_left_out():
    reply = ("Dear Mr Example\nWe can confirm the force does not hold this information.\n"
             "Regards\nFOI Unit\n\n> Please tell me how many drones you own, and refuse under\n"
             "> section 43 if you must.\n")
    reading = read_reply(reply)
    assert reading.kind is ReplyKind.NOT_HELD and reading.sections == []


def test_a_reply_quoted_whole_is_read_without_its_marks():
    reply = ("> Dear Ms Example\n>\n> Q1. How many drones does the force own?\n"
             "> A1. The force owns twelve.\n>\n> Q2. Please send the purchase invoices.\n"
             "> A2. These are exempt under section 43(2) as disclosure would harm the supplier.\n")
    assert said(read_reply(reply)) == {"1": "answered", "2": "refused s43(2)"}


def test_text_from_a_pdf_page_numbers_markings_and_broken_words():
    reply = ("OFFICIAL\nFreedom of Information Request 2025/0456\nDear Ms Example\n"
             "1. How many officers are trained to use the sys-\ntem?\nThis information is not\n"
             "held by the force.\nPage 1 of 2\nOFFICIAL\n"
             "2. Please send the training\nmaterials.\nThe training materials are with-\n"
             "held under section 31(1)(a) as release would prejudice the prevention of crime.\n"
             "Page 2 of 2\n")
    tidied = tidy(reply)
    assert "Page 1" not in tidied and "OFFICIAL" not in tidied and "system?" in tidied
    reading = read_reply(reply)
    assert said(reading) == {"1": "not held", "2": "refused s31(1)"}
    assert reading.kind is ReplyKind.REFUSED  # nothing was answered


def test_a_running_head_repeated_on_every_page_is_dropped():
    head = "Northshire Constabulary - Reference 2025/77"
    reply = "\n".join([head, "1. How many cameras are there?", "Forty.", "Page 1 of 3",
                       head, "2. Where are they?", "Not held.", "Page 2 of 3",
                       head, "3. What did they cost?", "The cost was 4,000 pounds.", "Page 3 of 3"])
    assert head not in tidy(reply)
    assert said(read_reply(reply)) == {"1": "answered", "2": "not held", "3": "answered"}


def test_a_table_of_answers_with_bars_or_tabs():
    bars = ("Dear Ms Example\n| Question | Response |\n|---|---|\n"
            "| 1 | How many drones? | Twelve |\n"
            "| 2 | Send the invoices | Exempt under section 43(2) |\n"
            "| 3 | Send the flight logs | No information held |\n")
    tabs = ("Dear Ms Example\n1\tHow many drones?\tTwelve\n2\tSend the invoices\tExempt under section 43(2)\n"
            "3\tSend the flight logs\tNot held\n")
    for reply in (bars, tabs):
        assert said(read_reply(reply)) == {"1": "answered", "2": "refused s43(2)", "3": "not held"}


@pytest.mark.parametrize("reply", [
    "Q1 Please give the number of drones.\nA1 The force has twelve.\n"
    "Q2 Please give the invoices.\nA2 Withheld under section 43(2).\n",
    "Question 1\nPlease give the number of drones.\nResponse\nThe force has twelve.\n\n"
    "Question 2\nPlease give the invoices.\nResponse\nWithheld under section 43(2).\n",
    "Thank you for your request.\nResponse to question 1: Please find the figures in the attached "
    "table.\nResponse to question 2: Withheld under section 43(2).\n",
], ids=["Q1-A1", "Question-Response", "Response to question N"])
def test_answers_labelled_by_their_question(reply):
    assert said(read_reply(reply)) == {"1": "answered", "2": "refused s43(2)"}


def test_a_sentence_that_starts_with_a_number_is_not_a_part():
    reply = ("1. How many officers were trained?\n12 officers were trained in 2024.\n"
             "2. How many hours did it take?\nNot held.\n")
    assert said(read_reply(reply)) == {"1": "answered", "2": "not held"}


def test_sections_given_only_in_an_annex_go_to_the_part_refused_without_one():
    reply = ("Question 1 - Please give the number of drones.\nResponse to Question 1 - Twelve.\n"
             "Question 2 - Please give the invoices.\n"
             "Response to Question 2 - This is withheld; the annex explains the exemption.\n\n"
             "Yours sincerely\nFOI Officer\n\n"
             "If you are dissatisfied with this response you may ask for an internal review.\n\n"
             "Annex A\nSection 43(2) Commercial interests: release would harm the supplier's position.\n")
    reading = read_reply(reply)
    assert said(reading) == {"1": "answered", "2": "refused s43(2)"}
    assert reading.sections == ["s43(2)"] and reading.kind is ReplyKind.PARTLY


def test_an_annexed_section_another_part_cites_is_not_given_to_a_bare_refusal():
    reply = ("1. Please give the invoices.\nWithheld under section 43(2).\n"
             "2. Please give the pilots' names.\nThis is exempt.\n")
    assert said(read_reply(reply))["2"] == "refused"


def test_police_scotland_not_held_and_neither_confirm_nor_deny_under_foisa():
    reply = ("1. Please give the number of drones.\nIn terms of section 17 of the Freedom of "
             "Information (Scotland) Act 2002, this is notice that the information is not held.\n"
             "2. Please give the places they were flown.\nPolice Scotland can neither confirm nor "
             "deny that it holds this information, in terms of section 18 of the Act.\n"
             "3. Please give the pilots' names.\nThis is exempt under section 38(1)(b).\n")
    reading = read_reply(reply, act=Act.FOISA)
    assert said(reading) == {"1": "not held", "2": "neither confirm nor deny s18",
                             "3": "refused s38(1)"}
    assert reading.ncnd and reading.sections == ["s18", "s38(1)"]


def test_a_reply_quoting_the_letter_as_the_force_received_it():
    # Fitted to every force, the request names "{force_name}"; the reply quotes the force's own name.
    request, _, _ = import_text(
        "Dear Northshire Police\n1. Has Kent Police used a tool that scores the risk of reoffending?\n"
        "2. Please give the name of every supplier of such a tool to Kent Police.\n")
    kent = load_directory().get("kent_police")
    assert "{force_name}" in request.parts[0].text or "Kent Police" not in request.parts[0].text
    reply = ("1. Has Kent Police used a tool that scores the risk of reoffending?\nYes, since 2021.\n"
             "2. Please give the name of every supplier of such a tool to Kent Police.\n"
             "Please find the list attached.\n")
    assert said(read_reply(reply, request, force=kent)) == {"1": "answered", "2": "answered"}


def test_a_quoted_question_with_a_word_changed_is_still_taken_off_the_answer():
    request = Request(title="t", parts=[
        Part(text="Please provide any assessment made of the tool's effect on people of each sex."),
        Part(text="Please provide the contract for the tool.")])
    reply = ("1. Please provide any assessment made of the system's effect on people of each sex.\n"
             "Please see the attached assessment.\n"
             "2. Please provide the contract for the tool.\nNo contract is held.\n")
    assert said(read_reply(reply, request)) == {"1": "answered", "2": "not held"}


def test_a_whole_reply_that_neither_confirms_nor_denies_says_so():
    reading = read_reply("Dear Ms Example\nThe force can neither confirm nor deny that it holds "
                         "the information you ask for, by virtue of section 23(5) and section 24(2).")
    assert reading.kind is ReplyKind.REFUSED and reading.ncnd
    assert not read_reply("Please find attached our response.").ncnd


def test_a_dated_reply_keeps_its_own_date_when_it_quotes_an_email():
    reply = ("Date: 14 April 2025\nDear Ms Example\nPlease find attached our response to your request "
             "about drones, which we received last month.\nKind regards\nFOI\n\n"
             "On 10 March 2025, A Requester wrote:\n> How many drones do you have?\n")
    reading = read_reply(reply)
    assert reading.dates == {"dated": date(2025, 4, 14)} and reading.kind is ReplyKind.ANSWERED
    assert all(p.outcome is Outcome.ANSWERED for p in reading.parts.values())


def test_the_request_quoted_back_is_not_taken_for_the_force_s_words():
    request = Request(title="t", parts=[
        Part(text="How many tasers does the force hold? If this would exceed the cost limit under "
                  "section 12, please give the figure for 2024 alone."),
        Part(text="If no guidance on their use is held, please say so.")])
    reply = ("You asked:\nHow many tasers does the force hold? If this would exceed the cost limit under\n"
             "section 12, please give the figure for 2024 alone.\n"
             "If no guidance on their use is held, please say so.\n\n"
             "Please find our response attached.\n")
    reading = read_reply(reply, request)
    assert reading.sections == [] and reading.kind is ReplyKind.ANSWERED
    assert read_reply(reply).sections == ["s12"]  # without the request, nothing tells them apart


def test_parts_named_in_the_force_s_own_sentences_and_several_at_once():
    reply = ("Dear Ms Example\nThank you for your request about drones. In relation to question 1, "
             "the force owns twelve. Regarding question 2: no invoices are held.\n"
             "Questions 3 to 5: this information is exempt under section 31(1)(a).\n"
             "With regard to part 6b, we neither confirm nor deny that we hold it (section 23(5)).\n")
    assert said(read_reply(reply)) == {
        "1": "answered", "2": "not held", "3": "refused s31(1)", "4": "refused s31(1)",
        "5": "refused s31(1)", "6b": "neither confirm nor deny s23(5)"}


def test_a_question_heading_with_a_colon_still_has_its_question_under_it():
    reply = ("Question 1:\nPlease give the number of drones.\nThe force has twelve.\n"
             "Question 2:\nPlease give the invoices.\nNot held.\n")
    request = Request(title="t", parts=[Part(text="Please give the number of drones."),
                                        Part(text="Please give the invoices.")])
    assert said(read_reply(reply, request)) == {"1": "answered", "2": "not held"}


def test_a_refusal_on_cost_that_names_the_limit_but_not_the_section():
    reading = read_reply("Dear Ms Example\nTo find this we would have to read every custody record "
                         "for five years, which would exceed the appropriate limit. We have therefore "
                         "not answered your request.")
    assert reading.kind is ReplyKind.REFUSED and reading.sections == []
    parts = read_reply("1. How many arrests were made?\nThere were 310.\n"
                       "2. What was each person's ethnicity?\nFinding this would exceed the cost limit "
                       "set under section 12, so it is not given.\n")
    assert said(parts) == {"1": "answered", "2": "refused s12"} and parts.kind is ReplyKind.PARTLY
    # the same words as the requester's condition, quoted in an acknowledgement, refuse nothing
    ack = read_reply("Dear Ms Example\nYour request will now be considered. You wrote: In the event "
                     "that answering would exceed the appropriate limit, please answer part 1 alone.")
    assert ack.kind is ReplyKind.ACKNOWLEDGEMENT


def test_parts_listed_inside_a_sentence_take_that_sentence_as_their_answer():
    reply = ("Dear Ms Example\nOur answers to Q1, Q2 and Q4 are in the attached spreadsheet. "
             "In respect of Q3 & Q5, we hold no records of that kind.\n")
    assert said(read_reply(reply)) == {"1": "answered", "2": "answered", "4": "answered",
                                       "3": "not held", "5": "not held"}


def test_numbers_alone_on_a_line_head_one_answer_to_several_parts():
    reply = ("1.\nThere were 14 in 2023.\n2, 3 & 4\nThe table below gives each officer's rank, "
             "service and the result.\n")
    assert said(read_reply(reply)) == {"1": "answered", "2": "answered", "3": "answered", "4": "answered"}


def test_nothing_held_with_the_usual_ncnd_on_any_other_information_is_not_held():
    reply = ("Dear Ms Example\nWe have searched and the information you asked for is not held by the "
             "force. In addition, the force can neither confirm nor deny that it holds any other "
             "information about covert uses of this technology, by virtue of section 24(2) and "
             "section 31(3).\nThe public interest test for these exemptions is attached.\n")
    reading = read_reply(reply)
    assert reading.kind is ReplyKind.NOT_HELD and reading.ncnd
    assert reading.sections == ["s24(2)", "s31(3)"]
    # the same words said of the information asked for are a refusal
    asked = reply.replace("any other information about", "information about")
    assert read_reply(asked).kind is ReplyKind.REFUSED


def test_a_section_named_for_what_the_force_would_otherwise_have_done_is_not_cited():
    reply = ("Dear Ms Example\nWe searched the complaints database only: searching every system "
             "would have rendered the request exempt under section 12. The figures are below.\n"
             "1. 2023: 4\n")
    reading = read_reply(reply)
    assert reading.sections == [] and reading.kind is ReplyKind.ANSWERED


def test_other_wordings_of_a_clarification_ncnd_and_vexatious_refusal():
    assert read_reply("Dear Ms Example\nBefore we can answer we require clarification of the period "
                      "you mean.").kind is ReplyKind.CLARIFICATION
    assert read_reply("Under section 1(3) of the Act we will treat the request as received once we "
                      "hear from you which unit you mean.").kind is ReplyKind.CLARIFICATION
    ncnd = read_reply("The force will neither confirm or deny that it holds this, by virtue of "
                      "section 23(5).")
    assert ncnd.ncnd and ncnd.kind is ReplyKind.REFUSED
    assert read_reply("Your request is considered vexatious and will not be answered.").kind \
        is ReplyKind.REFUSED
    assert not read_reply("We confirm that the force holds the data; it is attached.").ncnd


def test_a_sentence_pointing_back_to_an_earlier_answer_is_not_that_part_s_answer():
    reply = ("1. How many radios does the force have?\nWe hold no record of radios.\n"
             "2. What did they cost?\nAs given in our answer to question 1, no record is held.\n"
             "3. How many were lost?\nEleven, see the response to question 2 for costs.\n")
    assert said(read_reply(reply)) == {"1": "not held", "2": "not held", "3": "answered"}


def test_a_search_that_found_nothing_is_not_held():
    assert read_reply("Dear Ms Example\nSearches of the force's systems were made and no records "
                      "were found.").kind is ReplyKind.NOT_HELD
    assert read_reply("1. We were unable to locate any such report.\n2. Yes.\n").parts["1"].outcome \
        is Outcome.NOT_HELD


def test_every_part_answered_but_some_withheld_is_answered_in_part():
    reply = ("Dear Ms Example\nSome of the information has been withheld: officers' names are "
             "removed from the report under section 40(2).\n1. The report is attached.\n2. Yes.\n")
    assert read_reply(reply).kind is ReplyKind.PARTLY
    assert read_reply("1. The answer in part 2 of our letter is yes.\n2. Yes.\n").kind is ReplyKind.ANSWERED


def test_a_word_reply_s_table_of_answers_is_read_a_row_a_part(tmp_path):
    import docx

    from composer.replies import reply_text

    document = docx.Document()
    document.add_paragraph("Dear Ms Example, our answers are in the table below.")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("1", "How many drones?", "Twelve"),
                                       ("2", "Send the invoices", "Exempt under section 43(2)"),
                                       ("3", "Send the flight logs", "Not held")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(tmp_path / "reply.docx"))
    assert said(read_reply(reply_text(tmp_path / "reply.docx"))) == {
        "1": "answered", "2": "refused s43(2)", "3": "not held"}


def test_a_sentence_that_sends_what_was_asked_is_a_disclosure_though_it_names_the_exemptions():
    # What was asked for is sent, some of it withheld: answered in part, not refused.
    partly = read_reply("Dear Ms Example\nThe information you asked for is attached, with some of it withheld "
                        "under section 31(1)(a); the exemptions are explained below.\n")
    assert partly.kind is ReplyKind.PARTLY and partly.sections == ["s31(1)"]
    # Only the refusal's own papers are sent: still a refusal.
    for papers in ("An explanation of the exemptions is attached.",
                   "The public interest test for the exemption is attached."):
        refused = read_reply(f"Dear Ms Example\nThe information is withheld under section 31(1)(a). {papers}\n")
        assert refused.kind is ReplyKind.REFUSED, papers
