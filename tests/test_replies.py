"""Reading what came back: the seeds' real replies, and replies that number their parts."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import seed_text

from composer.errors import ComposerError
from composer.model import Act, Part, Request
from composer.replies import (
    Outcome,
    PartReading,
    ReplyKind,
    force_letters,
    read_latest,
    read_reply,
    reply_text,
)


# -- the seeds ------------------------------------------------------------------------------------
def test_seed_003_an_acknowledgement_then_a_request_for_clarification():
    letters = force_letters(seed_text("003"))
    assert len(letters) == 3  # the requester's own letters are left out
    ack = read_reply(letters[0])
    assert ack.kind is ReplyKind.ACKNOWLEDGEMENT
    assert ack.reference == "2018030000615"
    assert ack.dates["received"] == date(2018, 3, 16)
    assert ack.parts == {}  # the request is quoted, not answered
    clarify = read_reply(letters[1])
    assert clarify.kind is ReplyKind.CLARIFICATION
    assert "predictive policing" in clarify.asked.lower() and "do you mean" in clarify.asked.lower()
    assert clarify.dates["reply_by"] == date(2018, 5, 11)  # "by 11th May", the year from the letter
    assert clarify.sections == []


def test_seed_004_partly_answered_under_s31_and_s40():
    reading = read_reply(seed_text("004"))
    assert reading.kind is ReplyKind.PARTLY
    assert reading.sections == ["s31(1)", "s40(2)"]
    assert reading.reference == "01.FOI.22.026461"


def test_seed_001_answered():
    reading = read_reply(seed_text("001"))
    assert reading.kind is ReplyKind.ANSWERED
    assert reading.reference == "855A/22"
    assert reading.sections == []  # "s149 Equality Act" in the request is not an FOI section
    assert reading.parts == {}  # the request's parts are quoted above the reply, not answered


# -- replies that number their parts -----------------------------------------------------------------
NUMBERED = """Our ref: FOI/2026/1234
Date: 14 January 2027

Dear Ms Example

1a. What is the name of the system?
The system is called Patrolwise.

1b. When was the system first used?
March 2019.

1c. How does the system work?
This information is exempt under section 31(1)(a) because disclosure would prejudice the
prevention of crime.

1d. What is the cost?
No information is held.

1e. What guidance governs it?
The force neither confirms nor denies whether it holds this information, by virtue of section 23(5).

