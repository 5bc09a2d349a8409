"""The new-request wizard, driven page by page, and seed 001's request built with it and the
outline, then compared part by part with the real request (read from ../shared at run time)."""

from __future__ import annotations

from conftest import seed_text

from composer.bank import load_bank, modules_for_kind
from composer.model import AnswerFormat, Requester
from composer.outline import letter_body
from composer.textimport import parse_request
from composer.ui.qt import QWizard
from composer.ui.qt_wizard import PAGE_FORCES, PAGE_MODULES, PAGE_REQUESTER, QtNewRequestWizard


def drive(qtbot, *, kind: int, extra: list[str] = (), fmt: int = 0, forces=("wmp",),
          requester: Requester | None = None, name: str = "") -> QtNewRequestWizard:
    wizard = QtNewRequestWizard(None, requester=requester or Requester())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.kind_page.kinds.button(kind).setChecked(True)
    wizard.kind_page.system_name.setText(name)
    wizard.next()
    assert wizard.currentId() == PAGE_MODULES
    for module_id in extra:
        wizard.modules_page.boxes[module_id].setChecked(True)
    wizard.next()
    wizard.format_page.formats.button(fmt).setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_FORCES
    wizard.forces_page.picker.set_chosen(list(forces))
    return wizard


def finish(qtbot, wizard: QtNewRequestWizard):
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    return wizard.result_value()


def test_the_questions_are_pre_ticked_for_the_kind_chosen(qtbot):
    wizard = drive(qtbot, kind=1)  # individual risk assessment
    suited = [m for m in modules_for_kind("individual_risk") if load_bank().module(m).questions]
    assert wizard.modules_page.ticked() == suited
    assert all(box.accessibleDescription() for box in wizard.modules_page.boxes.values())


def test_a_new_requester_is_asked_for_a_real_name_and_an_address(qtbot):
    wizard = drive(qtbot, kind=0)
    wizard.next()
    assert wizard.currentId() == PAGE_REQUESTER
    page = wizard.requester_page
    assert not page.isComplete()
    assert "real name" in page.problem.text()
    page.form.name.setText("Sam Example")
    assert not page.isComplete() and "address" in page.problem.text()
    page.form.email.setText("sam@example.org")
    assert page.isComplete()
    result = finish(qtbot, wizard)
    assert result.requester.name == "Sam Example"
    assert result.forces == ["wmp"]


def test_known_details_are_not_asked_again(qtbot):
    known = Requester(name="Sam Example", email="sam@example.org")
    wizard = drive(qtbot, kind=2, requester=known, name="Violence Harm Assessment")
    assert wizard.nextId() == -1  # Finish straight after the forces
    result = finish(qtbot, wizard)
    assert result.requester == known
    assert result.request.fields["system_name"] == "Violence Harm Assessment"
    assert "Violence Harm Assessment" in result.request.title


def test_an_umbrella_with_nothing_under_it_is_refused_with_a_reason(qtbot):
    wizard = drive(qtbot, kind=0)
    wizard.back(), wizard.back()
    assert wizard.currentId() == PAGE_MODULES
    wizard.modules_page.set_ticked(["use_crime_mapping", "consultation"])
    assert not wizard.modules_page.validatePage()
    assert "use_crime_mapping" in wizard.modules_page.problem.text()


