"""The panels around the outline: findings with their fixes, the question bank, the order for
the cost limit, the library and the export dialog (letters written and read back)."""

from __future__ import annotations


import docx

from composer.library import Library, load_request
from composer.model import Part, Request, Requester
from composer.ui.qt import QDialog, Qt
from composer.ui.qt_bank import QtBankBrowser
from composer.ui.qt_document import QtDocument
from composer.ui.qt_export import QtExportDialog
from composer.ui.qt_library import QtLibraryDialog
from composer.ui.qt_order import QtOrderDialog
from composer.ui.settings import Settings


def draft() -> Request:
    return Request(title="Risk scores", parts=[
        Part(id="p1", text="Please provide all information about the system."),
        Part(id="p2", text="Does the force use an individual risk assessment tool?"),
    ])


def test_findings_follow_typing_and_a_fix_is_one_undoable_step(window, qtbot, qtmodeltester):
    window.document.load(draft(), None)
    findings = window.findings
    with qtbot.waitSignal(findings.checked, timeout=5000):
        pass  # the debounced check runs by itself after the change
    qtmodeltester.check(findings.model)
    with_fix = [f for f in findings.model.findings if f.fix is not None]
    assert with_fix, [f.rule for f in findings.model.findings]
    row = findings.model.findings.index(with_fix[0])
    index = findings.model.index(row, 2)
    findings.view.setCurrentIndex(index)
    assert findings.fix_button.isVisibleTo(findings)
    assert findings.fix_button.text() == with_fix[0].fix.label
    if with_fix[0].part_id:
        findings.view.clicked.emit(index)
        assert window.outline.current_part_id == with_fix[0].part_id
    before = window.document.request
    with qtbot.waitSignal(findings.checked, timeout=5000):
        findings.fix_button.click()
    assert window.document.request != before
    assert window.document.undo_stack.undoText().startswith("Fix:")
    window.document.undo_stack.undo()
    assert window.document.request == before


def test_typing_a_problem_in_is_flagged_within_the_debounce(window, qtbot):
    window.document.load(Request(parts=[Part(id="p1", text="How many arrests?")]), None)
    window.outline.select_part("p1")
    window.findings.run_check()
    before = {f.rule for f in window.findings.model.findings}
    window.editor.text.setPlainText("Please send all correspondence about the system.")
    with qtbot.waitSignal(window.findings.checked, timeout=5000):
        pass
    after = {f.rule for f in window.findings.model.findings}
    assert after - before, "an open-ended request should raise a new finding"


def test_questions_from_the_bank_land_in_the_outline(keep, qtbot, qtmodeltester):
    document = QtDocument(Request(parts=[Part(id="top", text="Do you use {system_name}?")]))
    selected = {"id": "top"}
    browser = QtBankBrowser(document, lambda: selected["id"])
    keep.append(browser)
    qtmodeltester.check(browser.tree.model(), force_py=True)
    browser.search.setText("impact assessment")
    visible = [browser.tree.topLevelItem(i) for i in range(browser.tree.topLevelItemCount())
               if not browser.tree.topLevelItem(i).isHidden()]
    assert visible and len(visible) < browser.tree.topLevelItemCount()
    question = next(q for q in browser.bank.search("impact assessment") if not q.parent)
    browser.select_ids([question.id])
    with qtbot.waitSignal(browser.added):
        assert browser.add_selected(under=True)
    subs = document.request.find("top").subparts
    assert subs[0].source == question.id and subs[0].condition == "if_yes"
    assert document.request.fields.get("system_name")  # filled like a wizard-built request
    browser.search.clear()
    browser.select_ids(["cost"])
    assert browser.add_selected(under=False), browser.note.text()
    assert document.request.parts[1].source.startswith("cost.")
    document.undo_stack.undo()
    assert len(document.request.parts) == 1