1f. How many people were scored?
Could you clarify what you mean by "scored"?
"""


def test_each_numbered_part_is_read_on_its_own():
    reading = read_reply(NUMBERED)
    assert reading.kind is ReplyKind.PARTLY
    assert reading.reference == "FOI/2026/1234" and reading.dates["dated"] == date(2027, 1, 14)
    assert {k: str(v) for k, v in reading.parts.items()} == {
        "1a": "answered", "1b": "answered", "1c": "refused s31(1)", "1d": "not held",
        "1e": "neither confirm nor deny s23(5)", "1f": "clarification asked"}
    assert reading.as_json()["parts"]["1c"] == "refused s31(1)"


def test_parts_numbered_as_questions():
    reading = read_reply("Question 1: Yes, since 2019.\nQuestion 2 - Not held.\nQ3. Refused under s40(2).\n")
    assert {k: v.outcome for k, v in reading.parts.items()} == {
        "1": Outcome.ANSWERED, "2": Outcome.NOT_HELD, "3": Outcome.REFUSED}
    assert reading.kind is ReplyKind.PARTLY


def test_with_the_request_the_quoted_wording_is_told_from_the_answer():
    request = Request(title="t", parts=[
        Part(text="Please disclose the name of each company you have used for risk scoring."),
        Part(text="Please disclose each contract for risk scoring.")])
    reply = ("1. Please disclose the name of each company you have used for risk scoring.\n"
             "None: no such company has been used.\n"
             "2. Please disclose each contract for risk scoring.\n"
             "No information is held.\n")
    reading = read_reply(reply, request)
    assert reading.parts == {"1": PartReading(Outcome.ANSWERED), "2": PartReading(Outcome.NOT_HELD)}
    assert reading.kind is ReplyKind.PARTLY  # one answered, one not held


def test_all_not_held_and_whole_reply_kinds():
    assert read_reply("1. Not held.\n2. We do not hold this.\n").kind is ReplyKind.NOT_HELD
    assert read_reply("Dear Sir\nWe do not hold any information of the kind you describe.").kind \
        is ReplyKind.NOT_HELD
    extension = read_reply("We need further time to consider the public interest test and "
                           "expect to reply by 3 February 2027.")
    assert extension.kind is ReplyKind.EXTENSION and extension.dates["until"] == date(2027, 2, 3)
    refusal = read_reply("This letter serves as a refusal notice under section 17. Your request is "
                         "refused under section 12 as it would exceed the cost limit.")
    assert refusal.kind is ReplyKind.REFUSED and refusal.sections == ["s12"]
    assert read_reply("Thanks for the weather.").kind is None  # the user chooses


def test_part_reading_round_trips_through_words():
    for text in ("answered", "not held", "refused s31(1) s40(2)", "neither confirm nor deny s23(5)",
                 "clarification asked"):
        assert str(PartReading.parse(text)) == text
    assert PartReading.parse("ncnd s24").outcome is Outcome.NCND
    with pytest.raises(ComposerError, match="not what a force does"):
        PartReading.parse("lost it")


def test_read_latest_takes_the_forces_last_letter():
    thread = ("Dear Ms Example\nYour request will now be considered.\nYours sincerely\nA\n\n"
              "Dear FOI team\nThanks.\nYours faithfully\nMs Example\n\n"
              "Dear Ms Example\nPlease find attached our response.\nYours sincerely\nA\n")
    assert read_latest(thread).kind is ReplyKind.ANSWERED
    assert read_reply(force_letters(thread)[0]).kind is ReplyKind.ACKNOWLEDGEMENT


def test_scottish_sections_are_read_under_foisa():
    reading = read_reply("1. Withheld under section 35(1)(a).\n2. Yes.\n", act=Act.FOISA)
    assert str(reading.parts["1"]) == "refused s35(1)"


# -- files ------------------------------------------------------------------------------------------
def test_reply_files_of_each_kind(tmp_path):
    text = "Dear Ms Example\nPlease find attached our response. Reference: ABC-2026-77\n"
    (tmp_path / "r.txt").write_text(text, "utf-8")
    assert read_reply(reply_text(tmp_path / "r.txt")).reference == "ABC-2026-77"

    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"], mail["Subject"] = "foi@force.example", "Your request"
    mail["Date"] = "Thu, 14 Jan 2027 10:00:00 +0000"
    mail.set_content(text)
    (tmp_path / "r.eml").write_bytes(bytes(mail))
    from_mail = read_reply(reply_text(tmp_path / "r.eml"))
    assert from_mail.kind is ReplyKind.ANSWERED and from_mail.dates["dated"] == date(2027, 1, 14)

    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(tmp_path / "r.docx"))
    assert read_reply(reply_text(tmp_path / "r.docx")).reference == "ABC-2026-77"


def test_a_pdf_reply(tmp_path):
    pytest.importorskip("pypdf")
    import shutil
    import subprocess

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) makes the PDF for this test; it is not installed")
    (tmp_path / "reply.txt").write_text("Dear Ms Example\n1. Not held.\n2. Refused under section 40(2).\n",
                                        "utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "reply.txt")], check=True, capture_output=True, timeout=120)
    reading = read_reply(reply_text(tmp_path / "reply.pdf"))
    assert {k: str(v) for k, v in reading.parts.items()} == {"1": "not held", "2": "refused s40(2)"}


def test_unreadable_files_get_one_line(tmp_path):
    with pytest.raises(ComposerError, match="no such file"):
        reply_text(tmp_path / "missing.txt")
    (tmp_path / "reply.odt").write_bytes(b"x")
    with pytest.raises(ComposerError, match=r"\.txt, \.eml, \.docx, \.pdf"):
        reply_text(tmp_path / "reply.odt")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    with pytest.raises(ComposerError, match="could not be read as a Word file"):
        reply_text(tmp_path / "broken.docx")


def test_a_reply_that_is_not_text_or_has_no_words_is_named_in_one_line(tmp_path, caplog):
    # A program saved as reply.txt, or an empty file, was read as a reply of no clear kind
    # ("kind not clear: give --kind"), and a damaged PDF printed pypdf's own warnings first.
    (tmp_path / "reply.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    with pytest.raises(ComposerError, match=r"reply\.txt: is a binary file, not a reply"):
        reply_text(tmp_path / "reply.txt")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    with pytest.raises(ComposerError, match=r"empty\.txt: the reply is empty"):
        reply_text(tmp_path / "empty.txt")
    with pytest.raises(ComposerError, match="is a folder, not a reply"):
        reply_text(tmp_path)
    (tmp_path / "latin.txt").write_bytes("Dear Ms Example\nRef: CAF\xc9-1\n".encode("cp1252"))
    assert "CAF\u00c9-1" in reply_text(tmp_path / "latin.txt")  # Windows-1252 read, as import does
    pytest.importorskip("pypdf")
    (tmp_path / "reply.pdf").write_bytes(b"\x7fELF\x02 not a PDF at all")
    with caplog.at_level("WARNING"), pytest.raises(ComposerError, match="could not be read as a PDF"):
        reply_text(tmp_path / "reply.pdf")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []


def test_attach_names_a_folder_given_for_a_reply(tmp_path, capsys):
    from composer.campaign.store import CampaignStore
    from composer.cli import main
    from composer.forces import load_directory
    from composer.model import Part, Request
    from composer.operations.campaign import new_campaign

    request = Request(title="Risk", parts=[Part(text="Do you use a risk tool?")])
    CampaignStore().create(new_campaign(name="Risk", request=request, sent=date(2026, 11, 20),
                                        forces=load_directory().resolve("kent_police")).value)
    assert main(["campaign", "attach", "Risk", "kent_police", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip().endswith("is a folder, not a reply; give the reply's file")


def test_a_file_named_docx_or_pdf_that_is_not_one_is_named_in_plain_words(tmp_path):
    """QA-S9: a zip of something else named .docx said "(There is no item named
    '[Content_Types].xml' in the archive)", a program named .docx "Package not found at …" (the
    file was there), a broken Word file "'lxml.etree._Element' object has no attribute …" and a
    cut-off PDF "Stream has ended unexpectedly": the library's words, not what to do."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.docx", "w") as z:
        z.writestr("holiday.txt", "not a letter")
    with zipfile.ZipFile(tmp_path / "broken.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<not xml")
    (tmp_path / "program.docx").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj")
    for name in ("photos.docx", "broken.docx", "program.docx"):
        with pytest.raises(ComposerError) as caught:
            reply_text(tmp_path / name)
        message = str(caught.value)
        assert message.startswith(f"{tmp_path / name}: could not be read as a Word file"), message
        assert "save it as .docx again, or paste its words" in message, message
        for internal in ("Content_Types", "Package not found", "lxml", "attribute"):
            assert internal not in message, message
    pytest.importorskip("pypdf")
    with pytest.raises(ComposerError) as caught:
        reply_text(tmp_path / "cut.pdf")
    message = str(caught.value)
    assert "could not be read as a PDF" in message and "Stream" not in message, message