def test_seed_001_built_with_the_wizard_and_the_outline(qtbot, window, monkeypatch, tmp_path):
    expected = parse_request(seed_text("001"), source="seed 001")

    def run_wizard(parent, *, requester, forces):
        wizard = drive(qtbot, kind=0, extra=["use_individual_risk", "individuals"], fmt=0)
        wizard.next()
        wizard.requester_page.form.name.setText("Sam Example")
        wizard.requester_page.form.email.setText("sam@example.org")
        return finish(qtbot, wizard)

    monkeypatch.setattr(QtNewRequestWizard, "ask", classmethod(lambda cls, *a, **k: run_wizard(*a, **k)))
    assert window.files.new_request()
    document, outline, editor = window.document, window.outline, window.editor
    assert document.forces == ["wmp"] and window.requester.name == "Sam Example"
    assert [len(p.subparts) > 0 for p in document.request.parts[:2]] == [True, True]
    assert document.request.options.answer_format == AnswerFormat.CSV
    assert window.preview.force is not None and window.preview.force.id == "wmp"

    # Word the outline as the seed does: same parts, same sub-parts, same text.
    for target in expected.parts[len(document.request.parts):]:
        outline.select_part(document.request.parts[-1].id)
        outline.add_part()
    while len(document.request.parts) > len(expected.parts):
        outline.select_part(document.request.parts[-1].id)
        outline.delete_part()
    for row, target in enumerate(expected.parts):
        part = document.request.parts[row]
        while len(part.subparts) < len(target.subparts):
            outline.select_part(part.id)
            outline.add_followup()
            part = document.request.parts[row]
        while len(part.subparts) > len(target.subparts):
            outline.select_part(part.subparts[-1].id)
            outline.delete_part()
            part = document.request.parts[row]
        for mine, theirs in zip([part, *part.subparts], [target, *target.subparts]):
            outline.select_part(mine.id)
            assert editor.part_id == mine.id
            editor.text.setPlainText(theirs.text)
            choice = [None, "if_yes", "if_no"].index(theirs.condition)
            editor.condition.setCurrentIndex(choice)
            editor.condition.activated.emit(choice)
            editor.in_format.setChecked(theirs.id in expected.options.format_parts)
    # the last few words typed key by key, as a person would
    last = document.request.parts[-1].subparts[-1]
    outline.select_part(last.id)
    editor.text.setPlainText(expected.parts[-1].subparts[-1].text[:-6])
    editor.focus_text()  # the cursor goes to the end, as a click after the last word would
    qtbot.keyClicks(editor.text, expected.parts[-1].subparts[-1].text[-6:])

    force = window.preview.force
    mine, theirs = letter_body(document.request, force), letter_body(expected, force)
    assert [(p.number, p.text) for p in mine.parts] == [(p.number, p.text) for p in theirs.parts]
    assert "1f, 2f and 2g" in window.preview.text.toPlainText()
    assert "Dear West Midlands Police" in window.preview.text.toPlainText()

    # The forces chosen in the wizard are saved with the request and come back with it, whatever
    # another request chose in the meantime.
    saved = tmp_path / "seed 001.foi.json"
    assert window.files.save_as(saved)
    window.files.new_blank()
    assert window.document.set_forces(["police_scotland"])
    assert window.files.save_as(tmp_path / "to Scotland.foi.json")
    assert window.files.open_file(saved)
    assert window.document.forces == ["wmp"] and not window.document.is_modified
    assert window.preview.force.id == "wmp"


def test_no_two_keys_on_a_page_share_a_mnemonic(qtbot):
    import re

    from composer.ui.qt import QAbstractButton, QLabel

    wizard = QtNewRequestWizard(None, requester=Requester())
    qtbot.addWidget(wizard)
    wizard.show()
    buttons = [wizard.buttonText(b) for b in (QWizard.WizardButton.BackButton,
                                              QWizard.WizardButton.NextButton,
                                              QWizard.WizardButton.CancelButton)]
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        texts = [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None]
        texts += [w.text() for w in page.findChildren(QAbstractButton)]
        keys = [m.lower() for t in texts + buttons for m in re.findall(r"&([^&\s])", t)]
        assert len(keys) == len(set(keys)), f"page {page_id}: {sorted(keys)}"


def test_a_topic_s_questions_are_read_from_the_keyboard_too(qtbot):
    """QA-S9: "Hover over a topic to read its questions": a keyboard user (or a screen reader)
    reached each topic but never its questions, which only a mouse pointer showed."""
    from composer.law import readable
    from composer.model import Request
    from composer.ui.qt import QToolTip, Qt

    wizard = QtNewRequestWizard(None, requester=Requester())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.modules_page
    module = next(m for m in load_bank().modules if m.id in page.boxes and len(m.default_questions) > 1)
    box = page.boxes[module.id]
    asked = [readable(q.text, Request()) for q in module.default_questions]  # fields in words
    assert all(text in box.accessibleDescription() for text in asked), box.accessibleDescription()
    assert "{" not in box.toolTip() and all(text in box.toolTip() for text in asked)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == box.toolTip()
    assert "Tab" in page.subTitle()
