"""Typing that changes no finding leaves the findings panel as it was: the list is not rebuilt,
and the finding the user chose stays chosen with its details (the panel compares findings in
the order it shows them, problems first)."""

from __future__ import annotations

from composer.model import Part, Request
from composer.operations import request as ops


def draft() -> Request:
    # The checker reports these out of the panel's order (notes before warnings), so a panel
    # that compared the checker's order with its own would rebuild on every keystroke.
    return Request(title="Risk scores", parts=[
        Part(id="p1", text="Please provide all information about the system."),
        Part(id="p2", text="Does the force use an individual risk assessment tool?"),
        Part(id="p3", text="How many people were scored in 2019 by age band and ethnicity?"),
    ])


def test_typing_that_changes_no_finding_keeps_the_list_and_the_choice(window, qtbot):
    window.document.load(draft(), None)
    findings = window.findings
    findings.run_check()
    shown = list(findings.model.findings)
    assert len(shown) > 2, [f.rule for f in shown]
    severities = [f.severity for f in shown]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    chosen = shown[-1]
    findings.view.setCurrentIndex(findings.model.index(len(shown) - 1, 2))
    details = findings.details.text()
    assert chosen.message in details

    resets: list[int] = []
    findings.model.modelReset.connect(lambda: resets.append(1))
    text = window.document.request.find("p2").text
    for typed in ("Does the force use an individual risk assessment tool? T",
                  "Does the force use an individual risk assessment tool? Th"):
        window.document.edit("Typing", ops.set_text, part_id="p2", text=typed, merge_key="text:p2")
        findings.run_check()
        assert findings.model.findings == shown  # nothing the checker says changed
    assert window.document.request.find("p2").text != text
    assert resets == []
    assert findings.current_finding() == chosen
    assert findings.details.text() == details


def test_a_changed_finding_list_keeps_the_chosen_finding_where_it_now_is(window, qtbot):
    window.document.load(draft(), None)
    findings = window.findings
    findings.run_check()
    chosen = next(f for f in findings.model.findings if f.rule == "completeness.workings")
    findings.view.setCurrentIndex(findings.model.index(findings.model.findings.index(chosen), 2))
    before = list(findings.model.findings)
    # p3 no longer asks for figures; the note about the whole request stays.
    window.document.edit("Typing", ops.set_text, part_id="p3",
                         text="Does the force publish its policy on the tool?", merge_key="text:p3")
    findings.run_check()
    assert findings.model.findings != before
    assert chosen in findings.model.findings
    assert findings.current_finding() == chosen
