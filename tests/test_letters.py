"""What a letter says: built from the outline, per force and Act, and written out as text and email."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date

import pytest

from composer.errors import ComposerError
from composer.forces import load_directory
from composer.letters import (
    Item,
    Letter,
    Recipient,
    letter_as_email,
    letter_as_text,
    request_letter,
    write_docx,
    write_eml,
    write_txt,
)
from composer.model import AnswerFormat, Options, Part, Request, Requester
from composer.outline import letter_body

DAY = date(2026, 11, 21)
NASTY = (
    "Tom & Jerry <b>not bold</b> \"double\" 'single' \u201ccurly\u201d \u2018quotes\u2019 \u00a3450 "
    "caf\u00e9 na\u00efve Gw\u0175r \u0177 \U0001F600 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 "
    "{{ not a tag }} {% nor this %} {_{ x }_} ]]> &amp;"
)


def force(force_id: str):
    return load_directory().get(force_id)


def me(**changes) -> Requester:
    return Requester.model_validate(
        {"name": "Ann Example", "email": "ann@example.org",
         "postal_address": ["12 Chapel Street", "Llanfair PG", "LL61 5UJ"]} | changes
    )


def sample_request(**options) -> Request:
    return Request(
        title="Risk scoring",
        parts=[
            Part(text="Does {force_name} use a risk-scoring system?", subparts=[
                Part(text="What is it called?", condition="if_yes"),
                Part(text="Who supplies it?", condition="if_yes"),
            ]),
            Part(text="How many people were scored in 2023?", dataset=True, priority=1),
            Part(text="Please provide the policy governing its use."),
        ],
        options=Options(**options),
    )


def nasty_request(parts: int = 3, long: bool = False) -> Request:
    return Request(
        title="Tricky & <text>",
        introduction=f"Intro: {NASTY}",
        parts=[
            Part(text=f"Part {i}: {NASTY}" + (" very long" * 2000 if long and i == 0 else ""),
                 subparts=[Part(text=f"Sub {i}: {NASTY}")])
            for i in range(parts)
        ],
    )


# -- content per force and Act ------------------------------------------------------------------


def test_request_letter_follows_the_outline_for_an_english_force():
    request, wmp = sample_request(), force("wmp")
    letter = request_letter(request, wmp, me(), date=DAY)
    body = letter_body(request, wmp)
    assert letter.salutation == "Dear West Midlands Police,"
    assert letter.recipient.email == wmp.foi_email
    assert [(i.number, i.text, i.depth) for i in letter.items] == [
        (p.number, p.text, p.depth) for p in body.parts
    ]
    # priority 1 goes first and is numbered 1, as the force will read it
    assert letter.items[0].text == "How many people were scored in 2023?"
    assert letter.items[1].text.startswith("Does West Midlands Police use a risk-scoring system?")
    assert [i.number for i in letter.items] == ["1", "2", "2a", "2b", "3"]
    assert "Freedom of Information Act 2000" in letter.before[0]
    cost = next(p for p in letter.after if "cost" in p or "limit" in p)
    assert "£450" in cost and "£25 an hour" in cost and "section 16" in cost
    assert letter.after[: len(body.clauses)] == body.clauses


def test_police_scotland_gets_foisa_its_limit_and_section_15():
    letter = request_letter(sample_request(), force("police_scotland"), me(), date=DAY)
    text = letter_as_text(letter)
    assert "Freedom of Information (Scotland) Act 2002" in text
    assert "Freedom of Information Act 2000" not in text
    assert "£600" in text and "section 15" in text and "£450" not in text


def test_cost_limit_clause_can_be_switched_off():
    letter = request_letter(sample_request(cost_limit_clause=False), force("wmp"), me(), date=DAY)
    assert not any("£450" in p for p in letter.after)


def test_csv_format_cites_section_11_and_11_1a_under_foia_only():
    request = sample_request(answer_format=AnswerFormat.CSV)
    foia = request_letter(request, force("wmp"), me(), date=DAY)
    foisa = request_letter(request, force("police_scotland"), me(), date=DAY)
    fmt = next(p for p in foia.after if "section 11" in p)
    assert "CSV" in fmt and "section 11(1A)" in fmt
    fmt_scot = next(p for p in foisa.after if "section 11" in p)
    assert "11(1A)" not in fmt_scot


def test_an_introduction_naming_the_wrong_act_is_corrected_with_a_warning():
    request = Request(title="x", introduction="I write under the Freedom of Information Act 2000.",
                      parts=[Part(text="Q?")])
    scot = request_letter(request, force("police_scotland"), me(), date=DAY)
    assert scot.before == ["I write under the Freedom of Information (Scotland) Act 2002."]
    assert any("named the Freedom of Information Act 2000" in w for w in scot.warnings)
    eng = request_letter(request, force("wmp"), me(), date=DAY)
    assert eng.before == ["I write under the Freedom of Information Act 2000."]
    assert not any("named the" in w for w in eng.warnings)


def test_an_introduction_without_an_act_gets_one_first():
    request = Request(title="x", introduction="Please tell me the following.", parts=[Part(text="Q?")])
    letter = request_letter(request, force("wmp"), me(), date=DAY)
    assert letter.before == [
        "I am making this request under the Freedom of Information Act 2000.",
        "Please tell me the following.",
    ]


def test_naming_another_force_is_warned_about():
    request = Request(title="x", parts=[Part(text="Does West Midlands Police use it?")])
    assert any("names West Midlands Police (part 1)" in w
               for w in request_letter(request, force("kent_police"), me(), date=DAY).warnings)
    assert not any("names" in w for w in request_letter(request, force("wmp"), me(), date=DAY).warnings)


def test_unfilled_fields_and_a_missing_name_are_warned_about():
    request = Request(title="x", parts=[Part(text="Do you use {system_name}?")])
    letter = request_letter(request, force("wmp"), Requester(), date=DAY)
    assert any("part 1 still has {system_name}" in w for w in letter.warnings)
    assert any("real name" in w for w in letter.warnings)
    assert letter_as_text(letter).rstrip().endswith("[your name]")


def test_control_characters_are_removed_with_a_warning_and_nothing_else_changes():
    request = Request(title="Bell\x07", parts=[Part(text="A\x00B\x1fC\tD\r\nE" + NASTY)])
    letter = request_letter(request, force("wmp"), me(name="Ann\x0b"), date=DAY)
    assert letter.items[0].text == "ABC\tD\nE" + NASTY
    assert letter.subject.endswith("Bell") and letter.requester.name == "Ann"
    assert any("2 control characters from part 1" in w for w in letter.warnings)
    assert any("your name" in w for w in letter.warnings)


# -- plain text ---------------------------------------------------------------------------------


def test_text_is_ready_to_paste_into_whatdotheyknow():
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY)
    text = letter_as_text(letter)
    lines = text.splitlines()
    assert lines[0] == "Dear West Midlands Police,"
    assert lines[-3:] == ["Yours faithfully,", "", "Ann Example"]
    assert "Chapel Street" not in text and "ann@example.org" not in text  # WDTK publishes it
    assert "1. How many people were scored in 2023?" in lines
    assert "    2a. What is it called?" in lines
    assert text.index("2a.") < text.index("2b.") < text.index("3. Please")


def test_text_heading_and_contact_details_on_request():
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY)
    text = letter_as_text(letter, heading=True, contact=True)
    assert text.startswith("21 November 2026\n\nWest Midlands Police\nBy email: foi@westmidlands.police.uk\n")
    assert text.rstrip().endswith("Ann Example\n12 Chapel Street\nLlanfair PG\nLL61 5UJ\nann@example.org")


def test_text_wraps_with_hanging_indents_when_asked():
    request = Request(title="x", parts=[Part(text="word " * 40, subparts=[Part(text="more " * 40)])])
    text = letter_as_text(request_letter(request, force("wmp"), me(), date=DAY), width=60)
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "\n1. word" in text and "\n   word" in text
    assert "\n    1a. more" in text and "\n        more" in text


def multi_line_request() -> Request:
    return Request(title="x", parts=[
        Part(text="If so:", subparts=[Part(text="Who supplies it?\n(i) the company name;\n(ii) the contract value.")]),
        Part(text="Has a DPIA been completed?\nIf yes, please provide a copy."),
    ])


@pytest.mark.parametrize("width", [0, 70])
def test_a_line_break_typed_in_a_part_keeps_the_parts_indent(width):
    """QA-S8: in the text letter (WhatDoTheyKnow, the email's body) the lines after a break typed
    in a part started at the margin, under no number, as though they belonged to nothing:
    "    1a. Who supplies it?" then "(i) the company name;"."""
    text = letter_as_text(request_letter(multi_line_request(), force("wmp"), me(), date=DAY), width=width)
    lines = text.splitlines()
    assert lines[lines.index("    1a. Who supplies it?") + 1:][:2] == ["        (i) the company name;",
                                                                    "        (ii) the contract value."]
    assert lines[lines.index("2. Has a DPIA been completed?") + 1] == "   If yes, please provide a copy."


@pytest.mark.parametrize("width", [0, 70])
def test_show_keeps_a_line_break_typed_in_a_part_and_its_indent(width):
    """QA-S8: `show --width` joined the lines of a part into one paragraph (textwrap takes a line
    break for a space); without a width they lost the part's indent."""
    from composer.outline import body_as_text

    lines = body_as_text(letter_body(multi_line_request(), force("wmp")), width=width).splitlines()
    assert lines[lines.index("    1a. Who supplies it?") + 1:][:2] == ["        (i) the company name;",
                                                                    "        (ii) the contract value."]
    assert lines[lines.index("2. Has a DPIA been completed?") + 1] == "   If yes, please provide a copy."


def test_a_text_letter_with_line_breaks_in_its_parts_reads_back_the_same():
    from composer.textimport import parse_request

    letter = request_letter(multi_line_request(), force("wmp"), me(), date=DAY)
    again = parse_request(letter_as_text(letter))
    assert [(n.number, n.part.text) for n in again.numbered()] == [(i.number, i.text) for i in letter.items]


def test_every_character_survives_into_text(tmp_path):
    letter = request_letter(nasty_request(200), force("wmp"), me(), date=DAY)
    path = write_txt(letter, tmp_path / "l.txt")
    text = path.read_text("utf-8")
    assert text.count(NASTY) == 401  # introduction and 200 parts with a sub-part each
    assert "200. Part 199" in text and "200a. Sub 199" in text


def test_text_reads_back_as_the_same_request():
    from composer.textimport import parse_request

    request = sample_request()
    letter = request_letter(request, force("wmp"), me(), date=DAY)
    again = parse_request(letter_as_text(letter))
    original = [(n.number, n.part.text) for n in again.numbered()]
    assert [number for number, _ in original] == [i.number for i in letter.items]
    for (_, text), item in zip(original, letter.items):
        # the importer may take the closing sentence as part of the last part: never less
        assert text.startswith(item.text)


# -- email --------------------------------------------------------------------------------------


def test_eml_is_a_draft_to_the_force_with_the_letter_as_body(tmp_path):
    letter = request_letter(nasty_request(), force("wmp"), me(), date=DAY)
    path = write_eml(letter, tmp_path / "l.eml")
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].addr_spec == "foi@westmidlands.police.uk"
    assert msg["To"].addresses[0].display_name == "West Midlands Police"
    assert msg["From"].addresses[0].addr_spec == "ann@example.org"
    assert msg["Subject"] == "Freedom of Information request: Tricky & <text>"
    assert msg.get_content_charset() == "utf-8"
    body = msg.get_content()
    assert body.replace("\r\n", "\n") == letter_as_text(letter, contact=True)
    assert NASTY in body
    assert all(ord(c) < 128 for c in path.read_bytes().decode("ascii"))  # 7-bit safe file


