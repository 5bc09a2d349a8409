"""The details under the findings list: the reasons straight after what is wrong, so they are in
view, and the guidance the finding rests on under a heading of its own, not among the reasons."""

from __future__ import annotations

from composer.model import Part, Request


def test_details_show_reasons_before_the_suggestion_and_sources_apart(window):
    window.document.load(Request(parts=[
        Part(id="p1", text="What happened after the death of a man in custody at Northtown police station?"),
    ]), None)
    findings = window.findings
    findings.run_check()
    subject = next(f for f in findings.model.findings if f.rule == "exemption.subject")
    findings.view.setCurrentIndex(findings.model.index(findings.model.findings.index(subject), 2))
    text = findings.details.text()
    assert text.index("How the checker got there") < text.index("Suggestion:") < text.index("Based on:")
    reasons = text[text.index("How the checker got there"):text.index("Suggestion:")]
    assert "Specific investigation: 'the death'" in reasons
    assert "https://" not in reasons and "Source:" not in text
    assert all(url in text[text.index("Based on:"):] for url in subject.sources())