def test_a_numbered_word_list_after_a_bulleted_one_is_more_parts_not_sub_parts(tmp_path):
    """LEFT-S10: the labels Word shows were read as typed text is read (the first kind of label
    is the parts, a new kind inside a part its sub-parts), so a numbered list after a bulleted
    one became sub-parts of the last bullet. Word says each paragraph's depth: that decides."""
    import docx

    from composer.library import open_request, request_text

    document = docx.Document()
    document.add_paragraph("I am writing to ask for the following.")
    document.add_paragraph("Does the force use a risk score?", style="List Bullet")
    document.add_paragraph("Does it use facial recognition?", style="List Bullet")
    document.add_paragraph("How many people were scored in 2024?", style="List Number")
    document.add_paragraph("How many of them were under 18?", style="List Number 2")  # one deeper
    document.add_paragraph("What did the system cost?", style="List Number")
    document.save(tmp_path / "mixed.docx")
    request = open_request(tmp_path / "mixed.docx")
    assert [p.text for p in request.parts] == [
        "Does the force use a risk score?", "Does it use facial recognition?",
        "How many people were scored in 2024?", "What did the system cost?"]
    assert [s.text for s in request.parts[2].subparts] == ["How many of them were under 18?"]
    assert request_text(tmp_path / "mixed.docx").count("• ") == 4  # and one "◦ "
    # the other way round, too
    document = docx.Document()
    document.add_paragraph("Please tell me:")
    document.add_paragraph("How many people were scored in 2024?", style="List Number")
    document.add_paragraph("Does the force use a risk score?", style="List Bullet")
    document.save(tmp_path / "numbers first.docx")
    assert [p.text for p in open_request(tmp_path / "numbers first.docx").parts] == [
        "How many people were scored in 2024?", "Does the force use a risk score?"]
    # a reply keeps the labels Word shows: its numbers say which question an answer is to
    text = reply_text(tmp_path / "mixed.docx")
    assert "1. How many people" in text and "• Does the force" in text, text


def test_a_word_file_s_numbered_and_bulleted_lists_keep_their_labels_and_levels(tmp_path):
    """QA-S9: Word keeps a list's numbers and bullets out of the text; they were lost, so a
    request kept as a Word file with bullets and "if so" sub-bullets came in as one part."""
    import docx

    from composer.textimport import parse_request

    document = docx.Document()
    document.add_paragraph("Dear Kent Police,")
    document.add_paragraph("Under the Freedom of Information Act 2000, please provide:")
    document.add_paragraph("Whether the force uses any predictive policing tool.", style="List Bullet")
    document.add_paragraph("If so:", style="List Bullet")
    document.add_paragraph("The name of the supplier;", style="List Bullet 2")
    document.add_paragraph("The total cost since 2020.", style="List Bullet 2")
    document.add_paragraph("Any DPIA completed for it.", style="List Bullet")
    document.add_paragraph("Yours faithfully,")
    document.save(tmp_path / "bullets.docx")
    text = reply_text(tmp_path / "bullets.docx")
    assert "• Whether the force" in text and "◦ The name of the supplier;" in text, text
    request = parse_request(text)
    assert [p.text for p in request.parts] == [
        "Whether the force uses any predictive policing tool.", "If so:", "Any DPIA completed for it."]
    assert [s.text for s in request.parts[1].subparts] == [
        "The name of the supplier;", "The total cost since 2020."]

    numbered = docx.Document()
    numbered.add_paragraph("Please provide:")
    for line in ("How many people were scored in 2024?", "What did the system cost?"):
        numbered.add_paragraph(line, style="List Number")
    numbered.save(tmp_path / "numbered.docx")
    text = reply_text(tmp_path / "numbered.docx")
    assert "1. How many people" in text and "2. What did" in text, text
    assert [p.text for p in parse_request(text).parts] == [
        "How many people were scored in 2024?", "What did the system cost?"]