@pytest.mark.parametrize("subject", [
    # 74 characters: Python's own folding broke the line straight after "Subject:", and its parser
    # then read the subject back with a leading space
    "Overdue: Freedom of Information request: policing predictive Information",
    # beside non-ASCII words Python's folding dropped a space ("£450naïve") or doubled one
    "Freedom of Information request: Gwŵr O’Brien-Ní — “risk scores” £450 naïve 🚓 used since 2021 "
    "for stop and search",
    "Requirement for review: Freedom of Information request: 2021-2025 naïve",
    "Freedom of Information request: " + "a" * 70 + " scores",  # a word too long for one line
    "Freedom of Information request: Short",
])
def test_an_email_subject_reads_back_exactly_as_written(tmp_path, subject):
    """QA-S8 saw Subjects over 78 characters folded. Folding is RFC 5322's own and mail clients
    unfold it; what must hold is that the unfolded Subject is exactly the letter's, and that no
    header line passes 78 characters."""
    letter = request_letter(sample_request(), force("wmp"), me(name="Siân O’Brien"), date=DAY)
    letter.subject = subject
    raw = write_eml(letter, tmp_path / "l.eml").read_bytes()
    head = raw.split(b"\r\n\r\n")[0]
    assert all(len(line) <= 78 for line in head.split(b"\r\n")), head
    assert b"Subject:\r\n" not in raw
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(msg["Subject"]) == subject
    assert raw.isascii()  # 7-bit headers, whatever the subject holds


