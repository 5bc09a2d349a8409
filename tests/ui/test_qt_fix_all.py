"""The findings panel's "Fix all of this kind": one undo step, and the re-check that follows
shows no finding of that kind on the parts it fixed."""

from __future__ import annotations

from composer.model import Part, Request


def checked(window, *texts: tuple[str, str]):
    """The findings panel after checking a request of (id, text) parts."""
    window.document.load(Request(parts=[Part(id=pid, text=text) for pid, text in texts]), None)
    window.findings.run_check()
    return window.findings


def select(findings, finding) -> None:
    findings.view.setCurrentIndex(findings.model.index(findings.model.findings.index(finding), 2))


def test_fix_all_leaves_no_finding_of_that_kind_where_it_applied(window, qtbot):
    findings = checked(window, ("p1", "How many burglaries were recorded, by ward?"),
                       ("p2", "How many robberies were recorded, by ward?"))
    lead = next(f for f in findings.model.findings if f.fix is not None and "calendar years" in f.fix.label)
    select(findings, lead)
    assert "Read as:" in findings.details.text()  # the reading behind it is shown
    steps = window.document.undo_stack.count()
    with qtbot.waitSignal(findings.checked, timeout=5000):
        findings.fix_all_button.click()
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText().startswith("Fix all")
    rules = {lead.rule, *lead.also}
    assert not [f for f in findings.model.findings
                if f.part_id in ("p1", "p2") and rules & {f.rule, *f.also}]
    window.document.undo_stack.undo()
    assert window.document.request.find("p1").text == "How many burglaries were recorded, by ward?"


def test_a_cost_finding_opens_the_order_for_the_cost_limit(window, qtbot, monkeypatch):
    from composer.ui.qt import QDialog
    from composer.ui.qt_order import QtOrderDialog

    findings = checked(window, ("big", "Please send me all emails about the system."),
                       ("small", "Does the force use the system?"))
    cost = next(f for f in findings.model.findings if f.category == "cost" and f.part_id == "big")
    other = next(f for f in findings.model.findings if f.category != "cost")
    select(findings, other)
    assert not findings.order_button.isVisibleTo(findings)
    select(findings, cost)
    assert findings.order_button.isVisibleTo(findings)

    def suggest_and_accept(self):
        self.suggest()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtOrderDialog, "exec", suggest_and_accept)
    steps = window.document.undo_stack.count()
    findings.order_button.click()
    assert [p.id for p in window.document.request.ordered_parts()] == ["small", "big"]
    assert window.document.undo_stack.count() == steps + 1
