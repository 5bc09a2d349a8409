"""A finding shows the checker's reasoning, and "Fix all of this kind" accepts one fix on every
part that is offered it, as one undoable edit."""

from __future__ import annotations

from composer.model import Part, Request


def test_reasoning_is_shown_and_fix_all_is_one_step(window, qtbot):
    window.document.load(Request(parts=[
        Part(id="p1", text="How many burglaries were recorded, by ward?"),
        Part(id="p2", text="How many robberies were recorded, by ward?"),
        Part(id="p3", text="Does the force use drones?"),
    ]), None)
    findings = window.findings
    findings.run_check()
    periodless = [f for f in findings.model.findings if f.fix is not None and f.fix.kind == "replace_text"
                  and "last five full calendar years" in f.fix.label]
    assert {f.part_id for f in periodless} == {"p1", "p2"}
    findings.view.setCurrentIndex(findings.model.index(findings.model.findings.index(periodless[0]), 2))
    assert "How the checker got there" in findings.details.text()
    assert "Read as:" in findings.details.text()
    assert findings.fix_all_button.isVisibleTo(findings)
    assert findings.fix_all_button.text() == "Fix all of this kind (2)"
    before = window.document.request
    findings.fix_all_button.click()
    after = window.document.request
    assert all(p.text.endswith("for each of the last five full calendar years?") for p in after.parts[:2])
    assert after.parts[2].text == "Does the force use drones?"
    window.document.undo_stack.undo()
    assert window.document.request == before


def test_fix_all_is_not_offered_for_a_single_fix(window):
    window.document.load(Request(parts=[Part(id="p1", text="How many burglaries were recorded, by ward?"),
                                        Part(id="p2", text="Does the force use drones?")]), None)
    findings = window.findings
    findings.run_check()
    fixable = next(f for f in findings.model.findings if f.fix is not None and f.part_id == "p1")
    findings.view.setCurrentIndex(findings.model.index(findings.model.findings.index(fixable), 2))
    assert findings.fix_button.isVisibleTo(findings)
    assert not findings.fix_all_button.isVisibleTo(findings)