def test_eml_needs_the_force_email_address(tmp_path):
    glos = force("gloucestershire_police")
    assert glos.foi_email is None
    letter = request_letter(sample_request(), glos, me(), date=DAY)
    with pytest.raises(ComposerError, match="no FOI email address for this force.*--set-email gloucestershire_police"):
        write_eml(letter, tmp_path / "l.eml")
    assert not (tmp_path / "l.eml").exists()


def test_eml_without_the_requesters_email_has_no_from():
    msg = letter_as_email(request_letter(sample_request(), force("wmp"), me(email=""), date=DAY))
    assert msg["From"] is None and msg["To"]


# -- any letter, not just a request -------------------------------------------------------------


def test_a_follow_up_letter_to_the_regulator_goes_through_every_writer(tmp_path):
    import docx

    ico = Recipient("Information Commissioner's Office", email="icocasework@ico.org.uk",
                    postal_address=["Wycliffe House", "Water Lane", "Wilmslow", "SK9 5AF"],
                    greeting="Information Commissioner")
    letter = Letter(
        date=DAY, recipient=ico, subject="Complaint: West Midlands Police, reference 855A/22",
        salutation=ico.salutation, before=["I complain about the handling of my request."],
        items=[Item("1", "No response within 20 working days."), Item("2", "No s17 notice.")],
        after=["I ask you to issue a decision notice."], requester=me(), reference="855A/22",
        force=force("wmp"),
    )
    text = letter_as_text(letter, heading=True)
    assert "Dear Information Commissioner," in text and "Reference: 855A/22" in text
    assert "Wycliffe House\nWater Lane" in text
    write_docx(letter, tmp_path / "c.docx")
    paras = [p.text for p in docx.Document(str(tmp_path / "c.docx")).paragraphs]
    assert "Dear Information Commissioner," in paras and "Reference: 855A/22" in paras
    assert "1.\tNo response within 20 working days." in paras and "SK9 5AF" in paras
    msg = email.message_from_bytes(write_eml(letter, tmp_path / "c.eml").read_bytes(),
                                   policy=email.policy.default)
    assert msg["To"].addresses[0].addr_spec == "icocasework@ico.org.uk"