def test_the_suggested_order_is_applied_and_undone(qtbot, monkeypatch):
    document = QtDocument(Request(parts=[
        Part(id="heavy", text="Please provide all correspondence about the system."),
        Part(id="light", text="What is the name of the system?"),
    ]))
    def suggest_and_accept(self):
        self.suggest()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtOrderDialog, "exec", suggest_and_accept)
    assert QtOrderDialog.ask(None, document)
    assert [p.id for p in document.request.ordered_parts()] == ["light", "heavy"]
    assert [p.priority for p in document.request.ordered_parts()] == [1, 2]
    document.undo_stack.undo()
    assert [p.id for p in document.request.ordered_parts()] == ["heavy", "light"]


def test_library_open_duplicate_rename_bin_restore_and_share(qtbot, tmp_path):
    library = Library()
    library.save(draft(), "Risk scores")
    dialog = QtLibraryDialog(library, Requester(name="Sam Example"))
    qtbot.addWidget(dialog)
    assert dialog.names() == ["Risk scores"]
    assert dialog.duplicate()
    assert sorted(dialog.names()) == ["Risk scores", "Risk scores (copy)"]
    assert dialog.current_name() == "Risk scores (copy)"
    assert dialog.rename("Risk scores v2")
    assert sorted(dialog.names()) == ["Risk scores", "Risk scores v2"]
    dialog.select("Risk scores")
    assert not dialog.rename("Risk scores v2")  # taken: refused with a message, nothing lost
    assert "already exists" in dialog.message.text()
    assert sorted(dialog.names()) == ["Risk scores", "Risk scores v2"]
    dialog.select("Risk scores v2")
    assert dialog.delete()
    assert dialog.names() == ["Risk scores"] and dialog.binned.count() == 1
    assert "bin" in dialog.message.text()
    dialog.tabs.setCurrentWidget(dialog.binned)
    dialog.binned.setCurrentRow(0)
    assert dialog.buttons["restore"].isEnabled()
    assert dialog.restore()
    assert sorted(dialog.names()) == ["Risk scores", "Risk scores v2"]
    dialog.select("Risk scores")
    shared = tmp_path / "shared.foi.json"
    assert dialog.share(shared)
    assert load_request(shared).title == "Risk scores"
    assert dialog.import_template(shared)
    assert len(dialog.names()) == 3
    dialog.select("Risk scores v2")
    dialog.open_selected()
    assert dialog.chosen == library.path_for("Risk scores v2")


def test_export_writes_word_letters_off_the_gui_thread(qtbot, tmp_path):
    request = draft()
    folder = tmp_path / "letters"
    settings = Settings(export_folder=str(tmp_path))
    dialog = QtExportDialog(request, ["wmp", "police_scotland"], Requester(name="Sam Example",
                            email="sam@example.org"), settings)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(folder))
    assert dialog.choice().fmt == "docx"
    with qtbot.waitSignal(dialog.finished_export, timeout=60000) as done:
        assert dialog.start()
        assert not dialog.export_button.isEnabled()
    summary = done.args[0]
    assert summary is not None and not summary.failed
    assert len(summary.written) == 2 and all(p.parent == folder for p in summary.written)
    assert dialog.progress.value() == 2
    assert dialog.open_button.isVisibleTo(dialog)
    assert "2 letters written" in dialog.report.toPlainText()
    scotland = next(p for p in summary.written if "Scotland" in p.name)
    text = "\n".join(par.text for par in docx.Document(str(scotland)).paragraphs)
    assert "Dear Police Scotland" in text or "Police Scotland" in text
    assert "Freedom of Information (Scotland) Act 2002" in text
    assert "Does the force use an individual risk assessment tool?" in text
    assert "Sam Example" in text


def test_export_that_cannot_start_says_why(qtbot, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    dialog = QtExportDialog(draft(), ["wmp"], Requester(name="Sam"), Settings())
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(blocker))
    with qtbot.waitSignal(dialog.finished_export, timeout=60000) as done:
        dialog.start()
    assert done.args[0] is None
    assert "is a file, not a folder" in dialog.note.text()
    assert dialog.export_button.isEnabled()


