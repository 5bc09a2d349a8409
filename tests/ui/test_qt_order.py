"""The order dialog shows each part's estimated hours, the running total against the Act's limit
and where a force would likely stop."""

from __future__ import annotations

from composer.model import Part, Request
from composer.ordering import suggest_order
from composer.ui.qt_order import QtOrderDialog


def costly_request() -> Request:
    return Request(title="Tasers", parts=[
        Part(id="p1", text="Please give brief details of each incident in 2023 where a Taser was fired at a dog."),
        Part(id="p2", text="Does the force issue Tasers to response officers?"),
        Part(id="p3", text="Please provide a copy of your Taser policy."),
    ])


def test_hours_running_total_and_where_a_force_stops(qtbot):
    request = costly_request()
    suggestion = suggest_order(request)
    dialog = QtOrderDialog(request, suggestion)
    qtbot.addWidget(dialog)
    tree = dialog.tree
    assert [tree.headerItem().text(i) for i in range(4)] == ["Part", "Hours", "Running total", "Why here"]
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    # The cheap parts first; the costly one last, past the limit and in italics.
    assert rows[-1].text(0).startswith("3. Please give brief details")
    assert "past the limit" in rows[-1].text(2) and rows[-1].font(0).italic()
    assert not rows[0].font(0).italic() and float(rows[0].text(1)) < 2
    assert suggestion.stop_at == "p1"
    assert "18 hours under FOIA" in dialog.limit_label.text() and "the first 2 parts" in dialog.limit_label.text()


def test_a_request_within_the_limit_says_so(qtbot):
    request = Request(parts=[Part(text="Does the force use drones?"), Part(text="Please provide your drone policy.")])
    dialog = QtOrderDialog(request, suggest_order(request))
    qtbot.addWidget(dialog)
    assert "within the limit" in dialog.limit_label.text()
