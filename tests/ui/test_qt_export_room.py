"""The export dialog at its default size: the list of forces, which is what is chosen from, shows
enough rows to choose from."""

from __future__ import annotations

from composer.model import Part, Requester, Request
from composer.ui.qt_export import QtExportDialog
from composer.ui.settings import Settings


def test_the_force_list_shows_ten_rows_at_the_default_size(qtbot):
    request = Request(title="t", parts=[Part(text="Does the force use a risk scoring tool?")])
    dialog = QtExportDialog(request, ["wmp", "kent_police", "essex_police"], Requester(name="Sam"), Settings())
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    shown = dialog.forces.list
    assert shown.viewport().height() >= 10 * shown.sizeHintForRow(0)
    assert dialog.findings.height() >= 5 * dialog.findings.fontMetrics().lineSpacing()


def test_the_template_chosen_at_first_is_the_one_the_command_line_uses(qtbot):
    """QA-S8: with nothing remembered the dialog chose the first template by name ("email"), while
    `export` and the README use "formal"."""
    from composer.letters import DEFAULT_TEMPLATE

    request = Request(title="t", parts=[Part(text="Does the force use a risk scoring tool?")])
    dialog = QtExportDialog(request, ["wmp"], Requester(name="Sam"), Settings())
    qtbot.addWidget(dialog)
    assert dialog.template.currentData() == DEFAULT_TEMPLATE == "formal"
    remembered = QtExportDialog(request, ["wmp"], Requester(name="Sam"), Settings(export_template="email"))
    qtbot.addWidget(remembered)
    assert remembered.template.currentData() == "email"


def test_no_two_keys_of_the_export_dialog_share_an_alt_key(qtbot):
    """QA-S9: Alt+E reached both "Write letters with errors too" and Export (a keyboard user
    exporting ticked the box instead); after an export "Open the folder" took Alt+F from Format and
    "Track these letters" Alt+T from Template. Every key counts, shown now or after an export."""
    import re

    from composer.ui.qt import QAbstractButton, QLabel

    request = Request(title="t", parts=[Part(text="Does the force use a risk scoring tool?")])
    dialog = QtExportDialog(request, ["wmp"], Requester(name="Sam"), Settings())
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    keys = [k.lower() for t in texts for k in re.findall(r"&([^&\s])", t)]
    assert len(keys) == len(set(keys)), sorted(texts)


def test_one_force_without_errors_is_named_not_counted(qtbot):
    """QA-S12: the dialog with one force chosen said "No errors for any of the 1 forces."."""
    request = Request(title="t", parts=[Part(text="Does the force use a risk scoring tool?")])
    one = QtExportDialog(request, ["wmp"], Requester(name="Sam"), Settings())
    qtbot.addWidget(one)
    one.judge()
    said = one.findings.toPlainText()
    assert said.startswith("No errors for West Midlands Police."), said
    three = QtExportDialog(request, ["wmp", "kent_police", "essex_police"], Requester(name="Sam"), Settings())
    qtbot.addWidget(three)
    three.judge()
    assert three.findings.toPlainText().startswith("No errors for any of the 3 forces."), three.findings.toPlainText()