def test_a_folder_no_file_manager_can_open_shows_its_path_to_copy(qtbot, tmp_path, monkeypatch):
    from composer.ui import qt_export
    from composer.ui.qt import QApplication

    monkeypatch.setattr(qt_export.QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    dialog = QtExportDialog(draft(), ["wmp"], Requester(name="Sam"), Settings())
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "letters"))
    assert dialog.open_folder() is False
    assert str(tmp_path / "letters") in dialog.note.text()
    assert QApplication.clipboard().text() == str(tmp_path / "letters")
    assert dialog.note.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_force_picker_groups_and_ticks(keep, qtbot, qtmodeltester):
    from composer.forces import load_directory
    from composer.ui.qt_force_picker import QtForcePicker

    picker = QtForcePicker()
    keep.append(picker)
    qtmodeltester.check(picker.list.model())
    assert picker.chosen_ids() == [] and "No forces" in picker.count.text()
    picker.add_group("territorial")
    assert len(picker.chosen_ids()) == len(load_directory().group("territorial")) == 45
    picker.add_group("national")
    assert "btp" in picker.chosen_ids()
    picker.filter.setText("scot")
    shown = [picker.list.item(i) for i in range(picker.list.count()) if not picker.list.item(i).isHidden()]
    # the Scottish bodies, not the Met (whose other name is Scotland Yard)
    assert [i.text().split(" — ")[0] for i in shown] == ["Police Scotland", "Scottish Police Authority"]
    picker.set_chosen(["wmp"])
    assert [f.name for f in picker.chosen_forces()] == ["West Midlands Police"]
    # a force with no FOI address says so, and how to add one
    picker.filter.setText("glouc")
    glos = next(picker.list.item(i) for i in range(picker.list.count()) if not picker.list.item(i).isHidden())
    assert "(no FOI email known)" in glos.text()
    assert "foi-composer forces --set-email gloucestershire_police ADDRESS" in glos.toolTip()
    # a force that asks for requests through its online form says so, with the form's address
    picker.filter.setText("dorset")
    dorset = next(picker.list.item(i) for i in range(picker.list.count()) if not picker.list.item(i).isHidden())
    assert dorset.text() == "Dorset Police — FOIA  (online form)"
    assert dorset.toolTip().splitlines()[-2] == (
        "This force asks for requests through its online form: "
        f"{load_directory().get('dorset_police').foi_form}; the letter text is ready to paste.")
    # its address is only as WhatDoTheyKnow listed it: where to check it is in the tip too
    assert dorset.toolTip().splitlines()[0] == (
        "Its FOI address, foi@dorset.pnn.police.uk, is the one WhatDoTheyKnow listed and no newer source "
        "confirms it: check it at https://www.whatdotheyknow.com/body/dorset_police or on the force's own "
        "FOI page before sending, and set a changed one with “FOI address…”.")
    # last, who is at its head and who holds them to account, as the directory says
    assert dorset.toolTip().splitlines()[-1] == (
        "Its chief officer is the Chief Constable of Dorset Police, held to account by the Police and Crime "
        "Commissioner for Dorset.")
    picker.filter.setText("scottish police authority")
    spa = next(picker.list.item(i) for i in range(picker.list.count()) if not picker.list.item(i).isHidden())
    assert spa.toolTip().splitlines()[-1] == (
        "It oversees Police Scotland and holds the Chief Constable of Police Scotland to account; it keeps "
        "reports on that force's records, not the records.")
    # the names campaigners type find a force as its name does
    for typed, name in (("GMP", "Greater Manchester Police"), ("the met", "Metropolitan Police Service"),
                        ("avon & somerset", "Avon and Somerset Police")):
        picker.filter.setText(typed)
        shown = [picker.list.item(i) for i in range(picker.list.count()) if not picker.list.item(i).isHidden()]
        assert [i.text().split(" — ")[0] for i in shown] == [name], typed
    assert "online form" not in glos.text() + glos.toolTip()