def test_dates_are_written_the_british_way():
    letter = request_letter(sample_request(), force("wmp"), me(), date=date(2027, 3, 1))
    assert re.match(r"1 March 2027\n", letter_as_text(letter, heading=True))


def test_a_name_or_address_pasted_with_line_breaks_signs_the_letter_as_one_name():
    """QA-S8: `profile --name $'Zoë D\\'Arcy\\nBcc: evil@example.com'` was kept as typed: every text
    letter signed with a second line "Bcc: evil@example.com", and every email failed with "your
    email address … is not valid (address parts cannot contain CR or LF)", blaming the address."""
    odd = me(name="Zoë D'Arcy\nBcc: evil@example.com\u202e", organisation="Data\r\nWatch",
             postal_address=["12 Chapel Street\nLlanfair PG", " ", "LL61 5UJ"])
    assert odd.name == "Zoë D'Arcy Bcc: evil@example.com" and odd.organisation == "Data Watch"
    assert odd.postal_address == ["12 Chapel Street", "Llanfair PG", "LL61 5UJ"]
    letter = request_letter(sample_request(), force("wmp"), odd, date=DAY)
    text = letter_as_text(letter, contact=True)
    assert text.rstrip().endswith("Zoë D'Arcy Bcc: evil@example.com\nData Watch\n12 Chapel Street\nLlanfair PG\n"
                                  "LL61 5UJ\nann@example.org")
    message = email.message_from_bytes(letter_as_email(letter).as_bytes(), policy=email.policy.default)
    assert message["From"].addresses[0].display_name == "Zoë D'Arcy Bcc: evil@example.com"
    assert message["Bcc"] is None
