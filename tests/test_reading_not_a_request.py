"""Text that reads as another document (a form, an assessment, a policy) is still checked, but the note
says it does not read like a request, so no one mistakes 40 findings on a form for advice on their letter.
Texts written for these tests."""

from __future__ import annotations

from composer.checker.reading import request_from_text

_FORM = "\n\n".join(
    ["EQUALITY ASSESSMENT FORM", "Section 1. Who is completing this form?",
     "Name of the unit completing the assessment.", "Section 2. What does the policy do?"]
    + [f"Paragraph {n} describes the scheme's aims and who it affects in the area." for n in range(8)]
    + ["Has the assessment been signed off by the unit head?", "Sign-off date and reviewer."])


def test_a_form_is_read_but_the_note_says_it_does_not_read_like_a_request():
    request, notes = request_from_text(_FORM, "form.txt")
    assert request is not None and request.parts  # still checked: nothing readable is refused
    assert notes[0].startswith("this text does not read like a request: 3 of its 14 paragraphs ask anything")


def test_prose_that_says_it_asks_for_information_gets_no_such_note():
    letter = _FORM.replace("EQUALITY ASSESSMENT FORM", "Under the Freedom of Information Act 2000 I ask:")
    _, notes = request_from_text(letter, "letter.txt")
    assert not any(note.startswith("this text does not read like a request") for note in notes)