def test_dialog_lists_pass_model_checks(keep, qtbot, qtmodeltester):
    library = Library()
    library.save(draft(), "Risk scores")
    dialog = QtLibraryDialog(library)
    keep.append(dialog)
    qtmodeltester.check(dialog.saved.model())
    qtmodeltester.check(dialog.binned.model())
    order = QtOrderDialog(draft())
    keep.append(order)
    qtmodeltester.check(order.tree.model(), force_py=True)
    # Two parts, and the line where a force would stop: the open-ended part 1 passes the limit.
    assert order.tree.topLevelItemCount() == 3 and order.stop_line() is order.tree.topLevelItem(0)


def test_findings_are_listed_problems_first_then_warnings_then_notes(qtmodeltester):
    from composer.checker.findings import Finding
    from composer.ui.qt_findings import QtFindingsModel

    def finding(severity, part):
        return Finding(rule=f"r-{severity}-{part}", category="clarity", severity=severity,
                       part_id=part, message=severity, law="s1(3)")

    model = QtFindingsModel()
    # As the checker returns them: in the letter's order, a note on part 1 before a problem on 2.
    model.set_findings([finding("info", "a"), finding("warning", "a"), finding("error", "b"),
                        finding("info", "b"), finding("warning", "b")], {"a": "1", "b": "2"})
    qtmodeltester.check(model)
    assert [(f.severity, f.part_id) for f in model.findings] == [
        ("error", "b"), ("warning", "a"), ("warning", "b"), ("info", "a"), ("info", "b")]


def test_export_dialog_shows_each_forces_errors_and_writes_none_of_those_letters(qtbot, tmp_path):
    from composer.model import Part, Request

    request = Request(title="Contracts", parts=[Part(text="Please provide contract {contract_ref}.")])
    dialog = QtExportDialog(request, ["wmp", "police_scotland"], Requester(name="Sam Example",
                            email="sam@example.org"), Settings())
    qtbot.addWidget(dialog)
    shown = dialog.findings.toPlainText()
    assert "2 of 2 letters have errors" in shown and "will not be written" in shown
    assert "West Midlands Police: 1 error" in shown and "Police Scotland: 1 error" in shown
    assert "{contract_ref}" in shown and "Fix: Fill in 'contract_ref'" in shown
    assert "Part 1 has the field" in shown and "Part 1: Part 1" not in shown  # where, said once
    folder = tmp_path / "letters"
    dialog.folder.setText(str(folder))
    with qtbot.waitSignal(dialog.finished_export, timeout=60000) as done:
        assert dialog.start()
    summary = done.args[0]
    assert summary.written == [] and len(summary.refused) == 2 and not folder.exists()
    assert "2 not written" in dialog.report.toPlainText()
    dialog.anyway.setChecked(True)
    assert "will be written anyway" in dialog.findings.toPlainText()
    with qtbot.waitSignal(dialog.finished_export, timeout=60000) as done:
        assert dialog.start()
    assert len(done.args[0].written) == 2


