"""The app fits a letter written for one force to every force and lists each change with an undo."""

from __future__ import annotations

from composer.model import Part, Request
from composer.ui.qt import QPushButton
from tests.conftest import seed_text


def test_opening_a_letter_written_for_the_met_fits_it_and_lists_the_changes(window, tmp_path):
    letter = tmp_path / "met.txt"
    letter.write_text(seed_text("003"), encoding="utf-8")
    assert window.files.open_file(letter)
    panel = window.fit_changes
    assert panel.isVisible() and len(panel.changes) == 5
    assert window.document.request.parts[0].text.startswith("Please disclose the name of each company {force_name}")
    assert "5 places in this request named one force" in panel.summary.text()


def test_each_change_has_its_own_undo_and_the_edit_menu_undoes_the_whole_fit(window):
    window.document.load(Request(parts=[Part(text="Has the MPS used it?"),
                                        Part(text="Does the MPS audit it?")]), None)
    window.fit_action.trigger()
    panel = window.fit_changes
    assert [c.before for c in panel.changes] == ["the MPS", "the MPS"]
    buttons = panel.rows.findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["Undo", "Undo"]
    assert "the MPS" in buttons[1].accessibleName()
    assert panel.undo_change(1)
    texts = [p.text for p in window.document.request.parts]
    assert texts == ["Has {force_name} used it?", "Does the MPS audit it?"]
    assert len(panel.changes) == 1
    window.undo_action.trigger()  # the put-back is one step on the undo stack
    assert [p.text for p in window.document.request.parts][1] == "Does {force_name} audit it?"
    window.undo_action.trigger()  # and the fit another
    assert [p.text for p in window.document.request.parts] == ["Has the MPS used it?", "Does the MPS audit it?"]


def test_a_request_with_nothing_for_one_force_says_so(window):
    window.document.load(Request(parts=[Part(text="How many systems does {force_name} use?")]), None)
    window.fit_action.trigger()
    assert window.fit_changes.changes == ()
    assert "Nothing in this request is written for one force" in window.fit_changes.summary.text()
    assert not window.document.is_modified


def test_a_letter_named_at_start_up_is_fitted_as_file_open_fits_it(qtbot, tmp_path):
    """`foi-composer gui letter.txt` reads the letter the way File › Open does: fitted to every
    force, with the list of changes and their undo, never saved over the letter."""
    from composer.ui.app import build_window

    letter = tmp_path / "met.txt"
    letter.write_text(seed_text("003"), encoding="utf-8")
    window, _notes = build_window(letter)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    panel = window.fit_changes
    assert panel.isVisible() and len(panel.changes) == 5
    assert window.document.request.parts[0].text.startswith("Please disclose the name of each company {force_name}")
    assert window.document.path is None and window.document.is_modified
    first = window.document.request.parts[0].id
    assert panel.undo_change(next(i for i, c in enumerate(panel.changes) if c.place == first))
    assert "{force_name}" not in window.document.request.parts[0].text


def test_a_fitted_title_is_listed_with_an_undo_and_shown_in_words(window):
    """QA-S6: the title is fitted too; where no force reads it (the window's title) its field is
    in words, never in braces."""
    window.document.load(Request(title="Has the MPS used it?", parts=[Part(text="Has the MPS used it?")]), None)
    window.fit_action.trigger()
    assert window.document.request.title == "Has {force_name} used it?"
    assert "the title" in window.fit_changes.rows.findChildren(QPushButton)[0].accessibleName()
    assert window.document.display_name == "Has the force used it?"
    assert "{" not in window.windowTitle()


def test_a_letter_kept_as_a_word_file_opens_fitted(window, tmp_path):
    """QA-S6: File › Open of a letter kept in Word read it as a binary file; it is read for its
    words and fitted, as a text letter is."""
    import docx

    document = docx.Document()
    for line in ("Freedom of Information request: Risk scores", "Dear Metropolitan Police Service,",
                 "1. Has the MPS used a risk score?", "2. Please provide its DPIA.", "Yours faithfully,"):
        document.add_paragraph(line)
    letter = tmp_path / "met.docx"
    document.save(str(letter))
    assert window.files.open_file(letter)
    request = window.document.request
    assert request.title == "Risk scores"
    assert [p.text for p in request.parts] == ["Has {force_name} used a risk score?", "Please provide its DPIA."]


def test_each_change_names_the_field_in_words_as_the_editor_shows_it(window):
    """QA-S8: the list read “West Midlands Police” → {force_name}, “…s149 Equality Act 2010” →
    {equality_duty_bare}: braces and field names a newcomer has not met; the part editor shows the
    same fields as "the force's name", "the Act's name"."""
    from composer.ui.qt import QLabel

    window.document.load(Request(parts=[Part(
        text="Under the Freedom of Information Act 2000, what has West Midlands Police's system cost "
             "West Midlands Police under its Public Sector Equality Duty under s149 Equality Act 2010?")]), None)
    window.fit_action.trigger()
    shown = " ".join(label.text() for label in window.fit_changes.rows.findChildren(QLabel))
    assert "{" not in shown and "}" not in shown, shown
    for words in ("the force&#x27;s name", "the Act&#x27;s name", "the force&#x27;s", "equality duty"):
        assert words in shown or words.replace("&#x27;", "'") in shown, words