def test_a_force_s_foi_address_is_set_from_the_app_as_the_command_line_sets_it(qtbot, data_home, monkeypatch):
    """Session 8: the app had no screen for a force's FOI address (only `forces --set-email`).
    The dialog takes the same step: a malformed address is refused in one line and nothing is
    saved; a good one is dated and kept in the data folder; one it replaces is named before
    saving and after; the force picker's list and its chosen forces carry it at once."""
    from datetime import date

    from composer.forces import load_directory, missing_address
    from composer.ui.qt import QDialogButtonBox
    from composer.ui.qt_force_address import QtForceAddressDialog
    from composer.ui.qt_force_picker import QtForcePicker

    dialog = QtForceAddressDialog(today=date(2026, 12, 2))
    qtbot.addWidget(dialog)
    assert dialog.chosen.id == "gloucestershire_police"  # it opens on a force with no address
    assert dialog.current.text() == "none known"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    dialog.address.setText("foi at glos")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "not an email address" in dialog.problem.text() and dialog.result() == 0
    assert dialog.address.text() == "foi at glos"  # the words kept to correct
    assert not (data_home / "forces.json").exists()
    dialog.address.setText("foi@example.org")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == QtForceAddressDialog.DialogCode.Accepted
    assert dialog.done_.what == ("Gloucestershire Constabulary: FOI address set to foi@example.org, "
                                 "checked 2026-12-02")
    glos = load_directory().get("gloucestershire_police")
    assert (glos.foi_email, glos.email_checked, missing_address(glos)) == ("foi@example.org", date(2026, 12, 2), None)
    assert "gloucestershire_police" in (data_home / "forces.json").read_text()

    kent = load_directory().get("kent_police")
    again = QtForceAddressDialog("kent_police", today=date(2026, 12, 3))
    qtbot.addWidget(again)
    assert again.current.text().startswith(kent.foi_email)
    again.address.setText("new-foi@example.org")
    assert again.problem.text() == f"Saving replaces {kent.foi_email}."  # said before saving
    again.save()
    assert again.done_.what.endswith(f"it replaces {kent.foi_email}")  # and after

    picker = QtForcePicker(["kent_police"])
    qtbot.addWidget(picker)
    picker.set_chosen(["kent_police", "north_wales_police"])
    wales = next(picker.list.item(i) for i in range(picker.list.count())
                 if picker.list.item(i).data(Qt.ItemDataRole.UserRole) == "north_wales_police")
    picker.list.setCurrentItem(wales)
    asked = []

    def answer(cls, parent, force_id=None):
        asked.append(force_id)
        from composer.operations.forces import set_foi_address

        return set_foi_address(force_id, "wales-foi@example.org")

    monkeypatch.setattr(QtForceAddressDialog, "ask", classmethod(answer))
    with qtbot.waitSignal(picker.changed):
        qtbot.mouseClick(picker.address_button, Qt.MouseButton.LeftButton)
    assert asked == ["north_wales_police"]  # the highlighted force
    chosen = {f.id: f.foi_email for f in picker.chosen_forces()}
    assert chosen["north_wales_police"] == "wales-foi@example.org"  # letters from now on use it
    assert chosen["kent_police"] == "new-foi@example.org"


def test_a_force_s_online_form_is_set_and_removed_in_the_foi_address_dialog(qtbot, data_home):
    """Session 9: `forces --set-form` had no place in the app. The FOI address dialog has a field
    for the form's address and a box to remove one, taking the same step: a bad address is one
    line and nothing is saved (not the email beside it either); a form it replaces is named before
    saving and after; the lists of forces mark it at once."""
    from datetime import date

    from composer.forces import load_directory
    from composer.ui.qt import QDialogButtonBox
    from composer.ui.qt_force_address import QtForceAddressDialog
    from composer.ui.qt_force_picker import QtForcePicker

    dialog = QtForceAddressDialog("kent_police", today=date(2026, 12, 2))
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.current_form.text() == "none recorded" and not dialog.clear_form.isEnabled()
    dialog.form.setText("www.kent.police.uk/foi/form")
    assert save.isEnabled()  # a form alone is something to save
    dialog.address.setText("foi@example.org")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "is not a web address" in dialog.problem.text() and dialog.result() == 0
    assert dialog.form.text() == "www.kent.police.uk/foi/form"  # kept to correct
    assert not (data_home / "forces.json").exists()  # the good email waits for the form too
    dialog.form.setText("https://www.kent.police.uk/foi/form")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == QtForceAddressDialog.DialogCode.Accepted
    assert dialog.done_.what.startswith("Kent Police: FOI address set to foi@example.org, checked 2026-12-02")
    assert dialog.done_.what.endswith("; online form set to https://www.kent.police.uk/foi/form, checked 2026-12-02")
    kent = load_directory().get("kent_police")
    assert (kent.foi_email, kent.foi_form) == ("foi@example.org", "https://www.kent.police.uk/foi/form")
    reopened = QtForceAddressDialog("kent_police")
    qtbot.addWidget(reopened)
    assert reopened.current_form.text() == "https://www.kent.police.uk/foi/form, checked 2026-12-02"

    dorset = load_directory().get("dorset_police")
    again = QtForceAddressDialog("dorset_police", today=date(2026, 12, 3))
    qtbot.addWidget(again)
    looked = [c.on for c in dorset.checked if c.fact == "foi_form"][-1]
    assert again.current_form.text() == f"{dorset.foi_form}, checked {looked.isoformat()}"
    assert again.clear_form.isEnabled()
    again.form.setText("https://www.dorset.police.uk/foi/form")
    assert again.problem.text() == f"Saving replaces the online form {dorset.foi_form}."
    again.clear_form.setChecked(True)  # removing it instead
    assert not again.form.isEnabled()
    assert again.problem.text() == f"Saving removes the online form {dorset.foi_form}."
    qtbot.mouseClick(again.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert again.done_.what == (f"Dorset Police: online form {dorset.foi_form} removed; "
                                f"letters go to {dorset.foi_email}")
    assert load_directory().get("dorset_police").foi_form is None

    picker = QtForcePicker([])
    qtbot.addWidget(picker)
    labels = {picker.list.item(i).data(Qt.ItemDataRole.UserRole): picker.list.item(i).text()
              for i in range(picker.list.count())}
    assert labels["kent_police"].endswith("(online form)") and "online form" not in labels["dorset_police"]


def test_no_two_keys_of_the_library_share_an_alt_key(qtbot):
    """QA-S9: Alt+B reached both the Bin tab and "Move to bin" on the Saved requests tab."""
    import re

    from composer.ui.qt import QAbstractButton, QTabWidget

    dialog = QtLibraryDialog(Library())
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [t.tabText(i) for t in dialog.findChildren(QTabWidget) for i in range(t.count())]
    keys = [k.lower() for t in texts for k in re.findall(r"&([^&\s])", t)]
    assert len(keys) == len(set(keys)), sorted(texts)


def test_space_in_a_filtered_force_list_ticks_the_force_in_view(qtbot):
    """QA-S12, keyboard only in the export dialog: the Met ticked, then "WMP" typed in the filter,
    Tab to the list and Space: the count went to 2 but the hidden Met was unticked and ticked again,
    and West Midlands Police, the one force in view, stayed unticked. The highlighted row now
    follows the filter, and Down in the filter goes into the list."""
    from composer.ui.qt import QItemSelectionModel
    from composer.ui.qt_force_picker import QtForcePicker

    picker = QtForcePicker()
    qtbot.addWidget(picker)
    with qtbot.waitExposed(picker):
        picker.show()
    met = next(picker.list.item(i) for i in range(picker.list.count())
               if picker.list.item(i).data(Qt.ItemDataRole.UserRole) == "the_met")
    picker.list.setCurrentItem(met, QItemSelectionModel.SelectionFlag.NoUpdate)
    picker.set_chosen(["the_met"])
    picker.filter.setFocus()
    qtbot.keyClicks(picker.filter, "WMP")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    assert picker.list.hasFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert sorted(picker.chosen_ids()) == ["the_met", "wmp"]
    picker.filter.setFocus()
    picker.filter.setText("nothing is called this")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    assert picker.filter.hasFocus()
    assert not picker.list.hasFocus()  # no force in view: the key stays in the filter


def test_the_bank_shows_its_questions_with_fields_in_words(keep):
    """QA-S12: the Question bank tab listed "Who developed {system_name}, and who supplies …", braces
    and all, beside an outline and preview that show every field in words."""
    browser = QtBankBrowser(QtDocument(Request()), lambda: None)
    keep.append(browser)
    shown = [browser.tree.topLevelItem(i).child(j)
             for i in range(browser.tree.topLevelItemCount())
             for j in range(browser.tree.topLevelItem(i).childCount())]
    assert shown and not [item.text(0) for item in shown if "{" in item.text(0) or "{" in item.toolTip(0)]
    from composer.ui.qt_bank import ITEM_ID

    supplier = next(item for item in shown if item.data(0, ITEM_ID) == "identity.supplier")
    assert supplier.text(0).startswith("Who developed the system, and who supplies or maintains it now")
